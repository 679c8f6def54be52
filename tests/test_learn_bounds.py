"""The bounds model's proposals and their application (invented names)."""

from __future__ import annotations

from partnergraph.learn.bounds import (
    alias_features,
    alias_owners,
    apply_trims,
    best_alias_owner,
    refine,
    subsequence_runs,
    trim_features,
    trim_proposals,
)
from partnergraph.learn.linear import LinearModel
from partnergraph.models import Event, Extraction, Organization, Person, Provenance, Span


def _org(text: str, name: str, kind: str = "company", aliases=()) -> Organization:
    spans, i = [], text.find(name)
    while i >= 0:
        spans.append(Span(start=i, end=i + len(name), field="name"))
        i = text.find(name, i + len(name))
    return Organization(name=name, kind=kind, aliases=list(aliases), evidence=spans)


def _extraction(text: str, orgs, events=(), people=()) -> Extraction:
    return Extraction(id="t", lang="zh", text=text, organizations=list(orgs), events=list(events),
                      people=list(people), provenance=Provenance(backend="rules", version="t"))


# 林木同志任 is glued before 青岚集团, a name the rules also found alone
TEXT = "林木同志任青岚集团总经理。青岚集团与白鹭大学签署协议。"


def test_a_name_ending_with_another_organizations_name_is_proposed_for_a_trim():
    glued, alone = _org(TEXT, "林木同志任青岚集团"), _org(TEXT[13:], "青岚集团")
    alone = alone.model_copy(update={"evidence": [Span(start=13, end=17, field="name")]})
    orgs = [glued, alone, _org(TEXT, "白鹭大学", "university")]
    assert trim_proposals(TEXT, orgs, []) == [(0, 5, 1)]


def test_a_tagged_name_inside_a_rule_name_proposes_a_trim_too():
    text = "不久前云岭部发布通知。"
    orgs = [_org(text, "不久前云岭部", "government")]
    assert trim_proposals(text, orgs, []) == []
    assert trim_proposals(text, orgs, [(3, 6, "ORG")]) == [(0, 3, None)]


def test_trim_features_read_the_glued_prefix():
    rules = _extraction(TEXT, [], people=[Person(name="林木", title="总经理")])
    orgs = [_org(TEXT, "林木同志任青岚集团"), _org(TEXT, "青岚集团")]
    f = trim_features(rules, orgs, 0, 5, 1)
    assert f["trim|plast=任"] == 1.0 and f["trim|person_in_prefix"] == 1.0 and f["trim|via=org"] == 1.0
    place = trim_features(rules, [_org("白沙市青岚集团", "白沙市青岚集团"), orgs[1]], 0, 3, 1)
    assert "trim|place_end" in place and "trim|person_in_prefix" not in place


def test_a_trim_merges_the_organization_and_its_events_and_posts_follow():
    glued = Organization(name="林木同志任青岚集团", kind="company", evidence=[Span(start=0, end=9, field="name")])
    alone = Organization(name="青岚集团", kind="company", evidence=[Span(start=13, end=17, field="name")])
    uni = _org(TEXT, "白鹭大学", "university")
    ev = Event(type="agreement", parties=["林木同志任青岚集团", "青岚集团", "白鹭大学"],
               evidence=[Span(start=0, end=9, field="party"), Span(start=19, end=23, field="party")])
    person = Person(name="林木", title="总经理", org="林木同志任青岚集团")
    out = apply_trims(TEXT, _extraction(TEXT, [glued, alone, uni], [ev], [person]), [(0, 5, 1)])
    assert [o.name for o in out.organizations] == ["青岚集团", "白鹭大学"]
    merged = out.organizations[0]
    assert [(s.start, s.end) for s in merged.evidence] == [(5, 9), (13, 17)]
    assert all(TEXT[s.start:s.end] == "青岚集团" for s in merged.evidence)
    assert out.events[0].parties == ["青岚集团", "白鹭大学"]
    assert TEXT[out.events[0].evidence[0].start:out.events[0].evidence[0].end] == "青岚集团"
    assert out.people[0].org == "青岚集团"


def test_a_trim_with_no_organization_of_that_name_renames():
    text = "不久前云岭部发布通知。"
    out = apply_trims(text, _extraction(text, [_org(text, "不久前云岭部", "government")]), [(0, 3, None)])
    o = out.organizations[0]
    assert o.name == "云岭部" and text[o.evidence[0].start:o.evidence[0].end] == "云岭部"


def test_refine_keeps_what_the_model_rejects():
    orgs = [_org(TEXT, "林木同志任青岚集团"), _org(TEXT[13:], "青岚集团")]
    rules = _extraction(TEXT, orgs)
    keep = LinearModel(("no", "yes"), (-5.0,), {})
    cut = LinearModel(("no", "yes"), (-5.0,), {"trim|plast=任": (10.0,)})
    assert refine(TEXT, rules, [], keep) is rules
    assert [o.name for o in refine(TEXT, rules, [], cut).organizations] == ["青岚集团"]
    assert refine(TEXT, rules, [], None) is rules


