"""Which named bodies of a Chinese sentence take part in an event, apart from its trigger.

The events stage asks this module for the bodies of a clause (named mentions in a span,
one per organization, not the thing set up), for the founders of what is set up (由A、B共同
发起, 由A牵头,联合B、C共同发起, A与B共同组建的) and for the organizers of a meeting,
where the genre splits them over several clauses (由A、B主办,C承办,D协办).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from partnergraph.extraction.rules.chinese.lexicon import literal_led
from partnergraph.extraction.rules.chinese.orgs import Mention
from partnergraph.extraction.rules.chinese.view import ZhText

_VENUE_AFTER = re.compile(r"[^,。]{0,4}?(?:举行|召开|举办|签署|签订|签约|进行|的见证)")
_SET_UP_BEFORE = re.compile(r"(?:共建|成立|组建|设立|建立|打造|挂牌|授牌)[^,]{0,1}$")
_UNVEIL_AFTER = re.compile(r"[^,。]{0,2}(?:揭牌|挂牌|授牌|成立大会)")
# founders and organizers: 由A、B共同发起成立, 由A联合B共同主办, 由A牵头,联合B…共同发起
_FOUNDERS = re.compile(r"由([^。;]{2,160}?)(?:共同|联合|牵头|携手)?(?:发起|组建|成立|创建|倡议|主办|承办|举办|共建)"
                       r"|([^。;,]{2,120}?)(?:共同|联合)(?:发起|主办|举办|承办|组建|建设|共建)")
# what the second founder phrase must hold: a sentence with neither it nor 由 is not scanned
# (its lazy group is tried from every position: ~0.1 ms per scan of a long sentence)
_JOINTLY = literal_led(r"(?:共同|联合)(?:发起|主办|举办|承办|组建|建设|共建)")
_ORGANIZED_BY = re.compile(r"由([^。;,的]{2,160}(?:主办|承办|协办|联办|发起|共建|组建))的")
# a clause about attending a signing (出席签约仪式, 见证签约) names guests, not parties
ATTENDING = re.compile(r"(?:出席|参加|见证(?!下)|主持|参与|陪同|列席)[^,]{0,6}$")
_GUIDES = re.compile(r"(?:等单位)?(?:指导|支持|协助|见证)")
# one clause of an organizer list: [由]A、B[共同|联合]主办 / C承办 / D协办
_ORGANIZER_VERB = literal_led(r"(?:共同|联合)?(?:主办|承办|协办|联办)(?:单位)?")
_CLAUSE_MARK = re.compile(r"[,:;]")
# how far around a trigger its parties may stand (characters): clauses in the genre run
# to about 60 characters before the verb (9月23日,邮储银行江苏省分行与镇江市政府战略合作签约)
WINDOW = 80
# the longest organizer clause looked at (characters): a list of a dozen bodies
MAX_ORGANIZER_CLAUSE = 200


def orgs_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Named mentions inside [start, end); `mentions` is sorted by start."""
    i = bisect_left(mentions, start, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        m = mentions[i]
        if m.org is not None and m.end <= end and not m.org.employer_only:
            out.append(m)
        i += 1
    return out


def distinct(ms: list[Mention]) -> list[Mention]:
    seen, out = set(), []
    for m in ms:
        if id(m.org) not in seen:
            seen.add(id(m.org))
            out.append(m)
    return out


def clause_start(v: str, s0: int, t: int) -> int:
    """Start of the clause a trigger is in: after the last comma that is not inside a list."""
    k = max(v.rfind(",", s0, t), v.rfind(":", s0, t))
    return s0 if k < 0 else k + 1


def eligible(v: str, ms: list[Mention]) -> list[Mention]:
    """Mentions that can be parties: not the thing set up (共建产业研究院, X揭牌)."""
    out = []
    for m in ms:
        if _SET_UP_BEFORE.search(v, max(0, m.start - 3), m.start):
            continue
        if _UNVEIL_AFTER.match(v, m.end) and v[m.start - 1:m.start] != "在":
            continue  # X揭牌 unveils X; 在X挂牌成立Y unveils Y at X
        if v[m.start - 1:m.start] == "在" and _VENUE_AFTER.match(v, m.end):
            continue  # A与B在C举行签约仪式, 在C的见证下: C is where or who watched
        out.append(m)
    return out


def bodies(zt: ZhText, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The distinct bodies named in [start, end) that can be parties; a body that only guides
    or supports (由A指导,B、C联合主办; 支持单位) is none."""
    v = zt.v
    return [m for m in eligible(v, distinct(orgs_in(mentions, start, end)))
            if not _GUIDES.match(v, m.end)]


def founders(zt: ZhText, mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
    """The bodies that founded or organized what the sentence [s0, s1) reports."""
    v = zt.v
    by = v.find("由", s0, s1) >= 0  # the founder phrases need 由 or _JOINTLY: skip the scans
    for m in _ORGANIZED_BY.finditer(v, s0, s1) if by else ():
        # 由A主办、B承办、C协办的…: every body up to the 的 that closes the phrase
        ms = bodies(zt, mentions, m.start(1), m.end(1))
        if len(ms) >= 2:
            return ms
    org = organizers(zt, mentions, s0, s1)
    if not (by or _JOINTLY.search(v, s0, s1)):
        return org
    for m in _FOUNDERS.finditer(v, s0, s1):
        g = 1 if m.group(1) is not None else 2
        ms = bodies(zt, mentions, m.start(g), m.end(g))
        if len(ms) >= 2 or (ms and len(org) >= 2):
            return superset(ms, org)
    return org


def organizers(zt: ZhText, mentions: list[Mention], s0: int, s1: int) -> list[Mention]:
    """Every body of the sentence's organizer clauses: 由A、B主办,C承办,D协办 → A, B, C, D."""
    v = zt.v
    out: list[Mention] = []
    for m in _ORGANIZER_VERB.finditer(v, s0, s1):
        a = max(s0, m.start() - MAX_ORGANIZER_CLAUSE)
        marks = [c.end() for c in _CLAUSE_MARK.finditer(v, a, m.start())]
        cs = marks[-1] if marks else a
        k = v.rfind("由", cs, m.start())
        out.extend(bodies(zt, mentions, k + 1 if k >= 0 else cs, m.start()))
    return distinct(out)


def superset(ms: list[Mention], more: list[Mention]) -> list[Mention]:
    """`more` when it names every body of `ms` and others besides, else `ms`."""
    if len(more) > len(ms) and {id(m.org) for m in ms} <= {id(m.org) for m in more}:
        return more
    return ms
