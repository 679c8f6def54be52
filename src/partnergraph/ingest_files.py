"""Which input files ingest already stored whole, so running it again over the same folder
reads and extracts only what changed (issue 13: re-ingesting an unchanged 10k folder cost
71% of the first ingest, every file extracted before it was found unchanged).

A file is recognised before it is read, as rsync and git do: the same path, size and
modification time as recorded, read under the same settings (backend version, format,
relevance filter, default publication date), is unchanged. Otherwise its bytes are hashed
(SHA-256): the same content recorded under any path (a renamed or moved file, a touched one)
is not extracted either; its stored extractions are written again under the ids this path
gives (a renamed article file becomes a copy of the stored document, as extraction would
make it). Anything else is read and extracted; once all its documents are stored without a
failure it is recorded with the ids they were stored under, in the same transaction as the
last of them, so a killed run never records a file it did not finish. When a changed file
no longer holds a document it held (a record removed from a JSON Lines file or a WARC), that
document is forgotten unless another input reports it.

A file that had any failure is not recorded: the next run reads it again and reports the
failure again (the exit code says so each time).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from partnergraph.sources import ONE_DOCUMENT_FORMATS, WEB_FORMATS, expected_id
from partnergraph.store import Store

# A file modified this close to when it was recorded may have changed again within the same
# clock tick without its size or time moving: such a record is checked by hash next time.
RACY_NS = 2_000_000_000
# A text or HTML file up to this size is hashed from one read whose bytes go to the reader
# (read once, not twice); a larger one is hashed in blocks and read again by its reader.
KEEP_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Unchanged:
    """Documents of a recognised file that are stored as they are (counted, not written)."""

    documents: int


@dataclass(frozen=True, slots=True)
class KnownCopy:
    """A stored copy (exact or near) seen again under a new id (a renamed file)."""

    doc_id: str
    doc_key: int
    kind: str
    url: str | None
    source: str
    published: str | None
    content_hash: str


@dataclass(frozen=True, slots=True)
class Replayed:
    """A stored extraction written again under the id a recognised file's new path gives."""

    extraction: object
    source: str


@dataclass(frozen=True, slots=True)
class FileDone:
    """All documents of a recognised file were passed on: record it under its new path."""

    source: str


@dataclass(slots=True)
class _Open:
    """A file being ingested: what to record once its documents are stored."""

    abspath: str
    size: int
    mtime_ns: int
    sha256: str
    settings: str
    old_ids: list[str]  # the ids this path held before it changed
    ids: list[str] = field(default_factory=list)
    failed: bool = False


