"""Reads of the knowledge base for `query.py` and `export.py`: plain methods returning tuples.

A mixin of `Store`, kept apart from the writes so each file holds one side of the store;
still the only place besides `store/__init__.py` with SQL (house rule 2).
"""

from __future__ import annotations

from collections.abc import Iterator

from partnergraph.models import EVENT_TYPES


# Search ranks inside the FTS5 subquery and joins only the page of hits with the documents
# (joining first carried every match's full text into a sort: "memorandum of understanding"
# matches 20% of bench/bench_ingest.py's 100k store). The score is `bm25()` in the subquery's
# ORDER BY, not FTS5's `ORDER BY rank`: FTS5 answers that with an inner statement which
# computes the rank function twice per match (once to sort, once for the `rank` column),
# 75 -> 41 ms at 100k for that query. SQLite's sorter keeps only the best LIMIT+OFFSET rows.
# Ties on the score go by rowid, the order the documents were stored.
SEARCH_WORDS = (
    "SELECT d.id, d.title, d.url, d.published, d.text FROM"
    " (SELECT rowid AS doc_key, bm25(documents_words, 5.0, 1.0) AS score FROM documents_words"
    " WHERE documents_words MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) AS hit"
    " JOIN documents d ON d.doc_key=hit.doc_key ORDER BY hit.score, hit.doc_key")
SEARCH_SUBSTRING = (
    "SELECT d.id, d.title, d.url, d.published, d.text FROM"
    " (SELECT rowid AS doc_key, bm25(documents_fts) AS score FROM documents_fts"
    " WHERE documents_fts MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?) AS hit"
    " JOIN documents d ON d.doc_key=hit.doc_key ORDER BY hit.score, hit.doc_key")


