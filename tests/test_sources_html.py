"""HTML files and folders (sources.html) and the suffix dispatch of `iter_sources`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from partnergraph.documents import prepare_raw
from partnergraph.errors import SourceError
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.pipeline import read_documents
from partnergraph.sources import SUFFIX_FORMAT, SourceStats, iter_sources
from partnergraph.sources.html import charset_from_header, decode_html

DATA = Path(__file__).parent / "data" / "web"


def test_gbk_page_is_decoded_by_its_meta_charset():
    (raw,) = iter_sources([DATA / "gbk_page.html"])
    assert isinstance(raw, RawDocument) and raw.id == "gbk_page"
    assert "浙江大学与英国爱丁堡大学在杭州签署合作备忘录" in raw.html and not raw.warnings
    doc = prepare_raw(raw)
    assert doc.lang == "zh" and doc.title == "浙江大学与爱丁堡大学签署合作备忘录"
    assert "版权所有" not in doc.text and "首页" not in doc.text


def test_http_charset_outranks_meta_and_bom_outranks_both():
    body = '<meta charset="big5"><p>合作</p>'.encode("gb18030")
    assert "合作" in decode_html(body, "x", declared="gbk")[0]
    assert charset_from_header("text/html; charset=GB2312") == "GB2312"
    assert charset_from_header("text/html") is None
    bom = b"\xef\xbb\xbf" + '<meta charset="gbk"><p>合作</p>'.encode()
    assert "合作" in decode_html(bom, "x")[0]


def test_declared_charsets_that_do_not_fit_fall_back_with_a_warning():
    utf8 = "<p>合作协议</p>".encode("utf-8")
    gbk = ("<p>" + "合作协议签署仪式在北京举行" * 5 + "</p>").encode("gbk")
    text, warnings = decode_html(b'<meta charset="klingon-8">' + gbk, "x")
    assert "合作协议" in text and any("unknown charset" in w for w in warnings)
    assert decode_html(utf8, "x", declared="iso-8859-1") == ("<p>合作协议</p>", [])  # stale server default
    text, warnings = decode_html("<p>合作协议</p>".encode("gbk"), "x", declared="utf-8")
    assert "合作协议" in text and any("does not fit" in w for w in warnings)


def test_binary_file_with_html_suffix_is_a_failure(tmp_path):
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (item,) = iter_sources([tmp_path])
    assert isinstance(item, SourceFailure) and "binary" in item.reason


def test_empty_html_file_is_a_failure(tmp_path):
    (tmp_path / "empty.htm").write_bytes(b"  \n")
    (item,) = iter_sources([tmp_path])
    assert isinstance(item, SourceFailure) and "empty" in item.reason


def test_suffixes_map_to_readers():
    for suffix, fmt in {".html": "html", ".htm": "html", ".warc": "warc", ".warc.gz": "warc",
                        ".jsonl": "jsonl", ".rss": "feed", ".atom": "feed", ".xml": "feed",
                        ".txt": "text"}.items():
        assert SUFFIX_FORMAT[suffix] == fmt


def test_folder_mixes_formats_and_the_relevance_filter_counts_skips(tmp_path):
    for name in ("release.html", "gbk_page.html", "feed.rss", "feed.atom"):
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("Shopping list: bread, milk.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")  # unknown suffix: not an input
    stats = SourceStats()
    items = list(read_documents([tmp_path], stats=stats))
    assert not [i for i in items if isinstance(i, SourceFailure)]
    ids = [i.id for i in items]
    # the feed's "Library opening hours" item is skipped (web input); the .txt is kept (chosen file)
    assert len(ids) == 5 and "notes" in ids
    # the .png is counted too (issue 10: what a folder held that is not an article is said)
    assert stats.skipped == {"not about cooperation": 1, "not an article file (.png)": 1}
    assert stats.documents == 5 and "not about cooperation: 1" in stats.summary()


def test_relevance_can_be_forced_on_and_off(tmp_path):
    (tmp_path / "notes.txt").write_text("Shopping list: bread, milk.", encoding="utf-8")
    (tmp_path / "weather.html").write_text("<p>Rain expected this weekend in the north.</p>", encoding="utf-8")
    assert [i.id for i in read_documents([tmp_path], relevance=True)] == []
    assert sorted(i.id for i in read_documents([tmp_path], relevance=False)) == ["notes", "weather"]
    assert [i.id for i in read_documents([tmp_path])] == ["notes"]  # default: web inputs only
    # reading is one stage, the filter the next: the sources themselves keep everything
    assert sorted(i.id for i in iter_sources([tmp_path])) == ["notes", "weather"]


def test_input_format_overrides_the_suffix(tmp_path):
    page = tmp_path / "page.dat"
    shutil.copy(DATA / "release.html", page)
    (raw,) = iter_sources([page], input_format="html")
    assert raw.html and raw.html.lstrip().startswith("<!DOCTYPE")
    with pytest.raises(SourceError, match="unknown input format") as err:
        list(iter_sources([page], input_format="pdf"))
    assert "feed, html, jsonl, text, warc" in err.value.hint


def test_extract_cli_reads_html_by_suffix():
    from typer.testing import CliRunner

    from partnergraph.cli import app

    result = CliRunner().invoke(app, ["extract", str(DATA / "release.html")])
    assert result.exit_code == 0, result.output
    assert '"url":"https://news.example.edu/2023/0412/zju-edinburgh.html"' in result.output
    assert "Football" not in result.output


def test_main_text_judgement_drops_pages_whose_menu_alone_mentions_cooperation(tmp_path):
    menu = '<ul><li><a href="/ic">International Cooperation</a></li></ul>'
    (tmp_path / "weather.html").write_text(
        f"<html><body>{menu}<article><h1>Campus weather</h1><p>Heavy rain is expected across the campus "
        "this weekend, with strong wind on Sunday afternoon.</p></article></body></html>", encoding="utf-8")
    (tmp_path / "visit.html").write_text(
        f"<html><body>{menu}<article><h1>Tianjin University visits Imperial College</h1><p>A delegation from "
        "Tianjin University visited Imperial College London on 2 May 2024.</p></article></body></html>",
        encoding="utf-8")
    assert sorted(i.id for i in read_documents([tmp_path])) == ["visit", "weather"]  # page words only
    stats = SourceStats()
    (kept,) = read_documents([tmp_path], relevance_main_text=True, stats=stats)
    assert kept.id == "visit" and kept.text.startswith("Tianjin University visits Imperial College")
    assert stats.skipped == {"not about cooperation": 1}


def test_charset_sniffing_is_linear_on_hostile_bytes():
    import time

    started = time.process_time()
    assert charset_from_header("text/html; charset=" + " " * 200_000 + "!") is None
    decode_html(b"<meta charset=" + b" " * 4000 + b"\xff" * 10, "x")
    decode_html(b"<meta " * 5000 + b"\xff", "x")
    assert time.process_time() - started < 1
