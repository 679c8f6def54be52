"""Chinese signings whose pairs the text names in agreements' titles, in a list of 与-pairs or
through the people who signed, on short texts written for these tests (invented bodies and people)."""

from __future__ import annotations

from zh_helpers import event_pairs as events
from zh_helpers import zh


def _agreement(a: str, b: str) -> tuple[str, frozenset[str]]:
    return ("agreement", frozenset({a, b}))


# titles ----------------------------------------------------------------------------------------
def test_each_title_after_the_verb_naming_two_bodies_is_their_agreement():
    x = zh("5日,甲省人民政府与乙市人民政府在长沙举行合作签约仪式。"
           "双方签署了《北岭大学与南山研究院学术合作协议》《青川集团与东湖银行战略合作协议》。")
    assert events(x) == {_agreement("甲省人民政府", "乙市人民政府"),
                         _agreement("北岭大学", "南山研究院"), _agreement("青川集团", "东湖银行")}


def test_titles_before_their_signing_are_one_agreement_each():
    x = zh("省长见证了《北岭大学与南山研究院学术合作协议》和《青川集团与东湖银行战略合作协议》的签署。")
    assert events(x) == {_agreement("北岭大学", "南山研究院"), _agreement("青川集团", "东湖银行")}


def test_the_signatories_of_titled_agreements_are_not_one_ceremony_of_all():
    x = zh("在省长见证下,双方代表签署了《北岭大学与南山研究院学术合作协议》《青川集团与东湖银行战略合作协议》。")
    assert events(x) == {_agreement("北岭大学", "南山研究院"), _agreement("青川集团", "东湖银行")}


def test_a_title_naming_one_body_names_no_pair():
    x = zh("5日,北岭大学与南山研究院签署了《北岭大学人才培养合作协议》。")
    assert events(x) == {_agreement("北岭大学", "南山研究院")}


# a list of pairs -------------------------------------------------------------------------------
def test_a_list_of_pairs_signing_is_one_agreement_per_pair():
    x = zh("会上,北岭大学与青川钢铁公司、南山研究院与东湖化工公司签署合作协议。")
    assert events(x) == {_agreement("北岭大学", "青川钢铁公司"), _agreement("南山研究院", "东湖化工公司")}


# the people who signed -------------------------------------------------------------------------
def test_people_signing_for_both_sides_stand_for_their_bodies():
    x = zh("3日,北岭博物院院长王明与南山博物馆馆长李强代表双方在临江签订战略合作协议。")
    assert events(x) == {_agreement("北岭博物院", "南山博物馆")}


def test_people_signing_without_standing_for_both_sides_name_no_parties():
    assert zh("3日,北岭博物院院长王明与南山博物馆馆长李强在临江签订战略合作协议。").events == []


# a body and its own unit ---------------------------------------------------------------------
def test_a_body_and_its_own_department_are_no_partners():
    # 我院 (the article's college, never named) signed: the rules read the committee of the
    # department's head as the other side
    x = zh("5月3日,我院与青川区委宣传部签署了校地共建基地协议,青川区委常委、宣传部长谢军出席了签约仪式。")
    assert events(x) == set()


def test_a_body_and_another_body_sign():
    x = zh("5月3日,青川学院与青川区委宣传部签署了校地共建基地协议,青川区委常委、宣传部长谢军出席了签约仪式。")
    assert _agreement("青川学院", "青川区委宣传部") in events(x)


def test_the_committee_and_the_government_of_one_place_are_no_partners():
    # 集团公司 (the article's own group, never named) signed with the county: the people who
    # signed stand for the county's committee and its government
    x = zh("3月2日,集团公司与青川县政府举行签约仪式。\n集团副总经理李明与青川县委副书记、代县长王强代表双方签订项目投资协议。\n"
           "王强代表青川县委、县政府对集团的支持表示感谢。")
    assert events(x) == set()
