"""Ingestion: sources → extraction (`runner.extract_all`) → store, then resolution.

Idempotent and restartable by construction:
- a document id already stored with the same content hash and extracted by the same
  backend version is skipped; with a new hash (the page changed) or a new backend version
  (better extraction) its old extraction is replaced — unless the id comes from another source
  (two files named 001.txt in two folders), which is another document under a qualified id;
  text already stored under another id is
  recorded as one more source of that document (a syndicated copy), not stored twice;
- documents are written `batch_size` at a time, one transaction per batch, so a run killed
  at any moment (kill -9 included) leaves whole batches only, and running it again skips
  what was committed and completes the rest;
- resolution runs once at the end, over what the run changed (`resolution.incremental`: the
  documents written and deleted are recorded in the same transactions, so a killed run's
  store is marked stale and the next ingest or `resolve` takes up its documents too).
Memory stays flat: results stream from the runner and only one batch is held.

Near-duplicates: `near` takes any object with ``find(text) -> doc id | None`` and
``add(doc id, text)``; by default `StoreLSH` over `documents/neardup.py` signatures. A match
is stored as a 'near' source of the kept document (the `document_sources` table), so a
syndicated release is one document with all its sources.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from partnergraph.extraction.backend import DEFAULT_BACKEND
from partnergraph.ingest_files import FileDone, FileLedger, KnownCopy, Replayed, Unchanged
from partnergraph.models import Extraction, SourceFailure
from partnergraph.sources import FileEnd, FileStart
from partnergraph.sources.skips import SourceStats
from partnergraph.store import Store
from partnergraph.store.rows import DocumentRows, document_rows

# what travels with the documents in ingest's stream but is not one
_NOT_DOCUMENTS = (SourceFailure, FileStart, FileEnd, FileDone, Unchanged)

# 200 documents per transaction: measured with bench/bench_store.py, larger batches gain
# under 5% throughput while a killed run loses more work to redo.
BATCH_SIZE = 200


class NearDuplicates(Protocol):
    def find(self, text: str) -> str | None: ...

    def add(self, doc_id: str, text: str) -> None: ...


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    copies: int = 0
    failures: list[SourceFailure] = field(default_factory=list)
    unread_files: int = 0  # files recognised as stored before, not read nor extracted again

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.unchanged + self.copies + len(self.failures)


def store_extraction(store: Store, ex: Extraction | DocumentRows, *, source: str | None = None,
                     near: NearDuplicates | None = None) -> str:
    """Write one extraction inside the caller's transaction; return what happened to it:
    "added", "replaced", "unchanged" or "copies" (the `IngestReport` field it counts in)."""
    return _store(store, ex, source, near)[0]


def _store(store: Store, ex: Extraction | DocumentRows, source: str | None,
           near: NearDuplicates | None) -> tuple[str, str]:
    """`store_extraction`, and the id the document was stored under (qualified when another
    file gave the same id)."""
    doc = ex if isinstance(ex, DocumentRows) else document_rows(ex)
    h = doc.content_hash
    seen = store.lookup_source(doc.id)
    if (seen is not None and _named_after_file(doc.id, source) and _named_after_file(doc.id, seen[3])
            and not _same_source(seen[3], source)):
        # two files give the same id (en/001.txt and zh/001.txt): a different document, not
        # a new version; it is stored under the id qualified by a digest of its path. Ids
        # that name a page (URL) or a record (JSON Lines) keep their meaning: a new version.
        digest = hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        doc = doc._replace(id=f"{doc.id}~{digest}")
        seen = store.lookup_source(doc.id)
    replace_key = None
    if seen is not None:
        doc_key, old_hash, kind, _source, made_by = seen
        if old_hash == h and (kind != "self" or made_by == doc.made_by):
            return "unchanged", doc.id
        if kind == "self":
            replace_key = doc_key
        else:
            store.remove_source(doc.id)
    elif doc.url:
        same_url = store.doc_key_by_url(doc.url)
        if same_url is not None and store.document(same_url[0])["content_hash"] != h:
            replace_key = same_url[0]
            store.remove_source(same_url[1])
    if replace_key is not None:
        store.delete_document(replace_key)
        store.put_extraction(doc, source=source, doc_key=replace_key)
        if near is not None:
            near.add(doc.id, doc.text)
        return "replaced", doc.id
    copy_of = store.doc_key_by_hash(h)
    kind = "exact"
    if copy_of is None and near is not None:
        match = near.find(doc.text)
        if match is not None:
            found = store.lookup_source(match)
            copy_of = found[0] if found else None
            kind = "near"
    if copy_of is not None:
        store.add_source(doc.id, copy_of, kind, url=doc.url, source=source,
                         published=doc.published, content_hash=h)
        return "copies", doc.id
    store.put_extraction(doc, source=source)
    if near is not None:
        near.add(doc.id, doc.text)
    return "added", doc.id


def _named_after_file(doc_id: str, source: str | None) -> bool:
    """The id is the file's path (its name, or its path under the folder given: en/001) of
    `source` (text and HTML files), not a URL or record id."""
    if not source or "://" in source:
        return False
    stem = Path(source)
    stem = stem.with_name(stem.name.split(".")[0]).as_posix()
    return stem == doc_id or stem.endswith("/" + doc_id)


def _same_source(a: str, b: str) -> bool:
    """One input named two ways: the same path relative and absolute, or the same URL."""
    if a == b:
        return True
    if "://" in a or "://" in b:
        return False
    return os.path.abspath(a) == os.path.abspath(b)


def ingest_extractions(
    store: Store,
    items: Iterable[Extraction | SourceFailure | tuple],
    *,
    batch_size: int = BATCH_SIZE,
    near: NearDuplicates | None = None,
    resolve: bool = True,
    files: FileLedger | None = None,
) -> IngestReport:
    """Store extractions batch by batch, then resolve. An item is an `Extraction`, an
    (extraction, source) pair, or (extraction, source, near-duplicate signature); with
    `files` (ingest's `FileLedger`), also the markers it and the runner put in the stream."""
    report = IngestReport()
    store.claim_ingest()
    try:
        with store.bulk_writes():
            _write_batches(store, items, batch_size, near, files, report)
        if resolve:
            from partnergraph.resolution import ensure_resolved

            ensure_resolved(store)
    finally:
        store.release_ingest()
    if files is not None:
        report.unread_files = files.unread
    return report


def _write_batches(store: Store, items: Iterable, batch_size: int, near: NearDuplicates | None,
                   files: FileLedger | None, report: IngestReport) -> None:
    """The batches of `ingest_extractions`, one transaction each."""
    for batch in _batches(items, batch_size):
        with store.transaction():
            changed = False
            for item in batch:
                if isinstance(item, SourceFailure):
                    report.failures.append(item)
                    if files is not None:
                        files.failed()
                    continue
                if isinstance(item, FileStart):
                    files.start(item.source)
                    continue
                if isinstance(item, FileEnd | FileDone):
                    changed |= files.finish(item.source)
                    continue
                if isinstance(item, Unchanged):
                    report.unchanged += item.documents
                    continue
                if isinstance(item, KnownCopy):
                    store.add_source(item.doc_id, item.doc_key, item.kind, url=item.url, source=item.source,
                                     published=item.published, content_hash=item.content_hash)
                    files.stored(item.doc_id, item.source)
                    report.copies += 1
                    changed = True
                    continue
                replayed = isinstance(item, Replayed)
                if replayed:
                    item = (item.extraction, item.source)
                ex, source, *signed = item if isinstance(item, tuple) else (item, None)
                if signed and signed[0] is not None and isinstance(near, StoreLSH):
                    near.prime(ex.text, *signed)
                try:
                    with store.item():
                        outcome, stored_as = _store(store, ex, source, near)
                except (sqlite3.Error, ValueError, UnicodeError, OverflowError) as err:
                    # a document the database refuses is reported; its batch is kept
                    reason = f"cannot store: {type(err).__name__}: {str(err)[:200]}"
                    failure = SourceFailure(source=source or ex.id, reason=reason)
                    report.failures.append(failure)
                    if files is not None and not replayed:
                        files.failed()
                    continue
                if files is not None:
                    files.stored(stored_as, source if replayed else None)
                setattr(report, outcome, getattr(report, outcome) + 1)
                changed |= outcome != "unchanged"
            if changed:
                store.bump_generation()


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    backend: str = DEFAULT_BACKEND,
    input_format: str | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int | None = None,
    progress_min: int | None = None,
    relevance: bool | None = None,
    stats: SourceStats | None = None,
    published: str | None = None,
) -> IngestReport:
    """Extract every document under `paths` and store it (see the module docstring).

    Extraction runs in `workers` processes (default: one per CPU); the store is written
    by this process only, in input order, while the workers extract. Files stored whole
    before are recognised and not read again (`ingest_files.FileLedger`). `published` dates
    documents that give no date. `relevance` and `stats` go to
    `pipeline.read_documents` (None filters web inputs only; skipped pages are counted in `stats`).
    """
    from partnergraph.extraction.backend import load_backend
    from partnergraph.runner import run

    engine = load_backend(backend)  # its version decides whether a stored file is current
    files = FileLedger(store, made_by=f"{engine.name} {engine.version}", relevance=relevance,
                       published=published)
    results = run(paths, backend, jobs=workers or os.cpu_count() or 1, input_format=input_format,
                  relevance=relevance, stats=stats, published=published, progress_min=progress_min,
                  signatures=True, store_rows=True, read_file=files.read_file, file_marks=True)

    def items():
        for r in results:
            while files.pending:
                yield from files.pending.popleft()
            yield r.failure or r.mark or (r.rows or r.extraction, r.source, r.signature, r.bands)
        while files.pending:
            yield from files.pending.popleft()

    return ingest_extractions(store, items(), batch_size=batch_size, near=near_index(store), files=files)


