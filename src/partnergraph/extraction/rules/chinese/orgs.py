"""One record per organization of an article: names grouped, short forms linked (aliases),
generic references (区政府, 校医院, 我校, 我院) resolved to the article's named body when it has
exactly one, and the mentions of every organization in text order.

Short forms join the fullest name by the rules of aliases.py, and by the explicit forms
"(以下简称“…”)" and "(USTC)".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

import ahocorasick

from partnergraph.extraction.rules.chinese.aliases import (
    PLACES,
    is_place,
    norm,
    short_forms,
    short_of,
)
from partnergraph.extraction.rules.chinese.lexicon import HAN, kind_of
from partnergraph.extraction.rules.chinese.mentions import MAX_NAME, Cand, is_generic, unnamed_department
from partnergraph.extraction.rules.chinese.view import SpanIndex, ZhText

_ALIAS_EXPLICIT = re.compile(
    rf"[(]\s*(?:以下)?(?:简称|下称|以下称)\s*[\"「『]?([{HAN}A-Za-z0-9]{{2,12}})[\"」』]?\s*[)]"
)
# an acronym or an English name in parentheses right after a Chinese name:
# 中国科学技术大学(USTC), 马来西亚城市大学(City University Malaysia)
_ACRONYM = re.compile(r"[(]\s*([A-Z][A-Za-z&]{1,11}|[A-Z][A-Za-z&.'-]*(?: [A-Za-z&.'-]+){1,9})\s*[)]")


# names sharing a first character that a contraction is tried against (dev articles: < 8)
MAX_BUCKET = 40


@dataclass(eq=False)
class Org:
    key: str
    name: str
    kind: str
    aliases: dict[str, str] = field(default_factory=dict)  # simplified key → text form
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    confidence: float = 0.8
    surfaces: set[str] = field(default_factory=set)  # forms as written (with 有限公司)
    employer_only: bool = False  # named only as where a post is held: no party
    stage: str | None = None  # a mention finder that named it first (None: the rules)

    def forms(self) -> list[str]:
        return [self.key, *self.aliases]


def _home_kind(ref: str, name: str) -> bool:
    """True when `name` can be what 我校 (a university or college) or 我院 (a college or a
    hospital, no school of a university) refers to."""
    if ref.endswith("校"):
        return name.endswith("大学") or (name.endswith(_COLLEGES) and "大学" not in name)
    return name.endswith(_COLLEGES + ("医院",)) and "大学" not in name


# what a college's name ends with, in full or short (青川职业技术学院, 青川职院)
_COLLEGES = ("学院", "职院", "师院", "外院")


class OrgTable:
    def __init__(self, zt: ZhText):
        self.zt = zt
        self.orgs: list[Org] = []
        self._by_key: dict[str, Org] = {}
        # universities named beside 我校 in one sentence (A大学对我校进行了访问) are not it
        self.not_home: set[int] = set()
        # bodies named only in the page's header or footer: the site's owner, for 我校/我院
        self.furniture: list[Cand] = []

    # building ---------------------------------------------------------------------------
    def add(self, start: int, end: int, field_: str = "name", confidence: float = 0.8) -> Org:
        key = norm(self.zt.v[start:end])
        org = self.lookup(key)
        if org is None:
            org = Org(key=key, name=self.zt.text[start:end], kind=kind_of(key),
                      confidence=confidence)
            self.orgs.append(org)
            self._by_key[key] = org
        org.spans.append((start, end, field_ if key == org.key else "alias"))
        org.surfaces.add(self.zt.v[start:end])
        if key == org.key and end - start > len(org.name):
            org.name = self.zt.text[start:end]  # 大全集团有限公司 over 大全集团: the fullest form
        org.confidence = max(org.confidence, confidence)
        return org

    def lookup(self, key: str) -> Org | None:
        return self._by_key.get(norm(key))

    def link_aliases(self) -> None:
        """Fold short forms into the fullest name they shorten.

        Each full name proposes the short forms it can have (bounded: its endings, itself
        less a legal ending, less a place); contractions are tried within a first-character
        bucket of bounded size, so the pass stays linear in the number of names.
        """
        index: dict[str, list[Org]] = {}
        first: dict[str, list[Org]] = {}
        for full in sorted(self.orgs, key=lambda o: len(o.key), reverse=True):
            for form in short_forms(full.key):
                index.setdefault(form, []).append(full)
            bucket = first.setdefault(full.key[0], [])
            if len(bucket) < MAX_BUCKET:
                bucket.append(full)
        alive = set(map(id, self.orgs))
        for short in sorted(self.orgs, key=lambda o: len(o.key)):
            if id(short) not in alive:
                continue
            for full in index.get(short.key, []) + first.get(short.key[0], []):
                if full is short or id(full) not in alive:
                    continue
                if short_of(short.key, full.key):
                    self._merge(short, full)
                    alive.discard(id(short))
                    break

    def _merge(self, short: Org, full: Org) -> None:
        full.aliases[short.key] = short.name
        for k, n in short.aliases.items():
            full.aliases.setdefault(k, n)
        full.spans.extend((s, e, "alias") for s, e, _ in short.spans)
        full.surfaces |= short.surfaces
        full.confidence = max(full.confidence, short.confidence)
        self.orgs = [o for o in self.orgs if o is not short]
        for k in short.forms():
            self._by_key[k] = full

    def add_alias(self, org: Org, start: int, end: int) -> None:
        key = self.zt.v[start:end]
        other = self._by_key.get(key)
        if other is not None and other is not org:
            self._merge(other, org)
            return
        if key != org.key:
            org.aliases[key] = self.zt.text[start:end]
            self._by_key[key] = org
            org.spans.append((start, end, "alias"))

    def explicit_aliases(self) -> None:
        """"X(以下简称“Y”)" and "X(USTC)": Y is another name of X."""
        v = self.zt.v
        for org in list(self.orgs):
            for _s, e, f in list(org.spans):
                if f != "name" and f != "alias":
                    continue
                m = _ALIAS_EXPLICIT.match(v, e) or _ACRONYM.match(v, e)
                if m is None:
                    continue
                a = m.group(1)
                if is_generic(a) or a.isdigit() or is_place(a):
                    continue
                self.add_alias(org, m.start(1), m.end(1))

    # resolving --------------------------------------------------------------------------
    def contraction(self, form: str) -> Org | None:
        """The organization `form` contracts (贵师大 → 贵州师范大学), among the first names."""
        if len(form) < 3 or is_generic(form):
            return None
        for o in self.orgs[:MAX_BUCKET]:
            if form[0] == o.key[0] and not o.key.startswith(form) and short_of(form, o.key):
                return o
        return None

    def resolve(self, key: str) -> Org | None:
        """The article's organization that a name or a generic reference points at."""
        org = self.lookup(key)
        if org is not None:
            return org
        ends: tuple[str, ...] = ()
        if len(key) >= 2 and key[0] in "省市区县" and key[1:] in ("委", "政府", "人民政府", "党委"):
            level = key[0]
            ends = (level + "委",) if key[1:] in ("委", "党委") else (level + "人民政府", level + "政府")
        elif key.startswith("校") and len(key) > 2:
            ends = ("大学" + key[1:], "学院" + key[1:])
        elif key in ("我校", "本校", "该校", "我院", "本院"):
            return self._home(key)
        elif (dept := unnamed_department(key)) is not None:
            return self._department(key, dept)

        if not ends:
            return None
        hits = [o for o in self.orgs if o.key.endswith(ends) and o.key not in ends]
        return hits[0] if len(hits) == 1 else None

    def _department(self, key: str, dept: str) -> Org | None:
        """The one named body of the article that a department named by its level or field alone
        is: the one ending with it (省科技厅 → 江苏省科技厅, 特区政府 → 香港特区政府), else the one
        ending with its words, else the one whose name ends with what it contracts (医卫局 →
        香港特区政府医务卫生局: 医务卫生局)."""
        govs = [o for o in self.orgs if o.kind == "government" and o.key != key]
        for hits in ([o for o in govs if o.key.endswith(key)], [o for o in govs if o.key.endswith(dept)],
                     [o for o in govs if key == dept and _ends_contracted(key, o.key)]):
            if hits:
                return hits[0] if len(hits) == 1 else None
        return None

    def employer(self, key: str) -> Org | None:
        """The body a post after `key` is held at, where `key` may also be the article's one
        alliance referred to without its name (联盟副主席何勇); as a party it stays unnamed."""
        if key in ("联盟", "该联盟", "本联盟"):
            alliances = [o for o in self.orgs if o.kind == "alliance"]
            return alliances[0] if len(alliances) == 1 else None
        return None

    def _home(self, key: str) -> Org | None:
        """The article's own body for 我校/我院: its one university (大学, else a college
        that is no school of a university) or, for 我院, its one hospital or college."""
        if key.endswith("校"):
            unis = [o for o in self.orgs if o.kind == "university" and o.key.endswith("大学")] or \
                [o for o in self.orgs if _home_kind(key, o.key)]
        else:
            unis = [o for o in self.orgs if _home_kind(key, o.key)]
        # a school named after its body (宿州学院生物与食品工程学院 of 宿州学院) is part of it
        if len(unis) > 1:
            unis = [o for o in unis if not any(u is not o and o.key.startswith(u.key) for u in unis)]
        # a body named beside 我院 is not it (B医院院长甲及我院书记乙): the one left is
        unis = [o for o in unis if id(o) not in self.not_home] if len(unis) > 1 else unis
        if len(unis) == 1 and id(unis[0]) not in self.not_home:
            return unis[0]
        if not unis:
            # 我院 of a college named only in the page's header or footer (its website)
            owners = {c.key: c for c in self.furniture if _home_kind(key, c.key)}
            if len(owners) == 1:
                c = next(iter(owners.values()))
                return self.add(c.start, c.end, confidence=0.6)
        return None

    def prefix_org(self, text: str) -> Org | None:
        """The organization whose name opens `text` (澳门科技大学临床教研中心 → 澳门科技大学)."""
        for k in range(len(text) - 2, 3, -1):
            org = self.lookup(text[:k])
            if org is not None:
                return org
        return None

    def government_of(self, place: str, post: str) -> Org | None:
        """The body a post at a place belongs to: 西青区 + 副区长 → 天津市西青区人民政府."""
        hits = self._government_of(place, post)
        for p in PLACES:  # 河北省丰宁满族自治县 → 丰宁满族自治县
            if not hits and place.startswith(p) and len(place) - len(p) >= 3:
                rest = place[len(p):].lstrip("省市")
                hits = self._government_of(rest, post) if len(rest) >= 2 else []
        k = max(place.rfind("省", 0, len(place) - 1), place.rfind("市", 0, len(place) - 1))
        if not hits and k >= 1 and len(place) - k - 1 >= 2:
            hits = self._government_of(place[k + 1:], post)  # 青川市临江区 → 临江区人民政府
        return hits[0] if len(hits) == 1 else None

    def _government_of(self, place: str, post: str) -> list[Org]:
        party = "书记" in post or post.startswith(("区委", "市委", "县委", "省委", "党委"))
        hits = []
        for o in self.orgs:
            if o.kind != "government":
                continue
            names = o.forms()
            if not any(place in n or n.startswith(place) for n in names):
                continue
            is_party = o.key.endswith("委") and not o.key.endswith("委员会")
            if party == is_party:
                hits.append(o)
        if not party and (len(hits) > 1 or post.endswith(_HEAD_POSTS)):
            # 马鞍山市市长: the government, not the city's federation of returned overseas Chinese
            hits = [o for o in hits if o.key.endswith("政府")]
        return hits


