"""Chinese organization names without noise: unnamed departments, verbs glued before a name,
and head words that open a longer word (大学生, 大学城). Texts written for these tests."""

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
    ("临江特区政府医务卫生局与青川大学签署合作协议。医卫局局长李明出席仪式。", "李明", "临江特区政府医务卫生局"),
])
def test_a_post_at_the_short_form_of_a_named_department_is_held_there(text, person, org):
    assert (person, org) in {(p.name, p.org) for p in rules(text).people}


def test_a_four_character_field_may_be_a_proper_name():
    assert unnamed_department("医务卫生局") is None


# verbs glued before a name ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, name", [
    ("学院将借助青川大学的学科优势开展研究。", "青川大学"),
    ("活动首日,按照临江市卫生局的安排,专家开展义诊。", "临江市卫生局"),
    ("近年来,该县引进远景集团的项目。", "远景集团"),
    ("很多学生报考青川大学。", "青川大学"),
    ("王明同志任远景集团董事长。", "远景集团"),
    ("本报讯(记者李雷)远景集团今天发布了新产品。", "远景集团"),
    ("会上,周正率远景集团代表团发言。", "远景集团"),
])
def test_a_verb_before_a_name_is_no_part_of_it(text, name):
    assert name in names(text)


# a head word that opens a longer word ------------------------------------------------------------
def test_daxue_opening_a_longer_word_ends_no_name():
    assert names("临江大学城二期项目开工,青川大学与远景集团签约。") == {"青川大学", "远景集团"}
    assert names("青川大学在光电领域具有强大学术优势。") == {"青川大学"}
    assert "大学" not in "".join(names("远景集团为大学生提供实习岗位。"))


def test_a_school_of_a_university_whose_field_opens_with_sheng_stays():
    assert "临江大学生物医学工程学院" in names("临江大学生物医学工程学院与远景集团签约。")


# a person and a body in one name -----------------------------------------------------------------
@pytest.mark.parametrize("text, name, glued", [
    ("集团副总经理李玲与青川县委副书记王刚座谈。", "青川县委", "李玲与青川县委"),
    ("市政府副秘书长杨旭及市教体局局长出席。", None, "杨旭及市教体局"),
    ("副省长张志南和航运局集团总裁李建出席签约。", "航运局集团", "张志南和航运局集团"),
    ("大会表彰了陈明、赵亮等远景集团领导班子成员。", "远景集团", "赵亮等远景集团"),
])
def test_a_person_before_a_conjunction_is_no_part_of_the_name(text, name, glued):
    found = names(text)
    assert glued not in found
    assert name is None or name in found


def test_a_department_keeps_its_inner_conjunction_after_a_post():
    assert "青川市人力资源和社会保障局" in names("青川市人力资源和社会保障局局长王刚出席。")
    assert "临江大学物理与电子科学学院" in names("临江大学物理与电子科学学院院长李明致辞。")


def test_a_kind_of_body_named_by_its_kind_alone_is_no_name():
    found = names("青川大学是全国重点大学,下设十个二级学院和三所附属医院。青川大学与远景集团签约。")
    assert found == {"青川大学", "远景集团"}


@pytest.mark.parametrize("text, name", [
    ("学院坚持立足青川大学的优势。", "青川大学"),
    ("各部门要积极配合临江市人民政府的工作。", "临江市人民政府"),
])
def test_more_verbs_before_a_name_are_no_part_of_it(text, name):
    assert name in names(text)


def test_the_general_secretarys_name_is_no_body_before_a_post():
    # 总书记 is one post: the run before 书记 (习近平总) names no body, whatever follows the post
    assert names("江岭大学与海川集团签约，深入贯彻落实习近平总书记关于教育的重要论述。") == {"江岭大学", "海川集团"}
    # a body before a post still is one (海川集团董事长周明远)
    assert "海川集团" in names("江岭大学与海川集团签约。海川集团董事长周明远出席。")


# references with no proper name: a unit the text will not name, every body of a place ----------
@pytest.mark.parametrize("key", ["驻沪海军某部", "某集团", "北岭某医院", "全市银行", "全县各学校", "全区党委",
                                 "乡镇卫生院", "省级港口集团", "周边城市商会"])
def test_an_unnamed_unit_or_every_body_of_a_place_is_generic(key):
    assert is_generic(key)


@pytest.mark.parametrize("key", ["全国工商联", "全国台湾同胞投资企业联谊会", "青川大学"])
def test_a_name_opening_with_the_whole_country_is_no_reference(key):
    assert not is_generic(key)


def test_a_signing_with_an_unnamed_unit_names_no_pair():
    x = rules("3月2日,青溪小学与驻沪海军某部举行军民共建签约仪式,双方签署共建协议。")
    assert {o.name for o in x.organizations} == {"青溪小学"}
    assert x.events == []


def test_every_bank_of_the_city_is_no_party():
    x = rules("临江电视台讯 15日,全市银行业金融机构对接会召开,全市银行与企业代表参加会议。")
    assert "全市银行" not in {o.name for o in x.organizations}
    assert x.events == []


# bodies counted, none of them named (两大港口集团, 三家银行, 首批…博物馆) ---------------------------
@pytest.mark.parametrize("key", ["两大港口集团", "南北两大港口集团", "首批国家一级博物馆", "粤西首个乡村振兴研究分院",
                                 "首间应用科学大学", "家银行", "12家企业", "多所大学"])
def test_bodies_counted_with_a_measure_word_are_generic(key):
    assert is_generic(key)


@pytest.mark.parametrize("key", ["中国航天科工十院", "青川第一人民医院", "三一重工", "一汽集团", "中电科十所"])
def test_a_number_in_a_name_is_no_count_of_bodies(key):
    assert not is_generic(key)


def test_a_signing_of_two_counted_groups_names_no_body_and_three_banks_no_bank():
    x = rules("青川临江两大港口集团签署战略合作协议。")
    assert not any("港口集团" in n for n in {o.name for o in x.organizations})
    x = rules("市女企联与三家银行签订了战略合作协议,远湖实业有限公司与海川银行签约。")
    assert not any(n.startswith("家") for n in {o.name for o in x.organizations})


def test_a_brand_and_a_company_joined_by_he_are_two_names_not_a_companys_fields():
    x = rules("青川大学与星辰和远湖科技公司签署合作协议。")
    assert {"星辰", "远湖科技公司"} <= {o.name for o in x.organizations}
    assert not any("和" in o.name for o in x.organizations)
    # a ministry's department (司) still joins its two fields
    assert "教育部国际合作与交流司" in names("青川大学与教育部国际合作与交流司签署协议。")
