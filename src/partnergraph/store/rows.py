"""An extraction in the form the store writes it: its table rows with the JSON, the name keys
and the content hash already made.

`document_rows` is a pure function of the extraction, so the process that extracted a
document (an ingest worker) makes it, and the one process that writes the store only writes
(issue 13: with two workers the writer's share of the CPU held ingest under 1.7x). Plain
tuples also cross between processes for a fraction of what the pydantic models cost to
unpickle.
"""

from __future__ import annotations

import hashlib
import json
from typing import NamedTuple

from partnergraph.models import Extraction
from partnergraph.resolution.names import name_key


class DocumentRows(NamedTuple):
    id: str
    url: str | None
    title: str | None
    published: str | None
    lang: str | None
    text: str
    content_hash: str
    backend: str
    backend_version: str
    warnings: str  # JSON list
    organizations: list[tuple]  # (idx, name, kind, aliases JSON, evidence JSON, confidence, implicit)
    names: list[tuple]  # (idx, role, name, key)
    people: list[tuple]  # (idx, name, title, org, evidence JSON, confidence)
    events: list[tuple]  # (idx, type, date, parties JSON, location, topics JSON, entity, evidence JSON, confidence)

    @property
    def made_by(self) -> str:
        return f"{self.backend} {self.backend_version}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _spans(items) -> str:
    return json.dumps([[s.start, s.end, s.field] for s in items], ensure_ascii=False)


def document_rows(ex: Extraction) -> DocumentRows:
    """The rows `Store.put_extraction` writes for `ex`. A party or an employer the backend did
    not list among organizations is still a name in the document: it becomes an implicit
    mention, so resolution can place it."""
    orgs, names = [], []
    known = set()
    for i, o in enumerate(ex.organizations):
        orgs.append((i, o.name, o.kind, json.dumps(o.aliases, ensure_ascii=False), _spans(o.evidence),
                     o.confidence, 0))
        for role, n in [("name", o.name)] + [("alias", a) for a in o.aliases]:
            k = name_key(n)
            known.add(k)
            names.append((i, role, n, k))
    implicit = [p for e in ex.events for p in e.parties] + [p.org for p in ex.people if p.org]
    for n in implicit:
        k = name_key(n)
        if k in known:
            continue
        known.add(k)
        i = len(orgs)
        orgs.append((i, n, "other", "[]", "[]", 1.0, 1))
        names.append((i, "name", n, k))
    people = [(i, p.name, p.title, p.org, _spans(p.evidence), p.confidence) for i, p in enumerate(ex.people)]
    events = [(i, e.type, e.date, json.dumps(e.parties, ensure_ascii=False), e.location,
               json.dumps(e.topics, ensure_ascii=False), e.entity, _spans(e.evidence), e.confidence)
              for i, e in enumerate(ex.events)]
    return DocumentRows(ex.id, ex.url, ex.title, ex.published, ex.lang, ex.text, content_hash(ex.text),
                        ex.provenance.backend, ex.provenance.version,
                        json.dumps(ex.warnings, ensure_ascii=False), orgs, names, people, events)
