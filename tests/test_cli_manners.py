"""The CLI's manners (issue 10): --version, --json and --csv everywhere, errors as JSON under
--json, no traceback, validated options, honest merge/split, corrections, ids by path.
Runs `cli.main` in-process (the one place that turns errors into messages and exit codes)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from partnergraph.cli import main

SIGNING = "On March 5, 2024, Linhai University signed an agreement with Brightwave Group in Wuhan.\n"
VISIT = "On May 2, 2024, a delegation of Kestrel Institute visited Linhai University.\n"


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main([str(a) for a in args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return done.value.code, out.out, out.err


@pytest.fixture
def kb(tmp_path, capsys):
    arts = tmp_path / "articles"
    (arts / "en").mkdir(parents=True)
    (arts / "zh").mkdir()
    (arts / "en" / "001.txt").write_text(SIGNING, encoding="utf-8")
    (arts / "en" / "002.txt").write_text(VISIT, encoding="utf-8")
    (arts / "zh" / "001.txt").write_text("2024年3月5日,青川大学与海川集团签署战略合作协议。\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    code, out, _ = run(capsys, "ingest", arts, "--db", db, "--json", "--workers", "1")
    assert code == 0 and json.loads(out)["added"] == 3
    return db


def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("partnergraph ")


def test_ids_are_paths_under_the_folder_and_records_name_their_file(tmp_path, capsys):
    for lang in ("en", "zh"):
        (tmp_path / lang).mkdir()
    (tmp_path / "en" / "001.txt").write_text(SIGNING, encoding="utf-8")
    (tmp_path / "zh" / "001.txt").write_text("青川大学与海川集团签署协议。\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", tmp_path)
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in recs] == ["en/001", "zh/001"]
    assert recs[0]["source"].endswith("en/001.txt")


def test_an_empty_or_unsupported_folder_says_what_was_skipped(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "extract", empty)
    assert code == 1 and "nothing was read" in err
    other = tmp_path / "pdfs"
    other.mkdir()
    (other / "a.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = run(capsys, "extract", other)
    assert code == 1 and "not an article file (.pdf)" in err
    code, _, err = run(capsys, "ingest", other, "--db", tmp_path / "x.db", "--workers", "1")
    assert code == 1 and "not an article file (.pdf)" in err


def test_published_dates_relative_dates(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Linhai University signed an agreement with Brightwave Group on Tuesday.\n",
                                    encoding="utf-8")
    code, out, _ = run(capsys, "extract", tmp_path / "a.txt", "--published", "2024-03-08")
    rec = json.loads(out)
    assert code == 0 and rec["published"] == "2024-03-08" and rec["events"][0]["date"] == "2024-03-05"
    code, _, err = run(capsys, "extract", tmp_path / "a.txt", "--published", "March 8")
    assert code == 1 and "--published" in err


def test_output_into_a_missing_folder_is_a_message(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SIGNING, encoding="utf-8")
    code, _, err = run(capsys, "extract", tmp_path / "a.txt", "-o", tmp_path / "missing" / "dir" / "x.jsonl")
    assert code == 1 and err.startswith("Error: cannot write")


def test_bad_dates_and_limits_are_refused(kb, capsys):
    code, _, err = run(capsys, "events", "--since", "2021-13", "--db", kb)
    assert code == 1 and "not a date" in err
    code, _, err = run(capsys, "events", "--limit", "-5", "--db", kb)
    assert code == 1 and "--limit -5" in err


def test_errors_are_json_under_json(kb, capsys):
    code, out, err = run(capsys, "partners", "Nowhere Corp", "--db", kb, "--json")
    assert code == 1 and out == ""
    e = json.loads(err)
    assert "Nowhere Corp" in e["error"] and e["exit_code"] == 1 and "hint" in e
    code, _, err = run(capsys, "events", "--bogus", "--json")
    assert code == 2 and "--bogus" in json.loads(err)["error"]


def test_csv_for_query_tables(kb, capsys):
    code, out, _ = run(capsys, "events", "--db", kb, "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and rows[0] == ["date", "type", "parties", "topics / entity", "sources"]
    assert any(r[1] == "agreement" and r[0] == "2024-03-05" for r in rows[1:])
    code, out, _ = run(capsys, "stats", "--db", kb, "--csv")
    assert out.splitlines()[0] == "what,count"


def test_export_targets(kb, tmp_path, capsys):
    code, out, _ = run(capsys, "export", "-f", "graphml", "--out", tmp_path / "g.graphml", "--db", kb, "--json")
    assert code == 0 and json.loads(out) == [str(tmp_path / "g.graphml")] and (tmp_path / "g.graphml").is_file()
    code, _, err = run(capsys, "export", "--out", "/proc/partnergraph-test", "--db", kb)
    assert code == 1 and err.startswith("Error: cannot")


def test_merge_split_and_corrections(kb, capsys):
    code, _, err = run(capsys, "merge", "Linhai University", "Linhai University", "--db", kb)
    assert code == 1 and "nothing to merge" in err
    code, _, err = run(capsys, "split", "Linhai University", "--db", kb)
    assert code == 1 and "nothing to split" in err
    code, out, _ = run(capsys, "merge", "Kestrel Institute", "Brightwave Group", "--db", kb, "--json")
    assert code == 0 and json.loads(out)["merged"] == ["Kestrel Institute", "Brightwave Group"]
    code, _, err = run(capsys, "merge", "Kestrel Institute", "Brightwave Group", "--db", kb)
    assert code == 1 and "already one organization" in err
    code, out, _ = run(capsys, "corrections", "--db", kb, "--json")
    [c] = json.loads(out)
    assert c["action"] == "merge" and c["name"] == "Kestrel Institute"
    code, out, _ = run(capsys, "corrections", "undo", c["number"], "--db", kb)
    assert code == 0 and out.startswith("undone: #")
    code, out, _ = run(capsys, "corrections", "--db", kb, "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "why", "Kestrel Institute", "Brightwave Group", "--db", kb, "--json")
    assert json.loads(out)["same"] is False
    code, _, err = run(capsys, "corrections", "undo", "99", "--db", kb)
    assert code == 1 and "no correction #99" in err


def test_query_functions_are_the_library(kb):
    import partnergraph

    with partnergraph.open_store(kb) as store:
        assert [p.org.name for p in partnergraph.partners(store, "Linhai University")]
        assert partnergraph.events(store, org="Linhai University")
        assert partnergraph.search(store, "delegation")[0].doc_id == "en/002"
    for name in ("partners", "events", "org", "people", "search", "why", "merge", "split", "corrections"):
        assert name in partnergraph.__all__


def test_resolve_and_backends_speak_json(kb, capsys):
    code, out, _ = run(capsys, "resolve", "--force", "--db", kb, "--json")
    assert code == 0 and json.loads(out)["resolved"] is True and json.loads(out)["documents"] == 3
    code, out, _ = run(capsys, "backends", "--json")
    assert code == 0 and "rules" in json.loads(out)
