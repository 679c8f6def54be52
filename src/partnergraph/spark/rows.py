"""One extraction → rows of the Parquet tables the Spark job writes.

The `documents` table keeps the whole extraction as JSON (`extraction`), so the output can be
loaded back into a store (`ingest --from-parquet`) or compared with `extract`, record for
record; the other tables are its flat views for SQL (DuckDB, Spark SQL): one row per
organization, person, event and evidence span, each with its document id and `month`.
No raw HTML is kept: a row carries the cleaned text only.
"""

from __future__ import annotations

import json

from partnergraph.models import Extraction, SourceFailure

TABLES = ("documents", "organizations", "people", "events", "evidence", "failures")
UNDATED = "undated"  # the month partition of documents without a publication date


def month_of(published: str | None) -> str:
    """"2024-03" for "2024-03-08" (or "2024-03"); `UNDATED` when the date is missing or a year."""
    if published and len(published) >= 7 and published[4] == "-" and published[:4].isdigit() \
            and published[5:7].isdigit():
        return published[:7]
    return UNDATED


def extraction_rows(ex: Extraction, signature: bytes | None = None) -> dict[str, list[dict]]:
    """The rows `ex` adds to each table (see the module docstring)."""
    month = month_of(ex.published)
    doc = {"id": ex.id, "month": month, "url": ex.url, "source": ex.source, "lang": ex.lang,
           "title": ex.title, "published": ex.published, "text": ex.text,
           "backend": ex.provenance.backend, "backend_version": ex.provenance.version,
           "organizations": len(ex.organizations), "people": len(ex.people), "events": len(ex.events),
           "warnings": list(ex.warnings), "near_signature": signature,
           "extraction": ex.model_dump_json()}
    orgs, people, events, evidence = [], [], [], []
    for i, o in enumerate(ex.organizations):
        orgs.append({"document_id": ex.id, "month": month, "index": i, "name": o.name,
                     "aliases": list(o.aliases), "kind": o.kind, "confidence": o.confidence})
        evidence += _spans(ex, month, "organization", i, o.evidence)
    for i, p in enumerate(ex.people):
        people.append({"document_id": ex.id, "month": month, "index": i, "name": p.name,
                       "title": p.title, "org": p.org, "confidence": p.confidence})
        evidence += _spans(ex, month, "person", i, p.evidence)
    for i, e in enumerate(ex.events):
        events.append({"document_id": ex.id, "month": month, "index": i, "type": e.type, "date": e.date,
                       "parties": list(e.parties), "location": e.location, "topics": list(e.topics),
                       "entity": e.entity, "confidence": e.confidence})
        evidence += _spans(ex, month, "event", i, e.evidence)
    return {"documents": [doc], "organizations": orgs, "people": people, "events": events,
            "evidence": evidence}


def _spans(ex: Extraction, month: str, kind: str, index: int, spans) -> list[dict]:
    return [{"document_id": ex.id, "month": month, "item": kind, "index": index, "field": s.field,
             "start": s.start, "end": s.end, "quote": ex.text[s.start:s.end]} for s in spans]


def failure_row(failure: SourceFailure) -> dict:
    return {"source": failure.source, "reason": failure.reason}


def extraction_of(row_json: str) -> Extraction:
    """The extraction a `documents` row keeps (its `extraction` column)."""
    return Extraction.model_validate(json.loads(row_json))
