"""Chinese events whose one side is the article's own body or a generic one it never names
(我市, 我校, 我院, 市政府: CONVENTIONS 2), on short texts written for these tests (invented
bodies, people and places). The bodies listed on the other side are not partners of each other,
nor is a body whose people came with the delegation the host."""

from __future__ import annotations

from zh_helpers import event_pairs as events
from zh_helpers import zh


def _agreement(a: str, b: str) -> tuple[str, frozenset[str]]:
    return ("agreement", frozenset({a, b}))


# a signing with an unnamed side -----------------------------------------------------------
def test_bodies_listed_after_an_unnamed_city_are_not_partners_of_each_other():
    x = zh("3月29日,我市与青禾银行临江分行、澜川银行临江分行、青峰银行临江分行举行全面合作签约仪式。")
    assert events(x) == set()


def test_bodies_listed_before_an_unnamed_school_are_not_partners_of_each_other():
    x = zh("青禾银行、澜川科技有限公司等11家企业与我校签下4年一期的人才培育合作计划。")
    assert events(x) == set()


def test_a_generic_government_with_no_named_body_signs_with_no_one_listed():
    x = zh("3月29日,市政府与青禾银行、澜川科技有限公司签署合作协议。")
    assert events(x) == set()


def test_an_unnamed_lead_does_not_make_the_listed_bodies_the_articles_pair():
    x = zh("3月29日,我市与青禾银行临江分行、澜川银行临江分行举行签约仪式。双方将在基础设施等领域开展合作,"
           "并签署了合作备忘录。")
    assert events(x) == set()


def test_a_self_reference_the_article_names_is_that_body():
    x = zh("青禾大学新闻网。3月29日,我校与青禾银行签署合作协议。")
    assert events(x) == {_agreement("青禾大学", "青禾银行")}


def test_a_generic_government_the_article_names_is_that_body():
    x = zh("临江市人民政府简介。3月29日,市政府与青禾银行、澜川科技有限公司签署合作协议。")
    assert events(x) == {("agreement", frozenset({"临江市人民政府", "青禾银行", "澜川科技有限公司"}))}


def test_named_bodies_on_both_sides_still_sign():
    assert events(zh("青禾银行与澜川科技有限公司签署合作协议。")) == {_agreement("青禾银行", "澜川科技有限公司")}
    x = zh("3月29日,青禾大学与青禾银行、澜川科技有限公司分别签署合作协议。")
    assert events(x) == {_agreement("青禾大学", "青禾银行"), _agreement("青禾大学", "澜川科技有限公司")}


# a delegation coming to the article's own body ----------------------------------------------
def test_a_body_whose_people_came_with_the_delegation_is_not_the_host():
    x = zh("3月9日下午,青禾大学副校长王明、澜川学院党委书记李华等一行6人莅临我院参观交流。")
    assert events(x) == set()


def test_the_own_body_the_article_names_is_the_host():
    x = zh("澜川医院新闻中心。3月9日下午,青禾大学副校长王明、澜川学院党委书记李华等一行6人莅临我院参观交流。")
    assert ("visit", frozenset({"青禾大学", "澜川医院"})) in events(x)


def test_a_delegation_coming_to_a_named_host_still_visits():
    x = zh("3月9日下午,青禾大学副校长王明、澜川学院党委书记李华等一行6人莅临青峰科技有限公司参观交流。")
    assert ("visit", frozenset({"青禾大学", "青峰科技有限公司"})) in events(x)


def test_unnamed_sides_on_hostile_text_stay_linear():
    import time

    text = "我市与" + "青禾银行、" * 3000 + "签约。" + ("澜川学院书记李华、" * 2000) + "一行莅临我院参观。"
    t = time.perf_counter()
    zh(text)
    assert time.perf_counter() - t < 20

