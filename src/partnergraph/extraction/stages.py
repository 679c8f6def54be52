"""The seams of the rule engines: one mention record for both languages, and the two stages a
model (or a user's code) can take over, a mention finder and a party chooser.

The English and Chinese engines read text differently (words and title patterns; characters,
head words and a Simplified view), but both name organizations at character spans and both
give each event a trigger and parties. That is what the stages see, in one shape:

- `Mention`: an organization named at ``[start, end)`` of the text, with the stage that
  found it. `mentions(orgs)` lists the name and alias spans of an extraction's organizations
  (what the learned layer's tagger and candidates read, whichever engine made them).
- A **mention finder** (`MentionFinder.find(document) -> [Mention]`) proposes names the
  engine's own head words and patterns miss. The engine takes them in before its alias,
  people and event steps, so they can be parties, employers and aliases like its own names;
  an organization first named by a finder carries the finder's name in its `stage`.
- A **party chooser** (`PartyChooser.choose(document, candidates) -> [name]`) decides who
  took part in an event the engine found, from `PartyCandidates`: the event, the engine's
  choice, and every organization mention of the document. The default keeps the engine's
  choice; an event whose parties another chooser changed carries its name in `stage`.

Stages are passed to the rules backend as settings:
``load_backend("rules", {"mention_finders": (finder,), "party_chooser": chooser})``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol, runtime_checkable

from partnergraph.models import Document, Event, Extraction, Organization, Span


class Mention(NamedTuple):
    """An organization named at ``[start, end)`` of the document's text.

    `org` is the index of the organization in the list it was read from (None for a name a
    finder proposes, before it joins one); `kind` a finder's guess at the organization's kind
    (None: the engine's guess); `stage` what found it ("rules", a finder's or a model's name).
    """

    start: int
    end: int
    org: int | None = None
    kind: str | None = None
    stage: str = "rules"


def mentions(orgs: Sequence[Organization]) -> list[Mention]:
    """Where `orgs` are named (their name and alias evidence), in text order."""
    return sorted(
        Mention(s.start, s.end, i, stage=o.stage or "rules")
        for i, o in enumerate(orgs)
        for s in o.evidence
        if s.field in ("name", "alias") and s.end > s.start
    )


def name_spans(orgs: Iterable[Organization]) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every name and alias span of `orgs`, in the organizations' order."""
    return [(s.start, s.end) for o in orgs for s in o.evidence if s.field in ("name", "alias")]


@runtime_checkable
class MentionFinder(Protocol):
    """Proposes organization names in a document (spans into `document.text`)."""

    name: str

    def find(self, document: Document) -> list[Mention]: ...


@dataclass(frozen=True)
class PartyCandidates:
    """What a party chooser decides from: one event the engine found, its choice of parties,
    and every organization named in the document (`mentions` index into `organizations`)."""

    event: Event
    organizations: list[Organization]
    mentions: list[Mention]

    @property
    def trigger(self) -> Span | None:
        return next((s for s in self.event.evidence if s.field == "trigger"), None)

    @property
    def chosen(self) -> list[str]:
        return list(self.event.parties)


@runtime_checkable
class PartyChooser(Protocol):
    """Decides which organizations took part in an event; returns their names."""

    name: str

    def choose(self, document: Document, candidates: PartyCandidates) -> list[str]: ...


class RuleParties:
    """The default party chooser: the engine's own choice stands."""

    name = "rules"

    def choose(self, document: Document, candidates: PartyCandidates) -> list[str]:
        return candidates.chosen


def found_mentions(document: Document, finders: Sequence[MentionFinder]) -> list[Mention]:
    """The finders' mentions that lie inside the text and quote something, in text order
    (a span outside the text would break every evidence check after it)."""
    n = len(document.text)
    out = []
    for finder in finders:
        for m in finder.find(document):
            if 0 <= m.start < m.end <= n and document.text[m.start:m.end].strip():
                out.append(m if m.stage != "rules" else m._replace(stage=finder.name))
    return sorted(out)


def choose_parties(document: Document, extraction: Extraction, chooser: PartyChooser) -> Extraction:
    """Every event's parties as `chooser` decides; an event left with fewer than two parties is
    dropped. Events the chooser leaves as they were are not touched (their `stage` stays)."""
    if isinstance(chooser, RuleParties) or not extraction.events:
        return extraction
    orgs = extraction.organizations
    found = mentions(orgs)
    known = {o.name for o in orgs}
    by_org: dict[int | None, list[Mention]] = {}
    for m in found:
        by_org.setdefault(m.org, []).append(m)
    events = []
    for ev in extraction.events:
        picked = list(dict.fromkeys(p for p in chooser.choose(document, PartyCandidates(ev, orgs, found))
                                    if p in known))
        if picked == ev.parties:
            events.append(ev)
        elif len(picked) >= 2:
            events.append(_with_parties(ev, picked, orgs, by_org, chooser.name))
    return extraction.model_copy(update={"events": events})


def _with_parties(ev: Event, parties: list[str], orgs: list[Organization],
                  by_org: dict[int | None, list[Mention]], stage: str) -> Event:
    """`ev` with other parties: its party evidence is each party's mention nearest the trigger."""
    trigger = next((s for s in ev.evidence if s.field == "trigger"), None)
    at = trigger.start if trigger is not None else 0
    index = {o.name: i for i, o in enumerate(orgs)}
    spans = []
    for name in parties:
        own = by_org.get(index[name], [])
        if own:
            m = min(own, key=lambda m: (abs(m.start - at), m.start))
            spans.append(Span(start=m.start, end=m.end, field="party"))
    evidence = [s for s in ev.evidence if s.field != "party"] + sorted(spans, key=lambda s: s.start)
    return ev.model_copy(update={"parties": parties, "evidence": evidence, "stage": stage})
