"""Sentences and tokens for the learned layer's features, the same for both languages.

The rule engines keep their own richer views; candidates need only sentence spans (a sentence
never cuts an organization mention) and a cheap token list: lower-cased words for English,
characters for Chinese. Every pattern is a single character class or a bounded run: linear.
"""

from __future__ import annotations

import re

from partnergraph.models import Document

# a sentence ends at . ! ? ; (and their full-width forms) followed by space, or at a line break
# (written to open with one character set, which the regex engine scans for at C speed, each
# branch after it told by the character it opened with: the plain alternation, whose branches
# open with repeats, was tried at every character, ten times slower)
_END = re.compile(r"[.!?;。！？；\n](?:(?<=[.!?;])[.!?;]*[\"'”’)]*(?=\s)|(?<=[。！？；])[。！？；]*[”’」』）]*|(?<=\n)\n*)")
_WORD = re.compile(r"[0-9a-z]+(?:['’][a-z]+)?|[^\s0-9a-z]", re.IGNORECASE)
_LOWER_WORD = re.compile(_WORD.pattern)  # the same, case-sensitive: on lower-case text
_ABBREV = ("mr", "mrs", "ms", "dr", "prof", "co", "no", "st", "jr", "inc", "ltd", "corp", "u.s", "vs", "h.e")


def sentences(doc: Document, protect: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans within the document's body, never cutting a span of `protect`."""
    inside = sorted(protect)
    out: list[tuple[int, int]] = []
    text = doc.text
    k = 0
    for p0, p1, cuts in _cuts(doc):
        start = p0
        for cut in cuts:
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


def _cuts(doc: Document) -> list[tuple[int, int, list[int]]]:
    """Each body part with the places a sentence may end in it (`_END`, not after an
    abbreviation): found once per document (the tagger asks with nothing to protect, the
    candidates with the names), the last document's kept (its very text and its parts)."""
    text = doc.text
    parts = tuple((s.start, s.end) for s in doc.body) or ((0, len(text)),)
    last = _CUTS_LAST[0]
    if last[0] is text and last[1] == parts:
        return last[2]
    got = [(p0, p1, [m.end() for m in _END.finditer(text, p0, p1)
                     if not (text[m.start()] == "." and _abbrev_before(text, m.start()))]) for p0, p1 in parts]
    _CUTS_LAST[0] = (text, parts, got)
    return got


# the last document `_cuts` read: its text (the very object), body parts and cuts
_CUTS_LAST: list[tuple[str | None, tuple, list]] = [(None, (), [])]


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
        # case depends on its neighbours): the same words, found in the lowered text at once;
        # there the pattern needs no IGNORECASE (a third faster) but for ſ and ı, lower-case
        # letters it takes for s and i (every other character it folds to a-z is upper case)
        if "\u017f" in low or "\u0131" in low:
            return _WORD.findall(low)
        return _LOWER_WORD.findall(low)
    return [t.lower() for t in _WORD.findall(text)]
