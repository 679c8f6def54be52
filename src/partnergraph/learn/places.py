"""Places in an actor's slot, proposed as organization candidates (Chinese, then English).

A place the text makes an actor (it signs, cooperates, visits, is listed with the parties)
stands for its government, under the name the text uses (corpus/CONVENTIONS.md, point 1):
渭南市与西安交通大学签署, 湖北与葡萄牙开展合作, 海淀区、房山区和某公司共同…. The rules
never name a place an organization; here a place name (a province, a country, a city of
zh_places.txt, or a name ending in 市/省/县/区/州/盟) is proposed when a separator, a party
connective or 赴 (a visit's host) opens it and a party connective (与, 和, 、, 等) or an actor's
verb (签署, 合作, 考察…) follows it,
as a `government` candidate of stage "place". The organizations model keeps or drops it (its
features see the stage, the name's ending and the words around it) and the pairs model
pairs it: no rule decides.

In English (`english_place_candidates`) a country, region or city of en_places.txt or
en_actor_places.txt ("The United Kingdom and Canada have struck", "between Kazakhstan and
China", "a visit to Saudi Arabia", "Kenya's delegation") is proposed the same way, from its
mentions in an actor's slot; `place_features` gives the organizations model the words around
them (a pair of two places gets the pairs model's usual features: joined with `place|` they
changed nothing out of fold, en pairs .254 -> .256, and were left out).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from partnergraph.documents.traditional import to_simplified
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.learn.datafiles import data_lines, data_rows
from partnergraph.models import Document, Organization, Span

_MAX_PLACES = 20  # place candidates per document
# a place opens a phrase: the text's start, a separator, or a party connective before it
_OPEN = "\\s赴，,。；;：:、与和同及“”\"‘’（(《》【】"
# a connective or an actor's verb after it
_SLOT = ("与|和|同|及|、|等|签|合作|来访|考察|访问|携手|联合|共建|共同|开展|达成|建立|结为|缔结|"
         "代表团|一行|政府代表团|双方")
# characters no place name in a slot opens or holds before its suffix: connectives, verbs, references
_FUNCTION = "与和同及在是并将对向从由为着了的我该本各两全每其这那个一签署把被让使"
# endings of a kind of area, not of a place's name (科技园区, 经济特区, 宜兴地区, 智慧城市)
_NOT_PLACE_TAIL = ("园区", "特区", "地区", "城市", "辖市", "行区", "范区", "自治区")
# a name that is a reference, not a place (我市, 该市, 城市, 全省)
_NOT_PLACE_LEAD = set("我本该各两全每城省市区县")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = {w for row in data_rows("zh_actor_places.txt", sep=None) for w in row}
    known = sorted(words | set(lexicon().places), key=len, reverse=True)
    alt = "|".join(map(re.escape, known))
    # a known place, maybe with a unit of it (广东省中山市, 中国昆明市), or a name ending in a
    # place suffix (渭南市, 沁县); bounded repetitions, so linear on any text
    han = f"(?:(?![{_FUNCTION}])[\u4e00-\u9fff])"  # not a connective or function word (与古田县, 是儋州市)
    name = (f"(?:{alt})(?:省|市)?(?:{han}{{1,4}}[市县区州盟])?"
            f"|{han}{{1,4}}[市省县区州盟]")
    return re.compile(f"(?<![^{_OPEN}])(?:{name})(?={_SLOT})")


def place_candidates(doc: Document, orgs: list[Organization], taken) -> list[Organization]:
    """Government candidates for the places standing in an actor's slot in the body that no
    organization names already (`taken`: the organizations' mention ranges, a `names.Taken`);
    a place whose government `orgs` holds becomes its alias there (`orgs` is updated in place)."""
    text = doc.text
    v = to_simplified(text)
    body = sorted((s.start, s.end) for s in doc.body) or [(0, len(text))]
    known = {n for o in orgs for n in [o.name, *o.aliases]}
    found: dict[str, list[tuple[int, int]]] = {}
    for b0, b1 in body:
        for m in _pattern().finditer(v, b0, b1):
            s, e = m.span()
            name = text[s:e]
            if e - s < 2 or name[0] in _NOT_PLACE_LEAD or name.endswith(_NOT_PLACE_TAIL) and len(name) <= 4 or name in known or taken.overlaps(s, e):
                continue
            if name not in found and len(found) >= _MAX_PLACES:
                continue
            found.setdefault(name, []).append((s, e))
    out = []
    for name, spans in found.items():
        # the place of a government the article names (澳门 of 澳门特区政府, 马鞍山市 of
        # 安徽省马鞍山市人民政府) is that government: its mentions are aliases, no candidate
        owner = next((k for k, o in enumerate(orgs) if o.name.endswith("政府") and name in o.name), None)
        if owner is not None:
            o = orgs[owner]
            orgs[owner] = o.model_copy(update={
                "aliases": o.aliases + [name],
                "evidence": o.evidence + [Span(start=s, end=e, field="alias") for s, e in spans]})
            continue
        out.append(Organization(name=name, kind="government",
                                evidence=[Span(start=s, end=e, field="name") for s, e in spans],
                                confidence=0.5, stage="place"))
    return out


# ---- English ------------------------------------------------------------------------------------

ENGLISH_STAGE = "place"
_MAX_EN_PLACES = 20  # place candidates per document
_MAX_EN_MENTIONS = 12  # mentions of one place whose words are features
_EN_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
_EN_LONGEST = 4  # words (and signs: U . K .) of the longest place looked up
# a capitalised word beside a place that does not make it part of a longer name ("The United
# Kingdom and", "But China")
_EN_OPENERS = frozenset({"The", "But", "And", "While", "As", "Both", "In", "On", "At", "For", "With",
                         "Between", "Meanwhile", "Also", "Then", "Today", "Yesterday", "When", "After",
                         "Before", "Since", "Under", "Last", "This", "Now", "So", "Earlier", "Later"})
_POSSESSIVE = ("'", "’")
_HYPHENS = ("-", "–", "‑")
# an actor's slot: what a place standing for its government has before or after it. Before:
# "between", "with", "and" (the second of two parties), a visit's host ("visited", "a visit to").
# After: "and" (the first of two parties), a party's verb ("signed", "have agreed"), its people or
# delegation ("Kenya's delegation", "Canada's minister"). A place after a word of location ("in",
# "from", "across") is where something happens, not who.
_SLOT_BEFORE = frozenset({"between", "with", "and", "&", "visited", "toured", "visiting"})
_VISITS = frozenset({"visit", "visits", "trip", "trips", "tour", "delegation", "delegations", "mission"})
_SLOT_AFTER = frozenset({"and", "&", "signed", "signs", "sign", "inked", "agreed", "agree", "agrees",
                         "struck", "partnered", "partner", "partners", "cooperate", "cooperated",
                         "collaborate", "collaborated", "have", "has", "jointly", "launched", "held",
                         "hosted", "established", "reached", "concluded", "renewed", "elevated"})
_SLOT_POSSESSED = frozenset({"delegation", "government", "minister", "ministry", "ministers", "president",
                             "prime", "premier", "foreign", "embassy", "ambassador", "deputy", "vice",
                             "officials", "official", "leader", "leaders", "state", "mission", "envoy",
                             "secretary", "chancellor", "king", "crown", "cabinet", "authorities"})
# regions no government stands for: never an actor ("Asia-Pacific ports", "Europe and Africa")
_NO_GOVERNMENT = frozenset({"Europe", "Asia", "Africa", "Middle East", "Scandinavia", "Latin America",
                            "Caribbean", "Southeast Asia", "East Asia", "South Asia", "Central Asia", "Gulf",
                            "Balkans", "Oceania", "Pacific", "Siberia", "Greater Bay Area"})
_LOCATIVE = frozenset({"in", "at", "from", "across", "throughout", "near", "within", "into", "inside",
                       "outside", "around", "of", "based", "headquartered", "located", "northern",
                       "southern", "eastern", "western", "central"})


@lru_cache(maxsize=1)
def _english_places() -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The countries, regions and cities of en_places.txt and the short forms of
    en_actor_places.txt as token tuples ("Hong Kong" -> Hong, Kong; "U.K." -> U . K .), and their
    first tokens (where a lookup is worth trying). Nationality adjectives are not among them."""
    words = {tuple(_EN_TOKEN.findall(line)) for name in ("en_places.txt", "en_actor_places.txt")
             for line in data_lines(name)}
    return frozenset(words), frozenset(w[0] for w in words if w)


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, tuple[str, ...]]:
    """A country's adjective -> the country's names, its common name first (en_demonyms.tsv:
    Korean -> South Korea, Korea)."""
    return {row[0]: tuple(row[1:]) for row in data_rows("en_demonyms.tsv")}


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, tuple[str, ...]]:
    forms: dict[str, tuple[str, ...]] = {}
    for names in _demonyms().values():
        forms[names[0]] = tuple(dict.fromkeys([*forms.get(names[0], ()), *names]))
    return forms


