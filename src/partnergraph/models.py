"""The record types every stage exchanges: the public, serialized contract.

JSON output is exactly these models dumped; `docs/schema.json` is generated from them.
The field names follow ``shared/eval/GUIDELINES.md`` so an `Extraction` line is scored as is.
No I/O and no logic beyond small derived properties live here.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from partnergraph.surrogates import scrub

OrgKind = Literal["university", "company", "government", "research", "alliance", "other"]
EventType = Literal["agreement", "visit", "meeting", "joint_entity"]
Lang = Literal["en", "zh"]

ORG_KINDS: tuple[str, ...] = ("university", "company", "government", "research", "alliance", "other")
EVENT_TYPES: tuple[str, ...] = ("agreement", "visit", "meeting", "joint_entity")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Record):
    """A half-open character range ``[start, end)`` into `Document.text`.

    `field` says what the span supports ("name", "alias", "title", "org", "party", "date",
    "location", "topic", "entity", "trigger", "sentence") so a reader can highlight each part.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    field: str | None = None


class Provenance(_Record):
    """Which backend produced a record, so outputs of different backends stay comparable."""

    backend: str
    version: str


class RawDocument(_Record):
    """What a source yields before cleaning: plain text or HTML, plus what is known of it."""

    id: str
    url: str | None = None
    source: str | None = None
    text: str | None = None
    html: str | None = None
    published: str | None = None
    title: str | None = None
    lang: str | None = None
    fetched_at: str | None = None
    warnings: list[str] = Field(default_factory=list)

    @field_validator("id", "url", "source", "text", "html", "published", "title", "lang", "fetched_at",
                     mode="before")
    @classmethod
    def _scrub(cls, value: object) -> object:
        """Lone surrogates (from JSON escapes) become U+FFFD: no writer could encode them."""
        return scrub(value) if isinstance(value, str) else value


class SourceFailure(_Record):
    """An input that could not be turned into a document; the batch goes on without it."""

    source: str
    reason: str


class Document(_Record):
    """A cleaned article: the text every evidence span points into.

    `text` is the article exactly as received (decoded); `body` lists the spans that are
    article text, so page furniture (counters, navigation, footers) is skipped by extraction
    without moving any offset.
    """

    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    title_span: Span | None = None
    published: str | None = None
    published_span: Span | None = None
    lang: str = "en"
    text: str
    body: list[Span] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class Organization(_Record):
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: OrgKind = "other"
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    stage: str | None = None  # which stage or model made or kept the item (None: the rules alone)


class Person(_Record):
    name: str
    title: str | None = None
    org: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    stage: str | None = None  # which stage or model made or kept the item (None: the rules alone)


class Event(_Record):
    type: EventType
    date: str | None = None
    parties: list[str] = Field(default_factory=list)
    location: str | None = None
    topics: list[str] = Field(default_factory=list)
    entity: str | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    stage: str | None = None  # which stage or model made or kept the item (None: the rules alone)


class Extraction(_Record):
    """One document's organizations, people and events, each grounded in `text`."""

    id: str
    url: str | None = None
    source: str | None = Field(default=None, description="The file (or feed) the document was read from.")
    lang: str = "en"
    title: str | None = None
    published: str | None = None
    text: str
    organizations: list[Organization] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    provenance: Provenance
    warnings: list[str] = Field(default_factory=list)
