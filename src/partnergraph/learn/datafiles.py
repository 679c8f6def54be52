"""The package's word lists (``partnergraph/data``) as the learned layer reads them: one entry a
line, comment lines (``#``) and blank lines skipped, a line's fields split at tabs (or at any
whitespace with ``sep=None``)."""

from __future__ import annotations

from importlib.resources import files


def data_rows(name: str, sep: str | None = "\t") -> list[list[str]]:
    """The fields of each entry of data file `name`, stripped."""
    text = (files("partnergraph") / "data" / name).read_text(encoding="utf-8")
    return [[f.strip() for f in line.split(sep)] for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def data_lines(name: str) -> list[str]:
    """The first field of each entry of data file `name`."""
    return [row[0] for row in data_rows(name)]
