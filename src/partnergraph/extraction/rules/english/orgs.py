"""Organization mentions in English text: head-noun phrases, acronyms, short forms.

A name is a run of capitalized words (with inner "of", "for", "and", "&", "the") that holds a
head noun from ``en_org_heads.tsv``: head-final ("Hengtong Group", "Suzhou Municipal
Government") or head-initial with an of-tail ("University of Science and Technology of China").
Titles, honorifics and headline verbs cut a run ("Chairman of Daqo Group" → "Daqo Group").
Acronyms come from a parenthesis after a name ("(USTC)") or from the initials of a name; names
with no head noun ("Aramco", "LGES") are accepted only in an organization's slot (before a
title, after "Title of", as a signing or visiting party). Every form found is then located
again in the whole text with one Aho–Corasick automaton, so later uses count as mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from partnergraph.extraction.rules.english.lexicon import lexicon, title_pattern
from partnergraph.extraction.rules.english.text import Article, Sentence, Token

CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "la", "von", "van", "in", "at", "del", "di",
                        "da"})
_LEGAL_CHAIN = frozenset({"Co", "Ltd", "Limited", "Inc", "Corp", "LLC", "PLC", "GmbH", "AG", "Group", "SA"})
# The longest names seen run to 15 words ("Industrialization Technology Research Institute for
# Plastic Substitution in the Automotive and Aerospace Sectors"); a longer run is no name.
_MAX_NAME_WORDS = 20
_MAX_NAME_CHARS = 200
# A sentence longer than this is a list or a dump, not prose: the party-slot patterns skip it.
_MAX_SENTENCE = 3000
# Heads of a governing body of an organization: "Nanjing University Council" is the university's.
_BODY_HEADS = frozenset({"Council", "Committee", "Commission", "Office", "Party", "Board"})
_PLURAL_POSSESSIVE = frozenset({"people's", "workers'", "women's", "children's", "farmers'", "peoples'"})
_DOTTED = frozenset({"Co", "Ltd", "Inc", "Corp"})
_FOREIGN_HEADS = frozenset({"Universität", "Université", "Universidad", "Universiteit", "Università", "Hochschule"})
# "Exchange Centre", "Conference Center": a centre after these words is a building.
_VENUE_CENTRE = frozenset(
    "exchange conference convention exhibition activity activities shopping visitor visitors "
    "press media service services sports cultural culture business trade".split()
)
# Single-word titles that can sit inside an organization name ("Executive Committee",
# "General Hospital", "Chief Scientist Office") do not cut a run.
_INNER_TITLE_WORDS = frozenset(
    "executive chief deputy member partner head leader representative principal general engineer "
    "researcher editor coordinator administrator chair officer senior officer spokesperson".split()
)
_ACRONYM_DEF = re.compile(r"\s*\(\s*\"?\s*([A-Za-z][\w.&\-' ]{0,40}?)\s*\"?\s*\)")
_ACRONYM = re.compile(r"^(?=[A-Za-z0-9&\-.]*[A-Z][A-Za-z0-9&\-.]*[A-Z])[A-Za-z][A-Za-z0-9&\-.]{1,9}$")
_NORM = re.compile(r"[\W_]+")
_LEGAL_NORM = ("company limited", "co ltd", "coltd", "limited", "ltd", "inc", "llc", "plc", "gmbh", "corp", "co")


@lru_cache(maxsize=8192)
def norm(name: str) -> str:
    """The key two forms of one name share: casefolded, no "the", no legal suffix, no spaces."""
    s = name.casefold().strip()
    s = re.sub(r"^the\s+", "", s)
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
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0
    headed: bool = True      # found by a head noun (not only by context)

    @property
    def aliases(self) -> list[str]:
        key = norm(self.name)
        seen, out = set(), []
        for k, form in self.forms.items():
            if k != key and form not in seen and k:
                seen.add(form)
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
        if start is not None and end is not None:
            self.orgs[idx].spans.append((start, end, "alias"))

    def merge(self, keep: int, gone: int) -> None:
        a, b = self.orgs[keep], self.orgs[gone]
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


# -- head-noun names ------------------------------------------------------------------------

def _base(tok: Token) -> str:
    t = tok.text
    return t[:-2] if t.endswith("'s") else t


def _is_cap(tok: Token) -> bool:
    c = tok.text[0]
    return (c.isupper() or c.isdigit()) and tok.lower not in lexicon().breaks


def _split_title(tok: Token) -> bool:
    lex = lexicon()
    low = _base(tok).lower()
    return (low in lex.honorifics or low in lex.split_titles and low not in _INNER_TITLE_WORDS
            and low not in lex.title_modifiers)


def _chunks(tokens: list[Token]) -> list[list[tuple[Token, str]]]:
    """Runs of capitalized words with inner connectors; kinds: w word, c connector, p mark."""
    out: list[list[tuple[Token, str]]] = []
    cur: list[tuple[Token, str]] = []
    n = len(tokens)

    def close() -> None:
        nonlocal cur
        while cur and cur[-1][1] == "c":
            cur.pop()
        if cur:
            out.append(cur)
        cur = []

    i = 0
    while i < n:
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else None
        low = t.lower
        if t.text[0].isalnum() and _is_cap(t) and (t.text[0].isupper() or cur):
            cur.append((t, "w"))
            if t.text.endswith("'s") and not (nxt is not None and _is_head(nxt) and t.lower in _PLURAL_POSSESSIVE):
                close()  # "Daqo Group's showroom", but "People's Government" goes on
        elif cur and low in CONNECTORS and nxt is not None:
            if low in ("in", "at"):
                ok = nxt.lower == "the" and i + 2 < n and tokens[i + 2].text[0].isupper() and low == "in"
            elif low == "the" or nxt.lower == "the":
                ok = (nxt.lower == "the" and i + 2 < n and tokens[i + 2].text[0].isupper()) or (
                    low == "the" and nxt.text[0].isupper())
            else:
                ok = nxt.text[0].isupper() and nxt.lower not in lexicon().breaks or nxt.text == '"'
            if ok:
                cur.append((t, "c"))
            else:
                close()
        elif cur and t.text == "." and cur[-1][1] == "w" and cur[-1][0].text in _DOTTED:
            cur.append((t, "p"))
        elif cur and t.text == "," and nxt is not None and nxt.text in _LEGAL_CHAIN and (
                cur[-1][0].text in _LEGAL_CHAIN or cur[-1][0].text == "." or nxt.text != "Group"):
            cur.append((t, "p"))
        elif cur and t.text == "(" and i + 3 < n and tokens[i + 2].text == ")" and _is_cap(tokens[i + 1]) \
                and tokens[i + 3].text[0].isupper() and not tokens[i + 1].text.isupper():
            cur.extend([(t, "p"), (tokens[i + 1], "w"), (tokens[i + 2], "p")])
            i += 3
            continue
        else:
            close()
        i += 1
    close()
    return out


def _pieces(chunk: list[tuple[Token, str]]) -> list[list[tuple[Token, str]]]:
    """Cut a run at titles and honorifics (with the modifiers before them)."""
    lex = lexicon()
    out, cur = [], []
    for tok, kind in chunk:
        if kind == "w" and _split_title(tok):
            while cur and cur[-1][1] == "w" and cur[-1][0].lower in lex.title_modifiers:
                cur.pop()
            out.append(cur)
            cur = []
            continue
        cur.append((tok, kind))
    out.append(cur)
    cleaned = []
    for p in out:
        while p and p[0][1] != "w":
            p = p[1:]
        while p and p[-1][1] == "c":
            p = p[:-1]
        if p:
            cleaned.append(p)
    return cleaned


def _is_head(tok: Token) -> bool:
    return _base(tok) in lexicon().org_heads


def _head_names(piece: list[tuple[Token, str]]) -> list[tuple[int, int, int]]:
    """(start index, end index, head index) of every organization name in one piece."""
    lex = lexicon()
    n = len(piece)
    toks = [t for t, _ in piece]
    kinds = [k for _, k in piece]
    heads = [kinds[j] == "w" and _is_head(toks[j]) for j in range(n)]
    # suffix sums: is there a head word at or after j
    later = [False] * (n + 1)
    for j in range(n - 1, -1, -1):
        later[j] = later[j + 1] or heads[j]
    out = []
    i = 0
    while i < n:
        h = next((j for j in range(i, n) if heads[j]), None)
        if h is None:
            break
        s = h
        while s - 1 >= i and h - s < _MAX_NAME_WORDS:
            k, t = kinds[s - 1], toks[s - 1]
            if k in ("w", "p"):
                s -= 1
            elif t.lower in ("and", "&") and s - 2 >= i and kinds[s - 2] == "w" and not heads[s - 2] \
                    and toks[s].lower in lexicon().field_words and toks[s - 2].lower in lexicon().field_words:
                s -= 1
            else:
                break
        while s < h and (kinds[s] != "w" or toks[s].lower.endswith("-based")):
            s += 1
        e = h + 1
        while e < n and (kinds[e] == "p" and toks[e].text in ".," or kinds[e] == "w" and toks[e].text in _LEGAL_CHAIN
                         and (toks[e].text != "Group" or kinds[e - 1] == "p")):
            e += 1
        while e - 1 > h and toks[e - 1].text == ",":
            e -= 1
        # head-final names side by side are one name ("USTC-Daqo Group Dual-Carbon ... Laboratory")
        while e < n and kinds[e] == "w" and not toks[e - 1].text.endswith("'s") and e - s < _MAX_NAME_WORDS:
            j = e
            while j < n and kinds[j] in ("w", "p") and not heads[j] and j - s < _MAX_NAME_WORDS:
                j += 1
            if j < n and heads[j] and (j > e or _base(toks[j]) not in _BODY_HEADS):
                e = j + 1
                h = j
            else:
                break
        # "Technische Universität Darmstadt": a non-English head takes the place after it
        if e == h + 1 and toks[h].text in _FOREIGN_HEADS and e < n and kinds[e] == "w":
            e += 1
            while e + 1 < n and toks[e].lower in ("de", "del", "di", "da", "des", "du") and kinds[e + 1] == "w":
                e += 2
        # of-tail: "University of Science and Technology of China"
        if e + 1 < n and toks[e].lower in ("of", "for", "in") and not toks[e - 1].text.endswith("'s"):
            j = e + 1
            while j < n and toks[j].lower == "the":
                j += 1
            seg_end = next((k for k in range(j, min(n, j + 12)) if kinds[k] == "c" and toks[k].lower != "the"),
                           min(n, j + 12))
            if j < n and kinds[j] == "w" and not _ACRONYM.match(toks[j].text) and not any(heads[j:seg_end]):
                end = e
                j = e + 1
                while j < n and j - e < 24:
                    t = toks[j]
                    if kinds[j] == "w":
                        if _base(t) in lex.venues:
                            break
                        end = j + 1
                        if t.text.endswith("'s"):
                            break
                    elif t.lower in ("of", "and", "&", "for", "in") and later[j + 1]:
                        break
                    elif t.lower in ("and", "&") and j + 1 < n and toks[j + 1].lower not in lex.field_words \
                            and toks[j + 1].lower != "the":
                        break  # "Communist Party of China and Xicheng District": two names
                    j += 1
                e = end
        if _base(toks[h]) in lex.initial_only and e == h + 1:
            i = h + 1
            continue
        if e < n and e == h + 1 and kinds[e] == "w" and toks[e].lower in lex.field_words:
            i = e  # "Medical Lab Sciences", "Research Center Technology": the phrase goes on
            continue
        out.append((s, e, h))
        i = e
    return out


def _tail_has_head(heads: list[bool], j: int) -> bool:
    return any(heads[j:])


def _generic(name: str) -> bool:
    lex = lexicon()
    low = re.sub(r"^the\s+", "", name.lower())
    if low in lex.generic_orgs:
        return True
    words = re.findall(r"[\w']+", low)
    heads_low = _heads_lower()
    return all(w in heads_low or w in lex.title_modifiers or w in CONNECTORS for w in words)


@lru_cache(maxsize=1)
def _heads_lower() -> frozenset[str]:
    return frozenset(h.lower() for h in lexicon().org_heads)


def head_mentions(art: Article, table: OrgTable) -> None:
    lex = lexicon()
    for sent in art.sentences:
        for chunk in _chunks(sent.tokens):
            for piece in _pieces(chunk):
                for s, e, h in _head_names(piece):
                    start = piece[s][0].start
                    last = piece[e - 1][0]
                    end = last.end - 2 if last.text.endswith("'s") else last.end
                    name = art.view[start:end]
                    head = _base(piece[h][0])
                    if _generic(name) or _owned_by_generic(art.view, start) or len(name) > _MAX_NAME_CHARS:
                        continue
                    if head in ("Center", "Centre") and h > s and piece[h - 1][0].lower in _VENUE_CENTRE:
                        continue
                    idx = table.add(name, lex.org_heads[head], start, end)
                    _acronym_after(art, table, idx, end)
        _quoted_names(art, sent, table)


_GENERIC_OWNER = re.compile(
    r"\b(?:the (?:group|company|university|college|school|institute|corporation|government)'s|its|their|our)\s+$",
    re.IGNORECASE)


def _owned_by_generic(view: str, start: int) -> bool:
    """"the Group's Information Department": a unit of an organization left unnamed."""
    return bool(_GENERIC_OWNER.search(view[max(0, start - 20):start]))


def _quoted_names(art: Article, sent: Sentence, table: OrgTable) -> None:
    """'the "Three New" Alliance': a quoted phrase followed by a head noun."""
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.text != '"' or i + 1 >= len(toks) or not _is_head(toks[i + 1]) or i < 2:
            continue
        j = i - 1
        while j >= max(0, i - 12) and toks[j].text != '"':
            j -= 1
        if j >= 0 and toks[j].text == '"' and j < i - 1 and toks[j + 1].text[0].isupper():
            start, end = toks[j].start, toks[i + 1].end
            idx = table.add(art.view[start:end], lexicon().org_heads[_base(toks[i + 1])], start, end)
            _acronym_after(art, table, idx, end)


def _acronym_after(art: Article, table: OrgTable, idx: int, end: int) -> None:
    m = _ACRONYM_DEF.match(art.view, end)
    if not m:
        return
    inner = m.group(1).strip()
    caps = sum(c.isupper() for c in inner)
    if caps >= 2 and len(inner.split()) <= 4 and not re.search(r"\d{4}", inner):
        table.alias(idx, inner, m.start(1), m.start(1) + len(inner))


# -- acronyms and names with no head ----------------------------------------------------------

def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w']*", name) if w.lower() not in CONNECTORS]
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


def acronym_aliases(art: Article, table: OrgTable, not_org: set[str]) -> None:
    """A standalone all-caps word that spells a known name's initials is that name."""
    lex = lexicon()
    seen: set[str] = set()
    for sent in art.sentences:
        for t in sent.tokens:
            w = _base(t)
            if w in seen or not _ACRONYM.match(w) or w in lex.not_org_acronyms or w in not_org:
                continue
            seen.add(w)
            if table.find(w) is not None:
                continue
            for idx in table.live()[:_MAX_ORGS]:
                org = table.orgs[idx]
                if org.headed and _acronym_of(w, org.name):
                    table.alias(idx, w)
                    break


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
                and re.search(r"(?<![\w-])" + re.escape(first) + r"(?![\w-])(?!\s+" + re.escape(core[1]) + ")", text):
            table.alias(idx, first)
        for k in range(len(core), 0, -1):
            short = " ".join(core[:k])
            if len(short) < 3 or short.lower() in lex.breaks or short.lower() in lex.not_name \
                    or short.lower() in lex.field_words or short in lex.places \
                    or re.search(r"(?:ican|ian|ese|ish)$", short):
                continue
            if table.find(short) is not None:
                break
            pat = re.compile(r"(?<![\w-])" + re.escape(short) + r"(?:'s)?(?![\w-])(?:\s+([A-Z][a-z]*))?")
            uses = [m for m in pat.finditer(text) if not _after_place_word(text, m.start())
                    and (m.group(1) is None or m.group(1).lower() in _TITLE_STARTS)]
            if not uses:
                continue
            if k == len(core) or legal_or_paren and k == 1 and short.isupper():
                table.alias(idx, short)
            elif len(uses) >= 2 and k == 1 and org.kind in ("company", "research"):
                new = table.add(short, "company", uses[0].start(), uses[0].start() + len(short), headed=False)
                table.orgs[new].headed = False
            break


