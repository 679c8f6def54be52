"""Stage 1: where the bytes come from → `RawDocument` (or a `SourceFailure`, never an exception).

`iter_sources` walks files and folders and dispatches on the suffix (or `input_format`);
one unreadable file is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from partnergraph.errors import SourceError
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources.text import read_text_file

TEXT_SUFFIXES = {".txt", ".md", ".text"}
READERS = {"text": read_text_file}
SUFFIX_FORMAT = {s: "text" for s in TEXT_SUFFIXES}


def _expand(paths: Iterable[str | Path], input_format: str | None) -> Iterator[Path | SourceFailure]:
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file())
            for f in files:
                if input_format or _format_of(f):
                    yield f
        elif p.is_file():
            yield p
        else:
            yield SourceFailure(source=str(p), reason="no such file or folder")


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix, fmt in sorted(SUFFIX_FORMAT.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return fmt
    return None


def iter_sources(
    paths: Iterable[str | Path], input_format: str | None = None
) -> Iterator[RawDocument | SourceFailure]:
    """Every document in `paths` (files or folders, read recursively), in a stable order."""
    if input_format is not None and input_format not in READERS:
        raise SourceError(
            f"unknown input format {input_format!r}",
            hint=f"use one of: {', '.join(sorted(READERS))}",
        )
    for item in _expand(paths, input_format):
        if isinstance(item, SourceFailure):
            yield item
            continue
        fmt = input_format or _format_of(item) or "text"
        try:
            yield from READERS[fmt](item)
        except SourceError as err:
            yield SourceFailure(source=str(item), reason=err.message)
        except OSError as err:
            yield SourceFailure(source=str(item), reason=f"cannot read: {err.strerror or err}")
