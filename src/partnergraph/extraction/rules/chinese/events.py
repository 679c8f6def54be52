"""Cooperation events from Chinese sentences: a trigger (签署, 来访, 座谈会, 揭牌…, see
`zh_triggers.tsv`) plus the organizations of its clause.

Parties come from the clause before the trigger (A与B签署, A一行来到B, A接待了B), from the
organizers (由A主办、B承办的…, A联合B举办) and founders (联盟由A、B共同发起), or from a
joint name (A大学—B医院联合研究中心); 双方/两校/两省 fall back to the article's lead pair
(the bodies of its first cooperation clause). Guests attending (出席签约仪式), plans
(将签署, 拟设立) and negations (尚未签署) are no events; talks at a signing or during a visit
are part of it. One event per type and party set; 分别签约 gives one per pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from partnergraph.dates import DateMention
from partnergraph.extraction.rules.chinese.arguments import (
    entity_span,
    location_span,
    quoted_entities,
)
from partnergraph.extraction.rules.chinese.event_dates import event_date, lead_date
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.extraction.rules.chinese.orgs import Mention, Org, OrgTable
from partnergraph.extraction.rules.chinese.parties import (
    bodies,
    clause_start,
    distinct,
    eligible,
    founders,
    orgs_in,
    superset,
)
from partnergraph.extraction.rules.chinese.view import ZhText

# a plan, a hope or a negation just before the trigger: no event
_NOT_YET = re.compile(r"(?:将|拟|计划|准备|预计|有望|希望|即将|尚未|未|没有|争取|力争|筹建|打算|期待|愿)"
                      r"[^,。;]{0,6}$")
# what is set up as the topic of talks (双方就共建联合实验室进行了交流) is not set up yet
_TOPIC_OF = re.compile(r"(?:就|围绕|关于|商讨|探讨|洽谈|商谈)[^,。]{0,4}$")
# 共建A、B、C等合作项目: projects agreed on, not bodies set up
_PROJECT_LIST = re.compile(r"[^,。;]{2,120}?等[^,。;]{0,8}?(?:项目|事项|工作)")
# a clause about attending a signing (出席签约仪式, 见证签约) names guests, not parties
_ATTEND = re.compile(r"(?:出席|参加|见证|主持|参与|陪同|列席)[^,]{0,6}$")
# a future marker earlier in the clause (阳光新能源将…在内蒙古投资设立…)
_FUTURE = re.compile(r"将|拟|计划|准备|预计|有望|即将|筹建|力争|争取")
# the host receives (A接待了B代表团); the visitor goes (A一行到B, A对B进行访问)
_RECEIVES = re.compile(r"接待|会见|迎接|欢迎")
_GOES_TO = re.compile(r"(?:来到|到|赴|走进|莅临|前往|对)[^,]{0,20}$")
_ORGANIZE = re.compile(r"(?:联合|与|和|携手)[^,。;]{0,200}?(?:举办|主办|召开|承办)")
# a delegation right after a body, past an alias in parentheses: A(ABC)代表团
_DELEGATION = re.compile(r"(?:\([^()]{1,40}\))?(?:代表团|访问团|考察团|一行)")
# 与五家企业, 与各单位, 与两家医院: the bodies just listed, each on its own
_WITH_MANY = re.compile(r"与(?:各|这些|上述|以上|所有|[0-9一二两三四五六七八九十多]+[家所个])?[^,。;]{0,4}?"
                        r"(?:企业|单位|医院|公司|高校|学校|院校|机构|部门)")
_BOTH = re.compile(r"双方|两校|两省|两市|两院|两家|三方|各方|两地|校地|校企|院校|两单位|双边")
_RESPECTIVELY = re.compile(r"分别(?!代表|致辞|讲话|介绍|发言|表示)")
# talks are named meetings in their own right; bare 座谈/会谈 only when nothing else happened
_NAMED_MEETING = re.compile(r"齐聚|会议|总结会|工作会议|联席会议|研讨会|论坛|理事会|年会|推进会|对接会|峰会|大会")
# how far around a trigger its parties may stand (characters): clauses in the genre run
# to about 60 characters before the verb (9月23日,邮储银行江苏省分行与镇江市政府战略合作签约)
WINDOW = 80
# events compared when merging a new one, per shared party (an article has a handful)
MAX_MERGE_SCAN = 64
# a parent body opening an entity's name: up to its first head word of a whole institution
_PARENT_HEAD = re.compile(r"[\u3400-\u9fff]{2,12}?(?:大学|学院|医院|集团|公司|研究院|科学院)")
# how far after an unveiling its host may be named (…挂牌仪式在珠海市中西医结合医院举行: 6)
ENTITY_HOST_WINDOW = 30
# how far after a visit's verb its host may be named (characters): 走访调研了 + a long name
VISIT_HOST_WINDOW = 25
# how far a list of hosts may run on after the first (characters)
MAX_LIST = 160
_LIST_GAP = re.compile(r"[、,]?(?:和|及|与|以及)?")
# what a body's office or branch is called (中国铸造协会上海办事处)
_BRANCH = ("办事处", "代表处", "分公司", "分会", "分行", "分院", "办公室")
# how far before a visit's verb its visitor may stand (characters): a tour's list of hosts
# may run to a dozen names between them
MAX_TOUR = 240
# the longest agreement title read for its parties (characters)
MAX_TITLE = 60
# people looked up to name a visitor (an article lists a few dozen at most)
MAX_PEOPLE = 40


@dataclass
class EventRec:
    type: str
    parties: list[Org]
    date: DateMention | None
    trigger: tuple[int, int]
    party_spans: list[tuple[int, int]] = field(default_factory=list)
    location: tuple[int, int] | None = None
    topics: list[tuple[int, int]] = field(default_factory=list)
    entity: tuple[int, int] | None = None
    confidence: float = 0.7
    pairwise: bool = False  # one of the pairs of a 分别签约
    named: bool = False  # a meeting with a name of its own (总结会, 论坛), not bare talks


class EventFinder:
    def __init__(self, zt: ZhText, table: OrgTable, mentions: list[Mention],
                 people_orgs: dict[str, Org] | None = None):
        self.zt, self.table, self.mentions = zt, table, mentions
        self._by_end = {m.end: m for m in mentions}
        # people with a body (the first MAX_PEOPLE), to name a visitor by its leader
        self.people_orgs = dict(list((people_orgs or {}).items())[:MAX_PEOPLE])
        self._founders_seen: dict[tuple[int, int], list[Mention]] = {}
        self.lead_date = lead_date(zt)
        self._article_founders: list[Mention] | None = None
        # sentence start → the visitor and hosts of a tour it reports
        self._tours: dict[int, tuple[Mention, list[Mention]]] = {}
        self.lead_pair = self._lead_pair()

    # article-level context --------------------------------------------------------------
    def _lead_pair(self) -> list[Mention]:
        """The bodies of the article's first cooperation clause; else of its first sentence
        that names two."""
        lex = lexicon()
        v = self.zt.v
        for s0, s1 in self.zt.sentences:
            for rx in lex.triggers.values():
                for m in rx.finditer(v, s0, s1):
                    if self._not_an_event(v, s0, m.start()):
                        continue
                    cs = clause_start(v, s0, m.start())
                    ms = self._eligible(distinct(orgs_in(self.mentions, cs, m.start())))
                    if len(ms) >= 2:
                        return ms[:4]
        for s0, s1 in self.zt.sentences[:6]:
            ms = self._eligible(distinct(orgs_in(self.mentions, s0, s1)))
            if len(ms) >= 2:
                return ms[:4]
        return []

    def _eligible(self, ms: list[Mention]) -> list[Mention]:
        return eligible(self.zt.v, ms)

    # finding ----------------------------------------------------------------------------
    def find(self) -> list[EventRec]:
        lex = lexicon()
        v = self.zt.v
        found: list[EventRec] = []
        for s0, s1 in self.zt.sentences:
            hits = []
            for typ, rx in lex.triggers.items():
                for m in rx.finditer(v, s0, s1):
                    hits.append((m.start(), m.end(), typ))
            hits.sort()
            for ts, te, typ in hits:
                if self._not_an_event(v, s0, ts, typ):
                    continue
                found.extend(getattr(self, "_" + typ)(s0, s1, ts, te))
        return self._merge(found)

    @staticmethod
    def _not_an_event(v: str, s0: int, ts: int, typ: str = "agreement") -> bool:
        """A plan (将签署), a negation (尚未签署) or guests attending (出席签约仪式)."""
        if _NOT_YET.search(v, max(s0, ts - 8), ts):
            return True
        if typ != "visit" and _FUTURE.search(v, clause_start(v, s0, ts), ts):
            return True
        if typ == "joint_entity" and (_TOPIC_OF.search(v, max(s0, ts - 6), ts)
                                      or _PROJECT_LIST.match(v, ts)):
            return True
        return typ in ("agreement", "meeting") and bool(_ATTEND.search(v, max(s0, ts - 8), ts))

    def _parties(self, s0: int, s1: int, ts: int, te: int, typ: str) -> list[Mention]:
        v = self.zt.v
        cs = clause_start(v, s0, ts)
        both = _BOTH.search(v, max(s0, cs), min(s1, te + 4))
        before = self._eligible(distinct(orgs_in(self.mentions, max(s0, cs, ts - WINDOW), ts)))
        k = v.rfind("代表", cs, ts)
        if k >= 0:
            # 张力代表A与B签署: the bodies after 代表 are the parties
            after_rep = [m for m in before if m.start >= k]
            if len(after_rep) >= 2:
                before = after_rep
        if len(before) >= 2 and not both:
            return before
        if len(before) < 2 and not both:
            wider = self._eligible(distinct(orgs_in(self.mentions, max(s0, ts - WINDOW), ts)))
            if len(wider) >= 2 and not _BOTH.search(v, s0, ts):
                return wider
            after = self._eligible(distinct(orgs_in(self.mentions, te, min(s1, te + 30))))
            titled = self._titled(te, s1)
            if len(titled) >= 2:
                return titled  # 代表中国政府签署了《A与B关于…的谅解备忘录》: the title names them
            if len(before) == 1 and after and after[0].org is not before[0].org:
                return [before[0], after[0]]
            in_sentence = orgs_in(self.mentions, s0, s1)
            if typ == "agreement" and not in_sentence:
                return list(self.lead_pair)  # 此次协议的签署: the article's signing
            if not before and _BOTH.search(v, s0, cs):
                return list(self.lead_pair)  # 双方就…交流,并签署了备忘录: 双方 is the subject
            return before
        return list(self.lead_pair)

    def _titled(self, te: int, s1: int) -> list[Mention]:
        """The bodies an agreement's title names when the title follows its verb."""
        v = self.zt.v
        k = v.find("《", te, min(s1, te + 4))
        if k < 0:
            return []
        close = v.find("》", k, min(s1, k + MAX_TITLE))
        return distinct(orgs_in(self.mentions, k, close if close > 0 else min(s1, k + MAX_TITLE)))

    def _date(self, s0: int, s1: int, ts: int) -> DateMention | None:
        return event_date(self.zt, s0, s1, ts, self.lead_date)

    def _extras(self, e: EventRec, s0: int, s1: int) -> EventRec:
        e.location = location_span(self.zt, self.table, s0, s1)
        return e

    def _agreement(self, s0, s1, ts, te):
        v = self.zt.v
        parties = self._parties(s0, s1, ts, te, "agreement")
        if len(parties) < 2:
            return []
        date = self._date(s0, s1, ts)
        cs = clause_start(v, s0, ts)
        tour = self._tours.get(s0)
        if tour is not None and len(parties) >= 3 and {id(p.org) for p in parties} <= \
                {id(m.org) for m in [tour[0], *tour[1]]}:
            # 带队赴A、B、C走访调研,并签订校企合作协议: the visitor signed with each host
            visitor, hosts = tour
            return [self._extras(EventRec("agreement", [visitor.org, h.org], date, (ts, te),
                                          [(visitor.start, visitor.end), (h.start, h.end)],
                                          pairwise=True), s0, s1) for h in hosts]
        many = _WITH_MANY.search(v, cs, ts)
        if many is not None and not orgs_in(self.mentions, cs, ts):
            # 先后走访了A、B、C,并(分别)与三家企业签订了协议: the subject with each of them
            listed = self._eligible(distinct(orgs_in(self.mentions, s0, cs)))
            if len(listed) >= 3:
                return [self._extras(EventRec("agreement", [listed[0].org, r.org], date, (ts, te),
                                              [(listed[0].start, listed[0].end), (r.start, r.end)],
                                              pairwise=True), s0, s1) for r in listed[1:]]
        if _RESPECTIVELY.search(v, cs, ts) and "与" in v[cs:ts]:
            k = v.index("与", cs, ts)
            left = [p for p in parties if p.end <= k]
            right = [p for p in parties if p.start > k]
            if len(right) == 1 and len(left) >= 2:
                left, right = right, left  # B、C分别与A签约
            if len(left) == 1 and len(right) >= 2:
                return [self._extras(EventRec("agreement", [left[0].org, r.org], date, (ts, te),
                                              [(left[0].start, left[0].end), (r.start, r.end)],
                                              pairwise=True), s0, s1) for r in right]
        out = [self._extras(EventRec("agreement", [p.org for p in parties], date, (ts, te),
                                     [(p.start, p.end) for p in parties]), s0, s1)]
        return out + self._delegation_visit(parties, date, ts, te)

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
        v = self.zt.v
        trig = v[ts:te]
        cs = clause_start(v, s0, ts)
        # the whole clause: a tour lists many hosts between the visitor and the verb
        before = distinct(orgs_in(self.mentions, max(cs, ts - MAX_TOUR), ts))
        if trig == "的到来":
            # 李清代表西青区委、区政府对A的到来表示欢迎: A came; the host stands before 对
            if not before:
                return []
            visitor = before[-1]
            hosts = [m for m in before[:-1] if m.org is not visitor.org]
            if not hosts:
                return []
            hosts = hosts[-1:]
        else:
            after = self._host_list(te, s1)
            if not before and after:
                # 潘维大校长一行来到云南大学: the visitor named by a person of a known body
                before = self._person_body(max(cs, ts - 30), ts)
            lead = v[max(cs, ts - 6):ts]
            between = v[before[0].end:ts] if before else ""
            went = _GOES_TO.search(between) if len(before) >= 2 else None
            if after and before and after[0].org is not before[0].org:
                visitor, hosts = before[0], after  # A一行走访了B、C和D: one visit per host
            elif len(before) >= 2 and _RECEIVES.search(between):
                hosts, visitor = before[:1], before[-1]  # A接待了B考察团
            elif went is not None:
                # A一行赴B调研, A代表团对B进行了访问, A一行先后到B、C调研
                k = before[0].end + went.start()
                visitor = before[0]
                hosts = [m for m in before[1:] if m.start >= k] or before[-1:]
            else:
                return []
            if trig == "迎来":
                # A迎来B代表团: B came to A, as a delegation
                if not (after and _DELEGATION.match(v, after[0].end)):
                    return []
                visitor, hosts = after[0], before[-1:]
            elif not re.search(r"一行|代表团|访问团|考察团|带队|带领|率", v[cs:te]) and not re.search(
                    r"来到|到|赴|走进|莅临|前往|访问|来访|到访|拜访", trig + lead):
                return []
        date = self._date(s0, s1, ts)
        hosts = [h for h in hosts if h.org is not visitor.org]
        if len(hosts) >= 2:
            self._tours[s0] = (visitor, hosts)
        return [EventRec("visit", [visitor.org, h.org], date, (ts, te),
                         [(visitor.start, visitor.end), (h.start, h.end)])
                for h in hosts if h.org is not visitor.org]

    def _host_list(self, te: int, s1: int) -> list[Mention]:
        """The bodies listed right after a visit's verb (走访了A、B和C), or the first body
        within VISIT_HOST_WINDOW characters."""
        after = distinct(orgs_in(self.mentions, te, min(s1, te + VISIT_HOST_WINDOW + MAX_LIST)))
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

    def _person_body(self, start: int, end: int) -> list[Mention]:
        """The body of the last person with one named in [start, end), as a mention."""
        best = None
        for name, org in self.people_orgs.items():
            k = self.zt.v.rfind(name, start, end)
            if k >= 0 and (best is None or k > best.start):
                best = Mention(k, k + len(name), org, name)
        return [best] if best is not None else []

    def _founders(self, s0: int, s1: int) -> list[Mention]:
        key = (s0, s1)
        if key not in self._founders_seen:
            self._founders_seen[key] = founders(self.zt, self.mentions, s0, s1)
        return self._founders_seen[key]

    def _meeting(self, s0, s1, ts, te):
        v = self.zt.v
        if v[ts:te] == "齐聚":
            # A会长甲、B秘书长乙…齐聚C,共商…: every body whose people came
            return self._meeting_of(bodies(self.zt, self.mentions, s0, ts), s0, s1, ts, te)
        parties = self._parties(s0, s1, ts, te, "meeting")
        cs = clause_start(v, s0, ts)
        if _ORGANIZE.search(v, cs, ts):
            # A联合B、C、D…举办: every organizer of the clause, however long the list
            listed = self._eligible(distinct(orgs_in(self.mentions, cs, ts)))
            if len(listed) > len(parties):
                parties = listed
        if any(p.end == ts for p in parties):
            # 中俄工科大学联盟论坛: the body in the meeting's name; its organizers are the parties
            founders = self._founders(s0, s1)
            if len(founders) >= 2:
                parties = founders
        # 由A、B主办,C承办: every organizer, when the clause names only some of them
        parties = superset(parties, self._founders(s0, s1)) if len(parties) >= 2 \
            else self._founders(s0, s1)
        if len(parties) < 2:
            parties = self._alliance_and_parent(s0, ts)
        return self._meeting_of(parties, s0, s1, ts, te)

    def _alliance_and_parent(self, s0: int, ts: int) -> list[Mention]:
        """X学院产学研合作联盟第三次会议: an alliance named after its leading body meets; the
        alliance and that body are the parties."""
        near = [m for m in self._eligible(distinct(orgs_in(self.mentions, max(s0, ts - WINDOW), ts)))
                if m.org.kind == "alliance" and m.end >= ts - 8]
        if not near:
            return []
        a = near[-1]
        parent = self._parent_named_in(a.start, a.end)
        if parent is None or parent is a.org:
            return []
        return [a, Mention(a.start, a.start + len(parent.key), parent, parent.key)]

    def _meeting_of(self, parties: list[Mention], s0, s1, ts, te) -> list[EventRec]:
        # a unit of a party (中国铸造协会上海办事处 of 中国铸造协会) is no party of its own
        keys = [p.org.key for p in parties]
        parties = [p for p in parties
                   if not (p.org.key.endswith(_BRANCH)
                           and any(k != p.org.key and p.org.key.startswith(k) for k in keys))]
        if len(parties) < 2:
            return []
        v = self.zt.v
        named = bool(_NAMED_MEETING.match(v, ts))
        e = EventRec("meeting", [p.org for p in parties], self._date(s0, s1, ts), (ts, te),
                     [(p.start, p.end) for p in parties], confidence=0.6 if named else 0.4)
        e.named = named
        return [self._extras(e, s0, s1)]

    def _joint_entity(self, s0, s1, ts, te):
        v = self.zt.v
        several = self._unveiled_at_host(s0, s1, ts, te)
        if several:
            return several
        entity = entity_span(self.zt, self.table, self._by_end, s0, s1, ts, te)
        if entity is None:
            return []
        name = v[entity[0]:entity[1]]
        named = self._named_founders(name)
        if len(named) >= 2:
            return [self._extras(EventRec("joint_entity", named, self._date(s0, s1, ts), (ts, te),
                                          [entity], entity=entity), s0, s1)]
        parties = self._parties(s0, s1, ts, te, "joint_entity")
        # the body set up is no party of its own setting up (功能性膜联合实验室 / 联合实验室)
        held = max(v.rfind("举行", s0, ts), v.rfind("举办", s0, ts))
        parties = [p for p in parties if not (p.start < entity[1] and entity[0] < p.end)
                   and not p.org.key.endswith(name) and not name.endswith(p.org.key)
                   and not (0 <= held < p.start)]  # 举行X联合实验室揭牌仪式: X names the lab
        # 由A牵头,联合B、C共同发起: the founders, when the clause names only some of them
        parties = superset(parties, self._founders(s0, s1)) if len(parties) >= 2 \
            else self._founders(s0, s1)
        if len(parties) < 2 and v[entity[1] - 2:entity[1]] == "联盟":
            # an alliance's founders are often named in a later sentence of the article
            if self._article_founders is None:
                self._article_founders = next(
                    (f for a, b in self.zt.sentences if (f := self._founders(a, b))), [])
            parties = self._article_founders
        inside = distinct(orgs_in(self.mentions, entity[0], entity[1]))
        if len(parties) < 2 and len(inside) >= 2:
            parties = inside
        if len(parties) < 2:
            parties = self._people_bodies(s0, s1)  # 李明校长和张强院长一同为实验室揭牌
        parties = [p for p in parties if not (entity[0] <= p.start and p.end <= entity[1])] \
            if len(inside) < 2 else parties
        if len(parties) < 2:
            return []
        return [self._extras(EventRec("joint_entity", [p.org for p in parties],
                                      self._date(s0, s1, ts), (ts, te),
                                      [(p.start, p.end) for p in parties], entity=entity), s0, s1)]

    def _named_founders(self, name: str) -> list[Org]:
        """The bodies a joint name joins with a dash: A大学—B医院联合医学研究中心 → A, B."""
        if "-" not in name:
            return []
        out: list[Org] = []
        parts = name.split("-")
        for i, part in enumerate(parts):
            # the last part carries the entity's own head word: its founder opens it
            if i == len(parts) - 1:
                org = self.table.prefix_org(part) or self.table.lookup(part)
            else:
                org = self.table.lookup(part) or self.table.prefix_org(part)
            if org is not None and org not in out:
                out.append(org)
        return out

    def _parent_named_in(self, a: int, b: int) -> Org | None:
        """The body whose full name opens an entity's name (“A大学临床教研中心” → A大学),
        recorded as an organization of the article."""
        m = _PARENT_HEAD.match(self.zt.v, a, b)
        if m is None or m.end() >= b:
            return None
        return self.table.add(a, m.end(), confidence=0.6)

    def _unveiled_at_host(self, s0, s1, ts, te) -> list[EventRec]:
        """“A大学临床教研中心”、“B大学教学医院”挂牌仪式在C医院举行: one event per entity,
        between the body that opens its name and the host."""
        v = self.zt.v
        if v[ts:te] not in ("揭牌", "挂牌", "授牌"):
            return []
        quoted = quoted_entities(self.zt, s0, s1, ts)
        if len(quoted) < 2:
            return []
        hosts = [m for m in distinct(orgs_in(self.mentions, te, min(s1, te + ENTITY_HOST_WINDOW)))
                 if not any(a <= m.start < b for a, b in quoted)]
        if not hosts:
            return []
        host, out = hosts[0], []
        for a, b in quoted:
            partner = self.table.prefix_org(v[a:b]) or self._parent_named_in(a, b)
            if partner is not None and partner is not host.org:
                out.append(self._extras(EventRec(
                    "joint_entity", [partner, host.org], self._date(s0, s1, ts), (ts, te),
                    [(a, a + len(partner.key)), (host.start, host.end)], entity=(a, b)), s0, s1))
        return out

    # merging ----------------------------------------------------------------------------
    def _merge(self, found: list[EventRec]) -> list[EventRec]:
        out: list[EventRec] = []
        by_party: dict[tuple[str, int], list[EventRec]] = {}
        for e in found:
            keys = {id(o) for o in e.parties}
            same = None
            # an event that is the same shares a party; look only at those, the latest first
            seen: set[int] = set()
            for k in keys:
                for o in reversed(by_party.get((e.type, k), [])[-MAX_MERGE_SCAN:]):
                    if id(o) in seen:
                        continue
                    seen.add(id(o))
                    ok = {id(x) for x in o.parties}
                    if o.pairwise != e.pairwise and len(ok) != len(keys):
                        continue  # a pair signed one to one is not the ceremony of all
                    if (keys <= ok or ok <= keys) and _date_ok(o, e):
                        same = o
                        break
                if same is not None:
                    break
            if same is None:
                out.append(e)
                for k in keys:
                    by_party.setdefault((e.type, k), []).append(e)
                continue
            if len(keys) > len({id(x) for x in same.parties}):
                same.parties = e.parties
                for k in keys:
                    by_party.setdefault((e.type, k), []).append(same)
            same.party_spans.extend(e.party_spans)
            same.location = same.location or e.location
            same.entity = same.entity or e.entity
            same.date = same.date or e.date
            same.confidence = min(0.95, same.confidence + 0.1)
        # a ceremony of all the bodies that then signed one to one is those pairs
        pair_bodies = {id(o) for e in out if e.pairwise for o in e.parties}
        out = [e for e in out if e.pairwise or e.type != "agreement" or len(e.parties) < 3
               or not {id(o) for o in e.parties} <= pair_bodies]
        # talks at a signing or during a visit are part of it
        hosted = {id(o) for e in out if e.type in ("agreement", "visit") for o in e.parties}
        kept = []
        for e in out:
            if e.type == "meeting" and not e.named and (
                    any(id(o) in hosted for o in e.parties) or len(out) > 1):
                continue
            kept.append(e)
        return kept


def _date_ok(a: EventRec, b: EventRec) -> bool:
    if a.date is None or b.date is None:
        return True
    return (a.date.month, a.date.day) == (b.date.month, b.date.day) or a.date is b.date
