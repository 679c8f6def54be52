"""The Chinese rule engine: character-level patterns and lexicons, no segmenter.

Order: a Simplified matching view of the body (view) → organization names by head word
(mentions) and by the role a sentence gives them (party_names) → one record per
organization with its short forms (orgs, aliases) → people by post (people) → cooperation
events by trigger (events, with visits, meetings and setups; parties from parties; dates
from event_dates; entity, place and fields from arguments). Lexicons are data
(data/zh_*.tsv|txt, lexicon). Every record carries evidence spans into `Document.text`.
A hard-wrapped article (a PDF or mail copy broken at a fixed width) is read with its
paragraphs joined and its spans moved back through an offset map (unwrap).

jieba was measured and left out: its dictionary takes 0.76 s of CPU to load and it cuts
about 335,000 characters a second (the 35 unlabeled articles), so segmenting alone would
hold a 2,000-character article under 170 a second; and its words cross the boundaries the
genre needs (西青/区委书记 for 西青区委 + 书记, 华北/理工大学/冀唐/学院). Head words, posts
and stop words fix those boundaries directly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules.chinese.arguments import topics_near
from partnergraph.extraction.rules.chinese.events import EventFinder, EventRec
from partnergraph.extraction.rules.chinese.mentions import find_candidates
from partnergraph.extraction.rules.chinese.orgs import (
    OrgTable,
    build_table,
    scan_mentions,
)
from partnergraph.extraction.rules.chinese.aliases import norm
from partnergraph.extraction.rules.chinese.party_names import discover_party_names
from partnergraph.extraction.rules.chinese.people import PersonRec, find_people, holds_post, post_references
from partnergraph.extraction.rules.chinese.unwrap import unwrap
from partnergraph.extraction.rules.chinese.view import ZhText, build
from partnergraph.extraction.stages import Mention, MentionFinder, found_mentions
from partnergraph.models import Document, Event, Organization, Person, Span

__all__ = ["extract_items"]

# evidence kept per organization: enough to highlight it, not every repetition
MAX_ORG_SPANS = 6
# sentences after a trigger searched for its fields: the dev releases state them within 4
TOPIC_SENTENCES = 5


def extract_items(document: Document, finders: Sequence[MentionFinder] = ()
                  ) -> tuple[list[Organization], list[Person], list[Event]]:
    wrapped = unwrap(document.text)
    if wrapped is None:
        return _extract(document, finders)
    # a hard-wrapped article is read with its paragraphs joined; spans go back through the map
    joined, omap = wrapped
    published = document.published if document.published_span is None else None
    items = _extract(prepare(joined, id=document.id, url=document.url, source=document.source,
                             published=published, lang="zh", title=document.title), finders)
    return tuple([_moved(r, omap) for r in recs] for recs in items)  # type: ignore[return-value]


def _moved(record, omap: list[int]):
    spans = [Span(start=omap[s.start], end=omap[s.end - 1] + 1 if s.end > s.start
                  else omap[s.start], field=s.field) for s in record.evidence]
    return record.model_copy(update={"evidence": spans})


def _extract(document: Document, finders: Sequence[MentionFinder] = ()
             ) -> tuple[list[Organization], list[Person], list[Event]]:
    zt = build(document)
    cands = find_candidates(zt)
    names, places, employers = discover_party_names(zt, cands)
    found = _found(zt, cands, names, found_mentions(document, finders)) if finders else []
    table = build_table(zt, cands, names + [(m.start, m.end) for m in found],
                        find_candidates(zt, zt.furniture), employers)
    if found:
        _mark_found(zt, table, cands, names, found)
    mentions = scan_mentions(zt, table, cands, places)
    people = find_people(zt, table, mentions)
    people_orgs = {}
    for p in people:
        if p.org is not None:
            people_orgs.setdefault(p.name, p.org)
    for ref, org in post_references(people).items():  # 陈市长 for 副市长陈丽华, after the full names
        people_orgs.setdefault(ref, org)
    events = EventFinder(zt, table, mentions, people_orgs).find()
    return _organizations(table), _people(zt, people), _events(zt, events)


def _found(zt: ZhText, cands, names: list[tuple[int, int]], found: list[Mention]) -> list[Mention]:
    """A finder's names the rules do not name already (a span they name stays theirs)."""
    named = bytearray(len(zt.v) + 1)
    for s, e in [(c.start, c.end) for c in cands] + names:
        named[s:e] = b"\x01" * (e - s)
    out = []
    for m in found:
        if not any(named[m.start:m.end]):
            out.append(m)
            named[m.start:m.end] = b"\x01" * (m.end - m.start)
    return out


