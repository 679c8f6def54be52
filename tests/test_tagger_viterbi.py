"""The tagger labels sequences itself (weights read from the model file, scores added per
character or word, Viterbi batched over an article's sequences): it must give CRFsuite's labels,
token for token, whatever the text and the rule mentions.

The shipped models (files in the package) are the ones compared; the texts are invented here:
names, Latin runs, digits, spaces, "#" (the pad character), characters and words the model never
saw, places, titles and honorifics, capitalised words also written in lower case, sentences
longer than one sequence, rule mentions inside and across them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.learn.crf_file import model_weights
from partnergraph.learn.tagger import Tagger, viterbi

def _model(lang: str) -> Path:
    return Path(str(files("partnergraph") / "trained" / lang / "names.crfsuite"))


_MODEL = _model("zh")


@lru_cache(maxsize=2)
def _tagger(lang: str = "zh") -> Tagger:
    return Tagger(_model(lang), lang)


def _crfsuite_tag(tagger: Tagger, text, sents, rule_spans):
    fast = tagger._states
    tagger._states = None  # the CRFsuite path
    try:
        return tagger.tag(text, sents, rule_spans)
    finally:
        tagger._states = fast


def _sents(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, c in enumerate(text):
        if c in "。！？\n" or (c == "." and text[i + 1:i + 2] in (" ", "")):
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


TEXTS = [
    "2024年5月3日，江岭大学与海川集团签署战略合作协议。双方将在人才培养方面开展合作。",
    "青禾科技有限公司董事长李明远会见了来访的北辰研究院代表团一行，双方就AI芯片和5G网络进行了交流。",
    "据悉，#话题# 西湖实验室、东港港务局和 Lumio Systems 共同成立联合实验室 ，总投资 3.5 亿元。",
    "云岭市人民政府副市长王晓红出席仪式并致辞" * 9 + "。",  # one sentence longer than a sequence
    "  \n\n　",
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。𠀀𠀁𠀂乙公司與甲大學簽約！",
]


EN_TEXTS = [
    "Harlow University and Stennis Institute of Technology signed a memorandum of understanding on 3 May 2024.",
    "Dr. Maria Lopez, chief executive of Kestrel Robotics Ltd, met Mayor Lin of Hong Kong in New York. "
    "The Agriculture ministry said agriculture exports rose.",
    "KESTREL signed with Lumio; veltrix (a Veltrix unit) and the Ministry of Foreign Affairs, Trade and "
    "Development of Canada joined. #1 # 2,3 -- O'Neil & Co.'s deal.",
    "Board " * 130 + "Chairman Wei Zhang of Brightwater Capital Partners LLC.",  # longer than a sequence
    "",
]


@pytest.mark.parametrize("lang,texts", [("zh", TEXTS), ("en", EN_TEXTS)])
def test_the_tagger_gives_crfsuites_labels_on_invented_articles(lang, texts):
    tagger = _tagger(lang)
    assert tagger._states is not None  # the shipped file is read
    found = 0
    for text in texts:
        sents = _sents(text)
        for rule_spans in ([], [(m, m + 4) for m in range(0, len(text) - 4, 7)]):
            fast = tagger.tag(text, sents, rule_spans)
            assert fast == _crfsuite_tag(tagger, text, sents, rule_spans)
            found += len(fast)
    assert found  # names were tagged, not only O


_ALPHABET = "大学公司集团研究院与和签署协议会见市长李王张明红中国科技有限局所#AZaz09 ，。、（）　\n𠀀"
_WORDS = ["University", "university", "Ltd", "Group", "Kestrel", "signed", "with", "and", "Hong", "Kong", "Chinese",
          "Mayor", "mayor", "Dr", "Mr.", "Minister", "of", "the", "Agriculture", "agriculture", "LUMIO", "O'Neil",
          "#", ",", ".", "'s", "-", "2024", "Zyxwv", "\n", "  "]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300), st.lists(st.tuples(st.integers(0, 300), st.integers(1, 12)),
                                                          max_size=8))
def test_the_chinese_tagger_gives_crfsuites_labels_on_any_text(text, spans):
    _same_labels(_tagger("zh"), text, spans)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=160), st.lists(st.tuples(st.integers(0, 900), st.integers(1, 40)),
                                                                 max_size=8))
def test_the_english_tagger_gives_crfsuites_labels_on_any_text(words, spans):
    _same_labels(_tagger("en"), " ".join(words), spans)


def _same_labels(tagger, text, spans):
    rule_spans = sorted({(s, min(len(text), s + k)) for s, k in spans if s < len(text)})
    sents = _sents(text)
    assert tagger.tag(text, sents, rule_spans) == _crfsuite_tag(tagger, text, sents, rule_spans)


def test_the_weights_read_from_the_file_are_crfsuites():
    pycrfsuite = pytest.importorskip("pycrfsuite")
    crf = pycrfsuite.Tagger()
    crf.open(str(_MODEL))
    info = crf.info()
    w = model_weights(_MODEL)
    assert w is not None and set(w.labels) == set(info.labels)
    assert {a.encode() for a in info.attributes} == set(w.attribute_ids)
    held = 0
    for (attr, label), weight in info.state_features.items():  # the dump prints 6 decimals
        assert abs(w.state[w.attribute_ids[attr.encode()], w.labels.index(label)] - weight) < 1e-5
        held += 1
    assert held == int((w.state != 0).sum()) and not w.state[w.missing].any()
    for (a, b), weight in info.transitions.items():
        assert abs(w.transitions[w.labels.index(a), w.labels.index(b)] - weight) < 1e-5
    assert model_weights(_model("en")) is not None


def test_a_file_not_laid_out_as_read_is_tagged_by_crfsuite(tmp_path):
    bad = tmp_path / "names.crfsuite"
    data = _MODEL.read_bytes()
    for damaged in (b"", b"lCRF" + b"\0" * 10, data[:200], data[:48] + b"XXXX" + data[52:]):
        bad.write_bytes(damaged)
        assert model_weights(bad) is None


def test_viterbi_takes_the_first_best_label_on_a_tie():
    """CRFsuite keeps the first previous label and the first last label of equal scores."""
    np = pytest.importorskip("numpy")
    from partnergraph.learn.crf_file import CrfWeights

    w = CrfWeights(["O", "B", "I"], {}, np.zeros((1, 3)), np.zeros((3, 3)))
    assert viterbi(w, np.zeros((3, 3)), [3]) == [None]  # all equal: O, O, O
    state = np.array([[0.0, 1.0, 1.0], [0.0, 0.0, 2.0], [5.0, 5.0, 0.0]])
    assert viterbi(w, state, [2, 1]) == [["B", "I"], None]


def _marginals(np, state, trans):
    """P(label at t) of a linear-chain CRF with these scores (forward-backward in log space)."""
    T = len(state)
    alpha, beta = np.zeros_like(state), np.zeros_like(state)
    alpha[0] = state[0]
    for t in range(1, T):
        alpha[t] = np.logaddexp.reduce(alpha[t - 1][:, None] + trans, axis=0) + state[t]
    for t in range(T - 2, -1, -1):
        beta[t] = np.logaddexp.reduce(trans + (state[t + 1] + beta[t + 1])[None, :], axis=1)
    z = np.logaddexp.reduce(alpha[-1])
    return np.exp(alpha + beta - z)


@pytest.mark.parametrize("lang,texts", [("zh", TEXTS), ("en", EN_TEXTS)])
def test_every_tokens_scores_are_crfsuites(lang, texts):
    """Each token's scores per label (the weights of its strings the model holds) give the
    marginals CRFsuite gives for its own strings: a missing or extra weight anywhere shows."""
    np = pytest.importorskip("numpy")
    from partnergraph.learn.tagger import lower_words, sequences

    tagger = _tagger(lang)
    states, labels = tagger._states, tagger._states.weights.labels
    crf, features = tagger._crfsuite()
    compared = 0
    for text in texts:
        sents = _sents(text)
        for rule_spans in ([], [(m, m + 9) for m in range(0, len(text) - 9, 13)]):
            seqs = sequences(text, sents, lang)
            lower = lower_words(text) if lang == "en" else frozenset()
            longest = max((e - s for s, e in rule_spans), default=0)
            got = states(text, seqs, rule_spans, longest) if lang == "zh" else \
                states(text, seqs, rule_spans, longest, lower)
            k = 0
            for toks in seqs:
                mine = _marginals(np, got[k:k + len(toks)], states.weights.transitions)
                k += len(toks)
                crf.set(features(text, toks, rule_spans, longest, lower))
                theirs = np.array([[crf.marginal(y, t) for y in labels] for t in range(len(toks))])
                assert np.allclose(mine, theirs, rtol=0, atol=1e-9)
                compared += len(toks)
    assert compared
