"""Stage 3: one `Document` → `Extraction`. Only per-document state lives here."""

from partnergraph.extraction.backend import Backend, available_backends, load_backend, validate

__all__ = ["Backend", "available_backends", "load_backend", "validate"]
