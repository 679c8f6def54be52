"""Faster forms of the learned layer's small steps equal the plain definitions they replace."""

from __future__ import annotations

import random
import re
import sys
from importlib.resources import files
from operator import add
from pathlib import Path

import numpy as np
import pytest

from partnergraph.learn import tagger as T
from partnergraph.learn.candidates import _grams, _prefixed
from partnergraph.learn.names import _is_word, is_part_of
from partnergraph.learn.text import _WORD, sentences, tokens
from partnergraph.models import Document, Organization, Span


def _plain_tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text)]


def test_english_tokens_equal_each_word_lowered():
    # İ lowers to two characters, Σ to σ or ς by its neighbours, K (Kelvin) and ſ fold to Latin letters
    tricky = ["Harlow University’s Rector", "İSTANBUL İz", "ΟΔΟΣ Σ", "ΣA", "\u212aelvin ſign", "STRASSE ẞ ß",
              "O'Neil’S", "", "  ", "ǅemal Ǆ"]
    alpha = list("aZkK'’ \tSsſıΣσςÉé1-İẞßǅǄ\u212a\u2126µ")
    rng = random.Random(3)
    tricky += ["".join(rng.choice(alpha) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for text in tricky:
        assert tokens(text, "en") == _plain_tokens(text), text


def _plain_grams(toks: list[str], chars: bool) -> list[str]:
    bigrams = [a + b for a, b in zip(toks, toks[1:]) if a != "ORG" and b != "ORG"]
    return toks + bigrams if chars else [t for t in toks if t == "ORG"] + bigrams


def test_chinese_grams_equal_the_pairs_of_characters_between_marks():
    rng = random.Random(4)
    for _ in range(2000):
        toks = [rng.choice(["ORG", "大", "学", "与", "a", "1"]) for _ in range(rng.randint(0, 12))]
        for chars in (True, False):
            assert _grams(toks, "zh", chars=chars) == _plain_grams(toks, chars), toks


def test_lower_words_of_each_text_its_own():
    a, b = "the Agriculture and agriculture", "Digital digital sovereignty"
    for _ in range(2):
        assert T.lower_words(a) == frozenset({"the", "and", "agriculture"})
        assert T.lower_words(b) == frozenset({"digital", "sovereignty"})


def test_chinese_pair_rows_equal_the_string_lookup():
    path = Path(str(files("partnergraph") / "trained" / "zh" / "names.crfsuite"))
    states = T.Tagger(path, "zh")._states
    known = sorted(states._pairs)
    rng = random.Random(5)
    alpha = sorted({c for p in known[:400] for c in p}) + list("abXY09 #\t大学")
    for _ in range(500):
        text = "".join(rng.choice(alpha) if rng.random() < 0.8 else rng.choice(known)
                       for _ in range(rng.randint(1, 40)))
        words: list[str] = []
        runs: list[int] = []
        for toks in T.sequences(text, [(0, len(text))], "zh"):
            ws = [text[a:b] for a, b in toks]
            runs += [len(words) + 2 + k for k, w in enumerate(ws) if len(w) > 1]
            words += ["#", "#", *ws, "#", "#"]
        if not words:
            continue
        rows = np.array(states._rows(words), dtype=np.intp)
        assert states._pair_ids(words, runs, rows).tolist() == [states._pairs.get(p, 0) for p in map(add, words, words[1:])]


def test_prefixed_names_equal_the_names_made_and_filtered():
    rng = random.Random(11)
    alpha = "ab签署w=|"
    for _ in range(300):
        prefix = rng.choice(("w=", "near_w=", "visit|w=", ""))
        grams = ["".join(rng.choice(alpha) for _ in range(rng.randint(0, 3))) for _ in range(30)]
        names = {rng.choice(("w=", "near_w=", "visit|w=", "x")) + "".join(rng.choice(alpha) for _ in range(rng.randint(0, 3))): (1.0,)
                 for _ in range(40)}
        assert list(filter(None, map(_prefixed(prefix, names).get, grams))) == \
            list(filter(names.__contains__, map(prefix.__add__, grams)))


def test_sentences_of_each_document_its_own():
    # the cuts are kept for the last document: another body of the same text, or another text, is read anew
    text = "Kestrel Group signed. Dr. Lin visited Lumio. 甲大学与乙公司签约。Then they met"
    whole = Document(id="a", text=text, body=[Span(start=0, end=len(text))])
    part = Document(id="b", text=text, body=[Span(start=0, end=21)])
    other = Document(id="c", text="Veltrix hosted. Kestrel came.", body=[Span(start=0, end=29)])
    for _ in range(2):
        assert sentences(whole, []) == [(0, 21), (21, 44), (44, 55), (55, 68)]
        assert sentences(whole, [(15, 23)]) == [(0, 44), (44, 55), (55, 68)]  # a name across a cut holds it
        assert sentences(part, []) == [(0, 21)]
        assert sentences(other, []) == [(0, 15), (15, 29)]


def _rule_codes_token_by_token(toks, rule_spans):
    tags = [T._O] * len(toks)
    k, n = 0, len(rule_spans)
    for i, (s, _) in enumerate(toks):
        while k < n and rule_spans[k][1] <= s:
            k += 1
        if k < n and rule_spans[k][0] <= s < rule_spans[k][1]:
            tags[i] = T._B if rule_spans[k][0] == s or (i and tags[i - 1] == T._O) else T._I
    return tags


def test_rule_codes_equal_the_token_by_token_walk():
    rng = random.Random(13)
    for _ in range(3000):
        text = "".join(rng.choice("ab 大学与公司,") for _ in range(rng.randint(0, 60)))
        lang = rng.choice(("en", "zh"))
        # mentions that nest, overlap, touch, cross the sentence's edges or cut a word
        spans = sorted({(a, a + rng.randint(1, 12)) for a in (rng.randint(-5, 65) for _ in range(rng.randint(0, 6)))
                        if a >= 0})
        s0 = rng.randint(0, max(0, len(text) - 1))
        toks = T.token_spans(text, s0, rng.randint(s0, len(text)), lang)
        assert T._rule_codes(toks, spans) == _rule_codes_token_by_token(toks, spans), (text, spans, toks)


def _part_by_pattern(name: str, known: str) -> bool:
    if name == known:
        return True
    if name not in known:
        return False
    if not name[:1].isascii():
        return True
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", known) is not None


def test_whole_word_parts_equal_the_pattern():
    word = re.compile(r"\w")
    for i in range(sys.maxunicode + 1):  # \w is what _is_word says, for every character
        if not 0xD800 <= i <= 0xDFFF:
            assert _is_word(chr(i)) == (word.match(chr(i)) is not None), hex(i)
    rng = random.Random(5)
    alpha = list("ab A_1-.,()&'") + ["é", "大", "Ⅳ", "²", "\u0301", "٣", "ǅ", "\u00a0"]
    for _ in range(20000):
        known = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 12)))
        a = rng.randint(0, len(known))
        name = known[a:rng.randint(a, len(known))] if rng.random() < 0.7 else rng.choice(alpha) * rng.randint(0, 2)
        assert is_part_of(name, known) == _part_by_pattern(name, known), (name, known)


