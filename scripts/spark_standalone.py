"""The Spark job on a real standalone cluster on this machine, against local mode (issue 13).

    .venv/bin/python scripts/spark_standalone.py [INPUT...] [--workers 2] [--cores 1] [--keep DIR]

Starts a Spark standalone master and WORKERS workers (`spark-class`, the pip pyspark's own
launcher, every port bound to 127.0.0.1), then runs the job on it twice, once as
`partnergraph spark ... --master spark://127.0.0.1:PORT` and once with `spark-submit`
and the documented entry file (the package's `partnergraph/spark/__main__.py`), runs it
in `local[2]`, and checks with scripts/spark_compare.py that all three write the same rows
and equal single-process `extract`; the corrupt inputs are in the failures table, the
backend was built once per executor Python worker, and those workers are not the driver.
Stops the cluster (each process it started, by its id) whatever happens. Without INPUT, a
generated corpus of every format with damaged inputs (tests/mixed_corpus.py) is used.
Exit 0 when every check holds. `standalone_cluster` is also used by bench/bench_spark.py
(`--standalone CORES`) and tests/test_spark_standalone.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def spark_home() -> Path:
    """The pip pyspark's folder: it holds bin/spark-class, bin/spark-submit and the jars."""
    import pyspark

    return Path(pyspark.__file__).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def cluster_env() -> dict[str, str]:
    """The environment for the master, workers and driver: everything on 127.0.0.1, and the
    executors' Python the one running this (it has partnergraph installed)."""
    env = dict(os.environ, SPARK_LOCAL_IP=HOST, SPARK_NO_DAEMONIZE="1", SPARK_HOME=str(spark_home()))
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    return env


