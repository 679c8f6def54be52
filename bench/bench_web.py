"""Web app figures (issue 11): server time of the graph and organization endpoints, and the
time until the graph page is drawn and answers clicks in headless Chromium.

    .venv/bin/python bench/bench_web.py [--orgs 2000] [--events 10000] [--requests 200] [--db PATH]

1. A store of `--events` generated one-event articles between `--orgs` organizations
   (drawn with bench_store.py's Zipf-like skew, so a few hubs have hundreds of partners),
   ingested and resolved as `partnergraph ingest` does.
2. `partnergraph serve` on a free loopback port with its answer cache off; `--requests` GETs
   per endpoint, one at a time, after a warm-up. Server time is the app's own `Server-Timing`
   (routing, the query, JSON or HTML rendering; the middleware wraps it all), with the CPU
   time the server process used meanwhile (a figure the machine's load does not inflate);
   the wall time a client waited is printed beside it. Organizations are drawn as the
   articles drew them, hubs included. Then the graph endpoint again with the cache on.
3. Debian's chromium (headless, through chromedriver): /graph opened `--loads` times;
   "interactive" is the moment the page's script has drawn the graph and bound its click
   handlers (`window.partnergraphReady`, set on Cytoscape's layoutstop), measured from the
   start of navigation. Each load then clicks the busiest node and times the navigation
   to its organization page.
Everything is generated here; only loopback addresses are used; the server is stopped at
the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_store import extractions, org_names, pick  # noqa: E402

from partnergraph.ingest import ingest_extractions  # noqa: E402
from partnergraph.resolution.names import name_key  # noqa: E402
from partnergraph.store import open_store  # noqa: E402


def build(db: str, n_orgs: int, n_events: int) -> list[tuple[str, str]]:
    orgs = org_names(n_orgs, random.Random(0))
    t = time.perf_counter()
    with open_store(db) as store:
        ingest_extractions(store, extractions(n_events, orgs))
        stats = store.stats()
    print(f"store: {stats['documents']:,} articles, {stats['organizations']:,} organizations, "
          f"{stats['events']:,} events (ingest + resolve {time.perf_counter() - t:.1f} s)")
    return orgs


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[float, float, float, int]:
    """(server ms, server CPU ms, both from Server-Timing; wall ms; bytes)."""
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        body = r.read()
        timing = dict(part.strip().split(";dur=") for part in r.headers["Server-Timing"].split(","))
    wall = (time.perf_counter() - t) * 1000
    return float(timing["app"]), float(timing["cpu"]), wall, len(body)


def summary(values: list[float]) -> str:
    v = sorted(values)
    return (f"median {statistics.median(v):6.1f}  p95 {v[min(len(v) - 1, int(0.95 * len(v)))]:6.1f}  "
            f"max {v[-1]:6.1f} ms")


def bench_endpoints(base: str, ids: list[int], n: int, only: str | None = None) -> dict:
    rng = random.Random(7)
    targets = {
        "GET /api/graph (the 100 busiest organizations, the page's default)": lambda: "/api/graph",
        "GET /api/graph?limit=2000 (every organization)": lambda: "/api/graph?limit=2000",
        "GET /api/graph?since=2020&type=agreement": lambda: "/api/graph?since=2020&type=agreement",
        "GET /api/graph?focus=ID (an organization and its partners)": lambda: f"/api/graph?focus={rng.choice(ids)}",
        "GET /api/orgs/ID (profile)": lambda: f"/api/orgs/{rng.choice(ids)}",
        "GET /api/orgs/ID/partners": lambda: f"/api/orgs/{rng.choice(ids)}/partners",
        "GET /org/ID (organization page)": lambda: f"/org/{rng.choice(ids)}",
        "GET /api/suggest?q=..": lambda: f"/api/suggest?q={rng.choice(['riv', 'Stone', 'gold', 'uni'])}",
    }
    out = {}
    for label, path in targets.items():
        if only and only not in label:
            continue
        get(base + path())  # warm-up
        server, cpu, wall, size = [], [], [], 0
        for _ in range(n):
            s, c, w, size = get(base + path())
            server.append(s)
            cpu.append(c)
            wall.append(w)
        out[label] = {"server_ms": sorted(server), "cpu_ms": sorted(cpu), "wall_ms": sorted(wall)}
        print(f"{label}\n    server {summary(server)} | its CPU {summary(cpu)} | client wall "
              f"{summary(wall)} | {size / 1024:,.0f} KB")
    return out


def bench_page(base: str, loads: int, path: str = "/graph") -> dict:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = Options()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    ready, click = [], []
    try:
        driver.get(base + path)  # warm the browser's cache of the scripts, as a returning user
        for _ in range(loads):
            driver.get("about:blank")
            driver.get(base + path)
            WebDriverWait(driver, 60).until(lambda d: d.execute_script("return window.partnergraphReady"))
            ready.append(driver.execute_script("return window.partnergraphReady"))
            label = driver.execute_script(
                "var n = window.cy.nodes().max(function (n) { return n.data('events'); }).ele;"
                " var p = n.renderedPosition(); var r = document.getElementById('graph').getBoundingClientRect();"
                " window.__t = performance.now();"
                " n.emit('tap'); return n.data('label');")
            WebDriverWait(driver, 30).until(lambda d: "/org/" in d.current_url
                                            and d.execute_script("return document.readyState") == "complete")
            nav = driver.execute_script("return performance.getEntriesByType('navigation')[0].duration")
            click.append(nav)
            assert label
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.get("about:blank")
        driver.get(base + path)
        WebDriverWait(driver, 60).until(lambda d: d.execute_script("return window.partnergraphReady"))
        cold = driver.execute_script("return window.partnergraphReady")
        status = driver.execute_script("return document.getElementById('graph-status').textContent")
    finally:
        driver.quit()
    print(f"{path} interactive (navigation start -> drawn, handlers bound), {loads} loads: "
          f"{summary(ready)}; with an empty browser cache: {cold:.0f} ms")
    print(f"    page says: {status}")
    print(f"click on the busiest organization -> its page loaded: {summary(click)}")
    return {"interactive_ms": sorted(ready), "cold_ms": cold, "click_to_org_ms": sorted(click)}


@contextmanager
def serving(db: str, *, cache: bool):
    """`partnergraph serve` on a free loopback port, stopped on exit."""
    port = free_port()
    env = dict(os.environ, PARTNERGRAPH_WEB_CACHE="1" if cache else "0")
    server = subprocess.Popen([sys.executable, "-m", "partnergraph", "serve", "--db", db,
                               "--port", str(port)], stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(base + "/api/status")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start: " + server.stderr.read().decode()) from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--orgs", type=int, default=2000)
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--loads", type=int, default=10)
    ap.add_argument("--db", help="reuse (or create) this store instead of a temporary one")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = args.db or str(Path(tmp.name) / "bench.db")
    orgs = org_names(args.orgs, random.Random(0))
    if not Path(db).exists():
        orgs = build(db, args.orgs, args.events)
    with open_store(db, read_only=True) as store:
        rng = random.Random(5)
        ids = []
        while len(ids) < 300:
            found = store.entity_id_by_key(name_key(pick(orgs, rng)[0]))
            if found is not None:
                ids.append(found)
        counts = store.stats()
    print(f"serving {counts['organizations']:,} organizations, {counts['events']:,} events")
    results: dict = {"counts": counts}
    with serving(db, cache=False) as base:
        print("-- answer cache off: every request computes its answer --")
        results["endpoints"] = bench_endpoints(base, ids, args.requests)
        if shutil.which("chromium") and shutil.which("chromedriver"):
            results["graph_page"] = bench_page(base, args.loads)
            results["graph_page_200"] = bench_page(base, args.loads, "/graph?limit=200")
        else:
            print("graph page: skipped (apt-get install chromium chromium-driver)")
    with serving(db, cache=True) as base:
        print("-- answer cache on (as served): repeated graphs come from memory until the store changes --")
        results["endpoints_cached"] = bench_endpoints(base, ids, args.requests, only="/api/graph")
        if shutil.which("chromium") and shutil.which("chromedriver"):
            results["graph_page_cached"] = bench_page(base, args.loads)
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "bench_web.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
