"""The Chinese rule engine on the genre's shapes found in independently annotated articles:
one pattern per test, on short texts written for these tests (invented bodies and people)."""

from __future__ import annotations

from zh_helpers import event_pairs as events
from zh_helpers import org_names, people, zh

from partnergraph import extract


def rules(text: str):
    """The rule engine alone (the tests of names found by the role a text gives them)."""
    return extract(text, lang="zh", backend="rules")


# parties -------------------------------------------------------------------------------------
def test_organizers_over_several_clauses():
    x = zh("4月20日,第三届青川职业教育论坛在临江开幕。本届论坛由青川省教育厅、临江市人民政府主办,"
           "临江职业技术学院承办。")
    assert events(x) == {("meeting", frozenset({"青川省教育厅", "临江市人民政府", "临江职业技术学院"}))}


def test_founders_led_by_one_and_joined_by_others():
    x = zh("6月18日,由青川汽车工程学会牵头,联合北岭大学、南河大学、青川第一汽车集团有限公司等30余家"
           "单位共同发起的青川智能汽车产业创新联盟在临江成立。")
    assert events(x) == {("joint_entity", frozenset({"青川汽车工程学会", "北岭大学", "南河大学",
                                                     "青川第一汽车集团有限公司"}))}


def test_bodies_jointly_forming_a_medical_group():
    x = zh("3月25日,北岭大学东江医院与临江市第三人民医院、临江市第五人民医院共同组建的城市医疗集团揭牌成立。")
    ev = x.events[0]
    assert (ev.type, set(ev.parties)) == (
        "joint_entity", {"北岭大学东江医院", "临江市第三人民医院", "临江市第五人民医院"})
    assert ev.entity == "城市医疗集团"


def test_lab_named_by_its_two_founders():
    x = zh("10月10日,远航技术有限公司与北岭电子科技大学联合实验室揭牌仪式在临江举行。")
    assert events(x) == {("joint_entity", frozenset({"远航技术有限公司", "北岭电子科技大学"}))}


# visits --------------------------------------------------------------------------------------
def test_a_tour_of_several_hosts_is_one_visit_each():
    x = zh("6月3日,北岭工业大学校长王强带队走访了临江海川数字技术股份有限公司和青川吉达控股集团有限公司。")
    assert events(x) == {
        ("visit", frozenset({"北岭工业大学", "临江海川数字技术股份有限公司"})),
        ("visit", frozenset({"北岭工业大学", "青川吉达控股集团有限公司"})),
    }


def test_a_tour_going_to_several_hosts():
    x = zh("5月8日,北岭大学党委书记李明一行先后到临江电气集团、青川重工集团调研。")
    assert events(x) == {
        ("visit", frozenset({"北岭大学", "临江电气集团"})),
        ("visit", frozenset({"北岭大学", "青川重工集团"})),
    }


# organization names --------------------------------------------------------------------------
def test_a_member_role_before_a_name_is_no_part_of_it():
    x = zh("联盟理事长单位临江工业大学、副理事长单位北岭大学出席会议。")
    assert set(org_names(x)) == {"临江工业大学", "北岭大学"}


def test_a_campus_in_parentheses_is_part_of_the_name():
    x = zh("3月10日,青川石油大学(华东)党委书记郝明一行来到临江海达集团交流访问。")
    assert "青川石油大学(华东)" in org_names(x)
    assert ("郝明", "青川石油大学(华东)") in people(x)
    uni = next(o for o in x.organizations if o.name.startswith("青川石油大学"))
    assert uni.kind == "university"


def test_a_city_without_its_shi_opens_a_company_name():
    x = zh("临江海达集团与北岭大学签约。海达集团董事长周云出席。")
    full = next(o for o in x.organizations if o.name == "临江海达集团")
    assert "海达集团" in full.aliases


def test_a_branch_named_without_the_legal_ending():
    x = zh("北岭大学与青川电信股份有限公司江南分公司签约。青川电信江南分公司总经理李思出席。")
    full = next(o for o in x.organizations if o.name == "青川电信股份有限公司江南分公司")
    assert "青川电信江南分公司" in full.aliases
    assert ("李思", "青川电信股份有限公司江南分公司") in people(x)


def test_a_verb_before_a_name_is_no_part_of_it():
    x = zh("北岭大学东江医院与临江市人民政府签署合作协议,共同建设北岭大学东江医院南湖院区。")
    assert "共同建设北岭大学东江医院" not in org_names(x)
    assert "建设北岭大学东江医院" not in org_names(x)


