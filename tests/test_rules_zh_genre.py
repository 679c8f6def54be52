"""The Chinese rule engine on more shapes of the genre: one pattern per test, on short texts
written for these tests (invented bodies and people)."""

from __future__ import annotations

from zh_helpers import event_pairs as events
from zh_helpers import aliases, org_names, people, zh


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


# a zone that signs, people ----------------------------------------------------------------------
def test_a_zone_signing_with_another_name_in_parentheses():
    x = zh("6月21日,海川建设集团与青川省临江经济技术开发区(临江新港区)在临江签署战略合作协议。")
    assert events(x) == {("agreement", frozenset({"海川建设集团", "青川省临江经济技术开发区"}))}


def test_the_committees_of_a_zone_are_the_zone():
    x = zh("临江高新技术产业开发区党工委书记赵明、管委会副主任钱芳出席了活动。")
    assert people(x) == {("赵明", "临江高新技术产业开发区"), ("钱芳", "临江高新技术产业开发区")}
    # a run longer than a name before a post names no body
    x = zh("出席活动的有青川省临江市新港经济技术开发区党工委书记赵明。")
    assert org_names(x) == []


def test_a_party_branch_between_a_body_and_a_post():
    x = zh("10月9日,青川市第三人民医院与北岭大学附属医院签署协议。北岭大学附属医院院长刘明及我院党总支书记"
           "王强、副院长李娜出席。")
    assert {("王强", "青川市第三人民医院"), ("李娜", "青川市第三人民医院")} <= people(x)
    x = zh("北岭大学化学学院党支部书记孙丽出席。")
    assert people(x) == {("孙丽", "北岭大学化学学院")}


def test_a_qualified_post_after_a_comma_continues_the_list():
    x = zh("海川检测技术有限公司总经理何伟,副总经理孙涛,质量负责人周敏一行来我院参观。")
    assert ("周敏", "海川检测技术有限公司") in people(x)
    x = zh("北岭大学校长何伟,临江市副市长孙涛,秘书长周敏出席。")
    assert ("周敏", "北岭大学") not in people(x)


def test_a_committee_of_an_unnamed_body_is_no_organization():
    x = zh("校学位委员会副主任王刚、省学位委员会办公室主任张强出席。")
    assert org_names(x) == []
    assert people(x) == {("王刚", None), ("张强", None)}


def test_a_post_taken_at_the_alliance_or_another_body():
    x = zh("7月2日,青川产业创新联盟成立大会在临江举行。北岭大学教授郑明当选联盟首任理事长。"
           "联盟副理事长、青川大学教授吴芳兼任秘书长。")
    assert people(x) == {("郑明", "北岭大学"), ("郑明", "青川产业创新联盟"),
                         ("吴芳", "青川产业创新联盟"), ("吴芳", "青川大学")}
    x = zh("海川集团副总经理王刚出任远景股份总经理。")
    assert people(x) == {("王刚", "海川集团"), ("王刚", "远景股份")}
    x = zh("北岭大学教授郑明当选为青川省化学学会第五届理事长。")
    assert ("郑明", "青川省化学学会") in people(x)


def test_a_verb_of_electing_before_a_name_is_no_part_of_it():
    x = zh("会议选举北岭大学教授郑明为理事长。")
    assert org_names(x) == ["北岭大学"]


# signings ---------------------------------------------------------------------------------------
def test_a_signing_ceremony_whose_parties_were_introduced_earlier():
    x = zh("为深化校企合作,北岭大学与海川集团有限公司决定开展全面合作。3月1日上午,签约仪式在北岭大学举行。",
           published="2024-03-05")
    assert [(e.type, set(e.parties), e.date) for e in x.events] == [
        ("agreement", {"北岭大学", "海川集团有限公司"}, "2024-03-01")]


def test_one_signing_with_each_body_after_fenbie_yu():
    x = zh("5月6日,北岭大学分别与青川集团、远景股份、华达科技签订合作协议。")
    assert events(x) == {("agreement", frozenset({"北岭大学", b})) for b in ("青川集团", "远景股份", "华达科技")}


def test_a_unit_signing_on_behalf_of_its_body_named_again():
    x = zh("10月17日,海川集团国际部(海外工程分公司)负责人代表海川集团与远景投资集团签约青川产业园项目。"
           "此前,大会举行了签约仪式。")
    assert events(x) == {("agreement", frozenset({"海川集团", "远景投资集团"}))}


