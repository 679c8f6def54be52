"""Joint entities in Chinese sentences: a lab, centre, base, alliance or medical group set up,
unveiled or launched.

The entity is found by arguments.entity_span; its parties are the founders the name joins
(A大学—B医院联合研究中心, A与B联合实验室), the bodies of the clause (A与B共建的X揭牌),
the founders named elsewhere (联盟由A、B共同发起), or the bodies of the people unveiling it
(李明校长和张强院长一同为实验室揭牌). Several entities unveiled at one host are one event
each (“A大学临床教研中心”、“B大学教学医院”挂牌仪式在C医院举行).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from partnergraph.extraction.rules.chinese.arguments import entity_span, quoted_entities
from partnergraph.extraction.rules.chinese.lexicon import literal_led
from partnergraph.extraction.rules.chinese.orgs import Mention, Org, OrgTable
from partnergraph.extraction.rules.chinese.parties import (
    clause_start,
    distinct,
    founders,
    orgs_in,
    superset,
)
from partnergraph.extraction.rules.chinese.record import EventRec
from partnergraph.extraction.rules.chinese.view import ZhText

# a parent body opening an entity's name: up to its first head word of a whole institution
_PARENT_HEAD = re.compile(r"[\u3400-\u9fff]{2,12}?(?:大学|学院|医院|集团|公司|研究院|科学院)")
# how far after an unveiling its host may be named (…挂牌仪式在珠海市中西医结合医院举行: 6)
ENTITY_HOST_WINDOW = 30
# groupings whose members are their parties, and the words that list them
_GROUPINGS = ("联盟", "联合体", "医联体", "医共体", "共同体", "医疗集团")
_MEMBERS = re.compile(r"成员(?:单位|医院|高校)?(?:包括|有|为|是)")
# the article's alliance referred to without its name
_THIS_ALLIANCE = literal_led(r"(?:该|本|此|这一|这个)?联盟(?=由|于|是|经)")
# an entity referred to by its head word at the start of a later sentence (该学院由…)
_REFERRED_HEAD = re.compile(r"(?:学院|中心|实验室|基地|研究院|研究所|平台|联盟|工作站)$")
_REFERRED = re.compile(r"(?:该|这一|这个|此|本)(学院|中心|实验室|基地|研究院|研究所|平台|联盟|工作站)")
# how many sentences after a set-up may name its founders that way
REFERRED_SENTENCES = 2
# the most founders a joint name runs together (青川大学北岭医院东江集团联合实验室: 3)
MAX_FOUNDERS = 4


class SetUpRules:
    """The joint-entity rules of `events.EventFinder`, which provides the article's context."""

    # what EventFinder (events.py) provides
    zt: ZhText
    table: OrgTable
    mentions: list[Mention]
    _by_end: dict[int, Mention]
    _founders_seen: dict[tuple[int, int], list[Mention]]
    _article_founders: list[Mention] | None

    def _founders(self, s0: int, s1: int) -> list[Mention]:
        key = (s0, s1)
        if key not in self._founders_seen:
            self._founders_seen[key] = founders(self.zt, self.mentions, s0, s1)
        return self._founders_seen[key]

    def _joint_entity(self, s0, s1, ts, te):
        v = self.zt.v
        several = self._unveiled_at_host(s0, s1, ts, te) or self._plaques(s0, s1, ts, te)
        if several:
            return several
        entity = entity_span(self.zt, self.table, self._by_end, s0, s1, ts, te) \
            or self._alliance_referred(s0, ts)
        if entity is None:
            return []
        name = v[entity[0]:entity[1]]
        named = self._named_founders(name) or self._founders_inside(*entity)
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
        if len(parties) < 2:
            parties = self._referred_founders(s1, name) or parties
        inside = distinct(orgs_in(self.mentions, entity[0], entity[1]))
        if len(parties) < 2 and len(inside) >= 2:
            parties = inside
        if len(parties) < 2 and name.endswith(_GROUPINGS):
            members = self._members(entity, s0, s1)
            if len(members) >= 2:  # the lead body opens the name: no filter for inside it
                return [self._extras(EventRec(
                    "joint_entity", [p.org for p in members], self._date(s0, s1, ts), (ts, te),
                    [(p.start, p.end) for p in members], entity=entity), s0, s1)]
        if len(parties) < 2:
            parties = self._people_bodies(s0, s1)  # 李明校长和张强院长一同为实验室揭牌
        scene = self.scene(s0)
        if len(parties) < 2 and scene is not None and self.visitor is not None \
                and scene.org is not self.visitor.org:
            parties = [self.visitor, scene]  # 在A公司,…并为“…基地”揭牌: the touring visitor and A
        parties = [p for p in parties if not (entity[0] <= p.start and p.end <= entity[1])] \
            if len(inside) < 2 else parties
        if len(parties) < 2:
            return []
        date = self._date(s0, s1, ts)
        paired = self._with_each_host("joint_entity", parties, date, s0, s1, ts, te, entity)
        if paired:
            return paired
        return [self._extras(EventRec("joint_entity", [p.org for p in parties],
                                      self._date(s0, s1, ts), (ts, te),
                                      [(p.start, p.end) for p in parties], entity=entity), s0, s1)]

    def _referred_founders(self, s1: int, name: str) -> list[Mention]:
        """X学院揭牌成立。该学院由A与B共同建设: the founders a next sentence gives, where it
        refers to the entity by its head word (该学院, 这一平台)."""
        head = _REFERRED_HEAD.search(name)
        if head is None:
            return []
        i = bisect_left(self.zt.sentences, (s1, -1))
        for a, b in self.zt.sentences[i:i + REFERRED_SENTENCES]:
            ref = _REFERRED.match(self.zt.v, a, b)
            if ref is not None and ref.group(1) == head.group():
                return self._founders(a, b)
        return []

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

    def _plaques(self, s0, s1, ts, te) -> list[EventRec]:
        """A为B、C授牌 (A为B授予“…基地”): A with each body it gives the plaque to; a title
        given (授予“先进单位”称号) is no set-up, so 授予 needs a quoted name with a head word."""
        v = self.zt.v
        trig = v[ts:te]
        if trig not in ("授牌", "授予"):
            return []
        cs = clause_start(v, s0, ts)
        k = v.rfind("为", cs, ts)
        if k < 0:
            return []
        entity = None
        if trig == "授予":
            quoted = quoted_entities(self.zt, te, s1, min(s1, te + 40))
            if not quoted:
                return []
            entity = quoted[0]
        givers = distinct(orgs_in(self.mentions, cs, k)) or self._person_body(cs, k)
        takers = [m for m in distinct(orgs_in(self.mentions, k + 1, ts)) if givers
                  and m.org is not givers[-1].org]
        if not givers or not takers:
            return []
        giver, date = givers[-1], self._date(s0, s1, ts)
        return [self._extras(EventRec("joint_entity", [giver.org, t.org], date, (ts, te),
                                      [(giver.start, giver.end), (t.start, t.end)],
                                      entity=entity, pairwise=True), s0, s1) for t in takers]

    def _members(self, entity: tuple[int, int], s0: int, s1: int) -> list[Mention]:
        """X医院专科联盟成立,首批成员单位包括A、B等8家医院: the body leading it, whose name
        opens the alliance's, and the members the sentence lists."""
        v = self.zt.v
        m = _MEMBERS.search(v, s0, s1)
        if m is None:
            return []
        members = distinct(orgs_in(self.mentions, m.end(), s1))
        lead = self.table.prefix_org(v[entity[0]:entity[1]]) \
            or self._parent_named_in(entity[0], entity[1])
        if lead is None:
            return members
        return [Mention(entity[0], entity[0] + len(lead.key), lead, lead.key)] + \
            [x for x in members if x.org is not lead]

    def _alliance_referred(self, s0: int, ts: int) -> tuple[int, int] | None:
        """该联盟由A、B共同发起成立: the article's one alliance, where it is named."""
        if not _THIS_ALLIANCE.search(self.zt.v, s0, ts):
            return None
        alliances = [o for o in self.table.orgs if o.kind == "alliance"]
        if len(alliances) != 1:
            return None
        s, e, _ = min(alliances[0].spans)
        return s, e

    def _founders_inside(self, a: int, b: int) -> list[Org]:
        """The bodies a joint name runs together: 青川大学北岭医院联合实验室 → 青川大学, 北岭医院
        (each up to a head word of a whole institution, before the entity's own head)."""
        v, spans, pos = self.zt.v, [], a
        while len(spans) < MAX_FOUNDERS:
            m = _PARENT_HEAD.match(v, pos, b)
            if m is None or m.end() >= b - 2:
                break
            spans.append((pos, m.end()))
            pos = m.end() + (v[m.end()] in "与和")
        if len(spans) < 2:
            return []
        out: list[Org] = []
        for x, y in spans:
            org = self.table.add(x, y, confidence=0.6)
            if org not in out:
                out.append(org)
        return out if len(out) >= 2 else []

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
