"""The Chinese engine's view of a document: a same-length Simplified matching copy,
its body lines, sentences and date mentions.

Every rule reads `ZhText.v` and reports offsets that are valid in `Document.text`, because
`match_view` and the Traditional → Simplified conversion both keep the length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from partnergraph.dates import DateMention, find_dates
from partnergraph.documents.normalize import match_view
from partnergraph.documents.traditional import to_simplified
from partnergraph.models import Document

# sentence ends: Chinese full stop, ! ? ; (after match_view the full-width forms are ASCII)
_SENT_END = re.compile(r"[。!?;][。!?;]*")  # [。!?;]+, opening with a set the regex engine scans for fast
_DIGIT = re.compile(r"[0-9]")
# furniture lines read for the site's owner (a header and a footer have a handful)
MAX_FURNITURE = 40
# a line left out of the body is still read when it is a paragraph this long (characters)
MIN_PARAGRAPH = 50
_DISCLAIMER = re.compile(r"免责|版权|声明|备案|转载|侵权|联系我们")
# the longest sentence rules read at once; the dev and unlabeled articles have none over 250
MAX_SENTENCE = 400


@dataclass
class ZhText:
    text: str
    v: str
    published: str | None
    published_span: tuple[int, int] | None
    lines: list[tuple[int, int]]
    # lines the page-furniture filter left out (header, footer): read only for the site's owner
    furniture: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)

    @property
    def date_starts(self) -> list[int]:
        if len(self._date_starts) != len(self.dates):
            self._date_starts[:] = [d.start for d in self.dates]
        return self._date_starts

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


def _add_sentence(v: str, out: list[tuple[int, int]], start: int, end: int) -> None:
    """Add a sentence, cut at a comma into pieces of at most MAX_SENTENCE characters, so
    every rule's work per sentence is bounded and the engine linear on any input."""
    while end - start > MAX_SENTENCE:
        k = v.rfind(",", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = k + 1 if k > 0 else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))


def build(document: Document) -> ZhText:
    text = document.text
    v = to_simplified(match_view(text))
    all_lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            all_lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    if document.body:
        lines = [(s.start, s.end) for s in document.body]
        # a paragraph the page-furniture filter left out (记者从…获悉, 通讯员…报道) is text
        starts = {s for s, _ in lines}
        lines += [(a, b) for a, b in all_lines if b - a >= MIN_PARAGRAPH and a not in starts
                  and "。" in v[a:b] and not _DISCLAIMER.search(v, a, b)
                  and not any(x <= a < y for x, y in lines)]
        lines.sort()
    else:
        lines = all_lines
    sentences: list[tuple[int, int]] = []
    for ls, le in lines:
        start = ls
        for m in _SENT_END.finditer(v, ls, le):
            if m.start() > start:
                _add_sentence(v, sentences, start, m.start())
            start = m.end()
        if le > start:
            _add_sentence(v, sentences, start, le)
    dates = []
    for ls, le in lines:
        if _DIGIT.search(v, ls, le):  # every date shape has a digit; most lines have none
            dates.extend(d for d in find_dates(v, ls, le) if d.month is not None)
    ps = document.published_span
    kept = set(lines)
    furniture = [ln for ln in all_lines if ln not in kept][:MAX_FURNITURE]
    return ZhText(text=text, v=v, published=document.published,
                  published_span=(ps.start, ps.end) if ps else None, lines=lines,
                  furniture=furniture, sentences=sentences, dates=dates)


class SpanIndex:
    """Half-open spans sorted by start, answering overlap and cover queries in log time, so
    that rules stay linear on hostile text with thousands of names."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.maxend = []
        best = -1
        for _, e in spans:
            best = max(best, e)
            self.maxend.append(best)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.maxend[i] > a

    def cover_end(self, pos: int) -> int | None:
        """The furthest end of a span that contains `pos`, or None."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.maxend[i] > pos:
            return self.maxend[i]
        return None


def dates_between(zt: ZhText, start: int, end: int) -> list[DateMention]:
    """Date mentions that start in [start, end), in order."""
    starts = zt.date_starts
    return zt.dates[bisect_left(starts, start):bisect_left(starts, end)]
