"""The only module that knows the order of the stages: text → Document → Extraction.

The same `process()` runs in the CLI, the store's ingest, the web server and inside Spark
partitions; nothing here knows about storage or I/O.
"""

from __future__ import annotations

from partnergraph.documents import prepare
from partnergraph.extraction.backend import DEFAULT_BACKEND, Backend, load_backend, validate
from partnergraph.models import Document, Extraction


def process_document(document: Document, backend: Backend | None = None) -> Extraction:
    """Run a backend on a prepared document and check its evidence."""
    backend = backend or load_backend(DEFAULT_BACKEND)
    extraction = backend.extract(document)
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
