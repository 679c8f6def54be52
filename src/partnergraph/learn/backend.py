"""The learned backend: the rule engine proposes, the shipped (or a user's) models decide.

`load_backend("learned", {"model": DIR})` uses a model folder written by `partnergraph train`;
without one it loads the model shipped in the package (`partnergraph/trained/`). A language the
model was not trained on is extracted by the rules alone, with a warning saying so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib.resources import files
from pathlib import Path

from partnergraph.extraction.backend import collector_paused
from partnergraph.extraction.rules import STAGE_SETTINGS, RuleBackend
from partnergraph.learn.decide import context_for, decide
from partnergraph.learn.modelfile import Model, load_model
from partnergraph.models import Document, Extraction, Provenance

VERSION = "0.1.0"


def shipped_model_path() -> Path:
    return Path(str(files("partnergraph") / "trained"))


class LearnedBackend:
    name = "learned"

    def __init__(self, settings: dict | None = None) -> None:
        settings = settings or {}
        self.model: Model = load_model(settings.get("model") or shipped_model_path())
        self.version = f"{VERSION}+{self.model.label}"
        # a mention finder or party chooser given works in the rules the models decide on
        self.rules = RuleBackend({k: v for k, v in settings.items() if k in STAGE_SETTINGS})

    def extract(self, document: Document) -> Extraction:
        with collector_paused():
            return self._extract(document)

    def _extract(self, document: Document) -> Extraction:
        rules = self.rules.extract(document)
        provenance = Provenance(backend=self.name, version=self.version)
        lang = "zh" if document.lang == "zh" else "en"
        lm = self.model.languages.get(lang)
        if lm is None:
            return rules.model_copy(update={
                "provenance": provenance,
                "warnings": rules.warnings + [f"the model has no {lang} part; rules alone extracted this document"],
            })
        out = decide(context_for(document, rules, lm), lm, stage=f"model:{self.model.label}")
        return out.model_copy(update={"provenance": provenance})

    def extract_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """Each document in turn with the model this backend loaded once."""
        for document in documents:
            yield self.extract(document)
