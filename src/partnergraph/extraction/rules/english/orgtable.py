"""The organizations of one article: names, forms, and where each form occurs.

`OrgTable` keeps one entry per organization with every form the text uses for it (fullest
name, acronyms, short forms); `norm()` is the key two forms of one name share. Once every
form is known, `locate()` finds all of them again in the body with one Aho-Corasick automaton,
longest match first, so each later use of "USTC" or "Hengtong" counts as a mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from partnergraph.extraction.rules.english.lexicon import lexicon
from partnergraph.extraction.rules.english.text import Article

# Small patterns used inside loops, compiled once.
_NAME_WORD = re.compile(r"[A-Za-z][\w']*")
_LEADING_THE = re.compile(r"^the\s+")
_WORD = re.compile(r"[\w]+")

CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "la", "von", "van", "in", "at", "del", "di",
                        "da"})
# legal-form words a company name chains after its head; with the Asian and Commonwealth forms
# ("Lumio Holdings (Asia) Pte Ltd", "Norbright Sdn Bhd", "Harlow & Finch LLP", "Kestrel Pvt Ltd")
_LEGAL_CHAIN = frozenset({"Co", "Ltd", "Limited", "Inc", "Corp", "LLC", "PLC", "GmbH", "AG", "Group", "SA",
                          "Pte", "Pty", "Pvt", "Sdn", "Bhd", "LLP", "JSC", "OJSC", "PJSC", "Tbk"})
# The longest names seen run to 15 words ("Industrialization Technology Research Institute for
# Plastic Substitution in the Automotive and Aerospace Sectors"); a longer run is no name.
_MAX_NAME_WORDS = 20
_MAX_NAME_CHARS = 200
# Whole-article passes over known names (short forms, acronyms, variants) look at this many
# organizations at most: a real article names a few dozen; a hostile text must stay linear.
_MAX_ORGS = 200
# A sentence longer than this is a list or a dump, not prose: the party-slot patterns skip it.
_MAX_SENTENCE = 3000
# Heads of a governing body of an organization: "Nanjing University Council" is the university's.
_BODY_HEADS = frozenset({"Council", "Committee", "Commission", "Office", "Party", "Board"})
_PLURAL_POSSESSIVE = frozenset({"people's", "workers'", "women's", "children's", "farmers'", "peoples'"})
_DOTTED = frozenset({"Co", "Ltd", "Inc", "Corp"})
# German heads that close a hyphenated name ("Fraunhofer-Gesellschaft", "Helmholtz-Zentrum").
_COMPOUND_HEADS = frozenset({"Gesellschaft", "Institut", "Zentrum", "Stiftung", "Verband", "Akademie", "Universität",
                             "Hochschule"})
_FOREIGN_HEADS = frozenset({"Universität", "Université", "Universidad", "Universiteit", "Università", "Hochschule",
                            "Universiti", "Universitas", "Universitat", "Universidade"})
# "Exchange Centre", "Conference Center": a centre after these words is a building.
_VENUE_CENTRE = frozenset(
    ["exchange", "conference", "convention", "exhibition", "activity", "activities", "shopping", "visitor", "visitors", "press", "media", "service", "services", "sports", "cultural", "culture", "business", "trade"]
)
# Single-word titles that can sit inside an organization name ("Executive Committee",
# "General Hospital", "Chief Scientist Office") do not cut a run.
_INNER_TITLE_WORDS = frozenset(
    ["executive", "chief", "deputy", "member", "partner", "head", "leader", "representative", "principal", "general", "engineer", "researcher", "editor", "coordinator", "administrator", "chair", "officer", "senior", "officer", "spokesperson"]
)
# "(NCL)", "(\"NCL\")", '(hereinafter referred to as "NCL")': the words before a quote are no part of it
_ACRONYM_DEF = re.compile(
    r"\s*\(\s*(?:(?:[Hh]ereinafter|[Hh]ereafter)(?: referred to as| called)?,? (?=\"))?\"?\s*([A-Za-z][\w.&\-' ]{0,40}?)\s*\"?\s*\)")
_ACRONYM = re.compile(r"^(?=[A-Za-z0-9&\-.]*[A-Z][A-Za-z0-9&\-.]*[A-Z])[A-Za-z][A-Za-z0-9&\-.]{1,9}$")
_NORM = re.compile(r"[\W_]+")
_LEGAL_NORM = ("company limited", "co ltd", "coltd", "limited", "ltd", "inc", "llc", "plc", "gmbh", "corp", "co",
               "pte", "pty", "pvt", "sdn bhd", "bhd", "llp", "jsc", "ojsc", "pjsc", "tbk")


@lru_cache(maxsize=8192)
def norm(name: str) -> str:
    """The key two forms of one name share: casefolded, no "the", no legal suffix, no spaces."""
    s = name.casefold().strip()
    s = _LEADING_THE.sub("", s)
    s = _NORM.sub(" ", s).strip()
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL_NORM:
            if s.endswith(" " + suffix):
                s = s[: -len(suffix)].strip()
                changed = True
    return s.replace(" ", "")


@dataclass
class Org:
    name: str
    kind: str
    forms: dict[str, str] = field(default_factory=dict)     # norm -> surface form
    surfaces: set[str] = field(default_factory=set)          # every way the text writes it
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0
    headed: bool = True      # found by a head noun (not only by context)
    stage: str | None = None  # a mention finder that named it first (None: the rules)

    @property
    def aliases(self) -> list[str]:
        key = norm(self.name)
        seen, out = {self.name}, []
        for k, form in self.forms.items():
            if k != key and form not in seen and k:
                seen.add(form)
                out.append(form)
        # same key, other writing: "Panasonic" for "Panasonic Corp"
        for form in sorted(self.surfaces - seen, key=lambda f: (-len(f), f)):
            if " ".join(form.split()) != " ".join(self.name.split()) and form.lower() != self.name.lower():
                out.append(form)
        return out


class OrgTable:
    def __init__(self) -> None:
        self.orgs: list[Org] = []
        self.by_key: dict[str, int] = {}
        self.candidates: dict[str, bool] = {}

    def find(self, form: str) -> int | None:
        return self.by_key.get(norm(form))

    def add(self, name: str, kind: str, start: int, end: int, headed: bool = True) -> int:
        key = norm(name)
        idx = self.by_key.get(key)
        if idx is None:
            idx = len(self.orgs)
            self.orgs.append(Org(name=name, kind=kind, first=start, headed=headed))
            self.by_key[key] = idx
        org = self.orgs[idx]
        org.forms.setdefault(key, name)
        org.surfaces.add(name)
        if len(name) > len(org.name) and norm(org.name) == key:
            org.name = name
        org.spans.append((start, end, "name"))
        return idx

    def alias(self, idx: int, form: str, start: int | None = None, end: int | None = None) -> None:
        key = norm(form)
        if not key:
            return
        other = self.by_key.get(key)
        if other is not None and other != idx:
            self.merge(idx, other)
            return
        self.by_key[key] = idx
        self.orgs[idx].forms.setdefault(key, form)
        self.orgs[idx].surfaces.add(form)
        if start is not None and end is not None:
            self.orgs[idx].spans.append((start, end, "alias"))

    def merge(self, keep: int, gone: int) -> None:
        a, b = self.orgs[keep], self.orgs[gone]
        a.surfaces |= b.surfaces
        b.surfaces = set()
        for k, form in b.forms.items():
            a.forms.setdefault(k, form)
            self.by_key[k] = keep
        a.spans.extend((s, e, "alias") for s, e, _ in b.spans)
        a.first = min(a.first, b.first)
        a.headed = a.headed or b.headed
        if len(b.name) > len(a.name) and b.headed:
            a.name = b.name
            a.kind = b.kind
        b.forms = {}
        b.spans = []
        b.name = ""

    def live(self) -> list[int]:
        return [i for i, o in enumerate(self.orgs) if o.name]


# -- locating every form ----------------------------------------------------------------------

@lru_cache(maxsize=8192)
def _initials(name: str) -> str:
    words = [w for w in _NAME_WORD.findall(name) if w.lower() not in CONNECTORS]
    out = []
    for w in words:
        if w.isupper() and len(w) <= 5:
            out.append(w)
        else:
            parts = w.split("-")
            out.append("".join(p[0] for p in parts if p))
    return "".join(out).upper()


def _acronym_of(acr: str, name: str) -> bool:
    ini = _initials(name)
    a = acr.upper().replace(".", "").replace("&", "")
    if len(a) < 2 or not ini or a[0] != ini[0]:
        return False
    if a == ini:
        return True
    if a[-1] != ini[-1] or len(a) < 3:
        return False
    it = iter(ini)
    return all(c in it for c in a)


def locate(art: Article, table: OrgTable) -> list[tuple[int, int, int]]:
    """Every occurrence of every known form in the body, longest first: (start, end, org)."""
    auto = ahocorasick.Automaton()
    keys: dict[str, list[tuple[int, str]]] = {}
    for idx in table.live():
        for form in table.orgs[idx].surfaces | set(table.orgs[idx].forms.values()):
            if 2 <= len(form) <= _MAX_NAME_CHARS:
                keys.setdefault(form.lower(), []).append((idx, form))
    if not keys:
        return []
    for key, value in keys.items():
        auto.add_word(key, value)
    auto.make_automaton()
    # one pass over the whole text, each match kept when it lies inside one sentence: an
    # automaton asked for a range per sentence costs the whole text each time (quadratic)
    sents = art.sentences
    starts = [s.start for s in sents]
    hits = []
    for last, value in auto.iter(art.low):
        i = bisect.bisect_right(starts, last) - 1
        if i < 0 or last >= sents[i].end:
            continue
        for idx, form in value:
            end = last + 1
            start = end - len(form)
            if start < starts[i]:
                continue
            seg = art.view[start:end]
            if form.isupper() and seg != form or form[0].isupper() and not seg[0].isupper():
                continue
            if _word_edges(art.view, start, end):
                hits.append((start, end, idx))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, int]] = []
    last_end = -1
    for s, e, idx in hits:
        if s >= last_end:
            out.append((s, e, idx))
            last_end = e
    return out


_NEXT_CAP = re.compile(r"\s+([A-Z][a-z]*)")


def _wordy(c: str) -> bool:
    return c.isalnum() or c in "_-"


def word_uses(text: str, word: str) -> list[tuple[int, str | None]]:
    """Whole-word uses of `word` (a possessive "'s" allowed), each with the capitalized word after
    it, if any. A plain scan: no pattern compiled per word (a profile showed ~30 compiles a document)."""
    out: list[tuple[int, str | None]] = []
    n, size = len(word), len(text)
    pos = text.find(word) if word else -1
    while pos >= 0:
        e = pos + n
        if not (pos and _wordy(text[pos - 1])) and not (e < size and _wordy(text[e])):
            if text.startswith("'s", e) and not (e + 2 < size and _wordy(text[e + 2])):
                e += 2
            m = _NEXT_CAP.match(text, e)
            out.append((pos, m.group(1) if m else None))
        pos = text.find(word, pos + 1)
    return out


def _word_edges(view: str, start: int, end: int) -> bool:
    before = view[start - 1] if start > 0 else " "
    after = view[end] if end < len(view) else " "
    if before.isalnum() or before == "-" and start > 1 and view[start - 2].isalnum():
        return False
    return not after.isalnum()


_REPORTING_AFTER = re.compile(r"(?:,\s*[\w\-]+,)?\s*(?:reported|reports|said|says|quoted|wrote|cited)\b", re.IGNORECASE)
_REPORTING_BEFORE = re.compile(r"\b(?:according to|source:|via|reported by|told)\s+(?:the\s+)?$", re.IGNORECASE)


def drop_sources(art: Article, table: OrgTable, mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A news outlet cited as the source ("the Jordan News Agency, Petra, reported") is no party."""
    media = lexicon().media
    gone = set()
    for s, e, idx in mentions:
        name = table.orgs[idx].name
        if not any(w in media for w in _WORD.findall(name)):
            continue
        if _REPORTING_AFTER.match(art.view, e, min(len(art.view), e + 40)) or \
                _REPORTING_BEFORE.search(art.view, max(0, s - 20), s):
            gone.add(idx)
    for idx in gone:
        table.orgs[idx].name = ""
        table.orgs[idx].forms = {}
        table.orgs[idx].surfaces = set()
    return [m for m in mentions if m[2] not in gone]

