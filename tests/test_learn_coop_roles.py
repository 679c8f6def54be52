"""The subject of an English cooperation verb and its other side (learn/roles.py: `agent`,
`partner`), the pair features made of them, and the events features of the parts a rule event's
parties play in its trigger's sentence (candidates._event_roles). Invented texts."""

from __future__ import annotations

import time

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import Context, event_features, pair_features
from partnergraph.learn.roles import mention_roles
from partnergraph.models import Event, Span


def _roles(text: str, names: list[str]) -> dict[str, set[str]]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return dict(zip(names, mention_roles(text, spans, 0, len(text))))


def test_the_subject_of_an_announced_agreement_and_its_other_side():
    text = ("On Monday, Kestrel University (President Amy Hart) announced a new business agreement with "
            "Lumio Electronics to train engineers.")
    assert _roles(text, ["Kestrel University", "Lumio Electronics"]) == {
        "Kestrel University": {"agent"}, "Lumio Electronics": {"partner"}}


def test_lists_on_both_sides_of_a_signing():
    text = ("Kestrel, Lumio and the Veltrix Group signed an MoU with Tennford Ports (TP), Belmar Bank and "
            "Quinton Labs on Monday.")
    names = ["Kestrel", "Lumio", "Veltrix Group", "Tennford Ports", "Belmar Bank", "Quinton Labs"]
    got = _roles(text, names)
    assert [got[n] for n in names] == [{"agent"}] * 3 + [{"partner"}] * 3


def test_between_two_names_and_a_quoted_firm_after_them():
    text = "The deal between Kestrel Labs and Lumio Energy covers batteries, Belmar Capital said."
    assert _roles(text, ["Kestrel Labs", "Lumio Energy", "Belmar Capital"]) == {
        "Kestrel Labs": {"partner"}, "Lumio Energy": {"partner"}, "Belmar Capital": {"bystander"}}


def test_a_partnership_with_a_described_company():
    text = "Kestrel University has agreed a ten-year academic partnership with gold mining major Lumio Gold."
    assert _roles(text, ["Kestrel University", "Lumio Gold"]) == {
        "Kestrel University": {"agent"}, "Lumio Gold": {"partner"}}


def test_no_cooperation_no_part():
    text = "Kestrel Labs opened an office with a view of the river near Lumio Energy."
    assert _roles(text, ["Kestrel Labs", "Lumio Energy"]) == {"Kestrel Labs": set(), "Lumio Energy": set()}


def test_the_pair_of_a_subject_and_its_other_side():
    doc = prepare("Kestrel University (President Amy Hart) announced a new research agreement with Lumio "
                  "Electronics on 3 May.\nKestrel University has 9,000 students.", id="t")
    ctx = Context.build(doc, RuleBackend().extract(doc))
    ix = ctx.index
    a, b = sorted((ix["Kestrel University"], ix["Lumio Electronics"]))
    f = pair_features(ctx, a, b)
    assert f.get("roles=agent_partner") == 1.0
    assert f.get("role_one=agent") == 1.0 and f.get("role_one=partner") == 1.0


def test_an_event_s_parties_parts_in_its_trigger_s_sentence():
    text = ("Lumio Electronics opened an office in Carrow on 1 May.\nKestrel University signed a memorandum "
            "with Tennford Institute on 3 May, according to Belmar Group.")
    doc = prepare(text, id="t")
    ctx = Context.build(doc, RuleBackend().extract(doc))
    assert {"Lumio Electronics", "Kestrel University", "Tennford Institute", "Belmar Group"} <= set(ctx.index)
    at = text.index("signed")
    trigger = [Span(start=at, end=at + 6, field="trigger")]
    # the signatories, then a quoted firm, then a body named only in the sentence before
    events = [Event(type="agreement", parties=["Kestrel University", "Tennford Institute"], evidence=trigger),
              Event(type="agreement", parties=["Kestrel University", "Belmar Group"], evidence=trigger),
              Event(type="agreement", parties=["Kestrel University", "Lumio Electronics"], evidence=trigger)]
    ctx.rules = ctx.rules.model_copy(update={"events": events})
    ctx.__dict__.pop("candidate_events", None)
    ctx.proposed = []
    ctx.event_sent = [ctx.sentence_at(at)] * 3

    def roles(k: int) -> dict[str, float]:
        return {n: v for n, v in event_features(ctx, k).items() if n.startswith(("party_role", "party_elsewhere"))}
    assert roles(0) == {"party_role=agent": 1.0, "party_role=partner": 1.0}
    assert roles(1) == {"party_role=agent": 1.0, "party_role=bystander": 1.0}
    assert roles(2) == {"party_role=agent": 1.0, "party_elsewhere=some": 1.0}


def test_the_cooperation_parts_take_linear_time_on_repeated_words():
    def seconds(n: int) -> float:
        text = "agreement signed with between " * n + "Kestrel" + " signed with" * n
        at = 30 * n
        spans = [(at, at + 7)] * 50
        t0 = time.process_time()
        mention_roles(text, spans, 0, len(text))
        return time.process_time() - t0
    assert seconds(40_000) < 8 * max(seconds(10_000), 0.002)


def test_a_delegation_of_several_names_makes_each_a_visitor():
    text = ("A delegation comprised heads of Kestrel Trade, Lumio Ports (LP) and Belmar Bank visited "
            "Veltrix University on Monday.")
    names = ["Kestrel Trade", "Lumio Ports", "Belmar Bank", "Veltrix University"]
    got = _roles(text, names)
    assert [got[n] for n in names] == [{"visitor"}] * 3 + [{"host"}]


def test_names_that_all_join_with_others_are_agents_and_partners():
    text = ("The program sees Kestrel Pharma, Lumio Labs and Belmar Bio all join with the Veltrix Center "
            "and the Quinton Institute.")
    names = ["Kestrel Pharma", "Lumio Labs", "Belmar Bio", "Veltrix Center", "Quinton Institute"]
    got = _roles(text, names)
    assert [got[n] for n in names] == [{"agent"}] * 3 + [{"partner"}] * 2


def test_the_members_of_a_consortium_are_partners():
    text = "The new consortium of Kestrel Energy, Lumio Grid and Belmar Power will build a plant."
    names = ["Kestrel Energy", "Lumio Grid", "Belmar Power"]
    got = _roles(text, names)
    assert [got[n] for n in names] == [{"partner"}] * 3
    text = "Its founding members include Kestrel Energy and Lumio Grid; Belmar Power is no member."
    got = _roles(text, names)
    assert [got[n] for n in names] == [{"partner"}, {"partner"}, set()]
