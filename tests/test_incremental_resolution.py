"""Incremental resolution (issue 13): a store resolved batch by batch, only where the new
documents and corrections reach, holds the same entities, people and events as one resolved
from scratch (ids aside: they are compared through the names each entity holds), and the
work of adding a document is held to the names it touches.

Records are written here (not extracted), with invented names.
"""

from __future__ import annotations

import json
import random

import pytest

from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance
from partnergraph.resolution import full_resolution, incremental, resolve_store
from partnergraph.resolution.explain import merge, split, undo
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")

# (name, aliases): English and Chinese forms that align by pinyin (Qingchuan / 青川) or only by
# the table's words (中国海洋研究院, linked by a same-day event in both languages), acronyms
# and a short form two organizations share, a university and its school, a left-out place
ORGS = [
    ("Qingchuan University of Science and Technology", ["QUST"]),
    ("青川科技大学", []),
    ("QUST", []),
    ("Qiaolin University of Science and Technology", ["QUST"]),
    ("China Ocean Research Institute", []),
    ("中国海洋研究院", []),
    ("Beiling University", []),
    ("北岭大学", []),
    ("Beiling University School of Medicine", []),
    ("远景大学", []),
    ("上海远景大学", []),
    ("Yuanjing University", []),
    ("Hengtong Group", []),
    ("恒通集团", []),
    ("亨通集团", []),
    ("Marlow Battery Co., Ltd.", ["Marlow"]),
    ("Marlow", []),
    ("Tessaly Motors", ["TM"]),
    ("海川集团", []),
    ("Haichuan Group", []),
]
DAYS = ["2024-03-05", "2024-03-06", "2024-03-20", "2024-04", None]


def generated(n: int, seed: int) -> list[Extraction]:
    rnd = random.Random(seed)
    docs = []
    for i in range(n):
        picks = rnd.sample(ORGS, rnd.randint(2, 4))
        events = []
        for _ in range(rnd.randint(0, 2)):
            a, b = rnd.sample(picks, 2)
            events.append(Event(type=rnd.choice(["agreement", "visit", "joint_entity"]),
                                date=rnd.choice(DAYS), parties=[a[0], b[0]]))
        people = [Person(name=rnd.choice(["Li Wei", "Anna Hale", "王芳"]),
                         title=rnd.choice(["president", None]),
                         org=rnd.choice([picks[0][0], None]))
                  for _ in range(rnd.randint(0, 2))]
        docs.append(Extraction(
            id=f"doc{i}", text=f"invented article {i}", published=f"2024-03-{1 + i % 28:02d}",
            provenance=PROV,
            organizations=[Organization(name=name, aliases=aliases) for name, aliases in picks],
            events=events, people=people))
    return docs


def snapshot(store) -> dict:
    """Every derived table with entity, person and event ids replaced by what they stand for."""
    q = store.conn.execute
    members: dict[int, tuple] = {}
    for key, eid in q("SELECT key, entity_id FROM entity_names"):
        members.setdefault(eid, ())
        members[eid] += (key,)
    members = {i: tuple(sorted(ks)) for i, ks in members.items()}
    m = members.get
    out = {
        "entities": sorted((m(i), key, name, kind, n) for i, key, name, kind, n
                           in q("SELECT id, key, name, kind, n_docs FROM entities")),
        "aliases": sorted((m(i), a, k, n) for i, a, k, n in q("SELECT * FROM entity_aliases")),
        "links": sorted((m(i), a, b, r, d, t) for i, a, b, r, d, t in q("SELECT * FROM entity_links")),
        "conflicts": sorted(q("SELECT * FROM entity_conflicts").fetchall(), key=repr),
        "pairs": sorted((m(e), n, name, m(p), kind, f, la, t) for e, n, name, p, kind, f, la, t
                        in q("SELECT * FROM partner_pairs")),
        "provs": sorted(q("SELECT key, prov FROM name_index")),
    }
    titles: dict[int, list] = {}
    for pid, t, d, pub in q("SELECT * FROM person_titles"):
        titles.setdefault(pid, []).append((t or "", d, pub or ""))
    out["people"] = sorted((name, m(e) or (), n, tuple(sorted(titles.get(i, []))))
                           for i, name, e, n in q("SELECT * FROM people"))
    parties: dict[int, list] = {}
    for ev, e in q("SELECT * FROM event_parties"):
        parties.setdefault(ev, []).append(m(e))
    sources: dict[int, list] = {}
    for ev, d, i, r in q("SELECT * FROM event_sources"):
        sources.setdefault(ev, []).append((d, i, r))
    out["events"] = sorted(
        (t, d or "", s or "", loc or "", json.loads(top), ent or "", n,
         tuple(sorted(parties.get(i, []))), tuple(sorted(sources.get(i, []))))
        for i, t, d, s, loc, top, ent, n in q("SELECT * FROM events"))
    groups = sorted((t, tuple(sorted(m(int(p)) for p in ps.split(",") if p)))
                    for _i, t, ps in q("SELECT * FROM event_groups"))
    out["groups"] = groups
    return out