def test_head_words_alone_are_no_name():
    x = zh("北岭大学走访了的集团股份有限公司。")
    assert "集团股份有限公司" not in org_names(x)


# events beside events -----------------------------------------------------------------------
def test_a_delegation_signing_also_visited():
    x = zh("北岭城市大学与南洋学术合作协会(SEACA)代表团签署谅解备忘录。")
    assert events(x) == {
        ("agreement", frozenset({"北岭城市大学", "南洋学术合作协会"})),
        ("visit", frozenset({"北岭城市大学", "南洋学术合作协会"})),
    }


def test_both_sides_as_subject_of_a_later_clause():
    x = zh("7月2日,临江海洋大学代表团赴青川水产研究所交流访问。双方就共建海洋生物联合实验室进行了"
           "深入交流,并签署了合作备忘录。")
    assert events(x) == {
        ("visit", frozenset({"临江海洋大学", "青川水产研究所"})),
        ("agreement", frozenset({"临江海洋大学", "青川水产研究所"})),
    }


def test_a_lab_unveiled_by_people_of_two_bodies():
    x = zh("青川大学与临江电子集团签署协议。青川大学校长李建明一行参观了展厅,并和临江电子集团董事长"
           "张兆明一同为联合实验室揭牌。")
    assert ("joint_entity", frozenset({"青川大学", "临江电子集团"})) in events(x)


def test_projects_agreed_are_not_set_up():
    x = zh("10月14日,青川大学与临江区人民政府签署4项合作协议,共建中医药研究院、智慧文旅研究院等合作项目。")
    assert events(x) == {("agreement", frozenset({"青川大学", "临江区人民政府"}))}


def test_a_delegation_of_so_many_people_went():
    x = zh("12月1日,北岭医科大学附属医院与青川县人民医院签订帮扶协议。当天,北岭医科大学附属医院专家"
           "团队一行15人到青川县人民医院开展义诊活动。")
    assert ("visit", frozenset({"北岭医科大学附属医院", "青川县人民医院"})) in events(x)


def test_signing_with_the_bodies_just_visited_is_one_agreement_each():
    x = zh("9月20日,临江职业技术学院副院长王刚带队先后走访了青川机械有限公司、临江电子科技有限公司、"
           "北岭精密制造有限公司,并分别与三家企业签订了校企合作协议。")
    agreements = {e for e in events(x) if e[0] == "agreement"}
    assert agreements == {
        ("agreement", frozenset({"临江职业技术学院", "青川机械有限公司"})),
        ("agreement", frozenset({"临江职业技术学院", "临江电子科技有限公司"})),
        ("agreement", frozenset({"临江职业技术学院", "北岭精密制造有限公司"})),
    }


# names without a head word -------------------------------------------------------------------
def test_a_development_zone_that_signs_is_a_government_body():
    x = zh("6月5日,临江经济技术开发区与北岭大学签署战略合作协议。")
    kinds = {o.name: o.kind for o in x.organizations}
    assert kinds["临江经济技术开发区"] == "government"
    assert events(x) == {("agreement", frozenset({"临江经济技术开发区", "北岭大学"}))}


def test_a_zone_that_is_only_a_place_is_no_body():
    x = zh("3月8日,北岭大学在临江高新区举行校友座谈会。")
    assert org_names(x) == ["北岭大学"]


def test_brands_listed_as_companies():
    x = zh("5月10日,临江学院校长李平一行先后走访了华达、海川科技、远景等5家企业。")
    assert {"华达", "海川科技", "远景"} <= set(org_names(x))
    assert ("visit", frozenset({"临江学院", "华达"})) in events(x)


def test_words_that_hold_a_stop_character_stay_inside_names():
    x = zh("5月1日,青川大数据产业联盟、青川在线科技有限公司与北岭就业服务集团签约。")
    assert set(org_names(x)) == {"青川大数据产业联盟", "青川在线科技有限公司", "北岭就业服务集团"}


def test_a_stop_word_inside_a_head_word_ends_nothing():
    x = zh("5月1日,青川科技创新促进会与临江互联网协会签约。")
    assert set(org_names(x)) == {"青川科技创新促进会", "临江互联网协会"}


def test_a_ministry_department_keeps_its_inner_conjunction():
    x = zh("教育部国际合作与交流司副司长于明海来访。")
    assert org_names(x) == ["教育部国际合作与交流司"]
    assert ("于明海", "教育部国际合作与交流司") in people(x)


