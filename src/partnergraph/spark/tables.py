"""Reading back the tables the Spark job wrote (pyarrow only: no Spark needed to load them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from partnergraph.errors import ConfigError
from partnergraph.models import Extraction, SourceFailure
from partnergraph.spark.rows import extraction_of

COLUMNS = ["id", "source", "near_signature", "extraction"]
BATCH_ROWS = 1_000  # rows decoded at a time: memory stays flat however large the output


def read_documents(folder: Path) -> Iterator[tuple[Extraction, str | None, bytes | None] | SourceFailure]:
    """(extraction, source, near-duplicate signature) for every row of FOLDER/documents, in
    the order of its files; a row that does not hold a valid extraction is a failure."""
    import pyarrow.dataset as ds

    table_dir = Path(folder) / "documents"
    if not table_dir.is_dir():
        raise ConfigError(f"{folder} holds no documents table",
                          hint="give the --output folder of `partnergraph spark` (it holds documents/, events/, ...)")
    try:
        dataset = ds.dataset(str(table_dir), format="parquet", partitioning="hive")
        missing = [c for c in COLUMNS if c not in dataset.schema.names]
    except Exception as err:  # noqa: BLE001 - not Parquet, or damaged
        raise ConfigError(f"{table_dir} cannot be read as Parquet: {str(err)[:200]}") from err
    if missing:
        raise ConfigError(f"{table_dir} lacks the columns {', '.join(missing)}",
                          hint="it was not written by `partnergraph spark`")
    # each month folder's files hold rows in input order (the job sorts before writing);
    # merged across months, documents come in the order single-machine ingest reads them,
    # so near-duplicates keep the same copy
    import heapq

    streams = [_rows(ds, sorted(str(f) for f in d.glob("*.parquet")))
               for d in sorted(p for p in table_dir.iterdir() if p.is_dir())]
    streams.append(_rows(ds, sorted(str(f) for f in table_dir.glob("*.parquet"))))
    for row in heapq.merge(*streams, key=lambda r: (r.get("input_order") or "", r.get("position") or 0)):
        try:
            yield extraction_of(row["extraction"]), row["source"], row["near_signature"]
        except (ValidationError, ValueError, TypeError) as err:
            where = f"{table_dir}:{row.get('id')}"
            yield SourceFailure(source=where, reason=f"not an extraction record: {str(err)[:200]}")


def _rows(ds, files: list[str]) -> Iterator[dict]:
    if not files:
        return
    dataset = ds.dataset(files, format="parquet")
    columns = COLUMNS + [c for c in ("input_order", "position") if c in dataset.schema.names]
    for batch in dataset.to_batches(columns=columns, batch_size=BATCH_ROWS):
        yield from batch.to_pylist()
