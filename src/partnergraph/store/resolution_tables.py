"""The SQL of incremental resolution (`resolution/incremental.py`): what changed since the
last run, the name index it finds components with, and the piecewise replacement of derived
rows. A mixin of `Store` (house rule 2: SQL stays in `store/`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

# SQLite's bound-parameter limit is far above this; small chunks keep statements cheap to plan
_CHUNK = 500


def _chunks(items: Iterable, n: int = _CHUNK) -> Iterator[list]:
    items = list(items)
    for i in range(0, len(items), n):
        yield items[i:i + n]


class ResolutionTables:
    """Incremental resolution's side of `Store` (expects `self.conn`, `self._meta` and `Reads._keyed`)."""

    def _in_keys(self, sql: str, keys: Iterable[str]) -> list[tuple]:
        """Run `sql`, whose `{docs}` is replaced by the doc_keys of the documents naming one
        of `keys` (over every level of the name index) and `{marks}` by the keys, in chunks."""
        from partnergraph.store.levels import numbered

        out: list[tuple] = []
        for chunk in _chunks(keys):
            marks = numbered(len(chunk))
            docs = self._keyed("doc_key", f"key IN ({marks})")
            out.extend(self.conn.execute(sql.format(docs=docs, marks=marks), chunk))
        return out

    def _in(self, sql: str, items: Iterable, *args) -> list[tuple]:
        """Run `sql` (with one `{marks}` placeholder) over `items` in chunks."""
        out: list[tuple] = []
        for chunk in _chunks(items):
            marks = ",".join("?" * len(chunk))
            out.extend(self.conn.execute(sql.format(marks=marks), [*args, *chunk]))
        return out

    @contextmanager
    def small_cache(self, kib: int) -> Iterator[None]:
        """SQLite's page cache held to `kib` KiB (what it was restored after)."""
        was = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size={-int(kib)}")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA cache_size={int(was)}")

    # -- what changed ---------------------------------------------------------------------
    def incremental_ready(self) -> bool:
        row = self.conn.execute("SELECT value FROM meta WHERE key='incremental_ready'").fetchone()
        return row is not None and row[0] == "1"

    def mark_dirty_doc(self, doc_key: int) -> None:
        self.conn.execute("INSERT OR IGNORE INTO dirty_docs VALUES (?)", (doc_key,))

    def mark_dirty_keys(self, keys: Iterable[str | None]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO dirty_keys VALUES (?)",
                              ((k,) for k in keys if k is not None))

    def dirty(self) -> tuple[list[int], list[str]]:
        return ([r[0] for r in self.conn.execute("SELECT doc_key FROM dirty_docs ORDER BY 1")],
                [r[0] for r in self.conn.execute("SELECT key FROM dirty_keys ORDER BY 1")])

    def dirty_share(self) -> float:
        """Changed documents as a share of the stored ones."""
        n_dirty = self.conn.execute("SELECT COUNT(*) FROM dirty_docs").fetchone()[0]
        n_docs = self.conn.execute("SELECT MAX(doc_key) FROM documents").fetchone()[0] or 0
        return n_dirty / max(1, n_docs)

    def clear_dirty(self) -> None:
        self.conn.execute("DELETE FROM dirty_docs")
        self.conn.execute("DELETE FROM dirty_keys")

    def mark_resolved(self) -> None:
        self.conn.execute("UPDATE meta SET value=(SELECT value FROM meta WHERE key='generation')"
                          " WHERE key='resolved_generation'")

    # -- names ----------------------------------------------------------------------------
    def all_name_keys(self) -> list[str]:
        return [r[0] for r in self.conn.execute(f"SELECT DISTINCT key FROM ({self._keyed('key', '1')}) ORDER BY 1")]

    def keys_of_docs(self, doc_keys: Iterable[int]) -> set[str]:
        return {r[0] for r in self._in(
            "SELECT key FROM org_names WHERE doc_key IN ({marks})", doc_keys)}

    def unindexed(self, keys: Iterable[str]) -> list[str]:
        keys = sorted(set(keys))
        known = {r[0] for r in self._in("SELECT key FROM name_index WHERE key IN ({marks})", keys)}
        return [k for k in keys if k not in known]

    def add_names(self, keys: list[str], blocks: list[tuple[str, str]]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO name_index VALUES (?, NULL)",
                              ((k,) for k in keys))
        self.conn.executemany("INSERT OR IGNORE INTO name_blocks VALUES (?,?)", blocks)

    def keys_with_blocks(self, blocks: Iterable[str]) -> set[str]:
        return {r[0] for r in self._in(
            "SELECT key FROM name_blocks WHERE block IN ({marks})", blocks)}

    def add_name_edges(self, edges: Iterable[tuple[str, str]]) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO name_edges VALUES (?,?)", edges)

    def name_edges_of(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        return self._in("SELECT a, b FROM name_edges WHERE a IN ({marks})", keys)

    def merges_of(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        keys = list(keys)
        return (self._in("SELECT key_a, key_b FROM overrides WHERE action='merge'"
                         " AND key_a IN ({marks})", keys)
                + self._in("SELECT key_a, key_b FROM overrides WHERE action='merge'"
                           " AND key_b IN ({marks})", keys))

    def overrides_of(self, keys: set[str]) -> list[tuple[int, str, str, str | None]]:
        """The overrides that name one of `keys` (their other name is among them too)."""
        rows = {r[0]: r for r in self._in(
            "SELECT seq, action, key_a, key_b FROM overrides WHERE key_a IN ({marks})", keys)}
        rows.update((r[0], r) for r in self._in(
            "SELECT seq, action, key_a, key_b FROM overrides WHERE key_b IN ({marks})", keys))
        return [rows[s] for s in sorted(rows)]

    def entity_mates(self, keys: Iterable[str]) -> set[str]:
        """Names that share a current entity with one of `keys`."""
        return {r[0] for r in self._in(
            "SELECT m.key FROM entity_names n JOIN entity_names m ON m.entity_id=n.entity_id"
            " WHERE n.key IN ({marks})", keys)}

    def docs_with_keys(self, keys: Iterable[str]) -> set[int]:
        return {r[0] for r in self._in_keys("{docs}", keys)}

    def org_rows(self, doc_keys: Iterable[int]) -> list[tuple[int, int, str, str, str, str]]:
        """`iter_org_names` rows of these documents, in its order."""
        rows = self._in(
            "SELECT n.doc_key, n.idx, n.role, n.name, n.key, m.kind, n.rowid FROM org_names n"
            " JOIN org_mentions m ON m.doc_key=n.doc_key AND m.idx=n.idx"
            " WHERE n.doc_key IN ({marks})", sorted(doc_keys))
        rows.sort(key=lambda r: (r[0], r[1], r[6]))
        return [r[:6] for r in rows]

    def link_groups(self, keys: Iterable[str]) -> list[tuple[str, str, str]]:
        """The (a, b, rule) of the documents' links from one of `keys`, each once however
        many documents give it (a hub's acronym is given by thousands), sorted."""
        return sorted(set(self._in(
            "SELECT DISTINCT a, b, rule FROM doc_links WHERE a IN ({marks})", keys)))

    def first_shared_docs(self, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
        """The first document (by id, `events.doc_rank`) naming both names of each pair
        (pairs none names are left out)."""
        out = {}
        # compound SELECTs chain left to right: each side of the INTERSECT is a subquery
        both = (f"SELECT doc_key FROM ({self._keyed('doc_key', 'key=?1')}) INTERSECT"
                f" SELECT doc_key FROM ({self._keyed('doc_key', 'key=?2')})")
        for a, b in pairs:
            row = self.conn.execute(
                f"SELECT d.doc_key FROM ({both}) x JOIN documents d ON d.doc_key=x.doc_key"
                " ORDER BY d.id, d.doc_key LIMIT 1", (a, b)).fetchone()
            if row is not None:
                out[(a, b)] = row[0]
        return out

    def doc_ids(self, doc_keys: Iterable[int] | None = None) -> dict[int, str]:
        """doc_key -> document id, of these documents (all of them when None): the order
        resolution breaks ties between documents in, the same whatever order they came in."""
        if doc_keys is None:
            return dict(self.conn.execute("SELECT doc_key, id FROM documents"))
        return dict(self._in("SELECT doc_key, id FROM documents WHERE doc_key IN ({marks})",
                             sorted(set(doc_keys))))

    def index_docs(self, links: Iterable, event_keys: Iterable[tuple[str, str, str, str, int, int]],
                   doc_keys: Iterable[int] | None = None) -> None:
        """Record the documents' links and two-party dated reports, replacing what `doc_keys`
        had (all documents when None)."""
        if doc_keys is None:
            self.conn.execute("DELETE FROM doc_links")
            self.conn.execute("DELETE FROM event_keys")
        else:
            doc_keys = list(doc_keys)
            self._in("DELETE FROM doc_links WHERE doc_key IN ({marks})", doc_keys)
            self._in("DELETE FROM event_keys WHERE doc_key IN ({marks})", doc_keys)
        self.conn.executemany("INSERT INTO doc_links VALUES (?,?,?,?,?)",
                              ((k.a, k.b, k.rule, k.doc_key, k.detail) for k in links))
        self.conn.executemany("INSERT INTO event_keys VALUES (?,?,?,?,?,?)", event_keys)

    def same_day_reports(self, pairs: Iterable[tuple[str, str]]) -> list[tuple]:
        """Two-party reports of either name of each pair with a report of the other name of
        the same type and day, as `iter_event_mentions` rows (parties as keys)."""
        out = set()
        for a, b in pairs:
            for me, other in ((a, b), (b, a)):
                out.update(self.conn.execute(
                    "SELECT x.doc_key, x.idx, x.type, x.date, x.key, x.other FROM event_keys x"
                    " WHERE x.key=? AND EXISTS (SELECT 1 FROM event_keys y WHERE y.key=?"
                    " AND y.type=x.type AND y.date=x.date)", (me, other)))
        return [(d, i, t, day, [k, o], None, [], None, None) for d, i, t, day, k, o in sorted(out)]

    def coparties_with_same_day_candidate(self, keys: Iterable[str]) -> set[tuple[str, str]]:
        """(name, candidate) for each name reported with one of `keys` in a two-party dated
        event, and each of its link candidates reported on the same day in the same type."""
        return set(self._in(
            "SELECT DISTINCT a.other, n.b FROM event_keys a JOIN name_edges n ON n.a=a.other"
            " JOIN event_keys b ON b.key=n.b AND b.type=a.type AND b.date=a.date"
            " WHERE a.key IN ({marks})", keys))

    def name_totals(self, keys: Iterable[str]) -> tuple[dict, dict]:
        """(key -> Counter of spellings, one per document: the first in it; key -> Counter of
        kinds, one vote per mention naming it) over every document using each key."""
        from collections import Counter

        keys = sorted(set(keys))
        surfaces: dict[str, Counter] = defaultdict(Counter)
        kinds: dict[str, Counter] = defaultdict(Counter)
        # the documents come from the name index (`_in_keys`), their rows from org_names by doc
        for key, name, n in self._in_keys(
                "SELECT key, name, COUNT(*) FROM (SELECT key, name, MIN(idx * 4294967296 + rowid)"
                " FROM org_names WHERE doc_key IN ({docs}) AND key IN ({marks})"
                " GROUP BY key, doc_key) GROUP BY key, name", keys):
            surfaces[key][name] = n
        for key, kind, n in self._in_keys(
                "SELECT n.key, m.kind, SUM(n.role='name') FROM org_names n JOIN org_mentions m"
                " ON m.doc_key=n.doc_key AND m.idx=n.idx WHERE n.doc_key IN ({docs})"
                " AND n.key IN ({marks}) GROUP BY n.key, m.kind", keys):
            kinds[key][kind] = n
        return surfaces, kinds

    def n_docs_of(self, keys: list[str]) -> int:
        from partnergraph.store.levels import numbered

        docs = self._keyed("doc_key", f"key IN ({numbered(len(keys))})")
        return self.conn.execute(f"SELECT COUNT(DISTINCT doc_key) FROM ({docs})", keys).fetchone()[0]

    def provs(self, keys: Iterable[str]) -> dict[str, str]:
        return dict(self._in("SELECT key, prov FROM name_index WHERE key IN ({marks})"
                             " AND prov IS NOT NULL", keys))

    def set_provs(self, provs: dict[str, str], keys: Iterable[str]) -> None:
        """Store the provisional groups of `keys`; a name no document uses any more leaves
        the index (a full run would not hold it; its links to other names stay, as candidates
        that only widen a later search)."""
        gone = [k for k in keys if k not in provs]
        self._in("DELETE FROM name_index WHERE key IN ({marks})", gone)
        self._in("DELETE FROM name_blocks WHERE key IN ({marks})", gone)
        self.conn.executemany("INSERT OR REPLACE INTO name_index VALUES (?,?)",
                              ((k, provs[k]) for k in keys if k in provs))

    # -- entities -------------------------------------------------------------------------
    def entities_of_keys(self, keys: Iterable[str]) -> dict[str, int]:
        return dict(self._in("SELECT key, entity_id FROM entity_names WHERE key IN ({marks})", keys))

    def members_of(self, ids: Iterable[int]) -> dict[int, set[str]]:
        out: dict[int, set[str]] = defaultdict(set)
        for key, i in self._in("SELECT key, entity_id FROM entity_names WHERE entity_id IN ({marks})", ids):
            out[i].add(key)
        return out

    def entity_members(self) -> dict[int, list[str]]:
        """Every entity's names."""
        out: dict[int, list[str]] = defaultdict(list)
        for key, i in self.conn.execute("SELECT key, entity_id FROM entity_names"):
            out[i].append(key)
        return out

    def event_reports_by_event(self, ids: Iterable[int] | None = None) -> dict[int, list]:
        """Event id -> its reports, (doc_key, idx), of these events (all when None)."""
        sql = "SELECT event_id, doc_key, idx FROM event_sources"
        rows = (self.conn.execute(sql) if ids is None
                else self._in(sql + " WHERE event_id IN ({marks})", sorted(set(ids))))
        out: dict[int, list] = defaultdict(list)
        for ev, d, i in rows:
            out[ev].append((d, i))
        return out

    def entity_names_kinds(self, ids: Iterable[int]) -> list[tuple[int, str, str]]:
        return self._in("SELECT id, name, kind FROM entities WHERE id IN ({marks})", ids)

    # -- stable ids (resolution/ids.py) --------------------------------------------------
    def doc_identities(self, doc_keys: Iterable[int] | None = None) -> dict[int, tuple]:
        """doc_key -> (id, published, content_hash): what names a document in canonical keys."""
        sql = "SELECT doc_key, id, published, content_hash FROM documents"
        rows = (self.conn.execute(sql) if doc_keys is None
                else self._in(sql + " WHERE doc_key IN ({marks})", sorted(set(doc_keys))))
        return {r[0]: r[1:] for r in rows}

    def ids_in_buckets(self, table: str, buckets: Iterable[int]) -> set[int]:
        """The ids of `table` (entities, events, people) in these id buckets."""
        from partnergraph.resolution.ids import bucket_bounds

        out: set[int] = set()
        for b in sorted(buckets):
            out.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM {table} WHERE id BETWEEN ? AND ?", bucket_bounds(b)))
        return out

    def entity_canons(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        return {i: (k, "") for i, k in self._in(
            "SELECT entity_id, MIN(key) FROM entity_names WHERE entity_id IN ({marks})"
            " GROUP BY entity_id", ids)}

    def event_canons(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        from partnergraph.resolution.ids import event_canon, report_key

        reports: dict[int, list] = defaultdict(list)
        types: dict[int, str] = {}
        for ev, type_, published, content_hash, idx, doc_id in self._in(
                "SELECT s.event_id, e.type, d.published, d.content_hash, s.idx, d.id"
                " FROM event_sources s JOIN events e ON e.id=s.event_id JOIN documents d"
                " ON d.doc_key=s.doc_key WHERE s.event_id IN ({marks})", ids):
            reports[ev].append((report_key(published, content_hash, idx), doc_id))
            types[ev] = type_
        return {ev: event_canon(types[ev], rs) for ev, rs in reports.items()}

    def person_canons(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        from partnergraph.resolution.ids import person_canon, report_key

        ids = sorted(set(ids))
        rows = self._in("SELECT person_id, key, entity_id FROM person_keys"
                        " WHERE person_id IN ({marks})", ids)
        orgs = self.entity_canons({e for _p, _k, e in rows if e is not None})
        alone = dict(self._in("SELECT person_id, MIN(doc_key) FROM person_titles"
                              " WHERE person_id IN ({marks}) GROUP BY person_id",
                              [p for p, _k, e in rows if e is None]))
        docs = self.doc_identities(alone.values())
        out = {}
        for p, key, e in rows:
            if e is not None:
                out[p] = person_canon(key, orgs[e][0], None)
            else:
                doc_id, published, content_hash = docs[alone[p]]
                out[p] = person_canon(key, None, (report_key(published, content_hash, -1), doc_id))
        return out

    _RENUMBERED = {"events": (("events", "id"), ("event_parties", "event_id"),
                              ("event_sources", "event_id"), ("event_groups", "event_id")),
                   "people": (("people", "id"), ("person_keys", "person_id"),
                              ("person_titles", "person_id"))}

    def renumber(self, table: str, mapping: dict[int, int]) -> None:
        """Give events or people new ids (old -> new), in two steps so two may swap."""
        if not mapping:
            return
        for t, col in self._RENUMBERED[table]:
            self.conn.executemany(f"UPDATE {t} SET {col}=? WHERE {col}=?",
                                  ((-new, old) for old, new in mapping.items()))
            self.conn.executemany(f"UPDATE {t} SET {col}=? WHERE {col}=?",
                                  ((new, -new) for new in mapping.values()))

    def add_redirects(self, kind: str, moved: dict[int, int],
                      written: Iterable[int] | None = None) -> None:
        """Record that ids `moved` (old -> new) of `kind` ("entity", "event") now live under
        another id: what pointed at an old id points at its new one, and an id in use again
        (among `written`, the ids just written; all when None) is no redirect."""
        c = self.conn
        c.executemany("UPDATE id_redirects SET new_id=? WHERE kind=? AND new_id=?",
                      ((new, kind, old) for old, new in moved.items()))
        c.executemany("INSERT OR REPLACE INTO id_redirects VALUES (?,?,?)",
                      ((kind, old, new) for old, new in moved.items() if old != new))
        if written is None:
            table = "entities" if kind == "entity" else "events"
            c.execute(f"DELETE FROM id_redirects WHERE kind=? AND old_id IN (SELECT id FROM {table})",
                      (kind,))
        else:
            self._in("DELETE FROM id_redirects WHERE kind=? AND old_id IN ({marks})",
                     set(written) | set(moved.values()), kind)

    def moved_id(self, kind: str, old_id: int) -> int | None:
        """The id an entity or event retired as `old_id` lives under now, else None."""
        table = "entities" if kind == "entity" else "events"
        if self.conn.execute(f"SELECT 1 FROM {table} WHERE id=?", (old_id,)).fetchone():
            return None
        row = self.conn.execute("SELECT new_id FROM id_redirects WHERE kind=? AND old_id=?",
                                (kind, old_id)).fetchone()
        return row[0] if row else None

    def replace_entities(self, old_ids: set[int], keys: set[str], entities, local_to_global,
                         key_to_entity: dict[str, int], links, conflicts,
                         groups: list[tuple[str, str, str]] = ()) -> None:
        c = self.conn
        for table, col in (("entities", "id"), ("entity_aliases", "entity_id"),
                           ("entity_links", "entity_id"), ("entity_names", "entity_id")):
            self._in(f"DELETE FROM {table} WHERE {col} IN ({{marks}})", old_ids)
        self._in("DELETE FROM entity_names WHERE key IN ({marks})", keys)
        self._in("DELETE FROM entity_conflicts WHERE key_a IN ({marks})", keys)
        self._in("DELETE FROM entity_conflicts WHERE key_b IN ({marks})", keys)
        c.executemany("INSERT INTO entities VALUES (?,?,?,?,?)",
                      ((local_to_global[e.id], e.key, e.name, e.kind, e.n_docs) for e in entities))
        c.executemany("INSERT INTO entity_names VALUES (?,?)", sorted(key_to_entity.items()))
        c.executemany("INSERT INTO entity_aliases VALUES (?,?,?,?)",
                      ((local_to_global[e.id], a, k, n) for e in entities for a, k, n in e.aliases))
        self._insert_expanded(links, groups, "entity_links", key_to_entity)
        self._insert_expanded(conflicts, groups, "entity_conflicts")

    def _insert_expanded(self, links, groups: list[tuple[str, str, str]], table: str,
                         key_to_entity: dict[str, int] | None = None) -> None:
        """Write `links` (`entities.Link`) to `table`; one that stands for a group of documents'
        links (`incremental.group_links`: doc_key -1 - the group's place in `groups`) becomes
        one row per document giving them, read from `doc_links` here rather than held in
        memory, its detail with that document's own in place of `GROUP_DETAIL`."""
        from partnergraph.resolution.incremental import GROUP_DETAIL

        c = self.conn
        head = "?," if key_to_entity is not None else ""
        c.executemany(f"INSERT INTO {table} VALUES ({head}?,?,?,?,?)", (
            ((key_to_entity[k.a],) if key_to_entity is not None else ())
            + (k.a, k.b, k.rule, k.doc_key, k.detail)
            for k in links if k.doc_key is None or k.doc_key >= 0))
        c.execute("CREATE TEMP TABLE IF NOT EXISTS expanded_links(entity_id INTEGER, a TEXT,"
                  " b TEXT, rule TEXT, ga TEXT, gb TEXT, grule TEXT, prefix TEXT, suffix TEXT,"
                  " fixed TEXT)")
        c.execute("DELETE FROM expanded_links")
        rows = []
        for k in links:
            if k.doc_key is None or k.doc_key >= 0:
                continue
            ga, gb, grule = groups[-1 - k.doc_key]
            prefix, found, suffix = k.detail.partition(GROUP_DETAIL)
            rows.append((key_to_entity[k.a] if key_to_entity is not None else None, k.a, k.b,
                         k.rule, ga, gb, grule, prefix, suffix, None if found else k.detail))
        if not rows:
            return
        c.executemany("INSERT INTO expanded_links VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        # CROSS JOIN: the few groups drive, each read through doc_links' index on a
        cols = "t.entity_id, " if key_to_entity is not None else ""
        c.execute(
            f"INSERT INTO {table} SELECT {cols}t.a, t.b, t.rule, d.doc_key,"
            " COALESCE(t.fixed, t.prefix || d.detail || t.suffix)"
            " FROM expanded_links t CROSS JOIN doc_links d"
            " ON d.a=t.ga AND d.b=t.gb AND d.rule=t.grule")
        c.execute("DELETE FROM expanded_links")

    # -- events ---------------------------------------------------------------------------
    def _event_rows(self, rows: list[tuple]) -> list[tuple]:
        return [r[:4] + (json.loads(r[4]), r[5], json.loads(r[6])) + r[7:] for r in rows]

    def event_rows_of_docs(self, doc_keys: Iterable[int]) -> list[tuple]:
        """`iter_event_mentions` rows of these documents."""
        return self._event_rows(self._in(
            "SELECT e.doc_key, e.idx, e.type, e.date, e.parties, e.location, e.topics, e.entity,"
            " d.published FROM event_mentions e JOIN documents d ON d.doc_key=e.doc_key"
            " WHERE e.doc_key IN ({marks})", sorted(doc_keys)))

    def reports_of_events(self, event_ids: Iterable[int]) -> list[tuple]:
        """`iter_event_mentions` rows of the reports behind these events."""
        return self._event_rows(self._in(
            "SELECT e.doc_key, e.idx, e.type, e.date, e.parties, e.location, e.topics, e.entity,"
            " d.published FROM event_sources s JOIN event_mentions e ON e.doc_key=s.doc_key"
            " AND e.idx=s.idx JOIN documents d ON d.doc_key=e.doc_key"
            " WHERE s.event_id IN ({marks})", sorted(event_ids)))

    def event_rows_of_entities(self, ids: Iterable[int]) -> list[tuple]:
        return self.reports_of_events(self.events_with_parties(ids))

    def events_with_parties(self, ids: Iterable[int]) -> set[int]:
        return {r[0] for r in self._in(
            "SELECT event_id FROM event_parties WHERE entity_id IN ({marks})", ids)}

    def events_with_sources(self, doc_keys: Iterable[int]) -> set[int]:
        return {r[0] for r in self._in(
            "SELECT event_id FROM event_sources WHERE doc_key IN ({marks})", doc_keys)}

    def events_in_groups(self, groups: Iterable[tuple[str, str]]) -> set[int]:
        out: set[int] = set()
        for type_, parties in groups:
            out.update(r[0] for r in self.conn.execute(
                "SELECT event_id FROM event_groups WHERE type=? AND parties=?", (type_, parties)))
        return out

    def replace_events(self, old: set[int], events, moved: dict[int, int]) -> set[tuple[int, int]]:
        """Remove events `old`, renumber events `moved` (old -> new id), write `events`
        (numbered already); the party pairs of the removed and written ones."""
        c = self.conn
        by_event: dict[int, list[int]] = defaultdict(list)
        for ev, entity in self._in(
                "SELECT event_id, entity_id FROM event_parties WHERE event_id IN ({marks})", old):
            by_event[ev].append(entity)
        pairs = {(a, b) for ps in by_event.values() for a in ps for b in ps if a != b}
        for table, col in (("events", "id"), ("event_parties", "event_id"),
                           ("event_sources", "event_id"), ("event_groups", "event_id")):
            self._in(f"DELETE FROM {table} WHERE {col} IN ({{marks}})", old)
        self.renumber("events", moved)
        for e in events:
            pairs.update((a, b) for a in e.parties for b in e.parties if a != b)
        _insert_events(c, events)
        return pairs

    def refresh_partner_pairs(self, pairs: set[tuple[int, int]], ids: set[int]) -> None:
        """Recompute the partner rows of these (entity, partner) pairs and every row of
        entities `ids` (both directions)."""
        from partnergraph.store.reads import _TYPES_SQL

        c = self.conn
        c.execute("CREATE TEMP TABLE IF NOT EXISTS touched_pairs(a INTEGER, b INTEGER,"
                  " PRIMARY KEY (a, b)) WITHOUT ROWID")
        c.execute("DELETE FROM touched_pairs")
        c.executemany("INSERT OR IGNORE INTO touched_pairs VALUES (?,?)",
                      {(a, b) for x, y in pairs for a, b in ((x, y), (y, x)) if a != b})
        for other in self._in("SELECT DISTINCT partner_id, entity_id FROM partner_pairs"
                              " WHERE entity_id IN ({marks})", ids):
            c.execute("INSERT OR IGNORE INTO touched_pairs VALUES (?,?)", other)
            c.execute("INSERT OR IGNORE INTO touched_pairs VALUES (?,?)", other[::-1])
        c.execute("DELETE FROM partner_pairs WHERE (entity_id, partner_id) IN"
                  " (SELECT a, b FROM touched_pairs)")
        # CROSS JOIN keeps the touched pairs the outer loop: the temporary table has no
        # statistics, and SQLite scanned every event's parties instead (4 s at 100k documents)
        c.execute(
            "INSERT INTO partner_pairs SELECT p1.entity_id, COUNT(*), en.name, p2.entity_id,"
            f" en.kind, MIN(e.sort_date), MAX(e.sort_date), RTRIM({_TYPES_SQL}, ',')"
            " FROM touched_pairs t CROSS JOIN event_parties p1 ON p1.entity_id=t.a"
            " JOIN event_parties p2 ON p2.event_id=p1.event_id AND p2.entity_id=t.b"
            " JOIN events e ON e.id=p1.event_id JOIN entities en ON en.id=p2.entity_id"
            " GROUP BY p1.entity_id, p2.entity_id")
        c.execute("DELETE FROM touched_pairs")

    # -- people ---------------------------------------------------------------------------
    def people_of_entities(self, ids: Iterable[int]) -> set[int]:
        return {r[0] for r in self._in("SELECT id FROM people WHERE entity_id IN ({marks})", ids)}

    def people_of_docs(self, doc_keys: Iterable[int]) -> set[int]:
        return {r[0] for r in self._in(
            "SELECT person_id FROM person_titles WHERE doc_key IN ({marks})", doc_keys)}

    def people_named_at(self, wanted: set[tuple[str, int]]) -> set[int]:
        """People standing for one of these (name key, entity id)."""
        out = set()
        for nk, e in wanted:
            out.update(r[0] for r in self.conn.execute(
                "SELECT person_id FROM person_keys WHERE key=? AND entity_id=?", (nk, e)))
        return out

    def people_unattached(self, wanted: set[tuple[str, int]]) -> set[int]:
        """People with no organization standing for one of these (name key, document)."""
        from partnergraph.resolution.names import name_key

        out = set()
        for pid, name, doc_key in self._in(
                "SELECT p.id, p.name, t.doc_key FROM person_titles t JOIN people p"
                " ON p.id=t.person_id WHERE p.entity_id IS NULL AND t.doc_key IN ({marks})",
                {d for _nk, d in wanted}):
            if (name_key(name), doc_key) in wanted:
                out.add(pid)
        return out

    def _person_rows(self, doc_keys: Iterable[int]) -> list[tuple]:
        return self._in(
            "SELECT p.doc_key, p.idx, p.name, p.title, p.org, d.published FROM person_mentions p"
            " JOIN documents d ON d.doc_key=p.doc_key WHERE p.doc_key IN ({marks})", sorted(doc_keys))

    def person_rows_of_docs(self, doc_keys: Iterable[int]) -> list[tuple]:
        """`iter_person_mentions` rows of these documents."""
        return self._person_rows(doc_keys)

    def person_rows_of_people(self, ids: Iterable[int]) -> list[tuple]:
        """Person mentions of the documents these people are named in (theirs among them)."""
        docs = {r[0] for r in self._in(
            "SELECT doc_key FROM person_titles WHERE person_id IN ({marks})", ids)}
        return self._person_rows(docs)

    def replace_people(self, old: set[int], people, moved: dict[int, int]) -> None:
        """Remove people `old`, renumber people `moved` (old -> new id), write `people`."""
        c = self.conn
        self._in("DELETE FROM people WHERE id IN ({marks})", old)
        self._in("DELETE FROM person_keys WHERE person_id IN ({marks})", old)
        self._in("DELETE FROM person_titles WHERE person_id IN ({marks})", old)
        self.renumber("people", moved)
        _insert_people(c, people)

    # -- a full run's index ---------------------------------------------------------------
    def write_name_index(self, provs: dict[str, str], keys: Iterable[str],
                         blocks: Iterable[tuple[str, str]], edges: Iterable[tuple[str, str]],
                         links: Iterable, event_keys: Iterable[tuple]) -> None:
        """Replace the name index (inside a full run's transaction)."""
        c = self.conn
        for table in ("name_index", "name_blocks", "name_edges", "dirty_docs", "dirty_keys"):
            c.execute(f"DELETE FROM {table}")
        c.executemany("INSERT INTO name_index VALUES (?,?)", ((k, provs.get(k)) for k in keys))
        c.executemany("INSERT OR IGNORE INTO name_blocks VALUES (?,?)", blocks)
        c.executemany("INSERT OR IGNORE INTO name_edges VALUES (?,?)", edges)
        self.index_docs(links, event_keys)
        c.execute("INSERT OR REPLACE INTO meta VALUES ('incremental_ready', '1')")


def _insert_events(c, events) -> None:
    c.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?)",
                  ((e.id, e.type, e.date, e.sort_date, e.location,
                    json.dumps(e.topics, ensure_ascii=False), e.entity, len(e.sources))
                   for e in events))
    c.executemany("INSERT INTO event_parties VALUES (?,?)",
                  ((e.id, p) for e in events for p in e.parties))
    c.executemany("INSERT INTO event_sources VALUES (?,?,?,?)",
                  ((e.id, d, i, r) for e in events for d, i, r in e.sources))
    c.executemany("INSERT INTO event_groups VALUES (?,?,?)",
                  ((e.id, e.type, ",".join(map(str, e.parties))) for e in events))


def _insert_people(c, people) -> None:
    from partnergraph.resolution.names import name_key

    c.executemany("INSERT INTO people VALUES (?,?,?,?)",
                  ((p.id, p.name, p.entity_id, p.n_docs) for p in people))
    c.executemany("INSERT INTO person_keys VALUES (?,?,?)",
                  ((p.id, name_key(p.name), p.entity_id) for p in people))
    c.executemany("INSERT INTO person_titles VALUES (?,?,?,?)",
                  ((p.id, t, d, pub) for p in people for t, d, pub in p.titles))