def test_our_hospital_beside_another_named_hospital_is_the_one_left():
    x = zh("10月9日,青川市第二人民医院与临江医专第一附属医院签署协议。临江医专第一附属医院院长刘明、"
           "副院长张华及我院党总支书记王强、副院长李娜出席。")
    assert {("王强", "青川市第二人民医院"), ("李娜", "青川市第二人民医院"),
            ("刘明", "临江医专第一附属医院")} <= people(x)


# more names -------------------------------------------------------------------------------------
def test_a_hospital_centre_with_a_city_in_parentheses():
    x = zh("2019年,青川医院与北岭医院共建了青川医院(临江)眼科中心。患者的家人知道眼科中心由两家医院共建。")
    assert aliases(x)["青川医院(临江)眼科中心"] == ["眼科中心"]
    assert "青川市人民医院胸痛中心" in org_names(zh("青川市人民医院胸痛中心与北岭医院签约。"))


def test_a_journal_publisher_among_the_organizers():
    x = zh("12月1日,第三届青川文学论坛由北岭大学文学院、青川省作家协会、《青川文学》杂志社和临江大学联合主办。")
    assert events(x) == {("meeting", frozenset({"北岭大学文学院", "青川省作家协会", "《青川文学》杂志社",
                                                "临江大学"}))}
    # a paper cited as the source is no organization
    assert org_names(zh("据《青川日报》报道,北岭大学与海川集团签约。")) == ["北岭大学", "海川集团"]


def test_a_joint_institute_named_after_both_founders_and_its_field():
    for sep in ("与", "—"):
        x = zh(f"6月14日,北岭大学{sep}海川集团智能制造联合研究院揭牌仪式在临江举行。")
        [ev] = x.events
        assert (ev.type, set(ev.parties)) == ("joint_entity", {"北岭大学", "海川集团"})
        assert ev.entity == f"北岭大学{sep}海川集团智能制造联合研究院"
    # a ceremony held by both for a body with no 联合 in its name names no joint founders
    x = zh("6月6日上午,青山市人民医院与滨江大学医院举行医联体合作签约暨揭牌仪式。")
    assert {e.entity for e in x.events if e.type == "joint_entity"} == {"医联体"}


def test_fields_after_weirao_and_jiu():
    x = zh("6月16日,北岭大学与海川集团签订校企合作协议。双方围绕人才培养、科技研发、成果转化等方面进行了深入交流。")
    assert x.events[0].topics == ["人才培养", "科技研发", "成果转化"]
    x = zh("6月16日,北岭大学与海川集团签订协议,双方就人才培养和联合攻关等方面达成共识。")
    assert x.events[0].topics == ["人才培养", "联合攻关"]
    x = zh("6月16日,北岭大学与海川集团签订协议,双方将在就业创业、实习实训等领域开展合作。")
    assert x.events[0].topics == ["就业创业", "实习实训"]


def test_leaders_of_a_level_of_government_with_no_post():
    # read (the names are no organization's) but not recorded: no post an analyst records
    x = zh("6月16日,北岭大学与青川市人民政府签署协议。市领导王刚、李华出席签约仪式。")
    assert x.people == []
    assert {o.name for o in x.organizations} == {"北岭大学", "青川市人民政府"}


def test_a_department_post_after_a_post_at_the_same_body():
    x = zh("青川大学校长助理、科研处处长周涛主持签约仪式。")
    assert [(p.name, p.title, p.org) for p in x.people] == [("周涛", "校长助理、科研处处长", "青川大学")]


def test_a_research_trip_to_a_district_then_signing_with_its_government():
    x = zh("6月14日,北岭大学校长王明带领学校相关职能部门负责人赴青川市临江区开展校地合作调研,"
           "与临江区人民政府签署战略合作协议。")
    assert events(x) == {("visit", frozenset({"北岭大学", "临江区人民政府"})),
                         ("agreement", frozenset({"北岭大学", "临江区人民政府"}))}


def test_xiaoqi_before_hezuo_qualifies_the_agreement_and_names_no_parties():
    x = zh("6月14日,北岭大学与临江区人民政府签署合作协议。7月1日,南河学院与海川集团签订校企合作协议。")
    assert events(x) == {("agreement", frozenset({"北岭大学", "临江区人民政府"})),
                         ("agreement", frozenset({"南河学院", "海川集团"}))}


