"""Hypothesis properties of the knowledge base: name keys are idempotent, resolution and event
dedup ignore input order, and the store returns any text exactly as given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph.ingest import ingest_extractions
from partnergraph.models import (
    EVENT_TYPES,
    ORG_KINDS,
    Event,
    Extraction,
    Organization,
    Person,
    Provenance,
    Span,
)
from partnergraph.resolution.events import dedup_events
from partnergraph.resolution.names import name_key
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")

# names built from the pieces name_key works on: legal forms, articles, scripts, widths
NAMES = st.lists(
    st.sampled_from(list("AbcXyZ .,&()-'") + ["Co.", "Ltd", "Inc", "the ", "The ", "大学", "華", "华",
                                              "有限公司", "Ａ", "ß", "İ", "\u3000", "·"]),
    max_size=12,
).map("".join)


@given(st.one_of(st.text(max_size=40), NAMES))
@settings(max_examples=400)
def test_name_key_is_idempotent(name):
    assert name_key(name_key(name)) == name_key(name)


POOL = [
    ("Huazhong University of Science and Technology", ["HUST", "华中科技大学"]),
    ("HUST", []),
    ("华中科技大学", []),
    ("Wuhan University", []),
    ("Wuhan University of Technology", ["Wuhan University"]),
    ("Zhejiang Huayou Cobalt Co., Ltd.", ["Huayou"]),
    ("Huayou", []),
    ("LG Energy Solution", ["LGES"]),
    ("Hanoi University of Science and Technology", ["HUST"]),
]


@st.composite
def documents(draw):
    n = draw(st.integers(2, 7))
    docs = []
    for i in range(n):
        picks = draw(st.lists(st.sampled_from(POOL), min_size=2, max_size=3, unique_by=lambda p: p[0]))
        day = draw(st.integers(1, 9))
        docs.append(Extraction(
            id=f"d{i}", text=f"document {i}", published=f"2024-03-0{day}", provenance=PROV,
            organizations=[Organization(name=n_, aliases=a) for n_, a in picks],
            events=[Event(type=draw(st.sampled_from(["agreement", "visit"])), date=f"2024-03-0{day}",
                          parties=[picks[0][0], picks[1][0]])],
        ))
    return docs


def resolved(docs):
    with open_store(":memory:") as s:
        ingest_extractions(s, docs)
        entities = sorted(
            (name, tuple(sorted(a for (a,) in s.conn.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id=?", (i,)))))
            for i, name in s.conn.execute("SELECT id, name FROM entities"))
        events = sorted(
            (t, d, n, tuple(sorted(p for (p,) in s.conn.execute(
                "SELECT en.name FROM event_parties p JOIN entities en ON en.id=p.entity_id"
                " WHERE p.event_id=?", (i,)))))
            for i, t, d, n in s.conn.execute("SELECT id, type, date, n_sources FROM events"))
        return entities, events


@given(documents(), st.randoms(use_true_random=False))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_resolution_does_not_depend_on_ingestion_order(docs, rnd):
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    assert resolved(docs) == resolved(shuffled)


@given(st.lists(st.tuples(st.sampled_from(["agreement", "visit"]), st.integers(1, 28),
                          st.sampled_from([("A", "B"), ("B", "A"), ("A", "C")])), max_size=12),
       st.randoms(use_true_random=False))
@settings(max_examples=200)
def test_event_dedup_does_not_depend_on_order(reports, rnd):
    keys = {"a": 1, "b": 2, "c": 3}
    rows = [(i, 0, t, f"2024-05-{d:02d}", list(p), None, [], None, None)
            for i, (t, d, p) in enumerate(reports)]
    shuffled = rows[:]
    rnd.shuffle(shuffled)

    def shape(events):
        return sorted((e.type, e.date, tuple(e.parties), tuple(sorted(s[0] for s in e.sources)))
                      for e in events)

    assert shape(dedup_events(rows, keys)) == shape(dedup_events(shuffled, keys))
    assert sum(len(e.sources) for e in dedup_events(rows, keys)) == len(rows)


@given(st.text(min_size=1, max_size=300))
@settings(max_examples=100, deadline=None)
def test_store_returns_any_text_exactly(text):
    store = open_store(":memory:")
    ex = Extraction(id="x", text=text, provenance=PROV)
    ingest_extractions(store, [ex])
    doc = store.document(1)
    assert doc["text"] == text and doc["id"] == "x"
    ingest_extractions(store, [ex])
    assert store.stats()["documents"] == 1
    store.close()


SPANS = st.lists(st.builds(Span, start=st.integers(0, 50), end=st.integers(0, 50),
                           field=st.one_of(st.none(), st.sampled_from(["name", "party", "date"]))),
                 max_size=3)
WORDS = st.text(min_size=1, max_size=12)
EXTRACTIONS = st.builds(
    Extraction,
    id=st.text(min_size=1, max_size=10), text=st.text(max_size=80),
    url=st.one_of(st.none(), st.just("https://x.org/1")), lang=st.sampled_from(["en", "zh"]),
    title=st.one_of(st.none(), WORDS), published=st.one_of(st.none(), st.just("2024-05-01")),
    provenance=st.just(PROV), warnings=st.lists(WORDS, max_size=2),
    organizations=st.lists(st.builds(Organization, name=WORDS, aliases=st.lists(WORDS, max_size=2),
                                     kind=st.sampled_from(ORG_KINDS), evidence=SPANS,
                                     confidence=st.floats(0, 1)), max_size=3),
    people=st.lists(st.builds(Person, name=WORDS, title=st.one_of(st.none(), WORDS),
                              org=st.one_of(st.none(), WORDS), evidence=SPANS), max_size=2),
    events=st.lists(st.builds(Event, type=st.sampled_from(EVENT_TYPES), date=st.one_of(st.none(), WORDS),
                              parties=st.lists(WORDS, max_size=3), location=st.one_of(st.none(), WORDS),
                              topics=st.lists(WORDS, max_size=2), entity=st.one_of(st.none(), WORDS),
                              evidence=SPANS), max_size=2),
)


@given(EXTRACTIONS)
@settings(max_examples=100, deadline=None)
def test_store_round_trips_any_extraction(ex):
    with open_store(":memory:") as store:
        ingest_extractions(store, [ex])
        assert store.extraction(ex.id) == ex
