"""Batch extraction over sources: every input yields a result or a reported failure.

One bad file (or one document a backend chokes on) never stops the batch; a progress bar
appears on stderr once a batch is longer than a handful of documents. `run` is the one seam
where the execution is chosen: this process, or a pool of forked workers; the Spark job
(`partnergraph.spark`) runs the same `process_raw` per document on its executors.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from partnergraph.documents import prepare_raw
from partnergraph.errors import PartnergraphError
from partnergraph.extraction.backend import Backend
from partnergraph.models import Extraction, RawDocument, SourceFailure
from partnergraph.pipeline import process_document, read_documents
from partnergraph.sources import FileCheck, FileEnd, FileStart, SourceStats

if TYPE_CHECKING:
    from partnergraph.store.rows import DocumentRows

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Result:
    extraction: Extraction | None = None
    failure: SourceFailure | None = None
    raw: RawDocument | None = None  # in this process only: a worker's result never carries the HTML back
    source: str | None = None  # the file (or feed) the document was read from
    signature: bytes | None = None  # near-duplicate MinHash signature, when asked for
    mark: FileStart | FileEnd | None = None  # where an input file's results begin or end (`file_marks`)
    rows: DocumentRows | None = None  # the extraction as the store writes it, made by a worker (`store_rows`)
    bands: list[int] | None = None  # the signature's LSH band hashes, with `rows`


def process_raw(raw: RawDocument, backend: Backend, published: str | None = None) -> Result:
    """One raw document → a `Result`; any error becomes a failure naming the document.
    `published`: the publication date of a document that gives none (relative dates in it
    resolve against it)."""
    try:
        document = prepare_raw(raw)
        if published and document.published is None:
            document = document.model_copy(update={"published": published})
        return Result(extraction=process_document(document, backend), raw=raw, source=raw.source)
    except PartnergraphError as err:
        return Result(failure=SourceFailure(source=raw.source or raw.id, reason=err.message), raw=raw)
    except Exception as err:  # a backend bug must not lose the rest of the batch
        log.exception("extraction failed on %s", raw.source or raw.id)
        reason = f"extraction failed: {type(err).__name__}: {err}"
        return Result(failure=SourceFailure(source=raw.source or raw.id, reason=reason), raw=raw)


def extract_all(
    paths: Iterable[str | Path],
    backend: Backend,
    *,
    input_format: str | None = None,
    progress_min: int | None = None,
    relevance: bool | None = None,
    stats: SourceStats | None = None,
    published: str | None = None,
    read_file: FileCheck | None = None,
    file_marks: bool = False,
) -> Iterator[Result]:
    """Extract every document under `paths`, streaming results in input order.

    `relevance` and `stats` go to `pipeline.read_documents`: None filters only web inputs
    (pages that cannot report cooperation), True every input, False none; skips are counted
    in `stats`.
    `published` dates the documents that give no date of their own.
    """
    results = (
        Result(failure=item) if isinstance(item, SourceFailure) else
        Result(mark=item) if isinstance(item, FileStart | FileEnd) else process_raw(item, backend, published)
        for item in read_documents(paths, input_format, relevance=relevance, stats=stats,
                                 read_file=read_file, file_marks=file_marks)
    )
    if progress_min is None:
        yield from results
    else:
        yield from with_progress(results, progress_min)


def check_published(value: str | None) -> str | None:
    """A `--published` value: an ISO date (YYYY-MM-DD), else a ConfigError."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad(value)
    except ValueError:
        return _bad(value)


def _bad(value: str):
    from partnergraph.errors import ConfigError

    raise ConfigError(f"--published {value!r} is not a date",
                      hint="write the publication date as YYYY-MM-DD, e.g. --published 2024-03-08")


