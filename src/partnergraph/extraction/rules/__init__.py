"""The default backend: rules and lexicons, offline, deterministic, no model download.

English and Chinese releases differ in every surface pattern, so each language has its own
package (`english`, `chinese`) exposing ``extract_items(document, finders)``; this class picks
one, runs the party chooser over its events and wraps the result with provenance. Both stages
(`extraction.stages`) are settings: ``{"mention_finders": (finder, ...), "party_chooser": c}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from partnergraph.errors import ConfigError
from partnergraph.extraction.backend import collector_paused
from partnergraph.extraction.stages import MentionFinder, PartyChooser, RuleParties, choose_parties
from partnergraph.models import Document, Extraction, Provenance

VERSION = "0.1.0"
STAGE_SETTINGS = ("mention_finders", "party_chooser")


class RuleBackend:
    name = "rules"
    version = VERSION

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        unknown = sorted(set(settings) - set(STAGE_SETTINGS))
        if unknown:
            raise ConfigError(f"the rules backend has no setting {', '.join(map(repr, unknown))}",
                              hint=f"its settings are: {', '.join(STAGE_SETTINGS)}")
        self.finders: tuple[MentionFinder, ...] = tuple(settings.get("mention_finders") or ())
        self.chooser: PartyChooser = settings.get("party_chooser") or RuleParties()
        for f in self.finders:
            if not isinstance(f, MentionFinder):
                raise ConfigError(f"mention finder {f!r} has no name or find(document) method",
                                  hint="a mention finder is an object with `name` and `find(document) -> [Mention]`")
        if not isinstance(self.chooser, PartyChooser):
            raise ConfigError(f"party chooser {self.chooser!r} has no name or choose(document, candidates) method",
                              hint="a party chooser is an object with `name` and `choose(document, candidates) -> [name]`")

    def extract(self, document: Document) -> Extraction:
        with collector_paused():
            return self._extract(document)

    def _extract(self, document: Document) -> Extraction:
        if document.lang == "zh":
            from partnergraph.extraction.rules.chinese import extract_items
        else:
            from partnergraph.extraction.rules.english import extract_items
        organizations, people, events = extract_items(document, self.finders)
        extraction = Extraction(
            id=document.id,
            url=document.url,
            lang=document.lang,
            title=document.title,
            published=document.published,
            text=document.text,
            organizations=organizations,
            people=people,
            events=events,
            provenance=Provenance(backend=self.name, version=self.version),
        )
        return choose_parties(document, extraction, self.chooser)

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Each document in turn (the lexicons are loaded once per process anyway)."""
        for document in documents:
            yield self.extract(document)