class FileLedger:
    """`read_file` for `iter_sources`, plus the writer's side (`stored`, `failed`, `finish`).

    Recognised files become items in `pending` (unchanged counts, replayed extractions) that
    the writer takes in between extraction results."""

    def __init__(self, store: Store, *, made_by: str, relevance: bool | None, published: str | None) -> None:
        self.store = store
        self.made_by = made_by
        self.relevance = relevance
        self.published = published
        self.pending: deque[Iterator] = deque()
        self.unread = 0  # files recognised without reading them
        self._open: dict[str, _Open] = {}
        self._current: _Open | None = None
        self._stored_now: set[str] = set()

    def settings(self, fmt: str) -> str:
        relevant = self.relevance if self.relevance is not None else fmt in WEB_FORMATS
        return f"{self.made_by}|{fmt}|relevance={relevant}|published={self.published}"

    # -- before reading ---------------------------------------------------------------------
    def read_file(self, path: Path, root: Path | None, fmt: str) -> bool | bytes:
        """False when the file is known (its documents are in `pending`); True to read it, or
        the bytes it was hashed from (a text or HTML file up to `KEEP_BYTES`): read once, and
        the documents are made of the very bytes recorded by hash."""
        try:
            st = path.stat()
            abspath = os.path.abspath(path)
        except OSError:
            return True  # the reader reports it
        settings = self.settings(fmt)
        expect = expected_id(path, root, fmt)
        row = self.store.input_file(abspath)
        if (row is not None and (row[1], row[2], row[4]) == (st.st_size, st.st_mtime_ns, settings)
                and row[2] < row[6] - RACY_NS and _same_ids(json.loads(row[5]), expect)):
            self.unread += 1
            self.pending.append(iter([Unchanged(len(json.loads(row[5])))]))
            return False
        try:
            sha, data = _file_hash(path, KEEP_BYTES if fmt in ONE_DOCUMENT_FORMATS else 0, st.st_size)
        except OSError:
            return True
        known = row if row is not None and (row[3], row[4]) == (sha, settings) else \
            self.store.input_file_by_hash(sha, settings)
        old_ids = json.loads(row[5]) if row is not None else []
        self._open[str(path)] = _Open(abspath, st.st_size, st.st_mtime_ns, sha, settings, old_ids)
        read = True if data is None else data
        if known is None:
            return read
        replay = self._replay(json.loads(known[5]), str(path), expect)
        if replay is None:
            return read
        self.unread += 1
        self.pending.append(replay)
        return False

    def _replay(self, old_ids: list[str], source: str, expect: str | None) -> Iterator | None:
        """The stored documents of a recognised file under the ids `source` gives them, or
        None when extraction must decide (the new id already names a stored document)."""
        state = self._open[source]
        if _same_ids(old_ids, expect):  # a container's records keep their ids wherever it is
            state.ids.extend(old_ids)
            return iter([Unchanged(len(old_ids)), FileDone(source)])
        [old_id], new_id = old_ids, expect  # a renamed or moved article file
        row = self.store.source_row(old_id)
        if row is None or self.store.lookup_source(new_id) is not None:
            return None
        doc_key, kind, url, published, content_hash = row
        if kind != "self":
            return iter([KnownCopy(new_id, doc_key, kind, url, source, published, content_hash),
                         FileDone(source)])
        ex = self.store.extraction(old_id)
        return iter([Replayed(ex.model_copy(update={"id": new_id, "source": source}), source), FileDone(source)])

    # -- the writer's side: what it stored, in stream order ------------------------------------
    def start(self, source: str) -> None:
        """What follows (up to `finish`) comes from this file (a `FileStart` in the stream)."""
        self._current = self._open.get(source)

    def stored(self, doc_id: str, source: str | None = None) -> None:
        """A document of the current file (or of the recognised file `source`) was stored."""
        state = self._open.get(source) if source is not None else self._current
        if state is not None:
            state.ids.append(doc_id)
            if state.old_ids:  # only a changed file's removed records are checked against these
                self._stored_now.add(doc_id)

    def failed(self) -> None:
        """Something of the current file failed: it is not recorded (read again next time)."""
        if self._current is not None:
            self._current.failed = True

    def finish(self, source: str) -> bool:
        """Record a file whose documents are all stored (inside the writer's transaction);
        forget the documents it no longer holds. True when a document was forgotten."""
        state = self._open.pop(source, None)
        if state is self._current:
            self._current = None
        if state is None or state.failed:
            return False
        forgotten = False
        for doc_id in set(state.old_ids) - set(state.ids) - self._stored_now:
            # a record that left this file may have moved to another one, read before
            if not self.store.input_file_holding(doc_id, besides=state.abspath):
                self.store.forget_source(doc_id)
                forgotten = True
        self.store.put_input_file(state.abspath, state.size, state.mtime_ns, state.sha256, state.settings,
                                  state.ids, time.time_ns())
        return forgotten


def _same_ids(ids: list[str], expect: str | None) -> bool:
    """A one-document file's recorded ids are those its path gives now (none: it was left
    out by the relevance filter; "001~digest": stored under a qualified id)."""
    if expect is None or not ids:
        return True
    return len(ids) == 1 and (ids[0] == expect or ids[0].startswith(expect + "~"))


def _file_hash(path: Path, keep: int = 0, size: int = 0) -> tuple[str, bytes | None]:
    """The file's SHA-256, and its bytes when there are at most `keep` of them (else None);
    `size`: the size it was seen with, read at once (the file may have changed since)."""
    digest = hashlib.sha256()
    kept: list[bytes] | None = [] if keep else None
    total = 0
    with path.open("rb") as f:
        block = f.read(size + 1 if 0 < size <= keep else 1 << 20)
        while block:
            digest.update(block)
            total += len(block)
            if kept is not None and total <= keep:
                kept.append(block)
            else:
                kept = None
            block = f.read(1 << 20)
    return digest.hexdigest(), (b"".join(kept) if kept is not None else None)
