"""JSON Lines for pipelines: one `{"id", "url", "text" | "html", "published"}` per line.

Lines are streamed, so a file of a million pages is read in constant memory; a bad line is
reported with its line number and the rest of the file is still read. `write_jsonl` writes
the same shape, so downloaded pages are kept as a file `extract` and `ingest` read back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from pydantic import ValidationError

from partnergraph.dates import normalize_published
from partnergraph.models import RawDocument, SourceFailure

# One line is one page; 16 MB matches the HTML file limit and bounds memory per line.
MAX_LINE_BYTES = 16 * 1024 * 1024
# Keys a line may carry; others (pipeline bookkeeping) are ignored.
FIELDS = ("id", "url", "text", "html", "published", "title", "lang", "fetched_at", "source")
CHUNK = 1024 * 1024


def _lines(f: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line over the size limit (skipped in chunks)."""
    number = 0
    while True:
        line = f.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # drop the rest of the oversized line without holding it
                rest = f.readline(CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def _record(obj: object, source: str, stem: str, number: int) -> RawDocument:
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    fields = {k: obj[k] for k in FIELDS if obj.get(k) is not None}
    if "id" in fields and not isinstance(fields["id"], str):
        fields["id"] = str(fields["id"])
    fields.setdefault("id", f"{stem}-{number}")
    fields.setdefault("source", f"{source}:{number}")
    if isinstance(fields.get("published"), str):
        fields["published"], warnings = normalize_published(fields["published"])
        fields["warnings"] = warnings
    if not (isinstance(fields.get("text"), str) and fields["text"].strip()) and not (
        isinstance(fields.get("html"), str) and fields["html"].strip()
    ):
        raise ValueError('needs a non-empty "text" or "html" string')
    return RawDocument(**fields)


def read_jsonl_file(path: Path) -> Iterator[RawDocument | SourceFailure]:
    """Every good line as a raw document, every bad one as a failure naming its line."""
    with path.open("rb") as f:
        yield from read_jsonl_stream(f, str(path))


def read_jsonl_stream(f: BinaryIO, source: str) -> Iterator[RawDocument | SourceFailure]:
    """`read_jsonl_file` over an open binary stream (a Spark executor's bytes in a BytesIO,
    an S3 object); `source` names it ("dir/pages.jsonl"), ids default to its stem-line."""
    stem = PurePosixPath(source).stem or "jsonl"
    for number, line in _lines(f):
        where = f"{source}:{number}"
        if line is None:
            yield SourceFailure(source=where, reason=f"line over the {MAX_LINE_BYTES:,}-byte limit")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as err:
            yield SourceFailure(source=where, reason=f"not UTF-8 (byte {err.start} of the line)")
            continue
        except json.JSONDecodeError as err:
            yield SourceFailure(source=where, reason=f"invalid JSON: {err.msg} at column {err.colno}")
            continue
        except RecursionError:
            yield SourceFailure(source=where, reason="invalid JSON: nested too deeply")
            continue
        except ValueError as err:  # an integer of more than 4,300 digits (int parsing limit)
            yield SourceFailure(source=where, reason=f"invalid JSON: {str(err).split(':')[0]}")
            continue
        try:
            yield _record(obj, source, stem, number)
        except ValidationError as err:
            first = err.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            yield SourceFailure(source=where, reason=f"bad field {field!r}: {first['msg']}")
        except ValueError as err:
            yield SourceFailure(source=where, reason=str(err))


def write_jsonl(
    items: Iterable[RawDocument | SourceFailure], path: Path
) -> Iterator[RawDocument | SourceFailure]:
    """Pass `items` through, writing each document to `path` as one line (flushed per line,
    so an interrupted download keeps what it fetched)."""
    with path.open("w", encoding="utf-8") as out:
        for item in items:
            if isinstance(item, RawDocument):
                out.write(item.model_dump_json(exclude_defaults=True) + "\n")
                out.flush()
            yield item
