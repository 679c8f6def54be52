"""The long hostile-input run: thousands of generated files per input format through what
`extract` and `ingest` do, counting crashes, the slowest input and peak memory.

The strategies are the CI suite's (`tests/hostile_inputs.py`); CI runs a few hundred inputs,
this runs as many as asked (default 10,200: 1,700 per format). A crash is any exception
escaping the pipeline (the rule: every bad input becomes a reported failure); each is printed
with its format and the first bytes of the input, and the run goes on.

    .venv/bin/python bench/fuzz_inputs.py                       # 10,200 inputs
    .venv/bin/python bench/fuzz_inputs.py --per-format 200 --formats jsonl,warc

Time is process CPU time per input (a format's first input, which pays for imports and
caches, is left out of the worst); memory is the process's max RSS (it only grows, so the
input that raised it most is named too).
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/ holds the strategies, shared with the CI suite


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Tally:
    """What the run counts: inputs, outcomes, crashes with their input, the worst input."""

    def __init__(self) -> None:
        self.inputs = self.documents = self.failures = 0
        self.crashes: list[str] = []
        self.worst_time = (0.0, "", 0)
        self.worst_rise = (0.0, "", 0)
        self.warm: set[str] = set()

    def run(self, fmt: str, path: Path, data: bytes, backend, store) -> None:
        from tests.hostile_inputs import run_file

        path.write_bytes(data)
        before = _rss_mb()
        t0 = time.process_time()
        try:
            docs, fails = run_file(path, backend, store)
            self.documents += docs
            self.failures += fails
        except Exception as err:  # noqa: BLE001 - a crash is what this run counts
            self.crashes.append(f"{fmt}: {type(err).__name__}: {str(err)[:200]} | input {data[:120]!r}\n"
                                + "".join(traceback.format_exc().splitlines(True)[-4:]))
        seconds = time.process_time() - t0
        self.inputs += 1
        if fmt not in self.warm:  # a format's first input pays for imports and caches
            self.warm.add(fmt)
            return
        if seconds > self.worst_time[0]:
            self.worst_time = (seconds, fmt, len(data))
        rise = _rss_mb() - before
        if rise > self.worst_rise[0]:
            self.worst_rise = (rise, fmt, len(data))


def fuzz_format(fmt: str, examples: int, seed_value: int, tally: Tally, folder: Path, backend, store) -> None:
    from hypothesis import HealthCheck, Phase, given, seed, settings

    from tests.hostile_inputs import FORMATS

    suffix, strategy = FORMATS[fmt]
    path = folder / f"input{suffix}"

    @seed(seed_value)
    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def one(data: bytes) -> None:
        tally.run(fmt, path, data, backend, store)

    one()


def main(argv: list[str] | None = None) -> int:
    from partnergraph.extraction.backend import DEFAULT_BACKEND, load_backend
    from partnergraph.resolution import ensure_resolved
    from partnergraph.store import open_store
    from tests.hostile_inputs import FORMATS

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-format", type=int, default=1700, help="inputs per format (6 formats)")
    ap.add_argument("--formats", default="", help="comma-separated formats (default: all)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--backend", default=None, help="extraction backend (default: the library's default)")
    args = ap.parse_args(argv)
    names = [f for f in args.formats.split(",") if f] or list(FORMATS)

    logging.disable(logging.CRITICAL)  # libraries log every broken page; the counts say enough
    warnings.simplefilter("ignore")
    backend = load_backend(args.backend or DEFAULT_BACKEND)
    print(f"backend {args.backend or DEFAULT_BACKEND}", flush=True)
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="partnergraph-fuzz-") as tmp, open_store(Path(tmp) / "kb.db") as store:
        for fmt in names:
            before_inputs, before_crashes = tally.inputs, len(tally.crashes)
            fuzz_format(fmt, args.per_format, args.seed, tally, Path(tmp), backend, store)
            print(f"{fmt:8} {tally.inputs - before_inputs:6,} inputs, {len(tally.crashes) - before_crashes} crashes "
                  f"({time.monotonic() - started:.0f} s so far, max RSS {_rss_mb():.0f} MB)", flush=True)
        t0 = time.process_time()
        ensure_resolved(store)
        resolve_s = time.process_time() - t0
    for crash in tally.crashes[:20]:
        print("CRASH", crash)
    t, rise = tally.worst_time, tally.worst_rise
    print(f"\ninputs {tally.inputs:,}; documents extracted and stored {tally.documents:,}; "
          f"reported failures {tally.failures:,}; crashes {len(tally.crashes)}")
    print(f"worst time {t[0]:.2f} s CPU ({t[1]}, {t[2]:,} bytes); max RSS {_rss_mb():.0f} MB "
          f"(largest rise {rise[0]:.0f} MB on {rise[1]}, {rise[2]:,} bytes); "
          f"resolution over the store {resolve_s:.1f} s; wall {time.monotonic() - started:.0f} s")
    return 1 if tally.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
