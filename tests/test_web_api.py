"""The web app's JSON API and pages through FastAPI's TestClient: validation, pagination,
ids on graph edges, read-only access, edits only when allowed, untrusted text kept as text."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from fastapi.testclient import TestClient  # noqa: E402

from partnergraph.ingest import ingest_extractions  # noqa: E402
from partnergraph.store import open_store  # noqa: E402
from partnergraph.web import create_app  # noqa: E402
from web_data import EVIL_A, EVIL_B, EVIL_TITLE, build, hostile_extraction  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(str(db)))


def org_id(client, name: str) -> int:
    hits = client.get("/api/suggest", params={"q": name}).json()
    [hit] = [s for s in hits if s["org"]["name"] == name] or [s for s in hits if s["match"] == name]
    return hit["org"]["id"]


def digest(path) -> str:
    wal = path.parent / (path.name + "-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


def test_suggestions_in_both_languages(client):
    names = [s["org"]["name"] for s in client.get("/api/suggest", params={"q": "al"}).json()]
    assert names[0] == "Alpha University"
    [au] = client.get("/api/suggest", params={"q": "AU"}).json()[:1]
    assert au["org"]["name"] == "Alpha University"
    zh = client.get("/api/suggest", params={"q": "华星"}).json()
    assert zh[0]["org"]["name"] == "华星电子集团有限公司" and zh[0]["match"].startswith("华星")
    assert client.get("/api/suggest", params={"q": "%"}).json() == []  # LIKE wildcards are text


def test_org_profile_partners_and_people(client):
    beta = org_id(client, "Beta Group")
    profile = client.get(f"/api/orgs/{beta}").json()
    assert profile["org"]["kind"] == "company" and profile["n_partners"] == 2
    assert {p["org"]["name"] for p in profile["partners"]} == {"Alpha University", "Gamma Institute"}
    page1 = client.get(f"/api/orgs/{beta}/partners", params={"limit": 1}).json()
    page2 = client.get(f"/api/orgs/{beta}/partners", params={"limit": 1, "offset": 1}).json()
    assert len(page1) == len(page2) == 1 and page1[0]["org"] != page2[0]["org"]
    alpha = org_id(client, "Alpha University")
    assert [p["name"] for p in client.get(f"/api/orgs/{alpha}/people").json()] == ["Li Wei"]
    [li] = client.get("/api/people", params={"q": "li w"}).json()
    assert (li["name"], li["titles"], li["org"]["name"]) == ("Li Wei", ["President"], "Alpha University")
    assert [p["name"] for p in client.get("/api/people", params={"q": "王"}).json()] == ["王建国"]
    hits = [h["doc_id"] for h in client.get("/api/search", params={"q": "agreement"}).json()]
    pages = [h["doc_id"] for off in range(len(hits))
             for h in client.get("/api/search", params={"q": "agreement", "limit": 1, "offset": off}).json()]
    assert len(hits) >= 2 and pages == hits
    quoted = client.get(f"/api/orgs/{beta}/partners", params={"evidence": 2}).json()
    assert all(e["evidence"] for p in quoted for e in p["evidence"])


def test_events_filters_and_evidence(client):
    zh = client.get("/api/events", params={"lang": "zh"}).json()
    assert [e["parties"] for e in zh] == [["东湖大学", "华星电子集团有限公司"]]
    beta = org_id(client, "Beta Group")
    june = client.get("/api/events", params={"org": beta, "since": "2024-06", "until": "2024-06"}).json()
    assert [sorted(e["parties"]) for e in june] == [["Beta Group", "Gamma Institute"]]
    [quoted] = client.get("/api/events", params={"org": beta, "since": "2024-06-01", "until": "2024-06-09",
                                                 "evidence": True}).json()
    [q] = quoted["evidence"]
    assert q["url"] == "https://news.example.org/gamma-beta"
    assert q["sentence"].startswith("On June 9, 2024, Gamma Institute and Beta Group signed")
    detail = client.get(f"/api/events/{quoted['id']}").json()
    [report] = detail["reports"]
    assert "".join(p["text"] for p in report["pieces"]).startswith("Gamma Institute and Beta Group Sign")
    assert {p["field"] for p in report["pieces"]} >= {"party", "date", "trigger"}


def test_graph_edges_carry_event_and_document_ids(client):
    g = client.get("/api/graph").json()
    assert g["total_nodes"] == 7 and len(g["edges"]) == 4
    events = {e["id"]: e for e in client.get("/api/events").json()}
    names = {n["id"]: n["name"] for n in g["nodes"]}
    for edge in g["edges"]:
        assert edge["weight"] == len(edge["event_ids"])
        for ev in edge["event_ids"]:
            assert {names[edge["source"]], names[edge["target"]]} == set(events[ev]["parties"])
            assert set(edge["doc_ids"]) >= {s["doc_id"] for s in events[ev]["sources"]}
    zh = client.get("/api/graph", params={"lang": "zh"}).json()
    assert {n["name"] for n in zh["nodes"]} == {"东湖大学", "华星电子集团有限公司"}
    beta = org_id(client, "Beta Group")
    focus = client.get("/api/graph", params={"focus": beta}).json()
    assert {n["name"] for n in focus["nodes"]} == {"Beta Group", "Alpha University", "Gamma Institute"}
    assert len(client.get("/api/graph", params={"limit": 2}).json()["nodes"]) == 2
    assert client.get("/api/graph", params={"type": "visit"}).json()["nodes"] == []


@pytest.mark.parametrize("url, problem", [
    ("/api/events?since=May", "since"), ("/api/events?type=party", "type"),
    ("/api/events?lang=fr", "lang"), ("/api/graph?limit=0", "limit"),
    ("/api/orgs?kind=bank", "kind"), ("/api/suggest?q=", "q"), ("/api/orgs/abc", "org_id"),
    ("/api/events?limit=100000", "limit"), ("/api/search?q=" + "x" * 300, "q"),
])
def test_bad_input_is_a_4xx_with_a_clear_message(client, url, problem):
    r = client.get(url)
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid request" and any(p.startswith(problem) for p in body["problems"])


def test_hostile_parameters_are_values_not_sql(client):
    for q in ("' OR 1=1 --", "'; DROP TABLE entities; --", "%", "a_b", "\\"):  # none is in a name
        assert client.get("/api/suggest", params={"q": q}).json() == []
        assert client.get("/api/people", params={"q": q}).json() == []
        assert client.get("/api/events", params={"topic": q}).json() == []
        assert client.get("/api/search", params={"q": q}).status_code in (200, 400)
    assert len(client.get("/api/events").json()) == 4


def test_unknown_ids_are_404_with_a_hint(client):
    r = client.get("/api/orgs/99999")
    assert r.status_code == 404 and "no organization with id 99999" in r.json()["error"] and r.json()["hint"]
    assert client.get("/api/events/99999").status_code == 404
    page = client.get("/org/99999")
    assert page.status_code == 404 and "no organization with id 99999" in page.text


def test_openapi_documents_every_route(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/suggest", "/api/orgs", "/api/orgs/{org_id}", "/api/orgs/{org_id}/partners",
                 "/api/orgs/{org_id}/people", "/api/events", "/api/events/{event_id}", "/api/graph",
                 "/api/search", "/api/status", "/api/people"):
        assert path in spec["paths"], path
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/vendor/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()


def test_pages_link_to_each_other(client):
    beta = org_id(client, "Beta Group")
    page = client.get(f"/org/{beta}").text
    assert f'href="/graph?focus={beta}"' in page and f'href="/org/{beta}/explain"' in page
    event_links = re.findall(r'href="/event/(\d+)"', page)
    assert len(event_links) == 2
    event = client.get(f"/event/{event_links[0]}").text
    assert f'href="/org/{beta}"' in event and 'class="f-party"' in event
    assert 'href="https://news.example.org/' in event
    assert client.get("/", params={"q": "Beta Group"}, follow_redirects=False).headers["location"] == f"/org/{beta}"
    results = client.get("/", params={"q": "robotics"}).text
    assert "Alpha University and Beta Group Sign Agreement" in results
    assert "Beta Group" in client.get(f"/org/{beta}/explain").text


def test_every_response_sets_a_content_security_policy(client):
    for url in ("/", "/graph", "/api/graph", "/static/app.css"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert "default-src 'none'" in csp


def test_untrusted_text_is_escaped_everywhere(client):
    evil_a = org_id(client, EVIL_A)
    pages = [client.get(f"/org/{evil_a}").text, client.get(f"/org/{evil_a}/explain").text,
             client.get("/", params={"q": "window"}).text, client.get("/").text]
    ev = re.findall(r'href="/event/(\d+)"', pages[0])[0]
    pages.append(client.get(f"/event/{ev}").text)
    for html in pages:
        assert "<script>window" not in html and "<img src=x" not in html and "<b onmouseover" not in html
        assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # never in an attribute
        assert not re.search(r"""href=["']?\s*javascript""", html, re.I)
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt; Corp" in pages[0]
    assert "&lt;script&gt;window.__xss=4&lt;/script&gt; Title" in pages[4]
    api = client.get(f"/api/orgs/{evil_a}").json()
    assert api["org"]["name"] == EVIL_A  # JSON carries the text as it is
    assert client.get("/api/search", params={"q": "onerror"}).json()[0]["title"] == EVIL_TITLE
    assert EVIL_B in {n["name"] for n in client.get("/api/graph").json()["nodes"]}


