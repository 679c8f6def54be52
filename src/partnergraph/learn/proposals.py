"""Chinese event proposals over every organization candidate, for the events model to keep or drop.

The rule engine finds its events among the names it reads itself. A party it never reads (a
place standing in an actor's slot, 福建省与中国工程院签署; a short form or a brand only the tagger
finds, 工研院与…签署) leaves the event unfound, and the pair, with no rule event behind it, scores
low. Here the plainest shape of a cooperation clause is read again over all the candidates (the
rules', the tagger's, the places'): two names joined by 与 or 和 before an agreement's or a
set-up's trigger of the rules' lexicon in the same clause (A与B签署…协议, A和B共同组建…). Each such pair that no rule event of
the trigger's type holds is a proposed event (stage `proposed`), a candidate of the events model
like a rule event, which learns from the gold how far to trust the shape (`candidates.event_features`:
`proposed`). Plans, negations, guests attending and the set-up an agreement is about are no
events, as the rules read them (`EventFinder._not_an_event`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from partnergraph.documents.normalize import match_view
from partnergraph.documents.traditional import to_simplified
from partnergraph.extraction.rules.chinese.events import EventFinder
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.models import Event, Span

if TYPE_CHECKING:
    from partnergraph.learn.candidates import Context

PROPOSED_STAGE = "proposed"
# what joins the two names: 与 (與 in the Simplified view) or 和, with at most a space or a
# closing bracket beside it (A(简称甲)与B is read as the bracket's end, then 与)
_JOIN = re.compile(r"[)\s]?[与和]\s?")
_MAX_JOIN = 3
_LOOKAHEAD = 4  # names looked past for the next one (other readings of the same words)
_MAX_CLAUSE_TRIGGERS = 8  # triggers of a clause a pair looks at
_MAX_PROPOSALS = 24  # per article: a handful at most in real ones
# the types the shape tells: A与B before a meeting's word is more often its topic or its guests
# (zh train, out of fold: agreements 14 of 19 proposals a gold event, set-ups 5 of 19, meetings
# 0 of 1), and a visit is told as a delegation going to its host, not as A与B
PROPOSED_TYPES = ("agreement", "joint_entity")


def _view(text: str) -> str:
    """The text as the rules match it: same length, normalized, Simplified."""
    return to_simplified(match_view(text))


def propose_events(ctx: Context) -> list[Event]:
    """The proposed events of a Chinese article (none for English), in text order. Each sentence
    is read once for its joined names and once for its triggers; a pair looks at the few
    triggers of its clause: linear in the article's names and triggers."""
    if ctx.lang != "zh" or len(ctx.orgs) < 2:
        return []
    v = _view(ctx.doc.text)
    held: dict[str, list[set[int]]] = {}
    for ev in ctx.rules.events:
        held.setdefault(ev.type, []).append({ctx.index[p] for p in ev.parties if p in ctx.index})
    triggers = [(typ, rx) for typ, rx in lexicon().triggers.items() if typ in PROPOSED_TYPES]
    out: list[Event] = []
    seen: set[tuple[str, frozenset]] = set()
    for si, ms in sorted(ctx.by_sentence.items()):
        if len(ms) < 2:
            continue
        s0, s1 = ctx.sents[si]
        joined = []
        for n, a in enumerate(ms):
            # the next name after this one (another reading of overlapping words is skipped)
            b = next((m for m in ms[n + 1:n + 1 + _LOOKAHEAD] if m[0] >= a[1]), None)
            if b is not None and a[2] != b[2] and 0 < b[0] - a[1] <= _MAX_JOIN and _JOIN.fullmatch(v, a[1], b[0]):
                joined.append((a, b))
        if not joined:
            continue
        hits = sorted((m.start(), m.end(), typ) for typ, rx in triggers for m in rx.finditer(v, s0, s1))
        starts = [h[0] for h in hits]
        for a, b in joined:
            # the triggers after the pair in its clause (no comma or colon from the first name on)
            ends = [k for k in (v.find(",", a[0], s1), v.find(":", a[0], s1)) if k >= 0]
            ce = min(ends, default=s1)
            k = bisect_left(starts, b[1])
            for ts, te, typ in hits[k:k + _MAX_CLAUSE_TRIGGERS]:
                if ts >= ce:
                    break
                pair = frozenset((a[2], b[2]))
                if (typ, pair) in seen or any(pair <= ids for ids in held.get(typ, [])) \
                        or EventFinder._not_an_event(v, s0, ts, typ):
                    continue
                seen.add((typ, pair))
                out.append(Event(
                    type=typ, parties=[ctx.orgs[a[2]].name, ctx.orgs[b[2]].name],
                    evidence=[Span(start=s0, end=s1, field="sentence"), Span(start=ts, end=te, field="trigger"),
                              Span(start=a[0], end=a[1], field="party"), Span(start=b[0], end=b[1], field="party")],
                    confidence=0.5, stage=PROPOSED_STAGE))
                if len(out) >= _MAX_PROPOSALS:
                    return out
    return out
