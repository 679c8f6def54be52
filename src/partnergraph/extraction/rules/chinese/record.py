"""The record the Chinese event rules build for one cooperation event, before it becomes a
`models.Event` (the engine's __init__ quotes its spans)."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnergraph.dates import DateMention
from partnergraph.extraction.rules.chinese.orgs import Org


@dataclass
class EventRec:
    type: str
    parties: list[Org]
    date: DateMention | None
    trigger: tuple[int, int]
    party_spans: list[tuple[int, int]] = field(default_factory=list)
    location: tuple[int, int] | None = None
    topics: list[tuple[int, int]] = field(default_factory=list)
    entity: tuple[int, int] | None = None
    confidence: float = 0.7
    pairwise: bool = False  # one of the pairs of a 分别签约
    named: bool = False  # a meeting with a name of its own (总结会, 论坛), not bare talks