class Reads:
    """The query side of `Store` (expects `self.conn`)."""

    def entity_id_by_key(self, key: str) -> int | None:
        row = self.conn.execute(
            "SELECT entity_id FROM entity_names WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def entity(self, entity_id: int) -> tuple[int, str, str, str, int] | None:
        """(id, key, name, kind, n_docs)."""
        return self.conn.execute(
            "SELECT id, key, name, kind, n_docs FROM entities WHERE id=?", (entity_id,)).fetchone()

    def entity_choices(self) -> list[tuple[str, int]]:
        """Every (name or alias, entity id), for closest-name hints."""
        return self.conn.execute(
            "SELECT alias, entity_id FROM entity_aliases").fetchall()

    def aliases(self, entity_id: int) -> list[tuple[str, str, int]]:
        """(alias, key, n_docs) of an entity, most supported first."""
        return self.conn.execute(
            "SELECT alias, key, n_docs FROM entity_aliases WHERE entity_id=?"
            " ORDER BY n_docs DESC, alias", (entity_id,)).fetchall()

    def _keyed(self, columns: str, where: str) -> str:
        """SELECT `columns` (of key, doc_key) over every level of the organization name
        index (`store/levels.py`) with `where` (numbered parameters)."""
        from partnergraph.store import INDEX_LEVELS
        from partnergraph.store.levels import union

        return union("org_keys", INDEX_LEVELS, columns, where)

    def docs_for_key(self, key: str, limit: int = 20) -> list[str]:
        """Ids of the (first stored) documents that name an organization by this key."""
        docs = self._keyed("doc_key", "key=?1")
        return [r[0] for r in self.conn.execute(
            f"SELECT d.id FROM (SELECT DISTINCT doc_key FROM ({docs}) ORDER BY doc_key LIMIT ?2) n"
            " JOIN documents d ON d.doc_key=n.doc_key ORDER BY n.doc_key", (key, limit))]

    def links(self, entity_id: int) -> list[tuple[str, str, str, int | None, str]]:
        """(key_a, key_b, rule, doc_key, detail) of the joins inside an entity."""
        return self.conn.execute(
            "SELECT key_a, key_b, rule, doc_key, detail FROM entity_links WHERE entity_id=?",
            (entity_id,)).fetchall()

    def conflicts(self, keys: list[str]) -> list[tuple[str, str, str, int | None, str]]:
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        return self.conn.execute(
            f"SELECT key_a, key_b, rule, doc_key, detail FROM entity_conflicts"
            f" WHERE key_a IN ({marks}) OR key_b IN ({marks})", keys + keys).fetchall()

    def keys_of(self, entity_id: int) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT key FROM entity_names WHERE entity_id=?", (entity_id,))]

    def partners(self, entity_id: int, since: str | None, until: str | None,
                 type: str | None, limit: int | None = None, offset: int = 0,
                 ) -> list[tuple[int, str, str, int, str | None, str | None, str]]:
        """(partner id, name, kind, events, first date, last date, types) by event count."""
        limit_sql = _limit(limit, offset)
        if not (since or until or type):
            return self.conn.execute(
                "SELECT partner_id, partner_name, partner_kind, n_events, first, last, types"
                " FROM partner_pairs WHERE entity_id=? ORDER BY n_events DESC, partner_name"
                + limit_sql, (entity_id,)).fetchall()
        sql = (
            "SELECT p2.entity_id, en.name, en.kind, COUNT(*), MIN(e.sort_date), MAX(e.sort_date),"
            f" RTRIM({_TYPES_SQL}, ',')"
            " FROM event_parties p1"
            " JOIN event_parties p2 ON p2.event_id=p1.event_id AND p2.entity_id!=p1.entity_id"
            " JOIN events e ON e.id=p1.event_id JOIN entities en ON en.id=p2.entity_id"
            " WHERE p1.entity_id=?")
        args: list = [entity_id]
        sql, args = _event_filters(sql, args, since, until, type)
        sql += " GROUP BY p2.entity_id ORDER BY COUNT(*) DESC, en.name" + limit_sql
        return self.conn.execute(sql, args).fetchall()

    def organizations(self, *, kind: str | None, partner_kind: str | None, type: str | None,
                      since: str | None, until: str | None, min_partners: int,
                      limit: int | None, offset: int = 0) -> list[tuple[int, str, str, int, int]]:
        """(id, name, kind, distinct partners, events) of organizations by partner count."""
        sql = ("SELECT p1.entity_id, en.name, en.kind, COUNT(DISTINCT p2.entity_id),"
               " COUNT(DISTINCT e.id) FROM event_parties p1"
               " JOIN entities en ON en.id=p1.entity_id JOIN events e ON e.id=p1.event_id"
               " JOIN event_parties p2 ON p2.event_id=p1.event_id AND p2.entity_id!=p1.entity_id"
               " JOIN entities en2 ON en2.id=p2.entity_id WHERE 1=1")
        args: list = []
        if kind:
            sql += " AND en.kind=?"
            args.append(kind)
        if partner_kind:
            sql += " AND en2.kind=?"
            args.append(partner_kind)
        sql, args = _event_filters(sql, args, since, until, type)
        sql += (" GROUP BY p1.entity_id HAVING COUNT(DISTINCT p2.entity_id) >= ?"
                " ORDER BY 4 DESC, 5 DESC, en.name")
        args.append(min_partners)
        sql += _limit(limit, offset)
        return self.conn.execute(sql, args).fetchall()

    def n_events(self, entity_id: int) -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM event_parties WHERE entity_id=?", (entity_id,)).fetchone()[0]

    def n_partners(self, entity_id: int) -> int:
        return self.conn.execute(
            "SELECT COUNT(*) FROM partner_pairs WHERE entity_id=?", (entity_id,)).fetchone()[0]

    def events(self, entity_id: int | None = None, *, type: str | None = None,
               since: str | None = None, until: str | None = None, topic: str | None = None,
               kind: str | None = None, lang: str | None = None, limit: int | None = None,
               offset: int = 0, newest_first: bool = False, with_id: int | None = None) -> list[tuple]:
        """(id, type, date, sort_date, location, topics json, entity, n_sources), by date;
        `with_id`: only events that organization is also party to."""
        sql = ("SELECT e.id, e.type, e.date, e.sort_date, e.location, e.topics, e.entity,"
               " e.n_sources FROM events e")
        args: list = []
        if entity_id is not None:
            sql += " JOIN event_parties p ON p.event_id=e.id AND p.entity_id=?"
            args.append(entity_id)
        if with_id is not None:
            sql += " JOIN event_parties w ON w.event_id=e.id AND w.entity_id=?"
            args.append(with_id)
        sql += " WHERE 1=1"
        sql, args = _event_filters(sql, args, since, until, type)
        if topic:
            # a substring test, not LIKE: '%' and '_' in a topic are characters, and a long
            # topic is no pattern SQLite refuses as too complex
            sql += " AND instr(lower(e.topics), lower(?)) > 0"
            args.append(topic)
        if kind:
            sql += (" AND EXISTS (SELECT 1 FROM event_parties k JOIN entities ke"
                    " ON ke.id=k.entity_id WHERE k.event_id=e.id AND ke.kind=?")
            args.append(kind)
            if entity_id is not None:
                sql += " AND k.entity_id!=?"
                args.append(entity_id)
            sql += ")"
        if lang:
            sql += (" AND EXISTS (SELECT 1 FROM event_sources ls JOIN documents ld"
                    " ON ld.doc_key=ls.doc_key WHERE ls.event_id=e.id AND ld.lang=?)")
            args.append(lang)
        if newest_first:
            sql += " ORDER BY e.sort_date IS NOT NULL, e.sort_date DESC, e.id DESC"
        else:
            sql += " ORDER BY e.sort_date IS NULL, e.sort_date, e.id"
        sql += _limit(limit, offset)
        return self.conn.execute(sql, args).fetchall()

    def graph_pairs(self, *, since: str | None, until: str | None, type: str | None,
                    lang: str | None, with_id: int | None = None) -> list[tuple]:
        """(entity a < entity b, events, first date, last date, event ids comma-joined, then
        the count of each of EVENT_TYPES) per pair of parties, over the events that pass the
        filters (and that `with_id` is party to); grouped here in SQL (in Python it took 3x the
        CPU: bench/bench_web.py)."""
        counts = ", ".join(f"SUM(e.type='{t}')" for t in EVENT_TYPES)
        sql = ("SELECT p1.entity_id, p2.entity_id, COUNT(*), MIN(e.sort_date), MAX(e.sort_date),"
               f" group_concat(e.id), {counts} FROM events e"
               " JOIN event_parties p1 ON p1.event_id=e.id"
               " JOIN event_parties p2 ON p2.event_id=e.id AND p2.entity_id>p1.entity_id")
        args: list = []
        if with_id is not None:
            sql += " JOIN event_parties w ON w.event_id=e.id AND w.entity_id=?"
            args.append(with_id)
        sql, args = _event_filters(sql + " WHERE 1=1", args, since, until, type)
        if lang:
            sql += (" AND EXISTS (SELECT 1 FROM event_sources ls JOIN documents ld"
                    " ON ld.doc_key=ls.doc_key WHERE ls.event_id=e.id AND ld.lang=?)")
            args.append(lang)
        sql += " GROUP BY p1.entity_id, p2.entity_id"
        return self.conn.execute(sql, args).fetchall()

    def entities_by_id(self, ids: set[int]) -> dict[int, tuple[str, str]]:
        """id → (name, kind)."""
        out: dict[int, tuple[str, str]] = {}
        for chunk in _chunks(sorted(ids), 500):
            marks = ",".join("?" * len(chunk))
            out.update((i, (n, k)) for i, n, k in self.conn.execute(
                f"SELECT id, name, kind FROM entities WHERE id IN ({marks})", chunk))
        return out

    def event_doc_ids(self, event_ids: list[int]) -> dict[int, list[str]]:
        """event id → ids of the documents that report it."""
        out: dict[int, list[str]] = {}
        for chunk in _chunks(sorted(set(event_ids)), 500):
            marks = ",".join("?" * len(chunk))
            for ev, doc_id in self.conn.execute(
                    f"SELECT s.event_id, d.id FROM event_sources s JOIN documents d"
                    f" ON d.doc_key=s.doc_key WHERE s.event_id IN ({marks})", chunk):
                out.setdefault(ev, []).append(doc_id)
        return out

    def suggest(self, folded: str, limit: int) -> list[tuple[int, str, str, str, int]]:
        """(entity id, name, kind, matching alias, documents) for names starting with, then
        containing, the casefolded text; one row per organization."""
        like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # MAX(...) makes SQLite take the bare columns (the alias) from a row that starts
        # with the text when one does
        rows = self.conn.execute(
            "SELECT en.id, en.name, en.kind, a.alias, en.n_docs,"
            " MAX(lower(a.alias) LIKE ? ESCAPE '\\') AS starts FROM entity_aliases a"
            " JOIN entities en ON en.id=a.entity_id WHERE lower(a.alias) LIKE ? ESCAPE '\\'"
            " GROUP BY en.id ORDER BY starts DESC, en.n_docs DESC, en.name LIMIT ?",
            (like + "%", "%" + like + "%", int(limit))).fetchall()
        return [r[:5] for r in rows]

    def event_parties(self, event_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
        out: dict[int, list[tuple[int, str]]] = {i: [] for i in event_ids}
        for chunk in _chunks(event_ids, 500):
            marks = ",".join("?" * len(chunk))
            for ev, eid, name in self.conn.execute(
                f"SELECT p.event_id, p.entity_id, en.name FROM event_parties p JOIN entities en"
                f" ON en.id=p.entity_id WHERE p.event_id IN ({marks}) ORDER BY en.name", chunk):
                out[ev].append((eid, name))
        return out

    def event_sources(self, event_ids: list[int]) -> dict[int, list[tuple[str, str | None, str]]]:
        """event id → [(document id, url, rule)]."""
        out: dict[int, list] = {i: [] for i in event_ids}
        for chunk in _chunks(event_ids, 500):
            marks = ",".join("?" * len(chunk))
            for ev, doc_id, url, rule in self.conn.execute(
                f"SELECT s.event_id, d.id, d.url, s.rule FROM event_sources s JOIN documents d"
                f" ON d.doc_key=s.doc_key WHERE s.event_id IN ({marks}) ORDER BY s.rowid", chunk):
                out[ev].append((doc_id, url, rule))
        return out

    def people(self, entity_id: int, limit: int | None = None,
               ) -> list[tuple[int, str, str, int, str | None]]:
        """(person id, name, titles joined by ',', n_docs, last published) at an org,
        the most documented first."""
        limit_sql = f" LIMIT {int(limit)}" if limit else ""
        return self.conn.execute(
            "SELECT p.id, p.name, (SELECT GROUP_CONCAT(DISTINCT t.title) FROM person_titles t"
            " WHERE t.person_id=p.id), p.n_docs, (SELECT MAX(t.published) FROM person_titles t"
            " WHERE t.person_id=p.id) FROM people p WHERE p.entity_id=?"
            " ORDER BY p.n_docs DESC, p.name" + limit_sql, (entity_id,)).fetchall()

    def people_named(self, folded: str, limit: int, offset: int = 0) -> list[tuple]:
        """(person id, name, titles joined by ',', documents, entity id, org name, org kind)
        of people whose name contains the casefolded text, the most documented first."""
        like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return self.conn.execute(
            "SELECT p.id, p.name, (SELECT GROUP_CONCAT(DISTINCT t.title) FROM person_titles t"
            " WHERE t.person_id=p.id), p.n_docs, en.id, en.name, en.kind FROM people p"
            " LEFT JOIN entities en ON en.id=p.entity_id WHERE lower(p.name) LIKE ? ESCAPE '\\'"
            " ORDER BY p.n_docs DESC, p.name, p.id" + _limit(limit, offset),
            ("%" + like + "%",)).fetchall()

    def search_words(self, match: str, limit: int, offset: int = 0) -> list[tuple]:
        """(doc id, title, url, published, text) of documents matching an FTS5 expression over
        the word index, best first (BM25, a title match weighing five body matches).

        Ranked and cut inside the FTS5 subquery (see `SEARCH_WORDS`); only the page of hits
        is joined with the documents' text."""
        return self.conn.execute(SEARCH_WORDS, (match, limit, offset)).fetchall()

    def search_substring(self, text: str, limit: int, offset: int = 0) -> list[tuple]:
        """(doc id, title, url, published, text) of documents containing `text`, most
        occurrences first: the trigram index from three characters, a scan below that."""
        if len(text) >= 3:
            phrase = '"' + text.replace('"', '""') + '"'
            return self.conn.execute(SEARCH_SUBSTRING, (phrase, limit, offset)).fetchall()
        return self.conn.execute(
            "SELECT id, title, url, published, text FROM documents"
            " WHERE instr(lower(text), lower(?)) > 0 OR instr(lower(coalesce(title, '')), lower(?)) > 0"
            " ORDER BY (length(text) - length(replace(lower(text), lower(?), ''))) * 1.0"
            " / length(text) DESC, id LIMIT ? OFFSET ?", (text, text, text, limit, offset)).fetchall()

    def stats(self) -> dict[str, int]:
        tables = {"documents": "documents", "sources": "document_sources",
                  "organizations": "entities", "people": "people", "events": "events",
                  "event_reports": "event_mentions", "org_mentions": "org_mentions",
                  "overrides": "overrides"}
        return {name: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for name, t in tables.items()}

    def table_rows(self, name: str) -> tuple[list[str], Iterator[tuple]]:
        """Stream a flat export table as (columns, rows); see `EXPORT_TABLES`."""
        cur = self.conn.execute(EXPORT_TABLES[name])
        return [c[0] for c in cur.description], cur

    def graph_edges(self) -> Iterator[tuple[int, int, int, str, str | None, str | None, str, str]]:
        """(source id, target id, events, types, first date, last date, event ids json,
        document ids json) per partner pair. The ids are grouped in one pass over the pairs'
        events (a subquery per edge re-read a hub's events for each of its partners: 9,022
        edges of bench/bench_web.py's store took 1.2 s of CPU against 0.2 s)."""
        return self.conn.execute(
            "SELECT pp.entity_id, pp.partner_id, pp.n_events, pp.types, pp.first, pp.last,"
            " x.events, x.docs FROM partner_pairs pp JOIN (SELECT p1.entity_id AS a,"
            " p2.entity_id AS b, json_group_array(DISTINCT p1.event_id) AS events,"
            " json_group_array(DISTINCT d.id) FILTER (WHERE d.id IS NOT NULL) AS docs"
            " FROM event_parties p1 JOIN event_parties p2 ON p2.event_id=p1.event_id"
            " AND p2.entity_id>p1.entity_id LEFT JOIN event_sources s ON s.event_id=p1.event_id"
            " LEFT JOIN documents d ON d.doc_key=s.doc_key GROUP BY 1, 2) x"
            " ON x.a=pp.entity_id AND x.b=pp.partner_id WHERE pp.entity_id < pp.partner_id"
            " ORDER BY pp.entity_id, pp.partner_id")

    def event_row(self, event_id: int) -> tuple | None:
        """One event as `events` gives it."""
        return self.conn.execute(
            "SELECT id, type, date, sort_date, location, topics, entity, n_sources FROM events"
            " WHERE id=?", (event_id,)).fetchone()

    def event_reports(self, event_ids: list[int]) -> list[tuple]:
        """(event id, doc_key, mention idx, rule, document id, title, url, published, lang,
        evidence json) of every article report of the events, in the order resolution kept."""
        out: list[tuple] = []
        for chunk in _chunks(event_ids, 500):
            marks = ",".join("?" * len(chunk))
            out += self.conn.execute(
                "SELECT s.event_id, s.doc_key, s.idx, s.rule, d.id, d.title, d.url, d.published,"
                " d.lang, m.evidence FROM event_sources s JOIN documents d ON d.doc_key=s.doc_key"
                " JOIN event_mentions m ON m.doc_key=s.doc_key AND m.idx=s.idx"
                f" WHERE s.event_id IN ({marks}) ORDER BY s.event_id, s.rowid", chunk).fetchall()
        return out

    def document_texts(self, doc_keys: list[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for chunk in _chunks(sorted(set(doc_keys)), 500):
            marks = ",".join("?" * len(chunk))
            out.update(self.conn.execute(
                f"SELECT doc_key, text FROM documents WHERE doc_key IN ({marks})", chunk))
        return out

    def document_people(self, doc_key: int) -> list[tuple[str, str | None, str | None, str]]:
        """(name, title, organization, evidence json) of the people an article names."""
        return self.conn.execute(
            "SELECT name, title, org, evidence FROM person_mentions WHERE doc_key=? ORDER BY idx",
            (doc_key,)).fetchall()


# the event types of a group of events, comma-joined in the fixed order of EVENT_TYPES


_TYPES_SQL = " || ".join(
    f"(CASE WHEN SUM(e.type='{t}') THEN '{t},' ELSE '' END)" for t in EVENT_TYPES)

EXPORT_TABLES = {
    "documents": "SELECT d.id, d.url, d.source, d.title, d.published, d.lang, d.content_hash,"
                 " (SELECT json_group_array(s.doc_id) FROM document_sources s"
                 "  WHERE s.doc_key=d.doc_key) AS sources, d.text FROM documents d ORDER BY d.id",
    "organizations": "SELECT e.id, e.name, e.kind, e.n_docs,"
                     " (SELECT json_group_array(a.alias) FROM entity_aliases a"
                     "  WHERE a.entity_id=e.id) AS aliases FROM entities e ORDER BY e.id",
    "people": "SELECT p.id, p.name, p.entity_id AS org_id, en.name AS org,"
              " (SELECT json_group_array(DISTINCT t.title) FROM person_titles t"
              "  WHERE t.person_id=p.id AND t.title IS NOT NULL) AS titles, p.n_docs"
              " FROM people p LEFT JOIN entities en ON en.id=p.entity_id ORDER BY p.id",
    "events": "SELECT e.id, e.type, e.date, e.location, e.topics, e.entity,"
              " (SELECT json_group_array(en.name) FROM event_parties p JOIN entities en"
              "  ON en.id=p.entity_id WHERE p.event_id=e.id) AS parties,"
              " (SELECT json_group_array(p.entity_id) FROM event_parties p"
              "  WHERE p.event_id=e.id) AS party_ids,"
              " (SELECT json_group_array(d.id) FROM event_sources s JOIN documents d"
              "  ON d.doc_key=s.doc_key WHERE s.event_id=e.id) AS sources"
              " FROM events e ORDER BY e.id",
}


def _event_filters(sql: str, args: list, since, until, type) -> tuple[str, list]:
    if since:
        sql += " AND e.sort_date >= ?"
        args.append(since)
    if until:
        # "2024" or "2024-05" as an upper bound includes the whole year or month
        sql += " AND e.sort_date <= ?"
        args.append(until + "\uffff")
    if type:
        sql += " AND e.type = ?"
        args.append(type)
    return sql, args


def _limit(limit: int | None, offset: int = 0) -> str:
    """LIMIT/OFFSET from integers (never from user strings)."""
    if not limit and not offset:
        return ""
    return f" LIMIT {int(limit) if limit else -1} OFFSET {int(offset)}"


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i: i + n]
