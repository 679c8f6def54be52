"""Plain-text inputs: decoding rules and bad files reported without stopping the batch."""

from partnergraph.models import SourceFailure
from partnergraph.sources import iter_sources
from partnergraph.sources.text import decode


def test_utf8_with_bom():
    assert decode("\ufeffAlpha".encode("utf-8"), "x") == ("Alpha", [])


def test_utf16_by_bom():
    text, warnings = decode("Alpha 大学".encode("utf-16"), "x")
    assert text == "Alpha 大学" and warnings == []


def test_gb18030_chinese_page():
    text, warnings = decode("东湖大学与华星集团签署战略合作协议".encode("gb18030"), "x")
    assert text.startswith("东湖大学") and "GB18030" in warnings[0]


def test_invalid_utf8_is_replaced_with_a_warning():
    text, warnings = decode(b"Alpha University \xff\xfe signed", "x")
    assert "\ufffd" in text and "invalid UTF-8" in warnings[0]


def test_folder_with_bad_files_keeps_the_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("Alpha University signed an agreement with Beta Group.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.md").write_text("Gamma Institute visited Delta University.", encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    items = list(iter_sources([tmp_path]))
    docs = [i for i in items if not isinstance(i, SourceFailure)]
    failures = [i for i in items if isinstance(i, SourceFailure)]
    # ids are paths under the folder given (issue 10: en/001 and zh/001 are two articles)
    assert sorted(d.id for d in docs) == ["good", "sub/nested"]
    # the reason does not repeat the path that `source` already gives
    assert sorted(f.reason for f in failures) == ["binary file, not text", "empty file"]


def test_missing_path_is_a_failure_not_an_exception(tmp_path):
    (item,) = list(iter_sources([tmp_path / "nope.txt"]))
    assert isinstance(item, SourceFailure) and "no such file" in item.reason


def test_huge_file_is_refused_with_a_reason(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse 50 MB file: cheap to make
    (item,) = list(iter_sources([big]))
    assert isinstance(item, SourceFailure) and "over the" in item.reason
