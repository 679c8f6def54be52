"""Search (issue 10): whole words and prefixes in English, substrings in Chinese, a sentence
snippet with the match marked, best first; old stores gain the word index by migration.
Texts written for these tests."""

from __future__ import annotations

import sqlite3

import pytest

from partnergraph.errors import ConfigError
from partnergraph.ingest import ingest_extractions
from partnergraph.models import Extraction, Provenance
from partnergraph.query import search
from partnergraph.fulltext import parse, snippet
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")
DOCS = {
    "committee": "The steering committee met on Monday. It reviewed the budget of the harbour office.",
    "mit": "Researchers from MIT signed an agreement with Linhai University. The lab opens in May.",
    "chairman": "The Chairman of Brightwave Group spoke. Nothing about machines was said.",
    "ai": "Linhai University and Brightwave Group set up a joint lab for AI research. AI is the focus. "
          "The AI lab has AI courses.",
    "robotics": "Brightwave Group works on robotics and robots for ports.",
    "zh": "6月16日,北岭大学与海川集团签约,双方将在人才培养方面合作。",
}


@pytest.fixture
def store():
    s = open_store(":memory:")
    ingest_extractions(s, [Extraction(id=k, text=v, title=None, provenance=PROV) for k, v in DOCS.items()])
    yield s
    s.close()


def ids(hits):
    return [h.doc_id for h in hits]


def test_english_matches_whole_words_not_substrings(store):
    assert ids(search(store, "MIT")) == ["mit"]  # not "com[mit]tee"
    assert ids(search(store, "AI")) == ["ai"]  # not "Ch[ai]rman"


def test_prefix_and_phrase(store):
    assert ids(search(store, "robot*")) == ["robotics"]
    assert ids(search(store, "robot")) == []
    assert ids(search(store, '"joint lab"')) == ["ai"]
    assert ids(search(store, '"lab joint"')) == []


def test_ranked_by_relevance(store):
    # the article that is about AI comes before one that mentions a lab once
    assert ids(search(store, "lab"))[0] == "ai"


def test_snippet_is_the_sentence_with_the_match_marked(store):
    [hit] = search(store, "MIT")
    assert hit.snippet == "Researchers from [MIT] signed an agreement with Linhai University."


def test_chinese_substrings(store):
    assert ids(search(store, "签约")) == ["zh"]
    assert ids(search(store, "人才培养")) == ["zh"]
    [hit] = search(store, "北岭")
    assert "[北岭]大学" in hit.snippet


def test_bad_queries_say_so(store):
    with pytest.raises(ConfigError):
        search(store, "  ")
    with pytest.raises(ConfigError):
        search(store, "***")
    with pytest.raises(ConfigError):
        search(store, "lab", limit=0)
    # FTS syntax typed by a user is text, not a query error
    assert search(store, 'NEAR(" AND OR') == []


def test_snippet_of_a_long_sentence_is_a_window_around_the_match():
    text = "word " * 200 + "target " + "word " * 200 + "."
    s = snippet(text, parse("target"))
    assert "[target]" in s and len(s) < 300 and s.startswith("…")


def test_a_store_from_before_gains_the_word_index(tmp_path):
    path = tmp_path / "old.db"
    s = open_store(path)
    ingest_extractions(s, [Extraction(id="mit", text=DOCS["mit"], provenance=PROV)])
    s.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE documents_words")
    conn.execute("DROP VIEW partners")
    conn.execute("DROP VIEW event_list")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with open_store(path) as s:
        assert ids(search(s, "MIT")) == ["mit"]




@pytest.mark.parametrize("statement, match", [("SEARCH_WORDS", '"memorandum" AND "of"'),
                                              ("SEARCH_SUBSTRING", '"签署合作"')])
def test_search_ranks_and_limits_inside_the_fts5_subquery(statement, match):
    # the plan wanted: FTS5 answers the MATCH (its index string holds "M": no full scan of
    # the index), the sort by score with its LIMIT runs inside the subquery, and only that
    # page of hits is looked up in the documents by key. Plans this catches: every match
    # joined with its document and then sorted (the sort after "SCAN hit"), the documents
    # scanned, or the FTS5 table read whole.
    from partnergraph.store import reads

    s = open_store(":memory:")
    plan = [row[3] for row in s.conn.execute("EXPLAIN QUERY PLAN " + getattr(reads, statement), (match, 5, 0))]
    s.close()
    [fts] = [p for p in plan if "VIRTUAL TABLE" in p]
    assert fts.startswith("SCAN documents_") and "M" in fts.rsplit(":", 1)[-1]
    first_sort = plan.index("USE TEMP B-TREE FOR ORDER BY")
    assert plan.index("MATERIALIZE hit") < plan.index(fts) < first_sort < plan.index("SCAN hit")
    assert plan.index("SCAN hit") < plan.index("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)")
    assert not [p for p in plan if p.startswith("SCAN d") and "VIRTUAL" not in p]


def test_equal_scores_keep_the_order_documents_were_stored_in_across_pages():
    # ties on the score are broken by the store's order, so pages never overlap or skip
    words = "alder aspen birch cedar hazel beech maple rowan holly olive".split()  # equal lengths
    docs = [Extraction(id=f"t{i}", text=f"Kestrel Port and Lumio Labs opened a joint lab at {words[i]} (联合实验室).",
                       provenance=PROV) for i in (5, 3, 9, 1, 7, 0, 8, 2, 6, 4)]
    s = open_store(":memory:")
    ingest_extractions(s, docs, resolve=False)
    pages = [h.doc_id for off in range(0, 10, 3) for h in search(s, "joint lab", limit=3, offset=off)]
    whole = [h.doc_id for h in search(s, "joint lab", limit=10)]
    trigram = [row[0] for row in s.search_substring("联合实验室", 10)]  # Chinese queries' index
    s.close()
    assert pages == whole == trigram == [d.id for d in docs]


def test_a_page_of_hits_is_the_best_first_and_pages_do_not_overlap():
    docs = [Extraction(id=f"d{i:03d}", text=f"Note {i}: " + "lab " * (1 + i % 7) + "harbour office. " * 10, provenance=PROV)
            for i in range(60)]
    s = open_store(":memory:")
    ingest_extractions(s, docs, resolve=False)
    best = [h.doc_id for h in search(s, "lab", limit=60)]
    pages = [h.doc_id for off in (0, 20, 40) for h in search(s, "lab", limit=20, offset=off)]
    s.close()
    assert pages == best and len(set(best)) == 60
    # more occurrences rank first: the 7-times documents lead
    assert {int(d[1:]) % 7 for d in best[:8]} == {6}