def build_table(zt: ZhText, cands: list[Cand], extra: list[tuple[int, int]],
                furniture: list[Cand] = (), employers: list[tuple[int, int]] = ()) -> OrgTable:
    table = OrgTable(zt)
    # 欢迎您来到青川机械工业联合会网站: a site's owner is the page's source, not an actor; it is
    # only what 我校/我院 may refer to
    sites = [c for c in cands if not c.generic and _SITE_AFTER.match(zt.v, c.end)]
    cands = [c for c in cands if c not in sites]
    table.furniture = [c for c in furniture if not c.generic] + sites
    for s, e in employers:
        if table.lookup(zt.v[s:e]) is None:
            table.add(s, e, confidence=0.5).employer_only = True
    for c in cands:
        if not c.generic:
            table.add(c.start, c.end)
    for s, e in extra:
        table.add(s, e, confidence=0.6).employer_only = False
    table.explicit_aliases()
    table.link_aliases()
    return table


def _ends_contracted(short: str, name: str) -> bool:
    """True when `short` contracts an ending of `name` (医卫局 of …政府医务卫生局)."""
    return any(short_of(short, name[i:]) for i in range(max(0, len(name) - MAX_NAME), len(name) - len(short)))


# a body's website named as the page's source
_SITE_AFTER = re.compile(r"(?:官方)?(?:网站|官网|主页|新闻网|门户网)")
# posts that head a place's government (副市长 of 珠海市 is no post at 珠海市卫计局)
_HEAD_POSTS = ("市长", "区长", "县长", "省长", "镇长", "乡长", "州长", "旗长")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    org: Org | None
    key: str


