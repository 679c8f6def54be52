"""Sentences and tokens of an English article, with offsets into `Document.text`.

Body lines may be hard-wrapped mid-sentence, so adjacent body lines are joined into paragraphs
first; a paragraph is split into sentences at end punctuation that is not an abbreviation.
All work happens on one flat copy of the match view with line breaks turned into spaces, so
every offset is an offset into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from partnergraph.documents.normalize import SPACES, match_view
from partnergraph.extraction.rules.english.lexicon import lexicon
from partnergraph.models import Document

# A token: an initialism ("B.C."), capitals joined by "&" ("A&M", "AT&T", "R&D"), a word
# (letters, digits, inner ' - .), or one punctuation mark:
#   (?:[A-Za-z]\.){2,} | (?<![\w&])[A-Z]{1,4}&[A-Z]{1,4}(?![\w&]) | [^\W_](?:[\w'\-]*[^\W_])? | [^\s\w]
# written to open with the one character every token opens with (no space, no "_"), which the
# regex engine scans for at C speed, each branch after it told by that character (a lookbehind):
# the same matches (tests/test_speed_equivalence.py); the plain alternation was tried at every
# character, a fifth slower over an article
_TOKEN = re.compile(r"[^\s_](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|(?<=[A-Z])(?<![\w&].)[A-Z]{0,3}&[A-Z]{1,4}(?![\w&])"
                    r"|(?<=[^\W_])(?:[\w'\-]*[^\W_])?|(?<=[^\s\w]))")
_END_PUNCT = re.compile(r"[.!?:;\"')\]]$")
# A sentence end: [.!?]+ then closing marks, space and a capital or digit; or [!?]+ and space.
# Written with the first mark outside the alternation so the engine skips to the next [.!?]
# instead of trying both branches at every character (same matches; 0.063 -> 0.012 ms per doc).
_BOUNDARY = re.compile(r"[.!?](?:[.!?]*[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|(?<=[!?])[!?]*\s+)")
_ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "no", "co", "jr", "sr", "vs", "etc", "e.g", "i.e", "fig", "op", "vol", "pp", "dept", "gen", "gov", "sen", "rep", "ven", "engr", "h", "c", "u.s", "b.c", "a.m", "p.m", "approx"]
)
# Initials written together, before their last full stop ("P.L.N.G" of "P.L.N.G. Rao")
_INITIALS_BEFORE = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z]){1,4}\Z")
# A legal form ends a sentence only when a sentence-starting word follows ("... Co., Ltd. The").
_LEGAL_ABBREV = frozenset(["ltd", "inc", "corp", "co", "plc", "llc"])
# A hard-wrapped line is long: the wrapped articles seen run 55-80 characters a line, while a
# headline left on its own line without end punctuation is usually shorter than this.
_WRAP_MIN = 45
# A hard-wrapped article: at least this many lines, wrapped at no more than _WRAP_MAX
# characters; a line within _WRAP_SLACK of the width was filled (the next word did not fit).
_WRAP_LINES = 6
_WRAP_MAX = 110
_WRAP_SLACK = 20


class Token(NamedTuple):
    """A token; a named tuple: built with `tuple.__new__` in `tokenize`, the cheapest way to
    make thousands of small records per article (read-only, like before)."""
    start: int
    end: int
    text: str
    lower: str


_new_tuple = tuple.__new__


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    title: bool = False   # the headline


@dataclass(slots=True)
class Article:
    text: str          # Document.text
    view: str          # match view, line breaks as spaces
    low: str           # `view` lowercased, same length (for patterns without IGNORECASE: faster)
    sentences: list[Sentence]
    published: str | None
    published_span: tuple[int, int] | None = None   # the date line's date: no event's date
    dates: dict = field(default_factory=dict)         # sentence (start, end) -> its dates, filled once


def _headline(line: str) -> bool:
    """A Title Case line ("Cheng Shiu University Signs MOU to Share Resources") is a headline."""
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    last = line.split()[-1] if line.split() else ""
    return (len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
            and (last[:1].isupper() or last[:1].isdigit()))


def _wrap_width(lines: list[tuple[int, int]]) -> int | None:
    """The width a hard-wrapped article (a typed or e-mailed release, a copy from a PDF) is
    wrapped at: most of its lines of some length end within a few characters of one width,
    where an unwrapped article's paragraphs run to every length."""
    lengths = sorted(e - s for s, e in lines if e - s >= 30)
    if len(lengths) < _WRAP_LINES:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(width - _WRAP_SLACK <= n <= width + 5 for n in lengths)
    return width if width <= _WRAP_MAX and near >= 0.6 * len(lengths) else None


