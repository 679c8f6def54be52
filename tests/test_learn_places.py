"""Chinese places standing in an actor's slot are government candidates the models decide on
(invented text)."""

from __future__ import annotations

from partnergraph.documents import prepare
from partnergraph.learn.candidates import Context, org_features
from partnergraph.learn.names import Taken
from partnergraph.learn.places import place_candidates
from partnergraph.models import Extraction, Organization, Provenance, Span


def _doc(text: str):
    return prepare(text, id="t", lang="zh")


def _names(text: str, orgs=()) -> list[str]:
    doc = _doc(text)
    spans = [(s.start, s.end) for o in orgs for s in o.evidence]
    return [o.name for o in place_candidates(doc, list(orgs), Taken(spans))]


def test_a_city_a_province_and_a_country_in_an_actors_slot_are_candidates():
    text = "本报讯 3月5日，渭南市与星河理工大学签署战略合作协议。湖北与葡萄牙开展合作。"
    assert _names(text) == ["渭南市", "湖北", "葡萄牙"]


def test_places_listed_as_hosts_of_a_visit_or_partners_of_a_cooperation():
    text = "星河学院先后与梧州、柳州等地合作。商会赴岑溪、兴安盟考察。"
    assert _names(text) == ["梧州", "柳州", "兴安盟"]


def test_a_place_only_where_things_happen_is_no_candidate():
    # a place after 在 is where, not who; a reference (我市) and a kind of area (科技园区) are no names
    text = "代表团在渭南市考察。我市与星河大学合作。科技园区与企业合作。"
    assert _names(text) == []


def test_a_place_inside_a_named_body_is_that_body_and_a_connective_opens_no_name():
    text = "渭南市政府与星河大学签署协议，並與古田縣合作。"
    gov = Organization(name="渭南市政府", kind="government",
                       evidence=[Span(start=0, end=5, field="name")])
    assert _names(text, [gov]) == ["古田縣"]


def test_the_candidate_is_a_government_of_stage_place_the_orgs_model_sees():
    text = "海淀区与星河科技公司签约。"
    doc = _doc(text)
    (place,) = place_candidates(doc, [], Taken([]))
    assert (place.name, place.kind, place.stage) == ("海淀区", "government", "place")
    rules = Extraction(id="t", lang="zh", text=text, provenance=Provenance(backend="rules", version="test"))
    ctx = Context.build(doc, rules, [place])
    f = org_features(ctx, 0)
    assert f["src=place"] == 1.0 and f["kind=government"] == 1.0


def test_the_place_of_a_named_government_is_its_alias_not_a_candidate():
    text = "星河市人民政府发布消息。星河市与云杉大学签署协议。"
    gov = Organization(name="星河市人民政府", kind="government", evidence=[Span(start=0, end=7, field="name")])
    orgs = [gov]
    doc = _doc(text)
    assert place_candidates(doc, orgs, Taken([(0, 7)])) == []
    assert orgs[0].aliases == ["星河市"] and orgs[0].evidence[-1].start == text.index("星河市与")