def _opens_with_a_set(pattern: re.Pattern[str]) -> bool:
    """Whether the regex engine scans for the pattern's first character as a set (CPython's
    compiler; an interpreter without these internals is not asked)."""
    try:
        from re import _compiler, _parser
    except ImportError:
        return True
    return bool(_compiler._get_charset_prefix(_parser.parse(pattern.pattern, pattern.flags), pattern.flags))


def test_patterns_written_to_open_with_a_set_match_as_their_plain_forms():
    from partnergraph import dates
    from partnergraph.documents import language, normalize
    from partnergraph.extraction.rules.chinese import view
    from partnergraph.learn import text

    plain = [
        (text._END, r"[.!?;]+[\"'”’)]*(?=\s)|[。！？；]+[”’」』）]*|\n+"),
        (T._ZH_NOT_SINGLE, r"[A-Za-z0-9]+|\s+"),
        (language._CJK, r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"),
        (language._LATIN, r"[A-Za-z\u00c0-\u024f]+"),
        (normalize._MAY_CHANGE, normalize._MAY_CHANGE_CHAR + "+"),
        (dates._DIGITS, r"\d+"),
        (view._SENT_END, r"[。!?;]+"),
    ]
    rng = random.Random(8)
    alpha = list(".!?;。！？；\n \t\"'”’)」』）abZ9大学é\u00a0\u3000１٣、《")
    for fast, slow in plain:
        assert _opens_with_a_set(fast), fast.pattern
        slow = re.compile(slow)
        for _ in range(3000):
            t = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 20)))
            a = rng.randint(0, len(t))
            b = rng.randint(a, len(t))
            assert [m.span() for m in fast.finditer(t, a, b)] == [m.span() for m in slow.finditer(t, a, b)], (slow, t)


