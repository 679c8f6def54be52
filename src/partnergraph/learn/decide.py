"""Decisions: keep, drop and add items of the rule engine's extraction by the models' scores.

- A Chinese event proposed over all the candidates (learn/proposals.py: A与B签署 where the
  rules never read A) is decided as a rule event is, on its own score (not with the other events
  of its trigger), and dated as the rules date an event told in its sentence. So is an English
  one (names listed as the subject of a signing, "Japan and the EU have signed", with those
  after "with"), which the English two-party drop below spares (its subject is read as an
  actor), and which replaces a kept rule event of its type told in its sentence that holds
  only some of its parties.
- A rule event is kept, with the rules' parties, when the events model's score clears the
  events threshold, or when the pairs model scores two of its parties partners of its type
  above the backed threshold (off unless chosen); in a list of three or four, a party the pairs
  model finds no partner of the event's type for (below the party threshold) leaves it: an attendee's organization, a quoted
  firm (the events model alone decides a two-party event), and in a list of three or more so
  does a party the organizations model would not keep (below the orgs threshold: a fragment
  of a name cut in two such as "L.td.", a parent body), two parties staying, and an English event of
  two with a party scored under half the orgs threshold is not reported; English signatories listed together
  next to the trigger ("Kestrel, Lumio and Veltrix signed") stay, and a meeting in which the pairs
  model finds no partners at all keeps the rules' parties. A partner pair is kept for an event
  type when its score clears the pairs threshold; kept pairs that no kept rule event holds
  become events of their type (a pair the rules already report keeps the rules' reading, so one
  signing is not also a visit, unless another type's score clears the higher extra threshold:
  the visit during which it was signed; nor does a pair the rules split one trigger's events
  into, as in "A, B and C signed agreements with D": D with each, never A with B): three or
  more organizations all kept pairwise are one event (a joint signing, an alliance), and so in
  Chinese are three or more that kept pairs join and one list of one sentence names (联合A、B、
  C、D成立…联盟: the pairs model keeps neighbours of a long list, not every pair), and so are
  those kept as partners in a set-up all named in one sentence that tells one set-up (its
  founders and first members, however listed: an entity is one event of all its parties), the rest
  one event per pair, grounded in the sentence that names both, unless every sentence naming
  the pair tells a plan ("plans to sign": English). A name and a longer name holding it are
  not partners, and the tagger's other reading of a rule party's name does not repeat the
  rules' event unless the organizations model scores it higher. A rule party never named alone
  but inside a longer reading (the tagger's, or its coordinated complement: "Ministry of Land" in
  "Ministry of Land, Infrastructure and Transport", names.extend_coordinated) that the
  organizations model keeps and scores higher is that reading in the rules' events.
- A person's post is held at the best-scored organization named near them when that score
  clears the people threshold, else the text leaves it open (`org` null). A person only the
  tagger named (learn/people.py) is kept with a post scored above the tagged threshold, or in
  Chinese with a title written beside the name (at its best-scored organization: a gold person
  whose post the text leaves open takes any, so that is never worse than none).
- An organization is kept when its score clears the orgs threshold or it is a party or entity
  of a kept event or holds a kept post.
- An article the documents model finds no cooperation story in (its score below the document
  threshold: a quarterly result, a ranking, an appointment) reports no event at all, whatever
  triggers the rules found in it.
Every item records the stage that made or kept it in its `stage`.
"""

from __future__ import annotations

import math
import re
from itertools import combinations, islice
from typing import TYPE_CHECKING

from partnergraph.extraction.rules.dating import EventDater
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.extraction.stages import name_spans
from partnergraph.learn.bounds import refine
from partnergraph.learn.candidates import (
    EVENT_TYPES,
    Context,
    document_features,
    event_features,
    org_features,
    pair_bound,
    pair_features,
    pair_parts,
    person_candidates,
    person_features,
)
from partnergraph.learn.names import (
    EXTENDED_STAGE,
    Taken,
    extend_coordinated,
    is_part_of,
    join_tagged,
    link_acronyms,
    link_governments,
)
from partnergraph.learn.places import english_place_candidates, place_candidates
from partnergraph.learn.proposals import PROPOSED_STAGE, en_name_runs
from partnergraph.learn.proposals import view as proposal_view
from partnergraph.learn.people import TAGGED_STAGE, bracketed_org, possessive_org, zh_committee_place
from partnergraph.learn.text import sentences
from partnergraph.models import Document, Event, Extraction, Organization, Span

if TYPE_CHECKING:
    from partnergraph.learn.modelfile import LanguageModel


def rule_name_spans(rules: Extraction) -> list[tuple[int, int]]:
    """Where the rules' organizations are named: the tagger's feature, in training and extraction."""
    return name_spans(rules.organizations)


def tagged_spans(doc: Document, rules: Extraction, lm: LanguageModel) -> list[tuple[int, int, str]]:
    """The names the language's tagger finds in the document's sentences (none without a tagger)."""
    if lm.tagger is None:
        return []
    return lm.tagger.tag(doc.text, sentences(doc, []), rule_name_spans(rules))