def test_founders_given_by_the_next_sentence_referring_to_the_entity():
    x = zh("6月13日,北岭大学海川产业学院揭牌成立。该学院由北岭大学与海川集团共同建设。")
    assert events(x) == {("joint_entity", frozenset({"北岭大学", "海川集团"}))}
    x = zh("6月13日,青川智能制造创新中心揭牌。该中心由北岭大学、青川大学和海川集团联合组建。")
    assert events(x) == {("joint_entity", frozenset({"北岭大学", "青川大学", "海川集团"}))}
    # a plan is no founding
    x = zh("6月13日,青川智能制造创新中心揭牌。北岭大学、青川大学和海川集团将联合建设该中心。")
    assert events(x) == set()


def test_a_delegation_coming_to_our_university_named_as_xiao():
    x = zh("6月12日,海川集团董事长赵强一行来校访问。北岭大学与海川集团签署了战略合作协议。")
    assert events(x) == {("visit", frozenset({"海川集团", "北岭大学"})),
                         ("agreement", frozenset({"海川集团", "北岭大学"}))}
    x = zh("6月12日,海川集团总经理赵强到校长办公室。北岭大学校长王明出席。")
    assert events(x) == set()


def test_a_government_short_form_and_branch_campuses():
    x = zh("6月16日,青川市人民政府与北岭大学签约。青川市政府副市长李强出席。")
    assert aliases(x)["青川市人民政府"] == ["青川市政府"]
    assert people(x) == {("李强", "青川市人民政府")}
    x = zh("6月16日,中国科学院青川分院与北岭大学签约。青川分院院长王明出席。")
    assert events(x) == {("agreement", frozenset({"中国科学院青川分院", "北岭大学"}))}
    assert people(x) == {("王明", "中国科学院青川分院")}
    assert "北岭大学青川分校" in org_names(zh("6月16日,北岭大学青川分校与海川集团签约。"))


def test_yesterday_and_today_counted_from_the_publication_date():
    x = zh("昨日,北岭大学与海川集团签署协议。", published="2023-03-01")
    assert x.events[0].date == "2023-02-28"
    x = zh("今天上午,北岭大学与海川集团签署协议。", published="2023-06-20")
    assert x.events[0].date == "2023-06-20"
    assert zh("昨天,北岭大学与海川集团签署协议。").events[0].date is None


def test_an_event_over_days_is_dated_by_its_first():
    for text in ("12月1-2日,北岭大学与海川集团联合主办青川音乐论坛。",
                 "2018年12月1—2日,北岭大学与海川集团联合主办青川音乐论坛。",
                 "12月1日至2日,北岭大学与海川集团联合主办青川音乐论坛。"):
        assert zh(text, published="2018-12-07").events[0].date == "2018-12-01"


def test_a_list_of_people_taking_one_post():
    x = zh("7月2日,青川产业创新联盟成立。北岭大学教授郑明当选联盟首任理事长;青川大学教授吴芳,"
           "青川省化学学会理事长孙强等5位专家当选为联盟副理事长。")
    assert {("吴芳", "青川产业创新联盟"), ("孙强", "青川产业创新联盟"), ("孙强", "青川省化学学会")} <= people(x)
    assert ("郑明", "青川产业创新联盟") in people(x)


def test_a_supervisor_of_doctoral_students_is_a_post():
    x = zh("北岭大学教授、博士生导师陈刚作报告。")
    assert [(p.name, p.title, p.org) for p in x.people] == [("陈刚", "教授、博士生导师", "北岭大学")]


def test_an_agreement_to_set_up_is_no_set_up():
    x = zh("6月16日,北岭大学与海川集团签署共建研究院协议,青川大学与远景股份签订共建实验室合作协议。")
    assert events(x) == {("agreement", frozenset({"北岭大学", "海川集团"})),
                         ("agreement", frozenset({"青川大学", "远景股份"}))}


def test_pairs_listed_then_signing_respectively():
    x = zh("会上,北岭大学与海川集团、青川大学与远景股份分别签订合作协议。")
    assert events(x) == {("agreement", frozenset({"北岭大学", "海川集团"})),
                         ("agreement", frozenset({"青川大学", "远景股份"}))}


