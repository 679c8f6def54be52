"""Plain-text articles: one file, one document, `id` = the file name without its extension."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from partnergraph.errors import SourceError
from partnergraph.models import RawDocument

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A release is a few KB (the dev and unlabeled articles are all under 20 KB); a file over
# 8 MB is a dump or a mistake, so it is refused with a message instead of tying up a batch.
MAX_BYTES = 8 * 1024 * 1024
# Share of NUL/control bytes in the first 8 KB above which a file is not text.
BINARY_SHARE = 0.10
_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes → text: UTF-8 (with or without BOM), else UTF-16 by BOM, else GB18030 when it
    decodes cleanly (Chinese pages), else UTF-8 with replacement and a warning."""
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if head and (b"\x00" in head or controls / len(head) > BINARY_SHARE):
        raise SourceError(f"{source}: binary file, not text", hint="give text, HTML, WARC or JSONL files")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        first_bad = err.start
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = ""
    # GB18030 decodes many byte strings; trust it only when the result reads as Chinese
    if gb and len(_HAN.findall(gb[:4000])) >= 0.2 * len(gb[:4000].strip()):
        return gb, [f"decoded as GB18030 (not valid UTF-8 at byte {first_bad})"]
    return data.decode("utf-8", errors="replace"), [
        f"invalid UTF-8 at byte {first_bad}: undecodable bytes replaced with U+FFFD"
    ]


def read_text_file(path: Path) -> Iterator[RawDocument]:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(
            f"{path}: {size:,} bytes is over the {MAX_BYTES:,}-byte limit for one article",
            hint="split it into one file per article, or give it as JSON Lines",
        )
    yield from read_text_bytes(path.read_bytes(), str(path), path.stem)


def read_text_bytes(data: bytes, source: str, doc_id: str) -> Iterator[RawDocument]:
    """One article from its bytes (what a Spark executor or a download holds): same checks
    and decoding as a file; `source` names it in messages."""
    if len(data) > MAX_BYTES:
        raise SourceError(
            f"{source}: {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit for one article",
            hint="split it into one file per article, or give it as JSON Lines",
        )
    if not data.strip():
        raise SourceError(f"{source}: empty file")
    text, warnings = decode(data, source)
    if not text.strip():
        raise SourceError(f"{source}: no text")
    yield RawDocument(id=doc_id, source=source, text=text, warnings=warnings)
