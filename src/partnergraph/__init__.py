"""partnergraph: news about cooperation between organizations → a source-grounded graph."""

from partnergraph.errors import PartnergraphError
from partnergraph.extraction.backend import available_backends, load_backend
from partnergraph.ingest import ingest
from partnergraph.store import open_store
from partnergraph.models import Document, Event, Extraction, Organization, Person, Span
from partnergraph.pipeline import extract, process_many
from partnergraph.query import events, find_org, org, organizations, partners, people, search, stats
from partnergraph.resolution.explain import corrections, merge, split, undo, why

__version__ = "0.1.0"

__all__ = [
    "corrections",
    "events",
    "find_org",
    "merge",
    "org",
    "organizations",
    "partners",
    "people",
    "search",
    "split",
    "stats",
    "undo",
    "why",
    "Document",
    "Event",
    "Extraction",
    "Organization",
    "PartnergraphError",
    "Person",
    "Span",
    "available_backends",
    "extract",
    "ingest",
    "load_backend",
    "open_store",
    "process_many",
]
