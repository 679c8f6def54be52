"""Lone surrogates (U+D800-U+DFFF) are not characters: JSON may carry them (``"\\ud800"``) and
Python keeps them in a `str`, but no UTF-8 writer (stdout, SQLite, a file) accepts them. Every
string from outside is scrubbed where it enters, so nothing later can fail on one.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: str) -> str:
    """`value` with each lone surrogate replaced by U+FFFD (same length, so offsets hold)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def has_surrogates(value: str) -> bool:
    return scrub(value) is not value
