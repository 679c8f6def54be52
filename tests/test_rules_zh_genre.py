"""The Chinese rule engine on more shapes of the genre: one pattern per test, on short texts
written for these tests (invented bodies and people)."""

from __future__ import annotations

from partnergraph import extract


def zh(text: str, published: str | None = None):
    return extract(text, published=published, lang="zh")


def org_names(x) -> list[str]:
    return [o.name for o in x.organizations]


def aliases(x) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in x.organizations}


def people(x) -> set[tuple[str, str | None]]:
    return {(p.name, p.org) for p in x.people}


def events(x) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(e.parties)) for e in x.events}


# organizations ---------------------------------------------------------------------------------
def test_a_school_named_after_its_university_keeps_its_inner_conjunction():
    x = zh("5月8日,青川大学材料与化学工程学院与海川集团签署合作协议。")
    assert events(x) == {("agreement", frozenset({"青川大学材料与化学工程学院", "海川集团"}))}
    x = zh("北岭大学计算机科学与技术学院师生参观了远景集团。")
    assert "北岭大学计算机科学与技术学院" in org_names(x)
    x = zh("他介绍了学校能源与动力工程学院的情况。")
    assert org_names(x) == ["能源与动力工程学院"]


def test_people_or_a_hospital_before_yu_are_no_field_of_a_school():
    assert org_names(zh("北岭大学师生与青川学院师生座谈。")) == ["北岭大学", "青川学院"]
    assert org_names(zh("北岭大学医院与青川学院签署协议。")) == ["北岭大学医院", "青川学院"]


def test_a_school_short_form_without_its_field_word():
    x = zh("北岭大学能源与动力科学学院与远景集团签约。远景集团将为北岭大学能源与动力学院提供实习岗位。")
    assert aliases(x)["北岭大学能源与动力科学学院"] == ["北岭大学能源与动力学院"]
    # a field word dropped right after the university is another university
    x = zh("华川科技大学与华川大学签约。")
    assert sorted(org_names(x)) == ["华川大学", "华川科技大学"]


def test_a_latin_token_inside_a_field_joined_by_yu():
    x = zh("长三角RFID与物联网产业联盟与北岭大学签署协议。")
    assert "长三角RFID与物联网产业联盟" in org_names(x)


def test_a_brand_opening_with_a_head_word_listed_as_a_host():
    x = zh("6月2日,北岭大学代表团走访了海川环保、中铁九安和远景科工。")
    assert {"海川环保", "中铁九安", "远景科工"} <= set(org_names(x))


# visits and one-to-many ------------------------------------------------------------------------
def test_bodies_organizing_a_trip_are_no_party_of_the_visit():
    x = zh("4月9日,临江市教育局组织北岭大学化学学院师生参观了海川集团和远景股份。")
    assert events(x) == {("visit", frozenset({"北岭大学化学学院", "海川集团"})),
                         ("visit", frozenset({"北岭大学化学学院", "远景股份"}))}
    x = zh("6月1日,青川工商联组织30家会员企业到北岭学院考察调研。")
    assert events(x) == {("visit", frozenset({"青川工商联", "北岭学院"}))}


def test_students_touring_a_company_is_a_visit():
    x = zh("11月2日,南河职业技术学院师生参观了临江重工集团有限公司。")
    assert events(x) == {("visit", frozenset({"南河职业技术学院", "临江重工集团有限公司"}))}


def test_each_host_of_a_tour_signing_and_unveiling_with_the_visitor():
    x = zh("9月3日,青川职业技术学院带队走访了海川集团和远景股份,各单位负责人介绍了企业情况,"
           "并与青川职业技术学院签订了人才培养协议,挂牌青川职业技术学院实习基地。")
    pairs = {frozenset({"青川职业技术学院", "海川集团"}), frozenset({"青川职业技术学院", "远景股份"})}
    for typ in ("visit", "agreement", "joint_entity"):
        assert {p for t, p in events(x) if t == typ} == pairs
    assert {e.entity for e in x.events if e.type == "joint_entity"} == {"青川职业技术学院实习基地"}


def test_the_thing_unveiled_after_the_verb():
    x = zh("3月6日,北岭大学与海川集团举行签约仪式,并挂牌“北岭大学海川智能制造研究院”。")
    assert [e.entity for e in x.events if e.type == "joint_entity"] == ["北岭大学海川智能制造研究院"]
    x = zh("3月6日,北岭大学与海川集团共建的智能装备实验室揭牌。")
    assert [e.entity for e in x.events if e.type == "joint_entity"] == ["智能装备实验室"]
