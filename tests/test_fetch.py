"""The polite HTTP client and the `fetch`/`feed` commands, against a server the test starts
on 127.0.0.1 (never the internet). Every test is bounded: small timeouts, a request budget."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from partnergraph.cli import app
from partnergraph.errors import SourceError
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources.fetch import FetchPolicy, Fetcher
from partnergraph.sources.web import fetch_feed, fetch_pages

ARTICLE = """<html><head><title>News</title><meta charset="utf-8"></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Harbin Institute of Technology and Lund University sign cooperation agreement</h1>
<p>On 12 March 2024, Harbin Institute of Technology and Lund University signed a cooperation
agreement on joint doctoral training and research in materials science, in Lund.</p>
<p>President Han Jiecai of Harbin Institute of Technology met with Vice-Chancellor Erik Renstrom
and both sides agreed to exchange visiting scholars every year.</p></article>
<footer>Copyright 2024 Example University</footer></body></html>"""
UNRELATED = """<html><head><title>Weather</title></head><body><article><h1>Rain expected</h1>
<p>Rain is expected over the weekend with temperatures falling to five degrees in the north.</p>
<p>Bring an umbrella if you go out on Saturday afternoon or Sunday morning.</p></article></body></html>"""
BIG = 100 * 1024 * 1024  # the 100 MB body the client must stop reading
REQUEST_BUDGET = 200


class _State:
    def __init__(self) -> None:
        self.hits: list[tuple[float, str, str]] = []  # (time, path, user agent)
        self.flaky = 0
        self.robots = "redirect"  # or "503", or a robots.txt body served directly
        self.lock = threading.Lock()


def _rss(base: str) -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{base}/{page}</link><pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>"
        f"<description>Short summary {n} about a cooperation agreement.</description></item>"
        for n, page in enumerate(["page1.html", "missing.html"], 1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'


def _handler(state: _State):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep pytest output clean
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            with state.lock:
                state.hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
                if len(state.hits) > REQUEST_BUDGET:
                    self._send(503, b"budget exhausted")
                    return
            path = self.path
            base = f"http://{self.headers['Host']}"
            if path == "/robots.txt" and state.robots == "503":
                self._send(503, b"down")
            elif path == "/robots.txt" and state.robots != "redirect":
                self._send(200, state.robots.encode(), "text/plain")
            elif path == "/robots.txt":
                self._send(301, b"", Location="/real-robots.txt")  # as http → https moves do
            elif path == "/real-robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
            elif path in ("/page1.html", "/page2.html", "/page3.html"):
                self._send(200, ARTICLE.encode())
            elif path == "/weather.html":
                self._send(200, UNRELATED.encode())
            elif path == "/gbk.html":
                body = ARTICLE.replace('charset="utf-8"', 'charset="gbk"').replace(
                    "Lund University", "隆德大学").encode("gbk")
                self._send(200, body, "text/html")
            elif path == "/redirect":
                self._send(302, b"", Location="/page1.html")
            elif path == "/loop":
                self._send(302, b"", Location="/loop")
            elif path == "/error500":
                self._send(500, b"oops")
            elif path == "/flaky":
                with state.lock:
                    state.flaky += 1
                    first = state.flaky == 1
                if first:
                    self._send(503, b"busy", Retry_After="0")
                else:
                    self._send(200, ARTICLE.encode())
            elif path == "/image.png":
                self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
            elif path == "/slow":
                time.sleep(1.5)
                self._send(200, ARTICLE.encode())
            elif path in ("/big", "/big-unsized"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                if path == "/big":
                    self.send_header("Content-Length", str(BIG))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65530 + b"</p>"
                try:
                    for _ in range(BIG // len(chunk)):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: what the test wants
                self.close_connection = True
            elif path == "/drip":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "1000")
                self.end_headers()
                try:
                    for _ in range(40):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.1)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True
            elif path == "/feed.xml":
                self._send(200, _rss(base).encode(), "application/rss+xml")
            else:
                self._send(404, b"not found")

    return Handler


@pytest.fixture()
def server():
    state = _State()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def _fetcher(**kw) -> Fetcher:
    options = dict(delay=0.0, read_timeout=1.0, connect_timeout=1.0, deadline=2.0, retries=1,
                   backoff=0.05, max_bytes=1024 * 1024)
    options.update(kw)
    return Fetcher(FetchPolicy(**options))


def test_fetches_a_page_with_user_agent_and_reads_robots_first(server):
    base, state = server
    with _fetcher() as f:
        response = f.get(f"{base}/page1.html")
    assert b"Lund University" in response.body
    assert [p for _, p, _ in state.hits] == ["/robots.txt", "/real-robots.txt", "/page1.html"]
    assert all(ua.startswith("partnergraph/") for _, _, ua in state.hits)


def test_robots_disallow_is_obeyed_without_requesting_the_page(server):
    base, state = server
    with _fetcher() as f, pytest.raises(SourceError, match="robots.txt"):
        f.get(f"{base}/private/secret.html")
    assert "/private/secret.html" not in [p for _, p, _ in state.hits]


def test_robots_server_error_means_stay_away(server):
    base, state = server
    state.robots = "503"
    with _fetcher(retries=0) as f, pytest.raises(SourceError, match="robots.txt answered HTTP 503"):
        f.get(f"{base}/page1.html")
    assert "/page1.html" not in [p for _, p, _ in state.hits]


def test_crawl_delay_raises_the_pause(server):
    base, state = server
    state.robots = "User-agent: *\nCrawl-delay: 1\n"
    with _fetcher(delay=0.0) as f:
        list(fetch_pages([f"{base}/page1.html", f"{base}/page2.html"], f))
    t_page1, t_page2 = [t for t, p, _ in state.hits if p.startswith("/page")]
    assert t_page2 - t_page1 >= 0.95


def test_one_host_is_paced_by_the_delay(server):
    base, state = server
    with _fetcher(delay=0.3) as f:
        docs = list(fetch_pages([f"{base}/page1.html", f"{base}/page2.html", f"{base}/page3.html"], f))
    assert all(isinstance(d, RawDocument) for d in docs)
    times = [t for t, _, _ in state.hits]  # robots.txt (redirected) + three pages, in order
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) == 5 and min(gaps) >= 0.28, gaps


def test_pacing_waits_through_the_injected_sleep(server):
    """A 30-second delay checked without waiting: the fetcher's clock only moves when it sleeps."""
    base, _ = server
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    policy = FetchPolicy(delay=30.0, read_timeout=1.0, connect_timeout=1.0, retries=0)
    with Fetcher(policy, clock=lambda: now[0], sleep=sleep) as f:
        docs = list(fetch_pages([f"{base}/page1.html", f"{base}/page2.html", "http://127.0.0.1:9/x"], f))
    assert sum(isinstance(d, RawDocument) for d in docs) == 2
    # robots.txt, its redirect, page1, page2 on one host: three pauses of 30 s; the other host
    # (unreachable, tried while the first one waited) needed no pause at all
    assert slept == [30.0, 30.0, 30.0]


