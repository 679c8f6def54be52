"""The cheap relevance filter (documents.relevance), on texts written for the tests."""

from __future__ import annotations

import time

import pytest

from partnergraph.documents.relevance import first_trigger, html_words, is_relevant, raw_is_relevant, trigger_words
from partnergraph.models import RawDocument


@pytest.mark.parametrize("text", [
    "Nanjing University and Purdue University signed a memorandum of understanding on Monday.",
    "A delegation from Airbus visited COMAC in Shanghai.",
    "The two firms agreed to form a joint venture for battery recycling.",
    "Huawei and Tencent announced a strategic partnership.",
    "Peking University hosted the president of Kyoto University.",
    "BASF teamed up with Sinopec on a new plant.",
    "清华大学与麻省理工学院签署合作协议。",
    "代表团一行到访复旦大学，双方举行座谈。",
    "中国科学院与华为共建联合实验室。",
])
def test_cooperation_news_passes(text):
    assert is_relevant(text)


@pytest.mark.parametrize("text", [
    "Rain is expected over the weekend with temperatures falling to five degrees.",
    "Add two eggs and whisk the batter until smooth.",
    "Sign in to view your basket. Visit our store for more offers.",
    "The amount was paid in full by the mountain resort.",  # "mou" only inside words
    "今天天气晴朗，适合出门散步。",
    "",
])
def test_unrelated_text_is_skipped(text):
    assert not is_relevant(text)


def test_triggers_are_case_insensitive_and_start_a_word():
    assert first_trigger("COOPERATION between the two") == "cooperat"
    assert first_trigger("Uncooperative weather") is None


def test_html_is_judged_on_visible_words_only():
    scripted = '<html><script>var partner="cooperation agreement";</script><style>.mou{}</style><p class="partner">Rain today.</p></html>'
    assert not raw_is_relevant(RawDocument(id="x", html=scripted))
    escaped = "<p>&#28165;&#21326;&#22823;&#23398;&#19982;&#21704;&#20315;&#21512;&#20316;</p>"  # 清华大学与哈佛合作
    assert raw_is_relevant(RawDocument(id="y", html=escaped))
    assert raw_is_relevant(RawDocument(id="z", text="Weather", title="Tsinghua signs agreement with MIT"))


def test_word_lists_are_loaded_from_data_files():
    words = trigger_words()
    assert "cooperat" in words and "合作" in words and not any(w.startswith("#") for w in words)


def test_scan_is_linear_on_hostile_markup():
    started = time.perf_counter()
    for hostile in ("<script" * 200_000, "<" * 1_000_000, "<style>" + "a" * 1_000_000, "a" * 2_000_000):
        html_words(hostile)
        is_relevant(hostile)
    assert time.perf_counter() - started < 5
