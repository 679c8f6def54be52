"""Other names of a known organization: acronyms, short forms, cut and reordered forms.

"HUST" spells the initials of "Huazhong University of Science and Technology"; "Hengtong" is
"Hengtong Group" without its head noun; "Industrialization Technology Research Institute" is a
headline's cut of the full name; "Carbon Neutral Research Institute" is "Institute of Carbon
Neutral Research" reordered. A leading word used alone that is more than a cut ("Huayou" beside
"Huayou New Energy Industry Group") is an organization of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, repeat
from operator import is_not, itemgetter

from partnergraph.extraction.rules.english.lexicon import lexicon, title_starts
from partnergraph.extraction.rules.english.orgtable import (
    _ACRONYM,
    _COMPOUND_HEADS,
    _MAX_ORGS,
    CONNECTORS,
    OrgTable,
    _acronym_of,
    _initials,
    word_uses,
)
from partnergraph.extraction.rules.english.text import Article

# Small patterns used inside loops, compiled once.
_NATIONALITY_END = re.compile(r"(?:ican|ian|ese|ish)$")
_PLACE_PREP_BEFORE = re.compile(r"\b(?:in|at|from|to|near|of the city of)\s+$")
_CONTENT_WORD = re.compile(r"[\w\-']+")


class _AcronymMemo(dict):
    """Token text -> the acronym it is (possessive off), or None: a memo, as the test (a pure
    function of the text) runs on every token."""

    def __missing__(self, text: str) -> str | None:
        w = None
        if not (text[1:].islower() or text.islower()):  # "Group", "of": no acronym
            b = text.removesuffix("'s")
            if _ACRONYM.match(b) and b not in lexicon().not_org_acronyms:
                w = b
        if len(self) < 200_000:
            self[text] = w
        return w


_ACRONYM_OF_TOKEN = _AcronymMemo()
_TEXT = itemgetter(2)  # Token.text


def acronym_aliases(art: Article, table: OrgTable, not_org: set[str]) -> None:
    """A standalone all-caps word that spells a known name's initials is that name."""
    seen: set[str] = set()
    memo = _ACRONYM_OF_TOKEN
    prefixed = _prefixed_acronyms(table)
    headed = [i for i in table.live()[:_MAX_ORGS] if table.orgs[i].headed]
    syllables: list[tuple[int, str, str]] | None = None   # built on the first acronym that needs it
    for sent in art.sentences:
        toks = sent.tokens
        # the acronyms among the tokens and where they stand, through the memo in C (map/compress)
        words = list(map(memo.__getitem__, map(_TEXT, toks)))
        found = [(k, words[k]) for k in compress(range(len(words)), map(is_not, words, repeat(None)))]
        for k, w in found:
            if prefixed and w in prefixed and k and toks[k - 1].end + 1 == toks[k].start:
                # "UM-SJTU JI" for "UM-SJTU Joint Institute": the lead word, then the rest's initials
                idx = prefixed[w].get(toks[k - 1].text)
                if idx is not None and table.orgs[idx].name:
                    start = toks[k - 1].start
                    table.alias(idx, art.text[start:toks[k].end], start, toks[k].end)
                    if table.find(w) is None and w not in not_org:
                        table.alias(idx, w)  # "JI" alone, later, is the same institute
            if w in seen or w in not_org:
                continue
            seen.add(w)
            if table.find(w) is not None:
                continue
            hit = next((i for i in headed if table.orgs[i].name and _acronym_of(w, table.orgs[i].name)), None)
            if hit is None and len(w) >= 3:
                # "XMU" for "Xiamen University", "SKKU" for "Sungkyunkwan University": syllables
                # of the first word, then the other words' initials; only when one name fits
                if syllables is None:
                    syllables = _syllable_forms(table, headed)
                fits = [i for i, first, tail in syllables if table.orgs[i].name and _syllables_fit(w, first, tail)]
                hit = fits[0] if len(fits) == 1 else None
            if hit is not None:
                table.alias(hit, w)


def _syllable_forms(table: OrgTable, headed: list[int]) -> list[tuple[int, str, str]]:
    """(organization, its first word lowercased, the initials of the other words) for names whose
    first word is long enough to hold syllables ("Sungkyunkwan University": "sungkyunkwan", "U")."""
    out = []
    for i in headed:
        words = [w for w in _CONTENT_WORD.findall(table.orgs[i].name) if w.lower() not in CONNECTORS]
        if len(words) >= 2 and len(words[0]) >= 5 and words[0][:1].isupper():
            out.append((i, words[0].lower(), _initials(" ".join(words[1:]))))
    return out


def _syllables_fit(acr: str, first: str, tail: str) -> bool:
    lead = acr[:len(acr) - len(tail)].lower()
    if not acr.endswith(tail) or len(lead) < 2 or lead[0] != first[0]:
        return False
    it = iter(first[1:])
    return all(c in it for c in lead[1:])


def _prefixed_acronyms(table: OrgTable) -> dict[str, dict[str, int]]:
    """Acronym of the words after the first -> first word -> organization, for names of three
    or more words whose first word is itself a token ("UM-SJTU Joint Institute": "JI" -> "UM-SJTU")."""
    out: dict[str, dict[str, int]] = {}
    for idx in table.live()[:_MAX_ORGS]:
        org = table.orgs[idx]
        words = org.name.split()
        if not org.headed or len(words) < 3 or not words[0][:1].isupper():
            continue
        rest = _initials(" ".join(words[1:]))
        if 2 <= len(rest) <= 6:
            out.setdefault(rest, {}).setdefault(words[0], idx)
    return out