def scan_mentions(zt: ZhText, table: OrgTable, cands: list[Cand],
                  places: list[tuple[int, int]] = ()) -> list[Mention]:
    places = list(places)
    """Every place the article names one of its organizations, plus generic references
    (区委, 我校) resolved where the article allows, in text order, never overlapping."""
    keys = {k: o for o in table.orgs for k in (*o.forms(), *o.surfaces) if len(k) >= 2}
    found: list[Mention] = []
    if keys:
        # an Aho–Corasick automaton: one pass whatever the number of names
        automaton = ahocorasick.Automaton()
        for k in keys:
            automaton.add_word(k, k)
        automaton.make_automaton()
        for ls, le in zt.lines:
            for last, k in automaton.iter_long(zt.v, ls, le):
                found.append(Mention(last + 1 - len(k), last + 1, keys[k], k))
    taken = SpanIndex((m.start, m.end) for m in found)
    for c in cands:
        if not c.generic or taken.overlaps(c.start, c.end):
            continue
        found.append(Mention(c.start, c.end, table.resolve(c.key), c.key))
    found.sort(key=lambda m: m.start)
    for ls, le in zt.lines:
        for m in _PLACE_AFTER_VERB.finditer(zt.v, ls, le):
            places.append(m.span(1))
    for a, b in places:
        if taken.overlaps(a, b):
            continue
        gov = table.government_of(zt.v[a:b], "")
        if gov is not None:
            found.append(Mention(a, b, gov, zt.v[a:b]))
    starts = [m.start for m in found]
    home = _HOME.search(zt.v) is not None  # most articles never say 我校: no scan per sentence
    for s0, s1 in zt.sentences if home else ():
        if _HOME.search(zt.v, s0, s1):
            held = _HELD_AT_HOME.search(zt.v, s0, s1) is not None
            i = bisect_left(starts, s0)
            while i < len(found) and found[i].start < s1:
                m = found[i]
                in_title = zt.v.rfind("《", s0, m.start) > zt.v.rfind("》", s0, m.start)
                if m.org is not None and not in_title and not (held and _joined_to_other(zt.v, found, i, s1)):
                    table.not_home.add(id(m.org))  # 《东昌府区•聊城大学…协议》 names a text
                i += 1
    generic = {m.start for m in found if m.org is None or m.key in _SCHOOL_WORDS}
    for ls, le in zt.lines if _SCHOOL_REF.search(zt.v) else ():
        for m in _SCHOOL_REF.finditer(zt.v, ls, le):
            if taken.overlaps(m.start(), m.end()) or m.start() in generic:
                continue
            found.append(Mention(m.start(), m.end(), table.resolve(m.group()), m.group()))
    found.sort(key=lambda m: m.start)
    return found