_ROLE_PATTERNS = ("_VISITOR_BEFORE", "_VISITOR_AFTER", "_HOST_BEFORE", "_HOST_AFTER", "_BYSTANDER_BEFORE",
                  "_BYSTANDER_AFTER", "_AGENT_AFTER", "_PARTNER_BEFORE")


@pytest.mark.parametrize("k", range(len(_ROLE_PATTERNS)))
def test_role_patterns_match_only_sentences_holding_their_words(k):
    # every text a role pattern finds a match in holds one of the words roles._WORDS lists for it
    # (a word left out fails: "'s team" for the visitor after, "support of" for the bystander before)
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from partnergraph.learn import roles

    pattern = getattr(roles, _ROLE_PATTERNS[k])

    @settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None, derandomize=True)
    @given(st.from_regex(pattern))
    def check(text):
        assert pattern.search(text)
        assert roles._may_match(text)[k], text

    check()


def test_roles_with_letters_folding_to_ascii_try_every_pattern(monkeypatch):
    from partnergraph.learn import roles

    assert roles._may_match("Kestrel Group") == (False,) * len(_ROLE_PATTERNS)
    for odd in ("ſaid", "İ", "ı", "\u212a"):  # IGNORECASE reads ſaid as said
        assert roles._may_match("Kestrel " + odd) == (True,) * len(_ROLE_PATTERNS)
    text = "Kestrel University viſited Lumio Labs, its rector ſaid; Veltrix hosts."
    spans = [(0, 18), (27, 37), (56, 63)]
    got = roles.mention_roles(text, spans, 0, len(text))
    assert got == [{"visitor"}, {"host", "bystander"}, {"host"}]
    monkeypatch.setattr(roles, "_may_match", lambda sentence: (True,) * len(_ROLE_PATTERNS))  # every pattern tried
    assert roles.mention_roles(text, spans, 0, len(text)) == got
    rng = random.Random(17)
    words = ["Kestrel", "Lumio", "visited", "VISIT", "a", "the", "delegation", "led", "by", "said", "hosts", ",",
             "welcomed", "attended", "support", "of", "team", "'s", "came", "to", "according", "viſited", "ſaid",
             "signed", "with", "between", "and", "agreement", "ſigned", "(", ")"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        spans = [m.span() for m in re.finditer(r"Kestrel|Lumio", text)]
        with monkeypatch.context() as m:
            m.setattr(roles, "_may_match", lambda sentence: (True,) * len(_ROLE_PATTERNS))
            every = roles.mention_roles(text, spans, 0, len(text))
        assert roles.mention_roles(text, spans, 0, len(text)) == every, text


def test_a_chinese_gap_too_far_to_link_has_too_many_tokens_or_a_name():
    from types import SimpleNamespace

    from partnergraph.learn import candidates as C

    rng = random.Random(19)
    for _ in range(3000):
        text = "".join(rng.choice("大学校长与 \u3000A1İ") for _ in range(rng.randint(0, 16)))
        mentions = sorted({(a, min(len(text), a + rng.randint(1, 4)), 0)
                           for a in (rng.randint(0, max(0, len(text) - 1)) for _ in range(rng.randint(0, 3)))})
        ctx = SimpleNamespace(doc=SimpleNamespace(text=text), lang="zh", mentions=mentions,
                              mention_starts=[s for s, _, _ in mentions], _masked_spans={})
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        between = C._mask_tokens(ctx, lo, hi)
        if C._too_far_to_link(text, lo, hi):
            assert "ORG" in between or len(between) > C._MAX_LINK, (text, mentions, lo, hi)


def _context(text: str):
    from partnergraph.documents.prepare import prepare
    from partnergraph.extraction.rules import RuleBackend
    from partnergraph.learn.candidates import Context

    doc = prepare(text, id="t")
    return Context.build(doc, RuleBackend().extract(doc))


_ARTICLES = ("华星电子集团与江岭大学签署战略合作协议。双方将共建联合实验室。江岭大学校长出席签约仪式。",
             "Harlow University and Stennis Institute of Technology signed a memorandum of understanding.\n"
             "The two sides will set up a joint laboratory. Veltrix Group hosted a delegation of Harlow University.")


def test_words_a_model_weighs_are_the_words_made_and_filtered():
    # the document's and an event's sentence words given `only` (a model's names) are those of the
    # unfiltered features that `only` holds, in the same order (the order the weights are added in)
    from partnergraph.learn.candidates import document_features, event_features

    rng = random.Random(23)
    for text in _ARTICLES:
        ctx = _context(text)
        every = document_features(ctx)
        events = [event_features(ctx, k) for k in range(len(ctx.candidate_events))]
        assert events and any(k.startswith("w=") for k in every)
        for _ in range(30):
            names = [k for f in [every, *events] for k in f]
            only = {k: (1.0,) for k in names if rng.random() < 0.5}
            only.update({"w=" + "".join(rng.choice("ab大学") for _ in range(2)): (1.0,) for _ in range(5)})
            assert list(document_features(ctx, only).items()) == \
                [(k, v) for k, v in every.items() if not k.startswith("w=") or k in only]
            for k, f in enumerate(events):
                assert list(event_features(ctx, k, only).items()) == \
                    [(n, v) for n, v in f.items() if "w=" not in n or n in only]


def test_a_long_text_and_a_short_one_are_converted_once(monkeypatch):
    from partnergraph.documents import traditional as tr

    conv = tr._converter()
    if conv is None:
        pytest.skip("opencc is not installed")
    calls = []

    class Counting:
        def convert(self, text):
            calls.append(text)
            return conv.convert(text)

    monkeypatch.setattr(tr, "_converter", lambda: Counting())
    tr._short.cache_clear()
    long_text = "臺灣大學與華星電子簽署合作協議。" * 20
    other = "香港大學與江嶺大學合作。" * 20
    got = [tr.to_simplified(t) for t in (long_text, other, long_text, "校長", "校長", other)]
    assert got == [conv.convert(t) for t in (long_text, other, long_text, "校長", "校長", other)]
    assert calls == [long_text, other, "校長"]
    assert got[0] == "台湾大学与华星电子签署合作协议。" * 20 and got[3] == "校长"
    tr._short.cache_clear()


def _gazetteer_tags_word_by_word(words, names, firsts):
    tags = ["O"] * len(words)
    i = 0
    while i < len(words):
        if words[i] in firsts:
            for k in range(min(T._GAZ_LONGEST, len(words) - i), 0, -1):
                if tuple(words[i:i + k]) in names:
                    tags[i:i + k] = ["B"] + ["I"] * (k - 1)
                    i += k
                    break
            else:
                i += 1
        else:
            i += 1
    return tags


def test_gazetteer_tags_equal_the_word_by_word_walk():
    # names that nest and overlap ("New York", "York", "New York City"): a word inside a name found is no start
    names = frozenset({("New", "York"), ("York",), ("New", "York", "City"), ("City",), ("Hong", "Kong"),
                       ("Kong",), ("A", "B", "C", "D"), ("B", "C")})
    firsts = frozenset(n[0] for n in names)
    rng = random.Random(29)
    for _ in range(3000):
        words = [rng.choice(["New", "York", "City", "Hong", "Kong", "A", "B", "C", "D", "x"]) for _ in range(rng.randint(0, 14))]
        assert T._gazetteer_tags(words, names, firsts) == _gazetteer_tags_word_by_word(words, names, firsts), words


# invented articles with many organizations, so most pairs score far under every threshold
_MANY_PAIRS = [
    "Harlow University and Stennis Institute of Technology signed a memorandum of understanding on 3 May 2024. "
    "Officials from Corvane Group, Lindell Bank and the Marlow Research Council attended the ceremony. "
    "A delegation led by Mayor Ilse Moran of Runcorn visited Tessaly University and Ashgrove Energy Group. "
    "Analysts at Osgood Research Institute said Peyton Chemical Corporation may join later. "
    "Fenwick Polytechnic University, Brightwater Bank and Kestrel Robotics founded the Northwind Alliance.",
    "2024年5月3日，江岭大学与海川集团签署战略合作协议，云溪科技大学、北湖大学和青石银行出席。"
    "南岭大学校长林晓峰带队访问东港集团，并与鹭岭科技集团座谈。浔州市政府、渭南市人民政府参加会议。"
    "江岭大学、北湖大学、东港集团、浔州大学共同发起成立海洋无人机产业联盟。",
]


def _margins(model, features: dict[str, float]) -> list[float]:
    z = list(model.bias)
    for name, value in features.items():
        for k, w in enumerate(model._rows.get(name, ())):
            z[k] += w * value
    return z


def _pair_contexts():
    from partnergraph import load_backend
    from partnergraph.documents import prepare
    from partnergraph.learn.decide import context_for

    backend = load_backend("learned")
    for k, text in enumerate(_MANY_PAIRS):
        doc = prepare(text, id=f"p{k}")
        lm = backend.model.languages[doc.lang]
        yield context_for(doc, backend.rules.extract(doc), lm), lm


def test_pair_bound_is_above_every_types_margin():
    # with the shipped weights, and with random ones over every name the pairs hold (half of them
    # negative: a bound that added a sentence's negative weights, or counted a name once too few, fails)
    from partnergraph.learn.candidates import pair_bound, pair_features, pair_parts
    from partnergraph.learn.linear import TypedModel

    rng = random.Random(17)
    pairs = 0
    for ctx, lm in _pair_contexts():
        names = sorted({n for a, b in ctx.pair_candidates() for n in pair_features(ctx, a, b)})
        fake = TypedModel(lm.pairs.types, tuple(rng.uniform(-1, 1) for _ in lm.pairs.types),
                          {n: tuple(rng.uniform(-1, 1) for _ in range(len(lm.pairs.types) + 1)) for n in names})
        for model in (lm.pairs, fake):
            for a, b in ctx.pair_candidates():
                parts = pair_parts(ctx, a, b)
                assert pair_features(ctx, a, b, model.weights, parts) == pair_features(ctx, a, b, model.weights)
                z = _margins(model, pair_features(ctx, a, b, model.weights))
                assert pair_bound(ctx, parts, model) >= max(z) - 1e-12, (a, b)
                pairs += 1
    assert pairs > 50


def test_decide_leaving_out_pairs_under_every_threshold_decides_as_with_every_score():
    from partnergraph.learn.decide import decide, score_candidates

    left_out = 0
    for ctx, lm in _pair_contexts():
        every = score_candidates(ctx, lm)
        for th in ({}, {"party": 0.0, "backed": 0.25}, {"party": 0.3, "pairs": 0.5, "backed": 1.01},
                   {"pairs": 0.05, "backed": 1.01, "party": 0.0}, {"pairs": 1.01, "backed": 1.01, "party": 0.0},
                   {"pairs": 0.9, "backed": 0.05, "party": 0.0}, {"pairs": 0.9, "backed": 1.01, "party": 0.05},
                   {"document": 0.999999}):
            both = dict(lm.thresholds, **th)
            some = score_candidates(ctx, lm, both.get("document", 0.0) > 0, both)
            told = some[4] >= both.get("document", 0.0)
            lowest = min(both["pairs"], both["backed"], both["party"] if both["party"] > 0 else 2)
            for key, p in every[1].items():
                if key not in some[1]:  # left out: under every threshold of every type of the pair
                    assert not told or max(every[1][(*key[:2], t)] for t in lm.pairs.types) < lowest
                    left_out += 1
                else:
                    assert some[1][key] == p
            assert decide(ctx, lm, thresholds=th) == decide(ctx, lm, every, thresholds=th)
    assert left_out


def test_chinese_masked_texts_and_grams_equal_those_of_the_masked_tokens():
    # a sentence's masked text is its masked tokens joined, and its grams the bigrams of those
    # tokens (names masked, spaces dropped, lowered: "Ｉ" and "İ" too), for texts whose names
    # overlap, touch, stand first or last; a text made of the pieces without lowering them, or
    # keeping their spaces, or grams not split at the marks, fails
    from partnergraph.learn.candidates import Context, _grams, _mask_tokens, _masked_text
    from partnergraph.models import Extraction, Organization, Provenance

    rng = random.Random(11)
    alphabet = "甲乙丙大学公司与签约 \u3000AbİＩ，。\n"
    checked = 0
    for k in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        orgs = []
        for j in range(rng.randint(0, 4)):
            s = rng.randrange(len(text))
            e = min(len(text), s + rng.randint(1, 6))
            if text[s:e].strip():
                orgs.append(Organization(name=f"O{j}", kind="company", evidence=[Span(start=s, end=e, field="name")]))
        doc = Document(id=f"z{k}", text=text, lang="zh")
        rules = Extraction(id=doc.id, lang="zh", text=text, organizations=orgs,
                           provenance=Provenance(backend="rules", version="test"))
        ctx = Context.build(doc, rules, orgs)
        for si, (s0, s1) in enumerate(ctx.sents):
            toks = _mask_tokens(ctx, s0, s1)
            assert _masked_text(ctx, s0, s1) == ctx.masked_texts[si] == "".join(toks)
            assert ctx.sentence_grams(si) == list(dict.fromkeys(_grams(toks, "zh", chars=False)))
            checked += 1
    assert checked > 300


def _sentence_at_by_search(sents: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(sents) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = sents[mid]
        if pos < s:
            hi = mid - 1
        elif pos >= e:
            lo = mid + 1
        else:
            return mid
    return max(0, min(lo, len(sents) - 1))


def test_sentence_at_by_bisection_equals_the_binary_search():
    # sentences in order and apart (with gaps, touching, none at all) are found by bisection,
    # any other list (overlapping, out of order, empty spans) by the search itself; every
    # position before, inside, between and after them answers as the search does (a bisection
    # that took a gap's position for the sentence before it, or ran on overlapping ones, fails)
    from partnergraph.learn.candidates import Context

    rng = random.Random(23)
    bisected = 0
    for k in range(600):
        sents, pos = [], 0
        for _ in range(rng.randint(0, 8)):
            pos += rng.choice([0, 0, 1, 3])
            end = pos + rng.randint(1, 9)
            sents.append((pos, end))
            pos = end
        if k % 4 == 0 and sents:  # some lists not in order and apart
            i = rng.randrange(len(sents))
            s, e = sents[i]
            sents[i] = rng.choice([(s, s), (max(0, s - 4), e + 4), (e + 50, e + 60)])
        ctx = Context.__new__(Context)
        ctx.sents = sents
        bisected += ctx._sentence_starts is not None
        for p in range(-2, pos + 70):
            assert ctx.sentence_at(p) == _sentence_at_by_search(sents, p), (sents, p)
    assert 300 < bisected < 600


def _plain_english_places(doc, orgs, taken) -> list[tuple[str, list[tuple[int, int]]]]:
    """english_place_candidates as first written: every word of the body walked in turn."""
    from partnergraph.learn import places as P

    text = doc.text
    names, firsts = P._english_places()
    body = sorted((s.start, s.end) for s in doc.body) or [(0, len(text))]
    known = {n for o in orgs for n in [o.name, *o.aliases]}
    found: dict[str, list[tuple[int, int]]] = {}
    for b0, b1 in body:
        toks = [(m.start(), m.end(), m.group()) for m in P._EN_TOKEN.finditer(text, b0, b1)]
        i = 0
        while i < len(toks):
            if toks[i][2] not in firsts:
                i += 1
                continue
            hit = 0
            for k in range(min(P._EN_LONGEST, len(toks) - i), 0, -1):
                run = toks[i:i + k]
                if tuple(t[2] for t in run) in names and all(
                        text[a[1]:b[0]] in ("", " ") for a, b in zip(run, run[1:])):
                    hit = k
                    break
            if not hit:
                i += 1
                continue
            s, e = toks[i][0], toks[i + hit - 1][1]
            prev = toks[i - 1] if i > 0 else None
            nxt = toks[i + hit] if i + hit < len(toks) else None
            slot = P._in_slot(text, toks, i, i + hit)
            i += hit
            joined_before = prev is not None and text[prev[1]:s] == " " and P._capitalised(prev[2]) \
                and prev[2] not in P._EN_OPENERS
            joined_after = nxt is not None and text[e:nxt[0]] == " " and P._capitalised(nxt[2]) \
                and (nxt[2],) not in names
            glued = (prev is not None and prev[1] == s and prev[2][:1].isalnum()) or \
                (nxt is not None and nxt[0] == e and nxt[2][:1].isalnum())
            name = text[s:e]
            if not slot or name in P._NO_GOVERNMENT or joined_before or joined_after or glued or name in known \
                    or taken.overlaps(s, e):
                continue
            if name not in found and len(found) >= P._MAX_EN_PLACES:
                continue
            found.setdefault(name, []).append((s, e))
    return list(found.items())


def test_english_place_candidates_equal_the_word_by_word_walk():
    # places at the start and end of the body, runs of places (Hong Kong Hong Kong), dotted short
    # forms (U.K.), hyphened pairs, possessives, slots before and after, a name already known
    from partnergraph.documents import prepare
    from partnergraph.learn.names import Taken
    from partnergraph.learn.places import english_place_candidates

    words = ["Kenya", "Canada", "Hong", "Kong", "United", "Kingdom", "U", ".", "K", "U.K.", "Chile", "China",
             "and", "with", "between", "visited", "signed", "in", "'", "s", "delegation", "-", "The", "Harbour",
             "Works", ",", "a", "visit", "to", "Europe", "Saudi", "Arabia", "minister", "&"]
    seps = [" ", " ", " ", "", "\n", "  "]
    rng = random.Random(11)
    checked = 0
    for n in range(400):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 40)))
        doc = prepare(text, id=f"p{n}", lang="en")
        known = [o for o in (Organization(name="Canada", evidence=[]), ) if n % 3 == 0]
        taken = Taken([(0, 5)] if n % 4 == 0 else [])
        got = [(o.name, [(s.start, s.end) for s in o.evidence]) for o in english_place_candidates(doc, known, taken)]
        assert got == _plain_english_places(doc, known, taken), text
        checked += bool(got)
    assert checked > 50


