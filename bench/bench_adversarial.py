"""Adversarial texts at growing sizes: does every stage stay linear?

Each shape repeats one hostile unit (a date, an honorific, a whole article on one line, tiny
HTML elements, ...) up to each size (UTF-8 bytes) and runs the whole pipeline on it: text
shapes through `partnergraph.extract` (preparation + rules), HTML shapes through
`documents.prepare_raw` (trafilatura) then the rules, feed and WARC shapes (files of many
documents) through their reader and then each document. Per size it prints seconds (process
CPU time, so other jobs on the machine count less), the stage that took most, and the growth
ratio against the previous size divided by the size ratio (1.0 = linear, 2+ = quadratic
territory). The verdict compares the largest size with the one 4x smaller: within 5x is
linear within noise. A size slower than --budget seconds stops its shape (bigger sizes would
take minutes; the verdict is then judged on the sizes done), and a shape killed by --timeout
is reported as superlinear.

    .venv/bin/python bench/bench_adversarial.py                     # all shapes, 10 KB .. 4 MB
    .venv/bin/python bench/bench_adversarial.py --shapes mr,dates --sizes 10k,40k,160k
    .venv/bin/python bench/bench_adversarial.py --list

Each shape runs in its own process (fork), so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable

ARTICLE = (
    "Orvel University and Brantic Group Sign Strategic Cooperation Agreement. "
    "On March 3, 2024, Orvel University and Brantic Group signed a strategic cooperation "
    "agreement in Lanshan on robotics and new energy. President Mira Tolland of Orvel "
    "University and Chairman Dov Keller of Brantic Group attended the ceremony. "
    "The two sides will set up a joint laboratory, the Orvel-Brantic Robotics Center, "
    "and exchange researchers every year. "
)
ZH_ARTICLE = (
    "2024年3月3日，兰山大学与博瑞集团签署战略合作协议。兰山大学校长陶明与博瑞集团董事长"
    "柯文出席签约仪式。双方将共建联合实验室，在新能源和机器人领域开展合作。"
)


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        n = size // max(1, len(unit.encode("utf-8"))) + 1
        return unit * n

    return make


def _lines(unit: str) -> Callable[[int], str]:
    return _repeat(unit + "\n")


def _html(element: str, head: str = "<html><head><title>T</title></head><body>",
          tail: str = "</body></html>") -> Callable[[int], str]:
    def make(size: int) -> str:
        n = size // len(element.encode("utf-8")) + 1
        return head + element * n + tail

    return make


def _nested(size: int) -> str:
    depth = size // 11
    return "<html><body>" + "<div><span>" * (depth // 2) + "Orvel" + "</span></div>" * (depth // 2) + "</body></html>"


def _feed_items(size: int) -> str:
    item = ("<item><title>Orvel signs</title><link>http://orvel.example/{n}</link>"
            "<description>Orvel University and Brantic Group signed.</description></item>")
    n = size // len(item) + 1
    return '<rss version="2.0"><channel><title>T</title>' + "".join(item.format(n=i) for i in range(n)) + "</channel></rss>"


def _feed_one_big_item(size: int) -> str:
    body = "&lt;p&gt;Orvel signed.&lt;/p&gt;" * (size // 31 + 1)
    return ('<rss version="2.0"><channel><title>T</title><item><title>Orvel</title>'
            f"<link>http://orvel.example/1</link><description>{body}</description></item></channel></rss>")


def _warc_records(size: int) -> str:
    page = "<html><body><p>Orvel University and Brantic Group signed.</p></body></html>"
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}"
    one = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://orvel.example/{n}\r\n"
           "WARC-Record-ID: <urn:uuid:{n}>\r\nContent-Type: application/http; msgtype=response\r\n"
           f"Content-Length: {len(http)}\r\n\r\n{http}\r\n\r\n")
    return "".join(one.format(n=i) for i in range(size // len(one) + 1))


# name -> (kind, generator); kind "text", "html" (one page), or "feed" / "warc" (a file of many)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    # the four shapes the hostile-input run named
    "dates": ("text", _repeat("March 3, 2024, ")),
    "mr": ("text", _repeat("Mr. ")),
    "one_line_article": ("text", _repeat(ARTICLE)),
    "html_many_p": ("html", _html("<p>Orvel signed.</p>")),
    # relatives: dates, titles and names in every arrangement
    "date_lines": ("text", _lines("March 3, 2024")),
    "iso_dates": ("text", _repeat("2024-03-03 ")),
    "weekdays": ("text", _repeat("Monday, March 3, 2024, ")),
    "honorifics_dr": ("text", _repeat("Dr. Prof. ")),
    "mr_names": ("text", _repeat("Mr. Keller ")),
    "titles": ("text", _repeat("Vice President ")),
    "president_of": ("text", _repeat("President of ")),
    "capitalized": ("text", _repeat("Orvel Brantic ")),
    "university_of": ("text", _repeat("University of ")),
    "and_caps": ("text", _repeat("Orvel and ")),
    "org_suffixes": ("text", _repeat("Co., Ltd. ")),
    "signed_with": ("text", _repeat("signed an agreement with ")),
    "possessive": ("text", _repeat("Orvel's ")),
    "parentheses": ("text", _repeat("(Orvel ")),
    "quotes": ("text", _repeat('"Orvel ')),
    "commas": ("text", _repeat(", ")),
    "dots": ("text", _repeat(". ")),
    "hyphens": ("text", _repeat("Orvel-")),
    "digits": ("text", _repeat("1234567890")),
    "spaces": ("text", _repeat(" ")),
    "newlines": ("text", _repeat("\n")),
    "short_lines": ("text", _lines("Orvel")),
    "article_lines": ("text", _lines(ARTICLE)),
    "urls": ("text", _repeat("http://orvel.example/a/b ")),
    "no_spaces": ("text", _repeat("a")),
    # Chinese
    "zh_article_one_line": ("text", _repeat(ZH_ARTICLE)),
    "zh_dates": ("text", _repeat("2024年3月3日")),
    "zh_suffixes": ("text", _repeat("大学")),
    "zh_with": ("text", _repeat("与")),
    "zh_signing": ("text", _repeat("签署合作协议")),
    "zh_names_said": ("text", _repeat("陶明表示，")),
    "zh_mixed_latin": ("text", _repeat("兰山ABC大学")),
    # HTML
    "html_nested": ("html", _nested),
    "html_links": ("html", _html('<a href="/x">Orvel</a> ')),
    "html_table_cells": ("html", _html("<td>Orvel</td>", "<html><body><table><tr>", "</tr></table></body></html>")),
    "html_article_p": ("html", _html(f"<p>{ARTICLE}</p>")),
    "html_entities": ("html", _html("&#21512;&amp;")),
    "html_comments": ("html", _html("<!-- x -->Orvel ")),
    "html_attrs": ("html", _html('<p class="a b c d e f g h">x</p>')),
    # files of many documents, read through their source reader
    "feed_many_items": ("feed", _feed_items),
    "feed_one_big_item": ("feed", _feed_one_big_item),
    "warc_many_records": ("warc", _warc_records),
}

SIZE_UNITS = {"k": 1000, "m": 1000_000}


def _size(token: str) -> int:
    token = token.strip().lower()
    return int(float(token[:-1]) * SIZE_UNITS[token[-1]]) if token[-1] in SIZE_UNITS else int(token)


def _run_file(kind: str, text: str, backend) -> tuple[float, str]:
    """CPU seconds to read a feed or WARC file of many documents and extract every one."""
    import tempfile
    from pathlib import Path

    from partnergraph.runner import extract_all

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("bench.rss" if kind == "feed" else "bench.warc")
        path.write_text(text, encoding="utf-8")
        t0 = time.process_time()
        results = list(extract_all([path], backend, relevance=False))
        seconds = time.process_time() - t0
    failed = sum(r.failure is not None for r in results)
    return seconds, f"{len(results) - failed} documents, {failed} failed"


def _run_once(kind: str, text: str, backend) -> tuple[float, str]:
    """CPU seconds for the whole pipeline on `text`, and the stage that took most."""
    from partnergraph.documents import prepare_raw
    from partnergraph.models import RawDocument
    from partnergraph.pipeline import process_document

    if kind in ("feed", "warc"):
        return _run_file(kind, text, backend)
    raw = RawDocument(id="bench", **({"html": text} if kind == "html" else {"text": text}))
    t0 = time.process_time()
    try:
        document = prepare_raw(raw)
    except Exception as err:  # noqa: BLE001 - a refusal is an answer (time still counts)
        return time.process_time() - t0, f"prepare refused: {type(err).__name__}"
    t1 = time.process_time()
    process_document(document, backend)
    t2 = time.process_time()
    stage = "prepare" if t1 - t0 >= t2 - t1 else "extract"
    return t2 - t0, stage


def _shape_worker(name: str, sizes: list[int], budget: float, conn, backend_name: str = "rules") -> None:
    from partnergraph.extraction.backend import load_backend

    backend = load_backend(backend_name)
    kind, make = SHAPES[name]
    _run_once(kind, make(1000), backend)  # warm-up: lexicons, caches
    for size in sizes:
        text = make(size)
        seconds, stage = _run_once(kind, text, backend)
        conn.send((size, seconds, stage, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
        if seconds > budget:
            conn.send(("over budget", size))
            break
    conn.send(None)


def run_shape(name: str, sizes: list[int], budget: float, timeout: float, backend: str = "rules") -> dict:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_shape_worker, args=(name, sizes, budget, child, backend))
    proc.start()
    child.close()
    rows, over, deadline = [], None, time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not parent.poll(left):
            proc.kill()
            over = over or ("timeout", None)
            break
        try:
            msg = parent.recv()
        except EOFError:
            over = over or ("crashed", None)
            break
        if msg is None:
            break
        if msg[0] == "over budget":
            over = msg
            continue
        rows.append(msg)
    proc.join()
    return {"name": name, "kind": SHAPES[name][0], "rows": rows, "over": over}


def verdict(result: dict) -> tuple[str, float | None]:
    """("linear" | "SUPERLINEAR", ratio of the largest size's time to the one 4x smaller)."""
    rows = result["rows"]
    if result["over"] is not None and result["over"][0] != "over budget" or not rows:
        return "SUPERLINEAR", None  # killed by the timeout, or crashed
    by_size = {size: seconds for size, seconds, _, _ in rows}
    largest = max(by_size)
    quarter = [s for s in by_size if s * 4 <= largest * 1.01 and s * 4 >= largest * 0.99]
    if quarter:
        ratio = by_size[largest] / max(by_size[quarter[0]], 1e-3)
    elif len(by_size) >= 2:  # no size 4x smaller: the last step's growth, scaled to a 4x step
        prev = sorted(by_size)[-2]
        ratio = (by_size[largest] / max(by_size[prev], 1e-3)) ** (math.log(4) / math.log(largest / prev))
    else:
        return "SUPERLINEAR", None
    return ("linear" if ratio <= 5 else "SUPERLINEAR"), ratio  # over budget: judged on the sizes done


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    ap.add_argument("--sizes", default="10k,40k,160k,1m,4m", help="sizes in UTF-8 bytes (k = 1,000, m = 1,000,000)")
    ap.add_argument("--budget", type=float, default=60.0, help="CPU seconds after which a shape stops growing")
    ap.add_argument("--timeout", type=float, default=600.0, help="wall seconds for one shape, all sizes")
    ap.add_argument("--backend", default="rules", help="extraction backend (see `partnergraph backends`)")
    ap.add_argument("--list", action="store_true", help="list the shapes and exit")
    args = ap.parse_args(argv)
    if args.list:
        for name, (kind, _) in SHAPES.items():
            print(f"{name:22} {kind}")
        return 0
    names = [s for s in args.shapes.split(",") if s] or list(SHAPES)
    unknown = [n for n in names if n not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes: {', '.join(unknown)} (see --list)")
    sizes = sorted(_size(s) for s in args.sizes.split(","))
    print(f"{'shape':22} {'size':>9} {'cpu s':>8} {'growth':>7} {'max RSS MB':>10}  slowest stage")
    failures = []
    for name in names:
        result = run_shape(name, sizes, args.budget, args.timeout, args.backend)
        prev = None
        for size, seconds, stage, rss in result["rows"]:
            growth = ""
            if prev is not None and prev[1] > 0.005:
                growth = f"{(seconds / prev[1]) / (size / prev[0]):.2f}"
            print(f"{name:22} {size:>9,} {seconds:8.3f} {growth:>7} {rss:>10}  {stage}")
            prev = (size, seconds)
        word, ratio = verdict(result)
        detail = f"largest/quarter = {ratio:.2f}x" if ratio is not None else ""
        if result["over"]:
            detail += f" (stopped: {result['over'][0]} at {result['over'][1] or '?'})"
        print(f"{name:22} -> {word} {detail}")
        sys.stdout.flush()
        if word != "linear":
            failures.append(name)
    print(f"\n{len(names) - len(failures)} of {len(names)} shapes linear"
          + (f"; superlinear: {', '.join(failures)}" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