def _mark_found(zt: ZhText, table: OrgTable, cands, names: list[tuple[int, int]], found: list[Mention]) -> None:
    """An organization only a finder named records the finder in its `stage` (and its kind)."""
    by_rules = {norm(c.key) for c in cands} | {norm(zt.v[s:e]) for s, e in names}
    for m in found:
        org = table.lookup(zt.v[m.start:m.end])
        if org is not None and org.stage is None and not (set(org.forms()) & by_rules):
            org.stage = m.stage
            org.kind = m.kind or org.kind


def _span(s: int, e: int, field: str) -> dict:
    # a Span's fields, validated into a Span by the record that holds it: one call into
    # pydantic-core per record instead of one per span (an organization with 6 spans:
    # 11.6 -> 8.9 us; the constructor was 1.4 us a span, model_construct 2.2)
    return {"start": s, "end": e, "field": field}


def _organizations(table: OrgTable) -> list[Organization]:
    out = []
    for o in table.orgs:
        spans = sorted(set(o.spans))
        named = [sp for sp in spans if table.zt.text[sp[0]:sp[1]] == o.name][:1]
        spans = sorted(set(named + spans[:MAX_ORG_SPANS - len(named)]))
        aliases = [a for k, a in o.aliases.items() if k != o.key and a != o.name]
        # a name span quoting another form than the fullest name (华星电子集团 for
        # 华星电子集团有限公司: same key less the legal ending) supports a short form: an alias
        evidence = []
        for s, e, f in spans:
            quoted = table.zt.text[s:e]
            if f == "name" and quoted != o.name:
                f = "alias"
                if quoted not in aliases:
                    aliases.append(quoted)
            evidence.append(_span(s, e, f))
        out.append(Organization(name=o.name, aliases=aliases, kind=o.kind,
                                evidence=evidence,
                                confidence=round(o.confidence, 2), stage=o.stage))
    return out


def _people(zt: ZhText, people: list[PersonRec]) -> list[Person]:
    out = []
    for p in people:
        if not holds_post(zt, p):
            continue
        out.append(Person(name=zt.text[p.spans[0][0]:p.spans[0][1]], title=p.title or None,
                          org=p.org.name if p.org else None,
                          evidence=[_span(s, e, f) for s, e, f in p.spans],
                          confidence=0.8 if p.org else 0.6))
    return out


def _events(zt: ZhText, events: list[EventRec]) -> list[Event]:
    out = []
    for e in events:
        names = []
        for o in e.parties:
            if o.name not in names:
                names.append(o.name)
        if len(names) < 2:
            continue
        spans = [_span(e.trigger[0], e.trigger[1], "trigger")]
        spans += [_span(s, t, "party") for s, t in sorted(set(e.party_spans))]
        date = None
        if e.date is not None:
            date = e.date.resolve(zt.published)
            spans.append(_span(e.date.start, e.date.end, "date"))
        location = None
        if e.location:
            location = zt.text[e.location[0]:e.location[1]]
            spans.append(_span(*e.location, "location"))
        entity = None
        if e.entity:
            entity = zt.text[e.entity[0]:e.entity[1]]
            spans.append(_span(*e.entity, "entity"))
        topics = []
        s0, s1 = _sentence_window(zt, e.trigger[0])
        for a, b in topics_near(zt, s0, s1):
            topics.append(zt.text[a:b])
            spans.append(_span(a, b, "topic"))
        out.append(Event(type=e.type, date=date, parties=names, location=location,
                         topics=topics, entity=entity, evidence=spans,
                         confidence=round(e.confidence, 2)))
    return out


def _sentence_window(zt: ZhText, pos: int) -> tuple[int, int]:
    """The trigger's sentence and the TOPIC_SENTENCES after it, where releases state the
    fields (根据协议,双方将在…等领域开展合作)."""
    i = bisect_right(zt.sentences, (pos, len(zt.text) + 1)) - 1
    if i < 0 or not zt.sentences[i][0] <= pos < zt.sentences[i][1]:
        return pos, pos
    j = min(len(zt.sentences) - 1, i + TOPIC_SENTENCES)
    return zt.sentences[i][0], zt.sentences[j][1]