def _after_place_word(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:in|at|from|to|near|of the city of)\s+$", text[max(0, pos - 16):pos]))


# -- locating every form ----------------------------------------------------------------------

def locate(art: Article, table: OrgTable) -> list[tuple[int, int, int]]:
    """Every occurrence of every known form in the body, longest first: (start, end, org)."""
    auto = ahocorasick.Automaton()
    keys: dict[str, list[tuple[int, str]]] = {}
    for idx in table.live():
        for form in table.orgs[idx].forms.values():
            if 2 <= len(form) <= _MAX_NAME_CHARS:
                keys.setdefault(form.lower(), []).append((idx, form))
    if not keys:
        return []
    for key, value in keys.items():
        auto.add_word(key, value)
    auto.make_automaton()
    low = art.view.lower()
    hits = []
    for sent in art.sentences:
        for last, value in auto.iter(low, sent.start, sent.end):
            for idx, form in value:
                end = last + 1
                start = end - len(form)
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


def _word_edges(view: str, start: int, end: int) -> bool:
    before = view[start - 1] if start > 0 else " "
    after = view[end] if end < len(view) else " "
    if before.isalnum() or before == "-" and start > 1 and view[start - 2].isalnum():
        return False
    if after.isalnum():
        return False
    return True


# -- names with no head noun, in an organization's slot -----------------------------------------

