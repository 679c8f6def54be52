"""Stage 1: where the bytes come from → `RawDocument` (or a `SourceFailure`, never an exception).

`iter_sources` walks files and folders and dispatches on the suffix (or `input_format`):
text, HTML, WARC, JSON Lines and RSS/Atom feeds. One unreadable file is reported and the
batch goes on. Records left out on purpose (a WARC's request records, a folder's images) are
not failures: they are counted in an optional `SourceStats`. Which documents are worth
extracting is the next stage's question (`pipeline.read_documents`), not this one's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from partnergraph.errors import SourceError
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources.feeds import FEED_SUFFIXES, read_feed_bytes, read_feed_file
from partnergraph.sources.html import HTML_SUFFIXES, read_html_bytes, read_html_file
from partnergraph.sources.jsonl import read_jsonl_file, read_jsonl_stream
from partnergraph.sources.skips import Skipped, SourceStats
from partnergraph.sources.text import read_text_bytes, read_text_file
from partnergraph.sources.warc import WARC_SUFFIXES, read_warc_file, read_warc_stream

__all__ = ["READERS", "SUFFIX_FORMAT", "WEB_FORMATS", "FileEnd", "FileStart", "SourceStats",
           "expected_id", "format_of", "iter_sources", "read_bytes", "read_one", "tally"]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".text"}
READERS = {
    "text": read_text_file,
    "html": read_html_file,
    "warc": read_warc_file,
    "jsonl": read_jsonl_file,
    "feed": read_feed_file,
}
SUFFIX_FORMAT = {
    **{s: "text" for s in TEXT_SUFFIXES},
    **{s: "html" for s in HTML_SUFFIXES},
    **{s: "warc" for s in WARC_SUFFIXES},
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    **{s: "feed" for s in FEED_SUFFIXES},
}
# longest first, so the first that a name ends with is the one that counts (".warc.gz", not
# ".gz"); sorted once: `format_of` and `file_id` run for every file ingest meets
_SUFFIXES = tuple(sorted(SUFFIX_FORMAT, key=len, reverse=True))
# Formats the relevance filter (`pipeline.relevant_documents`) applies to unless told
# otherwise: web inputs, where most pages are about something else. Text files are articles
# someone chose, so they are kept.
WEB_FORMATS = frozenset({"html", "warc", "jsonl", "feed"})


def _expand(paths: Iterable[str | Path], input_format: str | None,
            stats: SourceStats | None = None) -> Iterator[tuple[Path, Path | None] | SourceFailure]:
    """(file, the folder it was found under or None) for every file under `paths`; a folder's
    files of no known type are counted in `stats` ("not an article file (.pdf)"), so an empty
    or unsupported folder is never silent."""
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file())
            for f in files:
                if input_format or _format_of(f):
                    yield f, p
                elif stats is not None:
                    stats.skip(f"not an article file ({f.suffix.lower() or 'no suffix'})")
        elif p.is_file():
            yield p, None
        else:
            yield SourceFailure(source=str(p), reason="no such file or folder")


# Formats whose file is one article: its id is its path under the folder given (en/001 and
# zh/001 are two articles), not its bare name.
ONE_DOCUMENT_FORMATS = frozenset({"text", "html"})


def file_id(path: Path, root: Path) -> str:
    """"en/001" for ROOT/en/001.txt: the path under the folder given, without the suffix."""
    rel = path.relative_to(root)
    return (rel.parent / rel.name[: len(rel.name) - len(_suffix_of(rel.name))]).as_posix()


def _suffix_of(name: str) -> str:
    lower = name.lower()
    return next((s for s in _SUFFIXES if lower.endswith(s)), None) or Path(name).suffix


def expected_id(path: Path, root: Path | None, fmt: str) -> str | None:
    """The id a one-document file's document gets (see `iter_sources`), known without reading
    it; None for containers (JSON Lines, WARC, feeds), whose records name themselves."""
    if fmt not in ONE_DOCUMENT_FORMATS:
        return None
    return file_id(path, root) if root is not None else path.stem


@dataclass(frozen=True, slots=True)
class FileStart:
    """Marks that what follows, up to its `FileEnd`, is read from one input file (`file_marks`),
    read as `format` (a key of `READERS`)."""

    source: str
    format: str | None = None


@dataclass(frozen=True, slots=True)
class FileEnd:
    """Marks that every document and failure of one input file was yielded (`file_marks`)."""

    source: str


# Called for each file before it is read: (path, the folder it was found under or None, its
# format) -> False to leave it unread (the caller accounts for it, e.g. as unchanged), True to
# read it, or its bytes when the caller read them already (a text or HTML file, not a container).
FileCheck = Callable[[Path, "Path | None", str], "bool | bytes"]


def _named_from(docs: Iterable, doc_id: str) -> Iterator:
    for d in docs:
        yield d.model_copy(update={"id": doc_id}) if isinstance(d, RawDocument) else d


def _format_of(path: Path) -> str | None:
    return format_of(path.name)


def format_of(name: str) -> str | None:
    """The input format a file name's suffix says ("a/b.warc.gz" → "warc"), or None."""
    name = name.rsplit("/", 1)[-1].lower()
    return next((SUFFIX_FORMAT[s] for s in _SUFFIXES if name.endswith(s)), None)


