"""The Chinese engine's view of a document: a same-length Simplified matching copy,
its body lines, sentences and date mentions.

Every rule reads `ZhText.v` and reports offsets that are valid in `Document.text`, because
`match_view` and the Traditional → Simplified conversion both keep the length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partnergraph.dates import DateMention, find_dates
from partnergraph.documents.normalize import match_view
from partnergraph.documents.traditional import to_simplified
from partnergraph.models import Document

# sentence ends: Chinese full stop, ! ? ; (after match_view the full-width forms are ASCII)
_SENT_END = re.compile(r"[。!?;]+")


@dataclass
class ZhText:
    text: str
    v: str
    published: str | None
    published_span: tuple[int, int] | None
    lines: list[tuple[int, int]]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]


def build(document: Document) -> ZhText:
    text = document.text
    v = to_simplified(match_view(text))
    if document.body:
        lines = [(s.start, s.end) for s in document.body]
    else:
        lines, pos = [], 0
        for raw in text.split("\n"):
            if raw.strip():
                lines.append((pos, pos + len(raw)))
            pos += len(raw) + 1
    sentences = []
    for ls, le in lines:
        start = ls
        for m in _SENT_END.finditer(v, ls, le):
            if m.start() > start:
                sentences.append((start, m.start()))
            start = m.end()
        if le > start:
            sentences.append((start, le))
    dates = []
    for ls, le in lines:
        dates.extend(d for d in find_dates(v, ls, le) if d.month is not None)
    ps = document.published_span
    return ZhText(text=text, v=v, published=document.published,
                  published_span=(ps.start, ps.end) if ps else None, lines=lines,
                  sentences=sentences, dates=dates)