def test_a_committee_of_a_body_is_the_department_of_a_post():
    x = zh("李中和国家创新与发展研究会学术委员会常务副主席黄明发表演讲。")
    assert org_names(x) == ["国家创新与发展研究会"]
    assert ("黄明", "国家创新与发展研究会") in people(x)


def test_the_republic_is_no_conjunction_and_its_short_form_an_alias():
    x = zh("10月14日,王明代表中国政府与南方国外长阿里签署了《中华人民共和国政府与南方人民共和国政府"
           "关于产能合作的谅解备忘录》。")
    china = next(o for o in x.organizations if o.name == "中华人民共和国政府")
    assert "中国政府" in china.aliases
    assert events(x) == {("agreement", frozenset({"中华人民共和国政府", "南方人民共和国政府"}))}


# meetings ------------------------------------------------------------------------------------
def test_people_of_several_bodies_gathering_is_a_meeting():
    x = zh("3月29日,青川铸造协会会长张明、临江市铸造协会会长徐清,北岭省铸造协会秘书长谈悦齐聚"
           "青川铸造协会临江办事处,共商行业发展大计。")
    assert events(x) == {("meeting", frozenset({"青川铸造协会", "临江市铸造协会", "北岭省铸造协会"}))}


def test_people_gathered_to_witness_a_signing_are_the_signing_not_a_meeting():
    # GUIDELINES.md: a meeting held at a signing ceremony is part of that signing
    x = zh("3月29日,青川体育学院与临江体育大学举行签约仪式,青川体育学院院长张明、临江体育大学校长徐清"
           "齐聚一堂,共同见证双方签署合作协议。")
    assert not any(e[0] == "meeting" for e in events(x))
    assert ("agreement", frozenset({"青川体育学院", "临江体育大学"})) in events(x)


def test_an_alliance_named_after_its_leading_body_meets():
    x = zh("12月23日,临江农林学院产学研合作联盟第三次会议召开。")
    assert events(x) == {("meeting", frozenset({"临江农林学院产学研合作联盟", "临江农林学院"}))}


# set-ups and visits --------------------------------------------------------------------------
def test_a_base_set_up_at_a_host():
    x = zh("5月8日,北岭大学在青川重工集团有限公司挂牌成立“北岭大学研究生联合培养基地”。")
    ev = x.events[0]
    assert (ev.type, set(ev.parties)) == ("joint_entity", {"北岭大学", "青川重工集团有限公司"})
    assert ev.entity == "北岭大学研究生联合培养基地"


def test_a_host_welcoming_a_delegation():
    x = zh("9月15日,青川大学迎来临江科技大学代表团。")
    assert org_names(x) == ["青川大学", "临江科技大学"]
    assert events(x) == {("visit", frozenset({"青川大学", "临江科技大学"}))}


def test_a_tour_led_to_many_hosts_then_signing_with_each():
    x = zh("9月20日,临江职业技术学院院长王刚带队赴青川机械有限公司、临江电子科技有限公司、北岭精密"
           "制造有限公司、南湖汽车零部件有限公司、东江智能装备有限公司走访调研,并签订校企合作协议。")
    hosts = {"青川机械有限公司", "临江电子科技有限公司", "北岭精密制造有限公司", "南湖汽车零部件有限公司",
             "东江智能装备有限公司"}
    assert events(x) == {(t, frozenset({"临江职业技术学院", h})) for t in ("visit", "agreement")
                         for h in hosts}


def test_a_leader_taking_staff_along_is_a_visit():
    x = zh("9月20日,临江职业技术学院党委书记李明带领相关部门负责人走访了青川机械有限公司。")
    assert events(x) == {("visit", frozenset({"临江职业技术学院", "青川机械有限公司"}))}


def test_a_national_prefix_dropped_is_an_alias():
    x = zh("國立北岭科技大學與澳門青川大學簽署協議。青川大學校長劉駿一行到訪北岭科技大學。")
    full = next(o for o in x.organizations if o.name == "國立北岭科技大學")
    assert "北岭科技大學" in full.aliases


# people --------------------------------------------------------------------------------------
def test_foreign_names_after_a_post():
    x = zh("在南方国总统巴斯克斯访华期间,王明与北方国外长穆罕默德·阿里签署协议。")
    assert {("巴斯克斯", None), ("穆罕默德·阿里", None)} <= people(x)