def test_retries_back_off_exponentially(server):
    base, _ = server
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    policy = FetchPolicy(delay=0.0, retries=3, backoff=2.0, read_timeout=1.0, connect_timeout=1.0)
    with Fetcher(policy, clock=lambda: now[0], sleep=sleep) as f, pytest.raises(SourceError, match="HTTP 500"):
        f.get(f"{base}/error500")
    assert slept == [2.0, 4.0, 8.0]


def test_redirect_is_followed_and_a_loop_stops(server):
    base, _ = server
    with _fetcher() as f:
        response = f.get(f"{base}/redirect")
        assert response.final_url == f"{base}/page1.html" and response.url == f"{base}/redirect"
        with pytest.raises(SourceError, match="redirects"):
            f.get(f"{base}/loop")


def test_server_errors_are_retried_then_reported(server):
    base, state = server
    with _fetcher(retries=2) as f:
        with pytest.raises(SourceError, match="HTTP 500"):
            f.get(f"{base}/error500")
        assert [p for _, p, _ in state.hits].count("/error500") == 3  # first try + 2 retries
        assert b"Lund" in f.get(f"{base}/flaky").body  # 503 then 200


def test_slow_server_times_out(server):
    base, _ = server
    started = time.monotonic()
    with _fetcher(read_timeout=0.5, retries=0) as f, pytest.raises(SourceError, match="timeout|timed out"):
        f.get(f"{base}/slow")
    assert time.monotonic() - started < 1.4


