"""The knowledge base schema, as numbered migrations applied in order.

`PRAGMA user_version` holds the version a database is at; `migrate()` applies the missing
steps, each in the same transaction as the version bump, so a database is never half-migrated.
A database written by a newer partnergraph is refused rather than guessed at.

Two kinds of tables live here:
- what was read: documents (with FTS5 over title and text), the sources each document was
  seen at, and every extracted mention as the backend gave it (`*_mentions`, `org_names`);
- what resolution derives from them plus the user's overrides: entities, people, events and
  the links that explain each join. Derived tables are rebuilt whole by `Store.write_resolution`,
  so they are always a function of the mentions and overrides, never of ingestion order.
"""

from __future__ import annotations

import sqlite3

from partnergraph.errors import StoreError

V1 = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('generation', '0'), ('resolved_generation', '0');

CREATE TABLE documents(
    doc_key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,
    lang TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    backend TEXT,
    backend_version TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_key', tokenize='trigram'
);

-- every place a document was seen: itself, an exact copy under another id, a near-duplicate
CREATE TABLE document_sources(
    doc_id TEXT PRIMARY KEY,
    doc_key INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('self', 'exact', 'near')),
    url TEXT,
    source TEXT,
    published TEXT,
    content_hash TEXT NOT NULL
);
CREATE INDEX document_sources_doc ON document_sources(doc_key);

CREATE TABLE org_mentions(
    doc_key INTEGER NOT NULL, idx INTEGER NOT NULL,
    name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL,
    evidence TEXT NOT NULL, confidence REAL NOT NULL, implicit INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_key, idx)
);
-- one row per name or alias of an org mention, indexed by key: the documents behind a name
CREATE TABLE org_names(
    doc_key INTEGER NOT NULL, idx INTEGER NOT NULL, role TEXT NOT NULL,
    name TEXT NOT NULL, key TEXT NOT NULL
);
CREATE INDEX org_names_doc ON org_names(doc_key);
CREATE INDEX org_names_key ON org_names(key);
CREATE TABLE person_mentions(
    doc_key INTEGER NOT NULL, idx INTEGER NOT NULL,
    name TEXT NOT NULL, title TEXT, org TEXT,
    evidence TEXT NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (doc_key, idx)
);
CREATE TABLE event_mentions(
    doc_key INTEGER NOT NULL, idx INTEGER NOT NULL,
    type TEXT NOT NULL, date TEXT, parties TEXT NOT NULL, location TEXT,
    topics TEXT NOT NULL, entity TEXT, evidence TEXT NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (doc_key, idx)
);

-- user decisions, applied by every resolution run (kept across re-ingestion)
CREATE TABLE overrides(
    seq INTEGER PRIMARY KEY,
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    key_a TEXT NOT NULL, key_b TEXT,
    name_a TEXT NOT NULL, name_b TEXT,
    created_at TEXT NOT NULL
);