# what joins the two parties of a ceremony's name (浙江科技大学——缙云县人民政府“…”签约仪式)
_PARTY_JOINER = re.compile(r"\s?(?:——|—|--|－|-|与|和)\s?")


# an event held at the article's own body (签约仪式在我校举行)
_HELD_AT_HOME = re.compile(r"[在于](?:我校|本校|我院|本院)")


def _joined_to_other(v: str, found: list[Mention], i: int, s1: int) -> bool:
    """True when the mention `found[i]` is joined by a dash, 与 or 和 to the next mention, of
    another body of no university's kind: the pair of a ceremony held at home ("A大学——B县人民政府
    …签约仪式在我校举行") holds the home body, where "A大学对我校进行了访问" does not."""
    m = found[i]
    j = _PARTY_JOINER.match(v, m.end, s1)
    if j is None:
        return False
    for n in found[i + 1:i + 4]:  # past a mention of the same span found twice
        if n.start >= m.end:
            return n.start == j.end() and n.org is not None and n.org is not m.org and n.org.kind != "university"
    return False


# a place a delegation goes to or signs with stands for its government when the article
# names that government (赴河北省丰宁满族自治县调研 → 丰宁满族自治县人民政府)
_PLACE_AFTER_VERB = re.compile(
    rf"(?:与|赴|到|来到|走进|前往|同)([{HAN}]{{2,10}}[省市县区州])(?![{HAN}]{{0,4}}(?:人民政府|政府|委|局|厅|"
    r"大学|学院|医院|公司|集团|银行|分行|中心|研究院|协会|联盟|办|部|长|书记))")
# "our university", "our college": the article's home body, named only when the article
# names one body of the kind
_HOME = re.compile(r"我校|本校|我院|本院")
# a body referred to without its name: 我校 and 我院 are the article's own; 学校 and 校方 are
# resolved as event parties only (visits.py: a school just visited, else the article's own
# when it says 我校), so a post at 学校 stays as the text gives it
_SCHOOL_REF = re.compile(r"我校|本校|我院|本院|学校|校方")
_SCHOOL_WORDS = ("我校", "本校", "我院", "本院", "学校", "校方")