def short_forms(art: Article, table: OrgTable) -> None:
    """"Hengtong" for "Hengtong Group": a leading part of a name used on its own."""
    lex = lexicon()
    heads = lex.org_heads
    text = art.view
    for idx in table.live()[:_MAX_ORGS]:
        org = table.orgs[idx]
        if not org.headed:
            continue
        words = org.name.split()
        if len(words) == 1 and "-" in words[0] and words[0].rsplit("-", 1)[1] in _COMPOUND_HEADS:
            words = words[0].rsplit("-", 1)  # "Fraunhofer-Gesellschaft": "Fraunhofer" alone is it
        # strip legal forms, parenthesized places and head nouns from the end
        core = list(words)
        legal_or_paren = False
        while core and (core[-1].rstrip(".,") in lex.legal or core[-1].startswith("(")
                        or core[-1].rstrip(".,") in heads):
            legal_or_paren = legal_or_paren or core[-1].rstrip(".,") in lex.legal
            core.pop()
        if not core or core == words:
            continue
        first = core[0]
        if legal_or_paren and len(core) > 1 and _ACRONYM.match(first) and table.find(first) is None \
                and any(not _followed_by(text, pos + len(first), core[1]) for pos, _ in word_uses(text, first)):
            table.alias(idx, first)
        for k in range(len(core), 0, -1):
            short = " ".join(core[:k])
            if len(short) < 3 or short.lower() in lex.breaks or short.lower() in lex.not_name \
                    or short.lower() in lex.field_words or short in lex.places \
                    or _NATIONALITY_END.search(short):
                continue
            if table.find(short) is not None:
                if table.find(short) == idx and k == len(core):
                    table.orgs[idx].surfaces.add(short)  # "Panasonic" for "Panasonic Corp": same key
                break
            uses = [pos for pos, nxt in word_uses(text, short) if not _after_place_word(text, pos)
                    and (nxt is None or nxt.lower() in title_starts())]
            if not uses:
                continue
            if k == len(core) or legal_or_paren and k == 1 and short.isupper():
                table.alias(idx, short)
            elif len(uses) >= 2 and k == 1 and org.kind in ("company", "research"):
                new = table.add(short, "company", uses[0], uses[0] + len(short), headed=False)
                table.orgs[new].headed = False
            break


def _followed_by(text: str, pos: int, word: str) -> bool:
    """`word` comes next after spaces ("SAIC Motor": "SAIC" is not used alone here)."""
    rest = text[pos:pos + len(word) + 8]
    stripped = rest.lstrip()
    return stripped != rest and stripped.startswith(word)


def _after_place_word(text: str, pos: int) -> bool:
    return bool(_PLACE_PREP_BEFORE.search(text[max(0, pos - 16):pos]))


def merge_variants(table: OrgTable) -> None:
    """One organization named two ways: a cut headline form, a suffix, a reordered form."""
    live = sorted(table.live()[:_MAX_ORGS], key=lambda i: -len(table.orgs[i].name))
    for a_pos, a in enumerate(live):
        for b in live[a_pos + 1:]:
            long_, short = table.orgs[a], table.orgs[b]
            if not long_.name or not short.name or not long_.headed or not short.headed:
                continue
            ln, sn = long_.name, short.name
            same = False
            if ln.startswith(sn + " ") and re.match(r"(?:of|for|in|and|&)\b", ln[len(sn) + 1:]) or ln.endswith(" " + sn) and len(sn.split()) >= 3:
                same = True
            else:
                wa = _content(ln)
                if len(wa) >= 3 and wa == _content(sn) and ln.split()[0] != sn.split()[0]:
                    same = True
            if not same and _abbreviated_words(_dotless_words(sn), _words(ln)):
                same = True  # "National Chem Lab" for "National Chemical Laboratory"
            if not same and _acronym_and_head(_words(sn), ln):
                same = True  # "KP Assembly" for "Khyber Pakhtunkhwa Assembly"
            if same:
                table.merge(a, b)


def _acronym_and_head(sw: tuple[str, ...], ln: str) -> bool:
    """The short name is an acronym and the long name's last words: "AME University" for "African
    Methodist Episcopal University", the acronym the initials of the words before them (two or more)."""
    if len(sw) < 2 or not sw[0].isupper() or not _ACRONYM.match(sw[0]):
        return False
    rest = " " + " ".join(sw[1:])
    if not ln.endswith(rest):
        return False
    lead = ln[:-len(rest)]
    return len(lead.split()) >= 2 and _initials(lead) == sw[0].replace(".", "").replace("&", "")


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    return tuple(name.split())


@lru_cache(maxsize=4096)
def _dotless_words(name: str) -> tuple[str, ...]:
    return tuple(name.replace(".", " ").split())


def _abbreviated_words(sw: tuple[str, ...], lw: tuple[str, ...]) -> bool:
    """Word for word, each short word (dots off) starts the long name's word, one at least cut to
    three letters or more: "National Chem Lab" / "National Chemical Laboratory", "Natl. Inst.".
    Takes the words, split once per name (`_words`, `_dotless_words`), not once per pair of names."""
    if len(sw) != len(lw) or len(sw) < 2:
        return False
    cut = False
    for a, b in zip(sw, lw):
        if a == b:
            continue
        if len(a) < 3 or len(a) >= len(b) or not b.lower().startswith(a.lower()) or not a[0].isupper():
            return False
        cut = True
    return cut


@lru_cache(maxsize=4096)
def _content(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _CONTENT_WORD.findall(name) if w.lower() not in CONNECTORS)


