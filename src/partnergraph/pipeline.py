"""The only module that knows the order of the stages: sources → relevance → Document →
Extraction.

1. `sources.iter_sources` (or `sources.read_one` over bytes): the inputs' records;
2. `relevant_documents`: the relevance filter, records that cannot report cooperation left
   out and counted (`read_documents` puts stages 1 and 2 together for files and folders);
3. `documents.prepare_raw` then `process_document`: the backend's extraction, checked.

The same stages run in `extract`, the store's ingest (serial or a process pool, through
`runner.run`), the web commands and inside Spark partitions; nothing here knows about storage.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import tee
from pathlib import Path

from partnergraph.documents import prepare
from partnergraph.errors import SourceError
from partnergraph.extraction.backend import DEFAULT_BACKEND, Backend, load_backend, validate
from partnergraph.models import Document, Extraction, RawDocument, SourceFailure
from partnergraph.sources import WEB_FORMATS, FileCheck, FileEnd, FileStart, SourceStats, iter_sources

log = logging.getLogger(__name__)

NOT_RELEVANT = "not about cooperation"


def relevant_documents(items: Iterable[RawDocument | SourceFailure], stats: SourceStats,
                       relevant: bool = True, *, main_text: bool = False
                       ) -> Iterator[RawDocument | SourceFailure]:
    """Stage 2: documents worth extracting and failures passed on, each document counted in
    `stats`; with `relevant`, documents that cannot report cooperation are left out and
    counted as skipped ("not about cooperation").

    The filter's first look (`raw_is_relevant`, words of the page, ~10,000 pages/s) always
    applies; `main_text` adds the second (`screen`: the article's own text, which costs the
    HTML extraction, done once and kept in the document). The web commands take both looks
    while downloads pace them; `extract`, ingest and Spark take the first only."""
    from partnergraph.documents.relevance import raw_is_relevant, screen

    for item in items:
        if isinstance(item, RawDocument) and relevant:
            try:
                screened = screen(item) if main_text else (item if raw_is_relevant(item) else None)
            except Exception as err:  # noqa: BLE001 - one page's surprise fails that page only
                where = item.source or item.id
                if item.url and item.url not in where:
                    where = f"{where}:{item.url}"  # one record of a WARC or JSONL file
                reason = err.message if isinstance(err, SourceError) else (
                    f"cannot read the page: {type(err).__name__}: {str(err)[:200]}")
                yield SourceFailure(source=where, reason=reason)
                continue
            if screened is None:
                stats.skip(NOT_RELEVANT)
                continue
            item = screened
        if isinstance(item, RawDocument):
            stats.documents += 1
        yield item


def read_documents(
    paths: Iterable[str | Path],
    input_format: str | None = None,
    *,
    relevance: bool | None = None,
    relevance_main_text: bool = False,
    stats: SourceStats | None = None,
    read_file: FileCheck | None = None,
    file_marks: bool = False,
) -> Iterator[RawDocument | SourceFailure | FileStart | FileEnd]:
    """Stages 1 and 2 over files and folders: `iter_sources`, then `relevant_documents`.

    `relevance`: True filters every input, False none, None (default) only web formats
    (`sources.WEB_FORMATS`), decided per file by the format it is read as;
    `relevance_main_text` also judges HTML by its article text. `stats`, when given, counts
    documents and what was skipped, by reason; without it a summary is logged (WARNING) when
    anything was skipped. `read_file` and `file_marks` go to `iter_sources`."""
    caller_counts = stats is not None  # a caller with its own stats reports them itself
    stats = stats if stats is not None else SourceStats()
    relevant = bool(relevance)
    for item in iter_sources(paths, input_format, stats=stats, read_file=read_file, file_marks=True):
        if isinstance(item, FileStart | FileEnd):
            if isinstance(item, FileStart):
                relevant = relevance if relevance is not None else item.format in WEB_FORMATS
            if file_marks:
                yield item
            continue
        yield from relevant_documents((item,), stats, relevant, main_text=relevance_main_text)
    if stats.skipped and not caller_counts:
        # WARNING, so a command line shows it without any logging set up: a page left out
        # must never be silent (a caller that passed `stats` prints them once, itself)
        log.warning("sources: %s", stats.summary())


def process_document(document: Document, backend: Backend | None = None) -> Extraction:
    """Run a backend on a prepared document and check its evidence."""
    backend = backend or load_backend(DEFAULT_BACKEND)
    return _finish(document, backend.extract(document))


def process_many(documents: Iterable[Document], backend: Backend | str | None = None) -> Iterator[Extraction]:
    """`process_document` over a stream of documents, in order, with the backend loaded once.

    A backend with an `extract_many(documents)` method gets the whole stream (a model backend
    can batch, or hold per-process state); any other backend gets one document at a time."""
    if isinstance(backend, str) or backend is None:
        backend = load_backend(backend or DEFAULT_BACKEND)
    many = getattr(backend, "extract_many", None)
    if many is None:
        for document in documents:
            yield _finish(document, backend.extract(document))
        return
    mine, theirs = tee(documents)
    for document, extraction in zip(mine, many(theirs), strict=True):
        yield _finish(document, extraction)


def _finish(document: Document, extraction: Extraction) -> Extraction:
    """What every backend's output gets: the document's source and warnings, the evidence check."""
    if document.source and extraction.source is None:
        extraction = extraction.model_copy(update={"source": document.source})
    if document.warnings:
        extraction = extraction.model_copy(
            update={"warnings": document.warnings + extraction.warnings}
        )
    return validate(extraction)


def extract(
    text: str,
    *,
    id: str = "doc",
    url: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    title: str | None = None,
    backend: Backend | str | None = None,
) -> Extraction:
    """Extract organizations, people and cooperation events from one article's text."""
    if isinstance(backend, str):
        backend = load_backend(backend)
    document = prepare(text, id=id, url=url, published=published, lang=lang, title=title)
    return process_document(document, backend)