def test_an_honorific_after_a_name_is_no_second_person():
    x = zh("北岭城市大学校长罗斯尼扎・宾蒂・沙里教授在欢迎辞中表示感谢。")
    assert people(x) == {("罗斯尼扎・宾蒂・沙里", "北岭城市大学")}


def test_a_name_before_a_verb_of_speech():
    x = zh("青川电力企业联合会理事长辛保安致开幕辞。")
    assert people(x) == {("辛保安", "青川电力企业联合会")}


def test_a_name_before_a_post_after_zai():
    x = zh("在李近平主席访问期间,双方签署协议。")
    assert ("李近平", None) in people(x)


def test_a_teaching_hospital_unveiled_after_a_signing():
    x = zh("5月27日,青川中医院与北岭中医药大学签署合作协议并举行“北岭中医药大学教学医院”揭牌仪式。")
    assert events(x) == {("agreement", frozenset({"青川中医院", "北岭中医药大学"})),
                         ("joint_entity", frozenset({"青川中医院", "北岭中医药大学"}))}


def test_a_field_of_past_cooperation_is_no_set_up():
    x = zh("12月3日,北岭大学校长王明一行来到青川大学交流。两校在共建协同创新工作室等方面取得了成效。")
    assert events(x) == {("visit", frozenset({"北岭大学", "青川大学"}))}


def test_a_tour_told_stop_by_stop():
    x = zh("临江职业技术学院院长王刚一行到青川市重点企业走访调研。在青川机械有限公司,王刚一行参观了"
           "生产车间,双方签订了校企合作协议。在临江电子科技有限公司,双方就人才培养进行了深入交流,"
           "并签订了合作协议。")
    assert events(x) == {(t, frozenset({"临江职业技术学院", h})) for t in ("visit", "agreement")
                         for h in ("青川机械有限公司", "临江电子科技有限公司")}


def test_a_tour_by_a_leader_then_signing_with_the_two_hosts():
    x = zh("临江职业技术学院党委书记张明带队赴青川市开展访企拓岗活动。张明一行先后来到青川机械有限公司、"
           "临江电子科技有限公司,与企业负责人座谈交流,并签订了校企合作协议。")
    assert events(x) == {(t, frozenset({"临江职业技术学院", h})) for t in ("visit", "agreement")
                         for h in ("青川机械有限公司", "临江电子科技有限公司")}


def test_our_college_is_the_one_college_named():
    x = zh("临江职业技术学院新闻网\n3月5日,我院与青川科技集团签署校企合作协议。")
    assert events(x) == {("agreement", frozenset({"临江职业技术学院", "青川科技集团"}))}


def test_more_visit_and_talks_shapes():
    for text in ("3月5日,北岭大学代表团到青川科技集团交流。",
                 "3月5日,北岭大学党委书记王明一行走进青川科技集团,与集团董事长李强座谈。",
                 "3月5日,北岭大学校长王明拜会了青川科技集团董事长李强。"):
        assert events(zh(text)) == {("visit", frozenset({"北岭大学", "青川科技集团"}))}, text
    x = zh("3月5日,北岭大学与青川科技集团召开校企合作洽谈会。")
    assert events(x) == {("meeting", frozenset({"北岭大学", "青川科技集团"}))}


def test_a_news_lead_the_furniture_filter_drops_is_still_read():
    x = zh("记者从北岭大学获悉,3月5日,北岭大学与青川科技集团签署战略合作协议,双方将在人才培养等方面开展合作。")
    assert events(x) == {("agreement", frozenset({"北岭大学", "青川科技集团"}))}


def test_companies_visited_named_without_a_legal_ending():
    x = zh("9月20日,临江职业技术学院院长王刚带队先后走访了青川智能装备、华达精密、远景新能源和东江电子,"
           "并与企业签订了校企合作协议。")
    hosts = {"青川智能装备", "华达精密", "远景新能源", "东江电子"}
    assert hosts <= set(org_names(x))
    assert events(x) == {(t, frozenset({"临江职业技术学院", h})) for t in ("visit", "agreement")
                         for h in hosts}


def test_a_city_visited_or_a_field_is_no_company():
    assert org_names(zh("3月5日,北岭大学党委书记王明一行赴深圳考察交流。")) == ["北岭大学"]
    assert org_names(zh("北岭大学与海川集团在人工智能、新能源、生物医药等领域开展合作。")) == [
        "北岭大学", "海川集团"]


