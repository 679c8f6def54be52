"""Chinese head words: ministries named on their own, a Party committee's departments and a
government's offices chained to the body before them, and kinds of bodies (an exchange, a
guild, an orchestra, a military unit). Texts written for these tests."""

from __future__ import annotations

import pytest

from partnergraph import extract


def names(text: str) -> set[str]:
    return {o.name for o in extract(text, lang="zh", backend="rules").organizations}


@pytest.mark.parametrize("ministry", ["公安部", "民政部", "中组部", "卫福部", "国台办"])
def test_a_ministry_is_a_name_on_its_own(ministry):
    assert ministry in names(f"青川大学校长李明会见了{ministry}有关负责人一行。")


def test_a_ministry_heads_the_name_before_it():
    assert "远洲内政部" in names("远洲内政部代表团访问了青川大学。")


@pytest.mark.parametrize("text, name", [
    ("临江区委组织部与青川大学签署共建协议。", "临江区委组织部"),
    ("临江市委社会工作部与远景集团签署合作备忘录。", "临江市委社会工作部"),
    ("国务院青川事务办公室与青川大学签署合作协议。", "国务院青川事务办公室"),
    ("临江市委农办与青川大学签署合作协议。", "临江市委农办"),
])
def test_a_department_chains_to_its_body(text, name):
    assert name in names(text)


def test_a_department_of_an_unnamed_committee_is_no_name():
    assert names("市委组织部与青川大学签署合作协议。") == {"青川大学"}


@pytest.mark.parametrize("name", ["临江证券交易所", "临江塑胶制造公会", "临江青年爱乐乐团", "东海舰队航空兵部队"])
def test_kinds_of_bodies(name):
    assert name in names(f"青川大学校长李明会见了{name}有关负责人一行。")


def test_a_universitys_department_or_office_is_no_name():
    found = names("北岭大学宣传部副部长李明,化学学院综合办公室主任王华出席。")
    assert not any(n.endswith(("宣传部", "办公室")) for n in found)
    assert "青川市外办" in names("青川大学校长李明会见了青川市外办有关负责人一行。")