def _paragraphs(doc: Document, view: str) -> list[tuple[int, int, bool]]:
    lines = sorted((s.start, s.end) for s in doc.body)
    title = (doc.title_span.start, doc.title_span.end) if doc.title_span else None
    width = _wrap_width(lines)
    out: list[tuple[int, int, bool]] = []
    for start, end in lines:
        is_title = title is not None and start <= title[0] < end
        if out and not is_title and width is not None:
            p_start, p_end, p_title = out[-1]
            gap = view[p_end:start]
            # the last line of the paragraph (or headline) so far
            line_start = max(p_start, view.rfind("\n", 0, p_end) + 1)
            # a headline goes on only into a last line of its own (its tail, before a blank line)
            tail = not p_title or "\n\n" in view[end:end + 3].replace(" ", "") or not view[end:].strip()
            if gap.count("\n") == 1 and not gap.strip() and p_end - line_start >= width - _WRAP_SLACK and tail:
                # a wrapped article: a full line goes on, whatever the next line starts with
                # ("... Group (JMCG) and Contemporary" / "Amperex Technology Limited (CATL)")
                out[-1] = (p_start, end, p_title)
                continue
        if out and not is_title and not out[-1][2]:
            p_start, p_end, _ = out[-1]
            gap = view[p_end:start]
            prev_line = view[p_start:p_end]
            if (gap.count("\n") == 1 and not gap.strip() and not _END_PUNCT.search(prev_line)
                    and (view[start].islower() or not _headline(prev_line))
                    and (view[start].islower() or p_end - view.rfind("\n", 0, p_end) > _WRAP_MIN)):
                out[-1] = (p_start, end, False)
                continue
        out.append((start, end, is_title))
    return out


# The spaces the view reads as " " (pages pasted from the web are full of no-break and
# ideographic ones) are plain spaces in the text that names are cut from too, so
# "Yansheng\xa0Wu" and "Yansheng Wu" are one person. Same length: offsets stay true.
_SPACES = re.compile(f"[{re.escape(SPACES)}]")
_WORD_SPLIT = re.compile(r"[\s(]")
_NEXT_WORD = re.compile(r"[\"'(\[]?([A-Za-z]+)")


def _split(view: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cur = start
    for m in _BOUNDARY.finditer(view, start, end):
        before = view[max(cur, m.start() - 6):m.start()]
        word = _WORD_SPLIT.split(before)[-1].lower().rstrip(".")
        if view[m.start()] == "." and (word in _ABBREV or len(word) == 1 and word.isalpha()):
            continue
        if view[m.start()] == "." and _INITIALS_BEFORE.search(view, max(cur, m.start() - 10), m.start()):
            continue  # "D.J. Koh", "P.L.N.G. Rao": initials written together
        if view[m.start()] == "." and word in _LEGAL_ABBREV:
            nxt = _NEXT_WORD.match(view[m.end():m.end() + 20])
            if not nxt or nxt.group(1).lower() not in lexicon().breaks:
                continue
        out.append((cur, m.start() + 1))
        cur = m.end()
    if cur < end:
        out.append((cur, end))
    return out


def tokenize(view: str, start: int, end: int) -> list[Token]:
    """The tokens of view[start:end]: each match's start, end, text and lower case, read and
    made into tokens at C level (map), not one Python step a token."""
    ms = list(_TOKEN.finditer(view, start, end))
    words = list(map(_GROUP, ms))
    return list(map(_new_tuple, repeat(Token), zip(map(_START, ms), map(_END, ms), words, map(str.lower, words))))


_GROUP, _START, _END = re.Match.group, re.Match.start, re.Match.end


def read(doc: Document) -> Article:
    folded = match_view(doc.text)
    view = folded.replace("\n", " ")
    sentences: list[Sentence] = []
    pub = doc.published_span
    for p_start, p_end, is_title in _paragraphs(doc, folded):
        if pub is not None and p_start <= pub.start < p_end and p_end - p_start < 80:
            continue  # the date line under the headline
        for s, e in _split(view, p_start, p_end):
            while s < e and view[s] == " ":
                s += 1
            if e > s:
                sentences.append(Sentence(s, e, tokenize(view, s, e), is_title))
    pub_span = (pub.start, pub.end) if pub is not None else None
    text = _SPACES.sub(" ", doc.text)
    return Article(text, view, _lower(view), sentences, doc.published, pub_span)


def may_match(seg: str, words: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern, every match of which holds one of `words`
    (lowercase ASCII), cannot match in `seg`: an ASCII text lacking every word. A text with
    other characters is always tried (case folding pairs "s" with "ſ", "i" with "ı")."""
    return not seg.isascii() or any(w in seg.lower() for w in words)


def _lower(view: str) -> str:
    low = view.lower()
    if len(low) == len(view):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in view)  # "İ" lowers to two characters
