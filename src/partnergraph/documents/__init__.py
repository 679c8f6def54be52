"""Stage 2: raw text or HTML → `Document` (body lines, title, published date, language)."""

from __future__ import annotations

from partnergraph.documents.prepare import prepare
from partnergraph.errors import SourceError
from partnergraph.models import Document, RawDocument

__all__ = ["prepare", "prepare_raw"]


def prepare_raw(raw: RawDocument) -> Document:
    """A source's record → `Document`; HTML goes through main-text extraction first."""
    text, title, published, url = raw.text, raw.title, raw.published, raw.url
    if text is None and raw.html is not None:
        from partnergraph.documents.html import html_to_text

        page = html_to_text(raw.html, url=url)
        if page.warnings:
            raw = raw.model_copy(update={"warnings": raw.warnings + list(page.warnings)})
        text = page.text
        title = title or page.title
        published = published or page.published
        url = url or page.url
    if text is None or not text.strip():
        raise SourceError(f"{raw.source or raw.id}: no article text")
    document = prepare(text, id=raw.id, url=url, source=raw.source, published=published,
                       lang=raw.lang, title=title)
    if raw.warnings:
        document = document.model_copy(update={"warnings": raw.warnings + document.warnings})
    return document