-- derived by resolution
CREATE TABLE entities(
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL, n_docs INTEGER NOT NULL
);
CREATE TABLE entity_names(key TEXT PRIMARY KEY, entity_id INTEGER NOT NULL);
CREATE INDEX entity_names_entity ON entity_names(entity_id);
CREATE TABLE entity_aliases(
    entity_id INTEGER NOT NULL, alias TEXT NOT NULL, key TEXT NOT NULL, n_docs INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE entity_links(
    entity_id INTEGER NOT NULL, key_a TEXT NOT NULL, key_b TEXT NOT NULL,
    rule TEXT NOT NULL, doc_key INTEGER, detail TEXT NOT NULL
);
CREATE INDEX entity_links_entity ON entity_links(entity_id);
CREATE TABLE entity_conflicts(
    key_a TEXT NOT NULL, key_b TEXT NOT NULL, rule TEXT NOT NULL, doc_key INTEGER,
    detail TEXT NOT NULL
);
CREATE INDEX entity_conflicts_a ON entity_conflicts(key_a);
CREATE INDEX entity_conflicts_b ON entity_conflicts(key_b);
CREATE TABLE people(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, entity_id INTEGER, n_docs INTEGER NOT NULL
);
CREATE INDEX people_entity ON people(entity_id);
CREATE TABLE person_titles(
    person_id INTEGER NOT NULL, title TEXT, doc_key INTEGER NOT NULL, published TEXT
);
CREATE INDEX person_titles_person ON person_titles(person_id);
CREATE TABLE events(
    id INTEGER PRIMARY KEY, type TEXT NOT NULL, date TEXT, sort_date TEXT,
    location TEXT, topics TEXT NOT NULL, entity TEXT, n_sources INTEGER NOT NULL
);
CREATE INDEX events_sort_date ON events(sort_date);
CREATE TABLE event_parties(
    event_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_parties_entity ON event_parties(entity_id, event_id);
CREATE TABLE event_sources(
    event_id INTEGER NOT NULL, doc_key INTEGER NOT NULL, idx INTEGER NOT NULL, rule TEXT NOT NULL
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_doc ON event_sources(doc_key);
"""

# Near-duplicate signatures (documents/neardup.py) and their LSH band hashes, kept in the
# database rather than in memory so ingesting 100k documents holds no growing index.
V2 = """
CREATE TABLE near_signatures(
    doc_key INTEGER PRIMARY KEY, scheme TEXT NOT NULL, signature BLOB NOT NULL
);
CREATE TABLE near_bands(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL);
CREATE INDEX near_bands_hash ON near_bands(band_hash);
CREATE INDEX near_bands_doc ON near_bands(doc_key);
"""

# Partner pairs precomputed by resolution (both directions), so `partners` and `org` on an
# organization with thousands of events read one index range instead of joining events
# (bench/bench_store.py: 20 ms → under 2 ms for a hub with 1,440 partners).
V3 = """
CREATE TABLE partner_pairs(
    entity_id INTEGER NOT NULL, partner_id INTEGER NOT NULL, n_events INTEGER NOT NULL,
    first TEXT, last TEXT, types TEXT NOT NULL, PRIMARY KEY (entity_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_pairs_rank ON partner_pairs(entity_id, n_events DESC);
DROP INDEX org_names_key;
CREATE INDEX org_names_key ON org_names(key, doc_key);
DROP INDEX people_entity;
CREATE INDEX people_entity ON people(entity_id, n_docs DESC);
"""

# Partner pairs carry the partner's name and kind and their event types in a fixed order,
# so a hub's partner list needs no join and no per-row sorting.
V4 = """
DROP TABLE partner_pairs;
CREATE TABLE partner_pairs(
    entity_id INTEGER NOT NULL, partner_id INTEGER NOT NULL, n_events INTEGER NOT NULL,
    first TEXT, last TEXT, types TEXT NOT NULL, partner_name TEXT NOT NULL,
    partner_kind TEXT NOT NULL, PRIMARY KEY (entity_id, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_pairs_rank ON partner_pairs(entity_id, n_events DESC, partner_name);
"""

# Partner pairs clustered by (organization, events desc, name): a hub's partner list is one
# sequential range scan instead of a lookup per partner (bench/bench_store.py, 100k events:
# the 4,831 partners of the largest hub in 16 ms instead of 24 ms, SQL alone). Derived tables
# changed shape in V3-V5, so the store is marked stale and the next query or ingest
# rebuilds them.
V5 = """
DROP TABLE partner_pairs;
CREATE TABLE partner_pairs(
    entity_id INTEGER NOT NULL, n_events INTEGER NOT NULL, partner_name TEXT NOT NULL,
    partner_id INTEGER NOT NULL, partner_kind TEXT NOT NULL, first TEXT, last TEXT,
    types TEXT NOT NULL, PRIMARY KEY (entity_id, n_events DESC, partner_name, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_pairs_pair ON partner_pairs(entity_id, partner_id);
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
"""

# Search by words: an FTS5 index with the unicode61 tokenizer next to the trigram one, so an
# English query matches whole words and prefixes ("MIT" no longer hits "committee"); Chinese
# queries keep the trigram index (substrings). Derived tables gain foreign keys and the store
# two views, so datasette shows names instead of bare ids and a partner list out of the box
# (foreign keys are declared for readers, not enforced: resolution rewrites the tables whole).
# Written to run again over its own result (a database whose version number was lowered).
V6 = """
DROP TABLE IF EXISTS documents_words;
CREATE VIRTUAL TABLE documents_words USING fts5(
    title, text, content='documents', content_rowid='doc_key', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO documents_words(documents_words) VALUES ('rebuild');
DROP TABLE IF EXISTS document_sources_v6;
CREATE TABLE document_sources_v6(
    doc_id TEXT PRIMARY KEY,
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key),
    kind TEXT NOT NULL CHECK (kind IN ('self', 'exact', 'near')),
    url TEXT,
    source TEXT,
    published TEXT,
    content_hash TEXT NOT NULL
);
INSERT INTO document_sources_v6 SELECT * FROM document_sources;
DROP TABLE document_sources;
ALTER TABLE document_sources_v6 RENAME TO document_sources;
CREATE INDEX document_sources_doc ON document_sources(doc_key);
DROP TABLE entity_names;
CREATE TABLE entity_names(key TEXT PRIMARY KEY, entity_id INTEGER NOT NULL REFERENCES entities(id));
CREATE INDEX entity_names_entity ON entity_names(entity_id);
DROP TABLE entity_aliases;
CREATE TABLE entity_aliases(
    entity_id INTEGER NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, key TEXT NOT NULL,
    n_docs INTEGER NOT NULL, PRIMARY KEY (entity_id, alias)
);
DROP TABLE entity_links;
CREATE TABLE entity_links(
    entity_id INTEGER NOT NULL REFERENCES entities(id), key_a TEXT NOT NULL, key_b TEXT NOT NULL,
    rule TEXT NOT NULL, doc_key INTEGER REFERENCES documents(doc_key), detail TEXT NOT NULL
);
CREATE INDEX entity_links_entity ON entity_links(entity_id);
DROP TABLE people;
CREATE TABLE people(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, entity_id INTEGER REFERENCES entities(id),
    n_docs INTEGER NOT NULL
);
CREATE INDEX people_entity ON people(entity_id, n_docs DESC);
DROP TABLE person_titles;
CREATE TABLE person_titles(
    person_id INTEGER NOT NULL REFERENCES people(id), title TEXT,
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key), published TEXT
);
CREATE INDEX person_titles_person ON person_titles(person_id);
DROP TABLE event_parties;
CREATE TABLE event_parties(
    event_id INTEGER NOT NULL REFERENCES events(id),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_parties_entity ON event_parties(entity_id, event_id);
DROP TABLE event_sources;
CREATE TABLE event_sources(
    event_id INTEGER NOT NULL REFERENCES events(id),
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key), idx INTEGER NOT NULL, rule TEXT NOT NULL
);
CREATE INDEX event_sources_event ON event_sources(event_id);
CREATE INDEX event_sources_doc ON event_sources(doc_key);
DROP TABLE partner_pairs;
CREATE TABLE partner_pairs(
    entity_id INTEGER NOT NULL REFERENCES entities(id), n_events INTEGER NOT NULL,
    partner_name TEXT NOT NULL, partner_id INTEGER NOT NULL REFERENCES entities(id),
    partner_kind TEXT NOT NULL, first TEXT, last TEXT,
    types TEXT NOT NULL, PRIMARY KEY (entity_id, n_events DESC, partner_name, partner_id)
) WITHOUT ROWID;
CREATE INDEX partner_pairs_pair ON partner_pairs(entity_id, partner_id);
DROP VIEW IF EXISTS partners;
DROP VIEW IF EXISTS event_list;
CREATE VIEW partners AS
    SELECT e.name AS organization, p.partner_name AS partner, p.partner_kind, p.n_events AS events,
           p.first, p.last, p.types, p.entity_id AS organization_id, p.partner_id
    FROM partner_pairs p JOIN entities e ON e.id = p.entity_id;
CREATE VIEW event_list AS
    SELECT ev.id, ev.type, ev.date, ev.sort_date,
           (SELECT group_concat(en.name, ' | ') FROM event_parties ep JOIN entities en
            ON en.id = ep.entity_id WHERE ep.event_id = ev.id) AS parties,
           ev.location, ev.topics, ev.entity, ev.n_sources,
           (SELECT group_concat(d.id, ' | ') FROM event_sources s JOIN documents d
            ON d.doc_key = s.doc_key WHERE s.event_id = ev.id) AS sources
    FROM events ev;
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
"""

# Incremental resolution (resolution/incremental.py): what changed since the last run (documents
# written or deleted, names whose documents or overrides changed), every name key resolution
# has seen with its provisional cross-language group, the blocking keys that find a new name's
# cross-language candidates, the link candidates between names (`name_edges`) and the
# documents where a name is linked to another (`link_docs`), the two-party dated reports by
# name (`event_keys`, for same-event evidence), each event's (type, parties) group and each
# person's name key. The next resolution is a full one: it fills these tables.
V7 = """
CREATE TABLE IF NOT EXISTS dirty_docs(doc_key INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS dirty_keys(key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS name_index(key TEXT PRIMARY KEY, prov TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS name_blocks(block TEXT NOT NULL, key TEXT NOT NULL,
    PRIMARY KEY (block, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS name_edges(a TEXT NOT NULL, b TEXT NOT NULL,
    PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS event_groups(event_id INTEGER PRIMARY KEY, type TEXT NOT NULL,
    parties TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_groups_group ON event_groups(type, parties);
CREATE TABLE IF NOT EXISTS link_docs(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS link_docs_doc ON link_docs(doc_key);
CREATE TABLE IF NOT EXISTS event_keys(key TEXT NOT NULL, type TEXT NOT NULL, date TEXT NOT NULL,
    other TEXT NOT NULL, doc_key INTEGER NOT NULL, idx INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS event_keys_key ON event_keys(key, type, date);
CREATE INDEX IF NOT EXISTS event_keys_doc ON event_keys(doc_key);
CREATE TABLE IF NOT EXISTS person_keys(person_id INTEGER PRIMARY KEY, key TEXT NOT NULL,
    entity_id INTEGER);
CREATE INDEX IF NOT EXISTS person_keys_key ON person_keys(key, entity_id);
CREATE INDEX IF NOT EXISTS person_titles_doc ON person_titles(doc_key);
INSERT OR REPLACE INTO meta VALUES ('incremental_ready', '0');
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
"""

# Input files ingest has stored whole (ingest_files.py): a file whose path, size and
# modification time (or else content hash) are the ones recorded, read under the same
# settings, is not read nor extracted again. `doc_ids` lists the ids its documents were stored
# under, in the order read; `recorded_ns` tells a file modified in the same clock tick as it
# was recorded (checked by hash, as git does for racily clean files).
V8 = """
CREATE TABLE IF NOT EXISTS input_files(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, settings TEXT NOT NULL, doc_ids TEXT NOT NULL,
    recorded_ns INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS input_files_hash ON input_files(sha256, settings);
"""

# Incremental resolution reads the links documents give (`entities.document_links`) from
# `doc_links`, one row per link and document, instead of the rows of every document where a
# name is linked (`link_docs`): a name that many articles give with its acronym no longer
# makes each addition read all those articles. The next resolution is a full one.
V9 = """
DROP TABLE IF EXISTS link_docs;
CREATE TABLE IF NOT EXISTS doc_links(a TEXT NOT NULL, b TEXT NOT NULL, rule TEXT NOT NULL,
    doc_key INTEGER NOT NULL, detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_links_a ON doc_links(a);
CREATE INDEX IF NOT EXISTS doc_links_doc ON doc_links(doc_key);
INSERT OR REPLACE INTO meta VALUES ('incremental_ready', '0');
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
"""

# Near-duplicate LSH buckets as a log-structured merge (`Store.put_near_signature`): a band
# hash is random, so each batch's 32 x 200 new rows landed on as many different pages of one
# big index, and each commit wrote them all to the WAL again (bench/bench_ingest.py: 33 of the
# 66 KB written per document at 11k documents, and growing with the store). New rows go to a
# small level 0, merged in key order into the next level when it outgrows its size, so a row
# is rewritten once per level. The last level (5) is unbounded and takes an older store's
# rows. `near_doc_bands` keeps each document's band hashes, to delete its rows without an
# index by document. Written to run again over its own result (the first statement gives a
# rerun an empty `near_bands` to copy).
V10 = """
CREATE TABLE IF NOT EXISTS near_bands(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS near_bands_0(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (band_hash, doc_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_bands_1(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (band_hash, doc_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_bands_2(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (band_hash, doc_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_bands_3(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (band_hash, doc_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_bands_4(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (band_hash, doc_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_bands_5(band_hash INTEGER NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (band_hash, doc_key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS near_doc_bands(doc_key INTEGER PRIMARY KEY, bands TEXT NOT NULL);
INSERT OR REPLACE INTO near_doc_bands SELECT doc_key, json_group_array(band_hash) FROM near_bands
    GROUP BY doc_key;
INSERT OR IGNORE INTO near_bands_5 SELECT band_hash, doc_key FROM near_bands ORDER BY band_hash, doc_key;
DROP TABLE near_bands;
"""

# The trigram index (Chinese search) holds only documents with a CJK character in their title
# or text (`fulltext.has_cjk`, registered on the connection by `migrate`): a query is sent to it
# only when it holds one, so no other document can match it there, and indexing them was half
# the bytes ingest wrote (bench/bench_ingest.py store, 10k documents: 49.6 -> 25.8 KB each).
V11 = """
DROP TABLE IF EXISTS documents_fts;
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_key', tokenize='trigram'
);
INSERT INTO documents_fts(rowid, title, text) SELECT doc_key, title, text FROM documents
    WHERE has_cjk(title, text);
"""

# Stable ids (resolution/ids.py): entities, events and people are numbered from what they are,
# not from the order resolution met them, so a store grown in batches and one rebuilt from
# scratch give the same ids. `id_redirects` keeps each retired entity or event id with the id
# that took its place (two entities merged by a new document), so an old /org/ID link still
# leads somewhere. The next resolution is a full one: it renumbers the store and records
# where each id of the old numbering went.
V12 = """
CREATE TABLE IF NOT EXISTS id_redirects(kind TEXT NOT NULL, old_id INTEGER NOT NULL,
    new_id INTEGER NOT NULL, PRIMARY KEY (kind, old_id)) WITHOUT ROWID;
INSERT OR REPLACE INTO meta VALUES ('incremental_ready', '0');
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';
"""

# The organization name index and the content hash index in levels (`store/levels.py`, the
# design of V10): name keys and hashes are random, so once either index outgrew a batch, each
# batch's new rows landed on as many of its pages and each commit wrote them all again
# (bench/bench_wal_pages.py, 1,000 documents added to 21,000: 5.7 and 4.0 KB per document, and
# growing with the store). `org_keys_*` holds each (name key, document) of `org_names`,
# `doc_hashes_*` each document's first 16 hex digits of its content hash (a lookup checks the
# whole hash in `documents`); an older store's rows go to the last level, which has no bound.
# Written to run again over its own result (the levels are emptied and filled again).
V13 = """
CREATE TABLE IF NOT EXISTS org_keys_0(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
DELETE FROM org_keys_0;
CREATE TABLE IF NOT EXISTS org_keys_1(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
DELETE FROM org_keys_1;
CREATE TABLE IF NOT EXISTS org_keys_2(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
DELETE FROM org_keys_2;
CREATE TABLE IF NOT EXISTS org_keys_3(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
DELETE FROM org_keys_3;
CREATE TABLE IF NOT EXISTS org_keys_4(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
DELETE FROM org_keys_4;
CREATE TABLE IF NOT EXISTS org_keys_5(key TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (key, doc_key)) WITHOUT ROWID;
DELETE FROM org_keys_5;
CREATE TABLE IF NOT EXISTS doc_hashes_0(hash TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_key)) WITHOUT ROWID;
DELETE FROM doc_hashes_0;
CREATE TABLE IF NOT EXISTS doc_hashes_1(hash TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_key)) WITHOUT ROWID;
DELETE FROM doc_hashes_1;
CREATE TABLE IF NOT EXISTS doc_hashes_2(hash TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_key)) WITHOUT ROWID;
DELETE FROM doc_hashes_2;
CREATE TABLE IF NOT EXISTS doc_hashes_3(hash TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_key)) WITHOUT ROWID;
DELETE FROM doc_hashes_3;
CREATE TABLE IF NOT EXISTS doc_hashes_4(hash TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_key)) WITHOUT ROWID;
DELETE FROM doc_hashes_4;
CREATE TABLE IF NOT EXISTS doc_hashes_5(hash TEXT NOT NULL, doc_key INTEGER NOT NULL,
    PRIMARY KEY (hash, doc_key)) WITHOUT ROWID;
DELETE FROM doc_hashes_5;
INSERT INTO org_keys_5 SELECT DISTINCT key, doc_key FROM org_names ORDER BY key, doc_key;
INSERT INTO doc_hashes_5 SELECT DISTINCT substr(content_hash, 1, 16), doc_key FROM documents
    ORDER BY 1, 2;
DROP INDEX IF EXISTS org_names_key;
DROP INDEX IF EXISTS documents_hash;
"""

MIGRATIONS: list[tuple[int, str]] = [(1, V1), (2, V2), (3, V3), (4, V4), (5, V5), (6, V6), (7, V7),
                                     (8, V8), (9, V9), (10, V10), (11, V11), (12, V12),
                                     (13, V13)]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to `LATEST`; return the version it was at."""
    from partnergraph.fulltext import has_cjk

    conn.create_function("has_cjk", 2, lambda title, text: has_cjk(title, text), deterministic=True)
    found = current_version(conn)
    if found > LATEST:
        raise StoreError(
            f"the database is at schema version {found}, newer than this partnergraph ({LATEST})",
            hint="upgrade partnergraph (pip install -U partnergraph) or use another --db",
        )
    for version, script in MIGRATIONS:
        if version <= found:
            continue
        try:
            conn.execute("BEGIN IMMEDIATE")
            # read again under the write lock: two processes opening a new database at once
            # both saw version 0 above, and the one that waited must not migrate it twice
            if current_version(conn) >= version:
                conn.execute("COMMIT")
                continue
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except sqlite3.Error as err:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(
                f"cannot migrate the database to schema version {version}: {err}",
                hint="restore a backup or ingest again into a new --db",
            ) from err
    return found


def _statements(script: str) -> list[str]:
    """Split a script on ';' at line ends (none of our statements holds one in a string)."""
    out, buf = [], []
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        buf.append(line)
        if line.rstrip().endswith(";"):
            out.append("\n".join(buf))
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out