def _plain_trim_proposals(text, orgs, spans):
    from partnergraph.learn.bounds import _MIN_TRIMMED, _name_spans

    owners: dict[str, list[int]] = {}
    for j, o in enumerate(orgs):
        for form in dict.fromkeys([o.name, *o.aliases]):
            owners.setdefault(form, []).append(j)
    tagged = {(s, e) for s, e, t in spans if t == "ORG"}
    out = []
    for i, o in enumerate(orgs):
        name = o.name
        occ = _name_spans(text, o) if tagged else []
        for k in range(1, len(name) - _MIN_TRIMMED + 1):
            j = next((x for x in owners.get(name[k:], []) if x != i), None)
            if j is not None or any((s + k, e) in tagged for s, e in occ):
                out.append((i, k, j))
                break
    return out


def test_trim_proposals_equal_a_lookup_per_cut():
    from partnergraph.learn.bounds import trim_proposals

    chars = "甲乙丙集团大学任不久前部"
    rng = random.Random(12)
    proposed = 0
    for _ in range(600):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(4, 40)))
        orgs = []
        for _ in range(rng.randint(1, 5)):
            s = rng.randrange(len(text) - 2)
            e = rng.randint(s + 2, min(len(text), s + 9))
            name = text[s:e]
            spans = [Span(start=s, end=e, field=rng.choice(["name", "name", "alias"]))]
            aliases = [name[rng.randrange(len(name) - 1):]] if rng.random() < 0.3 else []
            orgs.append(Organization(name=name, aliases=aliases, evidence=spans))
        tagged = []
        for _ in range(rng.randint(0, 6)):
            s = rng.randrange(len(text) - 1)
            tagged.append((s, rng.randint(s + 1, min(len(text), s + 8)), rng.choice(["ORG", "ORG", "PER"])))
        got = trim_proposals(text, orgs, tagged)
        assert got == _plain_trim_proposals(text, orgs, tagged), (text, orgs, tagged)
        proposed += bool(got)
    assert proposed > 100


