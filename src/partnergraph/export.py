"""Exports of the knowledge base for other tools.

- `graphml`, `gexf`: the organization graph for Gephi and networkx — nodes with name, kind
  and aliases, one edge per partner pair weighted by its number of events, with the event
  types, the first and last date, and the ids of its events and of the articles reporting
  them (`events`, `documents`: "|"-joined), so every edge leads back to its sentences.
- `jsonl`, `csv`, `parquet`: flat tables for pandas and DuckDB — documents, organizations,
  people, events, and the same edges. Tables stream from the store (Parquet in row groups),
  so an export does not hold the database in memory. In CSV, list values are joined by "|".
"""

from __future__ import annotations

import csv
import json
import os
from functools import partial
from pathlib import Path

from partnergraph.errors import ConfigError
from partnergraph.store import Store

FORMATS = ("jsonl", "csv", "graphml", "gexf", "parquet")
TABLES = ("documents", "organizations", "people", "events")
LIST_COLUMNS = {"sources", "aliases", "titles", "topics", "parties", "party_ids", "types",
                "event_ids", "doc_ids"}
INT_COLUMNS = {
    "organizations": {"id", "n_docs"}, "people": {"id", "org_id", "n_docs"}, "events": {"id"},
    "edges": {"source", "target", "weight"},
}
# rows per Parquet row group and per fetch: ~10 MB of article text at a few KB an article
CHUNK = 5000


def export(store: Store, format: str, out: str | Path = ".") -> list[Path]:
    """Write the store in `format` into the folder `out` (for graphml and gexf, or into the file
    `out` when its name ends in .graphml or .gexf); return the files written."""
    if format not in FORMATS:
        raise ConfigError(f"unknown export format {format!r}", hint=f"use one of: {', '.join(FORMATS)}")
    if format in ("graphml", "gexf") and Path(os.path.expanduser(str(out))).suffix.lower() == f".{format}":
        # --out graph.graphml names the file itself
        target = Path(os.path.expanduser(str(out)))
        folder = _folder(target.parent)
        return [_atomic(folder / target.name, lambda path: _write_graph(store, format, path))]
    out = _folder(out)
    if format in ("graphml", "gexf"):
        return [_atomic(out / f"partnergraph.{format}", lambda path: _write_graph(store, format, path))]
    writer = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}[format]
    written = []
    for name in TABLES + ("edges",):
        columns, rows = _table(store, name)
        written.append(_atomic(out / f"{name}.{format}", partial(writer, columns=columns, rows=rows)))
    return written


def _folder(out: str | Path) -> Path:
    """The export folder, created if missing; `ConfigError` saying why it cannot be one.
    `~` is expanded here, so the folder created and the files written are the same place."""
    out = Path(os.path.expanduser(str(out)))
    hint = "give --out a folder (it is created if missing); the export writes several files into it"
    shown = str(out) if len(str(out)) <= 120 else f"{str(out)[:100]}…"
    try:
        if out.is_symlink() and not out.exists():
            raise ConfigError(f"{shown} is a symbolic link to nothing", hint=hint)
        if out.exists() and not out.is_dir():
            raise ConfigError(f"{shown} is a file, not a folder", hint=hint)
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a name too long, no permission, a file where a parent should be
        raise ConfigError(f"cannot create the folder {shown}: {err.strerror or err}", hint=hint) from None
    return out


def _atomic(path: Path, write) -> Path:
    """Run `write(tmp)` then move tmp onto `path`: an export that fails (disk full, a folder
    in the way) leaves the previous file whole instead of half-written."""
    tmp = path.parent / ".partial" / path.name  # same name: writers read the table from it
    try:
        tmp.parent.mkdir(exist_ok=True)
        write(tmp)
        os.replace(tmp, path)
    except OSError as err:
        raise ConfigError(f"cannot write {path}: {err.strerror or err}",
                          hint="check the folder is writable and has space") from None
    finally:
        tmp.unlink(missing_ok=True)
        try:
            tmp.parent.rmdir()
        except OSError:
            pass
    return path


def graph(store: Store):
    """The organization graph as a networkx `Graph`."""
    import networkx as nx

    g = nx.Graph()
    columns, rows = _table(store, "organizations")
    for row in rows:
        rec = dict(zip(columns, row))
        g.add_node(rec["id"], label=rec["name"], kind=rec["kind"],
                   aliases="|".join(rec["aliases"]), documents=rec["n_docs"])
    for a, b, n, types, first, last, event_ids, doc_ids in store.graph_edges():
        g.add_edge(a, b, weight=n, types="|".join(sorted(types.split(","))),
                   first=first or "", last=last or "",
                   events="|".join(map(str, sorted(json.loads(event_ids)))),
                   documents="|".join(sorted(json.loads(doc_ids))))
    return g


def _table(store: Store, name: str):
    """(columns, row iterator) with JSON list columns decoded."""
    if name == "edges":
        columns = ["source", "target", "weight", "types", "first", "last", "event_ids", "doc_ids"]
        rows = ((a, b, n, sorted(t.split(",")), f, la, sorted(json.loads(ev)), sorted(json.loads(docs)))
                for a, b, n, t, f, la, ev, docs in store.graph_edges())
        return columns, rows
    columns, cur = store.table_rows(name)
    lists = [i for i, c in enumerate(columns) if c in LIST_COLUMNS]

    def decoded():
        for row in cur:
            row = list(row)
            for i in lists:
                row[i] = [v for v in json.loads(row[i] or "[]") if v is not None]
            yield tuple(row)

    return columns, decoded()


def _write_graph(store: Store, format: str, path: Path) -> Path:
    import networkx as nx

    g = graph(store)
    if format == "graphml":
        nx.write_graphml(g, path)
    else:
        nx.write_gexf(g, path)
    return path


def _write_jsonl(path: Path, columns: list[str], rows) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n" for row in rows)
    return path


def _write_csv(path: Path, columns: list[str], rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for row in rows:
            w.writerow(["|".join(map(str, v)) if isinstance(v, list) else v for v in row])
    return path


def _arrow_type(table: str, column: str):
    import pyarrow as pa

    if column in ("party_ids", "event_ids"):
        return pa.list_(pa.int64())
    if column in LIST_COLUMNS:
        return pa.list_(pa.string())
    if column in INT_COLUMNS.get(table, ()):
        return pa.int64()
    return pa.string()


def _write_parquet(path: Path, columns: list[str], rows) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(path.stem, c)) for c in columns])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[tuple] = []
        wrote = False

        def flush() -> None:
            cols = list(zip(*batch)) if batch else [[] for _ in columns]
            writer.write_table(pa.Table.from_arrays(
                [pa.array(list(v), type=schema.field(i).type) for i, v in enumerate(cols)],
                schema=schema))

        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK:
                flush()
                batch, wrote = [], True
        if batch or not wrote:  # an empty table still gets its schema
            flush()
    return path
