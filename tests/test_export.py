"""Every export format written and read back with the tool users read it with."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from partnergraph.errors import ConfigError
from partnergraph.export import export, graph
from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")


@pytest.fixture(scope="module")
def store():
    s = open_store(":memory:")
    orgs = [Organization(name="Alpha University", aliases=["AU", "阿尔法大学"], kind="university"),
            Organization(name="Beta Group", kind="company"),
            Organization(name="Gamma Institute", kind="research")]
    ingest_extractions(s, [
        Extraction(id="d1", text="text one, with a comma and \"quotes\"\nand a newline",
                   published="2024-01-02", provenance=PROV, organizations=orgs,
                   people=[Person(name="Li Wei", title="Dean", org="Alpha University")],
                   events=[Event(type="agreement", date="2024-01-01", parties=["AU", "Beta Group"],
                                 topics=["ai", "robots"]),
                           Event(type="visit", date="2024-02-01", parties=["Beta Group", "Alpha University"]),
                           Event(type="meeting", date=None, parties=["Gamma Institute", "Beta Group"])]),
    ])
    yield s
    s.close()


def test_graphml_round_trip(store, tmp_path):
    [path] = export(store, "graphml", tmp_path)
    g = nx.read_graphml(path)
    labels = {d["label"]: d for _, d in g.nodes(data=True)}
    assert labels["Alpha University"]["kind"] == "university"
    assert set(labels["Alpha University"]["aliases"].split("|")) == {"Alpha University", "AU", "阿尔法大学"}
    edges = {frozenset((g.nodes[a]["label"], g.nodes[b]["label"])): d for a, b, d in g.edges(data=True)}
    ab = edges[frozenset(("Alpha University", "Beta Group"))]
    assert (ab["weight"], ab["types"], ab["first"], ab["last"]) == (2, "agreement|visit", "2024-01-01", "2024-02-01")
    live = graph(store)
    assert {int(n): d for n, d in g.nodes(data=True)} == dict(live.nodes(data=True))
    assert {frozenset((int(a), int(b))): d for a, b, d in g.edges(data=True)} == {
        frozenset((a, b)): d for a, b, d in live.edges(data=True)}


def test_gexf_round_trip(store, tmp_path):
    [path] = export(store, "gexf", tmp_path)
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 2
    weights = sorted(d["weight"] for _, _, d in g.edges(data=True))
    assert weights == [1, 2]


def test_jsonl_tables(store, tmp_path):
    files = {p.stem: p for p in export(store, "jsonl", tmp_path)}
    assert set(files) == {"documents", "organizations", "people", "events", "edges"}
    read = {k: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
            for k, p in files.items()}
    assert read["documents"][0]["text"].endswith("and a newline") and read["documents"][0]["sources"] == ["d1"]
    au = next(o for o in read["organizations"] if o["name"] == "Alpha University")
    assert sorted(au["aliases"]) == ["AU", "Alpha University", "阿尔法大学"]
    (person,) = read["people"]
    assert 0 < person.pop("id") < 2 ** 53  # resolution/ids.py
    assert person == {"name": "Li Wei", "org_id": au["id"], "org": "Alpha University",
                      "titles": ["Dean"], "n_docs": 1}
    agreement = next(e for e in read["events"] if e["type"] == "agreement")
    assert agreement["topics"] == ["ai", "robots"] and sorted(agreement["parties"]) == ["Alpha University", "Beta Group"]
    assert len(read["edges"]) == 2


def test_csv_tables(store, tmp_path):
    files = {p.stem: p for p in export(store, "csv", tmp_path)}
    with open(files["documents"], encoding="utf-8", newline="") as f:
        [doc] = list(csv.DictReader(f))
    assert doc["text"] == 'text one, with a comma and "quotes"\nand a newline'
    with open(files["events"], encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    assert {e["type"] for e in events} == {"agreement", "visit", "meeting"}
    assert next(e for e in events if e["type"] == "agreement")["topics"] == "ai|robots"


def test_parquet_tables(store, tmp_path):
    files = {p.stem: p for p in export(store, "parquet", tmp_path)}
    orgs = pq.read_table(files["organizations"]).to_pylist()
    assert {o["name"]: o["kind"] for o in orgs} == {
        "Alpha University": "university", "Beta Group": "company", "Gamma Institute": "research"}
    events = pq.read_table(files["events"])
    assert events.num_rows == 3 and events.schema.field("party_ids").type.value_type == "int64"
    edges = pq.read_table(files["edges"]).to_pylist()
    assert sorted(e["weight"] for e in edges) == [1, 2]
    assert pq.read_table(files["documents"]).column("id").to_pylist() == ["d1"]


def test_unknown_format_names_the_valid_ones(store, tmp_path):
    with pytest.raises(ConfigError) as err:
        export(store, "xlsx", tmp_path)
    assert "graphml" in err.value.hint


def test_every_edge_carries_the_ids_of_its_events_and_articles(store, tmp_path):
    files = {p.stem: p for p in export(store, "jsonl", tmp_path)}
    events = {e["id"]: e for e in map(json.loads, files["events"].read_text(encoding="utf-8").splitlines())}
    edges = [json.loads(line) for line in files["edges"].read_text(encoding="utf-8").splitlines()]
    for edge in edges:
        assert len(edge["event_ids"]) == edge["weight"] and edge["doc_ids"] == ["d1"]
        for ev in edge["event_ids"]:
            assert {edge["source"], edge["target"]} <= set(events[ev]["party_ids"])
    [path] = export(store, "graphml", tmp_path)
    g = nx.read_graphml(path)
    ab = next(d for a, b, d in g.edges(data=True) if d["weight"] == 2)
    assert sorted(events[int(i)]["type"] for i in ab["events"].split("|")) == ["agreement", "visit"]
    assert ab["documents"] == "d1"
    parquet = {p.stem: p for p in export(store, "parquet", tmp_path / "pq")}
    rows = pq.read_table(parquet["edges"]).to_pylist()
    assert sorted(len(r["event_ids"]) for r in rows) == [1, 2] and all(r["doc_ids"] == ["d1"] for r in rows)
