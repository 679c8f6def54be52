"""Meetings in Chinese sentences: talks, forums, symposiums and gatherings between bodies.

The parties are the bodies before the trigger (A与B召开推进会), every organizer however the
sentence splits them (A联合B、C举办; 由A、B主办,C承办), the bodies whose people gathered
(…齐聚C,共商…), or an alliance and the body that leads it (X学院产学研合作联盟第三次会议).
An office of a party is no party of its own (中国铸造协会上海办事处). Talks told after a visit's
verb in their sentence are that visit.
"""

from __future__ import annotations

import re

from partnergraph.extraction.rules.chinese.orgs import Mention, OrgTable
from partnergraph.extraction.rules.chinese.parties import (
    WINDOW,
    bodies,
    clause_start,
    distinct,
    orgs_in,
    superset,
)
from partnergraph.extraction.rules.chinese.record import EventRec
from partnergraph.extraction.rules.chinese.view import ZhText

_ORGANIZE = re.compile(r"(?:联合|与|和|携手)[^,。;]{0,200}?(?:举办|主办|召开|承办)")
# talks are named meetings in their own right; bare 座谈/会谈 only when nothing else happened
_NAMED_MEETING = re.compile(r"齐聚|会议|总结会|工作会议|联席会议|研讨会|论坛|理事会|年会|推进会|对接会|推介会|峰会|大会")
# a signing told in the sentence of a gathering (齐聚): the gathering is its ceremony
_SIGNING = re.compile(r"签约|签署|签订|签字")
# what a body's office or branch is called (中国铸造协会上海办事处)
_BRANCH = ("办事处", "代表处", "分公司", "分会", "分行", "分院", "办公室")
# talks told after a visit's verb in their sentence are that visit (A一行参观考察了B,并进行了座谈)
_VISITED_BEFORE = re.compile(r"参观|考察|调研|走访|来访|到访|拜访|莅临|访问")


class MeetingRules:
    """The meeting rules of `events.EventFinder`, which provides the article's context."""

    # what EventFinder (events.py) provides
    zt: ZhText
    table: OrgTable
    mentions: list[Mention]

    def _meeting(self, s0, s1, ts, te):
        v = self.zt.v
        if v[ts:te] == "齐聚":
            if _SIGNING.search(v, s0, s1):
                return []  # …齐聚一堂,共同见证…签署: a gathering at a signing is that signing (GUIDELINES.md)
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
        # 远景商会一行参观考察了A公司,并进行了座谈: the talks of a visit are the visit
        typ = "visit" if not named and len(parties) == 2 and _VISITED_BEFORE.search(v, s0, ts) else "meeting"
        e = EventRec(typ, [p.org for p in parties], self._date(s0, s1, ts), (ts, te),
                     [(p.start, p.end) for p in parties], confidence=0.6 if named else 0.4)
        e.named = named
        return [self._extras(e, s0, s1)]