def test_dripping_body_hits_the_deadline(server):
    base, _ = server
    with _fetcher(deadline=0.5, retries=0) as f, pytest.raises(SourceError, match="deadline"):
        f.get(f"{base}/drip")


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_100_mb_body_is_refused_without_being_held(server, path):
    import tracemalloc

    base, _ = server
    tracemalloc.start()
    started = time.monotonic()
    try:
        with _fetcher(max_bytes=2 * 1024 * 1024, deadline=20.0) as f, pytest.raises(SourceError, match="limit"):
            f.get(f"{base}{path}")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # the cap (2 MB) plus buffers, never the 100 MB
    assert time.monotonic() - started < 10


def test_non_html_content_is_refused(server):
    base, _ = server
    with _fetcher() as f, pytest.raises(SourceError, match="image/png"):
        f.get(f"{base}/image.png")


def test_fetch_pages_reports_each_failure_and_keeps_going(server):
    base, _ = server
    urls = [f"{base}/missing.html", f"{base}/page1.html", f"{base}/gbk.html"]
    with _fetcher() as f:
        out = list(fetch_pages(urls, f))
    failures = [o for o in out if isinstance(o, SourceFailure)]
    docs = [o for o in out if isinstance(o, RawDocument)]
    assert [x.source for x in failures] == [f"{base}/missing.html"] and "404" in failures[0].reason
    assert len(docs) == 2 and any("隆德大学" in d.html for d in docs)  # GBK page decoded by its <meta>
    assert all(d.fetched_at and d.url.startswith(base) for d in docs)


def test_feed_items_follow_their_links_and_a_missing_page_is_a_failure(server):
    base, _ = server
    with _fetcher() as f:
        out = list(fetch_feed(f"{base}/feed.xml", f))
    assert len(out) == 2
    page = next(o for o in out if isinstance(o, RawDocument))
    assert "Lund University" in page.html and page.published == "2024-03-12" and page.title == "Item 1"
    # issue 10: a 404 is a failure, never replaced by the feed's summary of the item
    [failed] = [o for o in out if isinstance(o, SourceFailure)]
    assert failed.source == f"{base}/missing.html" and "404" in failed.reason


def test_fetch_command_saves_skips_unrelated_and_ingests(server, tmp_path):
    base, _ = server
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# test list\n{base}/page1.html\n{base}/weather.html\nnot a url\n", encoding="utf-8")
    saved, db = tmp_path / "pages.jsonl", tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["fetch", str(urls), "--save", str(saved), "--db", str(db),
                                      "--delay", "0", "--timeout", "2"])
    assert result.exit_code == 1  # the bad line is a failure; the rest went through
    assert "urls.txt:4" in result.output and "not about cooperation: 1" in result.output
    lines = [json.loads(x) for x in saved.read_text(encoding="utf-8").splitlines()]
    assert [x["url"] for x in lines] == [f"{base}/page1.html"]
    assert "1 added" in result.output and db.exists()


