"""Shared fixtures: everything here is written for the tests; nothing reads ../shared or the network."""

from __future__ import annotations

import pytest

from partnergraph.extraction.backend import load_backend


@pytest.fixture(scope="session")
def rule_backend():
    return load_backend("rules")
