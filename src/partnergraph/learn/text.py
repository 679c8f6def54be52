"""Sentences and tokens for the learned layer's features, the same for both languages.

The rule engines keep their own richer views; candidates need only sentence spans (a sentence
never cuts an organization mention) and a cheap token list: lower-cased words for English,
characters for Chinese. Every pattern is a single character class or a bounded run: linear.
"""

from __future__ import annotations

import re

from partnergraph.models import Document

# a sentence ends at . ! ? ; (and their full-width forms) followed by space, or at a line break
_END = re.compile(r"[.!?;]+[\"'”’)]*(?=\s)|[。！？；]+[”’」』）]*|\n+")
_WORD = re.compile(r"[0-9a-z]+(?:['’][a-z]+)?|[^\s0-9a-z]", re.IGNORECASE)
_ABBREV = ("mr", "mrs", "ms", "dr", "prof", "co", "no", "st", "jr", "inc", "ltd", "corp", "u.s", "vs", "h.e")


def sentences(doc: Document, protect: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans within the document's body, never cutting a span of `protect`."""
    inside = sorted(protect)
    out: list[tuple[int, int]] = []
    parts = [(s.start, s.end) for s in doc.body] or [(0, len(doc.text))]
    text = doc.text
    k = 0
    for p0, p1 in parts:
        start = p0
        for m in _END.finditer(text, p0, p1):
            cut = m.end()
            if text[m.start()] == "." and _abbrev_before(text, m.start()):
                continue
            while k < len(inside) and inside[k][1] <= cut:
                k += 1
            if k < len(inside) and inside[k][0] < cut < inside[k][1]:
                continue
            if text[start:cut].strip():
                out.append((start, cut))
            start = cut
        if text[start:p1].strip():
            out.append((start, p1))
    return out


def _abbrev_before(text: str, dot: int) -> bool:
    i = dot
    while i > 0 and dot - i < 6 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def tokens(text: str, lang: str) -> list[str]:
    """Lower-cased word tokens (English) or non-space characters (Chinese)."""
    if lang == "zh":  # str.split() drops exactly the characters isspace() names
        return list("".join(text.lower().split()))
    low = text.lower()
    if len(low) == len(text) and "\u03a3" not in text:
        # each character lowered alone (no expansion such as İ, no final sigma, whose lower
        # case depends on its neighbours): the same words, found in the lowered text at once
        return _WORD.findall(low)
    return [t.lower() for t in _WORD.findall(text)]
