"""One act, one event: a joint body set up once is one `joint_entity` event with all its parties.

The event rules work pair by pair, so a sentence where one school hangs the plaque of one base
with five companies ("…与5家企业签订协议书,挂牌湖南大学实践教学基地") gave five
`joint_entity` events for one unveiling. GUIDELINES list every named party of one launch in one
event, so events of that type from the same trigger naming the same entity are joined here
(parties and evidence in order of appearance). Pairwise agreements and visits stay per pair:
the guidelines count a one-to-one signing or a tour host by host.
"""

from __future__ import annotations

from partnergraph.models import Event


def _trigger(event: Event) -> tuple[int, int] | None:
    return next(((s.start, s.end) for s in event.evidence if s.field == "trigger"), None)


def join_shared_entities(events: list[Event]) -> list[Event]:
    """Events as given, with same-trigger same-entity `joint_entity` events joined into the first."""
    out: list[Event] = []
    first: dict[tuple, int] = {}
    for ev in events:
        trigger = _trigger(ev)
        if ev.type != "joint_entity" or ev.entity is None or trigger is None:
            out.append(ev)
            continue
        key = (trigger, ev.entity, ev.date)
        if key not in first:
            first[key] = len(out)
            out.append(ev)
            continue
        kept = out[first[key]]
        parties = kept.parties + [p for p in ev.parties if p not in kept.parties]
        evidence = kept.evidence + [s for s in ev.evidence if s not in kept.evidence]
        topics = kept.topics + [t for t in ev.topics if t not in kept.topics]
        out[first[key]] = kept.model_copy(update={"parties": parties, "evidence": evidence,
                                                  "topics": topics})
    return out
