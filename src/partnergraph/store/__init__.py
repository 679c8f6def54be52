"""The knowledge base on disk: the only module that writes SQL (house rule 2).

An embedded SQLite database in WAL mode. Ingestion writes documents and their mentions one
batch per transaction (`Store.transaction`), so a process killed at any moment leaves the
last committed batch and nothing half-written; a `generation` counter bumped in the same
transaction tells readers that the derived tables (entities, people, events) are behind, and
`write_resolution` replaces those tables whole, in one transaction, from the mentions and the
user's overrides. Reads for `query.py` and `export.py` live in `store/reads.py`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from partnergraph.errors import StoreError
from partnergraph.fulltext import has_cjk
from partnergraph.migrations import migrate
from partnergraph.models import Extraction
from partnergraph.resolution.names import name_key
from partnergraph.store import levels
from partnergraph.store.reads import _TYPES_SQL, Reads
from partnergraph.store.rows import DocumentRows, document_rows
from partnergraph.store.resolution_tables import ResolutionTables, _insert_events, _insert_people

DEFAULT_DB = "partnergraph.db"
# WAL pages between checkpoints while ingesting (64 MB of 4 KB pages; SQLite's default is 1000)
BULK_CHECKPOINT_PAGES = 16384
# Levels of the near-duplicate band index (migrations.V10): level i holds up to
# NEAR_LEVEL0_ROWS * NEAR_GROWTH**i rows before it is merged into level i + 1; the last level
# has no bound. Level 0 is a batch's worth (200 documents x 32 bands), so a batch's commit
# writes level 0's pages and, now and then, one merge in key order.
NEAR_LEVELS = 6
NEAR_LEVEL0_ROWS = 8192
NEAR_GROWTH = 8
# Levels of the organization name index (`org_keys_*`: name key -> documents) and the content
# hash index (`doc_hashes_*`: the first 16 hex digits of a text's hash -> documents), both
# merged when a batch commits (migrations.V13, store/levels.py). A batch of 200 documents adds
# about 400 name rows and 200 hash rows, so level 0 holds a few batches in a few dozen pages.
INDEX_LEVELS = 6
INDEX_LEVEL0_ROWS = 2048
INDEX_GROWTH = 8
ORG_KEYS = ("key", "doc_key")
DOC_HASHES = ("hash", "doc_key")


def hash_prefix(content_hash: str) -> str:
    """What `doc_hashes_*` keys a document by (a lookup checks the whole hash)."""
    return content_hash[:16]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(Reads, ResolutionTables):
    """One open knowledge base. Use `open_store()`; close it (or use it as a context manager)."""

    read_only = False

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        # full-text index changes of the open transaction, applied in order before it commits
        # (`_fulltext`); None outside a transaction (applied at once)
        self._fulltext_queue: list[tuple[str, int, str | None, str]] | None = None

    # -- lifecycle ------------------------------------------------------------------------
    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit: committed whole or not at all (also when the process dies)."""
        self.conn.execute("BEGIN IMMEDIATE")
        self._fulltext_queue = []
        try:
            yield
            queued, self._fulltext_queue = self._fulltext_queue, None
            for change in queued:
                self._apply_fulltext(*change)
            self._merge_index_levels()
        except BaseException:
            self._fulltext_queue = None
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def item(self) -> Iterator[None]:
        """One document inside a batch's transaction: on an error only its writes are undone,
        so one document the database refuses does not lose its batch."""
        queued = len(self._fulltext_queue) if self._fulltext_queue is not None else 0
        self.conn.execute("SAVEPOINT item")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO item")
            self.conn.execute("RELEASE item")
            if self._fulltext_queue is not None:
                del self._fulltext_queue[queued:]
            raise
        self.conn.execute("RELEASE item")

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Settings for ingest's batches, restored after (resolution sorts on disk as before).

        - the per-document savepoints (`item`) journal every page a document changes first;
          in a temporary file that was 75% of the bytes ingest wrote (bench/bench_ingest.py,
          5,000 documents + 2,000: 352 KB written per document, 90 KB with the journal in
          memory; it holds only the pages one document changed);
        - the WAL is checkpointed every 64 MB instead of 4 MB, so a page that many batches
          change (an index's) is copied back to the database once per 64 MB of commits, not
          once per batch: 90 -> 64 KB per document there (the WAL file grows to ~64 MB)."""
        self.conn.execute("PRAGMA temp_store=MEMORY")
        self.conn.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA temp_store=DEFAULT")
            self.conn.execute("PRAGMA wal_autocheckpoint=1000")

    def _meta(self, key: str) -> int:
        return int(self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()[0])

    def bump_generation(self) -> None:
        self.conn.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'"
        )

    def is_stale(self) -> bool:
        """True when documents or overrides changed since the last resolution."""
        return self._meta("generation") != self._meta("resolved_generation")

    def changes_since_resolved(self) -> int:
        """How many ingest batches and overrides came after the last resolution."""
        return max(0, self._meta("generation") - self._meta("resolved_generation"))

    def claim_ingest(self) -> None:
        """Mark this process as ingesting (read by `ingest_running_elsewhere`)."""
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('ingest_pid', ?)", (str(os.getpid()),))

    def release_ingest(self) -> None:
        self.conn.execute("DELETE FROM meta WHERE key='ingest_pid' AND value=?", (str(os.getpid()),))

    def ingest_running_elsewhere(self) -> bool:
        """True while another live process on this machine is ingesting into this store."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='ingest_pid'").fetchone()
        if row is None or int(row[0]) == os.getpid():
            return False
        try:
            os.kill(int(row[0]), 0)
        except ProcessLookupError:
            return False  # it was killed: its batches are committed, resolution is due
        except PermissionError:
            return True
        return True

    # -- documents ------------------------------------------------------------------------
    def lookup_source(self, doc_id: str) -> tuple[int, str, str, str | None, str | None] | None:
        """(doc_key, content_hash, kind, source, "backend version" of the stored extraction)
        of a document id already seen, else None."""
        return self.conn.execute(
            "SELECT s.doc_key, s.content_hash, s.kind, s.source, d.backend || ' ' ||"
            " d.backend_version FROM document_sources s LEFT JOIN documents d"
            " ON d.doc_key=s.doc_key WHERE s.doc_id=?", (doc_id,)).fetchone()

    def doc_key_by_hash(self, content_hash: str) -> int | None:
        """The first stored document (by doc_key) with this content hash, else None."""
        hits = levels.union("doc_hashes", INDEX_LEVELS, "doc_key", "hash=?1")
        return self.conn.execute(
            f"SELECT MIN(d.doc_key) FROM ({hits}) h JOIN documents d ON d.doc_key=h.doc_key"
            " WHERE d.content_hash=?2", (hash_prefix(content_hash), content_hash)).fetchone()[0]

    def doc_key_by_url(self, url: str) -> tuple[int, str] | None:
        """(doc_key, id) of the stored document at `url` (a changed page keeps its url)."""
        return self.conn.execute(
            "SELECT doc_key, id FROM documents WHERE url=? LIMIT 1", (url,)
        ).fetchone()

    def add_source(self, doc_id: str, doc_key: int, kind: str, *, url: str | None,
                   source: str | None, published: str | None, content_hash: str) -> None:
        """Record that `doc_id` is (a copy of) the stored document `doc_key`."""
        self.conn.execute(
            "INSERT OR REPLACE INTO document_sources VALUES (?,?,?,?,?,?,?)",
            (doc_id, doc_key, kind, url, source, published, content_hash),
        )

    def remove_source(self, doc_id: str) -> None:
        self.conn.execute("DELETE FROM document_sources WHERE doc_id=?", (doc_id,))

    def delete_document(self, doc_key: int) -> None:
        """Remove a stored document, its mentions and its full-text entry (not its copies)."""
        row = self.conn.execute(
            "SELECT title, text, content_hash FROM documents WHERE doc_key=?", (doc_key,)
        ).fetchone()
        if row is None:
            return
        keys = sorted({k for (k,) in self.conn.execute(
            "SELECT key FROM org_names WHERE doc_key=?", (doc_key,))})
        # resolution must revisit the names this document gave (`resolution.incremental`)
        self.mark_dirty_keys(keys)
        self.mark_dirty_doc(doc_key)
        self._fulltext("delete", doc_key, row[0], row[1])
        self._drop_near_bands(doc_key)
        levels.remove(self.conn, "org_keys", INDEX_LEVELS, ORG_KEYS, ((k, doc_key) for k in keys))
        levels.remove(self.conn, "doc_hashes", INDEX_LEVELS, DOC_HASHES,
                      [(hash_prefix(row[2]), doc_key)])
        for table in ("org_mentions", "org_names", "person_mentions", "event_mentions",
                      "near_signatures", "near_doc_bands", "doc_links", "event_keys"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_key=?", (doc_key,))
        self.conn.execute("DELETE FROM documents WHERE doc_key=?", (doc_key,))

    def _fulltext(self, change: str, doc_key: int, title: str | None, text: str) -> None:
        """Index ("insert") or unindex ("delete") a document's title and text for search.

        Inside a transaction the change waits, in order, for its commit: FTS5 writes the terms
        it holds in memory to a new segment at every savepoint, so applying it inside a
        document's savepoint (`item`) made one segment per document (issue 13: that flush was
        a quarter of ingest's writing CPU, 0.58 ms a document). A document rolled back at its
        savepoint drops its queued changes with it."""
        if self._fulltext_queue is not None:
            self._fulltext_queue.append((change, doc_key, title, text))
        else:
            self._apply_fulltext(change, doc_key, title, text)

    def _apply_fulltext(self, change: str, doc_key: int, title: str | None, text: str) -> None:
        """The word index takes every document; the trigram index only those with a CJK
        character (`fulltext.has_cjk`): only queries holding one use it, so the others were
        half the bytes ingest wrote, for nothing (bench/bench_ingest.py store at 10k)."""
        tables = ("documents_words", "documents_fts") if has_cjk(title, text) else ("documents_words",)
        for table in tables:
            if change == "insert":
                self.conn.execute(f"INSERT INTO {table}(rowid, title, text) VALUES (?,?,?)",
                                  (doc_key, title, text))
            else:
                self.conn.execute(f"INSERT INTO {table}({table}, rowid, title, text) VALUES('delete',?,?,?)",
                                  (doc_key, title, text))

    def put_extraction(self, ex: Extraction | DocumentRows, *, source: str | None = None,
                       doc_key: int | None = None) -> int:
        """Store one document and its mentions (under `doc_key` when replacing one); `ex` may
        come as its rows already (`store.rows.document_rows`, made where it was extracted)."""
        doc = ex if isinstance(ex, DocumentRows) else document_rows(ex)
        cur = self.conn.execute(
            "INSERT INTO documents(doc_key, id, url, source, title, published, lang, text,"
            " content_hash, backend, backend_version, warnings, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc_key, doc.id, doc.url, source, doc.title, doc.published, doc.lang, doc.text,
             doc.content_hash, doc.backend, doc.backend_version, doc.warnings, _now()),
        )
        key = cur.lastrowid if doc_key is None else doc_key
        self.mark_dirty_doc(key)
        self._fulltext("insert", key, doc.title, doc.text)
        self.add_source(doc.id, key, "self", url=doc.url, source=source, published=doc.published,
                        content_hash=doc.content_hash)
        self.conn.executemany("INSERT INTO org_mentions VALUES (?,?,?,?,?,?,?,?)",
                              [(key, *row) for row in doc.organizations])
        self.conn.executemany("INSERT INTO org_names VALUES (?,?,?,?,?)", [(key, *row) for row in doc.names])
        self.conn.executemany("INSERT OR IGNORE INTO org_keys_0 VALUES (?,?)",
                              sorted({(row[3], key) for row in doc.names}))
        self.conn.execute("INSERT OR IGNORE INTO doc_hashes_0 VALUES (?,?)",
                          (hash_prefix(doc.content_hash), key))
        self.conn.executemany("INSERT INTO person_mentions VALUES (?,?,?,?,?,?,?)",
                              [(key, *row) for row in doc.people])
        self.conn.executemany("INSERT INTO event_mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
                              [(key, *row) for row in doc.events])
        return key

    def extraction(self, doc_id: str) -> Extraction | None:
        """The stored extraction of a document (by id or by the id of one of its copies),
        evidence spans included, as the backend produced it."""
        from partnergraph.models import Event, Organization, Person, Provenance, Span

        seen = self.lookup_source(doc_id)
        if seen is None:
            return None
        key = seen[0]
        row = self.conn.execute(
            "SELECT id, url, lang, title, published, text, backend, backend_version, warnings, source"
            " FROM documents WHERE doc_key=?", (key,)).fetchone()

        def spans(raw: str) -> list[Span]:
            return [Span(start=a, end=b, field=f) for a, b, f in json.loads(raw)]

        orgs = [Organization(name=n, kind=k, aliases=json.loads(a), evidence=spans(ev), confidence=c)
                for n, k, a, ev, c in self.conn.execute(
                    "SELECT name, kind, aliases, evidence, confidence FROM org_mentions"
                    " WHERE doc_key=? AND implicit=0 ORDER BY idx", (key,))]
        people = [Person(name=n, title=t, org=o, evidence=spans(ev), confidence=c)
                  for n, t, o, ev, c in self.conn.execute(
                      "SELECT name, title, org, evidence, confidence FROM person_mentions"
                      " WHERE doc_key=? ORDER BY idx", (key,))]
        events = [Event(type=t, date=d, parties=json.loads(p), location=loc, topics=json.loads(tp),
                        entity=ent, evidence=spans(ev), confidence=c)
                  for t, d, p, loc, tp, ent, ev, c in self.conn.execute(
                      "SELECT type, date, parties, location, topics, entity, evidence, confidence"
                      " FROM event_mentions WHERE doc_key=? ORDER BY idx", (key,))]
        return Extraction(id=row[0], url=row[1], source=row[9], lang=row[2], title=row[3], published=row[4],
                          text=row[5], provenance=Provenance(backend=row[6], version=row[7]),
                          warnings=json.loads(row[8]), organizations=orgs, people=people,
                          events=events)

    def document(self, doc_key: int) -> dict | None:
        cur = self.conn.execute(
            "SELECT doc_key, id, url, source, title, published, lang, text, content_hash"
            " FROM documents WHERE doc_key=?", (doc_key,))
        row = cur.fetchone()
        return dict(zip([c[0] for c in cur.description], row)) if row else None

    def forget_source(self, doc_id: str) -> None:
        """`doc_id` is no longer in its input (a record removed from a JSON Lines file): drop
        its source, and its document when no other source reports it; when copies do, the
        first of them (exact copies first) becomes the document's own id."""
        seen = self.lookup_source(doc_id)
        if seen is None:
            return
        doc_key, kind = seen[0], seen[2]
        self.remove_source(doc_id)
        if kind != "self":
            return
        heir = self.conn.execute(
            "SELECT doc_id, url, source, published FROM document_sources WHERE doc_key=?"
            " ORDER BY kind='near', doc_id LIMIT 1", (doc_key,)).fetchone()
        if heir is None:
            self.delete_document(doc_key)
            return
        self.conn.execute("UPDATE documents SET id=?, url=?, source=?, published=? WHERE doc_key=?",
                          (*heir, doc_key))
        self.conn.execute("UPDATE document_sources SET kind='self' WHERE doc_id=?", (heir[0],))

    def source_row(self, doc_id: str) -> tuple[int, str, str | None, str | None, str] | None:
        """(doc_key, kind, url, published, content_hash) of a document id already seen."""
        return self.conn.execute(
            "SELECT doc_key, kind, url, published, content_hash FROM document_sources WHERE doc_id=?",
            (doc_id,)).fetchone()

    # -- input files ingest stored whole (ingest_files.py) --------------------------------
    def input_file(self, path: str) -> tuple | None:
        """(path, size, mtime_ns, sha256, settings, doc ids json, recorded_ns) of a file."""
        return self.conn.execute("SELECT * FROM input_files WHERE path=?", (path,)).fetchone()

    def input_file_by_hash(self, sha256: str, settings: str) -> tuple | None:
        """A file recorded with this content and these settings (under any path)."""
        return self.conn.execute(
            "SELECT * FROM input_files WHERE sha256=? AND settings=? LIMIT 1", (sha256, settings)).fetchone()

    def input_file_holding(self, doc_id: str, *, besides: str) -> bool:
        """True when a recorded input file other than `besides` holds a document `doc_id`."""
        return self.conn.execute(
            "SELECT 1 FROM input_files f, json_each(f.doc_ids) j WHERE f.path != ? AND"
            " j.value = ? LIMIT 1", (besides, doc_id)).fetchone() is not None

    def put_input_file(self, path: str, size: int, mtime_ns: int, sha256: str, settings: str,
                       doc_ids: list[str], recorded_ns: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO input_files VALUES (?,?,?,?,?,?,?)",
                          (path, size, mtime_ns, sha256, settings, json.dumps(doc_ids, ensure_ascii=False),
                           recorded_ns))

    # -- near-duplicates (an LSH index on disk) -------------------------------------------
    def put_near_signature(self, doc_key: int, scheme: str, signature: bytes,
                           band_hashes: Iterable[int]) -> None:
        bands = list(band_hashes)
        self._drop_near_bands(doc_key)
        self.conn.execute("INSERT OR REPLACE INTO near_signatures VALUES (?,?,?)",
                          (doc_key, scheme, signature))
        self.conn.execute("INSERT OR REPLACE INTO near_doc_bands VALUES (?,?)", (doc_key, json.dumps(bands)))
        self.conn.executemany("INSERT OR IGNORE INTO near_bands_0 VALUES (?,?)",
                              ((h, doc_key) for h in bands))
        self._merge_near_levels()

    def _drop_near_bands(self, doc_key: int) -> None:
        """Remove a document's band rows, from whichever level holds them."""
        row = self.conn.execute("SELECT bands FROM near_doc_bands WHERE doc_key=?", (doc_key,)).fetchone()
        bands = json.loads(row[0]) if row and row[0] else []
        if not bands:
            return
        marks = ",".join("?" * len(bands))
        for level in range(NEAR_LEVELS):
            self.conn.execute(f"DELETE FROM near_bands_{level} WHERE doc_key=? AND band_hash IN ({marks})",
                              (doc_key, *bands))

    def _merge_near_levels(self) -> None:
        levels.merge(self.conn, "near_bands", NEAR_LEVELS, ("band_hash", "doc_key"),
                     NEAR_LEVEL0_ROWS, NEAR_GROWTH)

    def _merge_index_levels(self) -> None:
        """Merge the name and hash index levels that outgrew their sizes (`store/levels.py`)."""
        for name, columns in (("org_keys", ORG_KEYS), ("doc_hashes", DOC_HASHES)):
            levels.merge(self.conn, name, INDEX_LEVELS, columns, INDEX_LEVEL0_ROWS, INDEX_GROWTH)

    def near_candidates(self, scheme: str, band_hashes: list[int]) -> list[tuple[int, str, bytes]]:
        """(doc_key, doc id, signature) of stored documents sharing an LSH band."""
        marks = ",".join("?" * len(band_hashes))
        levels = " UNION ALL ".join(f"SELECT doc_key FROM near_bands_{level} WHERE band_hash IN ({marks})"
                                    for level in range(NEAR_LEVELS))
        return self.conn.execute(
            "SELECT s.doc_key, d.id, s.signature FROM near_signatures s"
            " JOIN documents d ON d.doc_key=s.doc_key WHERE s.scheme=? AND s.doc_key IN"
            f" ({levels})", [scheme, *band_hashes * NEAR_LEVELS]).fetchall()

    # -- resolution input -----------------------------------------------------------------
    def iter_org_names(self) -> Iterator[tuple[int, int, str, str, str, str]]:
        """(doc_key, idx, role, name, key, kind) for every org name and alias, by document."""
        return self.conn.execute(
            "SELECT n.doc_key, n.idx, n.role, n.name, n.key, m.kind FROM org_names n"
            " JOIN org_mentions m ON m.doc_key=n.doc_key AND m.idx=n.idx"
            " ORDER BY n.doc_key, n.idx, n.rowid")

    def iter_person_mentions(self) -> Iterator[tuple]:
        """(doc_key, idx, name, title, org, published)."""
        return self.conn.execute(
            "SELECT p.doc_key, p.idx, p.name, p.title, p.org, d.published FROM person_mentions p"
            " JOIN documents d ON d.doc_key=p.doc_key ORDER BY p.doc_key, p.idx")

    def iter_event_mentions(self) -> Iterator[tuple]:
        """(doc_key, idx, type, date, parties, location, topics, entity, published)."""
        for row in self.conn.execute(
            "SELECT e.doc_key, e.idx, e.type, e.date, e.parties, e.location, e.topics, e.entity,"
            " d.published FROM event_mentions e JOIN documents d ON d.doc_key=e.doc_key"
            " ORDER BY e.doc_key, e.idx"):
            yield row[:4] + (json.loads(row[4]), row[5], json.loads(row[6])) + row[7:]

    # -- overrides ------------------------------------------------------------------------
    def overrides(self) -> list[tuple[int, str, str, str | None]]:
        """(seq, action, key_a, key_b) in the order the user made them."""
        return self.conn.execute(
            "SELECT seq, action, key_a, key_b FROM overrides ORDER BY seq").fetchall()

    def corrections(self) -> list[tuple[int, str, str, str | None, str]]:
        """(seq, action, name_a, name_b, created_at) of the user's overrides, oldest first."""
        return self.conn.execute(
            "SELECT seq, action, name_a, name_b, created_at FROM overrides ORDER BY seq").fetchall()

    def remove_override(self, seq: int) -> None:
        """Forget one user decision (the next resolution runs without it)."""
        with self.transaction():
            self.mark_dirty_keys([k for row in self.conn.execute(
                "SELECT key_a, key_b FROM overrides WHERE seq=?", (seq,)) for k in row])
            self.conn.execute("DELETE FROM overrides WHERE seq=?", (seq,))
            self.bump_generation()

    def add_override(self, action: str, name_a: str, name_b: str | None = None) -> None:
        """Record a user decision; a split of A cancels earlier merges that involve A."""
        key_a = name_key(name_a)
        key_b = name_key(name_b) if name_b is not None else None
        with self.transaction():
            self.mark_dirty_keys((key_a, key_b))
            if action == "split":
                self.mark_dirty_keys(k for row in self.conn.execute(
                    "SELECT key_a, key_b FROM overrides WHERE action='merge' AND (key_a=? OR key_b=?)",
                    (key_a, key_a)) for k in row)
                self.conn.execute(
                    "DELETE FROM overrides WHERE action='merge' AND (key_a=? OR key_b=?)",
                    (key_a, key_a))
            else:
                self.conn.execute(
                    "DELETE FROM overrides WHERE action='split' AND key_a IN (?,?) AND key_b IS NULL",
                    (key_a, key_b))
            self.conn.execute(
                "INSERT INTO overrides(action, key_a, key_b, name_a, name_b, created_at)"
                " VALUES (?,?,?,?,?,?)", (action, key_a, key_b, name_a, name_b, _now()))
            self.bump_generation()

    # -- resolution output ----------------------------------------------------------------
    def write_resolution(self, entities, people, events, index=None, redirects=None) -> None:
        """Replace every derived table in one transaction and mark the store resolved.

        `entities`, `people`, `events` are the results of `resolution.entities.resolve`,
        `resolution.entities.resolve_people` and `resolution.events.dedup_events`; `index`
        the arguments of `write_name_index` (incremental resolution's name index);
        `redirects`: kind ("entity", "event") -> {retired id: the id that took its place}.
        """
        c = self.conn
        with self.transaction():
            gen = self._meta("generation")
            for table in ("entities", "entity_names", "entity_aliases", "entity_links",
                          "entity_conflicts", "people", "person_titles", "events",
                          "event_parties", "event_sources", "event_groups", "partner_pairs",
                          "person_keys"):
                c.execute(f"DELETE FROM {table}")
            c.executemany("INSERT INTO entities VALUES (?,?,?,?,?)",
                          ((e.id, e.key, e.name, e.kind, e.n_docs) for e in entities.entities))
            c.executemany("INSERT INTO entity_names VALUES (?,?)", entities.key_to_entity.items())
            c.executemany("INSERT INTO entity_aliases VALUES (?,?,?,?)",
                          ((e.id, a, k, n) for e in entities.entities for a, k, n in e.aliases))
            c.executemany("INSERT INTO entity_links VALUES (?,?,?,?,?,?)",
                          ((entities.key_to_entity[k.a], k.a, k.b, k.rule, k.doc_key, k.detail)
                           for k in entities.links))
            c.executemany("INSERT INTO entity_conflicts VALUES (?,?,?,?,?)",
                          ((k.a, k.b, k.rule, k.doc_key, k.detail) for k in entities.conflicts))
            _insert_people(c, people)
            _insert_events(c, events)
            c.execute(
                "INSERT INTO partner_pairs SELECT p1.entity_id, COUNT(*), en.name, p2.entity_id,"
                f" en.kind, MIN(e.sort_date), MAX(e.sort_date), RTRIM({_TYPES_SQL}, ',')"
                " FROM event_parties p1 JOIN event_parties p2 ON p2.event_id=p1.event_id"
                " AND p2.entity_id!=p1.entity_id JOIN events e ON e.id=p1.event_id"
                " JOIN entities en ON en.id=p2.entity_id"
                " GROUP BY p1.entity_id, p2.entity_id")
            if index is not None:
                self.write_name_index(*index)
            for kind, moved in (redirects or {}).items():
                self.add_redirects(kind, moved)
            c.execute("UPDATE meta SET value=? WHERE key='resolved_generation'", (str(gen),))