def context_for(doc: Document, rules: Extraction, lm: LanguageModel,
                spans: list[tuple[int, int, str]] | None = None) -> Context:
    """The candidates' context: the rules' organizations joined with the tagger's."""
    spans = tagged_spans(doc, rules, lm) if spans is None else spans
    lang = "zh" if doc.lang == "zh" else "en"
    if lang == "zh":  # glued prefixes cut by the bounds model (the tagger read the rules' own spans)
        rules = refine(doc.text, rules, spans, lm.bounds)
    orgs = join_tagged(doc, rules.organizations, spans, lm.kinds, lang, lm.bounds)
    if lang == "en":
        orgs = link_acronyms(doc, orgs)  # "MTUN" the tagger found: the Network's alias
        orgs = extend_coordinated(doc, orgs, lm.kinds)
        # countries and cities no organization names (The United Kingdom and Canada signed)
        orgs = orgs + english_place_candidates(doc, orgs, Taken(name_spans(orgs)))
        orgs = link_governments(orgs)  # "Indonesia" and "the Indonesian government": one
    if lang == "zh":  # places in an actor's slot (渭南市与…签署): candidates the models keep or drop
        places = place_candidates(doc, orgs, Taken(name_spans(orgs)))  # may add aliases to orgs
        orgs = orgs + places
    return Context.build(doc, rules, orgs, spans)


_MAX_MENTIONS = 12  # mentions of an organization compared with another reading's
_MAX_PRUNED = 4  # rule events of three up to this many parties lose those with no partner

Scores = tuple[list[float], dict[tuple[int, int, str], float], list[float], list[tuple[int, float] | None], float]


def score_candidates(ctx: Context, lm: LanguageModel, document: bool = True,
                     thresholds: dict[str, float] | None = None) -> Scores:
    """P(keep) of every organization, P(partners in an event of type t) of every pair and type,
    P(reported) of every rule event, the best post of every person, P(the article reports any
    cooperation): 1.0 without `document`, when no threshold asks for it (the gate is off).
    With `thresholds` (decide's own scoring), a pair whose scores no decision could read is left
    out (`_pair_floor`: `pair_bound` puts every type of it below each threshold a pair's score is
    compared with), and in an article the document gate closes, every pair, and every event
    (scored 0.0)."""
    doc_p = 1.0 if lm.documents is None or not document else lm.documents.probability(
        document_features(ctx, lm.documents.weights))
    told = thresholds is None or doc_p >= thresholds.get("document", 0.0)
    floor = _pair_floor(thresholds) if told else math.inf
    orgs = [lm.orgs.probability(org_features(ctx, i)) for i in range(len(ctx.orgs))]
    pairs = {}
    weights = lm.pairs.weights
    if floor < math.inf:
        for a, b in ctx.pair_candidates():
            parts = pair_parts(ctx, a, b)
            if floor > -math.inf and pair_bound(ctx, parts, lm.pairs) < floor:
                continue
            for t, p in lm.pairs.probabilities(pair_features(ctx, a, b, weights, parts)).items():
                pairs[(a, b, t)] = p
    events = [lm.events.probability(event_features(ctx, k, lm.events.weights)) if told else 0.0
              for k in range(len(ctx.candidate_events))]
    posts: list[tuple[int, float] | None] = []
    for k in range(len(ctx.people)):
        cands = person_candidates(ctx, k)
        scored = [(lm.people.probability(person_features(ctx, k, i, r)), -r, i) for r, i in enumerate(cands)]
        best = max(scored, default=None)
        post = _title_place_post(ctx, k, None if best is None else (best[2], best[0]))
        posts.append(_named_post(ctx, k, post) if ctx.lang == "en" else post)
    return orgs, pairs, events, posts, doc_p


# how far below a threshold a pair's bound must be to leave it out: the bound and the margin are
# sums of the same weights in other orders, which differ by rounding (some 1e-15), never this much
_BOUND_SLACK = 1e-6


def _pair_floor(thresholds: dict[str, float] | None) -> float:
    """The margin under which no pair score is read by `decide` with `thresholds`: the logit of
    the lowest of the pairs, party (when on: above 0) and backed thresholds, less the slack;
    -inf when every pair is needed (no thresholds, or one at 0), +inf when none is (all above 1)."""
    if thresholds is None:
        return -math.inf
    lowest = min(thresholds["pairs"], thresholds.get("backed", 1.01),
                 thresholds["party"] if thresholds.get("party", 0.0) > 0 else math.inf)
    if lowest > 1:
        return math.inf
    if lowest <= 0 or lowest >= 1:
        return -math.inf
    return math.log(lowest / (1 - lowest)) - _BOUND_SLACK


