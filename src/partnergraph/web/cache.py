"""Answers of the graph endpoint (and the front page's ranking) kept until the store changes:
every visitor of the graph page asks for the same default graph, and computing it reads every
event (72 ms of CPU at 10,000 events, 4 ms from here: bench/bench_web.py) while the answer only
changes when an ingest, a merge or a split commits. The store's files are the version: a commit changes the write-ahead log's size
and time, a checkpoint the database file's. $PARTNERGRAPH_WEB_CACHE=0 turns it off."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

# distinct filter combinations kept (a graph of 100 organizations is ~150 KB of JSON)
SIZE = 32


def store_version(db: str) -> tuple[int, ...]:
    out: list[int] = []
    for path in (db, db + "-wal"):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            out += [0, 0]
        else:
            out += [st.st_mtime_ns, st.st_size]
    return tuple(out)


class AnswerCache:
    def __init__(self, db: str, size: int = SIZE, enabled: bool | None = None) -> None:
        self.db = db
        self.size = size
        self.enabled = os.environ.get("PARTNERGRAPH_WEB_CACHE", "1") != "0" if enabled is None else enabled
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: tuple[int, ...] | None = None
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if not self.enabled:
            return compute()
        version = store_version(self.db)
        with self._lock:
            if version != self._version:
                self._items.clear()
                self._version = version
            elif key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            if version == self._version:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value
