"""What a Chinese cooperation event is about: the entity set up, the place, the fields.

The entity is a quoted name or the phrase ending in a head word (实验室, 基地, 联盟…) on the
side of the trigger that Chinese word order puts it: after 成立/共建/组建 (正式成立医教联合体,
成立的“…联盟”), before 揭牌/挂牌 and before a trigger that ends its clause (…联盟成立大会,
X于2014年成立). Places come from 在X举行/签署/启动; fields from 在A、B、C等领域.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partnergraph.extraction.rules.chinese.lexicon import HAN, _lines, lexicon
from partnergraph.extraction.rules.chinese.orgs import Mention, OrgTable
from partnergraph.extraction.rules.chinese.view import ZhText

# a quoted name; match_view folds curly quotes to '"', Traditional texts use 「」『』
_QUOTED = re.compile(r"[\"《「『]([^\"》」』]{2,40})[\"》」』]")
_ENTITY_HEAD = re.compile(
    r"(?:联合实验室|重点实验室|实验室|研究院|研究所|研究中心|创新中心|技术中心|工程中心|教研中心|"
    r"医学中心|中心|基地|联盟|联合体|医联体|医共体|医疗集团|共同体|平台|工作站|学院|研究基地|示范区|"
    r"协同创新中心|分院|院区|教学医院|附属医院|实践基地)"
)
_HAN_CHAR = re.compile(rf"[{HAN}]")
# an object after 挂牌/揭牌 that ends with an entity's head word before the clause does
_HEADED_OBJECT = re.compile(rf"[\"“《]?[{HAN}]{{2,28}}?(?:基地|实验室|中心|研究院|联盟|工作站|平台|学院)"
                            rf"(?![{HAN}]{{0,2}}(?:仪式|大会))")
_LOCATION = re.compile(
    rf"在([{HAN}0-9A-Za-z]{{2,24}}?)(?:隆重|正式|成功|顺利|共同|联合)?"
    r"(?:举行|召开|举办|签署|签订|签约|启动|揭牌|开幕|进行)"
)
# 在A、B等领域合作, 围绕A、B等方面交流, 就A和B等方面达成共识; 等多领域, 等四个方面 count the
# fields (not part of the last one); 旨在/正在/现在… are no 在
_TOPICS = re.compile(rf"(?:(?<![旨正现存所实内])在|围绕|就(?!业))([{HAN}、和及]{{2,90}}?)等?"
                     r"(?:[多几两一二三四五六七八九十]+个?|诸多|相关|众多)?(?:领域|方面)")
_TOPIC_SPLIT = re.compile(r"、|以及|和|及")
# how far from its trigger an entity's name may stand (characters); 30 covers every entity
# of the dev and unlabeled articles (the longest, 广西师范大学—…联合医学研究中心, is 24)
ENTITY_WINDOW = 30
# the longest entity name walked back from its head word (the dev and unlabeled entities
# have at most 24 characters before it)
MAX_ENTITY = 30
# the longest topic phrase kept (characters): 战略性新兴产业培养 has 9
MAX_TOPIC = 14


def entity_span(zt: ZhText, table: OrgTable, by_end: dict[int, Mention], s0: int, s1: int,
                ts: int, te: int) -> tuple[int, int] | None:
    """The name of what is set up by the trigger at [ts, te), or None."""
    v = zt.v
    nxt = v[te:te + 2]
    after = not (v[ts - 1:ts] == "的" or not nxt or not (_HAN_CHAR.match(nxt) or nxt[0] in "\"《「『")
                 or nxt.startswith(("以来", "后", "大会", "仪式", "于")))
    if v[ts:te] in ("揭牌", "挂牌", "授牌", "落户"):
        # X揭牌, X挂牌成立; but 挂牌北岭大学实践基地 names it after the verb
        after = after and v[ts:te] != "落户" and not nxt.startswith(("成立", "运行", "启用")) \
            and _HEADED_OBJECT.match(v, te, min(s1, te + ENTITY_WINDOW)) is not None
    lo, hi = (te, min(s1, te + ENTITY_WINDOW)) if after else (max(s0, ts - ENTITY_WINDOW), ts)
    best = None
    for m in _QUOTED.finditer(v, lo, hi):
        a, b = m.span(1)
        if _ENTITY_HEAD.search(v, a, b) and v[b - 1] != "议":
            d = min(abs(a - te), abs(b - ts))
            if best is None or d < best[0]:
                best = (d, a, b)
    if best:
        return best[1], best[2]
    lex = lexicon()
    for m in _ENTITY_HEAD.finditer(v, lo, hi):
        a, b = m.span()
        if table.lookup(v[a:b]) is not None:
            continue
        k = a
        joined = None
        while k > lo and a - k < MAX_ENTITY:
            if v[k - 1] == ")":
                o = v.rfind("(", max(lo, k - 8), k - 1)
                if o < 0:
                    break
                k = o  # 北京天坛医院(张家口)脑科中心
                continue
            if v[k - 1] == "-" and k - 2 >= lo and _HAN_CHAR.match(v[k - 2]):
                k -= 1  # 广西师范大学—桂林市中西医结合医院联合医学研究中心: both founders named
                continue
            if v[k - 1] in "与和" and k - 1 in by_end and by_end[k - 1].start >= lo \
                    and any(by_end[p].start == k and (p == a or v.find("联合", p, b) >= 0
                                                      and not _stop_between(v, p, a, b))
                            for p in range(k + 2, a + 1) if p in by_end):
                # A与B联合实验室, A与B医联体, A与B智能制造联合研究院: both founders named
                joined = by_end[k - 1].start
                break
            if not _HAN_CHAR.match(v[k - 1]) or v[k - 1] in "与和及暨、了":
                break
            k -= 1
        # searched up to the name's end, so a look-ahead sees the head word (联合 of 联合研究院)
        cuts = [c.end() for c in lex.stop_re.finditer(v, k, b) if c.end() <= a]
        cuts += [c.end() for c in lex.triggers["joint_entity"].finditer(v, k, a)]
        if cuts:
            k = max(cuts)
        if joined is not None:
            k = joined
        named = by_end.get(b)
        if named is not None and named.start >= lo and named.org is not None:
            k = min(k, named.start)  # 黄河文明与可持续发展研究中心: a name already found
        if b - k < 3:
            continue
        d = min(abs(k - te), abs(b - ts))
        # 挂牌青川学院实习基地: of two heads after the verb, the name runs to the last
        if best is None or d < best[0] or (after and d == best[0] and k == best[1] and b > best[2]):
            best = (d, k, b)
    return (best[1], best[2]) if best else None


def _stop_between(v: str, p: int, a: int, b: int) -> bool:
    """True when a stop word ends in [p, a): the words there are no part of the name that
    ends at b (…合作举办的中俄联合研究院)."""
    return any(c.end() <= a for c in lexicon().stop_re.finditer(v, p, b))


def quoted_entities(zt: ZhText, s0: int, s1: int, ts: int) -> list[tuple[int, int]]:
    """Every quoted name with a head word just before an unveiling
    (“澳门科技大学临床教研中心”、“湖南中医药大学教学医院”挂牌)."""
    v = zt.v
    out = []
    for m in _QUOTED.finditer(v, max(s0, ts - 2 * ENTITY_WINDOW), ts):
        a, b = m.span(1)
        if _ENTITY_HEAD.search(v, a, b) or v[b - 2:b] in ("医院", "学院"):
            out.append((a, b))
    return out


def location_span(zt: ZhText, table: OrgTable, s0: int, s1: int) -> tuple[int, int] | None:
    """Where the sentence says it happened (在济南签署, 在镇江举行), unless that is a party."""
    m = _LOCATION.search(zt.v, s0, s1)
    if m and table.lookup(m.group(1)) is None:
        return m.span(1)
    return None


def topics_near(zt: ZhText, s0: int, s1: int) -> list[tuple[int, int]]:
    """The fields of cooperation: 在人才培养、科技研发、成果转化等领域 → three phrases."""
    v = zt.v
    m = _TOPICS.search(v, s0, s1)
    if not m:
        return []
    a, b = m.span(1)
    k = v.rfind("在", a, b)
    if k >= 0:
        a = k + 1
    out, pos = [], a
    for sep in _TOPIC_SPLIT.finditer(v, a, b):
        if sep.start() - pos >= 2:
            out.append((pos, sep.start()))
        pos = sep.end()
    if b - pos >= 2:
        out.append((pos, b))
    return [t for x, y in out if y - x <= MAX_TOPIC and (t := _field(v, x, y))]


@lru_cache(maxsize=1)
def _topic_verbs() -> tuple[str, ...]:
    return tuple(sorted(_lines("zh_topic_verbs.txt"), key=len, reverse=True))


def _field(v: str, a: int, b: int) -> tuple[int, int] | None:
    """The field a topic phrase names: a verb opening it (推进国际合作, 共同促进贸易安全) is a
    clause around the field, so the topic starts after it; None when under two characters remain."""
    verbs = _topic_verbs()
    moved = True
    while moved:
        moved = False
        for w in verbs:
            if v.startswith(w, a, b):
                a += len(w)
                moved = True
                break
    return (a, b) if b - a >= 2 else None
