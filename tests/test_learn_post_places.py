"""The place a title names as a candidate of the people scorer: a country's adjective or a
place's name right before an English title ("Chilean President", "India's Home Minister"), the
place of a Party committee beside a Chinese post headed at a place (县长 beside 屏南县委)."""

from __future__ import annotations

import time
from types import SimpleNamespace

from partnergraph.documents.prepare import prepare
from partnergraph.learn.candidates import Context, person_candidates, person_features
from partnergraph.learn.decide import decide
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
from partnergraph.learn.people import (
    POST_PLACE_STAGE,
    TAGGED_STAGE,
    place_before_title,
    zh_committee_place,
    zh_place_posts,
)
from partnergraph.models import Extraction, Organization, Person, Provenance, Span


def _org(name: str, text: str, kind: str = "company", aliases: tuple[str, ...] = ()) -> Organization:
    start = text.index(name)
    spans = [Span(start=start, end=start + len(name), field="name")]
    for a in aliases:
        at = text.index(a, start + len(name))
        spans.append(Span(start=at, end=at + len(a), field="alias"))
    return Organization(name=name, kind=kind, aliases=list(aliases), evidence=spans)


def _person(name: str, title: str, text: str, org: str | None = None) -> Person:
    s = text.index(name)
    t = text.rindex(title, 0, s + 1) if text.rfind(title, 0, s) >= 0 else text.index(title)
    return Person(name=name, title=title, org=org, evidence=[Span(start=t, end=t + len(title), field="title"),
                                                             Span(start=s, end=s + len(name), field="name")])


def _context(text: str, orgs: list[Organization], people: list[Person], lang: str = "en") -> Context:
    doc = prepare(text, id="t", lang=lang)
    rules = Extraction(id="t", lang=lang, text=text, provenance=Provenance(backend="rules", version="test"),
                       organizations=orgs, people=people)
    return Context.build(doc, rules, orgs, [])


def _before(text: str, title: str):
    got = place_before_title(text, text.index(title))
    return got and (got[0], text[got[1]:got[2]])


def test_a_country_adjective_or_a_place_right_before_an_english_title():
    assert _before("Chilean President Rosa Tell said on Monday.", "President") == ("Chile", "Chilean")
    assert _before("It met South Korean President Lee Dao.", "President") == ("South Korea", "South Korean")
    assert _before("as India's Home Minister, Raj Lal, said", "Minister")[0] == "India"
    assert _before("Peru President Ana Gil", "President") == ("Peru", "Peru")
    # portfolio words between the place and the title
    assert _before("Japanese industry minister Ken Sato", "minister") == ("Japan", "Japanese")
    assert _before("Kenyan Foreign Minister Amy Odu", "Minister") == ("Kenya", "Kenyan")


def test_no_place_joined_to_another_name_or_beyond_other_words():
    assert _before("Kenya Airways CEO Amy Odu", "CEO") is None  # a word of a company's name
    assert _before("Chilean Lumio Mining President Rosa Tell", "President") is None
    assert _before("Chilean exports rose. President Rosa Tell", "President") is None
    assert _before("Chilean\nPresident Rosa Tell", "President") is None
    assert _before("The Kestrel President Rosa Tell", "President") is None


def test_reading_the_place_before_a_title_takes_linear_time():
    text = "Chilean " * 20_000 + "President Rosa Tell"
    t0 = time.perf_counter()
    place_before_title(text, text.index("President"))
    assert time.perf_counter() - t0 < 0.1


def test_an_english_title_place_no_candidate_names_is_a_post_place_of_the_person():
    text = "Chilean President Rosa Tell said Lumio Mining will invest in a lithium plant."
    ctx = _context(text, [_org("Lumio Mining", text)], [_person("Rosa Tell", "President", text)])
    assert [(o.name, o.stage) for o in ctx.post_places] == [("Chile", POST_PLACE_STAGE)]
    cands = person_candidates(ctx, 0)
    assert [ctx.org_at(i).name for i in cands] == ["Lumio Mining", "Chile"]
    f = person_features(ctx, 0, cands[1], 1)
    assert f["title_place"] == f["post_place"] == f["title_place|post=president"] == 1.0
    assert "title_place" not in person_features(ctx, 0, cands[0], 0)


