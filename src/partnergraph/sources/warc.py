"""WARC and WARC.gz files (Common Crawl style), streamed record by record.

Only HTML responses become documents, with their target URL and crawl date; requests,
metadata, redirects and images are skipped and counted. Crawls arrive truncated (an
interrupted download) or damaged, so a broken archive yields every record read before the
break and then one failure saying at which byte it broke.

Reader: warcio. fastwarc reads raw records about 6x faster (bench/bench_sources.py, 1,000
pages, CPU time: 64,000 vs 12,000 records/s), but main-text extraction runs at about 330
pages/s, so reading is under 3% of the time with either, and warcio reports record offsets
and lengths, which is how a gzip truncation (silent in both libraries) is found.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources.html import charset_from_header, decode_html
from partnergraph.sources.ids import url_id
from partnergraph.sources.skips import Skipped

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Common Crawl truncates payloads at 1 MiB; other crawlers do not, and a page over 16 MB
# is not a release (same cap as HTML files).
MAX_PAYLOAD = 16 * 1024 * 1024
# After the last record a well-formed archive has at most a few CRLFs.
TAIL_SLACK = 64
# A WARC or HTTP header line is under a few KB; warcio reads a line until it finds a newline,
# so a file without one (a gzip of zeros) would be read whole into memory.
MAX_LINE = 64 * 1024
# Crawled HTML gzips 4-10x; past this ratio (plus a start allowance) the file is a
# decompression bomb, whose reading is stopped instead of running for minutes.
MAX_RATIO = 100
RATIO_ALLOWANCE = 64 * 1024 * 1024
READ_CHUNK = 64 * 1024


class ArchiveBomb(ValueError):
    """A WARC that would take unbounded memory or time to read."""


def _bounded_reader(fh):
    """warcio's reader with the two bounds above: lines capped at `MAX_LINE`, and what is
    decompressed capped at `MAX_RATIO` times what was read (one 16 KB block at most inflates
    to 16 MB, so memory stays bounded whatever the file declares)."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class BoundedReader(DecompressingBufferedReader):
        inflated = 0

        def _process_read(self, data):
            super()._process_read(data)
            if data and self.decompressor is not None:
                self.inflated += self.buff_size
                if self.inflated > MAX_RATIO * self.stream.tell() + RATIO_ALLOWANCE:
                    raise ArchiveBomb(f"decompresses to over {MAX_RATIO}x its size: a decompression bomb")

        def readline(self, length=None):
            cap = MAX_LINE if length is None else min(length, MAX_LINE)
            parts, got = [], 0
            while got < cap:
                self._fillbuff()
                if self.empty():
                    break
                piece = self.buff.readline(cap - got)
                parts.append(piece)
                got += len(piece)
                if piece.endswith(b"\n"):
                    break
            line = b"".join(parts)
            if got >= MAX_LINE and not line.endswith(b"\n"):
                raise ArchiveBomb(f"a line of over {MAX_LINE:,} bytes where a header belongs: not a WARC")
            return line

    return BoundedReader(fh)


def _skip_reason(record) -> str | None:
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    http = record.http_headers
    if http is None:
        return "response without HTTP headers"
    status = http.get_statuscode() or ""
    if status != "200":
        return "HTTP status not 200"
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return "not HTML"
    return None


def _document(record, path: str, stem: str) -> RawDocument | Skipped | SourceFailure:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{path}:{url or record.rec_headers.get_header('WARC-Record-ID')}"
    reason = _skip_reason(record)
    if reason is not None:
        return Skipped(source=where, reason=reason)
    body = record.content_stream().read(MAX_PAYLOAD + 1)
    if len(body) > MAX_PAYLOAD:
        return SourceFailure(source=where, reason=f"payload over the {MAX_PAYLOAD:,}-byte limit")
    if not body.strip():
        return Skipped(source=where, reason="empty body")
    declared = charset_from_header(record.http_headers.get_header("Content-Type"))
    try:
        html, warnings = decode_html(body, where, declared)
    except Exception as err:  # a binary body labelled text/html
        return SourceFailure(source=where, reason=getattr(err, "message", str(err)))
    return RawDocument(
        id=url_id(url) if url else f"{stem}-{record.rec_headers.get_header('WARC-Record-ID')}",
        url=url or None,
        source=path,
        html=html,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
        warnings=warnings,
    )


