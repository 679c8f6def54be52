"""The tagger's feature strings, made with per-word tables, equal the plain definition (and the
names read from its labels, and the Chinese tokens, equal theirs).

The CRF's weights are keyed by these strings, so the fast builder must give the same strings in
the same order for every token, in both languages, whatever the text and the rule mentions.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.learn.text import tokens
from partnergraph.learn.tagger import (
    FeatureStrings,
    NameLexicon,
    _char_type,
    _gazetteer_tags,
    _rule_tags,
    _shape,
    lower_words,
    sequences,
    spans_of,
    token_spans,
    _ZH_TOKEN,
)


def plain_features(text, toks, lang, rule_spans, lex, lower):
    """The definition, written out token by token with no tables."""
    heads = lex.heads
    words = [text[s:e] for s, e in toks]
    rt = _rule_tags(toks, rule_spans)
    n = len(words)
    out = []
    if lang == "zh":
        w = ["#", "#", *words, "#", "#"]
        r = ["#", *rt, "#"]
        for i in range(n):
            c = w[i + 2]
            f = ["rule=" + rt[i], "c=" + c, "t=" + _char_type(c[0]),
                 "c-2=" + w[i], "c-1=" + w[i + 1], "c1=" + w[i + 3], "c2=" + w[i + 4],
                 "b-1=" + w[i + 1] + c, "b+1=" + c + w[i + 3], "rule-1=" + r[i], "rule+1=" + r[i + 2]]
            if c in heads:
                f.append("headchar")
            out.append(f)
        return out
    low = [x.lower() for x in words]
    place = _gazetteer_tags(words, lex.places)
    kinds = []
    for i in range(n):
        k = [name for name, hit in (("head", low[i] in heads), ("titlew", low[i] in lex.title_words),
                                    ("honor", low[i] in lex.honorifics), ("place" + place[i], place[i] != "O"),
                                    ("lowerdoc", words[i][:1].isupper() and low[i] in lower)) if hit]
        kinds.append(k)
    for i in range(n):
        lw = low[i]
        f = ["rule=" + rt[i], "w=" + lw, "shape=" + _shape(words[i]), "suf3=" + lw[-3:], "pre3=" + lw[:3]]
        if words[i][:1].isupper():
            f.append("title")
        f += kinds[i]
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}=" + low[j])
                if d in (-1, 1):
                    f += [f"shape{d}=" + _shape(words[j]), f"rule{d}=" + rt[j]]
                    f += [f"{k}{d}" for k in kinds[j]]
            else:
                f.append(f"w{d}=#")
        out.append(f)
    return out


_EN_WORDS = ["University", "of", "Kestrel", "signed", "with", "LUMIO", "Group", "the", "A.", "O'Neil",
             "Co-op", "2024", ",", ".", "Ministry", "&", "x", "Aramco's", "Norvania", "South", "Ostrel",
             "Minister", "Dr", "minister"]
_ZH_CHARS = list("大学公司与签约甲乙丙集团研究院，。 ABC12") + ["\n"]


@st.composite
def _texts(draw, lang):
    pieces = draw(st.lists(st.sampled_from(_ZH_CHARS if lang == "zh" else _EN_WORDS), max_size=60))
    text = ("" if lang == "zh" else " ").join(pieces)
    n = len(text)
    spans = sorted({(a, min(n, a + w)) for a, w in draw(st.lists(
        st.tuples(st.integers(0, max(0, n - 1)), st.integers(1, 25)), max_size=8)) if a < n})
    return text, spans


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["en", "zh"]).flatmap(lambda lang: st.tuples(st.just(lang), _texts(lang))))
def test_feature_strings_equal_the_plain_definition(case):
    lang, (text, spans) = case
    if lang == "en":
        lex = NameLexicon(heads=frozenset({"university", "group", "ministry"}),
                          places=frozenset({("Norvania",), ("South", "Ostrel")}), place_firsts=frozenset({"Norvania", "South"}),
                          title_words=frozenset({"minister"}), honorifics=frozenset({"dr"}))
    else:
        lex = NameLexicon(heads=frozenset(set("学司团院")))
    lower = lower_words(text) if lang == "en" else frozenset()
    maker = FeatureStrings(lang, lex)
    for _ in range(2):  # the second time every word comes from the table
        for toks in sequences(text, [(0, len(text))], lang):
            got = [[x.decode() for x in f] for f in maker(text, toks, spans, None, lower)]
            assert got == plain_features(text, toks, lang, spans, lex, lower)


def plain_spans(toks, labels):
    """The BIO reading token by token: B- opens, I- of the same type goes on, anything else closes."""
    out, cur = [], None
    for (s, e), lab in zip(toks, labels):
        if lab.startswith("B-") or (lab.startswith("I-") and (cur is None or cur[2] != lab[2:])):
            if cur:
                out.append(cur)
            cur = (s, e, lab[2:])
        elif lab.startswith("I-") and cur is not None:
            cur = (cur[0], e, cur[2])
        else:
            if cur:
                out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["O", "O", "O", "B-ORG", "I-ORG", "B-PER", "I-PER", "X"]), max_size=30))
def test_spans_read_from_the_labelled_tokens_alone_equal_a_full_scan(labels):
    toks = [(2 * i, 2 * i + 1) for i in range(len(labels))]
    assert spans_of(toks, labels) == plain_spans(toks, labels)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("大学Ab İ\u3000\u00a0\u2028\t\n\x1c\x85")), max_size=40))
def test_chinese_tokens_are_the_non_space_characters_lower_cased(text):
    assert tokens(text, "zh") == [c for c in text.lower() if not c.isspace()]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("大学，。Ab9_é İ\u3000\u00a0\t\n\x85-")), max_size=40),
       st.integers(-3, 45), st.integers(-3, 45))
def test_chinese_token_spans_are_the_pattern_matches(text, start, end):
    assert token_spans(text, start, end, "zh") == [m.span() for m in _ZH_TOKEN.finditer(text, start, end)]