def _named_post(ctx: Context, k: int, best: tuple[int, float] | None) -> tuple[int, float] | None:
    """English person k's post at the organization named in brackets right after their name
    ("Professor Amy Hart (HU)", `people.bracketed_org`) or by a short form in the possessive
    before their title that is no mention ("Aramco's chief executive officer", for Saudi Aramco:
    `people.possessive_org`), over the scorer's choice: the scorer weighs mentions, and these
    short forms are often none (train, out of fold: four vice-chancellors listed with their
    universities' short forms, each posted at the article's main organization, and one chief
    executive at a country). A rules person's post there is sure, a tagged name's keeps its score."""
    text, person = ctx.doc.text, ctx.people[k]
    i = bracketed_org(text, person, ctx.orgs)
    if i is None:
        i = possessive_org(text, person, ctx.orgs, ctx.mention_ends)
    if i is None or best is not None and best[0] == i:
        return best
    sure = ctx.people[k].stage != TAGGED_STAGE
    return i, 1.0 if sure or best is None else best[1]


def _title_place_post(ctx: Context, k: int, best: tuple[int, float] | None) -> tuple[int, float] | None:
    """Person k's post at the place their title names (`ctx.title_places`), over the scorer's
    choice: in English always ("Chilean President", "India's Home Minister": the country), in
    Chinese over a Party committee (县长 beside 屏南县委 is the county's, not the committee's).
    The scorer weighs these from few examples (train, out of fold: en 16 title places right,
    2 wrong; zh 13 right, 4 wrong, the county's 政府 when the text names it); a rules person's
    post there is sure (in Chinese only where it overrules), a tagged name's keeps its score."""
    places = ctx.title_places.get(k)
    if not places:
        return best
    sure = ctx.people[k].stage != TAGGED_STAGE
    if best is not None and best[0] in places:
        # the scorer's choice already: in English as sure as when it is overruled ("Israeli
        # President Amy Hart" was left with no post when the scorer chose Israel below the threshold)
        return (best[0], 1.0) if sure and ctx.lang == "en" else best
    if ctx.lang == "zh" and best is not None and zh_committee_place(ctx.org_at(best[0]).name) is None:
        return best
    return places[0], 1.0 if sure or best is None else best[1]


def _kept_post(ctx: Context, best: tuple[int, float] | None, standing: set[str]) -> str | None:
    """The organization of a post scored below the people threshold, when the article keeps that
    organization anyway (`standing`: a party, an entity, or an organization over its threshold),
    else None. A person's post is matched by name and organization, and one whose organization the
    text leaves open takes any: naming the best-scored organization loses no match that leaving it
    open makes, and keeps no organization that would not be kept. A post place (a country a title
    names) is kept only for its posts: not one of these."""
    if best is None or best[0] >= len(ctx.orgs):
        return None
    name = ctx.orgs[best[0]].name
    return name if name in standing else None