def place_named(phrase: str) -> str | None:
    """The one reader of a country or place an English phrase names: a country's adjective, its
    country's common name (en_demonyms.tsv: "Chilean" -> Chile, "South Korean" -> South Korea,
    "French" -> France, "British" -> United Kingdom), or a place of en_places.txt or a short form
    of en_actor_places.txt, itself ("India", "U.K."); no region without a government ("Europe",
    "Asian": None)."""
    forms = _demonyms().get(phrase)
    if forms:
        return forms[0]
    names, _ = _english_places()
    if phrase not in _NO_GOVERNMENT and tuple(_EN_TOKEN.findall(phrase)) in names:
        return phrase
    return None


def place_forms(place: str) -> tuple[str, ...]:
    """The names a country goes by that en_demonyms.tsv lists, its common name first ("South
    Korea", "Korea"; "United States", "America", "US", "U.S.", "USA"); a place not listed is
    its own only name."""
    return _country_forms().get(place, (place,))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _in_slot(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """The place of tokens i..j-1 stands in an actor's slot (`_SLOT_BEFORE`, `_SLOT_AFTER`)."""
    before = [t[2].lower() for t in toks[max(0, i - 2):i]]
    after = [t[2].lower() for t in toks[j:j + 3]]
    prev = before[-1] if before else ""
    if prev in _SLOT_BEFORE or prev == "to" and len(before) == 2 and before[0] in _VISITS:
        return True
    if prev in _HYPHENS and i >= 1 and toks[i - 1][0] == toks[i - 1][1] - 1 and text[toks[i - 1][0] - 1:toks[i - 1][0]].isalpha():
        return True  # the second of a hyphened pair ("India-Israel ties")
    if prev in _LOCATIVE or not after:
        return False
    if after[0] in _SLOT_AFTER:
        return True
    if after[0] in _HYPHENS and toks[j][0] == toks[j - 1][1] and len(after) >= 2 and toks[j + 1][2][:1].isupper():
        return True  # the first of a hyphened pair
    return after[0] in _POSSESSIVE and len(after) == 3 and after[1] == "s" and after[2] in _SLOT_POSSESSED


def english_place_candidates(doc: Document, orgs: list[Organization], taken) -> list[Organization]:
    """Government candidates for the countries, regions and cities the English body makes actors
    that no organization names already (`taken`: the organizations' mention ranges, a
    `names.Taken`): "The United Kingdom and Canada have struck new agreements", "a visit to
    Saudi Arabia", "between Kazakhstan and China", "Kenya's delegation". A place joined to another
    capitalised word ("China Harbour Engineering", "Southwest China") is part of a name the rules
    missed, a place after a word of location ("in", "from") is where, not who. Its mentions in
    an actor's slot are its evidence. The organizations model keeps or drops each
    (`place_features`: the words around its mentions), the pairs model pairs it: no rule decides."""
    text = doc.text
    names, firsts = _english_places()
    body = sorted((s.start, s.end) for s in doc.body) or [(0, len(text))]
    known = {n for o in orgs for n in [o.name, *o.aliases]}
    found: dict[str, list[tuple[int, int]]] = {}
    for b0, b1 in body:
        # the body's words at C level; a lookup is tried only at a place's first word, and the
        # spans are read from the matches around a place found (most words are neither)
        ms = list(_EN_TOKEN.finditer(text, b0, b1))
        words = list(map(re.Match.group, ms))
        n = len(words)
        i = 0  # the first word not read yet (a place found is passed over)
        for c in compress(range(n), map(firsts.__contains__, words)):
            if c < i:
                continue
            hit = 0
            for k in range(min(_EN_LONGEST, n - c), 0, -1):
                # the words of one name: a single space between words, nothing between signs
                if tuple(words[c:c + k]) in names and all(
                        text[ms[x].end():ms[x + 1].start()] in ("", " ") for x in range(c, c + k - 1)):
                    hit = k
                    break
            if not hit:
                i = c + 1
                continue
            i = c + hit
            lo = max(0, c - 2)  # the words _in_slot reads: two before, three after
            toks = [(m.start(), m.end(), m.group()) for m in ms[lo:i + 3]]
            s, e = toks[c - lo][0], toks[i - 1 - lo][1]
            prev = toks[c - 1 - lo] if c > 0 else None
            nxt = toks[i - lo] if i < n else None
            slot = _in_slot(text, toks, c - lo, i - lo)
            joined_before = prev is not None and text[prev[1]:s] == " " and _capitalised(prev[2]) \
                and prev[2] not in _EN_OPENERS
            joined_after = nxt is not None and text[e:nxt[0]] == " " and _capitalised(nxt[2]) \
                and (nxt[2],) not in names
            glued = (prev is not None and prev[1] == s and prev[2][:1].isalnum()) or \
                (nxt is not None and nxt[0] == e and nxt[2][:1].isalnum())
            name = text[s:e]
            if not slot or name in _NO_GOVERNMENT or joined_before or joined_after or glued or name in known or taken.overlaps(s, e):
                continue
            if name not in found and len(found) >= _MAX_EN_PLACES:
                continue
            found.setdefault(name, []).append((s, e))
    return [Organization(name=name, kind="government",
                         evidence=[Span(start=s, end=e, field="name") for s, e in spans],
                         confidence=0.5, stage=ENGLISH_STAGE)
            for name, spans in found.items()]


def place_features(text: str, spans: list[tuple[int, int]]) -> dict[str, float]:
    """The words around an English place candidate's mentions: the word before and after each
    ("between", "and", "signed", "with"), the word after a possessive ("Kenya's delegation",
    "Canada's minister"), and a hyphened pair ("India-Israel")."""
    f: dict[str, float] = {}
    for s, e in spans[:_MAX_EN_MENTIONS]:
        before = _EN_TOKEN.findall(text[max(0, s - 30):s])[-1:]
        after = _EN_TOKEN.findall(text[e:e + 40])[:3]
        f["place_prev=" + (before[0].lower() if before else "^")] = 1.0
        f["place_next=" + (after[0].lower() if after else "$")] = 1.0
        if len(after) >= 3 and after[0] in _POSSESSIVE and after[1] == "s":
            f["place_poss=" + after[2].lower()] = 1.0
        elif len(after) >= 2 and after[0] in _HYPHENS and text[e:e + 1] in _HYPHENS:
            f["place_hyphen"] = 1.0
        elif len(after) >= 2:
            f["place_next2=" + " ".join(w.lower() for w in after[:2])] = 1.0
    f[f"place_mentions={min(len(spans), 4)}"] = 1.0
    return f
