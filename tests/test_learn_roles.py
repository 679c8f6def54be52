"""The parts English organizations play in a sentence (learn/roles.py) and the pair features
made of them: a visitor and its host, through a person who leads the delegation too."""

from __future__ import annotations

import time

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import Context, pair_features
from partnergraph.learn.roles import mention_roles


def _roles(text: str, names: list[str]) -> dict[str, set[str]]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return dict(zip(names, mention_roles(text, spans, 0, len(text))))


def test_a_delegation_and_the_hosts_it_visited():
    text = ("A delegation led by President Ilse Moran of Carrow University visited Tennford University, "
            "Belmar Institute and the Quinton Polytechnic on 2 May.")
    got = _roles(text, ["Carrow University", "Tennford University", "Belmar Institute", "Quinton Polytechnic"])
    assert got == {"Carrow University": {"visitor"}, "Tennford University": {"host"},
                   "Belmar Institute": {"host"}, "Quinton Polytechnic": {"host"}}


def test_a_host_receiving_a_delegation_and_a_bystander():
    text = ("Tennford University warmly received a delegation from Carrow Group, in the presence of "
            "officials from Belmar Capital.")
    got = _roles(text, ["Tennford University", "Carrow Group", "Belmar Capital"])
    assert got == {"Tennford University": {"host"}, "Carrow Group": {"visitor"}, "Belmar Capital": {"bystander"}}


def test_a_quoted_firm_is_a_bystander():
    text = "Carrow Group signed with Tennford Labs on Monday, Belmar Capital said in a note."
    assert _roles(text, ["Belmar Capital"]) == {"Belmar Capital": {"bystander"}}


def test_the_visitor_reached_through_its_leader_pairs_with_the_host():
    doc = prepare("Ilse Moran, President of Carrow University, opened a library on 1 May.\nOn 2 May, a delegation led by Ilse Moran "
                  "visited Tennford University and met its rector.", id="t")
    ctx = Context.build(doc, RuleBackend().extract(doc))
    assert [(p.name, p.org) for p in ctx.rules.people] == [("Ilse Moran", "Carrow University")]
    ix = ctx.index
    f = pair_features(ctx, ix["Carrow University"], ix["Tennford University"])
    assert f.get("roles=visitor_host") == 1.0


def test_the_roles_take_linear_time_on_repeated_words():
    def seconds(n: int) -> float:
        text = "delegation of the " * n + "Carrow" + " visited" * n
        spans = [(18 * n, 18 * n + 6)] * 50
        t0 = time.process_time()
        mention_roles(text, spans, 0, len(text))
        return time.process_time() - t0
    assert seconds(40_000) < 8 * max(seconds(10_000), 0.002)


def test_a_visitor_named_through_its_leader_is_paired_with_the_host_far_from_its_name():
    doc = prepare("Ilse Moran, President of Carrow University, opened a library on 1 May.\nThe library holds "
                  "a million books.\nIt cost a fortune.\nOn 2 May, a delegation led by Ilse Moran visited Tennford "
                  "University.", id="t")
    ctx = Context.build(doc, RuleBackend().extract(doc))
    ix = ctx.index
    pair = tuple(sorted((ix["Carrow University"], ix["Tennford University"])))
    assert pair in ctx.visitor_host_pairs
    assert pair in ctx.pair_candidates()


def test_a_delegation_with_no_host_named_is_the_main_organizations_visitor():
    doc = prepare("Tennford University signed a memorandum with Carrow University on 2 May.\nThe rector "
                  "welcomed the delegation from Carrow University.\nTennford University has 9,000 students.", id="t")
    ctx = Context.build(doc, RuleBackend().extract(doc))
    ix = ctx.index
    assert ctx.main == ix["Tennford University"]
    f = pair_features(ctx, ix["Carrow University"], ix["Tennford University"])
    assert f.get("roles=visitor_main") == 1.0


def test_a_visit_told_as_its_visitors_noun():
    text = "Ari Dov's state visit to Tennford University ended on 2 May."
    assert _roles(text, ["Ari Dov", "Tennford University"]) == {"Ari Dov": {"visitor"}, "Tennford University": {"host"}}
    text = "Ari Dov, who arrived on Sunday, is on a five-day visit to Tennford University."
    assert _roles(text, ["Ari Dov", "Tennford University"]) == {"Ari Dov": {"visitor"}, "Tennford University": {"host"}}
    text = "The deals came during a visit to Tennford University by Crown Prince Ari Dov."
    assert _roles(text, ["Tennford University", "Ari Dov"]) == {"Tennford University": {"host"}, "Ari Dov": {"visitor"}}
    text = "Ties grew during the historic visit of Prime Minister Ari Dov to Tennford University."
    assert _roles(text, ["Ari Dov"]) == {"Ari Dov": {"visitor"}}


def test_the_visit_words_of_its_visitor_take_linear_time():
    def seconds(n: int) -> float:
        text = "visit to " * n + "by " * n + "Carrow" + "'s state" * n + ", who is on" * n
        s = len(text) - len(", who is on" * n) - len("'s state" * n) - 6
        t0 = time.process_time()
        mention_roles(text, [(s, s + 6)] * 50, 0, len(text))
        return time.process_time() - t0
    assert seconds(40_000) < 8 * max(seconds(10_000), 0.002)


def _country_context(text: str) -> Context:
    from partnergraph.extraction.stages import name_spans
    from partnergraph.learn.names import Taken
    from partnergraph.learn.places import english_place_candidates

    doc = prepare(text, id="t")
    rules = RuleBackend().extract(doc)
    orgs = list(rules.organizations)
    orgs += english_place_candidates(doc, orgs, Taken(name_spans(orgs)))
    return Context.build(doc, rules, orgs)


def test_a_head_of_state_on_a_visit_makes_the_country_named_in_the_title_the_visitor():
    ctx = _country_context("Chile and Japan signed a trade pact in 2019.\nChilean President Ilse Moran, who is on a "
                           "five-day visit to Japan, opened an exhibition on 2 May.")
    ix = ctx.index
    assert ctx.title_places and list(ctx.title_places.values())[0] == [ix["Chile"]]
    pair = tuple(sorted((ix["Chile"], ix["Japan"])))
    assert pair in ctx.visitor_host_pairs
    assert pair_features(ctx, *pair).get("roles=visitor_host") == 1.0


def _visitor_host(text: str, visitor: str, host: str) -> bool:
    """Whether the context of `text` (with a country pact before it) holds visitor and host as a pair."""
    ctx = _country_context("Chile and Japan signed a trade pact in 2019.\n" + text)
    ix = ctx.index
    return tuple(sorted((ix[visitor], ix[host]))) in ctx.visitor_host_pairs


def test_a_head_of_state_told_by_a_word_of_their_name_is_still_the_countrys():
    assert _visitor_host("Chilean President Ilse Moran opened an exhibition.\nOn 2 May, Moran's state visit to "
                         "Japan ended.", "Chile", "Japan")


def test_a_word_of_a_name_is_found_only_as_a_word_of_its_own():
    from partnergraph.learn.candidates import _word_at
    text = "Moran met Morans, J.Moran and Moran-Lee; then Moran."
    assert [text[s:e] + str(s) for s, e in _word_at(text, "Moran")] == ["Moran0", "Moran46"]


def test_a_country_told_by_its_adjective_before_a_leader_or_a_delegation_plays_its_part():
    assert _visitor_host("The Chilean president flew last Thursday to Tennford University in a trip which seeks to "
                         "strengthen ties.", "Chile", "Tennford University")
    assert _visitor_host("A high-level Chilean trade delegation visited Japan on Thursday.", "Chile", "Japan")
