"""The only module that knows the order of the stages: text → Document → Extraction.

The same `process()` runs in the CLI, the store's ingest, the web server and inside Spark
partitions; nothing here knows about storage or I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import tee

from partnergraph.documents import prepare
from partnergraph.extraction.backend import DEFAULT_BACKEND, Backend, load_backend, validate
from partnergraph.models import Document, Extraction


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
