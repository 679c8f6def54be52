"""RSS/Atom feed files (sources.feeds), read without the network."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnergraph.documents import prepare_raw
from partnergraph.errors import SourceError
from partnergraph.models import SourceFailure
from partnergraph.sources import SourceStats, iter_sources
from partnergraph.sources.feeds import parse_feed

DATA = Path(__file__).parent / "data" / "web"


def test_rss_items_with_link_title_date_and_html():
    first, second = parse_feed((DATA / "feed.rss").read_bytes(), "feed.rss")
    assert first.url == "https://news.example.edu/2023/0412/zju-edinburgh.html"
    assert first.title == "Zhejiang University and University of Edinburgh sign MoU"
    assert first.published == "2023-04-12" and "memorandum of understanding" in first.html
    assert first.id != second.id and first.id.startswith("web-news.example.edu-")
    doc = prepare_raw(first)
    assert doc.text.startswith("On 11 April 2023, Zhejiang University") and doc.published == "2023-04-12"


def test_atom_entry_content():
    (entry,) = iter_sources([DATA / "feed.atom"])
    assert entry.url == "https://news.example.com/tongji-siemens" and entry.published == "2024-01-05"
    assert prepare_raw(entry).text == "A delegation from Tongji University visited Siemens in Munich on 4 January 2024."


def test_headline_only_item_keeps_its_title_as_text():
    rss = b'<rss version="2.0"><channel><item><title>Fudan University signs agreement with Yale</title></item></channel></rss>'
    (item,) = parse_feed(rss, "h.rss")
    assert item.text == "Fudan University signs agreement with Yale" and item.url is None and item.id == "h-1"


def test_not_a_feed_is_one_failure_but_other_xml_is_skipped(tmp_path):
    (tmp_path / "news.rss").write_text("<html><body>moved</body></html>", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>https://x.example/</loc></url></urlset>", encoding="utf-8")
    stats = SourceStats()
    (item,) = iter_sources([tmp_path], stats=stats)
    assert isinstance(item, SourceFailure) and item.source.endswith("news.rss") and "no feed items" in item.reason
    assert stats.skipped == {"XML file that is not a feed": 1}
    with pytest.raises(SourceError):
        parse_feed(b"\x00\x01 definitely not xml", "junk")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    rss = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<rss version="2.0"><channel><item><title>Fudan signs &x; agreement</title>'
           "<description>Fudan University signed an agreement.</description></item></channel></rss>")
    items = parse_feed(rss.encode(), "xxe.rss")
    assert all("TOP-SECRET" not in (i.title or "") + (i.html or "") + (i.text or "") for i in items)