def test_a_numbered_institute_and_its_short_form():
    x = zh("2016-11-10 青川航天科工十院\n11月8日,十院与北岭师范大学签订战略合作协议。十院院长张兆明出席。")
    assert events(x) == {("agreement", frozenset({"青川航天科工十院", "北岭师范大学"}))}
    assert ("张兆明", "青川航天科工十院") in people(x)


def test_museums_and_kindergartens_are_bodies():
    x = zh("青川市博物馆与北岭实验幼儿园签署馆校合作协议。")
    assert set(org_names(x)) == {"青川市博物馆", "北岭实验幼儿园"}


def test_a_post_after_de_and_a_name_after_de():
    x = zh("青川集团的董事长王明、来自北岭大学的李强教授出席了签约仪式。")
    assert people(x) == {("王明", "青川集团"), ("李强", "北岭大学")}


def test_vocational_schools_are_bodies():
    x = zh("青川市职教中心与北岭卫校签署合作协议。")
    assert set(org_names(x)) == {"青川市职教中心", "北岭卫校"}


def test_a_party_named_in_latin_letters():
    x = zh("5月3日,北岭大学与Universiti Nusantara签署合作备忘录。")
    kinds = {o.name: o.kind for o in x.organizations}
    assert kinds["Universiti Nusantara"] == "university"
    assert events(x) == {("agreement", frozenset({"北岭大学", "Universiti Nusantara"}))}


def test_our_college_named_only_in_the_page_footer():
    x = zh("3月5日,我院党委书记张明带队走访了青川机械有限公司,并与企业签订了校企合作协议。\n"
           "版权所有 © 临江职业技术学院")
    assert events(x) == {(t, frozenset({"临江职业技术学院", "青川机械有限公司"}))
                         for t in ("visit", "agreement")}


def test_ordinal_numbers_and_latin_tokens_inside_names():
    x = zh("3月5日,北岭大学与青川电子科技集团公司第38研究所、北岭5G产业联盟签约。全国50强大学名单公布。")
    assert set(org_names(x)) == {"北岭大学", "青川电子科技集团公司第38研究所", "北岭5G产业联盟"}


def test_a_category_with_its_modifier_before_a_name_is_no_part_of_it():
    x = zh("3月5日,北岭大学与龙头企业青川海达集团、知名高校临江大学、三甲医院青川市人民医院签约。"
           "合作企业东江机械有限公司也参加了签约。")
    assert set(org_names(x)) == {"北岭大学", "青川海达集团", "临江大学", "青川市人民医院",
                                 "东江机械有限公司"}


def test_a_job_fair_tour_over_several_sentences():
    x = zh("5月16日,临江职业技术学院党委书记、院长王刚带队赴青川市开展访企拓岗专项行动,学院招生就业处、"
           "智能制造学院负责人随行。\n访问团一行先后走访了青川海达智能装备有限公司、东江精密机械股份有限公司"
           "等2家企业。\n在青川海达智能装备有限公司,双方签订了校企合作协议,并为“临江职业技术学院实习就业基地”"
           "揭牌。\n此次活动,学院共与2家企业签订校企合作协议。")
    hosts = ("青川海达智能装备有限公司", "东江精密机械股份有限公司")
    want = {(t, frozenset({"临江职业技术学院", h})) for t in ("visit", "agreement") for h in hosts}
    want.add(("joint_entity", frozenset({"临江职业技术学院", "青川海达智能装备有限公司"})))
    assert events(x) == want


def test_short_brands_as_partners_and_people_as_signers():
    x = zh("3月5日,北岭大学携手海川共建人工智能学院。")
    assert ("joint_entity", frozenset({"北岭大学", "海川"})) in events(x)
    x = zh("3月5日,王明与李强分别代表双方签署协议。北岭大学校长王明、海川集团董事长李强出席。")
    assert "王明" not in org_names(x) and "李强" not in org_names(x)


def test_a_joint_name_running_its_founders_together():
    x = zh("3月5日,青川大学北岭医院联合实验室揭牌仪式举行。")
    assert events(x) == {("joint_entity", frozenset({"青川大学", "北岭医院"}))}
    assert org_names(zh("3月5日,青川大学国家重点实验室揭牌。")) == ["青川大学国家重点实验室"]


