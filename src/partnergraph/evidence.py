"""Evidence as a reader checks it: the sentence an event was read from, and an article's text
cut into plain and marked pieces at the evidence spans.

Read side only (query.py and the web app): spans come from the store as the backend gave
them, `[start, end)` into the article text. Pieces are plain strings with a label, never
HTML, so whoever shows them (a terminal, a template that autoescapes) decides how to mark
them up and untrusted article text is never interpreted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# sentence ends in English and Chinese; a line break ends a headline or a list line
_END = re.compile(r"[.!?。！？；;]['\"”’)）]*(?=\s|$)|[。！？]|\n")
# the longest quote shown: a run-on "sentence" (a table, a list with no stops) is cut there
MAX_QUOTE = 600


@dataclass(slots=True)
class Mark:
    start: int  # into the quote (or the text) it belongs to
    end: int
    field: str
    text: str


@dataclass(slots=True)
class Piece:
    text: str
    field: str | None = None  # None: plain text; else the evidence label ("party", "date", ...)
    who: str | None = None  # what the mark belongs to ("event", "person", "organization")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around `[start, end)`, at most `MAX_QUOTE` characters."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    lo = max(0, start - MAX_QUOTE)
    left = lo
    for m in _END.finditer(text, lo, start):
        left = m.end()
    hi = min(len(text), end + MAX_QUOTE)
    m = _END.search(text, end, hi)
    right = m.end() if m else hi
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    if right - left > MAX_QUOTE:  # centre the window on the span
        left = max(left, min(start, end - MAX_QUOTE // 2) - MAX_QUOTE // 4)
        right = min(right, left + MAX_QUOTE)
    return left, right


def quote(text: str, spans: list[tuple[int, int, str | None]]) -> tuple[str, int, list[Mark]]:
    """(sentence, its offset in `text`, the spans inside it) for an event's evidence: the
    sentence of its trigger (else of its first span)."""
    valid = [(a, b, f or "evidence") for a, b, f in spans if 0 <= a < b <= len(text)]
    if not valid:
        return "", 0, []
    anchor = next((s for s in valid if s[2] == "trigger"), min(valid))
    left, right = sentence_bounds(text, anchor[0], anchor[1])
    marks = [Mark(a - left, b - left, f, text[a:b]) for a, b, f in sorted(valid)
             if a >= left and b <= right]
    return text[left:right], left, marks


def pieces(text: str, marks: list[tuple[int, int, str, str]]) -> list[Piece]:
    """`text` cut at the marks (start, end, field, who): overlapping marks keep the first
    (outermost) one; plain text between them is a piece with no field."""
    out: list[Piece] = []
    at = 0
    for a, b, f, who in sorted(marks, key=lambda m: (m[0], -m[1])):
        if a < at or b > len(text) or a >= b:
            continue
        if a > at:
            out.append(Piece(text[at:a]))
        out.append(Piece(text[a:b], f, who))
        at = b
    if at < len(text):
        out.append(Piece(text[at:]))
    return out