def tally(items: Iterable[RawDocument | SourceFailure | Skipped], stats: SourceStats
          ) -> Iterator[RawDocument | SourceFailure]:
    """Documents and failures passed on; what a reader skipped on purpose counted in `stats`."""
    for item in items:
        if isinstance(item, Skipped):
            stats.skip(item.reason)
            continue
        yield item


def iter_sources(
    paths: Iterable[str | Path],
    input_format: str | None = None,
    *,
    stats: SourceStats | None = None,
    read_file: FileCheck | None = None,
    file_marks: bool = False,
) -> Iterator[RawDocument | SourceFailure | FileStart | FileEnd]:
    """Every document in `paths` (files or folders, read recursively), in a stable order.

    `stats`, when given, counts what was skipped, by reason; a summary is also logged
    (WARNING) when anything was skipped and no `stats` was given. `read_file`, when given, is
    asked before each file is read (ingest leaves files it knows unchanged; it may answer with
    the file's bytes, read already, for a one-document format); `file_marks` puts
    what each file yields between a `FileStart` (naming the file's format) and a `FileEnd`.
    The relevance filter is the next stage: `pipeline.read_documents`.
    """
    if input_format is not None and input_format not in READERS:
        raise SourceError(
            f"unknown input format {input_format!r}",
            hint=f"use one of: {', '.join(sorted(READERS))}",
        )
    caller_counts = stats is not None  # a caller with its own stats reports them itself
    stats = stats if stats is not None else SourceStats()
    for found in _expand(paths, input_format, stats):
        if isinstance(found, SourceFailure):
            yield found
            continue
        item, root = found
        fmt = input_format or _format_of(item) or "text"
        check = read_file(item, root, fmt) if read_file is not None else True
        if check is False:
            continue
        # bytes: the file read already (ingest hashed them), read the same way as from the path
        docs = read_bytes(check, str(item), fmt, item.stem) if isinstance(check, bytes) else READERS[fmt](item)
        if root is not None and fmt in ONE_DOCUMENT_FORMATS:
            docs = _named_from(docs, file_id(item, root))
        if file_marks:
            yield FileStart(str(item), fmt)
        yield from read_one(str(item), docs, stats)
        if file_marks:
            yield FileEnd(str(item))
    if stats.skipped and not caller_counts:
        # WARNING, so a command line shows it without any logging set up: a page left out
        # must never be silent (a caller that passed `stats` prints them once, itself)
        log.warning("sources: %s", stats.summary())


def read_one(source: str, docs: Iterable[RawDocument | SourceFailure | Skipped], stats: SourceStats
             ) -> Iterator[RawDocument | SourceFailure]:
    """One input's documents, its skips counted, any error of its reader ending that input
    with one failure naming it: the guard every input passes, a file (`iter_sources`) or
    bytes a Spark executor holds (`read_bytes`)."""
    try:
        yield from tally(docs, stats)
    except SourceError as err:
        # readers name the file in their message (it also reaches callers that never
        # see a SourceFailure); the failure names it once, in `source`
        yield SourceFailure(source=source, reason=err.message.removeprefix(f"{source}: "))
    except OSError as err:
        yield SourceFailure(source=source, reason=f"cannot read: {err.strerror or err}")
    except Exception as err:  # noqa: BLE001 - a reader's bug or a library's limit must not end the batch
        log.debug("reading %s failed", source, exc_info=True)
        yield SourceFailure(source=source, reason=f"cannot read: {type(err).__name__}: {str(err)[:200]}")


def read_bytes(data: bytes, source: str, fmt: str, doc_id: str | None = None
               ) -> Iterator[RawDocument | SourceFailure | Skipped]:
    """The documents of one input given as bytes, in the format `fmt` (see `READERS`).

    `source` names it as a user spelled it ("crawl/a.warc.gz"); `doc_id` is the id of a
    one-document input (text, HTML; default: the name without its suffix, as for a file).
    Errors are raised as `read_one` expects them, so wrap the result in `read_one`."""
    import io
    from pathlib import PurePosixPath

    if fmt not in READERS:
        raise SourceError(f"unknown input format {fmt!r}", hint=f"use one of: {', '.join(sorted(READERS))}")
    doc_id = doc_id if doc_id is not None else PurePosixPath(source).stem
    if fmt == "text":
        return read_text_bytes(data, source, doc_id)
    if fmt == "html":
        return read_html_bytes(data, source, doc_id)
    if fmt == "warc":
        return read_warc_stream(io.BytesIO(data), source, len(data))
    if fmt == "jsonl":
        return read_jsonl_stream(io.BytesIO(data), source)
    return read_feed_bytes(data, source)