_NAME = r"[A-Z][\w&\-.]*(?:\s+[A-Z0-9][\w&\-.]*){0,3}"
_GROUP = re.compile(
    rf"(?<![\w-])({_NAME}(?:\s*,\s*(?:the\s+)?{_NAME}){{0,6}}\s*,?\s*(?:and|&)\s+(?:the\s+)?{_NAME})"
)
_GROUP_VERB = re.compile(
    r"(?:'s)?\s+(?:(?:have|has|had|jointly|officially|formally|today|recently|also|successfully|finally)\s+){0,2}"
    r"(?:signed|sign|signs|inked|inks|met|meet|visited|agreed|agree|launched|launch|established|set\s+up|entered|"
    r"reached|formed|teamed|partnered|sealed|renewed|concluded|co-founded|founded|jointly)\b"
)
_WITH = re.compile(
    r"\b(?:sign\w*|ink\w*|seal\w*|agreement|memorandum|mou|moc|partnership|cooperation|collaboration|"
    r"visit\w*|met|meet\w*|talks|ties|deal|venture|contract)\s+(?:[\w\-]+\s+){0,5}?with\s+(?:the\s+)?",
    re.IGNORECASE,
)
# Whole-article passes over known names (short forms, acronyms, variants) look at this many
# organizations at most: a real article names a few dozen; a hostile text must stay linear.
_MAX_ORGS = 200
_PREP_BEFORE = re.compile(r"\b(?:of|at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_VERB = re.compile(
    r"(?:'s)?\s+(?:(?:has|have|had|jointly|officially|formally|also|recently|today)\s+){0,2}"
    r"(?:signed|inked|sealed|met with|visited|agreed|renewed|launched|entered into|reaffirmed|partnered|teamed up)\b")
