"""The default backend: rules and lexicons, offline, deterministic, no model download.

English and Chinese releases differ in every surface pattern, so each language has its own
package (`english`, `chinese`) exposing ``extract_items(document)``; this class only picks
one and wraps the result with provenance.
"""

from __future__ import annotations

from partnergraph.models import Document, Extraction, Provenance

VERSION = "0.1.0"


class RuleBackend:
    name = "rules"
    version = VERSION

    def extract(self, document: Document) -> Extraction:
        if document.lang == "zh":
            from partnergraph.extraction.rules.chinese import extract_items
        else:
            from partnergraph.extraction.rules.english import extract_items
        organizations, people, events = extract_items(document)
        return Extraction(
            id=document.id,
            url=document.url,
            lang=document.lang,
            title=document.title,
            published=document.published,
            text=document.text,
            organizations=organizations,
            people=people,
            events=events,
            provenance=Provenance(backend=self.name, version=self.version),
        )
