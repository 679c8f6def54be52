"""Pages and feeds from the network → `RawDocument`s, for `partnergraph fetch` and `feed`.

The polite part (robots.txt, pacing, caps) is `sources.fetch.Fetcher`; this module decides
the order: URLs are taken host by host in turn, always from the host whose pause ends first,
so a list mixing many sites is not slowed to one site's pace. Documents therefore arrive in
fetch order, not list order. Each URL yields a document or a failure naming it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from urllib.parse import urlsplit

from partnergraph.errors import SourceError
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources.feeds import MAX_BYTES as FEED_MAX_BYTES
from partnergraph.sources.feeds import parse_feed
from partnergraph.sources.fetch import FEED_TYPES, Fetcher, Response, check_url
from partnergraph.sources.html import charset_from_header, decode_html
from partnergraph.sources.ids import url_id


def read_url_list(path: Path) -> Iterator[str | SourceFailure]:
    """The URLs of a list file: one per line; blank lines and `#` comments skipped."""
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(f"{path}: cannot read the URL list ({err})",
                          hint="give a UTF-8 text file, one URL a line") from None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            yield check_url(line)
        except SourceError as err:
            yield SourceFailure(source=f"{path}:{number}", reason=err.message)


def _page(response: Response, *, id: str, source: str, title: str | None = None,
          published: str | None = None) -> RawDocument:
    html, warnings = decode_html(response.body, response.final_url,
                                 charset_from_header(response.content_type))
    return RawDocument(id=id, url=response.final_url, source=source, html=html, title=title,
                       published=published, fetched_at=response.fetched_at, warnings=warnings)


def _by_host(urls: Iterable[str]) -> OrderedDict[str, deque[str]]:
    queues: OrderedDict[str, deque[str]] = OrderedDict()
    for url in urls:
        host = url.split("://", 1)[-1].split("/", 1)[0].lower()
        queues.setdefault(host, deque()).append(url)
    return queues


def fetch_pages(urls: Iterable[str | SourceFailure], fetcher: Fetcher) -> Iterator[RawDocument | SourceFailure]:
    """Download every page, hosts in turn (whichever may be asked soonest goes next)."""
    good: list[str] = []
    for url in urls:
        if isinstance(url, SourceFailure):
            yield url
        else:
            good.append(url)
    queues = _by_host(dict.fromkeys(good))  # each URL once, first occurrence's order
    while queues:
        host = min(queues, key=lambda h: fetcher.ready_at(queues[h][0]))
        url = queues[host].popleft()
        if not queues[host]:
            del queues[host]
        try:
            yield _page(fetcher.get(url), id=url_id(url), source=url)
        except SourceError as err:
            # the fetcher names the URL in its message; the failure names it once, in `source`
            yield SourceFailure(source=url, reason=err.message.removeprefix(f"{url}: "))
        except Exception as err:  # noqa: BLE001 - one URL's surprise must not end the run
            yield SourceFailure(source=url, reason=f"cannot fetch: {type(err).__name__}: {str(err)[:200]}")


def _feed_bytes(feed: str, fetcher: Fetcher) -> tuple[bytes, str]:
    path = Path(feed)
    if path.is_file():
        if path.stat().st_size > FEED_MAX_BYTES:
            raise SourceError(f"{path}: over the {FEED_MAX_BYTES:,}-byte limit for a feed")
        return path.read_bytes(), str(path)
    if "://" not in feed:
        raise SourceError(f"{feed}: no such file, and not a URL", hint="give a feed URL (https://…) or a feed file")
    response = fetcher.get(feed, accept=FEED_TYPES + ("text/html", "text/plain"))
    return response.body, response.final_url


def _private(url: str) -> bool:
    """Whether `url`'s host is an address on this machine or a private network."""
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False  # unresolvable: the download will fail and say so
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
            return True
    return False


def fetch_feed(feed: str, fetcher: Fetcher, *, follow: bool = True) -> Iterator[RawDocument | SourceFailure]:
    """The items of an RSS/Atom feed (URL or file); with `follow`, each item's full page.

    An item keeps the feed's title and date; when its page cannot be fetched (404, robots.txt,
    a private host) the item is a failure, never replaced by the feed's summary of it. A feed read from the internet may not send
    the crawler into a private network (its links to such hosts are not followed); a feed from
    a file or a private host may."""
    data, source = _feed_bytes(feed, fetcher)
    items = parse_feed(data, source)
    if not follow:
        yield from items
        return
    guard = "://" in source and not _private(source)
    by_url = {item.url.strip(): item for item in items if item.url}
    for item in items:
        if not item.url:
            yield item
    blocked = [u for u in by_url if guard and _is_http(u) and _private(u)]
    refused = [SourceFailure(source=u, reason="a feed from the internet links into a private network; "
                             "not followed") for u in blocked]
    pages = chain(refused, fetch_pages([check_url(u) for u in by_url if _is_http(u) and u not in blocked],
                                       fetcher))
    for page in pages:
        item = by_url.get(page.source)
        if item is None:  # a failure for a URL that is not an item (cannot happen) or a skip
            yield page
            continue
        if isinstance(page, RawDocument):
            yield page.model_copy(update={"id": item.id, "source": source, "title": item.title,
                                          "published": item.published})
        else:
            # a 404, a robots.txt refusal, a private host: the item failed. Its summary in
            # the feed is not the article (a teaser, a cut paragraph) and never stands in for it
            yield page
    for url, item in by_url.items():
        if not _is_http(url):
            yield item


def _is_http(url: str) -> bool:
    try:
        check_url(url)
    except SourceError:
        return False
    return True
