"""A polite HTTP client for `partnergraph fetch` and `partnergraph feed`.

Sites we read are universities, companies and ministries that did not ask to be crawled, so
the client behaves: it reads robots.txt (and its Crawl-delay), sends one request at a time
to a host with a pause between them, names itself in the User-Agent, gives up on slow or
huge responses (bodies are streamed and capped, never held whole), retries only what may
succeed later (timeouts, 429, 5xx) with exponential back-off, and follows redirects itself
so every hop passes the same checks. It raises `SourceError`, one per URL, never more.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from partnergraph.errors import SourceError

try:
    from importlib.metadata import version as _version

    _VERSION = _version("partnergraph")
except Exception:  # running from a source tree that is not installed
    _VERSION = "0"

USER_AGENT = f"partnergraph/{_VERSION} (cooperation-news research crawler; honours robots.txt)"


def user_agent(contact: str | None) -> str:
    """The User-Agent naming this crawler and, as polite crawlers do, how to reach its operator
    (an e-mail address or a URL) so a site can ask before it blocks."""
    if not contact:
        return USER_AGENT
    contact = " ".join(contact.split())[:200].replace("(", "[").replace(")", "]").replace(";", ",")
    return f"partnergraph/{_VERSION} (cooperation-news research crawler; honours robots.txt; +{contact})"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/x-rss+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ACCEPT = "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,*/*;q=0.1"
# robots.txt files are a few KB; Google reads the first 500 KiB and so do we.
ROBOTS_MAX_BYTES = 500 * 1024
# Read at most this much per socket read, returning whatever has arrived (read1): a server
# that drips a byte a second is caught by the deadline instead of filling a large buffer.
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how patiently to download. Defaults suit news sites."""

    user_agent: str = USER_AGENT
    # one second between requests to one host: the common courtesy rate; robots.txt
    # Crawl-delay raises it (capped at `max_crawl_delay`)
    delay: float = 1.0
    max_crawl_delay: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # silence between two packets
    deadline: float = 60.0  # whole download of one response, however it trickles
    retries: int = 2
    backoff: float = 1.0  # first wait; doubles each retry
    max_backoff: float = 60.0  # also caps a server's Retry-After
    # release pages are < 1 MB; main-text extraction refuses pages over 4 MiB anyway
    # (documents.html.MAX_HTML_CHARS), so downloading more is waste
    max_bytes: int = 4 * 1024 * 1024
    max_redirects: int = 5
    robots: bool = True


