"""HTML files and folders: one page, one `RawDocument` carrying the HTML for stage 2.

Bytes become text by the charset the HTTP header or the page itself declares (Chinese sites
still serve GBK), then by the same rules as text files; main-text extraction happens later,
in `documents.html`, so a source only reads.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from partnergraph.errors import SourceError
from partnergraph.models import RawDocument
from partnergraph.sources.text import decode

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# Release pages are tens of KB. Extraction accepts 4 Mi characters (documents.html), which
# is up to 12 MB of UTF-8 Chinese: 16 MB reads every page extraction could use.
MAX_BYTES = 16 * 1024 * 1024
# Browsers look for <meta charset> in the first 1,024 bytes; pages in the wild put it
# after long comments, so look a little further.
SNIFF_BYTES = 4096
# One `\s*` between "=" and the name: two in a row (around an optional quote) would try every
# split of a long run of spaces, quadratic on a hostile header.
_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=[\"'\s]{0,8}([A-Za-z0-9_.:-]{1,40})", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=[\"'\s]{0,8}([A-Za-z0-9_.:-]{1,40})", re.I)
# Labels that name a subset of a wider encoding: decode with the wider one, as browsers do.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252",
              "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "big5": "big5hkscs"}


# (UTF-7 too: browsers refuse it, since it smuggles markup past filters)
_NOT_PAGE_CODECS = frozenset({"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape",
                              "utf-7"})


def charset_from_header(content_type: str | None) -> str | None:
    """The charset of a Content-Type header value, if it names one."""
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # rot13, base64, hex, zlib, bz2, uu name codecs that are not text encodings, and Python's
    # own escapes and host-name codecs are no web page's: a page declaring one declares nothing
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return info.name


def decode_html(data: bytes, source: str, declared: str | None = None) -> tuple[str, list[str]]:
    """Bytes of a page → text: UTF-8 when they are valid UTF-8, else the declared charset
    (HTTP), else the page's <meta>, else the text-file rules (GB18030 when it reads as Chinese)."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, source)  # a BOM outranks any declaration, as in browsers
    try:
        # bytes that decode as UTF-8 are UTF-8 whatever the label says (servers still send a
        # stale ISO-8859-1 default; legacy encodings almost never form valid UTF-8 by chance)
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[:SNIFF_BYTES])
    warnings: list[str] = []
    for label in (declared, meta.group(1).decode("ascii", "replace") if meta else None):
        codec = _codec(label)
        if codec is None:
            if label:
                warnings.append(f"unknown charset {label!r} ignored")
            continue
        try:
            return data.decode(codec), warnings
        except UnicodeDecodeError as err:
            warnings.append(f"declared charset {label!r} does not fit the bytes (byte {err.start})")
        except (UnicodeError, ValueError):  # a codec that fails in its own way
            warnings.append(f"declared charset {label!r} does not fit the bytes")
    text, more = decode(data, source)
    return text, warnings + more


def read_html_file(path: Path) -> Iterator[RawDocument]:
    """One HTML file → one raw document (id = file name without extension)."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for one page")
    yield from read_html_bytes(path.read_bytes(), str(path), path.stem)


def read_html_bytes(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument]:
    """One page from its bytes; `source` names it in messages and in the document."""
    if len(data) > MAX_BYTES:
        raise SourceError(f"{source}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one page")
    if not data.strip():
        raise SourceError(f"{source}: empty file")
    html, warnings = decode_html(data, source)
    yield RawDocument(id=doc_id, source=source, html=html, warnings=warnings)
