"""Batch extraction over sources: every input yields a result or a reported failure.

One bad file (or one document a backend chokes on) never stops the batch; a progress bar
appears on stderr once a batch is longer than a handful of documents.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from partnergraph.documents import prepare_raw
from partnergraph.errors import PartnergraphError
from partnergraph.extraction.backend import Backend
from partnergraph.models import Extraction, RawDocument, SourceFailure
from partnergraph.pipeline import process_document
from partnergraph.sources import SourceStats, iter_sources

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Result:
    extraction: Extraction | None = None
    failure: SourceFailure | None = None
    raw: RawDocument | None = None


def process_raw(raw: RawDocument, backend: Backend, published: str | None = None) -> Result:
    """One raw document → a `Result`; any error becomes a failure naming the document.
    `published`: the publication date of a document that gives none (relative dates in it
    resolve against it)."""
    try:
        document = prepare_raw(raw)
        if published and document.published is None:
            document = document.model_copy(update={"published": published})
        return Result(extraction=process_document(document, backend), raw=raw)
    except PartnergraphError as err:
        return Result(failure=SourceFailure(source=raw.source or raw.id, reason=err.message), raw=raw)
    except Exception as err:  # a backend bug must not lose the rest of the batch
        log.exception("extraction failed on %s", raw.source or raw.id)
        reason = f"extraction failed: {type(err).__name__}: {err}"
        return Result(failure=SourceFailure(source=raw.source or raw.id, reason=reason), raw=raw)


def extract_all(
    paths: Iterable[str | Path],
    backend: Backend,
    *,
    input_format: str | None = None,
    progress_min: int | None = None,
    relevance: bool | None = None,
    stats: SourceStats | None = None,
    published: str | None = None,
) -> Iterator[Result]:
    """Extract every document under `paths`, streaming results in input order.

    `relevance` and `stats` go to `iter_sources`: None filters only web inputs (pages that
    cannot report cooperation), True every input, False none; skips are counted in `stats`.
    `published` dates the documents that give no date of their own.
    """
    results = (
        Result(failure=item) if isinstance(item, SourceFailure) else process_raw(item, backend, published)
        for item in iter_sources(paths, input_format, relevance=relevance, stats=stats)
    )
    if progress_min is None:
        yield from results
    else:
        yield from with_progress(results, progress_min)


def check_published(value: str | None) -> str | None:
    """A `--published` value: an ISO date (YYYY-MM-DD), else a ConfigError."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat() if len(value) == 10 else _bad(value)
    except ValueError:
        return _bad(value)


def _bad(value: str):
    from partnergraph.errors import ConfigError

    raise ConfigError(f"--published {value!r} is not a date",
                      hint="write the publication date as YYYY-MM-DD, e.g. --published 2024-03-08")


def with_progress(items: Iterable, progress_min: int) -> Iterator:
    """`items` unchanged, with a document counter on stderr once there are more than
    `progress_min` of them (a bar for a handful of files is noise)."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = task = None
    try:
        for done, item in enumerate(items, start=1):
            yield item
            if progress is None and done > progress_min:
                progress = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                    TimeElapsedColumn(), console=Console(stderr=True),
                                    transient=True)
                progress.start()
                task = progress.add_task("documents", total=None, completed=done)
            elif progress is not None:
                progress.update(task, completed=done)
    finally:
        if progress is not None:
            progress.stop()
