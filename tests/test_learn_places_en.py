"""English countries and cities the body names are government candidates the models decide on
(invented text)."""

from __future__ import annotations

from partnergraph.documents import prepare
from partnergraph.learn.candidates import Context, org_features
from partnergraph.learn.names import Taken
from partnergraph.learn.places import english_place_candidates, place_features
from partnergraph.models import Extraction, Organization, Provenance, Span


def _doc(text: str):
    return prepare(text, id="t", lang="en")


def _names(text: str, orgs=()) -> list[str]:
    doc = _doc(text)
    spans = [(s.start, s.end) for o in orgs for s in o.evidence]
    return [o.name for o in english_place_candidates(doc, list(orgs), Taken(spans))]


def test_countries_acting_as_parties_are_candidates():
    text = ("The United Kingdom and Canada have struck two agreements on quantum sensing. "
            "Talks between Kazakhstan and Brazil followed.")
    assert _names(text) == ["United Kingdom", "Canada", "Kazakhstan", "Brazil"]


def test_a_short_form_and_a_possessive_and_a_hyphened_pair():
    text = "The U.K. and Chile signed. Kenya's delegation came. The India-Israel partnership grows."
    assert _names(text) == ["U.K.", "Chile", "Kenya", "India", "Israel"]


def test_a_place_inside_a_name_is_no_candidate():
    # a place the rules read inside an organization's name, or joined to a capitalised word the
    # rules missed ("Chile Harbour Works", "Southwest China"), belongs to that name
    text = "Kenya Ports Authority met Chile Harbour Works in Southwest China."
    kpa = Organization(name="Kenya Ports Authority", kind="government",
                       evidence=[Span(start=0, end=21, field="name")])
    assert _names(text, [kpa]) == []


def test_a_place_an_organization_already_names_is_not_proposed_again():
    text = "Japan and Lumio Labs signed."
    japan = Organization(name="Japan", kind="government", evidence=[Span(start=0, end=5, field="name")])
    assert _names(text, [japan]) == []


def test_a_nationality_is_no_place():
    assert _names("Kenyan and Brazilian officials met.") == []


def test_the_candidate_is_a_government_of_stage_place_with_the_words_around_it():
    text = "Kestrel Motors signed an agreement with Chile. Chile's minister attended."
    doc = _doc(text)
    (place,) = english_place_candidates(doc, [], Taken([]))
    assert (place.name, place.kind, place.stage, len(place.evidence)) == ("Chile", "government", "place", 2)
    rules = Extraction(id="t", lang="en", text=text, provenance=Provenance(backend="rules", version="test"))
    ctx = Context.build(doc, rules, [place])
    f = org_features(ctx, 0)
    assert f["src=place"] == 1.0 and f["kind=government"] == 1.0
    assert f["place_prev=with"] == 1.0 and f["place_poss=minister"] == 1.0


def test_place_features_tell_the_words_around_each_mention():
    text = "Talks between Chile and Peru. Offices in Chile."
    f = place_features(text, [(14, 19), (41, 46)])
    assert f["place_prev=between"] == 1.0 and f["place_next=and"] == 1.0
    assert f["place_prev=in"] == 1.0 and f["place_next=."] == 1.0
    assert f["place_mentions=2"] == 1.0


def test_a_place_where_things_happen_is_no_candidate():
    # after a word of location, or with nothing making it an actor, a place is where, not who
    text = "Lumio Labs opened offices in Chile, Peru. Kestrel Motors is based in Brazil and grows."
    assert _names(text) == []


def test_a_visits_host_and_a_delegation_are_actors():
    text = "Lumio Labs paid a visit to Chile. Peru's delegation visited Brazil."
    assert _names(text) == ["Chile", "Peru", "Brazil"]


def test_a_region_no_government_stands_for_is_no_candidate():
    text = "Lumio Labs and Asia signed. The Asia-Pacific ports and Kenya agreed."
    assert _names(text) == ["Kenya"]

