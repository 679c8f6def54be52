"""Shared fixtures: everything here is written for the tests; nothing reads ../shared or the network."""

from __future__ import annotations

import pytest

from partnergraph.extraction.backend import load_backend


# The rule engine's own tests (test_rules_*, and the topic and property tests of its output)
# read the rules' output: the default backend (learned) would put the models between the rule
# and the assertion. Everything else runs on the default.
_RULE_MODULES = ("test_rules_", "test_topics", "test_properties")


@pytest.fixture(autouse=True)
def _rules_for_rule_tests(request, monkeypatch):
    if request.module.__name__.startswith(_RULE_MODULES):
        from partnergraph import pipeline

        monkeypatch.setattr(pipeline, "DEFAULT_BACKEND", "rules")


@pytest.fixture(scope="session")
def rule_backend():
    return load_backend("rules")