def test_a_body_named_only_before_a_post():
    x = zh("5月10日,西部建设董事长王明出席论坛。全国人大常委会副委员长、民进中央主席严明出席。"
           "办公室主任张伟、项目负责人刘洋、活动组委会主任陈刚出席。")
    assert {("王明", "西部建设"), ("严明", "民进中央")} <= people(x)
    assert not {"办公室", "项目", "活动组委会"} & set(org_names(x))
    assert x.events == []


def test_organizers_named_without_a_head_word():
    x = zh("3月5日,第二届青川论坛开幕。本次论坛由海川科技主办、远景电气承办,北岭大学协办。")
    assert events(x) == {("meeting", frozenset({"海川科技", "远景电气", "北岭大学"}))}


def test_posts_at_three_bodies_before_one_name():
    x = zh("全国人大常委会副委员长、民进中央主席、活动组委会名誉主任严明出席。")
    assert {("严明", "全国人大常委会"), ("严明", "民进中央"), ("严明", None)} == people(x)


def test_a_department_listed_after_its_body():
    x = zh("教育部国际合作与交流司副司长于明海、欧亚处副处长李海来访。")
    assert ("李海", "教育部国际合作与交流司") in people(x)


def test_a_president_opening_a_sentence_heads_the_one_university():
    x = zh("北岭城市大学与南洋协会签署备忘录。校长罗斯尼扎・宾蒂・沙里在欢迎辞中表示感谢。")
    assert ("罗斯尼扎・宾蒂・沙里", "北岭城市大学") in people(x)


def test_a_given_name_with_si():
    assert people(zh("青川省铸造协会秘书长龚四清出席。")) == {("龚四清", "青川省铸造协会")}


def test_hosts_listed_beside_a_company_and_places_or_venues_that_are_not():
    x = zh("9月20日,临江学院院长王刚一行先后走访了海川科技、比亚迪和宁德时代,并与企业签订了校企合作协议。")
    assert {"海川科技", "比亚迪", "宁德时代"} <= set(org_names(x))
    assert org_names(zh("9月20日,临江学院院长王刚一行先后走访了青川集团、东莞和哈尔滨。")) == [
        "临江学院", "青川集团"]
    x = zh("参会领导参观考察了临江学院医学实验中心、模拟示教室、图书馆。")
    assert "模拟示教室" not in org_names(x) and "图书馆" not in org_names(x)


def test_a_host_receiving_a_delegation():
    x = zh("6月1日,北岭大学校长王明会见了青川集团董事长李强一行,双方就进一步深化合作进行了交流。")
    assert events(x) == {("visit", frozenset({"北岭大学", "青川集团"}))}
    assert zh("6月1日,北岭大学校长王明会见了青川集团董事长李强。").events == []


def test_guests_of_a_set_up_in_the_next_clause_are_no_founders():
    x = zh("5月12日,青川市人民医院成立罕见病诊疗中心,北岭大学附属医院专家应邀出席揭牌仪式。")
    assert x.events == []


def test_the_alliance_referred_to_by_gai_lianmeng():
    x = zh("3月5日,青川高校产学研联盟第一次会议召开。据了解,该联盟由青川大学、北岭大学和临江大学于"
           "2018年共同发起成立。")
    ev = next(e for e in x.events if e.type == "joint_entity")
    assert set(ev.parties) == {"青川大学", "北岭大学", "临江大学"}
    assert ev.date == "2018" and ev.entity == "青川高校产学研联盟"


def test_where_guests_come_from_and_lists_of_colleges():
    x = zh("来自华达、海川和远景能源的专家参加了研讨会。北岭大学、青川师院和临江航院等高校的代表出席。")
    assert {"华达", "海川", "远景能源", "青川师院", "临江航院"} <= set(org_names(x))
    assert org_names(zh("来自北京、上海和深圳的专家参加了研讨会。")) == []


def test_a_website_named_in_the_header_is_no_actor():
    x = zh("欢迎您来到青川省机械工业联合会网站\n3月5日,北岭大学与海川集团签署合作协议。")
    assert set(org_names(x)) == {"北岭大学", "海川集团"}


# hospitals -----------------------------------------------------------------------------------
def test_a_medical_consortium_signed_and_unveiled():
    x = zh("3月10日,青川市人民医院与临江县人民医院医联体签约暨揭牌仪式在临江县人民医院举行。")
    assert events(x) == {(t, frozenset({"青川市人民医院", "临江县人民医院"}))
                         for t in ("agreement", "joint_entity")}


