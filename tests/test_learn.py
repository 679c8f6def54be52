"""The learned layer: training on a corpus the tests write, loading, extracting, model-file errors."""

from __future__ import annotations

import json
import shutil

import pytest
from learn_corpus import write_corpus

from partnergraph.errors import ModelError
from partnergraph.extraction.backend import load_backend
from partnergraph.learn.gold import read_gold
from partnergraph.learn.modelfile import load_model
from partnergraph.pipeline import extract

pytest.importorskip("sklearn")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    from partnergraph.learn.train import train

    root = tmp_path_factory.mktemp("learn")
    write_corpus(root / "gold")
    golds, problems = read_gold([root / "gold"])
    assert not problems
    train(golds, str(root / "model"), val=golds, name="tiny")
    return root / "model"


def test_trained_model_loads_and_extracts(model_dir):
    model = load_model(model_dir)
    assert set(model.languages) == {"en", "zh"}
    backend = load_backend("learned", {"model": str(model_dir)})
    out = extract("Harlow University and Stennis Institute of Technology signed a memorandum of "
                  "understanding on 3 May 2024.", backend=backend)
    assert out.provenance.backend == "learned"
    assert "tiny@" in out.provenance.version
    names = {o.name for o in out.organizations}
    assert {"Harlow University", "Stennis Institute of Technology"} <= names
    assert [e.type for e in out.events] == ["agreement"]
    assert all(o.stage and o.stage.startswith("rules+model:") for o in out.organizations)
    for item in out.organizations + out.events:
        assert all(0 <= s.start <= s.end <= len(out.text) for s in item.evidence)


def test_training_is_deterministic(model_dir, tmp_path):
    from partnergraph.learn.train import train

    write_corpus(tmp_path / "gold")
    golds, _ = read_gold([tmp_path / "gold"])
    train(golds, str(tmp_path / "again"), val=golds, name="tiny")
    for f in sorted(model_dir.rglob("*.json")):
        assert (tmp_path / "again" / f.relative_to(model_dir)).read_bytes() == f.read_bytes(), f.name


def test_same_input_gives_byte_identical_output(model_dir):
    backend = load_backend("learned", {"model": str(model_dir)})
    text = "2024年5月3日，江岭大学与海川集团签署战略合作协议。双方将在人才培养方面开展合作。"
    runs = {extract(text, backend=backend).model_dump_json() for _ in range(3)}
    assert len(runs) == 1


def test_an_event_the_models_reject_is_dropped(model_dir, tmp_path):
    # a model whose event and pair scorers say no to everything keeps no event, whatever the rules propose
    broken = tmp_path / "never"
    shutil.copytree(model_dir, broken)
    meta = json.loads((broken / "meta.json").read_text())
    meta["thresholds"]["en"]["pairs"] = 1.01
    meta["thresholds"]["en"]["events"] = 1.01
    (broken / "meta.json").write_text(json.dumps(meta))
    backend = load_backend("learned", {"model": str(broken)})
    out = extract("Fenwick Polytechnic University and Ashgrove Energy Group signed a strategic cooperation "
                  "agreement on January 9, 2022.", backend=backend)
    assert out.events == []
    rules = extract("Fenwick Polytechnic University and Ashgrove Energy Group signed a strategic cooperation "
                    "agreement on January 9, 2022.", backend="rules")
    assert rules.events


@pytest.mark.parametrize("damage, words", [
    (lambda d: (d / "meta.json").unlink(), "meta.json is missing"),
    (lambda d: (d / "meta.json").write_text("{not json"), "meta.json is not valid JSON"),
    (lambda d: (d / "en" / "pairs.json").write_bytes(b"\x00\xff\xfe"), "pairs.json is not valid JSON"),
    (lambda d: (d / "en" / "orgs.json").write_text('{"classes": ["no", "yes"], "bias": [0.1], "weights": {"x": [1, 2]}}'),
     "orgs.json is damaged"),
    (lambda d: (d / "zh" / "kinds.json").unlink(), "kinds.json is missing"),
    (lambda d: (d / "en" / "people.json").write_text("[]"), "people.json does not hold a JSON object"),
    (lambda d: (d / "en" / "names.crfsuite").write_bytes(b"not a crf"), "names.crfsuite is not a CRF model"),
])
def test_a_damaged_model_names_its_file(model_dir, tmp_path, damage, words):
    broken = tmp_path / "broken"
    shutil.copytree(model_dir, broken)
    damage(broken)
    with pytest.raises(ModelError) as err:
        load_model(broken)
    assert words in err.value.message
    assert str(broken) in err.value.message