def _wait(predicate, what: str, timeout: float, procs: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        dead = [p for p in procs if p.poll() is not None]
        if dead:
            raise RuntimeError(f"{what}: a cluster process exited with {dead[0].returncode}")
        with contextlib.suppress(OSError, ValueError):
            if predicate():
                return
        time.sleep(0.5)
    raise TimeoutError(f"{what}: not ready after {timeout:.0f} s")


def _master_state(ui_port: int) -> dict:
    with urllib.request.urlopen(f"http://{HOST}:{ui_port}/json/", timeout=5) as r:
        return json.load(r)


@contextlib.contextmanager
def standalone_cluster(workers: int = 1, cores: int = 2, memory: str = "2g", logs: Path | None = None,
                       timeout: float = 180.0) -> Iterator[str]:
    """A standalone master and `workers` workers of `cores` cores on 127.0.0.1 (free ports);
    yields the master URL once every worker has registered, and stops them all after."""
    logs = Path(logs or tempfile.mkdtemp(prefix="spark-standalone-"))
    logs.mkdir(parents=True, exist_ok=True)
    env = cluster_env()
    spark_class = str(spark_home() / "bin" / "spark-class")
    port, ui = free_port(), free_port()
    procs: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        with (logs / f"{name}.log").open("wb") as log:
            procs.append(subprocess.Popen([spark_class, *args], env=env, stdout=log, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True))

    try:
        start("master", "org.apache.spark.deploy.master.Master", "--host", HOST, "--port", str(port),
              "--webui-port", str(ui))
        _wait(lambda: _master_state(ui)["status"] == "ALIVE", "master", timeout, procs)
        url = f"spark://{HOST}:{port}"
        for n in range(workers):
            start(f"worker{n}", "org.apache.spark.deploy.worker.Worker", url, "--host", HOST,
                  "--port", str(free_port()), "--webui-port", str(free_port()), "--cores", str(cores),
                  "--memory", memory, "--work-dir", str(logs / f"work{n}"))
        _wait(lambda: _master_state(ui)["aliveworkers"] == workers, f"{workers} worker(s)", timeout, procs)
        yield url
    finally:
        for p in reversed(procs):  # workers first: each stops its executors
            _stop(p)


def _stop(proc: subprocess.Popen) -> None:
    """Stop one process we started (and its own process group: the executors' Python workers)."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def entry_file() -> Path:
    """The file spark-submit runs: the package's `partnergraph/spark/__main__.py`."""
    import partnergraph.spark

    return Path(partnergraph.spark.__file__).with_name("__main__.py")


def run(cmd: list[str], cwd: Path, env: dict[str, str], log: Path) -> dict:
    """Run one job command; its last stdout line (the --json report) and its wall time."""
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    log.write_text(f"$ {' '.join(cmd)}\n{done.stdout}\n{done.stderr}", encoding="utf-8")
    # the --json line; spark-submit's driver may log to stdout after it
    lines = [line for line in done.stdout.splitlines() if line.startswith('{"counts"')]
    if done.returncode not in (0, 1) or not lines:  # 1: some input failed, reported in the tables
        raise RuntimeError(f"{cmd[0]} exited {done.returncode}; see {log}")
    report = json.loads(lines[-1])
    report["exit_code"], report["wall_s"] = done.returncode, round(time.perf_counter() - started, 1)
    return report


def compare(a: Path, b: Path, cwd: Path, inputs: list[str] | None = None) -> dict:
    cmd = [sys.executable, str(ROOT / "scripts" / "spark_compare.py"), str(a), str(b)]
    if inputs:
        cmd += ["--extract", *inputs]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if not done.stdout.strip():
        raise RuntimeError(f"spark_compare failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def checks(work: Path, inputs: list[str], workers: int, cores: int, keep: bool) -> dict:
    """Run the job three ways from `work` (inputs relative to it, as a user would type them)."""
    env = cluster_env()
    cli = [str(Path(sys.executable).with_name("partnergraph")), "spark", *inputs, "--json"]
    results: dict = {}
    with standalone_cluster(workers, cores, logs=work / "cluster") as url:
        results["cluster_cli"] = run([*cli, "--master", url, "--output", "out-cluster-cli"], work, env,
                                     work / "cluster-cli.log")
        submit = [str(spark_home() / "bin" / "spark-submit"), "--master", url,
                  "--conf", f"spark.pyspark.python={env['PYSPARK_PYTHON']}", str(entry_file()),
                  *inputs, "--output", "out-cluster-submit", "--json"]
        results["cluster_submit"] = run(submit, work, env, work / "cluster-submit.log")
    results["local"] = run([*cli, "--master", "local[2]", "--output", "out-local"], work, env,
                           work / "local.log")
    results["cli_vs_local"] = compare(work / "out-cluster-cli", work / "out-local", work, inputs)
    results["submit_vs_local"] = compare(work / "out-cluster-submit", work / "out-local", work)
    driver = os.getpid()
    for how in ("cluster_cli", "cluster_submit"):
        loads = results[how]["backend_loads"]
        results[how]["one_load_per_worker_process"] = bool(loads) and set(loads.values()) == {1} \
            and len(loads) <= workers * cores and all(not k.endswith(f":{driver}") for k in loads)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", help="inputs (default: a generated mixed corpus)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cores", type=int, default=1, help="cores per worker")
    parser.add_argument("--copies", type=int, default=3, help="copies of the generated corpus")
    parser.add_argument("--keep", type=Path, help="work here and keep the outputs and logs")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="spark-standalone-run-"))
    work.mkdir(parents=True, exist_ok=True)
    inputs = [str(Path(i).resolve()) for i in args.inputs]
    if not inputs:
        sys.path.insert(0, str(ROOT / "tests"))
        from mixed_corpus import write_corpus

        write_corpus(work / "corpus", copies=args.copies)
        inputs = ["corpus"]  # relative: the driver resolves it, executors never see the spelling
    try:
        results = checks(work, inputs, args.workers, args.cores, args.keep is not None)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    ok = all(results[k]["equal"] for k in ("cli_vs_local", "submit_vs_local")) and \
        all(results[k]["one_load_per_worker_process"] for k in ("cluster_cli", "cluster_submit"))
    results["ok"] = ok
    print(json.dumps(results, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
