"""The knowledge-base commands as a user runs them: real subprocesses, exit codes, JSON,
clean Error:/Hint: lines."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

EN = ("Alpha University and Beta Group Sign Agreement\n\n"
      "On May 3, 2024, Alpha University (AU) and Beta Group signed a strategic cooperation "
      "agreement on robotics. President Li Wei of Alpha University attended.\n")
OTHER = ("Gamma Institute and Beta Group Sign Agreement\n\n"
         "On June 9, 2024, Gamma Institute and Beta Group signed a cooperation agreement on batteries.\n")


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "partnergraph", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, timeout=300, check=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("kb")
    (root / "articles").mkdir()
    (root / "articles" / "en.txt").write_text(EN, encoding="utf-8")
    (root / "articles" / "other.txt").write_text(OTHER, encoding="utf-8")
    res = run("ingest", root / "articles", "--db", root / "kb.db")
    assert res.returncode == 0, res.stderr
    assert "2 added" in res.stderr
    return root / "kb.db"


def test_ingest_creates_the_default_database_in_the_working_folder(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    res = run("ingest", "a.txt", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "partnergraph.db").exists()


def test_stats_and_partners_json(db):
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 2
    partners = json.loads(run("partners", "Beta Group", "--db", db, "--json").stdout)
    assert sorted(p["org"]["name"] for p in partners) == ["Alpha University", "Gamma Institute"]
    since = json.loads(run("partners", "Beta Group", "--since", "2024-06", "--db", db, "--json").stdout)
    assert [p["org"]["name"] for p in since] == ["Gamma Institute"]


def test_tables_by_default(db):
    res = run("partners", "AU", "--db", db)
    assert res.returncode == 0 and "Beta Group" in res.stdout and "Partners of Alpha University" in res.stdout
    for args in (["events", "--org", "Beta Group"], ["org", "Alpha University"], ["people", "AU"],
                 ["search", "robotics"], ["stats"]):
        res = run(*args, "--db", db)
        assert res.returncode == 0, (args, res.stderr)
        assert res.stdout.strip()


def test_org_profile_json(db):
    profile = json.loads(run("org", "alpha university", "--db", db, "--json").stdout)
    assert profile["org"]["kind"] == "university"
    assert {a["name"] for a in profile["aliases"]} >= {"Alpha University", "AU"}
    assert [p["name"] for p in profile["people"]] == ["Li Wei"]


def test_unknown_org_is_a_clean_error_with_the_closest_names(db):
    res = run("partners", "Alpha Univercity", "--db", db)
    assert res.returncode == 1
    assert res.stderr.startswith("Error: no organization called 'Alpha Univercity'")
    assert "Hint: closest names: 'Alpha University'" in res.stderr
    assert "Traceback" not in res.stderr


def test_missing_database_is_a_clean_error(tmp_path):
    res = run("stats", "--db", tmp_path / "none.db")
    assert res.returncode == 1 and "Error: no knowledge base" in res.stderr and "Hint:" in res.stderr


def test_bad_filter_is_a_clean_error(db):
    res = run("events", "--type", "party", "--db", db)
    assert res.returncode == 1 and "agreement, visit, meeting, joint_entity" in res.stderr


def test_export_graphml(db, tmp_path):
    res = run("export", "--format", "graphml", "--out", tmp_path, "--db", db)
    assert res.returncode == 0, res.stderr
    g = nx.read_graphml(tmp_path / "partnergraph.graphml")
    assert {d["label"] for _, d in g.nodes(data=True)} >= {"Alpha University", "Beta Group", "Gamma Institute"}
    res = run("export", "--format", "xlsx", "--db", db)
    assert res.returncode == 1 and "Hint: use one of: jsonl, csv, graphml, gexf, parquet" in res.stderr


def test_why_merge_split(tmp_path, db):
    local = tmp_path / "kb.db"
    local.write_bytes(db.read_bytes())
    res = run("why", "AU", "Alpha University", "--db", local)
    assert res.returncode == 0 and "are the same organization" in res.stdout and "document en" in res.stdout
    res = run("merge", "Gamma Institute", "Alpha University", "--db", local)
    assert res.returncode == 0, res.stderr
    assert "user-merge" in run("why", "Gamma Institute", "AU", "--db", local).stdout
    res = run("split", "Gamma Institute", "--db", local)
    assert res.returncode == 0, res.stderr
    assert "different organizations" in run("why", "Gamma Institute", "AU", "--db", local).stdout


def test_orgs_and_events_with(db):
    rows = json.loads(run("orgs", "--kind", "company", "--partner-kind", "university", "--db", db, "--json").stdout)
    assert [(r["org"]["name"], r["partners"]) for r in rows] == [("Beta Group", 1)]
    shared = json.loads(run("events", "--org", "AU", "--with", "Beta Group", "--db", db, "--json").stdout)
    assert [(e["type"], e["date"]) for e in shared] == [("agreement", "2024-05-03")]


PAGE = "<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>{p}</p></article></body></html>"


def test_ingest_skips_web_pages_that_cannot_report_cooperation(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "deal.html").write_text(PAGE.format(
        t="Alpha University and Beta Group sign agreement",
        p="On May 3, Alpha University and Beta Group signed a strategic cooperation agreement. " * 3,
    ), encoding="utf-8")
    (tmp_path / "pages" / "menu.html").write_text(PAGE.format(
        t="Cafeteria opening hours", p="The cafeteria opens at eight and closes at six on weekdays. " * 3,
    ), encoding="utf-8")
    res = run("ingest", tmp_path / "pages", "--db", tmp_path / "a.db")
    assert res.returncode == 0, res.stderr
    assert "1 added" in res.stderr and "skipped 1" in res.stderr
    res = run("ingest", tmp_path / "pages", "--db", tmp_path / "b.db", "--no-relevance")
    assert "2 added" in res.stderr


def test_events_and_partners_quote_their_evidence(db):
    res = run("events", "--org", "Beta Group", "--evidence", "--db", db)
    assert res.returncode == 0, res.stderr
    assert ("“On May 3, 2024, Alpha University (AU) and Beta Group signed a strategic cooperation "
            "agreement on robotics.”") in res.stdout
    assert "— Alpha University and Beta Group Sign Agreement" in res.stdout
    res = run("partners", "Beta Group", "--evidence", "--db", db)
    assert res.returncode == 0, res.stderr
    assert "Gamma Institute (research): 1 event" in res.stdout
    assert "“On June 9, 2024, Gamma Institute and Beta Group signed a cooperation agreement" in res.stdout
    rows = json.loads(run("partners", "Beta Group", "--evidence", "--json", "--db", db).stdout)
    quotes = [q for p in rows for e in p["evidence"] for q in e["evidence"]]
    assert {q["title"] for q in quotes} == {"Alpha University and Beta Group Sign Agreement",
                                            "Gamma Institute and Beta Group Sign Agreement"}
    for q in quotes:
        for m in q["marks"]:
            assert q["sentence"][m["start"]:m["end"]] == m["text"]
