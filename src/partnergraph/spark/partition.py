"""What each Spark task runs: input files as bytes → the same stages as `extract` → table rows.

Plain Python (no pyspark here), so it is tested on its own and the job stays a thin shell.
The backend is loaded once per executor process (a module-level cache: Python workers are
reused across tasks), and near-duplicate signatures are computed here, on the executors.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from partnergraph.models import SourceFailure
from partnergraph.pipeline import relevant_documents
from partnergraph.sources import ONE_DOCUMENT_FORMATS, WEB_FORMATS, SourceStats, file_id, format_of, read_bytes, read_one
from partnergraph.spark.rows import extraction_rows, failure_row

_backends: dict[tuple, object] = {}


@dataclass(frozen=True)
class Root:
    """One INPUT the user gave: its fully qualified form (how Spark names the files under it)
    and its spelling on the command line (how `extract` names them, in `source`)."""

    qualified: str
    given: str
    is_dir: bool


@dataclass(frozen=True)
class Settings:
    backend: str
    model: str | None = None
    input_format: str | None = None
    relevance: bool | None = None
    published: str | None = None


def backend_for(settings: Settings):
    key = (settings.backend, settings.model)
    if key not in _backends:
        from partnergraph.extraction.backend import load_backend

        _backends[key] = load_backend(settings.backend, {"model": settings.model} if settings.model else None)
    return _backends[key]


def locate(path: str, roots: Iterable[Root]) -> tuple[str, str | None, str]:
    """(the name `extract` would give the file, its one-document id or None, its order key)
    for a file Spark found: "corpus/en/001.txt" and "en/001" under the input "corpus". The key
    sorts files as `extract` reads them: inputs in the order given, a folder's files by their
    path's parts (NUL between parts sorts as Path does)."""
    for n, root in enumerate(roots):
        if root.is_dir and path.startswith(root.qualified.rstrip("/") + "/"):
            rel = path[len(root.qualified.rstrip("/")) + 1:]
            given = root.given.rstrip("/") or "/"
            return (f"{given}/{rel}", file_id(PurePosixPath(rel), PurePosixPath(".")),
                    f"{n:06d}\x00{rel.replace('/', chr(0))}")
        if not root.is_dir and path == root.qualified:
            return root.given, None, f"{n:06d}"
    return path, None, path


def extract_files(files: Iterable[tuple[str, bytes]], roots: list[Root], settings: Settings
                  ) -> Iterator[tuple[str, dict]]:
    """(table, row) for every document and failure of `files` ((path, content) pairs), and
    ("skipped", {"reason", "count"}) rows for what the relevance filter and readers left out."""
    from partnergraph.runner import process_raw

    stats = SourceStats()
    backend = None
    for path, content in files:
        source, doc_id, order = locate(path, roots)
        fmt = settings.input_format or format_of(source) or "text"
        relevant = settings.relevance if settings.relevance is not None else fmt in WEB_FORMATS
        one = fmt in ONE_DOCUMENT_FORMATS
        records = read_one(source, read_bytes(bytes(content), source, fmt, doc_id if one else None), stats)
        for position, item in enumerate(relevant_documents(records, stats, relevant)):
            if isinstance(item, SourceFailure):
                yield "failures", failure_row(item)
                continue
            backend = backend or backend_for(settings)
            result = process_raw(item, backend, settings.published)
            if result.failure is not None:
                yield "failures", failure_row(result.failure)
                continue
            tables = extraction_rows(result.extraction, _signature(result.extraction.text))
            tables["documents"][0].update(input_order=order, position=position)
            for table, rows in tables.items():
                for row in rows:
                    yield table, row
    for reason, count in stats.skipped.items():
        yield "skipped", {"reason": reason, "count": count}


def _signature(text: str) -> bytes | None:
    from partnergraph.documents.neardup import signature

    return signature(text)