_PLACE_NOUN = re.compile(
    r"\s+(?:district|city|province|county|town|village|government|municipality|area|region|side|sides|"
    r"country|countries|state|governments)\b")
_NATIONALITY = re.compile(r"^(?:[A-Z][a-z]+(?:ese|ian|ish|ch|an|i))$")
_CUE = re.compile(
    r"\b(?:sign|ink|seal|memorand|mou\b|moc\b|agreement|contract|visit|delegation|met\b|meet|talks|"
    r"venture|partner|cooperat|collaborat|alliance|joint)"
)
_DELEGATION = re.compile(
    r"(?<![\w-])(" + _NAME + r")\s+delegation\b|\bdelegation\s+(?:of|from)\s+(?:the\s+)?(" + _NAME + ")")


def _candidate(table: OrgTable, text: str) -> bool:
    got = table.candidates.get(text)
    if got is None:
        got = table.candidates[text] = _candidate_uncached(table, text)
    return got


def _candidate_uncached(table: OrgTable, text: str) -> bool:
    lex = lexicon()
    words = text.split()
    if not words or len(words) > 3 or text in lex.places or table.find(text) is not None:
        return False
    for w in words:
        b = w[:-2] if w.endswith("'s") else w
        low = b.lower().rstrip(".")
        if (low in lex.breaks or low in lex.not_name or low in lex.title_words or low in lex.honorifics
                or low in lex.title_modifiers or b in lex.org_heads or b in lex.venues or b in lex.places
                or b in lex.not_org_acronyms or not b[0].isalnum()) and not (
                    len(words) > 1 and b in lex.places and b.endswith(("an", "ese", "ish", "ch"))):
            return False
    return words[0][0].isupper()


