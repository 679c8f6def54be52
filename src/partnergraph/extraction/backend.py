"""The `Backend` protocol, the registry of backends, and the evidence check they all share.

Built-in backends are lazy import strings, so an optional backend's dependencies load only
when it is chosen; third-party backends join through the entry-point group
``partnergraph.backends``. `validate()` runs after every backend, so backends are comparable
by construction: any span outside the text is dropped with a logged reason.
"""

from __future__ import annotations

import gc
import importlib
import logging
from contextlib import contextmanager
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from partnergraph.errors import BackendUnavailable
from partnergraph.models import Document, Extraction, Span

log = logging.getLogger(__name__)

# rules propose, models trained on the annotated corpus decide (partnergraph.learn); "rules" alone
# stays available: on the corpus val split the learned backend gave pairs F1 .42/.76 (en/zh)
# against the rules' .38/.73, events .37/.40 against .32/.37
DEFAULT_BACKEND = "learned"
BUILTIN: dict[str, str] = {
    "rules": "partnergraph.extraction.rules:RuleBackend",
    "learned": "partnergraph.learn.backend:LearnedBackend",
}
ENTRY_POINT_GROUP = "partnergraph.backends"


@runtime_checkable
class Backend(Protocol):
    """`name`, `version` and `extract(document)`. A backend may also have
    `extract_many(documents) -> Iterator[Extraction]` (one extraction per document, in order),
    which `pipeline.process_many` uses for a stream of documents."""

    name: str
    version: str

    def extract(self, document: Document) -> Extraction: ...


def _registry() -> dict[str, str]:
    found = dict(BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, ep.value)
    return found


def available_backends() -> list[str]:
    return sorted(_registry())


_loaded: dict[tuple, Backend] = {}


def load_backend(name: str = DEFAULT_BACKEND, settings: dict | None = None) -> Backend:
    """The backend registered under `name`, built once per process and settings.

    `settings` go to the backend's constructor (for the learned backend, ``{"model": DIR}``);
    a backend that takes none is built without them. The objects alive once it is built (the
    modules, the lexicons loaded so far, the model) are frozen out of the cyclic collector
    (`gc.freeze`): they live as long as the process, and every full collection walked them all
    again (3-4% of an extraction's time; cyclic garbage alive at that moment stays uncollected).
    """
    key = (name, tuple(sorted((settings or {}).items())))
    if key in _loaded:
        return _loaded[key]
    registry = _registry()
    if name not in registry:
        raise BackendUnavailable(
            f"unknown backend {name!r}",
            hint=f"choose one of: {', '.join(sorted(registry))}",
        )
    module_name, _, attr = registry[name].partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except ImportError as err:
        raise BackendUnavailable(
            f"backend {name!r} needs a package that is not installed ({err.name})",
            hint=f"pip install 'partnergraph[{name}]'",
        ) from err
    backend = factory(settings) if settings else factory()
    _loaded[key] = backend
    gc.freeze()
    return backend


@contextmanager
def collector_paused():
    """The cyclic collector paused while one document is extracted (left as it was after): what
    a document's work makes dies by reference counting, and a collection in the middle walked
    its tens of thousands of live objects, again and again (a Chinese article: 5% of its time).
    Whatever cycles it leaves are collected after it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _spans_ok(spans: list[Span], n: int) -> bool:
    return all(0 <= s.start <= s.end <= n for s in spans)


def validate(extraction: Extraction) -> Extraction:
    """Drop any item whose evidence points outside the text, logging why."""
    n = len(extraction.text)
    dropped: list[str] = []

    def keep(items, what):
        out = []
        for item in items:
            if _spans_ok(item.evidence, n):
                out.append(item)
            else:
                dropped.append(f"{what} {getattr(item, 'name', getattr(item, 'type', '?'))!r}")
        return out

    orgs = keep(extraction.organizations, "organization")
    people = keep(extraction.people, "person")
    events = keep(extraction.events, "event")
    if not dropped:
        return extraction
    for what in dropped:
        log.warning("%s: dropped %s: evidence outside the text", extraction.id, what)
    warnings = extraction.warnings + [f"dropped {w}: evidence outside the text" for w in dropped]
    return extraction.model_copy(
        update={"organizations": orgs, "people": people, "events": events, "warnings": warnings}
    )
