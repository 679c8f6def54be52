"""Chinese organization names without noise: unnamed departments. Texts written for these tests."""

from __future__ import annotations

import pytest

from partnergraph import extract
from partnergraph.extraction.rules.chinese.mentions import is_generic, unnamed_department


def rules(text: str):
    return extract(text, lang="zh", backend="rules")


def names(text: str) -> set[str]:
    return {o.name for o in rules(text).organizations}


# a department named by its level or field alone -------------------------------------------------
@pytest.mark.parametrize("key, dept", [
    ("市财政局", "财政局"), ("省科技厅", "科技厅"), ("区委统战部", "委统战部"), ("自治区党委", "党委"),
    ("特区政府", "政府"), ("市委政法委", "委政法委"), ("水利局", "水利局"), ("林业局", "林业局"),
])
def test_a_department_by_its_level_or_field_alone_is_unnamed(key, dept):
    assert unnamed_department(key) == dept
    assert is_generic(key)


@pytest.mark.parametrize("key", ["青川市财政局", "临江省科技厅", "镇江市人民政府", "国家文物局", "教育部",
                                 "市中医院", "青川大学", "北京财政局"])
def test_a_named_body_is_no_unnamed_department(key):
    assert unnamed_department(key) is None


def test_a_post_at_an_unnamed_department_has_no_organization():
    x = rules("青川市副市长李明,市财政局局长王强,水利局、林业局相关负责人出席。临江大学与远景集团签署协议。")
    assert {o.name for o in x.organizations} == {"临江大学", "远景集团"}
    assert all(p.org is None for p in x.people if p.name == "王强")


def test_the_short_form_of_a_named_department_is_that_department():
    x = rules("临江省科技厅与青川大学签署合作协议。省科技厅副厅长张华出席仪式。")
    assert {o.name for o in x.organizations} == {"临江省科技厅", "青川大学"}
    assert ("张华", "临江省科技厅") in {(p.name, p.org) for p in x.people}


@pytest.mark.parametrize("text, person, org", [
    ("青川市财政局与临江银行签署合作协议。市财政局局长王强出席仪式。", "王强", "青川市财政局"),
    ("香港特区政府与青川大学签署合作协议。特区政府副秘书长李明出席仪式。", "李明", "香港特区政府"),
    ("医务卫生局与青川大学签署合作协议。医卫局局长李明出席仪式。", "李明", "医务卫生局"),
])
def test_a_post_at_the_short_form_of_a_named_department_is_held_there(text, person, org):
    assert (person, org) in {(p.name, p.org) for p in rules(text).people}


def test_a_four_character_field_may_be_a_proper_name():
    assert unnamed_department("医务卫生局") is None
