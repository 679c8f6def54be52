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