def test_a_title_place_is_shared_by_the_next_person_of_a_list():
    text = "Ravi Lal met Chilean President Rosa Tell and Prime Minister Ari Dov, then Minister Tor Vick of Kestrel Grid."
    people = [_person("Rosa Tell", "President", text), _person("Ari Dov", "Prime Minister", text),
              _person("Tor Vick", "Minister", text)]
    ctx = _context(text, [_org("Kestrel Grid", text)], people)
    assert [o.name for o in ctx.post_places] == ["Chile"]
    # the prime minister is listed after the president: Chile's too; the minister has his own post
    assert ctx.title_places == {0: [1], 1: [1]}


def test_a_title_place_an_organization_candidate_names_is_that_candidate():
    text = "Indian Prime Minister Ravi Lal arrived. Nepal and India signed a power deal with Kestrel Grid."
    orgs = [_org("Nepal", text, "government"), _org("India", text, "government"), _org("Kestrel Grid", text)]
    ctx = _context(text, orgs, [_person("Ravi Lal", "Prime Minister", text)])
    assert ctx.post_places == [] and ctx.title_places == {0: [1]}
    assert 1 in person_candidates(ctx, 0)  # named in another sentence only, still a candidate
    assert "post_place" not in person_features(ctx, 0, 1, 0)


def test_a_place_that_is_a_word_of_another_mention_or_an_alias_inside_a_name():
    text = "Chinese Lumio Group President Rosa Tell spoke."
    ctx = _context(text, [_org("Chinese Lumio Group", text)], [_person("Rosa Tell", "President", text)])
    assert ctx.title_places == {} and ctx.post_places == []
    # "Israel" read as an alias of the institute is a word of its name, not the country
    text = "Israeli President Dan Oz met the Israel Institute of Arts. Israel hosts it."
    inst = _org("Israel Institute of Arts", text, "university", aliases=("Israel",))
    ctx = _context(text, [inst], [_person("Dan Oz", "President", text)])
    assert [o.name for o in ctx.post_places] == ["Israel"]


def test_chinese_posts_headed_at_a_place_and_the_place_of_a_committee():
    assert zh_place_posts("县委副书记、代县长") == {"县"}
    assert zh_place_posts("常务副市长") == {"市"}
    assert zh_place_posts("党委书记") == set()
    assert zh_committee_place("屏南县委") == "屏南县"
    assert zh_committee_place("中共宿州市委") == "宿州市"
    assert zh_committee_place("呼兰区区委") == "呼兰区"
    assert zh_committee_place("市委") is None
    assert zh_committee_place("屏南县政府") is None


def test_a_county_head_beside_the_county_committee_holds_the_post_at_the_county():
    text = "江岭大学一行赴屏南县签约。屏南县委书记周春海，县长柳岳参加座谈。"
    at, place = text.index("屏南县委"), text.index("屏南县")
    committee = Organization(name="屏南县委", kind="government", aliases=["屏南县"], evidence=[
        Span(start=at, end=at + 4, field="name"), Span(start=place, end=place + 3, field="alias")])
    people = [_person("周春海", "书记", text, "屏南县委"), _person("柳岳", "县长", text)]
    ctx = _context(text, [_org("江岭大学", text, "university"), committee], people, "zh")
    assert [o.name for o in ctx.post_places] == ["屏南县"]
    assert ctx.title_places == {1: [2]}  # the secretary's post is the committee's: no place
    cands = person_candidates(ctx, 1)
    assert ctx.org_at(cands[-1]).name == "屏南县"
    f = person_features(ctx, 1, cands[-1], len(cands) - 1)
    assert f["post_place"] == f["title_place|post=县长"] == f["post=县长|org_head=县"] == 1.0


def test_a_county_head_weighs_the_named_county_government_rather_than_a_post_place():
    text = "屏南县委副书记、县长柳岳与屏南县人民政府有关负责人出席。"
    committee = _org("屏南县委", text, "government")
    gov = _org("屏南县人民政府", text, "government")
    ctx = _context(text, [committee, gov], [_person("柳岳", "县长", text)], "zh")
    assert ctx.post_places == [] and ctx.title_places == {0: [1]}


