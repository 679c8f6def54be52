"""A matching view of the text with the same length as the text.

Rules match against this view and report offsets that are valid in the original text, so no
offset map is needed: every character is NFKC-normalized on its own when that yields exactly
one character (full-width letters and digits, ideographic space, no-break space), and curly
quotes and dashes are folded to ASCII. Characters whose normal form is longer stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ",
    "\u3000": " ", "\u200b": " ", "\ufeff": " ", "\t": " ", "\r": " ",
}
# the characters the view reads as a plain space (no-break, ideographic, thin, tab, ...)
SPACES = "".join(c for c, folded in _FOLD.items() if folded == " ")


@lru_cache(maxsize=65536)
def _char(c: str) -> str:
    if c in _FOLD:
        return _FOLD[c]
    if c.isascii():
        return c
    n = unicodedata.normalize("NFKC", c)
    if len(n) == 1:
        return _FOLD.get(n, n)
    return c


class _Table(dict):
    """`str.translate` table filled on first sight of each character (`_char`), so the
    per-character work runs in C once the characters of the genre have been seen."""

    def __missing__(self, code: int) -> str:
        out = _char(chr(code))
        if len(self) < 65536:  # bounded, like `_char`'s cache
            self[code] = out
        return out


_TABLE = _Table()
# the last text seen and its view: `prepare` and the engines each ask for the same text
_last: tuple[str, str] = ("", "")


# characters `_char` leaves as they are: printable ASCII, newline, the CJK Unified Ideographs
# (no compatibility decomposition; checked for every one of them when this was written) and
# the common CJK punctuation that has none either; only runs of other characters are mapped
_STABLE_PUNCT = "".join(c for c in "、。〈〉《》「」『』【】〔〕〖〗" if _char(c) == c)
_MAY_CHANGE_CHAR = rf"[^\n\x20-\x7e\u3400-\u4dbf\u4e00-\u9fff{_STABLE_PUNCT}]"
# a run of them: one, then any more (as X+ it was tried at every character; opening with a
# character set, it is scanned for by the regex engine at C speed)
_MAY_CHANGE = re.compile(_MAY_CHANGE_CHAR + _MAY_CHANGE_CHAR + "*")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)


def match_view(text: str) -> str:
    """Same-length normalized copy of `text` for pattern matching."""
    global _last
    if text.isascii():
        return text.replace("\t", " ").replace("\r", " ")
    last = _last
    if last[0] is text or last[0] == text:
        return last[1]
    view = _MAY_CHANGE.sub(_fold_run, text)
    _last = (text, view)
    return view
