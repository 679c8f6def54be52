"""Traditional → Simplified Chinese for matching, keeping every offset true.

Lexicons and patterns are written in Simplified characters; releases from Taiwan, Hong Kong
and Macao print Traditional ones. OpenCC ('t2s') converts a whole text at once; when the
result has the same length (the usual case: its phrase table maps character to character)
it is used as is, else each character is converted on its own, which is always the same
length. Either way a span in the converted view is a span in the original text.
"""

from __future__ import annotations

from functools import lru_cache

try:  # opencc is a declared dependency; a broken install only loses Traditional matching
    import opencc
except ImportError:  # pragma: no cover - exercised only without the package
    opencc = None


@lru_cache(maxsize=1)
def _converter():
    if opencc is None:
        return None
    try:
        return opencc.OpenCC("t2s")
    except Exception:  # noqa: BLE001 - any failure to load a config only loses Traditional matching
        return None


@lru_cache(maxsize=8192)
def _char(c: str) -> str:
    conv = _converter()
    try:
        out = conv.convert(c) if conv is not None else c
    except UnicodeError:  # a lone surrogate: OpenCC reads UTF-8
        return c
    return out if len(out) == 1 else c


def to_simplified(view: str) -> str:
    """Same-length Simplified copy of `view` (a `match_view` of the text)."""
    if view.isascii():
        return view
    if len(view) <= _SHORT:
        return _short(view)
    last = _LAST[0]  # one tuple, read once: consistent whatever another thread stores
    for seen, simple in last:
        if seen == view:
            return simple
    out = _convert(view)
    if len(view) > _LONG:
        _LAST[0] = ((view, out), *last[:_KEPT - 1])
    return out


def _convert(view: str) -> str:
    conv = _converter()
    if conv is None:
        return view
    try:
        whole = conv.convert(view)
    except UnicodeError:  # lone surrogates from a bad decode: convert what can be
        whole = ""
    if len(whole) == len(view):
        return whole
    return "".join(map(_char, view))


# a short string (a title, a name, the characters around one) comes again and again: each is
# converted once; a document's whole text is converted by the rules' view and the learned layer's
# proposals and places: the last few long ones are kept with their copies
_SHORT, _LONG, _KEPT = 24, 200, 3
_short = lru_cache(maxsize=8192)(_convert)
_LAST: list[tuple[tuple[str, str], ...]] = [()]
