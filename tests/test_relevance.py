"""The cheap relevance filter (documents.relevance), on texts written for the tests."""

from __future__ import annotations

import time

import pytest

from partnergraph.documents.relevance import first_trigger, html_words, is_relevant, raw_is_relevant, screen, trigger_words
from partnergraph.errors import SourceError
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
    started = time.process_time()
    for hostile in ("<script" * 200_000, "<" * 1_000_000, "<style>" + "a" * 1_000_000, "a" * 2_000_000):
        html_words(hostile)
        is_relevant(hostile)
    assert time.process_time() - started < 5


SITE = """<html><head><title>{title}</title></head><body>
<ul class="nav"><li><a href="/">Home</a></li><li><a href="/ic">International Cooperation</a></li></ul>
<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article>
<footer>Partners: Example Alliance</footer></body></html>"""


def test_menu_words_do_not_make_a_page_relevant_but_the_article_does():
    weather = SITE.format(title="Campus weather", body="Heavy rain is expected across the campus this weekend.")
    raw = RawDocument(id="w", html=weather)
    assert raw_is_relevant(raw)  # the cheap look sees "Cooperation" in the menu…
    assert screen(raw) is None  # …the article has no trigger
    news = SITE.format(title="Tianjin University visits Imperial College",
                       body="A delegation from Tianjin University visited Imperial College London on 2 May 2024.")
    kept = screen(RawDocument(id="n", html=news, url="https://t.example/n"))
    assert kept is not None and kept.text.startswith("Tianjin University visits Imperial College")
    assert kept.title == "Tianjin University visits Imperial College" and kept.html == news
    assert "International Cooperation" not in kept.text


def test_screen_leaves_text_alone_and_reports_pages_without_text():
    raw = RawDocument(id="t", text="Fudan University signed an agreement with Yale University.")
    assert screen(raw) is raw
    with pytest.raises(SourceError):
        screen(RawDocument(id="e", html="<html><head><title>Cooperation</title></head><body></body></html>"))
    assert screen(RawDocument(id="s", html="<html><body><script>cooperation()</script></body></html>")) is None