@pytest.fixture
def always_incremental(monkeypatch):
    """Resolve incrementally however much of a small store changed."""
    monkeypatch.setattr(incremental, "FULL_RUN_SHARE", 1.0)


def from_scratch(docs, corrections=()) -> dict:
    with open_store(":memory:") as s:
        ingest_extractions(s, docs, resolve=False)
        for action in corrections:
            action(s)
        full_resolution(s)
        return snapshot(s)


@pytest.mark.parametrize("seed", range(12))
def test_batches_resolved_incrementally_equal_one_full_run(always_incremental, seed):
    docs = generated(40, seed)
    cuts = sorted(random.Random(seed).sample(range(1, 40), 4))
    with open_store(":memory:") as s:
        ingest_extractions(s, docs[:cuts[0]])  # a first ingest is a full run
        assert s.incremental_ready()
        for a, b in zip(cuts, cuts[1:] + [40]):
            ingest_extractions(s, docs[a:b])
            assert snapshot(s) == from_scratch(docs[:b])
        assert not s.is_stale()


def test_corrections_on_top_of_incremental_resolution(always_incremental):
    docs = generated(30, 99)
    with open_store(":memory:") as s:
        ingest_extractions(s, docs[:10])
        ingest_extractions(s, docs[10:])
        merge(s, "Marlow", "Tessaly Motors")
        split(s, "青川科技大学")
        merge(s, "Beiling University School of Medicine", "Beiling University")
        incremental_state = snapshot(s)
        full_resolution(s)
        assert snapshot(s) == incremental_state
        undo(s, 2)
        assert snapshot(s) == from_scratch(docs, [
            lambda r: r.add_override("merge", "Marlow", "Tessaly Motors"),
            lambda r: r.add_override("merge", "Beiling University School of Medicine", "Beiling University")])


def corrected(doc: Extraction, n: int) -> Extraction:
    """A new version of generated article n: other parties and one agreement between them."""
    return doc.model_copy(update={
        "text": f"invented article {n}, corrected",
        "organizations": [Organization(name="Haichuan Group", aliases=["海川集团"]),
                          Organization(name="Beiling University")],
        "events": [Event(type="agreement", date="2024-03-05",
                         parties=["Haichuan Group", "Beiling University"])]})


def test_a_replaced_document_is_resolved_again(always_incremental):
    docs = generated(20, 7)
    changed = corrected(docs[5], 5)
    with open_store(":memory:") as s:
        ingest_extractions(s, docs)
        report = ingest_extractions(s, [changed])
        assert report.replaced == 1
        final = docs[:5] + [changed] + docs[6:]
        assert snapshot(s) == from_scratch(final)


def test_the_same_event_in_both_languages_links_a_pair_added_later(always_incremental):
    """The cross-language evidence that looks beyond a component: the two reports' other
    party must be one organization, which a later document can establish."""
    def doc(i, orgs, events=(), aliases=None):
        return Extraction(id=f"x{i}", text=f"article x{i}", provenance=PROV,
                          organizations=[Organization(name=o, aliases=(aliases or {}).get(o, []))
                                         for o in orgs],
                          events=[Event(type="agreement", date="2024-03-05", parties=list(p))
                                  for p in events])
    docs = [
        doc(1, ["中国海洋研究院", "北岭大学"], [("中国海洋研究院", "北岭大学")]),
        doc(2, ["China Ocean Research Institute", "Beiling Medical College"],
            [("China Ocean Research Institute", "Beiling Medical College")]),
        doc(3, ["Tessaly Motors"]),
        # the college turns out to be 北岭大学's other English name: now the two reports
        # have one other party, and the institute's two names are linked
        doc(4, ["北岭大学"], aliases={"北岭大学": ["Beiling Medical College"]}),
    ]
    with open_store(":memory:") as s:
        ingest_extractions(s, docs[:3])
        ingest_extractions(s, docs[3:])
        assert snapshot(s) == from_scratch(docs)
        ocean = s.entities_of_keys(["中国海洋研究院", "china ocean research institute"])
        assert len(set(ocean.values())) == 1


def _stored_then_added(s, docs, new):
    """`docs` ingested into `s`, then `new` stored and resolved on its own: the run's stats."""
    ingest_extractions(s, docs)
    with s.transaction():
        s.put_extraction(new)
        s.bump_generation()
    return resolve_store(s)