def test_a_plaque_after_signings_one_to_one_is_one_per_pair():
    x = zh("会上,北岭大学分别与海川集团、远景股份签订了合作协议,并为“北岭大学实习基地”授牌。")
    pairs = {frozenset({"北岭大学", "海川集团"}), frozenset({"北岭大学", "远景股份"})}
    assert {p for t, p in events(x) if t == "joint_entity"} == pairs
    x = zh("会上,北岭大学与海川集团、远景股份共同为“青川智能制造联盟”揭牌。")
    assert events(x) == {("joint_entity", frozenset({"北岭大学", "海川集团", "远景股份"}))}


def test_talks_named_as_consultations():
    for text in ("6月16日,北岭大学与海川集团举行工作会商。", "6月16日,北岭大学与青川市人民政府进行了深入磋商。",
                 "6月16日,北岭大学与海川集团就共建研究院进行商谈。"):
        assert {t for t, _ in events(zh(text))} == {"meeting"}
    # talks during a visit are part of it
    x = zh("6月16日,海川集团总经理王刚一行到北岭大学考察洽谈。")
    assert events(x) == {("visit", frozenset({"海川集团", "北岭大学"}))}


def test_a_joint_institute_set_up_by_a_clause_is_named_from_its_own_words():
    x = zh("北岭大学与俄罗斯莫斯科国立大学合作举办的中俄联合研究院揭牌。")
    [ev] = x.events
    assert (ev.entity, set(ev.parties)) == ("中俄联合研究院", {"北岭大学", "俄罗斯莫斯科国立大学"})


def test_a_foreign_name_with_john_and_smith():
    x = zh("6月16日,英国曼彻斯特大学副校长约翰·史密斯一行访问北岭大学。")
    assert people(x) == {("约翰·史密斯", "英国曼彻斯特大学")}


def test_verbs_of_joining_or_being_invited_end_a_name():
    x = zh("6月16日,青川市科技局会同北岭大学召开座谈会。")
    assert org_names(x) == ["青川市科技局", "北岭大学"]
    x = zh("海川集团联手北岭大学成立青川氢能研究院。")
    assert events(x) == {("joint_entity", frozenset({"海川集团", "北岭大学"}))}
    assert "北岭大学" in org_names(zh("海川集团受邀北岭大学参加论坛。"))


def test_a_double_ceremony_joined_by_ji():
    x = zh("6月16日,北岭大学与海川集团校企合作签约仪式暨海川智能产业学院揭牌仪式举行。")
    assert events(x) == {("agreement", frozenset({"北岭大学", "海川集团"})),
                         ("joint_entity", frozenset({"北岭大学", "海川集团"}))}
    assert [e.entity for e in x.events if e.type == "joint_entity"] == ["海川智能产业学院"]
    assert "暨南大学" in org_names(zh("6月16日,暨南大学与海川集团签约。"))


def test_a_group_named_by_its_brand_and_a_university_contracted():
    x = zh("6月16日,青川海川科技集团股份有限公司与北岭大学签约。海川集团董事长王明出席。")
    assert aliases(x)["青川海川科技集团股份有限公司"] == ["海川集团"]
    assert people(x) == {("王明", "青川海川科技集团股份有限公司")}
    x = zh("6月16日,北岭理工大学与海川集团签约。北理工校长王明出席。")
    assert aliases(x)["北岭理工大学"] == ["北理工"]
    # another university sharing a first character is no contraction
    x = zh("6月16日,北岭理工大学与北方大学签约。")
    assert sorted(org_names(x)) == ["北岭理工大学", "北方大学"]


def test_a_later_bare_mention_with_a_post_adds_no_entry():
    x = zh("10月9日,北岭大学与海川集团签约。签约前,北岭大学王强副校长作了讲座。王强副校长与赵刚总经理代表双方签约。")
    assert ("王强", None) not in people(x)
    assert ("王强", "北岭大学") in people(x)


def test_a_guest_body_attending_another_pair_signing_is_no_party():
    x = zh("6月16日,北岭大学校长王明出席了青川市人民政府与海川集团的签约仪式。")
    assert events(x) == {("agreement", frozenset({"青川市人民政府", "海川集团"}))}
    x = zh("6月16日,北岭大学校长王明、青川市副市长李强见证了北岭大学与青川市人民政府、海川集团的三方签约。")
    assert events(x) == {("agreement", frozenset({"北岭大学", "青川市人民政府", "海川集团"}))}


def test_a_unit_of_the_body_referred_to_is_no_name():
    x = zh("6月16日,北岭大学师生参观了学校实验室和图书馆。")
    assert org_names(x) == ["北岭大学"] and events(x) == set()
