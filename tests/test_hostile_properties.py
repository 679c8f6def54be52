"""Hypothesis: a hostile file of every input format goes through extraction and ingestion
without an exception; what fails is reported naming the file (issue 12). The strategies are
in `hostile_inputs.py`; `bench/fuzz_inputs.py` runs the same ones over 10,000+ inputs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from partnergraph.store import open_store
from tests.hostile_inputs import FORMATS, run_file

EXAMPLES = {"text": 120, "html": 80, "warc": 60, "warc.gz": 40, "feed": 80, "jsonl": 120}
# the sources and document stages are shared; each backend gets half the inputs
BACKENDS = ("rules", "learned")


@pytest.fixture(scope="module")
def store():
    with open_store(":memory:") as s:
        yield s


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request):
    from partnergraph.extraction.backend import load_backend

    return load_backend(request.param)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_hostile_files_never_crash_a_batch(fmt, backend, store, tmp_path_factory):
    suffix, strategy = FORMATS[fmt]
    folder = tmp_path_factory.mktemp(fmt.replace(".", "_"))

    @settings(max_examples=EXAMPLES[fmt] // len(BACKENDS), deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(strategy)
    def check(data: bytes) -> None:
        path = folder / f"input{suffix}"
        path.write_bytes(data)
        run_file(path, backend, store)

    check()