def test_feed_command_from_a_file_without_network(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(_rss("http://127.0.0.1:9"), encoding="utf-8")
    saved = tmp_path / "items.jsonl"
    result = CliRunner().invoke(app, ["feed", str(feed), "--no-follow", "--no-ingest", "--save", str(saved)])
    assert result.exit_code == 0, result.output
    items = [json.loads(x) for x in saved.read_text(encoding="utf-8").splitlines()]
    assert [i["title"] for i in items] == ["Item 1", "Item 2"]


def test_feed_command_follows_items_and_ingests(server, tmp_path):
    base, state = server
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(app, ["feed", f"{base}/feed.xml", "--db", str(db), "--delay", "0", "--timeout", "2"])
    assert result.exit_code == 1, result.output  # the missing page is a failure, counted
    assert "/page1.html" in [p for _, p, _ in state.hits] and "1 added" in result.output
    assert result.output.count("missing.html") == 1 and "Short summary 2" not in result.output


def test_a_public_feed_cannot_send_the_crawler_into_a_private_network(server, monkeypatch):
    from partnergraph.sources import web

    base, state = server
    # pretend the feed's host is on the internet while its links stay on this machine
    monkeypatch.setattr(web, "_private", lambda url: not url.endswith("/feed.xml"))
    with _fetcher() as f:
        out = list(fetch_feed(f"{base}/feed.xml", f))
    # not followed: each item is a failure that says why (never the feed's own summary)
    assert len(out) == 2 and all(isinstance(o, SourceFailure) and "private network" in o.reason for o in out)
    assert not [p for _, p, _ in state.hits if p.endswith(".html")]


def test_first_page_waits_the_crawl_delay_after_robots(server):
    base, state = server
    state.robots = "User-agent: *\nCrawl-delay: 1\n"
    with _fetcher(delay=0.0) as f:
        f.get(f"{base}/page1.html")
    (t_robots,) = [t for t, p, _ in state.hits if p == "/robots.txt"]
    (t_page,) = [t for t, p, _ in state.hits if p == "/page1.html"]
    assert t_page - t_robots >= 0.95


def test_refused_connection_is_not_called_a_timeout():
    with _fetcher(retries=0, robots=False) as f, pytest.raises(SourceError) as err:
        f.get("http://127.0.0.1:9/x")  # the discard port: nothing listens on it here
    assert "connection refused" in err.value.message and "timed out" not in err.value.message


def test_contact_goes_in_the_user_agent(server, tmp_path):
    base, state = server
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{base}/page1.html\n")
    result = CliRunner().invoke(app, ["fetch", str(urls), "--no-ingest", "--save", str(tmp_path / "p.jsonl"),
                                      "--delay", "0", "--contact", "ops@example.org"])
    assert result.exit_code == 0, result.output
    assert all("+ops@example.org" in ua for _, _, ua in state.hits)
    result = CliRunner().invoke(app, ["fetch", str(urls), "--no-ingest", "--save", str(tmp_path / "q.jsonl"),
                                      "--delay", "0"], env={"PARTNERGRAPH_CONTACT": ""})
    assert "no --contact given" in result.output


def test_malformed_url_lines_are_reported_and_the_run_goes_on(server, tmp_path):
    base, _ = server
    urls = tmp_path / "urls.txt"
    urls.write_text(f"http://[::1\nhttp://a.example:99999/\n{base}/page1.html\nhttp://exa mple.org/\n")
    result = CliRunner().invoke(app, ["fetch", str(urls), "--no-ingest", "--save", str(tmp_path / "p.jsonl"),
                                      "--delay", "0", "--contact", "t@example.org"])
    assert result.exit_code == 1
    assert "urls.txt:1: 'http://[::1' is not a valid URL" in result.output
    assert "urls.txt:2:" in result.output and "urls.txt:4:" in result.output
    assert isinstance(result.exception, (SystemExit, type(None))), result.exception
    assert len((tmp_path / "p.jsonl").read_text().splitlines()) == 1
