"""Queries across articles: partners, events, profiles, people, full-text search, stats."""

from __future__ import annotations

import re

import pytest

from partnergraph import query
from partnergraph.errors import ConfigError, PartnergraphError
from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")
SOOCHOW = "Soochow University"


def ex(id, text, orgs, events, people=(), published=None):
    return Extraction(
        id=id, text=text, published=published, provenance=PROV,
        organizations=[Organization(name=n, aliases=list(a), kind=k) for n, a, k in orgs],
        events=[Event(type=t, date=d, parties=list(p), topics=list(tp)) for t, d, p, tp in events],
        people=[Person(name=n, title=t, org=o) for n, t, o in people],
    )


@pytest.fixture(scope="module")
def store():
    s = open_store(":memory:")
    ingest_extractions(s, [
        ex("s1", "Soochow University and Suzhou Nano Co., Ltd. signed an agreement on materials.",
           [(SOOCHOW, ["苏州大学"], "university"), ("Suzhou Nano Co., Ltd.", [], "company")],
           [("agreement", "2021-06-01", [SOOCHOW, "Suzhou Nano Co., Ltd."], ["materials"])],
           people=[("Zhang Xiaoming", "President", SOOCHOW)], published="2021-06-02"),
        ex("s2", "苏州大学与苏州纳米公司签署协议。",
           [("苏州大学", [], "university"), ("Suzhou Nano", [], "company")],
           [("agreement", "2023-04-10", ["苏州大学", "Suzhou Nano"], ["新材料"])],
           people=[("Zhang Xiaoming", "Party Secretary", "苏州大学")], published="2023-04-11"),
        ex("s3", "A delegation of Eastlake Group visited Soochow University.",
           [(SOOCHOW, [], "university"), ("Eastlake Group", [], "company")],
           [("visit", "2022-09-15", ["Eastlake Group", SOOCHOW], ["batteries"])],
           people=[("Wang Fang", "Chairman", "Eastlake Group")], published="2022-09-16"),
        ex("s4", "Eastlake Group and Riverside Institute held a joint seminar.",
           [("Eastlake Group", [], "company"), ("Riverside Institute", [], "research")],
           [("meeting", "2024-01-20", ["Eastlake Group", "Riverside Institute"], ["batteries"])],
           published="2024-01-21"),
    ])
    yield s
    s.close()


def test_partners_counts_first_and_last_dates(store):
    rows = query.partners(store, "苏州大学")
    assert [(p.org.name, p.events, p.first, p.last, p.types) for p in rows] == [
        ("Suzhou Nano Co., Ltd.", 2, "2021-06-01", "2023-04-10", ["agreement"]),
        ("Eastlake Group", 1, "2022-09-15", "2022-09-15", ["visit"]),
    ]


def test_partners_since_until_and_type(store):
    assert [p.org.name for p in query.partners(store, SOOCHOW, since="2022")] == [
        "Eastlake Group", "Suzhou Nano Co., Ltd."]  # ties by name
    assert [p.events for p in query.partners(store, SOOCHOW, since="2022")] == [1, 1]
    assert [p.org.name for p in query.partners(store, SOOCHOW, until="2022-09")] == [
        "Eastlake Group", "Suzhou Nano Co., Ltd."]
    assert [p.org.name for p in query.partners(store, SOOCHOW, until="2022-08")] == [
        "Suzhou Nano Co., Ltd."]
    assert [p.org.name for p in query.partners(store, SOOCHOW, type="visit")] == ["Eastlake Group"]


def test_events_filters(store):
    assert [e.date for e in query.events(store)] == ["2021-06-01", "2022-09-15", "2023-04-10", "2024-01-20"]
    assert [e.type for e in query.events(store, org="Eastlake Group")] == ["visit", "meeting"]
    assert [e.date for e in query.events(store, topic="batteries", since="2023")] == ["2024-01-20"]
    assert [e.type for e in query.events(store, kind="research")] == ["meeting"]
    assert [e.type for e in query.events(store, org=SOOCHOW, kind="company", type="agreement")] == [
        "agreement", "agreement"]
    shared = query.events(store, org="Soochow University", with_org="Suzhou Nano")
    assert [e.date for e in shared] == ["2021-06-01", "2023-04-10"]
    assert query.events(store, org="Riverside Institute", with_org=SOOCHOW) == []
    first = query.events(store)[0]
    assert first.parties == [SOOCHOW, "Suzhou Nano Co., Ltd."] and first.sources[0].doc_id == "s1"


def test_org_profile(store):
    p = query.org(store, "soochow university")
    assert p.org.kind == "university" and p.documents == 3
    assert {a.name for a in p.aliases} == {SOOCHOW, "苏州大学"}
    assert [x.org.name for x in p.partners] == ["Suzhou Nano Co., Ltd.", "Eastlake Group"]
    assert [e.date for e in p.timeline] == ["2021-06-01", "2022-09-15", "2023-04-10"]
    assert [(x.name, x.titles) for x in p.people] == [("Zhang Xiaoming", ["Party Secretary", "President"])]


def test_people_at_an_org(store):
    assert [(x.name, x.titles, x.documents) for x in query.people(store, "Eastlake Group")] == [
        ("Wang Fang", ["Chairman"], 1)]


def test_search_english_and_chinese(store):
    assert [h.doc_id for h in query.search(store, "delegation")] == ["s3"]
    assert [h.doc_id for h in query.search(store, "苏州大学")] == ["s2"]
    assert [h.doc_id for h in query.search(store, "协议")] == ["s2"]  # two characters: a scan
    assert "[delegation]" in query.search(store, "delegation")[0].snippet
    assert [h.doc_id for h in query.search(store, "A DELEGATION")] == ["s3"]
    # a short English query is a word, not a substring, in any case
    assert [h.doc_id for h in query.search(store, "AN")] == [
        d for d in ("s1", "s2", "s3", "s4") if re.search(r"\ban\b", store.document(
            store.lookup_source(d)[0])["text"], re.IGNORECASE)]


def test_stats(store):
    st = query.stats(store)
    assert (st["documents"], st["organizations"], st["events"], st["people"]) == (4, 4, 4, 2)


def test_unknown_org_error_names_the_closest(store):
    with pytest.raises(PartnergraphError) as err:
        query.partners(store, "Soochow Universty")
    assert "Soochow University" in err.value.hint


@pytest.mark.parametrize("kwargs", [{"since": "last year"}, {"type": "party"}, {"kind": "shop"}])
def test_bad_filters_say_what_is_valid(store, kwargs):
    with pytest.raises(ConfigError) as err:
        query.events(store, **kwargs)
    assert err.value.hint


def test_organizations_ranked_by_partners_of_a_kind(store):
    rows = query.organizations(store)
    assert [(r.org.name, r.partners, r.events) for r in rows[:2]] == [
        (SOOCHOW, 2, 3), ("Eastlake Group", 2, 2)]
    companies = query.organizations(store, kind="company", partner_kind="university")
    assert [(r.org.name, r.partners, r.events) for r in companies] == [
        ("Suzhou Nano Co., Ltd.", 1, 2), ("Eastlake Group", 1, 1)]
    signed = query.organizations(store, kind="company", partner_kind="university",
                                 type="agreement", since="2023", min_partners=1)
    assert [(r.org.name, r.events) for r in signed] == [("Suzhou Nano Co., Ltd.", 1)]
    assert query.organizations(store, min_partners=3) == []
