"""`partnergraph extract` as a user runs it: real subprocesses, exit codes, clean errors."""

import json
import subprocess
import sys

import pytest

ARTICLE = (
    "Alpha University and Beta Group Sign Agreement\n\n"
    "On May 3, Alpha University and Beta Group signed a strategic cooperation agreement.\n"
)


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "partnergraph", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.md").write_text(ARTICLE.replace("Alpha", "Gamma"), encoding="utf-8")
    return tmp_path


def test_jsonl_one_record_per_document(folder):
    res = run("extract", folder)
    assert res.returncode == 0, res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in records] == ["one", "two"]
    for r in records:
        assert r["provenance"]["backend"] == "learned"  # the default
        assert r["text"].startswith(("Alpha", "Gamma"))


def test_json_and_output_file(folder, tmp_path):
    out = tmp_path / "out.json"
    res = run("extract", folder / "one.txt", "--format", "json", "--output", out)
    assert res.returncode == 0, res.stderr
    assert json.loads(out.read_text(encoding="utf-8"))[0]["id"] == "one"


def test_table_format(folder):
    res = run("extract", folder / "one.txt", "--format", "table")
    assert res.returncode == 0 and "one" in res.stdout


def test_bad_file_is_reported_and_the_rest_extracted(folder):
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    res = run("extract", folder)
    assert res.returncode == 1
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["one", "two"]
    assert "bad.txt: binary file" in res.stderr and "Traceback" not in res.stderr


def test_invalid_utf8_warns_and_extracts(tmp_path):
    (tmp_path / "latin.txt").write_bytes(b"Alpha University \xe9\xff signed with Beta Group.")
    res = run("extract", tmp_path)
    assert res.returncode == 0
    assert "Warning: latin: invalid UTF-8" in res.stderr
    assert json.loads(res.stdout)["id"] == "latin"


def test_unknown_backend_names_the_choices(folder):
    res = run("extract", folder, "--backend", "nope")
    assert res.returncode == 1
    assert "Error: unknown backend 'nope'" in res.stderr and "Hint: choose one of: learned, rules" in res.stderr


def test_empty_folder_says_nothing_was_read(tmp_path):
    # issue 10: an empty folder is not a silent success
    res = run("extract", tmp_path)
    assert res.returncode == 1 and res.stdout == "" and "nothing was read" in res.stderr


PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p}</p></article></body></html>"


def test_web_pages_that_cannot_report_cooperation_are_skipped_and_counted(tmp_path):
    (tmp_path / "deal.html").write_text(PAGE.format(
        t="Alpha University and Beta Group sign agreement",
        p="On May 3, Alpha University and Beta Group signed a strategic cooperation agreement. " * 3,
    ), encoding="utf-8")
    (tmp_path / "menu.html").write_text(PAGE.format(
        t="Cafeteria opening hours", p="The cafeteria opens at eight and closes at six on weekdays. " * 3,
    ), encoding="utf-8")
    res = run("extract", tmp_path)
    assert res.returncode == 0, res.stderr
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["deal"]
    assert "skipped 1" in res.stderr
    res = run("extract", tmp_path, "--no-relevance")
    assert sorted(json.loads(line)["id"] for line in res.stdout.splitlines()) == ["deal", "menu"]