def _set_wal(conn: sqlite3.Connection, tries: int = 100) -> None:
    """WAL mode. Switching a new database to it takes a lock SQLite does not wait for (no busy
    handler), so when another process is creating the same database at that moment, retry."""
    import time

    for attempt in range(tries):
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == tries - 1:
                raise
            time.sleep(0.05)


def open_store(path: str | Path = DEFAULT_DB, *, create: bool = True, read_only: bool = False) -> Store:
    """Open (and migrate) the knowledge base at `path`; ":memory:" for a throwaway one.

    `read_only`: for queries, exports and the web server. The file is opened with SQLite's
    ``mode=ro`` (and ``query_only``), never migrated nor resolved: a store written by an older
    partnergraph is refused with a hint to run `partnergraph resolve`, which upgrades it.
    """
    path = str(path)
    if path != ":memory:" and (read_only or not create) and not Path(path).exists():
        raise StoreError(
            f"no knowledge base at {path}",
            hint=f"run `partnergraph ingest ARTICLES --db {path}` first, or pass --db",
        )
    if read_only and path != ":memory:":
        return _open_read_only(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA busy_timeout=10000")  # first: another process may be creating it
        _set_wal(conn)
        # WAL + NORMAL: a committed batch survives a killed process (not a power cut)
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-65536")
        migrate(conn)
    except sqlite3.DatabaseError as err:
        raise StoreError(
            f"cannot open the knowledge base at {path}: {err}",
            hint="check the path is a partnergraph database, or pass another --db",
        ) from err
    return Store(conn, path)


def _open_read_only(path: str) -> Store:
    from urllib.parse import quote

    from partnergraph.migrations import LATEST, current_version

    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA query_only=1")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA cache_size=-65536")
        found = current_version(conn)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise StoreError(
            f"cannot open the knowledge base at {path}: {err}",
            hint="check the path is a partnergraph database, or pass another --db",
        ) from err
    if found != LATEST:
        conn.close()
        if found > LATEST:
            raise StoreError(
                f"the database is at schema version {found}, newer than this partnergraph ({LATEST})",
                hint="upgrade partnergraph (pip install -U partnergraph) or use another --db")
        raise StoreError(
            f"the knowledge base at {path} is at schema version {found}; this partnergraph "
            f"reads version {LATEST}, and reads never rewrite it",
            hint=f"run `partnergraph resolve --db {path}` once to upgrade and resolve it")
    store = Store(conn, path)
    store.read_only = True
    return store
