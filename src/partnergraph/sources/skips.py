"""What a source left out on purpose, counted rather than failed.

A WARC holds request, metadata and image records; a crawl holds pages about other things.
Leaving those out is not an error (the batch exit code stays 0), but a user must see how
many were left out and why, so readers yield `Skipped` and `iter_sources` tallies them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Skipped:
    """One record or page left out: where it was and why (a short, countable reason)."""

    source: str
    reason: str


@dataclass(slots=True)
class SourceStats:
    """Running totals of one `iter_sources` pass: documents yielded, records skipped by reason."""

    documents: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One line for a CLI: "12 documents; skipped 30 (not HTML: 25, not about cooperation: 5)"."""
        line = f"{self.documents} documents"
        if self.skipped:
            parts = ", ".join(f"{reason}: {n}" for reason, n in self.skipped.most_common())
            line += f"; skipped {self.skipped_total} ({parts})"
        return line