@lru_cache(maxsize=1)
def _title_patterns():
    title = re.compile(title_pattern(), re.IGNORECASE)
    title_after = re.compile(r"(?:'s)?\s+(?i:" + title_pattern() + r")(?:\s+and\s+[A-Za-z ]{2,30}?)?\s+"
                             r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?[A-Z]")
    title_before = re.compile(r"(?:" + title_pattern() + r")(?:,?\s+(?:of\s+)?[a-z][a-z\-]*){0,7},?\s+"
                              r"(?:of|at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
    return title, title_after, title_before


_COMMA_TITLE = re.compile(r"\s*,\s*(?:the\s+)?(?:" + title_pattern() + ")", re.IGNORECASE)
_ONE_WORD_TITLES = frozenset(t for t in lexicon().titles if " " not in t)
_TITLE_STARTS = frozenset(
    w for t in lexicon().titles for w in [t.replace("-", " ").split()[0]]
) | lexicon().title_modifiers | frozenset(t.split("-")[0] for t in lexicon().titles)


def context_orgs(art: Article, table: OrgTable, not_org: set[str]) -> None:
    """Promote head-less names that fill an organization's slot."""
    title, title_after, title_before = _title_patterns()
    view = art.view
    promoted: list[tuple[str, int]] = []
    uses: dict[str, int] = {}
    covered = bytearray(len(view) + 1)
    ends: set[int] = set()
    for s, e, _ in locate(art, table):
        covered[s:e] = b"\x01" * (e - s)
        ends.add(e)

    persons = _person_names(art)

    def promote(text: str, start: int, strong: bool = True) -> None:
        text = text.strip()
        if text in persons:
            return
        if text.endswith(".") and text.count(".") == 1:
            text = text[:-1]
        if not strong and not _ACRONYM.match(text):
            if text not in uses:
                uses[text] = len(re.findall(r"(?<![\w-])" + re.escape(text) + r"(?![\w-])", view)) \
                    if len(uses) < _MAX_ORGS else 0
            if uses[text] < 2:
                return
        if covered[start] or covered[min(len(view), start + len(text)) - 1]:
            return
        if text.endswith("'s"):
            text = text[:-2]
        if text in not_org or not _candidate(table, text):
            return
        promoted.append((text, start))

    for sent in art.sentences:
        toks = sent.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if not (t.text[0].isupper() and _candidate(table, _base(t))) and not (
                    t.text in lexicon().places and i + 1 < len(toks) and toks[i + 1].text[0].isupper()
                    and _candidate(table, t.text + " " + _base(toks[i + 1]))):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j - i < 3 and toks[j].text[0].isupper() and _candidate(table, _base(toks[j])) \
                    and toks[j].start - toks[j - 1].end == 1 and not toks[j - 1].text.endswith("'s"):
                j += 1
            start, end = t.start, toks[j - 1].end
            text = view[start:end]
            prev = toks[i - 1] if i > 0 else None
            person_like = prev is not None and (
                prev.lower.rstrip(".") in _ONE_WORD_TITLES or prev.lower.rstrip(".") in lexicon().honorifics)
            nxt = toks[j] if j < len(toks) else None
            title_next = nxt is not None and (nxt.lower in _TITLE_STARTS or nxt.text == "'s" or (
                nxt.text == "'" and j + 1 < len(toks)))
            if not person_like and _SUBJECT_VERB.match(view, end, min(sent.end, end + 60)) and (
                    j - i == 1 or re.search(r"\d|\b[A-Z]{2,}\b", text)):
                promote(text, start, strong=False)  # "German U15 met with ...", "Aramco signed ..."
            elif not person_like and (title_next and title_after.match(view, end, min(sent.end, end + 120)) or (
                    _PREP_BEFORE.search(view, max(sent.start, start - 12), start)
                    and title_before.search(view, max(sent.start, start - 120), start))):
                if not (j - i >= 2 and _COMMA_TITLE.match(view, end, sent.end)):
                    promote(text, start, strong=False)
            # a list of organizations: "Etisalat Group, Saudi Telecom Company (STC), Zain Group, Mobily, and du"
            elif not person_like and j - i <= 2 and _after_listed_org(view, start, ends) and \
                    re.match(r"\s*(?:,|\band\b)", view[end:sent.end]) and not _COMMA_TITLE.match(view, end, sent.end):
                promote(text, start)
            i = j
        if sent.end - sent.start > _MAX_SENTENCE:
            continue
        low = art.low[sent.start:sent.end]
        if not _CUE.search(low):
            continue
        groups = _GROUP.finditer(view, sent.start, sent.end) if (" and " in low or "&" in low) else ()
        for m in groups:
            before = view[max(sent.start, m.start() - 9):m.start()]
            if _PLACE_NOUN.match(view, m.end(), sent.end):
                continue
            if _GROUP_VERB.match(view, m.end(), sent.end) or re.search(r"\bbetween\s+(?:the\s+)?$", before):
                pos = m.start()
                for part in re.split(r"(\s*,\s*|\s+(?:and|&)\s+)", m.group(1)):
                    if part.strip() and not re.fullmatch(r"\s*,\s*|\s+(?:and|&)\s+", part):
                        lead = len(part) - len(re.sub(r"^the\s+", "", part))
                        promote(part[lead:], pos + lead)
                    pos += len(part)
        withs = _WITH.finditer(view, sent.start, sent.end) if "with" in low else ()
        for m in withs:
            rest = view[m.end():sent.end]
            words = re.match(r"((?:[a-z][\w\-]*\s+|[A-Z][a-z]+(?:ese|ian|ish|ch)\s+){0,4})(" + _NAME + ")", rest)
            if words:
                name = words.group(2)
                cut = re.match(r"[^\s]+(?:\s+[A-Z0-9][\w&\-]*)*", name)
                promote(cut.group(0) if cut else name, m.end() + len(words.group(1)))
        delegations = _DELEGATION.finditer(view[sent.start:sent.end]) if "delegation" in low else ()
        for m in delegations:
            name = m.group(1) or m.group(2)
            promote(name, sent.start + m.start())
    for text, start in promoted:
        if table.find(text) is not None:
            continue
        owner = _acronym_owner(table, text)
        if owner is not None:
            table.alias(owner, text)
        else:
            table.add(text, "company", start, start + len(text), headed=False)


_AFTER_TITLE = re.compile(
    r"(?i:" + title_pattern() + r")\s+(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?([A-Z][\w\-']*(?:\s+[A-Z][\w\-']*){1,2})")
_BEFORE_TITLE = re.compile(r"([A-Z][\w\-']*(?:\s+[A-Z][\w\-']*){1,2}),\s+(?:the\s+)?(?i:" + title_pattern() + ")")


def _person_names(art: Article) -> set[str]:
    """Names written after a title or before ", Title": people, never organizations."""
    out: set[str] = set()
    for sent in art.sentences:
        if sent.end - sent.start > _MAX_SENTENCE:
            continue
        for pat in (_AFTER_TITLE, _BEFORE_TITLE):
            for m in pat.finditer(art.view, sent.start, sent.end):
                words = m.group(1).split()
                for k in range(2, len(words) + 1):
                    out.add(" ".join(words[:k]))
                    out.add(" ".join(words[-k:]))
    return out


def _after_listed_org(view: str, start: int, ends: set[int]) -> bool:
    """X in "A Group, B Company (BC), X, and C": a list with two known names before X."""
    count = 0
    pos = start
    for _ in range(2):
        m = re.search(r"(\s*\([^()]{1,20}\))?\s*,\s*(?:and\s+)?$", view[max(0, pos - 30):pos])
        if not m or max(0, pos - 30) + m.start() not in ends:
            break
        count += 1
        end = max(0, pos - 30) + m.start()
        m2 = re.search(r"[A-Z][\w&.\-' ]{1,80}$", view[max(0, end - 80):end])
        if not m2:
            break
        pos = max(0, end - 80) + m2.start()
    return count >= 2


def _acronym_owner(table: OrgTable, text: str) -> int | None:
    """"JMC" is "JMCG" and "Jiangling Motors Co., Group": an acronym's prefix or initials."""
    if not _ACRONYM.match(text):
        return None
    for idx in table.live()[:_MAX_ORGS]:
        org = table.orgs[idx]
        for form in org.forms.values():
            if _ACRONYM.match(form) and form.startswith(text) and len(form) - len(text) <= 1:
                return idx
        if org.headed and _acronym_of(text, org.name):
            return idx
    return None


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
            if ln.startswith(sn + " ") and re.match(r"(?:of|for|in|and|&)\b", ln[len(sn) + 1:]):
                same = True
            elif ln.endswith(" " + sn) and len(sn.split()) >= 3:
                same = True
            else:
                wa = _content(ln)
                if len(wa) >= 3 and wa == _content(sn) and ln.split()[0] != sn.split()[0]:
                    same = True
            if same:
                table.merge(a, b)


@lru_cache(maxsize=4096)
def _content(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[\w\-']+", name) if w.lower() not in CONNECTORS)


_REPORTING_AFTER = re.compile(r"(?:,\s*[\w\-]+,)?\s*(?:reported|reports|said|says|quoted|wrote|cited)\b", re.IGNORECASE)
_REPORTING_BEFORE = re.compile(r"\b(?:according to|source:|via|reported by|told)\s+(?:the\s+)?$", re.IGNORECASE)


def drop_sources(art: Article, table: OrgTable, mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A news outlet cited as the source ("the Jordan News Agency, Petra, reported") is no party."""
    media = lexicon().media
    gone = set()
    for s, e, idx in mentions:
        name = table.orgs[idx].name
        if not any(w in media for w in re.findall(r"[\w]+", name)):
            continue
        if _REPORTING_AFTER.match(art.view, e, min(len(art.view), e + 40)) or \
                _REPORTING_BEFORE.search(art.view, max(0, s - 20), s):
            gone.add(idx)
    for idx in gone:
        table.orgs[idx].name = ""
        table.orgs[idx].forms = {}
    return [m for m in mentions if m[2] not in gone]
