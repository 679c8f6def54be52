"""What one signing or one visit is in Chinese, and what it is not: the set-up a signing agrees
on, the talks held during a visit, the guests gathered at a signing (invented bodies)."""

from __future__ import annotations

from zh_helpers import event_pairs as events
from zh_helpers import zh

PAIR = frozenset({"北岭大学", "海川集团"})


def test_a_set_up_after_a_signing_in_its_sentence_is_what_was_agreed():
    # GUIDELINES.md: a memorandum to set up an institute is an agreement, not a joint entity
    assert events(zh("3月5日,北岭大学与海川集团签约共建海川智能制造产业学院。")) == {("agreement", PAIR)}
    x = zh("3月5日,北岭大学与海川集团签订合作协议,共建海川智能制造产业学院,推动产教融合。")
    assert events(x) == {("agreement", PAIR)}


def test_a_set_up_told_done_beside_its_signing_is_both():
    for text in ("3月5日,北岭大学与海川集团签订合作协议,并为海川智能制造产业学院揭牌。",
                 "3月5日,北岭大学与海川集团签订合作协议,共同成立海川智能制造产业学院。"):
        assert events(zh(text)) == {("agreement", PAIR), ("joint_entity", PAIR)}
    # no signing in the sentence: the set-up stands alone
    assert events(zh("北岭大学与海川集团共建的海川智能制造产业学院3月5日揭牌。")) == {("joint_entity", PAIR)}


def test_talks_told_after_a_visit_in_their_sentence_are_that_visit():
    x = zh("10月20日,远景商会一行参观了青川产业园,并与海川科技公司进行了座谈交流。")
    assert events(x) == {("visit", frozenset({"远景商会", "海川科技公司"}))}