def decide(
    ctx: Context,
    lm: LanguageModel,
    scores: Scores | None = None,
    thresholds: dict[str, float] | None = None,
    stage: str = "learned",
) -> Extraction:
    th = dict(lm.thresholds, **(thresholds or {}))
    gate = th.get("document", 0.0) > 0
    org_p, pair_p, event_p, post_p, doc_p = scores if scores is not None else score_candidates(ctx, lm, gate, th)
    rules = ctx.rules
    orgs = ctx.orgs
    told = doc_p >= th.get("document", 0.0)  # else no cooperation story: no event at all
    kept = {(frozenset((a, b)), t): v for (a, b, t), v in pair_p.items() if v >= th["pairs"] and told}

    events: list[Event] = []
    # pairs a kept rule event holds, with the types it gives them: the rules' reading of them stands
    covered: dict[frozenset, set[str]] = {}
    # the party lists of the kept rule events of one type told at one trigger
    split: dict[tuple[str, tuple[int, int]], list[list[int]]] = {}
    # one event the rules split into pairs at one trigger (A、B和C一行来到D: a visit of each) is
    # reported or not as a whole: its pairs take the best score among them
    best: dict[tuple[str, tuple[int, int]], float] = {}
    candidates = ctx.candidate_events  # the rules' events, then the proposed ones (each decided alone)
    for k, ev in enumerate(rules.events):
        at = _trigger(ev)
        if at is not None:
            best[(ev.type, at)] = max(best.get((ev.type, at), 0.0), event_p[k])
    backed = th.get("backed", 1.01)
    better = _better_readings(ctx, org_p, th["orgs"])
    dater = EventDater(ctx.doc)
    for k, ev in enumerate(candidates):
        proposed = ev.stage == PROPOSED_STAGE
        at = _trigger(ev) if not proposed else None
        if not told:
            continue
        if any(ctx.index.get(p) in better for p in ev.parties):
            # a party the organizations model reads with other boundaries ("Ministry of Land, Infrastructure and
            # Transport" where the rules cut "Ministry of Land"): that reading is the party
            ev = ev.model_copy(update={"parties": list(dict.fromkeys(
                orgs[better[ctx.index[p]]].name if ctx.index.get(p) in better else p for p in ev.parties))})
        if (event_p[k] if at is None else best[(ev.type, at)]) < th["events"] and not _backed(ctx, pair_p, ev, backed):
            continue
        # the events model decides whether the event was reported; the rules' reading of who took
        # part stands (an alliance's eighteen members are one list, not 153 pair decisions), but for
        # a party the pairs model finds no partner of this type among the others (an attendee's
        # organization, a quoted analyst firm, a person taken for an organization) in a list of
        # three or four; a longer one is a member list, whose members are named apart, and a
        # two-party event is the events model's to decide (分别签订: pairs named far apart)
        ids = list(dict.fromkeys(ctx.index[p] for p in ev.parties if p in ctx.index))
        told_ids = ids
        # nor is a party the organizations model would not keep (below the orgs threshold) in
        # a list of three or more: a fragment of a name cut in two ("Harlow" of "Institute of
        # Technology Harlow", "L.td."), a parent body named in an attendee's title; two stay
        # (English: on zh val it cut members of a long list, pairs .818 -> .786 with the shipped models)
        # but for signatories listed together beside the trigger (a bare name of a member list)
        listed = _listed_together(ctx, k, ids) if len(ids) > 2 else set()
        named = [i for i in ids if org_p[i] >= th["orgs"] or i in listed] if ctx.lang == "en" else ids
        if th["party"] > 0 and 2 < len(ids) <= _MAX_PRUNED:
            partnered = [i for i in ids if i in listed
                         or any(_pair_score(pair_p, i, j, ev.type) >= th["party"] for j in ids if j != i)]
            # a meeting's parties are those that hold and attend it: the pairs model may cut the
            # odd one out, but a symposium it finds no partners in at all keeps the rules' parties
            # (the events model decided it was held); a visit of listed visitors keeps its host
            # ("A, B and C visited D": the list is one side, never the whole visit)
            if ev.type == "visit" and listed and set(partnered) <= listed:
                partnered = ids
            partnered = [i for i in partnered if i in named]
            if len(partnered) >= 2 or ev.type != "meeting":
                ids = partnered
            if len(ids) < 2:
                continue
            if len(ids) < len(ev.parties):
                names = {orgs[i].name for i in ids}
                ev = ev.model_copy(update={"parties": [p for p in ev.parties if p in names]})
        elif ctx.lang == "en" and len(ids) == 2 and (
                not proposed and any(org_p[i] < th["orgs"] / 2 for i in ids)
                or any(orgs[i].name in ctx.person_name_words and org_p[i] < th["orgs"] for i in ids)):
            # (a proposed event's subject is read as an actor: "Japan and the EU have signed",
            # where the organizations model doubts a country named alone)
            # an event of two one of whose parties is no organization ("Lv", "Agriculture" of a
            # minister's title): not reported, its pair still the rules' (no event of its own).
            # Only well under the orgs threshold: a keyword-less company scored just under it
            # ("Northwind Robotics and Riverside University signed") is a party, and the orgs
            # threshold is chosen for organizations, not for events (half: en val pairs .571 ->
            # .591 against the whole threshold, out of fold on train .285 -> .283)
            # Nor is a party the organizations model would not keep whose name is a word of a
            # person's name the tagger reads ("Dr. Bhat signed" of H. Vinod Bhat), proposed or not
            covered.setdefault(frozenset(ids), set()).add(ev.type)
            continue
        elif len(ids) > 2 and len(ids) > len(named) >= 2:
            ids = named
            names = {orgs[i].name for i in ids}
            ev = ev.model_copy(update={"parties": [p for p in ev.parties if p in names]})
        if proposed:
            s0, s1 = next((s.start, s.end) for s in ev.evidence if s.field == "sentence")
            trigger = next((s.start for s in ev.evidence if s.field == "trigger"), None)
            date, span = dater.date_at(s0, s1, trigger, ev.type)
            ev = ev.model_copy(update={"date": date, "evidence": ev.evidence + (
                [Span(start=span[0], end=span[1], field="date")] if span is not None else [])})
        events.append(ev.model_copy(update={"confidence": round(event_p[k], 3),
                                            "stage": f"{PROPOSED_STAGE if proposed else 'rules'}+{stage}"}))
        # English: the pairs of the rules' list stand as the rules read them, the dropped parties'
        # too: the pairs model does not make them an event of this type of their own
        for p in combinations(told_ids if ctx.lang == "en" else ids, 2):
            covered.setdefault(frozenset(p), set()).add(ev.type)
        if at is not None:
            split.setdefault((ev.type, at), []).append(ids)
    if ctx.lang == "en":
        events = _without_subsumed(ctx, events)
    apart = _kept_apart(split, covered)

    involved = sorted({i for pair in list(covered) + [p for p, _ in kept] for i in pair})
    family = _name_families(orgs, involved)

    def wanted(pair: frozenset, t: str, p: float) -> bool:
        # a name and a longer one holding it ("Kestrel" and "Kestrel Harbour Industrial Park":
        # another reading of its boundary, its own unit or joint venture) are not partners, and a
        # pair the rules hold with the tagger's other reading of a name is the rules' pair, unless
        # the organizations model prefers the tagger's reading
        a, b = sorted(pair)
        if b in family.get(a, ()):
            return False
        held: set[str] = set()
        for x in _readings(a, family, orgs, org_p):
            for y in _readings(b, family, orgs, org_p):
                held |= covered.get(frozenset((x, y)), set())
        # a pair the rules hold gets an event of another type only on a surer score (a visit
        # during which the agreement was signed), so one signing does not also become a visit;
        # nor does a pair the rules split one signing into make a signing of its own
        if t in apart.get(pair, ()):
            return p >= th["extra"]
        return not held or (t not in held and p >= th["extra"])

    for t in EVENT_TYPES:
        edges = sorted(tuple(sorted(p)) for (p, typ), v in kept.items() if typ == t and wanted(p, t, v))
        if not edges:
            continue
        groups = [sorted(c) for c in maximal_cliques(edges) if len(c) >= 3]
        if ctx.lang == "zh":
            groups = _listed_groups(ctx, edges, groups, t)
        in_group = {frozenset(p) for g in groups for p in combinations(g, 2)}
        groups += [sorted(e) for e in dict.fromkeys(edges) if frozenset(e) not in in_group]
        for group in sorted(groups):
            conf = max(kept.get((frozenset(p), t), 0.0) for p in combinations(group, 2))
            ev = _group_event(ctx, group, t, conf, stage, dater)
            if ev is not None:
                events.append(ev)

    # organizations kept whatever the people say: a post scored below the people threshold is held
    # there all the same (`_kept_post`)
    standing = {p for ev in events for p in ev.parties} | {ev.entity for ev in events if ev.entity}
    standing |= {o.name for i, o in enumerate(orgs) if org_p[i] >= th["orgs"]}
    people = []
    for k, person in enumerate(ctx.people):
        best = post_p[k]
        org = ctx.org_at(best[0]).name if best is not None and best[1] >= th["people"] else None
        if org is None:
            org = _kept_post(ctx, best, standing)
        if person.stage == TAGGED_STAGE:
            # a name only the tagger found: kept with a sure post, or in Chinese with a title written
            # beside it (what the rules read a person from: 校長林曉峰, 副校长朱杰、李其朋), its post
            # then the best-scored organization (English val people .543 -> .539 with it, so not there)
            if org is not None and best[1] >= th["tagged"]:
                people.append(person.model_copy(update={
                    "org": org, "confidence": round(best[1], 3), "stage": f"{TAGGED_STAGE}+{stage}"}))
            elif person.title is not None and ctx.lang == "zh":
                people.append(person.model_copy(update={
                    "org": ctx.org_at(best[0]).name if best is not None else None,
                    "confidence": round(best[1], 3) if best is not None else 0.0,
                    "stage": f"{TAGGED_STAGE}+{stage}"}))
            elif person.title is not None:
                # English: a title beside the name makes it a person the gold records ("Saudi Crown
                # Prince Mohammed bin Salman", "Amy Hart, an analyst with"), its post at the best-scored
                # organization when that one is kept anyway, else left open (no organization is kept
                # for a post the scorer is not sure of)
                people.append(person.model_copy(update={
                    "org": _kept_post(ctx, best, standing),
                    "confidence": round(best[1], 3) if best is not None else 0.0,
                    "stage": f"{TAGGED_STAGE}+{stage}"}))
            continue
        people.append(person if org == person.org else person.model_copy(update={"org": org, "stage": stage}))

    needed = {p for ev in events for p in ev.parties} | {ev.entity for ev in events if ev.entity}
    needed |= {p.org for p in people if p.org}
    kept_orgs = []
    for i, o in enumerate(orgs):
        if o.name in needed or org_p[i] >= th["orgs"]:
            made = f"{o.stage}+" if o.stage in _OTHER_READINGS else "rules+"
            kept_orgs.append(o.model_copy(update={"confidence": round(org_p[i], 3), "stage": made + stage}))
    names = {o.name for o in kept_orgs}
    for o in ctx.post_places:  # a place only a title names, kept where a post is held at it
        if o.name in needed and o.name not in names:
            kept_orgs.append(o.model_copy(update={"stage": f"{o.stage}+{stage}"}))
            names.add(o.name)
            # no more an alias of its Party committee (屏南县 of 屏南县委: the rules' reading)
            kept_orgs = [_without_alias(ctx.doc.text, c, o.name) for c in kept_orgs]
    people = [p if p.org is None or p.org in names else p.model_copy(update={"org": None}) for p in people]
    events = [ev if ev.entity is None or ev.entity in names else ev.model_copy(update={"entity": None})
              for ev in events]
    return rules.model_copy(update={"organizations": kept_orgs, "people": people, "events": events})