def test_reads_leave_the_store_untouched_and_report_staleness(tmp_path):
    db = build(tmp_path, hostile=False)
    with open_store(db) as s:
        ingest_extractions(s, [hostile_extraction()], resolve=False)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (some_org,) = s.conn.execute("SELECT MIN(id) FROM entities").fetchone()
    before = digest(db)
    client = TestClient(create_app(str(db)))
    for url in ("/", "/graph", "/api/graph", "/api/events", f"/api/orgs/{some_org}",
                f"/org/{some_org}", "/api/status"):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["x-partnergraph-stale"] == "1", url
    assert "partnergraph resolve" in client.get("/api/status").json()["stale"]
    assert "not up to date" in client.get("/").text
    assert digest(db) == before


def test_merge_and_split_only_with_allow_edits(tmp_path):
    db = build(tmp_path)
    read_only = TestClient(create_app(str(db)))
    token = read_only.app.state.edit_token
    r = read_only.post("/api/merge", data={"a": "Gamma Institute", "b": "Alpha University", "token": token})
    assert r.status_code == 403 and "--allow-edits" in r.text
    page = read_only.get(f"/org/{org_id(read_only, 'Alpha University')}/explain")
    assert page.status_code == 200 and "Split off" not in page.text

    editable = TestClient(create_app(str(db), allow_edits=True))
    token = editable.app.state.edit_token
    assert editable.post("/api/merge", data={"a": "Gamma Institute", "b": "Alpha University",
                                             "token": "forged"}).status_code == 403
    r = editable.post("/api/merge", data={"a": "Gamma Institute", "b": "Alpha University", "token": token},
                      follow_redirects=False)
    assert r.status_code == 303 and "/explain?done=merged" in r.headers["location"]
    page = editable.get(r.headers["location"]).text
    assert "Split off" in page and "Done: merged" in page
    merged = org_id(editable, "Gamma Institute")
    assert merged == org_id(editable, "Alpha University")
    r = editable.post("/api/split", data={"a": "Alpha University", "token": token}, follow_redirects=False)
    assert r.status_code == 303
    assert org_id(editable, "Gamma Institute") != org_id(editable, "Alpha University")
    unknown = editable.post("/api/merge", data={"a": "Nobody Corp", "b": "Alpha University", "token": token})
    assert unknown.status_code == 400 and "Nobody Corp" in unknown.text


