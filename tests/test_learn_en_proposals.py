"""English events proposed over all the candidates (learn/proposals._english_subjects): names
listed as the subject of a signing, a set-up or a meeting, with the names after "with" in the
verb's clause, when no rule event of that type holds them all."""

from __future__ import annotations

import time
from types import SimpleNamespace

from learn_contexts import with_candidates
from partnergraph.learn.candidates import Context, event_features
from partnergraph.learn.decide import decide
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
from partnergraph.learn.proposals import _english_subjects
from partnergraph.models import Event, Span

LM = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, pairs=0.5, events=0.5, orgs=0.5))




def _proposed(ctx: Context) -> list[tuple[str, list[str]]]:
    return [(e.type, sorted(e.parties)) for e in ctx.proposed]


def test_a_country_listed_with_an_organization_before_signed_is_a_proposed_agreement():
    ctx = with_candidates("Chile and the Nordic Council have signed a memorandum of cooperation on hydrogen "
                           "on 3 May 2024.", [("Chile", "place")])
    assert not ctx.rules.events  # the rules read no country as a party
    assert _proposed(ctx) == [("agreement", ["Chile", "Nordic Council"])]
    f = event_features(ctx, 0)
    assert f["proposed"] == 1.0 and f["proposed|shape=en_subject"] == 1.0 and f["proposed|src=place"] == 1.0
    # the events model keeps it, though the organizations model doubts a country named alone
    org_p = [0.1 if o.name == "Chile" else 0.9 for o in ctx.orgs]
    [out] = decide(ctx, LM, (org_p, {}, [0.8], [None] * len(ctx.people), 0.9)).events
    assert out.stage == "proposed+learned" and sorted(out.parties) == ["Chile", "Nordic Council"]
    assert out.date == "2024-05-03"
    assert decide(ctx, LM, (org_p, {}, [0.2], [None] * len(ctx.people), 0.9)).events == []


def test_words_between_the_list_and_its_verb():
    for text in ("Chile and the Nordic Council on Monday agreed to strengthen cooperation on hydrogen.",
                 "Chile and the Nordic Council (NC) jointly signed a hydrogen pact.",
                 "Chile, Peru and the Nordic Council all signed a hydrogen pact."):
        ctx = with_candidates(text, [("Chile", "place"), ("Peru", "place")])
        assert [t for t, _ in _proposed(ctx)] == ["agreement"], text
        assert "Chile" in _proposed(ctx)[0][1]


def test_the_other_side_after_with_joins_the_listed_subject():
    ctx = with_candidates("Peru, Kestrel Group and Lumio Labs all join with the Corvale Investment Fund and "
                           "Harrow Motors, the ministry said.", [("Peru", "place")])
    assert _proposed(ctx) == [("agreement", ["Corvale Investment Fund", "Harrow Motors", "Kestrel Group",
                                             "Lumio Labs", "Peru"])]
    assert event_features(ctx, len(ctx.rules.events))["proposed|shape=en_with"] == 1.0
    ctx = with_candidates("Peru signed an agreement on a hydro power plant with the Nordic Council in May.",
                           [("Peru", "place")])
    assert _proposed(ctx) == [("agreement", ["Nordic Council", "Peru"])]


def test_set_ups_and_meetings():
    ctx = with_candidates("Chile and the Nordic Council have merged to create the Southern Energy Alliance.",
                           [("Chile", "place")])
    assert [t for t, _ in _proposed(ctx)] == ["joint_entity"]
    ctx = with_candidates("From 3 to 6 May, Chile and the Nordic Council jointly organized the 21st Chile-U.S. "
                           "Young Scholars' Dialogue in Santiago.", [("Chile", "place")])
    assert [t for t, _ in _proposed(ctx)] == ["meeting"]
    # held, hosted or organized with no meeting named in its clause: no meeting
    ctx = with_candidates("Chile and the Nordic Council hosted 40 students in May.", [("Chile", "place")])
    assert _proposed(ctx) == []


def test_no_proposal_for_a_plan_an_object_a_single_name_or_a_pair_the_rules_hold():
    extra = [("Chile", "place")]
    assert _proposed(with_candidates("Chile and the Nordic Council will sign a hydrogen pact.", extra)) == []
    assert _proposed(with_candidates("Chile and the Nordic Council plan to sign a hydrogen pact.", extra)) == []
    assert _proposed(with_candidates("Talks between Chile and the Nordic Council signed off on a pact.", extra)) == []
    assert _proposed(with_candidates("The Nordic Council signed a pact on hydrogen in Chile.", extra)) == []
    held = with_candidates("Harlow University and Stennis Institute of Technology signed a memorandum of "
                            "understanding on 3 May 2024.", [])
    assert [e.type for e in held.rules.events] == ["agreement"] and held.proposed == []


def test_a_rule_event_holding_some_of_a_kept_proposal_s_parties_gives_way_to_it():
    ctx = with_candidates("Peru, Kestrel Group and Lumio Labs all join with the Corvale Investment Fund and "
                           "Harrow Motors, the ministry said.", [("Peru", "place")])
    [proposal] = ctx.proposed
    trig = next(s for s in proposal.evidence if s.field == "trigger")
    # a rule event of two of them at the same verb (the rules' reading of a list cut short)
    rule = Event(type="agreement", parties=["Kestrel Group", "Lumio Labs"], stage=None,
                 evidence=[Span(start=trig.start, end=trig.end, field="trigger")])
    ctx.rules = ctx.rules.model_copy(update={"events": [rule]})
    ctx.__dict__.pop("candidate_events", None)
    ctx.event_sent = [ctx.sentence_at(trig.start)] * 2
    scores = ([0.9] * len(ctx.orgs), {}, [0.9, 0.9], [None] * len(ctx.people), 0.9)
    [out] = decide(ctx, LM, scores).events
    assert out.stage == "proposed+learned" and len(out.parties) == 5
    scores = ([0.9] * len(ctx.orgs), {}, [0.9, 0.2], [None] * len(ctx.people), 0.9)
    [out] = decide(ctx, LM, scores).events  # the proposal dropped: the rules' reading stands
    assert out.stage == "rules+learned" and sorted(out.parties) == ["Kestrel Group", "Lumio Labs"]


def test_proposing_is_linear_on_hostile_text():
    def run(n: int) -> float:
        text = "Chile and " + "the Nordic Council, " * n + "on on on on on have also signed."
        ctx = with_candidates(text, [("Chile", "place")])
        t0 = time.perf_counter()
        for _ in range(3):
            _english_subjects(ctx)
        return time.perf_counter() - t0

    small, big = run(200), run(800)
    assert big < 12 * small + 0.05


def test_signings_the_rules_read_one_per_pair_are_not_proposed_as_one():
    # "signed agreements with D": the rules' one signing per pair stands, not one of all four
    ctx = with_candidates("On 2 April 2024, Kestrel Dynamics Ltd., Lumio Systems Ltd. and Veltrix Power Ltd. signed "
                           "cooperation agreements with Harlow University.", [])
    assert len(ctx.rules.events) == 3 and ctx.proposed == []