def with_progress(items: Iterable, progress_min: int) -> Iterator:
    """`items` unchanged, with a document counter on stderr once there are more than
    `progress_min` of them (a bar for a handful of files is noise)."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = task = None
    try:
        for done, item in enumerate(items, start=1):
            yield item
            if progress is None and done > progress_min:
                progress = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                    TimeElapsedColumn(), console=Console(stderr=True),
                                    transient=True)
                progress.start()
                task = progress.add_task("documents", total=None, completed=done)
            elif progress is not None:
                progress.update(task, completed=done)
    finally:
        if progress is not None:
            progress.stop()


def run(
    paths: Iterable[str | Path],
    backend: str,
    *,
    jobs: int = 1,
    backend_options: dict | None = None,
    input_format: str | None = None,
    relevance: bool | None = None,
    stats: SourceStats | None = None,
    published: str | None = None,
    progress_min: int | None = None,
    signatures: bool = False,
    store_rows: bool = False,
    read_file: FileCheck | None = None,
    file_marks: bool = False,
) -> Iterator[Result]:
    """`extract_all` in `jobs` processes: results in input order, failures in place.

    jobs=1 (or no fork, e.g. Windows) runs here; more forks workers that load the backend
    once each (shared copy-on-write) while this process reads the sources and consumes the
    results. `signatures` adds each document's near-duplicate signature, computed by the
    worker so the consumer (the store writer) only writes; `store_rows` has a worker send each
    extraction as its store rows with the signature's band hashes (`Result.rows`, `bands`) in
    place of the extraction. `read_file` and `file_marks` go to
    `pipeline.read_documents` (ingest skips files it knows and records the ones it stored whole)."""
    import multiprocessing

    from partnergraph.extraction.backend import load_backend

    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        results = _run_pool(paths, backend, backend_options, jobs, input_format, relevance, stats, published,
                            signatures, read_file, file_marks, store_rows)
    else:
        engine = load_backend(backend, backend_options)
        results = extract_all(paths, engine, input_format=input_format, relevance=relevance, stats=stats,
                              published=published, read_file=read_file, file_marks=file_marks)
        if signatures:
            results = (_signed(r) for r in results)
    if progress_min is None:
        yield from results
    else:
        yield from with_progress(results, progress_min)


def _signed(result: Result) -> Result:
    if result.extraction is None:
        return result
    from partnergraph.documents.neardup import signature

    return Result(extraction=result.extraction, raw=result.raw, source=result.source,
                  signature=signature(result.extraction.text))


# Raw documents in flight per worker: enough that a worker always has the next chunk queued
# while the parent writes, few enough that memory stays flat however many documents the
# inputs hold. A chunk is what one task carries (fewer round trips than one per document).
WINDOW_PER_WORKER = 32
CHUNK = 4


def _run_pool(paths, backend: str, options: dict | None, workers: int, input_format: str | None,
              relevance: bool | None, stats: SourceStats | None, published: str | None, signatures: bool,
              read_file: FileCheck | None = None, file_marks: bool = False, store_rows: bool = False):
    """Results stream in input order as soon as the oldest chunk is done, while the workers go
    on with the chunks queued behind it: the consumer (ingest's store writer) works at the same
    time as the extraction, instead of waiting for a whole window (issue 13: 2 workers gave
    1.36x when reading, extraction and writing took turns).

    A `concurrent.futures` pool, not `multiprocessing.Pool`: the latter's worker-handler thread
    wakes whenever a result waits in the pipe and spins until its result thread reads it, which
    took a quarter of the writing process's CPU while it wrote (1.1 s for 600 bench articles).
    A worker that dies fails the run (BrokenProcessPool) instead of leaving it waiting."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_init,
                               initargs=(backend, options, published, signatures, store_rows))
    try:
        pending: deque = deque()  # (results passed through, or None and a chunk's future)
        chunk: list[RawDocument] = []
        in_flight = 0
        for item in read_documents(paths, input_format, relevance=relevance, stats=stats,
                                 read_file=read_file, file_marks=file_marks):
            if isinstance(item, SourceFailure | FileStart | FileEnd):
                # kept in place: yielded after the documents before it
                if chunk:
                    pending.append((None, pool.submit(_worker_extract_chunk, chunk)))
                    in_flight += len(chunk)
                    chunk = []
                passed = Result(failure=item) if isinstance(item, SourceFailure) else Result(mark=item)
                pending.append(([passed], None))
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK:
                pending.append((None, pool.submit(_worker_extract_chunk, chunk)))
                in_flight += len(chunk)
                chunk = []
            while in_flight >= workers * WINDOW_PER_WORKER:
                in_flight -= yield from _drain_one(pending)
        if chunk:
            pending.append((None, pool.submit(_worker_extract_chunk, chunk)))
        while pending:
            yield from _drain_one(pending)
    finally:
        # a consumer that stops early (an error while writing) waits only for running chunks
        pool.shutdown(wait=True, cancel_futures=True)


def _drain_one(pending) -> Iterator[Result]:
    """Yield the oldest pending entry's results; return how many documents it held."""
    passed, job = pending.popleft()
    if job is None:
        yield from passed
        return 0
    results = job.result()
    yield from results
    return len(results)


_worker: dict = {}


def _worker_init(backend: str, options: dict | None, published: str | None, signatures: bool,
                 store_rows: bool = False) -> None:
    import os
    import threading

    from partnergraph.extraction.backend import load_backend

    _worker.update(backend=load_backend(backend, options), published=published, signatures=signatures,
                   store_rows=store_rows)
    # a worker blocks on the task pipe, which it holds open itself: when the parent is
    # killed (kill -9), nothing would ever wake it, so it watches for its parent instead
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    import os
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _worker_extract_chunk(raws: list[RawDocument]) -> list[Result]:
    return [_worker_extract(raw) for raw in raws]


def _worker_extract(raw: RawDocument) -> Result:
    """One document in a worker; the raw document (its HTML) stays here."""
    result = process_raw(raw, _worker["backend"], _worker["published"])
    if _worker["signatures"]:
        result = _signed(result)
    if _worker["store_rows"] and result.extraction is not None:
        return _as_rows(result)
    return Result(extraction=result.extraction, failure=result.failure, source=result.source,
                  signature=result.signature)


def _as_rows(result: Result) -> Result:
    """A worker's result as the store's rows, with the band hashes of its signature; an
    extraction they cannot be made of goes as it is (the writer reports it)."""
    from partnergraph.documents.neardup import band_hashes
    from partnergraph.store.rows import document_rows

    try:
        rows = document_rows(result.extraction)
    except Exception:  # noqa: BLE001 - the writer makes them again inside its guard, and says why
        return Result(extraction=result.extraction, source=result.source, signature=result.signature)
    bands = band_hashes(result.signature) if result.signature is not None else None
    return Result(rows=rows, source=result.source, signature=result.signature, bands=bands)