def test_only_the_web_package_imports_fastapi():
    code = ("import sys, partnergraph, partnergraph.cli, partnergraph.query, partnergraph.export;"
            "print([m for m in ('fastapi', 'starlette', 'uvicorn', 'jinja2') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    from pathlib import Path

    import partnergraph
    root = Path(partnergraph.__file__).parent
    importers = {p.relative_to(root).parts[0] for p in root.rglob("*.py")
                 if re.search(r"^\s*(from|import) (fastapi|starlette|uvicorn)\b", p.read_text(encoding="utf-8"), re.M)}
    assert importers <= {"web", "cli"}  # cli/serve.py imports uvicorn inside the command only


BLOCK_WEB = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('fastapi', 'starlette', 'uvicorn', 'jinja2'):
            raise ImportError(f'No module named {name!r}', name=name)
sys.meta_path.insert(0, Block())
from partnergraph.cli import main
main(sys.argv[1:])
"""


def test_the_core_works_without_the_web_extra_and_serve_says_how_to_get_it(db):
    def run(*args):
        return subprocess.run([sys.executable, "-c", BLOCK_WEB, *args], capture_output=True, text=True,
                              timeout=120, check=False)

    stats = run("stats", "--db", str(db), "--json")
    assert stats.returncode == 0 and '"documents": 4' in stats.stdout
    serve = run("serve", "--db", str(db))
    assert serve.returncode == 1 and "Traceback" not in serve.stderr
    assert "Error: the web app needs the web extra" in serve.stderr
    assert "pip install 'partnergraph[web]'" in serve.stderr


def test_serve_refuses_a_missing_store_cleanly(tmp_path):
    res = subprocess.run([sys.executable, "-m", "partnergraph", "serve", "--db", str(tmp_path / "none.db")],
                         capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 1 and "Error: no knowledge base" in res.stderr and "Hint:" in res.stderr
    assert not (tmp_path / "none.db").exists()


def test_cached_graphs_follow_the_store(tmp_path):
    db = build(tmp_path, hostile=False)
    client = TestClient(create_app(str(db)))
    assert client.app.state.answers.enabled
    first = client.get("/api/graph").json()
    assert client.get("/api/graph").json() == first
    assert EVIL_A not in {n["name"] for n in first["nodes"]}
    with open_store(db) as s:  # another writer: an ingest commits and resolves
        ingest_extractions(s, [hostile_extraction()])
    after = client.get("/api/graph").json()
    assert EVIL_A in {n["name"] for n in after["nodes"]}

    editable = TestClient(create_app(str(db), allow_edits=True))
    before = editable.get("/api/graph").json()
    editable.post("/api/merge", data={"a": "Gamma Institute", "b": "Alpha University",
                                      "token": editable.app.state.edit_token})
    merged = editable.get("/api/graph").json()
    assert len(merged["nodes"]) == len(before["nodes"]) - 1


def test_the_answer_cache_can_be_turned_off(db, monkeypatch):
    monkeypatch.setenv("PARTNERGRAPH_WEB_CACHE", "0")
    client = TestClient(create_app(str(db)))
    assert not client.app.state.answers.enabled
    assert client.get("/api/graph").json()["total_nodes"] == 7
    timing = client.get("/api/graph").headers["server-timing"]
    assert timing.startswith("app;dur=") and "cpu;dur=" in timing
