"""Instructions per extracted document (valgrind's callgrind): an A/B figure a loaded machine
does not move.

    .venv/bin/python bench/bench_instructions.py [--backend learned] [--docs 11] [--shared ../shared]

On a machine shared with other jobs even CPU time swells by a fifth or more from one run to the
next (the cores' caches are shared), which hides a change of a few per cent. The number of
instructions executed is the same run after run: this runs the bench's article-sized texts
(bench_extract.py's corpus) under callgrind, counting only the timed pass, after one warm-up
pass (the timed pass runs inside functools.reduce, which callgrind's --toggle-collect follows),
and prints instructions per document per language. It is about 50 times slower than a plain
run (a few minutes), and it is not time: memory stalls, which instructions do not show, weigh
in docs/s; use it to compare two versions of the code, alongside bench_extract.py's CPU figure.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import ROOT, corpus, sized  # noqa: E402

_SIZES = {"en": 3000, "zh": 2000}


def measured(shared: Path, lang: str, backend_name: str, docs: int) -> int:
    """Run inside callgrind: warm up on the texts, then extract `docs` of them inside reduce()."""
    from partnergraph import extract, load_backend

    backend = load_backend(backend_name)
    texts = sized(corpus(shared)[lang], _SIZES[lang])
    batch = [texts[i % len(texts)] for i in range(docs)]
    for t in texts:
        extract(t, backend=backend)
    functools.reduce(lambda n, t: (extract(t, backend=backend), n + 1)[1], batch, 0)
    return len(batch)


def count(shared: Path, lang: str, backend: str, docs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
                        f"--callgrind-out-file={out}", sys.executable, __file__, "--child", lang,
                        "--backend", backend, "--docs", str(docs), "--shared", str(shared)],
                       check=True, capture_output=True, cwd=ROOT)
        totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.MULTILINE)
    if totals is None:
        raise SystemExit("callgrind wrote no totals")
    return {"docs": docs, "instructions_per_doc": int(totals.group(1)) // docs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--backend", default="learned", help="rules or learned")
    ap.add_argument("--docs", type=int, default=11, help="documents counted per language (the texts cycled)")
    ap.add_argument("--langs", default="en,zh")
    ap.add_argument("--child", metavar="LANG", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        measured(args.shared, args.child, args.backend, args.docs)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (Debian: apt-get install valgrind)")
    report = {"backend": args.backend}
    for lang in args.langs.split(","):
        report[lang] = count(args.shared, lang, args.backend, args.docs)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
