"""Ingest with workers (issue 13): the store is written while the workers still extract, not
after each window of documents. Texts written for these tests."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from partnergraph import runner
from partnergraph.ingest import ingest
from partnergraph.store import Store, open_store

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="workers are forked")

N = 40
LATE = 20  # documents from here on wait in the worker until the first batch is committed


def test_first_batch_is_written_while_workers_still_extract(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    words = ["Amber", "Birch", "Cedar", "Dune", "Ember", "Fjord", "Grove", "Heath"]
    for i in range(N):
        a, b = words[i % 8] + " " + words[i // 8], words[(i + 3) % 8] + " " + words[(i // 8 + 5) % 8]
        (folder / f"a{i:03d}.txt").write_text(
            f"{a} University and {b} Group signed an agreement on May {1 + i % 28}, 2024. "
            f"The {a} University team of {i} engineers will study {b} materials.\n", encoding="utf-8")
    committed = multiprocessing.Event()  # made before the workers fork: shared with them
    waited_in_vain = multiprocessing.Value("i", 0)
    extract = runner.process_raw

    def gated(raw, backend, published=None):
        # a worker that waited in vain once does not wait again (the test fails, quickly)
        if (int(raw.id.removeprefix("a")) >= LATE and not waited_in_vain.value
                and not committed.wait(timeout=60)):
            with waited_in_vain.get_lock():
                waited_in_vain.value += 1
        return extract(raw, backend, published)

    transaction = Store.transaction

    def signalling(self):
        with transaction(self):
            yield
        if os.getpid() == parent:
            committed.set()

    from contextlib import contextmanager

    parent = os.getpid()
    monkeypatch.setattr(runner, "process_raw", gated)
    monkeypatch.setattr(Store, "transaction", contextmanager(signalling))
    with open_store(tmp_path / "kb.db") as s:
        report = ingest([folder], s, workers=2, batch_size=4, backend="rules")
    assert report.added == N and not report.failures
    # the late documents were extracted after the first batch was stored: writing and
    # extraction overlapped (waiting for whole windows, every late document waited in vain)
    assert committed.is_set() and waited_in_vain.value == 0
