"""Indexes kept in levels, a log-structured merge inside SQLite (issue 13: disk written per
document must not grow with the store).

A b-tree index on a random key (a band hash, a content hash, an organization's name key)
takes each batch's new rows on as many different pages once it is larger than a batch, and
each commit writes every page it changed to the WAL again: at 100k documents, one 4 KB page
per row. Kept in levels instead, new rows go to a small level 0; a level that outgrew its
size (`level0_rows * growth ** level` rows) is merged in key order into the next one, so a
row is rewritten a few times (once per level, each merge writing the next level's pages
once) instead of taking a page of its own at every commit. The last level has no bound.

A level is a WITHOUT ROWID table `{name}_{level}` whose primary key is all its columns; a
row is in one level at a time (merges move it, `INSERT OR IGNORE` keeps it once). A lookup
reads every level: `union` gives the SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def union(name: str, levels: int, columns: str, where: str) -> str:
    """One SELECT over every level: `SELECT columns FROM {name}_{i} WHERE where UNION ALL ...`
    (use numbered parameters, ?1 ?2 ..., in `where`: each level reads the same ones)."""
    return " UNION ALL ".join(f"SELECT {columns} FROM {name}_{level} WHERE {where}"
                              for level in range(levels))


def numbered(n: int, first: int = 1) -> str:
    """`?1,?2,...,?n` (from `first`): parameters every level of a `union` reads."""
    return ",".join(f"?{i}" for i in range(first, first + n))


def remove(conn: sqlite3.Connection, name: str, levels: int, columns: tuple[str, ...],
           rows: Iterable[tuple]) -> None:
    """Delete these rows from whichever level holds them."""
    rows = list(rows)
    if not rows:
        return
    where = " AND ".join(f"{c}=?" for c in columns)
    for level in range(levels):
        conn.executemany(f"DELETE FROM {name}_{level} WHERE {where}", rows)


def merge(conn: sqlite3.Connection, name: str, levels: int, columns: tuple[str, ...],
          level0_rows: int, growth: int) -> None:
    """Merge each level that outgrew its size into the next (rows copied in key order, so the
    next level's pages are each written once), from level 0 down while they overflow."""
    cols = ", ".join(columns)
    for level in range(levels - 1):
        rows = conn.execute(f"SELECT count(*) FROM {name}_{level}").fetchone()[0]
        if rows <= level0_rows * growth ** level:
            return
        conn.execute(f"INSERT OR IGNORE INTO {name}_{level + 1} SELECT {cols} FROM {name}_{level}"
                     f" ORDER BY {cols}")
        conn.execute(f"DELETE FROM {name}_{level}")
