"""Stage 4 (resolution), names: the key under which two spellings of one name meet.

`name_key` is what the knowledge base joins on: "The Huayou Cobalt Co., Ltd.", "HUAYOU COBALT"
and "華友鈷業" written in traditional characters all fold to one key per language form, so
the same organization named with or without its legal form, article or punctuation is one
node. It is idempotent (``name_key(name_key(x)) == name_key(x)``), which a property test holds.

`is_short_form` and `unit_difference` are the two guards resolution needs on top of keys:
short forms (acronyms, one-word names) are ambiguous across articles, and a longer name that
adds an organizational word ("… of Technology", "…学院") names a different body.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"[a-z]")
_MAX_ROUNDS = 8


def _load(name: str) -> tuple[str, ...]:
    text = resources.files("partnergraph.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _suffixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(latin endings as word tuples, CJK endings), longest first."""
    latin, cjk = [], []
    for s in _load("name_key_suffixes.txt"):
        (cjk if _CJK.search(s) else latin).append(s)
    latin.sort(key=lambda s: -len(s))
    cjk.sort(key=len, reverse=True)
    return tuple(latin), tuple(cjk)


@lru_cache(maxsize=1)
def _units() -> tuple[frozenset[str], tuple[str, ...]]:
    latin, cjk = set(), []
    for w in _load("name_key_units.txt"):
        if _CJK.search(w):
            cjk.append(w)
        else:
            latin.add(w)
    return frozenset(latin), tuple(cjk)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


class _Blanks(dict):
    """`str.translate` table: punctuation, symbols, separators and controls (Unicode
    categories P, S, Z, C) to a space, other characters to themselves; filled as characters
    are met (a table of every code point would be built for nothing), up to `LIMIT`."""

    LIMIT = 1 << 16

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = " " if unicodedata.category(ch)[0] in "PSZC" else ch
        if len(self) < self.LIMIT:
            self[code] = out
        return out


_BLANKS = _Blanks()


def _clean(text: str) -> str:
    """One round: fold width, script and case; drop punctuation; strip article and legal form."""
    s = unicodedata.normalize("NFKC", text)
    if _CJK.search(s):
        s = _t2s().convert(s)
    s = s.casefold().replace("&", " and ")
    s = s.translate(_BLANKS)
    s = _SPACES.sub(" ", s).strip()
    if s.startswith("the ") and len(s) > 4:
        s = s[4:]
    latin, cjk = _suffixes()
    for suffix in latin:
        if s.endswith(" " + suffix):
            s = s[: -len(suffix) - 1].rstrip()
            break
    for suffix in cjk:
        if s.endswith(suffix) and len(s) > len(suffix):
            s = s[: -len(suffix)]
            break
    if _CJK.search(s) and not _LATIN.search(s):
        # Chinese names are written without spaces; a space there is layout, not a word break
        s = s.replace(" ", "")
    return s


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The join key of an organization or person name (see the module docstring).

    Rounds of `_clean` repeat to a fixpoint, so the result is stable under another call.
    A name that is only a legal form ("Inc.") keeps it rather than becoming empty.
    """
    s = name
    for _ in range(_MAX_ROUNDS):
        nxt = _clean(s)
        if nxt == s:
            return s
        if not nxt:
            return _fallback(s)
        s = nxt
    return s


def _fallback(s: str) -> str:
    """A name that cleans to nothing (only punctuation): keep its visible characters."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", s).casefold() if not ch.isspace())


@lru_cache(maxsize=200_000)
def is_short_form(name: str) -> bool:
    """Acronyms and one-word names ("HUST", "Huayou", "华科"): many organizations share them,
    so resolution attaches them to a full name only when the attachment is unambiguous."""
    key = name_key(name)
    if _CJK.search(key):
        return len(key) <= 3
    return " " not in key


@lru_cache(maxsize=200_000)
def is_part_of(short: str, long: str) -> bool:
    """`short` is a strictly shorter piece of `long` (whole words; any characters in Chinese)."""
    ks, kl = name_key(short), name_key(long)
    if ks == kl or not ks:
        return False
    if _CJK.search(ks) and not _LATIN.search(ks):
        return ks in kl
    st, lt = ks.split(" "), kl.split(" ")
    return any(lt[i : i + len(st)] == st for i in range(len(lt) - len(st) + 1))


def _units_in(key: str) -> list[str]:
    latin_units, cjk_units = _units()
    if _CJK.search(key) and not _LATIN.search(key):
        return [u for u in cjk_units if u in key]
    return [w for w in key.split(" ") if w in latin_units]


def unit_difference(a: str, b: str) -> str | None:
    """Why names `a` and `b` are different organizations although one contains the other.

    Two organization names (each with an organizational word: "Wuhan University", "华中科技
    大学") where the longer adds another organizational word ("… of Technology", "…材料学院")
    name different bodies; in Chinese only what follows the shorter name counts, since a
    parent written before it ("华北理工大学冀唐学院" for "冀唐学院") names the same body. A bare name ("Soochow", "Daqo") that the longer one completes
    with its head word ("Soochow University", "Daqo Group") is not kept apart, nor is an
    addition without an organizational word (a place: "Zhejiang Huayou Cobalt").
    Returns the reason, or None.
    """
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return None
    longer, shorter = (ka, kb) if len(ka) >= len(kb) else (kb, ka)
    if not _units_in(shorter):
        return None
    if _CJK.search(shorter) and not _LATIN.search(shorter):
        if shorter not in longer:
            return None
        # Chinese names nest parent first: what follows the shorter name is a sub-unit
        # (华中科技大学 → 华中科技大学材料学院); what precedes it qualifies the same body
        # (冀唐学院 → 华北理工大学冀唐学院)
        extra = longer[longer.index(shorter) + len(shorter):]
        hits = _units_in(extra)
        return f"'{longer}' adds '{extra}' ({hits[0]}) to '{shorter}'" if hits else None
    lt, st = longer.split(" "), shorter.split(" ")
    n = len(st)
    for i in range(len(lt) - n + 1):
        if lt[i : i + n] == st:
            # English names a sub-unit after its parent ("Wuhan University of Technology",
            # "Peking University Third Hospital") or before it, starting with the unit word
            # ("Institute of Physics, Chinese Academy of Sciences"); other words before it
            # qualify the same body ("USTC-Daqo Group Dual-Carbon … Laboratory")
            before, after = " ".join(lt[:i]), " ".join(lt[i + n :])
            hits = _units_in(after) or (_units_in(lt[0]) if before else [])
            if hits:
                extra = " … ".join(x for x in (before, after) if x)
                return f"'{longer}' adds '{extra}' ({hits[0]}) to '{shorter}'"
            return None
    return None