@dataclass(frozen=True, slots=True)
class Response:
    """A downloaded body with what is needed to decode and cite it."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    fetched_at: str
    location: str | None = None  # of a redirect


@dataclass(slots=True)
class _Host:
    ready_at: float = 0.0  # monotonic time of the next allowed request
    robots: RobotFileParser | None = None
    robots_error: str | None = None
    crawl_delay: float | None = None


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def check_url(url: str) -> str:
    """`url` stripped, if it is an absolute http(s) URL; `SourceError` otherwise."""
    url = url.strip()
    hint = "give absolute URLs such as https://example.org/news/1.html"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsed here so a bad port is this URL's error, not the run's
        host = parts.hostname
    except ValueError as err:  # "http://[::1", a port over 65535
        raise SourceError(f"{url[:300]!r} is not a valid URL ({err})", hint=hint) from None
    if parts.scheme not in ("http", "https") or not host:
        raise SourceError(f"{url[:300]!r} is not an http(s) URL", hint=hint)
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise SourceError(f"{url[:300]!r} holds spaces or control characters", hint=hint)
    return url


class Fetcher:
    """Downloads one URL at a time under a `FetchPolicy`; keeps per-host state (robots, pace).

    `clock` and `sleep` are injectable so the pacing can be checked without waiting.
    """

    def __init__(self, policy: FetchPolicy | None = None, *, clock=time.monotonic, sleep=time.sleep) -> None:
        import urllib3

        self.policy = policy or FetchPolicy()
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._pool = urllib3.PoolManager(
            num_pools=32,
            headers={"User-Agent": self.policy.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
            retries=False,
            timeout=urllib3.Timeout(connect=self.policy.connect_timeout, read=self.policy.read_timeout),
        )

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- pacing -----------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        return self._hosts.setdefault(_host_key(url), _Host())

    def ready_at(self, url: str) -> float:
        """When the next request to `url`'s host may go (monotonic clock)."""
        return self._host(url).ready_at

    def _wait_turn(self, host: _Host) -> None:
        wait = host.ready_at - self._clock()
        if wait > 0:
            self._sleep(wait)

    def _done(self, host: _Host) -> None:
        pause = self.policy.delay
        if host.crawl_delay is not None:
            pause = max(pause, min(host.crawl_delay, self.policy.max_crawl_delay))
        host.ready_at = self._clock() + pause

    # -- robots.txt -------------------------------------------------------------------------
    def _load_robots(self, url: str, host: _Host) -> None:
        robots_url = _host_key(url) + "/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            response = self._request(robots_url, host, ROBOTS_MAX_BYTES, truncate=True)
            # RFC 9309 §2.3.1.2: follow at least five redirects (http → https is common)
            for _ in range(self.policy.max_redirects):
                if response.status not in REDIRECTS or not response.location:
                    break
                target = check_url(urljoin(response.url, response.location))
                response = self._request(target, self._host(target), ROBOTS_MAX_BYTES, truncate=True)
        except SourceError as err:
            # RFC 9309: an unreachable robots.txt means "assume everything is disallowed"
            host.robots_error = f"robots.txt unreachable ({err.message})"
            host.robots = parser
            return
        if response.status in REDIRECTS:
            host.robots_error = "robots.txt redirects too many times"
        elif 400 <= response.status < 500 and response.status != 429:
            parser.allow_all = True  # no robots.txt: everything is allowed
        elif response.status >= 429:  # "slow down" and server errors: stay away for this run
            host.robots_error = f"robots.txt answered HTTP {response.status}"
        else:
            text = response.body.decode("utf-8", errors="replace")
            parser.parse(text.splitlines())
            delay = parser.crawl_delay(self.policy.user_agent)
            host.crawl_delay = float(delay) if delay is not None else None
            if host.crawl_delay is not None:
                self._done(host)  # the first page waits the Crawl-delay after robots.txt too
        host.robots = parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this client fetch `url` (fetching robots.txt on first use)."""
        if not self.policy.robots:
            return True
        host = self._host(url)
        if host.robots is None:
            self._load_robots(url, host)
        if host.robots_error is not None:
            return False
        return host.robots.can_fetch(self.policy.user_agent, url)

    # -- one request --------------------------------------------------------------------------
    def _request(self, url: str, host: _Host, max_bytes: int, *, truncate: bool = False) -> Response:
        """One GET, no redirect following, with retries; the body streamed up to `max_bytes`."""
        import urllib3

        attempt = 0
        while True:
            self._wait_turn(host)
            try:
                response = self._pool.request("GET", url, preload_content=False, redirect=False)
            except urllib3.exceptions.HTTPError as err:
                self._done(host)
                if attempt < self.policy.retries:
                    attempt += 1
                    self._sleep(self._backoff(attempt, None))
                    continue
                raise SourceError(f"{url}: {_reason(err)} (after {attempt + 1} attempts)",
                                  hint="check the URL, or raise --timeout/--retries") from None
            retry = response.status in RETRY_STATUSES and attempt < self.policy.retries
            complete = False
            try:
                body = b"" if retry else self._read(url, response, max_bytes, truncate)
                complete = not retry
            finally:
                # a body read to its end leaves the connection reusable; anything else closes it
                response.release_conn() if complete else response.close()
                self._done(host)
            if retry:
                attempt += 1
                self._sleep(self._backoff(attempt, response.headers.get("Retry-After")))
                continue
            return Response(
                url=url,
                final_url=url,
                status=response.status,
                content_type=response.headers.get("Content-Type", ""),
                body=body,
                fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                location=response.headers.get("Location"),
            )

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        wait = self.policy.backoff * 2 ** (attempt - 1)
        if retry_after and retry_after.strip().isdigit():
            wait = max(wait, float(retry_after))
        return min(wait, self.policy.max_backoff)

    def _read(self, url: str, response, max_bytes: int, truncate: bool) -> bytes:
        import urllib3

        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes and not truncate:
            raise SourceError(f"{url}: body of {int(declared):,} bytes is over the {max_bytes:,}-byte limit",
                              hint="raise --max-bytes if this page is really an article")
        started = self._clock()
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                chunk = response.read1(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    if truncate:
                        chunks.append(chunk[: len(chunk) - (size - max_bytes)])
                        break
                    raise SourceError(f"{url}: body over the {max_bytes:,}-byte limit (download stopped)",
                                      hint="raise --max-bytes if this page is really an article")
                chunks.append(chunk)
                if self._clock() - started > self.policy.deadline:
                    raise SourceError(f"{url}: download slower than the {self.policy.deadline:g}-second deadline",
                                      hint="raise --timeout if the site is just slow")
        except urllib3.exceptions.HTTPError as err:
            raise SourceError(f"{url}: {_reason(err)} while reading the body") from None
        return b"".join(chunks)

    # -- the public call ----------------------------------------------------------------------
    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES) -> Response:
        """Download `url` following redirects; `SourceError` says why when it cannot.

        Only 2xx responses whose Content-Type is in `accept` (or missing) are returned."""
        requested = url = check_url(url)
        for _ in range(self.policy.max_redirects + 1):
            if not self.allowed(url):
                reason = self._host(url).robots_error or "disallowed by robots.txt"
                raise SourceError(f"{url}: {reason}", hint="the site asks crawlers not to fetch this page")
            response = self._request(url, self._host(url), self.policy.max_bytes)
            if response.status in REDIRECTS:
                location = response.location
                if not location:
                    raise SourceError(f"{url}: HTTP {response.status} without a Location header")
                url = check_url(urljoin(url, location))
                continue
            if not 200 <= response.status < 300:
                raise SourceError(f"{url}: HTTP {response.status}",
                                  hint="the page is missing or refused; check the URL in a browser")
            media = response.content_type.split(";")[0].strip().lower()
            if media and media not in accept:
                raise SourceError(f"{url}: content type {media!r} is not one of {', '.join(accept)}")
            return Response(url=requested, final_url=url, status=response.status,
                            content_type=response.content_type, body=response.body,
                            fetched_at=response.fetched_at)
        raise SourceError(f"{requested}: more than {self.policy.max_redirects} redirects")


def _reason(err: Exception) -> str:
    """A urllib3 error as a short phrase (its messages repeat the pool and URL)."""
    import urllib3

    if isinstance(err, urllib3.exceptions.MaxRetryError) and err.reason is not None:
        err = err.reason
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2: asked first, so a
    # refused connection or an unknown host is not reported as a time-out
    if isinstance(err, urllib3.exceptions.NameResolutionError):
        return "host name not found"
    if isinstance(err, urllib3.exceptions.NewConnectionError):
        text = str(err).lower()
        if "refused" in text:
            return "connection refused"
        if "unreachable" in text:
            return "network unreachable"
        if "timed out" in text:
            return "connection timed out"
        return "cannot connect"
    if isinstance(err, urllib3.exceptions.ConnectTimeoutError):
        return "connection timed out"
    if isinstance(err, urllib3.exceptions.ReadTimeoutError):
        return "no answer within the read timeout"
    if isinstance(err, urllib3.exceptions.LocationValueError):
        return "not a valid URL"
    if isinstance(err, urllib3.exceptions.ProtocolError):
        return "connection broken"
    return type(err).__name__
