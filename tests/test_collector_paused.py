"""The cyclic collector is paused while a backend extracts one document, and left as it was
after (extraction.backend.collector_paused). Texts are invented."""

from __future__ import annotations

import gc

import pytest

from partnergraph import extract
from partnergraph.extraction.backend import load_backend
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn import backend as learned_module

EN = "Kestrel Dynamics signed a cooperation agreement with Lumio University in Oslo on March 3, 2024."
ZH = "2024年3月5日，蓝鲸科技有限公司与青川大学签署战略合作协议。"


class Watcher:
    """A mention finder that finds nothing and records whether the collector runs."""

    name = "watcher"

    def __init__(self):
        self.seen: list[bool] = []

    def find(self, document):
        self.seen.append(gc.isenabled())
        return []


@pytest.mark.parametrize("text", [EN, ZH])
def test_rules_extract_with_the_collector_paused_then_restored(text):
    watcher = Watcher()
    extract(text, backend=RuleBackend({"mention_finders": (watcher,)}))
    assert watcher.seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize("text", [EN, ZH])
def test_learned_decides_with_the_collector_paused(text, monkeypatch):
    seen = []
    decide = learned_module.decide

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return decide(*args, **kwargs)

    monkeypatch.setattr(learned_module, "decide", watched)
    extract(text, backend=load_backend("learned"))
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused():
    gc.disable()
    try:
        extract(EN, backend=RuleBackend())
        assert not gc.isenabled()
    finally:
        gc.enable()
