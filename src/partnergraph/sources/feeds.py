"""RSS and Atom feeds (files, or bytes the `feed` command downloaded): one item, one document.

feedparser reads every RSS/Atom dialect and survives malformed feeds; an item's own date is
the publication date (more reliable than one guessed from the page), its content or summary
the HTML. `partnergraph feed` follows each item's link for the full page and keeps these
fields; a feed file on disk is read as is, without the network.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path

from partnergraph.errors import SourceError
from partnergraph.models import RawDocument
from partnergraph.sources.ids import url_id
from partnergraph.sources.skips import Skipped

FEED_SUFFIXES = (".rss", ".atom", ".xml")
# A news feed is tens of KB; a few MB is a feed that inlines full articles.
MAX_BYTES = 32 * 1024 * 1024


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"


def _body(entry) -> tuple[str | None, str | None]:
    """(html, text): the fullest content the item carries, as HTML or plain text."""
    parts = list(entry.get("content") or [])
    if entry.get("summary"):
        parts.append({"value": entry["summary"], "type": (entry.get("summary_detail") or {}).get("type")})
    if not parts:
        return None, None
    best = max(parts, key=lambda p: len(p.get("value") or ""))
    value = best.get("value") or ""
    if not value.strip():
        return None, None
    if (best.get("type") or "text/html") == "text/plain":
        return None, value
    return value, None


def parse_feed(data: bytes, source: str) -> list[RawDocument]:
    """The items of a feed as raw documents; `SourceError` when the bytes are not a feed."""
    import feedparser

    # bytes in a BytesIO: feedparser never treats them as a URL to fetch
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        raise SourceError(
            f"{source}: no feed items" + (f" ({why})" if why else ""),
            hint="give an RSS or Atom feed; HTML pages go in as .html files or through `partnergraph fetch`",
        )
    documents = []
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link") or None
        html, text = _body(entry)
        title = (entry.get("title") or "").strip() or None
        if html is None and text is None:
            text = title  # a headline-only item still names who did what
        documents.append(
            RawDocument(
                id=url_id(link) if link else f"{Path(source).stem}-{n}",
                url=link,
                source=source,
                html=html,
                text=text,
                title=title,
                published=_date(entry),
            )
        )
    return documents


def read_feed_file(path: Path) -> Iterator[RawDocument | Skipped]:
    """Every item of an RSS/Atom file on disk, in feed order.

    ".xml" is also sitemaps, configs and exports: one that holds no feed items is skipped
    (and counted); a ".rss"/".atom" file without items is a failure."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for a feed")
    yield from read_feed_bytes(path.read_bytes(), str(path))


def read_feed_bytes(data: bytes, source: str) -> Iterator[RawDocument | Skipped]:
    """`read_feed_file` on bytes already read; `source` is the file's name or path."""
    if len(data) > MAX_BYTES:
        raise SourceError(f"{source}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for a feed")
    try:
        yield from parse_feed(data, source)
    except SourceError:
        if not source.lower().endswith(".xml"):
            raise
        yield Skipped(source=source, reason="XML file that is not a feed")