def near_index(store: Store) -> NearDuplicates:
    """Near-duplicate detection over the store."""
    return StoreLSH(store)


class StoreLSH:
    """`documents/neardup.py`'s MinHash signatures, with the LSH buckets kept in SQLite.

    neardup's own `NearDupIndex` holds every signature and bucket in memory (a few KB per
    document: hundreds of MB at 100k); here the buckets are an indexed table, so memory stays
    flat and a restarted ingest needs no rebuild. Same signatures, same threshold, same
    banding as `neardup` measured for them, same answer (most similar, then smallest id).
    """

    def __init__(self, store: Store) -> None:
        from partnergraph.documents import neardup

        self._nd = neardup
        self._store = store
        self._last: tuple[str, bytes | None, list[int]] | None = None

    def prime(self, text: str, sig: bytes | None, bands: list[int] | None = None) -> None:
        """Use a signature (and its band hashes) computed elsewhere (an extraction worker) for
        `text`."""
        if bands is None:
            bands = self._nd.band_hashes(sig) if sig is not None else []
        self._last = (text, sig, bands)

    def _signature(self, text: str) -> tuple[bytes | None, list[int]]:
        """Signature and band hashes of `text`, computed once for `find` then `add`."""
        if self._last is None or self._last[0] is not text:
            sig = self._nd.signature(text)
            self._last = (text, sig, self._nd.band_hashes(sig) if sig is not None else [])
        return self._last[1], self._last[2]

    def find(self, text: str) -> str | None:
        sig, bands = self._signature(text)
        if sig is None:
            return None
        scored = []
        for _key, doc_id, other in self._store.near_candidates(self._nd.SIGNATURE_SCHEME, bands):
            score = self._nd.similarity(sig, other)
            if score >= self._nd.THRESHOLD:
                scored.append((-score, doc_id))
        return min(scored)[1] if scored else None

    def add(self, doc_id: str, text: str) -> None:
        sig, bands = self._signature(text)
        seen = self._store.lookup_source(doc_id)
        if sig is None or seen is None:
            return
        self._store.put_near_signature(seen[0], self._nd.SIGNATURE_SCHEME, sig, bands)


def _batches(items: Iterable, n: int) -> Iterator[list]:
    """`n` documents a batch, as `batch_size` promises (a killed run leaves a multiple of it):
    file marks, failures and unchanged counts ride along without counting, and the end mark of
    a batch's last file stays in its batch, so the file is recorded with its last document."""
    batch: list = []
    documents = 0
    for item in items:
        if documents >= n and not isinstance(item, FileEnd | FileDone):
            yield batch
            batch, documents = [], 0
        batch.append(item)
        if not isinstance(item, _NOT_DOCUMENTS):
            documents += 1
    if batch:
        yield batch
