"""Cooperation events from Chinese sentences: a trigger (签署, 来访, 座谈会, 揭牌…, see
`zh_triggers.tsv`) plus the organizations of its clause.

This module finds triggers, decides what is no event, finds agreements and merges; visits,
meetings and set-ups have their own modules (visits, meetings, setups), mixed into
EventFinder. Parties come from the clause before the trigger (A与B签署), from an agreement's
title (签署了《A与B…备忘录》), or, for 双方/两校/两省, from the article's lead pair (the bodies
of its first cooperation clause) or from a tour's stop (在A公司,双方签订…). Guests attending
(出席签约仪式), plans (将签署, 拟设立), negations (尚未签署) and topics of talks (就共建…进行
交流) are no events; talks at a signing or during a visit are part of it. One event per type
and party set; one to many (A与B、C分别签约, 走访了A、B并与企业签订…) gives one per pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from partnergraph.dates import DateMention
from partnergraph.extraction.rules.chinese.arguments import location_span
from partnergraph.extraction.rules.chinese.event_dates import event_date, lead_date
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.extraction.rules.chinese.meetings import MeetingRules
from partnergraph.extraction.rules.chinese.orgs import Mention, Org, OrgTable
from partnergraph.extraction.rules.chinese.parties import (
    ATTENDING,
    WINDOW,
    clause_start,
    distinct,
    eligible,
    orgs_in,
)
from partnergraph.extraction.rules.chinese.record import EventRec
from partnergraph.extraction.rules.chinese.setups import SetUpRules
from partnergraph.extraction.rules.chinese.view import ZhText
from partnergraph.extraction.rules.chinese.visits import VisitRules

# a plan, a hope or a negation just before the trigger: no event
_NOT_YET = re.compile(r"(?:将|拟|计划|准备|预计|有望|希望|即将|尚未|未|没有|争取|力争|筹建|打算|期待|愿"
                      r"|(?:明日|明天|后天|下周|下月)会?)"
                      r"[^,。;]{0,6}$")
# what is set up as the topic of talks (双方就共建联合实验室进行了交流) is not set up yet
_TOPIC_OF = re.compile(r"(?:就(?!业)|围绕|关于|商讨|探讨|洽谈|商谈)[^,。]{0,4}$")
# 共建A、B、C等合作项目, 在共建X等方面: projects and fields, not bodies set up
_PROJECT_LIST = re.compile(r"[^,。;]{2,120}?等[^,。;]{0,8}?(?:项目|事项|工作)")
_FIELD_LIST = re.compile(r"[^,。;]{2,120}?等[^,。;]{0,8}?(?:方面|领域)")
# guests attending, with the signing bodies after the verb (出席了A与B的签约仪式)
_ATTEND_VERB = re.compile(r"出席|参加|见证|列席")
# a future marker earlier in the clause (阳光新能源将…在内蒙古投资设立…)
_FUTURE = re.compile(r"将|拟|计划|准备|预计|有望|即将|筹建|力争|争取")
# 与五家企业, 与各单位, 与两家医院: the bodies just listed, each on its own
_WITH_MANY = re.compile(r"与(?:各|这些|上述|以上|所有|[0-9一二两三四五六七八九十多]+[家所个])?[^,。;]{0,4}?"
                        r"(?:企业|单位|医院|公司|高校|学校|院校|机构|部门)")
# both sides as a subject; 校地/校企 before 合作 (校企合作协议, 校地合作调研) qualify a thing
_BOTH = re.compile(r"双方|两校|两省|两市|两院|两家|三方|各方|两地|两单位|双边"
                   r"|(?:校地|校企|院校)(?!合作|共建|融合|协同|对接|联动|联合)")
# a set-up named as what an agreement is about (签署共建…研究院协议)
_SIGNED_BEFORE = re.compile(r"(?:签署|签订|签约|续签|达成)[^,。;]{0,6}$")
_AGREEMENT_AFTER = re.compile(r"[^,。;]{0,24}?(?:协议|合同|备忘录|意向书)")
# 签约共建X, 签订协议,共建X, X落户: a set-up after a signing in its sentence is what was agreed
# (GUIDELINES.md: a memorandum to set up an institute is an agreement), unless the sentence
# tells it done (签约并揭牌, 签订协议,成立X)
_TO_BUILD = re.compile(r"共建|设立|建立|落户|共同建设|合作建设")
_SIGNING = re.compile(r"签约|签订|签署|簽約|簽訂|簽署|续签")
_DONE = re.compile(r"揭牌|挂牌|掛牌|授牌|揭幕|成立|启用|啟用|落成|开园|投入使用|正式运行")
MAX_DONE = 200  # how far on in its sentence a set-up may be told done (characters)
# each of the bodies just listed, as a subject (各企业负责人…并与X签订)
_EACH = re.compile(r"各(?:家|个)?(?:企业|单位|公司|医院|学校|高校|院校|机构|基地)")
# the bodies of a tour told before, as a group (两家企业, 三所高校, 各企业, 这些单位)
_GROUP = re.compile(r"(?:[两二三四五六七八九十几多]|[0-9]{1,2})(?:家|所|个)(?:企业|单位|公司|医院|高校|院校|学校|机构)"
                    r"|(?:各|这些|上述)(?:家|个)?(?:企业|单位|公司|医院|高校|院校|学校|机构)")
# people signing for both sides (甲与乙代表双方签订): their bodies are the parties
_FOR_BOTH = re.compile(r"(?:分别)?代表(?:双方|两校|两家|各自单位)")
_RESPECTIVELY = re.compile(r"分别(?!代表|致辞|讲话|介绍|发言|表示)")
# a side of a cooperation named by a generic body only (我市与A、B、C签约, A、B等企业与我校签下;
# 市政府与A、B): the bodies listed on the other side signed with it, not with each other
_UNNAMED = r"(?:我|本)(?:市|校|院|区|县|省|州|局|厅|司|公司|集团|行|所|中心|单位)|(?:市|省|区|县|州)(?:人民)?政府|(?:市|省|区|县)委"
_UNNAMED_BEFORE = re.compile(f"(?:{_UNNAMED})$")
_UNNAMED_AFTER = re.compile(_UNNAMED)
_WITH = re.compile(r"与|同|和")
# a clause whose trigger stands this close to its start has no subject of its own (共建, 并共建)
SUBJECTLESS = 2
# events compared when merging a new one, per shared party (an article has a handful)
MAX_MERGE_SCAN = 64
# the longest agreement title read for its parties (characters)
MAX_TITLE = 60
# the most titles of one signing read for their parties
MAX_TITLES = 12
# the connectives of a clause read for an unnamed side (a clause names a few bodies)
MAX_WITH = 8
# people looked up to name a visitor (an article lists a few dozen at most)
MAX_PEOPLE = 40


class EventFinder(VisitRules, MeetingRules, SetUpRules):
    def __init__(self, zt: ZhText, table: OrgTable, mentions: list[Mention],
                 people_orgs: dict[str, Org] | None = None):
        self.zt, self.table, self.mentions = zt, table, mentions
        self._by_end = {m.end: m for m in mentions}
        # people with a body (the first MAX_PEOPLE), to name a visitor by its leader
        self.people_orgs = dict(list((people_orgs or {}).items())[:MAX_PEOPLE])
        self._founders_seen: dict[tuple[int, int], list[Mention]] = {}
        self.lead_date = lead_date(zt)
        self._article_founders: list[Mention] | None = None
        # sentence start → the visitors and hosts of a tour it reports
        self._tours: dict[int, tuple[list[Mention], list[Mention]]] = {}
        self.visitor: Mention | None = None
        self.last_tour: tuple[list[Mention], list[Mention]] | None = None
        self._hits: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        self.own_school()
        self.lead_pair = self._lead_pair()

    def _triggers(self, s0: int, s1: int) -> list[tuple[int, int, str]]:
        """The trigger matches of a sentence, type by type in the lexicon's order: scanned
        once for the lead pair and for `find` (the lead pair reads ~15 sentences of 45)."""
        hits = self._hits.get((s0, s1))
        if hits is None:
            v = self.zt.v
            hits = self._hits[(s0, s1)] = [(m.start(), m.end(), typ)
                                           for typ, rx in lexicon().triggers.items()
                                           for m in rx.finditer(v, s0, s1)]
        return hits

    # article-level context --------------------------------------------------------------
    def _lead_pair(self) -> list[Mention]:
        """The bodies of the article's first cooperation clause; else of its first sentence
        that names two."""
        v = self.zt.v
        for s0, s1 in self.zt.sentences:
            for ts, _, _ in self._triggers(s0, s1):
                if self._not_an_event(v, s0, ts):
                    continue
                cs = clause_start(v, s0, ts)
                ms = self._eligible(distinct(orgs_in(self.mentions, cs, ts)))
                ms = self._represented(cs, ts, ms)
                if len(ms) >= 2 and self._unnamed_side(cs, ts, ms):
                    return []  # 我市与A、B、C签约: the lead's other side is not named
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
        v = self.zt.v
        found: list[EventRec] = []
        for s0, s1 in self.zt.sentences:
            for ts, te, typ in sorted(self._triggers(s0, s1)):
                if self._not_an_event(v, s0, ts, typ):
                    continue
                found.extend(getattr(self, "_" + typ)(s0, s1, ts, te))
        return self._merge(found)

    @staticmethod
    def _not_an_event(v: str, s0: int, ts: int, typ: str = "agreement") -> bool:
        """A plan (将签署), a negation (尚未签署) or guests attending (出席签约仪式)."""
        if _NOT_YET.search(v, max(s0, ts - 8), ts):
            return True
        if typ != "visit":
            cs = clause_start(v, s0, ts)
            if ts - cs <= SUBJECTLESS and cs > s0:
                # 双方将…开展合作,共建…实验室: a clause with no subject of its own continues the
                # one before it, and so does that clause's tense
                cs = clause_start(v, s0, cs - 1)
            if _FUTURE.search(v, cs, ts):
                return True
        if typ == "joint_entity" and (v.find("签", max(s0, ts - 8), ts) >= 0
                                      or v.find("达成", max(s0, ts - 8), ts) >= 0) \
                and _SIGNED_BEFORE.search(v, max(s0, ts - 8), ts) and _AGREEMENT_AFTER.match(v, ts):
            return True  # 签署共建研究院协议: an agreement to set up, not a set-up
        if typ == "joint_entity" and _TO_BUILD.match(v, ts) and _SIGNING.search(v, s0, ts):
            s1 = v.find("。", ts, ts + MAX_DONE)
            if not _DONE.search(v, ts, s1 if s1 >= 0 else ts + MAX_DONE):
                return True  # 签约共建产业学院: the set-up the signing agrees on
        if typ == "joint_entity" and (_TOPIC_OF.search(v, max(s0, ts - 6), ts)
                                      or _PROJECT_LIST.match(v, ts)
                                      or (v[ts - 1:ts] == "在" and _FIELD_LIST.match(v, ts))):
            return True
        return typ in ("agreement", "meeting") and bool(ATTENDING.search(v, max(s0, ts - 8), ts))

    def _parties(self, s0: int, s1: int, ts: int, te: int, typ: str) -> list[Mention]:
        v = self.zt.v
        cs = clause_start(v, s0, ts)
        both = _BOTH.search(v, max(s0, cs), min(s1, te + 4))
        before = self._eligible(distinct(orgs_in(self.mentions, max(s0, cs, ts - WINDOW), ts)))
        before = self._represented(cs, ts, before)
        if len(before) >= 2 and self._unnamed_side(cs, ts, before):
            return []
        guests = _ATTEND_VERB.search(v, cs, ts) if len(before) >= 3 else None
        if guests is not None:
            # 甲出席了A与B的签约仪式: the bodies after the guests' verb sign
            signing = self._eligible(distinct(orgs_in(self.mentions, guests.end(), ts)))
            if len(signing) >= 2:
                before = signing
        if len(before) >= 2 and not both:
            return before
        if len(before) < 2:
            signers = self._signers_bodies(cs, ts)
            if signers:
                return signers
        scene = self.scene(s0)
        if scene is not None and self.visitor is not None and len(before) < 2 \
                and scene.org is not self.visitor.org and _BOTH.search(v, s0, te):
            return [self.visitor, scene]  # 在A公司,…双方签订了协议: the touring visitor and A
        if len(before) < 2 and not both:
            wider = self._eligible(distinct(orgs_in(self.mentions, max(s0, ts - WINDOW), ts)))
            if len(wider) >= 2 and not _BOTH.search(v, s0, ts):
                return wider
            comma = v.find(",", te, min(s1, te + 30))
            after = self._eligible(distinct(orgs_in(self.mentions, te,
                                                    comma if comma >= 0 else min(s1, te + 30))))
            titled = self._titled(te, s1)
            if len(titled) >= 2:
                return titled  # 代表中国政府签署了《A与B关于…的谅解备忘录》: the title names them
            if len(before) == 1 and after and after[0].org is not before[0].org:
                return [before[0], after[0]]
            in_sentence = self._eligible(orgs_in(self.mentions, s0, s1))
            if typ == "agreement" and not in_sentence:
                # 此次协议的签署, 签约仪式在A大学举行: the article's signing, its venue no party
                return list(self.lead_pair)
            if not before and _BOTH.search(v, s0, cs):
                return list(self.lead_pair)  # 双方就…交流,并签署了备忘录: 双方 is the subject
            return before
        return list(self.lead_pair)

    def _unnamed_side(self, cs: int, ts: int, before: list[Mention]) -> bool:
        """我市与A、B、C举行签约仪式, A、B等11家企业与我校签下: one side of the clause's 与 is a
        generic body the article names nowhere (no mention of it resolves: CONVENTIONS 2), the
        other lists the bodies; they are not partners of each other (GUIDELINES.md: one event per
        pair with the host, and the host is not named)."""
        v = self.zt.v
        named = orgs_in(self.mentions, cs, ts)
        for n, w in enumerate(_WITH.finditer(v, cs, ts)):
            j = w.start()
            if n >= MAX_WITH:
                break
            if any(m.start < j < m.end for m in named):
                continue  # 和 inside a name
            left = [m for m in before if m.end <= j]
            right = [m for m in before if m.start > j]
            if not left and len(right) >= 2 and _UNNAMED_BEFORE.search(v, cs, j):
                return True
            if not right and len(left) >= 2 and _UNNAMED_AFTER.match(v, w.end()):
                return True
        return False

    def _signers_bodies(self, cs: int, ts: int) -> list[Mention]:
        """A院长甲与B馆长乙代表双方签订: the two bodies of the people who signed for both sides,
        also when each is named only as where a post is held."""
        m = _FOR_BOTH.search(self.zt.v, cs, ts)
        if m is None:
            return []
        i = bisect_left(self.mentions, cs, key=lambda x: x.start)
        named = []
        while i < len(self.mentions) and self.mentions[i].end <= m.start():
            if self.mentions[i].org is not None:
                named.append(self.mentions[i])
            i += 1
        named = self._eligible(distinct(named))
        return named if len(named) == 2 else []

    def _represented(self, cs: int, ts: int, before: list[Mention]) -> list[Mention]:
        """张力代表A与B签署: the bodies after 代表 are the parties, also when one was named
        before it as well (A公司B部负责人代表A公司与C签约)."""
        k = self.zt.v.rfind("代表", cs, ts)
        if k >= 0:
            after_rep = self._eligible(distinct(orgs_in(self.mentions, k, ts)))
            if len(after_rep) >= 2:
                return after_rep
        return before

    def _pairs_listed(self, cs: int, ts: int) -> list[tuple[Mention, Mention]]:
        """A与B、C与D: the pairs a list of 与-phrases names, each a body on either side."""
        v, out, pos = self.zt.v, [], cs
        while pos < ts:
            k = v.find("、", pos, ts)
            end = ts if k < 0 else k
            ms = self._eligible(distinct(orgs_in(self.mentions, pos, end)))
            j = v.find("与", pos, end)
            if len(ms) != 2 or j < 0 or not ms[0].end <= j < ms[1].start:
                return []
            out.append((ms[0], ms[1]))
            pos = end + 1
        return out

    def _titled_pairs(self, s0: int, s1: int, ts: int, te: int) -> list[tuple[Mention, Mention]]:
        """The two bodies each agreement's title names, for the titles a signing lists after its
        verb (签署了《A与B…协议》《C与D…备忘录》) or before 的 and its verb (见证《A与B…协议》和
        《C与D…协议》的签署); a title naming one body or three names no pair."""
        v = self.zt.v
        if v.startswith("的", ts - 1):
            k = v.rfind(",", s0, ts) + 1 or s0  # titles of the clause before 的签署
            end = ts
        else:
            k = v.find("《", te, min(s1, te + 4))
            end = s1
        out = []
        for _ in range(MAX_TITLES):
            k = v.find("《", k, end) if k >= 0 else -1
            close = v.find("》", k, min(end, k + MAX_TITLE)) if k >= 0 else -1
            if close < 0:
                break
            ms = self._eligible(distinct(orgs_in(self.mentions, k, close)))
            if len(ms) == 2 and v.find("与", ms[0].end, ms[1].start) >= 0:
                out.append((ms[0], ms[1]))
            k = close
        return out

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
        titled = self._titled_pairs(s0, s1, ts, te)
        if len(parties) < 2 and not titled:
            return []
        date = self._date(s0, s1, ts)
        cs = clause_start(v, s0, ts)
        # 签署了《A与B…协议》《C与D…备忘录》: one agreement per title that names its two bodies
        # (a ceremony of all of them is dropped in `_merge`: the bodies signed one to one)
        by_title = [self._extras(EventRec("agreement", [a.org, b.org], date, (ts, te),
                                          [(a.start, a.end), (b.start, b.end)], pairwise=True), s0, s1)
                    for a, b in titled]
        if len(parties) < 2:
            return by_title
        return by_title + self._agreement_of(parties, date, s0, s1, ts, te, cs)

    def _agreement_of(self, parties: list[Mention], date, s0: int, s1: int, ts: int, te: int,
                      cs: int) -> list[EventRec]:
        v = self.zt.v
        paired = self._with_each_host("agreement", parties, date, s0, s1, ts, te)
        if paired:
            return paired
        many = _WITH_MANY.search(v, cs, ts)
        if many is not None and self.last_tour is not None and not orgs_in(self.mentions, s0, s1):
            # 此次活动,学院共与5家企业签订了协议: the tour's visitor with each of its hosts
            visitors, hosts = self.last_tour
            return [self._extras(EventRec("agreement", [g.org, h.org], date, (ts, te),
                                          [(g.start, g.end), (h.start, h.end)],
                                          pairwise=True), s0, s1) for g in visitors for h in hosts]
        if many is not None and not orgs_in(self.mentions, cs, ts):
            # 先后走访了A、B、C,并(分别)与三家企业签订了协议: the subject with each of them
            listed = self._eligible(distinct(orgs_in(self.mentions, s0, cs)))
            if len(listed) >= 3:
                return [self._extras(EventRec("agreement", [listed[0].org, r.org], date, (ts, te),
                                              [(listed[0].start, listed[0].end), (r.start, r.end)],
                                              pairwise=True), s0, s1) for r in listed[1:]]
        pairs = self._pairs_listed(cs, ts) if "与" in v[cs:ts] else []
        if len(pairs) >= 2:  # A与B、C与D(分别)签订: one agreement per pair as listed
            return [self._extras(EventRec("agreement", [a.org, b.org], date, (ts, te),
                                          [(a.start, a.end), (b.start, b.end)],
                                          pairwise=True), s0, s1) for a, b in pairs]
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
        scene = self.scene(s0)
        if scene is not None and self.visitor is not None and len(parties) == 2 \
                and {id(p.org) for p in parties} == {id(self.visitor.org), id(scene.org)}:
            # 在A公司,…签订了协议: the touring visitor came to A
            out.append(EventRec("visit", [self.visitor.org, scene.org], date, (ts, te),
                                [(scene.start, scene.end)]))
        return out + self._delegation_visit(parties, date, ts, te)

    def _with_each_host(self, typ: str, parties: list[Mention], date, s0: int, s1: int,
                        ts: int, te: int, entity: tuple[int, int] | None = None) -> list[EventRec]:
        """带队赴A、B、C走访调研,并签订校企合作协议 (or 各企业…并与X签订…,挂牌…基地; A、B一行
        来到C参观,并与学校签订…): the sentence's tour, whose visitors signed with (or set up
        with) each host, one event per visitor and host."""
        v = self.zt.v
        tour = self._tours.get(s0)
        if tour is None:
            # 考察结束后,两家企业与学校签订了协议: the last tour's bodies, referred to as a group
            tour = self.last_tour
            if tour is None or not _GROUP.search(v, clause_start(v, s0, ts), ts):
                return []
            bodies = {id(m.org) for m in (*tour[0], *tour[1])}
            if not all(id(m.org) in bodies for m in orgs_in(self.mentions, s0, s1)):
                return []
            parties = []
        visitors, hosts = tour
        guests = {id(g.org) for g in visitors}
        named = max(m.end for m in (*visitors, *hosts))
        each = _EACH.search(v, named, ts) if named < ts else None
        if each is None:  # 并与学校签订协议,双方为…基地揭牌: each visitor and the host
            each = _BOTH.search(v, max(named, clause_start(v, s0, ts)), ts)
        if parties and each is None and (
                not (len(parties) >= 3 or all(id(p.org) not in guests for p in parties))
                or not {id(p.org) for p in parties} <= guests | {id(m.org) for m in hosts}):
            return []
        return [self._extras(EventRec(typ, [g.org, h.org], date, (ts, te),
                                      [(g.start, g.end), (h.start, h.end)],
                                      entity=entity, pairwise=True), s0, s1)
                for g in visitors for h in hosts]

    # merging ----------------------------------------------------------------------------
    def _merge(self, found: list[EventRec]) -> list[EventRec]:
        out: list[EventRec] = []
        by_party: dict[tuple[str, int], list[EventRec]] = {}
        # a body and its own unit or parent (青川区委 and 青川区委宣传部, a college and its
        # hospital 青川学院之附属医院) are no partners: the text's other side is a generic one
        # (我院与青川区委宣传部签署), which the guidelines do not name (train zh: no gold event of two
        # such bodies)
        found = [e for e in found if not _one_within_other(e)]
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
        out = [x for e in out for x in self._split_by_pairs(e, out)]
        # talks at a signing or during a visit are part of it
        hosted = {id(o) for e in out if e.type in ("agreement", "visit") for o in e.parties}
        kept = []
        for e in out:
            if e.type == "meeting" and not e.named and (
                    any(id(o) in hosted for o in e.parties) or len(out) > 1):
                continue
            kept.append(e)
        return kept


    def _split_by_pairs(self, e: EventRec, events: list[EventRec]) -> list[EventRec]:
        """A与B、C分别签订协议,并为…基地授牌: a set-up of all the bodies that signed one to
        one in its sentence is one set-up per pair."""
        if e.type != "joint_entity" or e.pairwise or len(e.parties) < 3:
            return [e]
        starts = [a for a, _ in self.zt.sentences]
        here = bisect_right(starts, e.trigger[0])
        pairs = [p for p in events if p.pairwise and p.type == "agreement"
                 and bisect_right(starts, p.trigger[0]) == here]
        if not pairs or {id(o) for p in pairs for o in p.parties} != {id(o) for o in e.parties}:
            return [e]
        return [EventRec("joint_entity", list(p.parties), e.date, e.trigger, list(p.party_spans),
                         location=e.location, entity=e.entity, confidence=e.confidence,
                         pairwise=True) for p in pairs]


def _one_within_other(e: EventRec) -> bool:
    """An event of two bodies one of whose names holds the other's, or that are the Party
    committee and the government of one place (定边县委, 定边县政府); not an alliance named after
    its leading body, which meets with it (`_alliance_and_parent`)."""
    if len({id(o) for o in e.parties}) != 2:
        return False
    short, long = sorted(e.parties, key=lambda o: len(o.key))
    if short.key in long.key:
        return long.kind != "alliance"
    a, b = short.key, long.key
    pa, pb = _PLACE_ORGAN.fullmatch(a), _PLACE_ORGAN.fullmatch(b)
    return pa is not None and pb is not None and pa.group(1) == pb.group(1)


# a place's Party committee or government (定边县委, 定边县人民政府)
_PLACE_ORGAN = re.compile(r"(.{2,12}?[省市区县州旗])(?:委|人民政府|政府)")


def _date_ok(a: EventRec, b: EventRec) -> bool:
    if a.date is None or b.date is None:
        return True
    return (a.date.month, a.date.day) == (b.date.month, b.date.day) or a.date is b.date