def _tail_is_clean(f: BinaryIO, end: int, size: int | None) -> bool:
    """Whether nothing but a few blank bytes follows the last record. A stream that cannot
    seek is judged by what is left to read in it (at most TAIL_SLACK + 1 bytes are read)."""
    if size is None and f.seekable():
        size = f.seek(0, 2)
    if size is not None and size - end > TAIL_SLACK:
        return False
    if f.seekable():
        f.seek(end)
        return not f.read(TAIL_SLACK + 1).strip()
    return True


class _Discard:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def _quiet():
    """warcio prints what it meets in a damaged archive ("Record not followed by newline",
    with up to a line of the record) straight to stderr; the failure we report says it once.
    Used around warcio calls only, never across a yield."""
    import contextlib

    return contextlib.redirect_stderr(_Discard())


def read_warc_file(path: Path) -> Iterator[RawDocument | Skipped | SourceFailure]:
    """HTML responses of a WARC as raw documents; a break ends the file with one failure."""
    with path.open("rb") as f:
        yield from read_warc_stream(f, str(path), path.stat().st_size)


def read_warc_stream(f: BinaryIO, source: str,
                     size: int | None = None) -> Iterator[RawDocument | Skipped | SourceFailure]:
    """`read_warc_file` over an open binary stream: a file, a Spark executor's bytes in a
    BytesIO, an object store's body. `source` names it; `size` (when known) lets a damaged
    tail be told from a clean end."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = 0
    end = 0
    stem = PurePosixPath(source).stem  # ids as a file's (Path.stem) for records without a URL
    iterator = ArchiveIterator(f)
    iterator.reader = _bounded_reader(iterator.fh)  # nothing was read yet
    records_iter = iter(iterator)
    try:
        while True:
            with _quiet():
                record = next(records_iter, None)
            if record is None:
                break
            if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                # warcio yields a record whose header was cut off by the end of the file
                yield SourceFailure(
                    source=source,
                    reason=f"archive truncated, or not a WARC: a record header after byte {end:,} "
                    f"has no Content-Length ({records} complete records read and kept)",
                )
                return
            with _quiet():
                item = _document(record, source, stem)
                while record.raw_stream.read(READ_CHUNK):  # consume the rest (in bounded memory)
                    pass  # so the record's length is known
                # (warcio's offset calls read the record to its end: ask only after the payload)
                offset = iterator.get_record_offset()
                length = iterator.get_record_length()
            if getattr(record.raw_stream, "limit", 0):  # the file ended inside this record
                yield SourceFailure(
                    source=source,
                    reason=f"archive truncated inside the record at byte {offset:,} "
                    f"({records} complete records read and kept)",
                )
                return
            if length is not None:
                end = offset + length
            records += 1
            yield item
    except ArchiveBomb as err:
        yield SourceFailure(source=source, reason=f"{err} (after byte {end:,}; {records} records read and kept)")
        return
    except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, TypeError,
            AttributeError, IndexError, KeyError, UnicodeError, OverflowError) as err:
        # warcio meets damage as whatever its parser trips on; all mean "broken here"
        message = str(err).splitlines()[0][:120] if str(err) else type(err).__name__
        yield SourceFailure(
            source=source,
            reason=f"archive broken after byte {end:,} ({records} records read and kept): {message}",
        )
        return
    if not _tail_is_clean(f, end, size):
        of = f" of {size:,}" if size is not None else ""
        yield SourceFailure(
            source=source,
            reason=f"archive truncated or corrupt after byte {end:,}{of} "
            f"({records} complete records read and kept)",
        )
