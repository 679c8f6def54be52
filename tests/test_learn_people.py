"""People the tagger names that the rules do not, and the people scorer's features of a post:
the title beside a tagged name, an organization inside or named by the title, the words between
the title and the organization; a tagged person is kept only with a sure post."""

from __future__ import annotations

from types import SimpleNamespace

from partnergraph.documents.prepare import prepare
from partnergraph.learn.candidates import Context, person_candidates, person_features
from partnergraph.learn.decide import decide
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
from partnergraph.learn.people import TAGGED_STAGE, tagged_people, title_near
from partnergraph.models import Extraction, Organization, Person, Provenance, Span


def _org(name: str, text: str, kind: str = "university") -> Organization:
    start = text.index(name)
    return Organization(name=name, kind=kind, evidence=[Span(start=start, end=start + len(name), field="name")])


def _person(name: str, title: str, text: str, org: str | None = None) -> Person:
    s, t = text.index(name), text.index(title)
    return Person(name=name, title=title, org=org, evidence=[Span(start=t, end=t + len(title), field="title"),
                                                             Span(start=s, end=s + len(name), field="name")])


def _context(text: str, orgs: list[Organization], people: list[Person], tagged: list[tuple[int, int, str]],
             lang: str = "en") -> Context:
    doc = prepare(text, id="t", lang=lang)
    rules = Extraction(id="t", lang=lang, text=text, provenance=Provenance(backend="rules", version="test"),
                       organizations=orgs, people=people)
    return Context.build(doc, rules, orgs, tagged)


def _span(text: str, name: str, label: str = "PER") -> tuple[int, int, str]:
    s = text.index(name)
    return s, s + len(name), label


def test_a_title_right_before_a_name_honorifics_between():
    text = "The talks were opened by Vice-Rector Prof. Tamsin Orrell of Kestrel University."
    s = text.index("Tamsin")
    assert text[slice(*title_near(text, s, s + len("Tamsin Orrell"), "en"))] == "Vice-Rector"


def test_a_title_after_a_comma():
    text = "Tamsin Orrell, Registrar of Kestrel University, signed."
    assert text[slice(*title_near(text, 0, len("Tamsin Orrell"), "en"))] == "Registrar"


def test_no_title_where_other_words_stand_between():
    text = "The Registrar said that Tamsin Orrell signed."
    s = text.index("Tamsin")
    assert title_near(text, s, s + len("Tamsin Orrell"), "en") is None


def test_chinese_titles_before_and_after_a_name():
    text = "江岭大学校长林晓峰与海川集团董事长周明远会谈，周明远董事长表示感谢。"
    s = text.index("林晓峰")
    assert text[slice(*title_near(text, s, s + 3, "zh"))] == "校长"
    s = text.rindex("周明远")
    assert text[slice(*title_near(text, s, s + 3, "zh"))] == "董事长"


def test_a_tagged_name_the_rules_missed_becomes_a_person_with_its_title():
    text = "Harlow University hosted Minister Odile Varga. President Amy Hart of Harlow University spoke."
    rules_people = [_person("Amy Hart", "President", text, org="Harlow University")]
    orgs = [_org("Harlow University", text)]
    tagged = [_span(text, "Odile Varga"), _span(text, "Amy Hart"), _span(text, "Harlow University", "ORG")]
    got = tagged_people(text, rules_people, tagged, [(0, 17)], "en")
    assert [(p.name, p.title, p.org, p.stage) for p in got] == [("Odile Varga", "Minister", None, TAGGED_STAGE)]
    assert [s.field for s in got[0].evidence] == ["title", "name"]
    ctx = _context(text, orgs, rules_people, tagged)
    assert [p.name for p in ctx.people] == ["Amy Hart", "Odile Varga"]


def test_a_longer_or_shorter_form_of_a_rules_name_and_an_organizations_mention_are_no_new_person():
    text = "Madame Amy Hart met Kestrel Lumio Labs staff."
    rules_people = [_person("Amy Hart", "Madame", text)]
    tagged = [_span(text, "Madame Amy Hart"), _span(text, "Kestrel Lumio")]
    s = text.index("Kestrel")
    assert tagged_people(text, rules_people, tagged, [(s, s + len("Kestrel Lumio Labs"))], "en") == []