@pytest.mark.parametrize("key, value, words", [
    ("format_version", 99, "format version 99"),
    ("features_version", 0, "features version 0"),
    ("format", "something-else", "not a partnergraph model"),
])
def test_a_model_of_another_version_is_refused(model_dir, tmp_path, key, value, words):
    other = tmp_path / "other"
    shutil.copytree(model_dir, other)
    meta = json.loads((other / "meta.json").read_text())
    meta[key] = value
    (other / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError) as err:
        load_model(other)
    assert words in err.value.message


def test_no_model_folder(tmp_path):
    with pytest.raises(ModelError, match="no model folder"):
        load_model(tmp_path / "nowhere")


def test_typed_rows_score_like_the_binary_model_they_fold():
    from partnergraph.learn.candidates import EVENT_TYPES, typed
    from partnergraph.learn.linear import LinearModel, TypedModel

    binary = LinearModel(("no", "yes"), (-0.5,), {
        "w=signed": (1.0,), "agreement|w=signed": (2.0,), "visit|w=signed": (-1.5,),
        "kinds=company|university": (0.25,), "type=visit": (0.3,), "meeting|kinds=company|university": (0.7,),
    })
    rows = TypedModel.from_binary(binary, EVENT_TYPES)
    for feats in ({"w=signed": 1.0}, {"kinds=company|university": 1.0, "w=other": 1.0}, {}):
        got = rows.probabilities(feats)
        for t in EVENT_TYPES:
            assert got[t] == pytest.approx(binary.probability(typed(feats, t)))
    assert TypedModel.from_json(rows.to_json()) == rows


from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@settings(max_examples=200, deadline=None)
@given(_spans, _spans, st.integers(0, 230), st.integers(1, 40))
def test_taken_ranges_answer_like_a_scan(first, later, s, width):
    # the bisection that keeps long pages linear answers exactly what a scan of every range would
    from partnergraph.learn.names import Taken

    taken = Taken(first)
    taken.add(later)
    everything = first + later
    e = s + width
    assert taken.overlaps(s, e) == any(a < e and s < b for a, b in everything)


@settings(max_examples=300, deadline=None)
@given(_spans, st.lists(st.integers(0, 230), min_size=1, max_size=40, unique=True))
@example([(0, 30), (5, 10)], [20])  # a long mention that starts before a short one and covers the token
def test_rule_tags_found_by_bisection_match_a_scan(rule_spans, starts):
    from partnergraph.learn.tagger import _rule_tags

    toks = [(s, s + 1) for s in sorted(starts)]
    spans = sorted(set(rule_spans))
    got = _rule_tags(toks, spans)
    for (s, _), tag in zip(toks, got):
        assert (tag != "O") == any(a <= s < b for a, b in spans)


def test_a_short_form_of_a_tagged_name_is_its_alias():
    from partnergraph.documents import prepare
    from partnergraph.learn.names import join_tagged

    text = "Kestrel Aerospace signed with Lumio. Kestrel will build the parts."
    doc = prepare(text, id="t", lang="en")
    spans = [(0, 17, "ORG"), (30, 35, "ORG"), (37, 44, "ORG")]  # Kestrel Aerospace, Lumio, Kestrel
    orgs = join_tagged(doc, [], spans, None, "en")
    assert [o.name for o in orgs] == ["Kestrel Aerospace", "Lumio"]
    assert orgs[0].aliases == ["Kestrel"]
    assert [(s.start, s.end, s.field) for s in orgs[0].evidence] == [(0, 17, "name"), (37, 44, "alias")]


def test_pair_scores_are_the_same_with_the_sentence_words_the_model_weighs_alone(model_dir):
    """At extraction a pair's sentence words hold only the names the pairs model has a weight for;
    the scores must equal those of every name (what training sees), to the last bit."""
    from partnergraph.learn.candidates import pair_features
    from partnergraph.learn.decide import context_for, score_candidates
    from partnergraph.documents import prepare
    from partnergraph.learn.gold import document_of

    model = load_model(model_dir)
    golds, _ = read_gold([model_dir.parent / "gold"])
    backend = load_backend("rules")
    compared = dropped = 0
    unseen = [  # words the tiny corpus never had
        "Quillon Robotics Group met Varesk University in Quillon. Later, Varesk University and Quillon "
        "Robotics Group agreed to found a joint centre for marine drones, the Varesk-Quillon Centre.",
        "浔州大学与鹭岭科技集团在浔州会谈。随后，浔州大学与鹭岭科技集团商定共建海洋无人机联合中心。",
    ]
    for doc in [document_of(g) for g in golds] + [prepare(t, id=f"u{k}") for k, t in enumerate(unseen)]:
        lm = model.languages[doc.lang]
        ctx = context_for(doc, backend.extract(doc), lm)
        full = {(a, b): lm.pairs.probabilities(pair_features(ctx, a, b)) for a, b in ctx.pair_candidates()}
        _, pairs, _, _, _ = score_candidates(ctx, lm)
        for (a, b), scores in full.items():
            for t, p in scores.items():
                assert pairs[(a, b, t)] == p
                compared += 1
            dropped += len(pair_features(ctx, a, b)) - len(pair_features(ctx, a, b, lm.pairs.weights))
    assert compared and dropped  # some names had no weight and were left out