def test_adding_a_document_re_resolves_only_the_names_it_touches(always_incremental):
    """The work is bounded by what the document reaches, not by the store: on a store of
    600 documents about 300 unrelated organizations, one document naming two of them (one
    with a short form) re-resolves those names, re-decides the one link that document gives
    (counts over the others come from SQL) and re-clusters one event group."""
    docs = [Extraction(id=f"s{i}", text=f"stored article {i}", provenance=PROV,
                       organizations=[Organization(name=f"Orvanta Lab {i % 300}"),
                                      Organization(name=f"Keswick Foundry {(i * 7) % 300}")],
                       events=[Event(type="agreement", date="2024-05-01",
                                     parties=[f"Orvanta Lab {i % 300}",
                                              f"Keswick Foundry {(i * 7) % 300}"])],
                       people=[Person(name=f"Dana Reyes {i}", org=f"Orvanta Lab {i % 300}")])
            for i in range(600)]
    new = Extraction(id="new", text="a new article", provenance=PROV,
                     organizations=[Organization(name="Orvanta Lab 17", aliases=["Orvanta"]),
                                    Organization(name="Keswick Foundry 3")],
                     events=[Event(type="agreement", date="2024-05-02",
                                   parties=["Orvanta Lab 17", "Keswick Foundry 3"])],
                     people=[Person(name="Dana Reyes 17", org="Orvanta")])
    with open_store(":memory:") as s:
        stats = _stored_then_added(s, docs, new)
        assert stats is not None
        assert stats.touched == {"orvanta lab 17", "orvanta", "keswick foundry 3"}
        assert stats.links_read == 1  # the new document's alias; counts come from SQL
        assert stats.entities_written == 2
        # Orvanta Lab 17 and Keswick Foundry 3 meet in two stored reports, one a day apart
        assert (stats.events_written, stats.event_reports) == (2, 3)
        # the two people at Orvanta Lab 17, whose names changed (Dana Reyes 17 and 317)
        assert stats.people_written == 2
        assert snapshot(s) == from_scratch(docs + [new])


def _hub_store(n: int):
    """A store of `n` documents each naming Varnell Institute of Optics by its full name and
    its acronym (a link every document gives again), and one of 50 other organizations."""
    return [Extraction(id=f"h{i}", text=f"hub article {i}", provenance=PROV,
                       organizations=[Organization(name="Varnell Institute of Optics",
                                                   aliases=["VIO"]),
                                      Organization(name=f"Tarsk Works {i % 50}")])
            for i in range(n)]


def test_a_link_many_documents_give_is_read_once_whatever_the_store_holds(always_incremental):
    """Adding a document naming a hub re-decides the hub's link once, not once per document
    giving it: the links held in memory do not grow with the store (issue 13), while every
    document giving it is still written as the link's evidence."""
    new = Extraction(id="new", text="a new article", provenance=PROV,
                     organizations=[Organization(name="Varnell Institute of Optics",
                                                 aliases=["VIO"]),
                                    Organization(name="Tarsk Works 7")])
    read = {}
    for n in (40, 160):
        docs = _hub_store(n)
        with open_store(":memory:") as s:
            read[n] = _stored_then_added(s, docs, new).links_read
            assert snapshot(s) == from_scratch(docs + [new])
            # the alias and the acronym link, for each document
            assert s.conn.execute("SELECT COUNT(*) FROM entity_links").fetchone()[0] == 2 * (n + 1)
    assert read[40] == read[160] == 2


def test_a_link_kept_apart_in_many_documents_is_explained_in_each(always_incremental):
    """A link the unit guard refuses ("… of Technology" adds a unit), given by several
    documents, is recorded as a conflict for each with that document's own detail, as a full
    run records it."""
    docs = [Extraction(id=f"w{i}", text=f"article {i}", provenance=PROV,
                       organizations=[Organization(name="Morwen University",
                                                   aliases=["Morwen University of Technology"])])
            for i in range(3)] + [
        Extraction(id="t", text="another article", provenance=PROV,
                   organizations=[Organization(name="Morwen University of Technology")])]
    with open_store(":memory:") as s:
        ingest_extractions(s, docs[:2])
        ingest_extractions(s, docs[2:])
        assert snapshot(s) == from_scratch(docs)
        details = s.conn.execute("SELECT detail FROM entity_conflicts"
                                 " WHERE rule='different-unit'").fetchall()
        assert len(details) == 3
        assert all(d.endswith("is not followed") and "also 'Morwen University of Technology'"
                   in d for d, in details)


def test_an_incremental_run_holds_sqlite_page_cache_small(always_incremental, monkeypatch):
    """The pages an incremental run reads once each (the documents of a name named in
    thousands) do not fill the store's 64 MB page cache: it is held small while the run
    reads, and restored after."""
    seen = []
    real = incremental._resolve_part

    def spy(store, closure):
        seen.append(store.conn.execute("PRAGMA cache_size").fetchone()[0])
        return real(store, closure)

    monkeypatch.setattr(incremental, "_resolve_part", spy)
    with open_store(":memory:") as s:
        ingest_extractions(s, _hub_store(20))
        before = s.conn.execute("PRAGMA cache_size").fetchone()[0]
        ingest_extractions(s, _hub_store(21)[20:])
        assert seen and all(-4096 <= c < 0 for c in seen)
        assert s.conn.execute("PRAGMA cache_size").fetchone()[0] == before