def test_a_chinese_tagged_name_must_look_like_a_name():
    text = "海川集团董事长周明远、全体干部职工出席。"
    tagged = [_span(text, "周明远"), _span(text, "全体干部职工")]
    got = tagged_people(text, [], tagged, [(0, 4)], "zh")
    assert [(p.name, p.title) for p in got] == [("周明远", "董事长")]


def test_an_organization_cut_from_the_title_is_marked_as_inside_it():
    text = "Minister of Education Odile Varga visited Harlow University."
    edu = Organization(name="Education", kind="government", evidence=[Span(start=12, end=21, field="name")])
    harlow = _org("Harlow University", text)
    varga = _person("Odile Varga", "Minister of Education", text)
    ctx = _context(text, [edu, harlow], [varga], [])
    inside = person_features(ctx, 0, 0, 0)
    other = person_features(ctx, 0, 1, 1)
    assert "org_in_title" in inside and "org_named_in_title" in inside
    assert "org_in_title" not in other and "org_named_in_title" not in other


def test_the_words_between_the_title_and_the_organization():
    text = "Dean of Stennis College, Amy Hart, met Harlow University's Rector, Odile Varga."
    stennis, harlow = _org("Stennis College", text), _org("Harlow University", text)
    hart = _person("Amy Hart", "Dean", text)
    varga = _person("Odile Varga", "Rector", text)
    ctx = _context(text, [stennis, harlow], [hart, varga], [])
    assert "title_org=of" in person_features(ctx, 0, 0, 0)
    assert "org_title=’ s" in person_features(ctx, 1, 1, 0) or "org_title=' s" in person_features(ctx, 1, 1, 0)


def test_a_tagged_person_is_kept_only_with_a_sure_post():
    text = "Harlow University hosted Minister Odile Varga and Prof. Lin Brand of Harlow University."
    harlow = _org("Harlow University", text)
    tagged = [_span(text, "Odile Varga"), _span(text, "Lin Brand")]
    ctx = _context(text, [harlow], [], tagged)
    assert [p.name for p in ctx.people] == ["Odile Varga", "Lin Brand"]
    assert person_candidates(ctx, 0) == [0]
    lm = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, people=0.5))
    scores = ([0.9], {}, [], [(0, 0.3), (0, 0.8)], 1.0)
    out = decide(ctx, lm, scores)
    assert [(p.name, p.org) for p in out.people] == [("Lin Brand", "Harlow University")]
    assert out.people[0].stage.startswith(TAGGED_STAGE + "+")


def test_the_tagged_threshold_holds_back_a_tagged_person_the_people_threshold_would_keep():
    text = "Prof. Lin Brand of Harlow University spoke."
    ctx = _context(text, [_org("Harlow University", text)], [], [_span(text, "Lin Brand")])
    lm = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, people=0.5, tagged=0.9))
    assert decide(ctx, lm, ([0.9], {}, [], [(0, 0.8)], 1.0)).people == []
    assert [p.name for p in decide(ctx, lm, ([0.9], {}, [], [(0, 0.95)], 1.0)).people] == ["Lin Brand"]


def test_what_a_tagged_name_looks_like():
    from partnergraph.learn.people import name_features

    text = "Dr. Lin Brand thanked Kestrel Fund and NSK."
    ctx = _context(text, [], [], [_span(text, "Lin Brand"), _span(text, "Kestrel Fund"), _span(text, "NSK")])
    lin, kestrel, nsk = (name_features(text, p, "en") for p in ctx.people)
    assert "tagged|honorific_before" in lin and "tagged|head_word" not in lin
    assert "tagged|head_word" in kestrel and "tagged|caps" in nsk and "tagged|caps" not in kestrel


def test_a_chinese_tagged_name_with_a_surname():
    from partnergraph.learn.people import name_features

    text = "周明远与全体职工座谈。"
    p = tagged_people(text, [], [_span(text, "周明远")], [], "zh")[0]
    assert "tagged|surname=yes" in name_features(text, p, "zh")