def test_a_short_form_is_a_subsequence_of_its_organizations_name():
    assert subsequence_runs("岚大", "青岚大学") == [1, 2]
    assert subsequence_runs("白鹭科大", "国立白鹭科技大学") == [2, 3, 4, 6]
    assert subsequence_runs("大岚", "青岚大学") is None
    orgs = [_org("", "国立白鹭科技大学", "university"), _org("", "青岚集团"), _org("", "白鹭港务局", "government")]
    assert [k for k, _, _ in alias_owners("白鹭科大", orgs)] == [0]
    f = alias_features("白鹭科大", orgs[0], "国立白鹭科技大学", [2, 3, 4, 6], 1)
    assert "alias|same_last" not in f and "alias|ends_at_end" not in f and "alias|same_first" not in f
    assert f["alias|skip_head=<=2"] == 1.0 and f["alias|runs=<=2"] == 1.0


def test_the_bounds_model_links_a_short_form_to_its_organization():
    from partnergraph.learn.names import join_tagged
    from partnergraph.models import Document

    text = "国立白鹭科技大学与青岚集团签约。白鹭科大将派出教师。"
    doc = Document(id="t", lang="zh", text=text, body=[Span(start=0, end=len(text))])
    uni, company = _org(text, "国立白鹭科技大学", "university"), _org(text, "青岚集团")
    start = text.find("白鹭科大")
    spans = [(start, start + 4, "ORG")]
    links = LinearModel(("no", "yes"), (-5.0,), {"alias|runs=<=2": (10.0,)})
    assert best_alias_owner("白鹭科大", [uni, company], links) == 0
    orgs = join_tagged(doc, [uni, company], spans, None, "zh", links)
    assert len(orgs) == 2 and orgs[0].aliases == ["白鹭科大"]
    new = join_tagged(doc, [uni, company], spans, None, "zh", None)
    assert len(new) == 3 and new[2].name == "白鹭科大"


# ---- a rules name that is another's short form (invented names) ------------------------------

SHORT = "青岚建投三建集团有限公司与白鹭大学签署协议。青岚三建集团董事长林木出席。"


def test_a_rules_name_that_is_a_subsequence_of_another_is_proposed_as_its_short_form():
    from partnergraph.learn.bounds import kept_apart, merge_proposals

    orgs = [_org(SHORT, "青岚建投三建集团有限公司"), _org(SHORT, "白鹭大学", "university"), _org(SHORT, "青岚三建集团")]
    rules = _extraction(SHORT, orgs)
    props = merge_proposals(orgs, kept_apart(SHORT, rules))
    # legal ending aside, same last character, the short form's characters in order
    assert [(i, k, form) for i, k, form, _, _ in props] == [(2, 0, "青岚建投三建集团")]


def test_names_the_text_holds_apart_are_no_short_forms():
    from partnergraph.learn.bounds import kept_apart, merge_proposals

    text = "白鹭大学和白鹭师范大学签署协议。"
    orgs = [_org(text, "白鹭大学", "university"), _org(text, "白鹭师范大学", "university")]
    assert merge_proposals(orgs) != []
    assert merge_proposals(orgs, kept_apart(text, _extraction(text, orgs))) == []
    signed = Event(type="agreement", parties=["白鹭大学", "白鹭师范大学"])
    text2 = "白鹭大学代表团访问了白鹭师范大学,双方签署协议。"
    orgs2 = [_org(text2, "白鹭大学", "university"), _org(text2, "白鹭师范大学", "university")]
    assert merge_proposals(orgs2, kept_apart(text2, _extraction(text2, orgs2, [signed]))) == []


def test_a_chosen_short_form_is_merged_and_its_posts_follow():
    orgs = [_org(SHORT, "青岚建投三建集团有限公司"), _org(SHORT, "白鹭大学", "university"), _org(SHORT, "青岚三建集团")]
    rules = _extraction(SHORT, orgs, people=[Person(name="林木", title="董事长", org="青岚三建集团")])
    yes = LinearModel(classes=("no", "yes"), bias=(0.0,), weights={"alias|rules": (5.0,)})
    out = refine(SHORT, rules, [], yes)
    assert [o.name for o in out.organizations] == ["青岚建投三建集团有限公司", "白鹭大学"]
    assert out.organizations[0].aliases == ["青岚三建集团"]
    assert out.people[0].org == "青岚建投三建集团有限公司"
    # a model trained before these proposals (no alias|rules weight) merges nothing
    old = LinearModel(classes=("no", "yes"), bias=(5.0,), weights={"alias|same_last": (5.0,)})
    assert len(refine(SHORT, rules, [], old).organizations) == 3