def test_the_head_of_a_place_named_before_the_title_of_another_sentence():
    text = "石嘴山市委与江岭大学签约。\n双方互赠纪念品。\n石嘴山市长李郁华表示感谢。"
    ctx = _context(text, [_org("石嘴山市委", text, "government"), _org("江岭大学", text, "university")],
                   [_person("李郁华", "市长", text)], "zh")
    assert [o.name for o in ctx.post_places] == ["石嘴山市"]


def test_a_post_at_a_post_place_keeps_that_place_as_an_organization():
    text = "Chilean President Rosa Tell said Lumio Mining will invest in a lithium plant."
    ctx = _context(text, [_org("Lumio Mining", text)], [_person("Rosa Tell", "President", text)])
    lm = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, people=0.5))
    out = decide(ctx, lm, ([0.9], {}, [], [(1, 0.8)], 1.0))
    assert [(p.name, p.org) for p in out.people] == [("Rosa Tell", "Chile")]
    assert [o.name for o in out.organizations] == ["Lumio Mining", "Chile"]
    assert out.organizations[1].stage.startswith(POST_PLACE_STAGE + "+")
    # below the people threshold: no post, no place
    out = decide(ctx, lm, ([0.9], {}, [], [(1, 0.3)], 1.0))
    assert out.people[0].org is None and [o.name for o in out.organizations] == ["Lumio Mining"]


def test_the_title_place_overrides_the_scorers_choice_in_english():
    from partnergraph.learn.decide import _title_place_post

    text = "Chilean President Rosa Tell said Lumio Mining will invest in a lithium plant."
    ctx = _context(text, [_org("Lumio Mining", text)], [_person("Rosa Tell", "President", text)])
    assert _title_place_post(ctx, 0, (0, 0.7)) == (1, 1.0)
    assert _title_place_post(ctx, 0, None) == (1, 1.0)
    # the scorer's choice already, below the threshold: as sure as when overruled
    assert _title_place_post(ctx, 0, (1, 0.2)) == (1, 1.0)
    tagged = ctx.people[0].model_copy(update={"stage": TAGGED_STAGE})
    ctx.people[0] = tagged  # a tagged name keeps its score
    assert _title_place_post(ctx, 0, (1, 0.2)) == (1, 0.2)
    assert _title_place_post(ctx, 0, (0, 0.7)) == (1, 0.7)


def test_a_chinese_title_place_overrides_a_committee_only():
    from partnergraph.learn.decide import _title_place_post

    text = "屏南县委书记周春海，县长柳岳与海川集团董事长出席。"
    orgs = [_org("屏南县委", text, "government"), _org("海川集团", text)]
    ctx = _context(text, orgs, [_person("柳岳", "县长", text)], "zh")
    assert ctx.title_places == {0: [2]}
    assert _title_place_post(ctx, 0, (0, 0.9)) == (2, 1.0)  # not the committee's
    assert _title_place_post(ctx, 0, (1, 0.9)) == (1, 0.9)  # another body: the scorer's choice


def test_a_kept_post_place_is_no_more_an_alias_of_another_organization():
    text = "屏南县委与江岭大学在屏南县签约。县长柳岳出席。"
    at, place = text.index("屏南县委"), text.index("在屏南县") + 1
    committee = Organization(name="屏南县委", kind="government", aliases=["屏南县"], evidence=[
        Span(start=at, end=at + 4, field="name"), Span(start=place, end=place + 3, field="alias")])
    ctx = _context(text, [committee, _org("江岭大学", text, "university")], [_person("柳岳", "县长", text)], "zh")
    lm = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, people=0.5))
    out = decide(ctx, lm, ([0.9, 0.9], {}, [0.0] * len(ctx.candidate_events), [(2, 1.0)], 1.0))
    assert [(p.name, p.org) for p in out.people] == [("柳岳", "屏南县")]
    assert [(o.name, o.aliases, [s.field for s in o.evidence]) for o in out.organizations] == [
        ("屏南县委", [], ["name"]), ("江岭大学", [], ["name"]), ("屏南县", [], [])]
