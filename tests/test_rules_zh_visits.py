"""Chinese visits whose visitor or host the text names through a person or a place, on short
texts written for these tests (invented bodies, people and places)."""

from __future__ import annotations

from zh_helpers import event_pairs as events
from zh_helpers import org_names, zh

ROSTER = "北岭大学校长王明、青川集团董事长李强出席活动。"


def _visit(a: str, b: str) -> tuple[str, frozenset[str]]:
    return ("visit", frozenset({a, b}))


# visitor and host through their people -------------------------------------------------------
def test_a_host_meets_a_delegation_both_named_by_their_leaders():
    x = zh(ROSTER + "6月1日,王明会见了李强一行。")
    assert events(x) == {_visit("北岭大学", "青川集团")}


def test_a_host_receives_a_delegation_named_by_its_leader():
    assert events(zh(ROSTER + "6月1日,王明热情接待了李强一行。")) == {_visit("北岭大学", "青川集团")}
    assert events(zh(ROSTER + "6月1日,北岭大学热情接待了李强一行。")) == {_visit("北岭大学", "青川集团")}


def test_several_leaders_of_one_delegation_are_each_a_visitor():
    x = zh("北岭大学校长王明、青川集团董事长李强、东湖科技有限公司总经理赵刚出席活动。"
           "6月1日,王明会见了李强、赵刚一行。")
    assert events(x) == {_visit("北岭大学", "青川集团"), _visit("北岭大学", "东湖科技有限公司")}


def test_meeting_a_person_with_no_delegation_is_no_visit():
    assert zh(ROSTER + "6月1日,王明会见了李强。").events == []
    # the delegation's word in the next clause is another group's
    assert zh(ROSTER + "6月1日,王明会见了李强,随后与学生一行合影。").events == []


def test_a_clause_with_no_subject_goes_on_with_the_delegation_led_out():
    x = zh("青川集团董事长李强今天率领代表团在临江展开访问行程,拜访北岭大学、南山研究院和东湖科技有限公司。")
    assert events(x) == {_visit("青川集团", h) for h in ("北岭大学", "南山研究院", "东湖科技有限公司")}
    # no delegation led out before the clause: nobody visited
    x = zh("青川集团董事长李强今天在临江出席论坛,拜访北岭大学、南山研究院和东湖科技有限公司。")
    assert x.events == []


def test_a_visit_told_for_tomorrow_has_not_happened():
    x = zh("青川集团代表团今天访问了北岭大学。代表团明日会拜访南山研究院。")
    assert events(x) == {_visit("青川集团", "北岭大学")}


def test_an_office_of_an_unnamed_school_is_no_visitor():
    x = zh("5月3日,校纪委书记王明一行赴临江县,与临江县签订校地合作协议。")
    assert "校纪委" not in org_names(x)
    assert x.events == []


def test_bodies_presenting_together_meet():
    x = zh("5月3日,青川港口集团与临江港口集团物流服务联合推介会在临江举行。")
    assert events(x) == {("meeting", frozenset({"青川港口集团", "临江港口集团"}))}


# a host welcoming a delegation -----------------------------------------------------------------
def test_a_host_welcoming_a_delegation_named_by_its_leader_received_a_visit():
    assert events(zh(ROSTER + "王明对李强一行的到来表示热烈欢迎。")) == {_visit("北岭大学", "青川集团")}
    assert events(zh(ROSTER + "王明对李强一行表示衷心欢迎。")) == {_visit("北岭大学", "青川集团")}


def test_a_host_welcoming_a_delegation_named_by_its_body_received_a_visit():
    assert events(zh("王明代表北岭大学对青川集团一行表示热烈欢迎。")) == {_visit("北岭大学", "青川集团")}


def test_a_welcome_with_no_delegation_or_no_named_guests_is_no_visit():
    assert zh(ROSTER + "王明对李强表示欢迎。").events == []
    assert zh("会上,北岭大学校长王明对考察团一行表示热烈欢迎。").events == []


# a tour of several units by a delegation named by what it is ---------------------------------
TOUR = ("11月5日,星河市青年商会先后奔赴远川、海岳两地开展商务考察活动。"
        "在远川,商务考察团先后参观了青岚博物馆、考察了远川光电科技有限公司、海岳新材料有限公司等企业。"
        "此外,还调研了青岚智能科技有限公司、白鹭半导体有限公司等企业。")
TOURED = ("远川光电科技有限公司", "海岳新材料有限公司", "青岚智能科技有限公司", "白鹭半导体有限公司")


def test_a_delegation_word_as_subject_tours_for_the_body_that_set_out():
    # 考察团 is the subject; 青岚博物馆 is what it toured before, not the visitor of the companies
    got = events(zh(TOUR))
    assert {_visit("星河市青年商会", h) for h in TOURED} <= got
    assert not any("青岚博物馆" in ps and len(ps & set(TOURED)) for _, ps in got)


def test_a_tour_going_on_in_a_clause_with_no_subject_lists_units():
    # 还调研了A、B等企业: the delegation led out goes on; a site shown to it (参观了A实验室) is no unit
    x = zh("6月1日,星河大学代表团来到远川集团考察交流。随后,还调研了青岚智能科技有限公司、白鹭半导体有限公司等企业。")
    assert events(x) == {_visit("星河大学", h) for h in ("远川集团", "青岚智能科技有限公司", "白鹭半导体有限公司")}
    for sites in ("远川集团实验室", "远川集团实验室、青岚科技馆和白鹭研究中心"):
        assert events(zh(f"6月1日,星河大学代表团来到远川集团考察交流。随后,参观了{sites}。")) == {
            _visit("星河大学", "远川集团")}
