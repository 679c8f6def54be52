"""A model folder: plain JSON files, read and checked, never executed.

    MODEL_DIR/meta.json        format, versions, languages, thresholds, training corpus hash, scores
    MODEL_DIR/<lang>/orgs.json   keep an organization candidate
    MODEL_DIR/<lang>/events.json  an event the rules found was reported as having happened
    MODEL_DIR/<lang>/pairs.json  two organizations are partners in a reported event of a type
    MODEL_DIR/<lang>/people.json  a person's post is held at this organization
    MODEL_DIR/<lang>/documents.json  the article reports any cooperation event at all
    MODEL_DIR/<lang>/kinds.json  the kind of an organization the tagger found
    MODEL_DIR/<lang>/bounds.json  cut a glued prefix off a name; a tagged name is a known one's short form
    MODEL_DIR/<lang>/names.crfsuite  the sequence tagger for names (a CRFsuite model)

Loading checks the format and the features version and names the file in every error, so a
model from another version or a damaged file never reaches extraction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from partnergraph.errors import ModelError
from partnergraph.learn.candidates import FEATURES_VERSION
from partnergraph.learn.linear import LinearModel, TypedModel
from partnergraph.learn.tagger import Tagger

FORMAT = "partnergraph-model"
FORMAT_VERSION = 1
PARTS = ("orgs", "events", "pairs", "kinds", "people", "bounds", "documents")
TAGGER_FILE = "names.crfsuite"
# "extra": a pair a kept rule event holds gets an event of another type only above it (off at
# 1.01); "party": a rule event's party whose best pair score with the others is below it is
# dropped (off at 0)
# "tagged": the post score a person only the tagger named needs to be kept at all (learn/people.py)
# "document": an article whose documents score is below it reports no event (off at 0)
# "backed": a rule event the events model scores below "events" is kept all the same when the
# pairs model scores two of its parties partners of its type at least this high (off at 1.01)
DEFAULT_THRESHOLDS = {"orgs": 0.5, "events": 0.5, "pairs": 0.5, "people": 0.5, "tagged": 0.5, "extra": 1.01,
                      "party": 0.0, "document": 0.0, "backed": 1.01}
_MAX_FILE = 64 * 1024 * 1024


@dataclass
class LanguageModel:
    orgs: LinearModel
    events: LinearModel
    pairs: TypedModel
    kinds: LinearModel
    people: LinearModel
    tagger: Tagger | None = None
    thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    bounds: LinearModel | None = None
    documents: LinearModel | None = None  # None: every article may report events


@dataclass
class Model:
    path: Path
    meta: dict
    languages: dict[str, LanguageModel]

    @property
    def label(self) -> str:
        return f"{self.meta.get('name', self.path.name)}@{self.meta.get('corpus_sha1', '')[:8]}"


def _read_json(path: Path) -> dict:
    hint = "retrain it with `partnergraph train GOLD... --out DIR`, or drop --model to use the shipped model"
    if not path.is_file():
        raise ModelError(f"model file {path} is missing", hint=hint)
    if path.stat().st_size > _MAX_FILE:
        raise ModelError(f"model file {path} is larger than {_MAX_FILE // 2**20} MB", hint=hint)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise ModelError(f"model file {path} is not valid JSON ({type(err).__name__})", hint=hint) from None
    if not isinstance(data, dict):
        raise ModelError(f"model file {path} does not hold a JSON object", hint=hint)
    return data


def load_model(path: str | Path) -> Model:
    root = Path(path)
    if not root.is_dir():
        raise ModelError(f"no model folder at {root}", hint="give the folder `partnergraph train --out` wrote")
    meta_path = root / "meta.json"
    meta = _read_json(meta_path)
    if meta.get("format") != FORMAT:
        raise ModelError(f"{meta_path} is not a partnergraph model (format {meta.get('format')!r})")
    if meta.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{meta_path} has format version {meta.get('format_version')!r}; this partnergraph reads {FORMAT_VERSION}",
            hint="retrain it with this version: `partnergraph train GOLD... --out DIR`",
        )
    if meta.get("features_version") != FEATURES_VERSION:
        raise ModelError(
            f"{meta_path} was trained on features version {meta.get('features_version')!r}; "
            f"this partnergraph computes version {FEATURES_VERSION}",
            hint="retrain it with this version: `partnergraph train GOLD... --out DIR`",
        )
    languages = {}
    for lang in meta.get("languages") or []:
        parts = {}
        for part in PARTS:
            file = root / str(lang) / f"{part}.json"
            try:
                data = _read_json(file)
                parts[part] = TypedModel.from_json(data) if part == "pairs" else LinearModel.from_json(data)
            except (KeyError, TypeError, ValueError) as err:
                raise ModelError(f"model file {file} is damaged: {err}", hint="retrain it") from None
        thresholds = dict(DEFAULT_THRESHOLDS)
        thresholds.update((meta.get("thresholds") or {}).get(lang) or {})
        tagger = Tagger(root / str(lang) / TAGGER_FILE, str(lang)) if lang in (meta.get("taggers") or []) else None
        languages[str(lang)] = LanguageModel(thresholds=thresholds, tagger=tagger, **parts)
    return Model(root, meta, languages)


def save_model(path: str | Path, meta: dict, languages: dict[str, LanguageModel]) -> None:
    """Write a model folder (the taggers' files are already in it); the same models give the same bytes."""
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    meta = dict(meta, format=FORMAT, format_version=FORMAT_VERSION, features_version=FEATURES_VERSION,
                languages=sorted(languages),
                taggers=sorted(lang for lang, lm in languages.items() if lm.tagger is not None),
                thresholds={lang: lm.thresholds for lang, lm in sorted(languages.items())})
    for lang, lm in languages.items():
        (root / lang).mkdir(exist_ok=True)
        for part in PARTS:
            model = getattr(lm, part)
            if model is None:  # built without bounds: they never fire; without a documents model: never a gate
                model = LinearModel(("no", "yes"), (10.0 if part == "documents" else -10.0,), {})
            data = model.to_json()
            (root / lang / f"{part}.json").write_text(json.dumps(data, sort_keys=True) + "\n", encoding="utf-8")
    (root / "meta.json").write_text(json.dumps(meta, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
