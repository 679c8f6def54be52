"""What each Spark task runs: input files as bytes → the same stages as `extract` → table rows.

Plain Python (no pyspark here), so it is tested on its own and the job stays a thin shell.
The backend is loaded once per executor Python worker (a module-level cache: Spark reuses
its Python workers across tasks, one per executor core; `backend_loads` counts the loads so
the job can report them), and near-duplicate signatures are computed here, on the executors.
Executors do not share the driver's working directory (a standalone worker runs them in
`work/app-ID/N`, YARN in a container folder), so nothing here resolves a relative path
against it: a model folder is looked for as given (where `--archives` unpacks) and at the
absolute path the driver resolved.
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
backend_loads = 0  # backends this process built (the job reports them per worker process)


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
    model: str | None = None  # the --model folder as the user gave it
    model_on_driver: str | None = None  # ... and as an absolute path on the driver
    input_format: str | None = None
    relevance: bool | None = None
    published: str | None = None


def with_model_on_driver(settings: Settings) -> Settings:
    """`settings` with the driver's absolute path of its model folder, when the driver has it."""
    import dataclasses
    from pathlib import Path

    if settings.model is None or not Path(settings.model).is_dir():
        return settings
    return dataclasses.replace(settings, model_on_driver=str(Path(settings.model).resolve()))


def model_folder(settings: Settings) -> str | None:
    """The model folder on this executor: as given, relative to the executor's working
    directory (where `--archives model.zip#model` unpacks it), else where the driver had it
    (a shared filesystem, or the same image on every node)."""
    from pathlib import Path

    if settings.model is None:
        return None
    for candidate in (settings.model, settings.model_on_driver):
        if candidate and Path(candidate).is_dir():
            return candidate
    from partnergraph.errors import ConfigError

    raise ConfigError(f"model folder {settings.model} is not on this executor (working directory {Path.cwd()})",
                      hint="put it at the same absolute path on every node, or ship it: "
                           "spark-submit --archives model.zip#model ... --model model")


def backend_for(settings: Settings):
    global backend_loads
    key = (settings.backend, settings.model)
    if key not in _backends:
        from partnergraph.extraction.backend import load_backend

        model = model_folder(settings)
        _backends[key] = load_backend(settings.backend, {"model": model} if model else None)
        backend_loads += 1
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