def test_event_scores_are_the_same_with_the_sentence_words_the_model_weighs_alone(model_dir):
    """At extraction a rule event's sentence words hold only the names the events model has a
    weight for; the scores must equal those of every name (what training sees), to the last bit."""
    from partnergraph.learn.candidates import event_features
    from partnergraph.learn.decide import context_for, score_candidates
    from partnergraph.learn.gold import document_of

    model = load_model(model_dir)
    golds, _ = read_gold([model_dir.parent / "gold"])
    backend = load_backend("rules")
    compared = dropped = 0
    for doc in [document_of(g) for g in golds]:
        lm = model.languages[doc.lang]
        ctx = context_for(doc, backend.extract(doc), lm)
        events = score_candidates(ctx, lm)[2]
        for k, p in enumerate(events):
            assert lm.events.probability(event_features(ctx, k)) == p
            compared += 1
            dropped += len(event_features(ctx, k)) - len(event_features(ctx, k, lm.events.weights))
    assert compared and dropped  # some names had no weight and were left out


def test_the_tagger_hands_crfsuite_only_the_strings_its_model_holds(model_dir, tmp_path):
    """The Chinese tagger leaves out the character bigrams the model file does not hold (read
    from the file: the same set CRFsuite's own dump lists): CRFsuite sees the same strings it
    holds, in the same order, and gives the same labels."""
    import pycrfsuite

    from partnergraph.learn.crf_file import model_attributes
    from partnergraph.learn.gold import document_of
    from partnergraph.learn.tagger import FeatureStrings, sequences
    from partnergraph.learn.text import sentences

    model = load_model(model_dir)
    golds, _ = read_gold([model_dir.parent / "gold"])
    compared = 0
    dropped = dict.fromkeys(model.languages, 0)
    for lang, lm in model.languages.items():
        path = model_dir / lang / "names.crfsuite"
        crf = pycrfsuite.Tagger()
        crf.open(str(path))
        known = model_attributes(path)
        assert known == {a.encode() for a in crf.info().attributes}
        every = FeatureStrings(lang, lm.tagger.lex)
        held = FeatureStrings(lang, lm.tagger.lex, known)
        for g in golds:
            if g["lang"] != lang:
                continue
            doc = document_of(g)
            for toks in sequences(doc.text, sentences(doc, []), lang):
                full, some = every(doc.text, toks, []), held(doc.text, toks, [])
                assert [[x for x in f if x in known] for f in some] == [[x for x in f if x in known] for f in full]
                assert crf.tag(some) == crf.tag(full)
                compared += 1
                dropped[lang] += sum(map(len, full)) - sum(map(len, some))
    assert compared and dropped["zh"]
    bad = tmp_path / "names.crfsuite"
    for damaged in (b"", b"lCRF" + b"\0" * 10, path.read_bytes()[:200]):
        bad.write_bytes(damaged)
        assert model_attributes(bad) is None  # then every string goes to CRFsuite, as before


def test_the_document_scorer_runs_only_when_its_gate_is_on(model_dir, monkeypatch):
    """With the document threshold at 0 (the gate off) decide() must not spend the documents
    model's features on the article, and must decide as it does with the score computed."""
    from partnergraph.learn import decide as decide_module
    from partnergraph.learn.decide import context_for, decide, score_candidates
    from partnergraph.learn.gold import document_of

    model = load_model(model_dir)
    golds, _ = read_gold([model_dir.parent / "gold"])
    backend = load_backend("rules")
    calls = []
    features = decide_module.document_features
    monkeypatch.setattr(decide_module, "document_features", lambda ctx, *only: calls.append(1) or features(ctx, *only))
    for doc in [document_of(g) for g in golds]:
        lm = model.languages[doc.lang]
        if lm.documents is None:
            continue
        ctx = context_for(doc, backend.extract(doc), lm)
        before = len(calls)
        off = decide(ctx, lm, thresholds={"document": 0.0})
        assert len(calls) == before
        assert off == decide(ctx, lm, score_candidates(ctx, lm), thresholds={"document": 0.0})
        assert len(calls) == before + 1
        decide(ctx, lm, thresholds={"document": 0.5})
        assert len(calls) == before + 2
    assert calls