def test_binary_probability_equals_each_weight_times_its_value():
    from partnergraph.learn.linear import LinearModel, _sigmoid

    rng = random.Random(13)
    names = [f"f{k}" for k in range(40)]
    for _ in range(300):
        weights = {n: (rng.choice([0.0, -0.0, rng.uniform(-3, 3), rng.uniform(-1e-9, 1e-9)]),)
                   for n in names if rng.random() < 0.6}
        model = LinearModel(("no", "yes"), (rng.uniform(-2, 2),), weights)
        for _ in range(5):
            feats = {n: 1.0 for n in rng.sample(names, rng.randint(0, 30))}
            if rng.random() < 0.3 and feats:
                feats[next(iter(feats))] = rng.choice([0.5, 2.0, 1, True])
            z = model.bias[0]
            for n, v in feats.items():
                if n in weights:
                    z += weights[n][0] * v
            assert model.probability(feats) == _sigmoid(z)


_PLAIN_RULE_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|(?<![\w&])[A-Z]{1,4}&[A-Z]{1,4}(?![\w&])|[^\W_](?:[\w'\-]*[^\W_])?|[^\s\w]")


def test_english_rule_tokens_equal_each_match_of_the_plain_pattern_read_in_turn():
    # initialisms, capitals joined by "&" (at most four each side, not after a word or "&"), words
    # with inner ' and -, "_" (never a token), a control character str.isspace() counts as space
    from partnergraph.extraction.rules.english.text import Token, tokenize

    alpha = list("aZBq.&'-_ \t\n\x1cİΣß1é(),\u00a0\u2019") + ["A&M", "U.S.", "AT&T", "O'Neil", "co-op",
                                                             "ABCDE&FGHIJ", "a.b.c."]
    rng = random.Random(14)
    for _ in range(20000):
        view = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(view))
        end = rng.randint(start, len(view))
        plain = [Token(m.start(), m.end(), m.group(), m.group().lower())
                 for m in _PLAIN_RULE_TOKEN.finditer(view, start, end)]
        got = tokenize(view, start, end)
        assert got == plain and all(type(t) is Token for t in got), view