_MAX_TRIGGER_GAP = 30  # characters between a list and its trigger ("on Monday jointly")


def _listed_together(ctx: Context, k: int, ids: list[int]) -> set[int]:
    """The parties of rule event k named side by side in one list right before or after its
    trigger ("Kestrel, Lumio and Veltrix signed", "signed by Kestrel, Lumio and Veltrix"): the
    signatories, whom the pairs model does not get to drop one by one (an attendee, a parent
    company or a host is named elsewhere in the sentence)."""
    trig = next((s for s in ctx.candidate_events[k].evidence if s.field == "trigger"), None)
    if trig is None or ctx.lang != "en":  # Chinese: on zh val it lost pairs (cause not studied)
        return set()
    wanted = set(ids)
    si = ctx.sentence_at(trig.start)
    ms = [m for m in ctx.by_sentence.get(si, []) if m[2] in wanted]
    text = ctx.doc.text
    runs = en_name_runs(text, ms)
    out: set[int] = set()
    with_side = False
    for run in runs:
        before = 0 <= trig.start - run[-1][1] <= _MAX_TRIGGER_GAP
        after = 0 <= run[0][0] - trig.end <= _MAX_TRIGGER_GAP
        if len({m[2] for m in run}) >= 2 and (before or after):
            out.update(m[2] for m in run)
        elif len({m[2] for m in run}) >= 2 and not with_side and _with_side(text, trig.end, run[0][0]):
            # the first list after "with" in the trigger's clause: the other side ("signed an MoU
            # with two local companies -- Stanwell Corp. and APT Ltd.")
            out.update(m[2] for m in run)
            with_side = True
    return out