def test_a_hospital_taking_over_another():
    x = zh("7月7日,北岭大学第二医院正式托管青川县中医院,双方举行了托管签约暨揭牌仪式。")
    assert set(org_names(x)) == {"北岭大学第二医院", "青川县中医院"}
    assert ("agreement", frozenset({"北岭大学第二医院", "青川县中医院"})) in events(x)


def test_a_specialty_alliance_and_its_members():
    x = zh("8月8日,青川市人民医院心血管内科专科联盟成立,首批成员单位包括临江县人民医院、东江县人民医院"
           "等8家医院。")
    assert events(x) == {("joint_entity", frozenset({"青川市人民医院", "临江县人民医院",
                                                     "东江县人民医院"}))}


def test_a_body_that_only_guides_a_forum_is_no_organizer():
    x = zh("11月5日,2023青川产教融合发展论坛在青川大学举行。论坛由青川省教育厅指导,青川大学、北岭集团"
           "联合主办。")
    assert events(x) == {("meeting", frozenset({"青川大学", "北岭集团"}))}


def test_a_delegation_arriving_then_signing():
    x = zh("3月5日,北岭大学代表团一行抵达青川大学,双方签署了学术交流协议。")
    assert set(org_names(x)) == {"北岭大学", "青川大学"}
    assert events(x) == {(t, frozenset({"北岭大学", "青川大学"})) for t in ("visit", "agreement")}


def test_verbs_of_visiting_and_being_named_end_a_name():
    x = zh("北岭大学领导回访青川集团。青川职业学院入选北岭省高水平专业群建设单位。")
    assert set(org_names(x)) == {"北岭大学", "青川集团", "青川职业学院"}


def test_the_venue_and_the_witness_of_a_signing_are_no_parties():
    for text in ("3月5日,北岭大学与青川集团在临江大学举行战略合作签约仪式。",
                 "3月5日,北岭大学与青川集团在临江市人民政府的见证下签署战略合作协议。"):
        assert events(zh(text)) == {("agreement", frozenset({"北岭大学", "青川集团"}))}, text


def test_plaques_given_to_several_bodies_one_event_each():
    x = zh("5月12日,青川省人民医院院长王虹为临江区人民医院、东江县人民医院授牌。")
    assert events(x) == {("joint_entity", frozenset({"青川省人民医院", h}))
                         for h in ("临江区人民医院", "东江县人民医院")}
    x = zh("5月12日,青川大学为北岭集团授予“青川大学实习实践基地”牌匾。")
    assert events(x) == {("joint_entity", frozenset({"青川大学", "北岭集团"}))}
    assert zh("5月12日,青川市政府为北岭集团授予“先进单位”称号。").events == []


def test_sister_schools_in_traditional_script():
    x = zh("臺灣北岭大學與青川成功大學結為姊妹校。")
    assert events(x) == {("agreement", frozenset({"臺灣北岭大學", "青川成功大學"}))}


def test_a_subjectless_clause_keeps_the_future_of_the_clause_before():
    x = zh("5月18日上午,北岭大学与星河电子集团有限公司签署战略合作协议。根据协议,双方将在人才培养、"
           "科技研发等领域开展合作,共建智能传感联合实验室。")
    assert {t for t, _ in events(x)} == {"agreement"}
    # a set-up told done beside the signing (签署…协议,共建X alone is what was agreed:
    # test_rules_zh_ceremonies)
    done = zh("5月18日上午,北岭大学与星河电子集团有限公司签署战略合作协议,并为智能传感联合实验室揭牌。")
    assert ("joint_entity", frozenset({"北岭大学", "星河电子集团有限公司"})) in events(done)


def test_a_name_without_its_legal_ending_is_an_alias_span():
    from partnergraph.extraction.rules.chinese import extract_items
    from partnergraph.models import Document

    text = "青川大学与澄江电子集团有限公司签署协议。澄江电子集团董事长王立出席。"
    orgs, _, _ = extract_items(Document(id="a", text=text, lang="zh"))
    (group,) = [o for o in orgs if o.name == "澄江电子集团有限公司"]
    assert "澄江电子集团" in group.aliases
    assert {(text[s.start:s.end], s.field) for s in group.evidence} == {
        ("澄江电子集团有限公司", "name"), ("澄江电子集团", "alias")}


