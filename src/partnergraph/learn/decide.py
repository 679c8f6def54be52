"""Decisions: keep, drop and add items of the rule engine's extraction by the models' scores.

- A partner pair is kept when its score clears the pairs threshold. A rule event keeps the
  parties that have a kept pair inside it and is dropped below two; a kept pair that no kept
  rule event holds becomes an event of its own, typed by the types model, grounded in the
  sentence that names both.
- An organization is kept when its score clears the orgs threshold or it is a party or entity
  of a kept event; a person's post at a dropped organization keeps the person, without it.
Every item records the stage that made or kept it in its `stage`.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from partnergraph.dates import find_dates
from partnergraph.learn.candidates import Context, org_features, pair_features
from partnergraph.learn.names import join_tagged
from partnergraph.learn.text import sentences
from partnergraph.models import Document, Event, Extraction, Span

if TYPE_CHECKING:
    from partnergraph.learn.modelfile import LanguageModel


def tagged_spans(doc: Document, rules: Extraction, lm: LanguageModel) -> list[tuple[int, int, str]]:
    """The names the language's tagger finds in the document's sentences (none without a tagger)."""
    if lm.tagger is None:
        return []
    rule_spans = [(s.start, s.end) for o in rules.organizations for s in o.evidence if s.field in ("name", "alias")]
    return lm.tagger.tag(doc.text, sentences(doc, []), rule_spans)


def context_for(doc: Document, rules: Extraction, lm: LanguageModel,
                spans: list[tuple[int, int, str]] | None = None) -> Context:
    """The candidates' context: the rules' organizations joined with the tagger's."""
    spans = tagged_spans(doc, rules, lm) if spans is None else spans
    lang = "zh" if doc.lang == "zh" else "en"
    return Context.build(doc, rules, join_tagged(doc, rules.organizations, spans, lm.kinds, lang))


def score_candidates(ctx: Context, lm: LanguageModel) -> tuple[list[float], dict[tuple[int, int], float]]:
    """P(keep) of every organization and P(partners) of every pair candidate."""
    orgs = [lm.orgs.probability(org_features(ctx, i)) for i in range(len(ctx.orgs))]
    pairs = {p: lm.pairs.probability(pair_features(ctx, *p)) for p in ctx.pair_candidates()}
    return orgs, pairs


def decide(
    ctx: Context,
    lm: LanguageModel,
    scores: tuple[list[float], dict[tuple[int, int], float]] | None = None,
    thresholds: dict[str, float] | None = None,
    stage: str = "learned",
) -> Extraction:
    th = dict(lm.thresholds, **(thresholds or {}))
    org_p, pair_p = scores if scores is not None else score_candidates(ctx, lm)
    rules = ctx.rules
    orgs = ctx.orgs
    index = {o.name: i for i, o in enumerate(orgs)}
    kept = {frozenset(p): v for p, v in pair_p.items() if v >= th["pairs"]}

    events: list[Event] = []
    covered: set[frozenset] = set()
    for ev in rules.events:
        ids = list(dict.fromkeys(index[p] for p in ev.parties if p in index))
        keep = [i for i in ids if any(frozenset((i, j)) in kept for j in ids if j != i)]
        if len(keep) < 2:
            continue
        dropped = {orgs[i].name for i in ids if i not in keep}
        evidence = ev.evidence
        if dropped:
            text = ctx.doc.text
            evidence = [s for s in ev.evidence if not (s.field == "party" and text[s.start:s.end] in dropped)]
        conf = max(kept[frozenset(p)] for p in combinations(keep, 2) if frozenset(p) in kept)
        events.append(ev.model_copy(update={
            "parties": [orgs[i].name for i in keep], "evidence": evidence,
            "confidence": round(conf, 3), "stage": f"rules+{stage}",
        }))
        covered.update(frozenset(p) for p in combinations(keep, 2))

    for pair in sorted((tuple(sorted(p)) for p in kept if p not in covered)):
        ev = _pair_event(ctx, lm, pair, kept[frozenset(pair)], stage)
        if ev is not None:
            events.append(ev)

    needed = {p for ev in events for p in ev.parties} | {ev.entity for ev in events if ev.entity}
    kept_orgs = []
    for i, o in enumerate(orgs):
        if o.name in needed or org_p[i] >= th["orgs"]:
            made = "tagger+" if o.stage == "tagger" else "rules+"
            kept_orgs.append(o.model_copy(update={"confidence": round(org_p[i], 3), "stage": made + stage}))
    names = {o.name for o in kept_orgs}
    people = [p if p.org is None or p.org in names else p.model_copy(update={"org": None}) for p in rules.people]
    events = [ev if ev.entity is None or ev.entity in names else ev.model_copy(update={"entity": None})
              for ev in events]
    return rules.model_copy(update={"organizations": kept_orgs, "people": people, "events": events})


def _pair_event(ctx: Context, lm: LanguageModel, pair: tuple[int, int], p: float, stage: str) -> Event | None:
    """A new event for a kept pair, grounded in the first sentence that names both, or else in
    the sentences of their two closest mentions."""
    a, b = pair
    shared = [si for si, orgs in sorted(ctx.orgs_in_sentence.items()) if a in orgs and b in orgs]
    if shared:
        si = shared[0]
        party_spans = [(s, e) for s, e, i in ctx.by_sentence[si] if i in pair]
    else:
        near = ctx.nearest(a, b)
        if near is None:
            return None
        later = max(near[1:], key=lambda m: m[0])  # the event is told where the second party comes in
        si = ctx.sentence_at(later[0])
        party_spans = sorted((m[0], m[1]) for m in near[1:])
    s0, s1 = ctx.sents[si]
    kind, _ = lm.types.predict(pair_features(ctx, a, b))
    evidence = [Span(start=s0, end=s1, field="sentence")]
    evidence += [Span(start=s, end=e, field="party") for s, e in party_spans]
    date = None
    for ev in ctx.rules.events:  # a rule event told in the same sentence knows the date
        trig = next((s for s in ev.evidence if s.field == "trigger"), None)
        if ev.date and trig is not None and s0 <= trig.start < s1:
            date = ev.date
            break
    if date is None:
        found = find_dates(ctx.doc.text, s0, s1)
        if found:
            date = found[0].resolve(ctx.doc.published)
            evidence.append(Span(start=found[0].start, end=found[0].end, field="date"))
    orgs = ctx.orgs
    return Event(type=kind, date=date, parties=[orgs[a].name, orgs[b].name], evidence=evidence,
                 confidence=round(p, 3), stage=stage)
