"""HTML page → main text, title, date and URL (documents.html), on pages written for the tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from partnergraph.documents import prepare_raw
from partnergraph.documents.html import html_to_text
from partnergraph.errors import SourceError
from partnergraph.models import RawDocument

DATA = Path(__file__).parent / "data" / "web"


@pytest.fixture(scope="module")
def release():
    return html_to_text((DATA / "release.html").read_text(encoding="utf-8"))


def test_article_text_is_kept(release):
    assert "signed a memorandum of understanding in Hangzhou" in release.text
    assert "met with President Du Jiangfeng" in release.text
    assert release.text.count("\n") >= 2  # one paragraph a line


@pytest.mark.parametrize("furniture", [
    "About Us", "Sign in",  # navigation
    "Football club wins", "Related articles",  # related-article list
    "All rights reserved", "Privacy policy",  # footer
    "Secret Corporation",  # HTML comment
    "Injected Script University", "dataLayer", "color: red",  # scripts and styles
])
def test_page_furniture_is_left_out(release, furniture):
    assert furniture not in release.text


def test_title_date_and_canonical_url(release):
    assert release.title == "Zhejiang University and University of Edinburgh sign MoU"
    assert release.published == "2023-04-12"
    assert release.url == "https://news.example.edu/2023/0412/zju-edinburgh.html"  # canonical before og:url


def test_chinese_school_page_menus_tables_and_site_name_left_out():
    page = html_to_text((DATA / "zh_school.html").read_text(encoding="utf-8"))
    assert page.text.startswith("5月5日，新加坡国立大学副校长陈永财一行访问我校")
    for furniture in ("首页", "当前位置", "上一篇", "打印", "版权所有", "|"):
        assert furniture not in page.text
    assert page.title == "我校与新加坡国立大学签署合作协议"  # not "…-新闻网"
    assert page.published == "2023-05-06"


def test_og_url_when_no_canonical_and_relative_canonical_resolved():
    body = "<p>" + "Tsinghua University signed an agreement with Fudan University. " * 5 + "</p>"
    og = html_to_text(f'<html><head><meta property="og:url" content="https://a.example/x"></head><body>{body}</body></html>')
    assert og.url == "https://a.example/x"
    rel = html_to_text(f'<html><head><link rel="canonical" href="/news/1.html"></head><body>{body}</body></html>',
                       url="https://b.example/list?id=1")
    assert rel.url == "https://b.example/news/1.html"
    none = html_to_text(f"<html><body>{body}</body></html>")
    assert none.url is None


def test_copyright_year_is_not_taken_for_a_publication_date():
    page = ("<html><body><article><p>" + "Peking University met a delegation from Kyoto University. " * 6
            + "</p></article><footer>© 2021 Peking University</footer></body></html>")
    assert html_to_text(page).published is None


def test_fragment_from_a_feed_is_read():
    page = html_to_text("<p>A delegation from Tongji University visited Siemens in Munich.</p>")
    assert page.text == "A delegation from Tongji University visited Siemens in Munich."


def test_page_without_text_is_a_source_error():
    with pytest.raises(SourceError, match="no article text"):
        html_to_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")


def test_prepare_raw_uses_the_html_when_there_is_no_text():
    raw = RawDocument(id="r", source="release.html", html=(DATA / "release.html").read_text(encoding="utf-8"))
    doc = prepare_raw(raw)
    assert doc.url.endswith("zju-edinburgh.html") and doc.published == "2023-04-12"
    assert "Zhejiang University" in doc.text and "Football" not in doc.text


HOSTILE = {
    "deep nesting": "<div>" * 50_000 + "Fudan University signed an agreement." + "</div>" * 50_000,
    "unclosed tags": "<p><b><i><span>" * 20_000 + "Fudan University met Yale University.",
    "lone angle brackets": "<" * 200_000 + "<p>Fudan University met Yale University.</p>",
    "huge attribute": '<p title="' + "a" * 2_000_000 + '">Fudan University met Yale University.</p>',
    "nul bytes": "<html><body><p>Fudan\x00 University met\x00 Yale University.</p></body></html>",
    "script with markup": "<script>var s='</p><p>Fake University signed';</script><p>Real text about Yale University.</p>",
    "cdata and comments": "<![CDATA[x]]><!--<p>hidden</p>--><!-- unclosed <p>Yale University visited Fudan.</p>",
    "many tables": "<table>" + "<tr><td>cell</td></tr>" * 30_000 + "</table>",
    "binary-looking": "\x01\x02\x03<p>\ufffd\ufffd Yale University</p>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_markup_is_handled_quickly(name):
    started = time.process_time()
    try:
        page = html_to_text(HOSTILE[name])
        assert isinstance(page.text, str) and page.text.strip()
        assert "Fake University" not in page.text and "hidden" not in page.text
    except SourceError:
        pass  # refusing is fine; any other exception or a hang is not
    assert time.process_time() - started < 10


def test_oversized_html_is_refused():
    with pytest.raises(SourceError, match="limit"):
        html_to_text("<p>x</p>" * 600_000)  # 4.8 MB