_MAX_WITH_GAP = 160  # characters from a trigger to the list after its "with"
_WITH = re.compile(r"\bwith\b")


def _with_side(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (from a trigger to a list) is short, holds "with" and no clause
    end (a full stop or a semicolon)."""
    if not 0 <= end - start <= _MAX_WITH_GAP:
        return False
    gap = text[start:end]
    return ";" not in gap and "." not in gap and _WITH.search(gap) is not None


# what stands between two names of one Chinese list (星河市、远川市和海岳市; 海岳市,(远川市): a
# separator or two, 和, 及 or 以及; never 与, which joins partners (A与B、C与D签署)
_ZH_LIST_GAP = re.compile(r"[、,，()（）\s]{0,3}(?:和|及|以及)?[、,，()（）\s]{0,2}")
_MAX_ZH_LIST_GAP = 5


def _zh_list_runs(ctx: Context, si: int) -> list[set[int]]:
    """The organizations of sentence si named one after the other as one list (two or more)."""
    text = ctx.doc.text
    runs: list[set[int]] = []
    last = None
    for s, e, i in ctx.by_sentence.get(si, []):  # in text order
        if last is not None and (s <= last or s - last <= _MAX_ZH_LIST_GAP and _ZH_LIST_GAP.fullmatch(text, last, s)):
            runs[-1].add(i)  # the next name of the list (or another reading of the same words)
        else:
            runs.append({i})
        last = e if last is None else max(e, last)
    return [r for r in runs if len(r) >= 2]


def _listed_groups(ctx: Context, edges: list[tuple[int, int]], groups: list[list[int]],
                   kind: str = "") -> list[list[int]]:
    """Chinese: organizations the kept pairs join into one connected set, three or more, all
    named in one list of one sentence (联合A、B、C、D成立…联盟, where the pairs model keeps
    neighbours rather than every pair) are one event of them all, not one per clique; and so are
    those of a set-up (`kind` joint_entity) all named in one sentence that tells one set-up
    (A、B共同发起,联合C、D、E成立…联盟: its founders and its first members, however listed), an
    entity being one event of all its named parties (GUIDELINES.md); a sentence telling two
    (A与B共建X,与C共建Y) keeps its pairs apart."""
    adj: dict[int, set[int]] = {}
    for a, b in edges:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    seen: set[int] = set()
    listed: list[list[int]] = []
    for v in sorted(adj):
        if v in seen:
            continue
        comp, todo = set(), [v]
        while todo:
            u = todo.pop()
            if u not in comp:
                comp.add(u)
                todo.extend(adj[u] - comp)
        seen |= comp
        if len(comp) < 3:
            continue
        shared = set.intersection(*(ctx.org_sentences.get(i, set()) for i in comp))
        if any(comp <= run for si in sorted(shared) for run in _zh_list_runs(ctx, si)) \
                or kind == "joint_entity" and any(_set_ups(ctx, si) == 1 for si in sorted(shared)):
            listed.append(sorted(comp))
    if not listed:
        return groups
    return [g for g in groups if not any(set(g) <= set(c) for c in listed)] + listed


def _set_ups(ctx: Context, si: int) -> int:
    """How many set-up words (the rules' joint_entity triggers: 成立, 揭牌, 共建…) sentence si
    holds outside its organizations' names (中国老挝联合实验室 sets up nothing here), counted
    up to two among its first _MAX_SET_UP_WORDS."""
    s0, s1 = ctx.sents[si]
    v = proposal_view(ctx.doc.text)
    names = [(s, e) for s, e, _ in ctx.by_sentence.get(si, [])]
    words = islice(lexicon().triggers["joint_entity"].finditer(v, s0, s1), _MAX_SET_UP_WORDS)
    return sum(1 for _ in islice((m for m in words if not any(s <= m.start() < e for s, e in names)), 2))


_MAX_SET_UP_WORDS = 8


def _name_families(orgs: list[Organization], ids: list[int]) -> dict[int, set[int]]:
    """Each of `ids` with those of `ids` one of whose names (or aliases) is a whole-word part of
    one of its names, or the other way round."""
    forms = {i: [n for n in (orgs[i].name, *orgs[i].aliases) if len(n) >= 2] for i in ids}
    out = {i: {i} for i in ids}
    for a, b in combinations(ids, 2):
        if any(is_part_of(x, y) or is_part_of(y, x) for x in forms[a] for y in forms[b]):
            out[a].add(b)
            out[b].add(a)
    return out


# the stages that read a name the rules also read with other boundaries
_OTHER_READINGS = ("tagger", EXTENDED_STAGE)


def _better_readings(ctx: Context, org_p: list[float], threshold: float) -> dict[int, int]:
    """Each rules organization that another reading of its words replaces as a party of the rules'
    events: a tagger's or extended name holding its name and every one of its mentions (the rules'
    name is never written alone), kept by the organizations model (at `threshold`) and scored
    above it (the best such reading)."""
    orgs = ctx.orgs
    out: dict[int, int] = {}
    readings = [j for j, o in enumerate(orgs) if o.stage in _OTHER_READINGS and org_p[j] >= threshold]
    if not readings:
        return out
    for i, o in enumerate(orgs):
        if o.stage in _OTHER_READINGS:
            continue
        spans = [(s, e) for (s, e, _), _si in ctx.mentions_of.get(i, [])[:_MAX_MENTIONS]]
        best = None
        for j in readings:
            if org_p[j] <= org_p[i] or (best is not None and org_p[j] <= org_p[best]) \
                    or not is_part_of(o.name, orgs[j].name) or o.name == orgs[j].name:
                continue
            theirs = [(s, e) for (s, e, _), _si in ctx.mentions_of.get(j, [])[:_MAX_MENTIONS]]
            if spans and all(any(a <= s and e <= b for a, b in theirs) for s, e in spans):
                best = j
        if best is not None:
            out[i] = best
    return out


def _readings(i: int, family: dict[int, set[int]], orgs: list[Organization], org_p: list[float]) -> set[int]:
    """Organization i and, when it is the tagger's reading of a name, the rules' readings of that
    name the organizations model scores at least as high."""
    if orgs[i].stage not in _OTHER_READINGS:
        return {i}
    return {i} | {j for j in family.get(i, ()) if orgs[j].stage not in _OTHER_READINGS and org_p[j] >= org_p[i]}


def _trigger(ev: Event) -> tuple[int, int] | None:
    return next(((s.start, s.end) for s in ev.evidence if s.field == "trigger"), None)


def _without_subsumed(ctx: Context, events: list[Event]) -> list[Event]:
    """English: the kept events but a rule event whose parties are some of those of a kept
    proposed event of its type told in the same sentence (the rules read two names of the list
    "A, B, C and D signed an MoU with E", the proposal all five): one signing, the proposal's."""
    wider = [(ev.type, ctx.sentence_at(t[0]), set(ev.parties)) for ev in events
             if (ev.stage or "").startswith(PROPOSED_STAGE) and (t := _trigger(ev)) is not None]
    if not wider:
        return events
    out = []
    for ev in events:
        t = _trigger(ev)
        if not (ev.stage or "").startswith(PROPOSED_STAGE) and t is not None and any(
                typ == ev.type and si == ctx.sentence_at(t[0]) and set(ev.parties) < ps for typ, si, ps in wider):
            continue
        out.append(ev)
    return out


def _kept_apart(split: dict[tuple[str, tuple[int, int]], list[list[int]]],
                covered: dict[frozenset, set[str]]) -> dict[frozenset, set[str]]:
    """Pairs the rules keep apart, by type: bodies of one trigger's events of a type that no one
    of them joins (A、B和C一行来到D…并与学校签订: D with each, never A with B)."""
    apart: dict[frozenset, set[str]] = {}
    for (t, _), lists in split.items():
        if len(lists) < 2:
            continue
        bodies = sorted({i for ids in lists for i in ids})
        for p in combinations(bodies, 2):
            pair = frozenset(p)
            if t not in covered.get(pair, ()):
                apart.setdefault(pair, set()).add(t)
    return apart


def maximal_cliques(edges: list[tuple[int, int]]) -> list[set[int]]:
    """Every maximal clique of the graph of `edges` (Bron-Kerbosch with a pivot), in no set order:
    the events are made from them sorted. A few lines here rather than networkx, whose import
    was a quarter of the start-up (0.24 of 0.98 s) and whose graphs here have a handful of nodes."""
    adj: dict[int, set[int]] = {}
    for a, b in edges:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    out: list[set[int]] = []

    def expand(clique: set[int], candidates: set[int], done: set[int]) -> None:
        if not candidates and not done:
            out.append(clique)
            return
        pivot = max(candidates | done, key=lambda u: (len(candidates & adj[u]), u))
        for v in sorted(candidates - adj[pivot]):
            expand(clique | {v}, candidates & adj[v], done & adj[v])
            candidates = candidates - {v}
            done = done | {v}

    if adj:
        expand(set(), set(adj), set())
    return out


def _pair_score(pair_p: dict[tuple[int, int, str], float], a: int, b: int, t: str) -> float:
    return pair_p.get((a, b, t) if a < b else (b, a, t), 0.0)


def _backed(ctx: Context, pair_p: dict[tuple[int, int, str], float], ev: Event, threshold: float) -> bool:
    """Whether the pairs model scores two of the rule event's parties partners of its type at
    least `threshold` high: the rules' event stands though the events model doubts it (a
    delegation's visit to a company whose sentence the events model reads as a tour)."""
    if threshold > 1:
        return False
    ids = sorted({ctx.index[p] for p in ev.parties if p in ctx.index})
    return any(_pair_score(pair_p, a, b, ev.type) >= threshold for a, b in combinations(ids, 2))


# a plan or an intention told as such, which the gold guidelines do not count as an event
_PLANNED = re.compile(r"\b(?:plans?|planned|planning|intends?|intended|hopes?|hoped|expects?|expected|aims?|is set|are set)"
                      r" to (?:\w+ )?(?:sign|establish|set up|launch|visit|hold|meet)\b"
                      r"|\b(?:will|would|shall) (?:\w+ )?(?:sign|establish|set up|launch|visit|hold|meet)\b"
                      r"|\bto be (?:signed|established|set up|launched|held)\b", re.IGNORECASE)


def _group_event(ctx: Context, group: list[int], kind: str, p: float, stage: str,
                 dater: EventDater) -> Event | None:
    """A new event for organizations kept pairwise, grounded in the first sentence that names
    them all, or else in the sentences of the closest mentions of its first two; none when
    every sentence naming the pair (English) tells a plan ("plans to sign", "will sign").
    Dated as a rule event told in that sentence, else as the rules date an event told there
    (the sentence's date, else the article's lead date)."""
    a, b = group[0], group[1]
    sentences_of = ctx.org_sentences
    shared = sorted(set.intersection(*(sentences_of.get(i, set()) for i in group)))
    if not shared and len(group) > 2:
        shared = sorted(sentences_of.get(a, set()) & sentences_of.get(b, set()))
    near = None if shared else ctx.nearest(a, b)
    if not shared and near is None:
        return None
    told = shared or [ctx.sentence_at(m[0]) for m in near[1:]]
    if ctx.lang == "en" and all(_PLANNED.search(ctx.doc.text, *ctx.sents[k]) for k in told):
        return None  # only a plan ("plans to sign"): the guidelines count events that happened
    if shared:
        si = shared[0]
        party_spans = [(s, e) for s, e, i in ctx.by_sentence[si] if i in group]
    else:
        later = max(near[1:], key=lambda m: m[0])  # the event is told where the second party comes in
        si = ctx.sentence_at(later[0])
        party_spans = sorted((m[0], m[1]) for m in near[1:])
    s0, s1 = ctx.sents[si]
    evidence = [Span(start=s0, end=s1, field="sentence")]
    evidence += [Span(start=s, end=e, field="party") for s, e in party_spans]
    date = None
    for ev in ctx.rules.events:  # a rule event told in the same sentence knows the date
        trig = next((s for s in ev.evidence if s.field == "trigger"), None)
        if ev.date and trig is not None and s0 <= trig.start < s1:
            date = ev.date
            break
    if date is None:
        date, span = dater.date_at(s0, s1, kind=kind)
        if span is not None:
            evidence.append(Span(start=span[0], end=span[1], field="date"))
    orgs = ctx.orgs
    return Event(type=kind, date=date, parties=[orgs[i].name for i in group], evidence=evidence,
                 confidence=round(p, 3), stage=stage)


def _without_alias(text: str, o: Organization, alias: str) -> Organization:
    """`o` without the alias `alias` and its alias spans (unchanged when it has none)."""
    if alias not in o.aliases:
        return o
    return o.model_copy(update={
        "aliases": [a for a in o.aliases if a != alias],
        "evidence": [s for s in o.evidence if s.field != "alias" or text[s.start:s.end] != alias]})
