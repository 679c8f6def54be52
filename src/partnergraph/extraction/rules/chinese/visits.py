"""Visits in Chinese sentences: who went where.

The visitor stands before the verb and the host after it (A一行来到B, A代表团访问了B,
A走访了B、C和D: one visit per host), or the host receives (A接待了B考察团, A迎来B代表团),
or the visitor goes to the host before a verb of inspecting (A一行赴B调研, A带队到B、C考察).
A visitor named only by its leader is that person's body (潘维大校长一行来到云南大学), and so
are host and guests a host's person receives or welcomes (王明会见了李强一行, 王明对李强一行
表示热烈欢迎); a clause with no subject
goes on with the delegation its sentence led out (A局长率领代表团展开访问,拜访B、C); a
delegation that signs also visited (A与B代表团签署); a body that sends a group is none
(A组织B师生参观了C: B visited C); 来校 is the article's university. Several bodies listed as
one delegation (A、B和C负责人一行来到D) are each a visitor: one visit per visitor and host.
A tour's visitors and hosts are kept, so that a signing in the same sentence is one agreement
of each visitor with each host (also when each host is the subject: 各企业…并与B签订), and
学校, 该校 or 校方 after a visit to a school is that school (并与学校签订).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from partnergraph.extraction.rules.chinese.orgs import Mention, Org, OrgTable
from partnergraph.extraction.rules.chinese.parties import (
    clause_start,
    distinct,
    orgs_in,
)
from partnergraph.extraction.rules.chinese.record import EventRec
from partnergraph.extraction.rules.chinese.view import ZhText

# the host receives (A接待了B代表团); the visitor goes (A一行到B, A对B进行访问)
_RECEIVES = re.compile(r"接待|会见|迎接|欢迎")
_GOES_TO = re.compile(r"(?:来到|到|赴|走进|莅临|前往|对)[^,]{0,20}$")
# a delegation right after a body, past an alias in parentheses: A(ABC)代表团
_DELEGATION = re.compile(r"(?:\([^()]{1,40}\))?(?:代表团|访问团|考察团|一行)")
# how far after a visit's verb its host may be named (characters): 走访调研了 + a long name
VISIT_HOST_WINDOW = 25
# how far a list of hosts may run on after the first (characters)
MAX_LIST = 160
_LIST_GAP = re.compile(r"[、,]?(?:和|及|与|以及)?")
# how far before a visit's verb its visitor may stand (characters): a tour's list of hosts
# may run to a dozen names between them
MAX_TOUR = 240
# a delegation named by what it is, not by its body (访问团一行)
_PARTY_WORD = re.compile(r"一行|代表团|(?:访问|考察|调研|招商|参访)[团组]")
# a delegation led out: 带队赴, 率团访问, 一行来到; a body gone on a trip (A先后奔赴B、C开展考察)
_LEADS = re.compile(r"带队|率队|率团|一行|赴")
# the end of a tour's list of units, a few words after its last name (考察了A、B、C公司等企业),
# not the sites a host shows (参观了A实验室、B中心和C馆)
_UNITS_AFTER = re.compile(r"[^,。;:]{0,16}?等[0-9一二两三四五六七八九十几多]{0,3}[家个所]?"
                          r"(?:企业|单位|公司|机构)")
# a delegation led out in a clause, whose next clause may go on without a subject
_LED_OUT = re.compile(r"带队|率队|率团|一行|率领[^,。]{0,12}?(?:代表团|访问团|考察团|调研组)")
# touring a site: what a delegation tours after it came (参观了A实验室) is the host's, no host
_TOURS = re.compile(r"参观|考察|调研")
# a clause this close to its trigger has no subject of its own (,拜访A)
SUBJECTLESS = 2
# a visitor coming to the article's own university, named as 校 (来校访问, 到校调研)
_TO_US = re.compile(r"(?:来|到|莅临|走进|访问)(校)(?![长友园区内外庆史训歌徽])")
# the article's own body named as where a delegation went (莅临我院, 来到我校)
_OWN_WORDS = ("我校", "本校", "我院", "本院")
# a body sending its people (A组织B师生参观…): the visitor is the body sent
_SENDS = re.compile(r"组织|选派|安排|带领|率领")
# a clause about a group that went (一行, 代表团, 师生…), not a body's standing interest
_DELEGATION_WORDS = re.compile(r"一行|代表团|访问团|考察团|调研组|带队|带领|率|师生|学生|组织")
# the longest name a sentence opens with as its scene (在A公司,…)
MAX_SCENE = 30
# a school referred to without its name; 我校 and 本校 are the article's own
_SCHOOL_WORDS = ("学校", "该校", "校方", "我校", "本校")
_OUR_SCHOOL = ("我校", "本校")
# how far after a visit 学校 may refer to its host (characters): a few sentences, and a bound
# on the scan a paragraph of hostile length would make quadratic
MAX_SCHOOL_REACH = 600


def is_school(org: Org) -> bool:
    """A university, college or school, which 学校 may refer to."""
    return org.kind == "university" or org.key.endswith(("大学", "学院", "学校", "中学", "小学"))


def _arrival(before):
    """李清代表西青区委、区政府对A的到来表示欢迎: A came; the host stands before 对."""
    if not before:
        return None
    visitor = before[-1]
    hosts = [m for m in before[:-1] if m.org is not visitor.org]
    if not hosts:
        return None
    return [visitor], hosts[-1:]


class VisitRules:
    """The visit rules of `events.EventFinder`, which provides the article's context."""

    # what EventFinder (events.py) provides
    zt: ZhText
    table: OrgTable
    mentions: list[Mention]
    people_orgs: dict[str, Org]
    _tours: dict[int, tuple[list[Mention], list[Mention]]]
    visitor: Mention | None  # the (first) visitor of the last visit, whose tour goes on
    last_tour: tuple[list[Mention], list[Mention]] | None  # the last tour of several bodies

    def _delegation_visit(self, parties: list[Mention], date, ts: int, te: int) -> list[EventRec]:
        """A与B代表团签署: the delegation came to sign, so it also visited (GUIDELINES.md)."""
        if len(parties) != 2:
            return []
        v = self.zt.v
        for i, p in enumerate(parties):
            m = _DELEGATION.match(v, p.end)
            if m is not None and m.end() <= ts:
                host = parties[1 - i]
                return [EventRec("visit", [p.org, host.org], date, (ts, te),
                                 [(p.start, p.end), (host.start, host.end)])]
        return []

    def _visit(self, s0, s1, ts, te):
        """One visit event per host of the trigger's clause (a tour lists several)."""
        v = self.zt.v
        trig = v[ts:te]
        cs = clause_start(v, s0, ts)
        # the whole clause: a tour lists many hosts between the visitor and the verb
        before = distinct(orgs_in(self.mentions, max(cs, ts - MAX_TOUR), ts))
        if trig == "的到来":
            got = _arrival(before) or self._welcomed(cs, ts)
        elif trig.endswith("欢迎"):
            got = self._welcomed(cs, ts)
        else:
            got = self._who_visited(s0, s1, ts, te, cs, before)
        if got is None:
            return []
        visitors, hosts = got
        date = self._date(s0, s1, ts)
        guests = {id(m.org) for m in visitors}
        hosts = [h for h in hosts if id(h.org) not in guests]
        if hosts:
            self.visitor = visitors[0]
            self._school_host(hosts, te)
        if len(visitors) * len(hosts) >= 2:
            self.last_tour = self._tours[s0] = (visitors, hosts)
        return [EventRec("visit", [g.org, h.org], date, (ts, te),
                         [(g.start, g.end), (h.start, h.end)])
                for g in visitors for h in hosts]

    def own_school(self) -> None:
        """学校 and 校方 of an article that says 我校 are its own university, as event parties
        (a post at 学校 keeps the text's reading: people are found before events)."""
        v = self.zt.v
        if not any(w in v for w in _OUR_SCHOOL):
            return
        own = self.table.resolve("我校")
        if own is None:
            return
        for i, m in enumerate(self.mentions):
            if m.org is None and m.key in ("学校", "校方"):
                self.mentions[i] = Mention(m.start, m.end, own, m.key)

    def _school_host(self, hosts: list[Mention], te: int) -> None:
        """学校, 该校 or 校方 after a visit to one school, up to the end of the paragraph (at
        most MAX_SCHOOL_REACH characters) or the next school named, is that school (A一行来到B大学参观,并与学校签订协议); 我校 is
        the article's own university, unless the article names none."""
        if len({id(h.org) for h in hosts}) != 1 or not is_school(hosts[0].org):
            return
        host, v, ms = hosts[0], self.zt.v, self.mentions
        end = v.find("\n", te, te + MAX_SCHOOL_REACH)
        end = min(len(v), te + MAX_SCHOOL_REACH) if end < 0 else end
        i = bisect_left(ms, te, key=lambda m: m.start)
        while i < len(ms) and ms[i].start < end:
            m = ms[i]
            if m.org is not None and m.org is not host.org and is_school(m.org) \
                    and m.key not in _SCHOOL_WORDS:
                break  # another school is named: 学校 may be that one
            if m.key in _SCHOOL_WORDS and (m.org is None or m.key not in _OUR_SCHOOL):
                ms[i] = Mention(m.start, m.end, host.org, m.key)
            i += 1

    def _who_visited(self, s0, s1, ts, te, cs, before):
        """(visitors, hosts) of a visit verb: the bodies before and after it, read by the
        sentence's shape (A一行走访了B, A接待了B考察团, A一行赴B调研) and the verb's own
        demands; None when the clause names no visit."""
        v = self.zt.v
        trig = v[ts:te]
        before, after = self._sides(s0, s1, ts, te, cs, before)
        lead = v[max(cs, ts - 6):ts]
        between = v[before[0].end:ts] if before else ""
        went = _GOES_TO.search(between) if len(before) >= 2 else None
        if after and before and after[0].org is not before[0].org:
            # A一行走访了B、C和D: one visit per host; A、B和C负责人一行来到D: per visitor
            visitors, hosts = self._listed(before, ts), after
        elif len(before) >= 2 and _RECEIVES.search(between):
            # A接待了B考察团, A接待了B、C代表团
            hosts, visitors = before[:1], self._listed_back(before[1:])
        elif went is not None:
            # A一行赴B调研, A代表团对B进行了访问, A一行先后到B、C调研, A、B一行赴C调研
            k = before[0].end + went.start()
            visitors = self._listed(before, k)
            hosts = [m for m in before[1:] if m.start >= k]
            if not hosts and any(w in v[k:ts] for w in _OWN_WORDS):
                # A副校长甲、B书记乙一行莅临我院参观: the host is the article's own body, not B
                # (came with A); no party when the text names it nowhere (CONVENTIONS 2)
                came = {id(m.org) for m in before}
                hosts = [m for m in orgs_in(self.mentions, k, ts) if m.key in _OWN_WORDS
                         and id(m.org) not in came][:1]
                if not hosts:
                    return None
            hosts = hosts or before[-1:]
            visitors = [m for m in visitors if m not in hosts] or visitors[:1]
        else:
            return None
        if trig == "迎来":
            # A迎来B代表团: B came to A, as a delegation
            if not (after and _DELEGATION.match(v, after[0].end)):
                return None
            visitors, hosts = after, before[-1:]
        elif trig.startswith(("会见", "接待")):
            # A校长会见了B董事长李强一行: B's delegation came to A
            end = v.find(",", te, s1)
            if not (after and before and _PARTY_WORD.search(v, after[0].end,
                                                            end if end >= 0 else s1)):
                return None
            visitors, hosts = after, before[-1:]  # 会见了B、C代表团: both came
        elif not _DELEGATION_WORDS.search(v, min(cs, visitors[0].start), te) and not re.search(
                r"来到|到|赴|走进|莅临|前往|访问|来访|到访|拜访|拜会|造访|出访|抵达", trig + lead):
            return None
        return visitors, hosts

    def _listed(self, before: list[Mention], end: int) -> list[Mention]:
        """The bodies listed from the first one before a visit's verb (A、B和C负责人一行),
        up to `end`: the visitors of one delegation."""
        out = before[:1]
        for m in before[1:]:
            if m.start >= end or not _LIST_GAP.fullmatch(self.zt.v, out[-1].end, m.start):
                break
            out.append(m)
        return out

    def _listed_back(self, ms: list[Mention]) -> list[Mention]:
        """The bodies listed up to the last of `ms` (A接待了B、C代表团: B and C)."""
        out = ms[-1:]
        for m in reversed(ms[:-1]):
            if not _LIST_GAP.fullmatch(self.zt.v, m.end, out[0].start):
                break
            out.insert(0, m)
        return out

    def _sides(self, s0, s1, ts, te, cs, before):
        """The bodies before the verb (less those that only organized the trip, or else the
        body of a person or delegation named) and after it (or the scene, or 我校)."""
        v = self.zt.v
        after = self._host_list(te, s1)
        scene = self.scene(s0)
        if len(before) >= 2:
            # A、B组织C师生参观了D: C went; the bodies organizing the trip are no party
            sends = list(_SENDS.finditer(v, before[0].end, ts))
            if sends:
                sent = sends[-1]
                sent_body = [m for m in before if 0 <= m.start - sent.end() <= 1]
                if sent_body:  # not 组织35家会员企业到B: a group with no name of its own
                    before = [m for m in before if m.start >= sent_body[0].start]
        if not after and _RECEIVES.match(v, ts):
            # 王明会见了李强一行: the guests named by their leaders
            after = self._guests_by_person(te, s1)
        if not before and (after or scene):
            # 潘维大校长一行来到云南大学: the visitor named by a person of a known body
            before = self._person_body(max(cs, ts - 30), ts)
        if before and after and self._delegation_subject(cs, before[0].start):
            # 考察团先后参学了A、考察了B、C: the delegation is the clause's subject, and A what
            # it toured before (the delegation the article has led out)
            before = self._delegation(s0)
        if not before and after and _PARTY_WORD.search(v, cs, ts):
            # 访问团一行先后走访了A、B: the delegation the article has already led out
            before = self._delegation(s0)
        if not before and after and cs > s0 and ts - cs <= SUBJECTLESS and not _TOURS.match(v, ts):
            # A局长甲率领代表团在北京展开访问,拜访B、C: the clause goes on with the delegation
            before = self._led_out(s0, cs)
        if not before and after and ts - cs <= SUBJECTLESS and _TOURS.match(v, ts) \
                and not _PARTY_WORD.match(v, ts) and _UNITS_AFTER.match(v, after[-1].end):
            # 此外,还调研了A、B等企业: the tour of the delegation the article has led out goes on
            # (units listed, not the sites a host showed it: 参观了A实验室、B中心; nor 考察团…)
            before = self._led_out(s0, cs) if cs > s0 else []
            before = before or self._delegation(s0)
        if before and not after and scene is not None and len(before) == 1:
            after = [scene]  # 在A公司,王刚一行参观了生产车间: the scene is the host
        if before and not after:
            to_us = _TO_US.search(v, before[-1].end, min(s1, te + 2))
            home = self.table.resolve("我校") if to_us else None
            if home is not None:  # 海川集团董事长赵强一行来校访问: the article's university
                after = [Mention(to_us.start(1), to_us.end(1), home, to_us.group(1))]
        return before, after

    def _delegation_subject(self, cs: int, end: int) -> bool:
        """Whether a delegation's word (考察团, 一行…) stands in [cs, end) with no body or
        person named before it in the clause (商务考察团先后参学了…): the delegation is the
        subject, named by what it is."""
        m = _PARTY_WORD.search(self.zt.v, cs, end)
        return m is not None and not orgs_in(self.mentions, cs, m.start()) \
            and not self._person_body(cs, m.start())

    def scene(self, s0: int) -> Mention | None:
        """The body a sentence opens with as its place (在A公司,…), where a tour stops."""
        v = self.zt.v
        if v[s0:s0 + 1] != "在":
            return None
        ms = orgs_in(self.mentions, s0 + 1, min(len(v), s0 + 1 + MAX_SCENE))
        if ms and ms[0].start == s0 + 1 and v[ms[0].end:ms[0].end + 1] == ",":
            return ms[0]
        return None

    def _led_out(self, s0: int, cs: int) -> list[Mention]:
        """The body whose delegation the sentence led out before `cs` (A局长甲率领代表团…)."""
        m = _LED_OUT.search(self.zt.v, s0, cs)
        if m is None:
            return []
        ms = distinct(orgs_in(self.mentions, s0, m.start()))
        return ms[:1] or self._person_body(s0, m.start())

    def _delegation(self, before: int) -> list[Mention]:
        """The body of the article's first delegation (A带队赴…, A一行…) before `before`."""
        if self.visitor is not None:
            return [self.visitor]
        v = self.zt.v
        for s0, s1 in self.zt.sentences:
            if s0 >= before:
                break
            m = _LEADS.search(v, s0, s1)
            if m is None:
                continue
            cs = clause_start(v, s0, m.start())
            ms = distinct(orgs_in(self.mentions, cs, m.start())) or \
                self._person_body(cs, m.start())
            if ms:
                return ms[:1]
        return []

    def _host_list(self, te: int, s1: int) -> list[Mention]:
        """The bodies listed right after a visit's verb (走访了A、B和C), or the first body
        within VISIT_HOST_WINDOW characters."""
        v = self.zt.v
        end = min(s1, te + VISIT_HOST_WINDOW + MAX_LIST)
        comma = v.find(",", te, end)
        after = distinct(orgs_in(self.mentions, te, comma if comma >= 0 else end))
        if not after or after[0].start - te > VISIT_HOST_WINDOW:
            return []
        out = [after[0]]
        for m in after[1:]:
            if not _LIST_GAP.fullmatch(self.zt.v, out[-1].end, m.start):
                break
            out.append(m)
        return out

    def _people_bodies(self, start: int, end: int) -> list[Mention]:
        """The bodies of the people with one named in [start, end), in text order, as mentions
        (校长李明与董事长王强共同为实验室揭牌)."""
        v, found = self.zt.v, []
        for name, org in self.people_orgs.items():
            k = v.find(name, start, end)
            if k >= 0:
                found.append(Mention(k, k + len(name), org, name))
        return distinct(sorted(found, key=lambda m: m.start))

    def _welcomed(self, cs: int, ts: int) -> tuple[list[Mention], list[Mention]] | None:
        """甲对乙一行表示热烈欢迎, 甲代表A对B一行的到来表示欢迎: the delegation after 对 (a body,
        or the bodies of the people leading it) visited the body before it (named, or the
        welcoming person's)."""
        v = self.zt.v
        k = v.rfind("对", cs, ts)
        if k < 0:
            return None
        guests = distinct(orgs_in(self.mentions, k, ts)) or self._people_bodies(k, ts)
        hosts = distinct(orgs_in(self.mentions, cs, k))[-1:] or self._person_body(cs, k)
        if not guests or not hosts or any(g.org is hosts[0].org for g in guests):
            return None
        return guests, hosts

    def _guests_by_person(self, te: int, s1: int) -> list[Mention]:
        """The bodies of the people a host received as a delegation (会见了李强、赵刚一行):
        the people named after the verb, up to the delegation's word in the clause."""
        comma = self.zt.v.find(",", te, s1)
        end = comma if comma >= 0 else s1
        word = _PARTY_WORD.search(self.zt.v, te, end)
        if word is None:
            return []
        return self._people_bodies(te, word.start())

    def _person_body(self, start: int, end: int) -> list[Mention]:
        """The body of the last person with one named in [start, end), as a mention."""
        best = None
        for name, org in self.people_orgs.items():
            k = self.zt.v.rfind(name, start, end)
            if k >= 0 and (best is None or k > best.start):
                best = Mention(k, k + len(name), org, name)
        return [best] if best is not None else []