def test_a_visitor_referred_to_by_surname_and_post_is_its_body():
    # 副市长陈丽华 named once, then 陈市长 leads the delegation: the city government visited
    x = zh("10月29日上午,江川市人民政府副市长陈丽华出席推介活动。29日下午,陈市长带队赴远川工业大学开展调研。")
    assert ("visit", frozenset({"江川市人民政府", "远川工业大学"})) in events(x)
    y = zh("3月2日,临江大学党委书记、校长林海一行来到青川机械有限公司考察。次日,林校长一行来到北岭精密制造有限公司考察。")
    assert ("visit", frozenset({"临江大学", "北岭精密制造有限公司"})) in events(y)
    # two people of different bodies share the reference: none is meant
    z = zh("江川市人民政府副市长陈丽华、远川市人民政府副市长陈国强出席。下午,陈市长带队赴北岭工业大学开展调研。")
    assert not any("北岭工业大学" in e[1] for e in events(z))


def test_a_compound_surname_stands_whole_before_the_post():
    # 欧阳 is one surname: 副市长欧阳明辉 is then 欧阳市长, not 欧市长
    x = zh("10月29日上午,江川市人民政府副市长欧阳明辉出席推介活动。29日下午,欧阳市长带队赴远川工业大学开展调研。")
    assert ("visit", frozenset({"江川市人民政府", "远川工业大学"})) in events(x)


def test_an_adverb_before_yu_makes_it_a_preposition_not_a_field_of_one_name():
    x = zh("针对通讯领域,工总表示,青策会已与越南软件协会洽签合作备忘录。")
    assert "越南软件协会" in org_names(x)


def test_jingfa_opens_a_department_not_a_stop():
    x = zh("6月2日,北岭市政府经发局局长李明出席活动。")
    assert "北岭市政府经发局" in org_names(x)
    assert "发局" not in org_names(x)


def test_a_list_closed_by_a_count_and_a_kind_with_a_word_before_it():
    x = rules("会上,青川特车、远湖建材、优力维特等22家参会企业分别介绍了融资需求。")
    assert {"青川特车", "远湖建材", "优力维特"} <= set(org_names(x))
    x = rules("会议听取了意见,青行、临行等9家银行依次对相应企业作了回应。")
    assert {"青行", "临行"} <= set(org_names(x))


def test_a_list_closed_by_a_count_without_deng():
    x = rules("青川科技大学今天与正昌、远象及华茂3家公司成立技研中心。")
    assert {"正昌", "远象", "华茂"} <= set(org_names(x))


def test_a_foreign_firm_is_named_without_its_trade_word():
    x = rules("经济部访问团除拜会美商星软及翔音等9个产官学单位外,也参加了研讨会。")
    assert {"星软", "翔音"} <= set(org_names(x))
    assert "美商星软" not in org_names(x)


def test_a_body_glossed_by_its_latin_name_is_a_name_a_place_or_person_is_not():
    x = rules("此行共计拜会美商星软(Starsoft)、翔音(Xiangyin)、远光(Yuanguang)与墨尔本(Melbourne)的学者,"
              "并会见马克(Mark Lee)。")
    assert {"星软", "翔音", "远光"} <= set(org_names(x))
    assert not {"墨尔本", "马克", "美商星软"} & set(org_names(x))
    x = rules("双方签署合作备忘录(MOU)。英国泰晤士高等教育(THE)公布了排名。")
    assert not any("备忘录" in n or "泰晤士" in n for n in org_names(x))


def test_a_list_of_the_heads_of_listed_companies_names_people_not_bodies():
    x = rules("商会会长晁先东、副会长李新来、王志强、张伯中等36家会员企业董事长出席。")
    assert not {"王志强", "张伯中"} & set(org_names(x))


def test_zhi_said_before_a_name_is_no_part_of_it_but_zhihuibu_is():
    x = zh("香港特区政府医务卫生局局长陈明。陈明指特区政府已与国家卫健委签署协议。")
    assert not any(n.startswith("指") or "明指" in n for n in org_names(x))
    x = zh("青川市防汛抗旱指挥部与北岭大学签署协议。")
    assert "青川市防汛抗旱指挥部" in org_names(x)


def test_bodies_named_only_by_a_list_or_a_gloss_are_organizations_not_parties():
    x = rules("青川工业局访问团除拜会美商星软及翔音等9个产官学单位外,也和远湾产业联盟等产业团体签署6项合作备忘录。")
    assert {"星软", "翔音", "青川工业局", "远湾产业联盟"} <= set(org_names(x))
    assert ("agreement", frozenset({"青川工业局", "远湾产业联盟"})) in events(x)
    assert not any({"星软", "翔音"} & parties for _, parties in events(x))
