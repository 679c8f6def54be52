"""A sequence tagger for organization and person names: a CRF (python-crfsuite) per language.

It finds the names the rules never propose ("Kestrel signed with Lumio", 騰訊, a ministry
whose name holds commas). English is tagged word by word, Chinese character by character, one
sentence at a time, with BIO labels for ORG and PER. The rule engine's own organization
mentions are a feature, so the tagger learns where to trust and where to extend them. The model
is a CRFsuite file in the model folder, read by the CRFsuite library, never executed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat, starmap
from operator import add
from pathlib import Path

from partnergraph.errors import ModelError
from partnergraph.learn.crf_file import CrfWeights, model_attributes, model_weights
from partnergraph.learn.datafiles import data_lines

# a word is a run of letters and digits; every punctuation mark is its own token, so a name
# ends where the annotation ends: "Samsung" in "Samsung's", "China" in "Australia-China",
# "NASENI" before a full stop (glued, 15% of the gold English mentions could not be tagged)
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_LOWER_WORD = re.compile(r"(?<![^\W_])[a-z]+(?![^\W_])")
_GAZ_LONGEST = 4  # words of the longest place name looked up
# sequences longer than this are cut (a page with no sentence ends must not make one huge sequence)
_MAX_SEQ = 120


def _shape(tok: str) -> str:
    out = []
    for c in tok[:6]:
        k = "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c
        if not out or out[-1] != k:
            out.append(k)
    return "".join(out)


def _char_type(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf":
        return "han"
    if c.isdigit():
        return "digit"
    if c.isalpha():
        return "upper" if c.isupper() else "latin"
    return "punct" if not c.isspace() else "space"


_ZH_TOKEN = re.compile(r"[A-Za-z0-9]+|\S")
# what is not one character a token in Chinese: Latin runs (one token) and spaces (none)
# (written to open with one character set, which the regex engine scans for at C speed: the
# alternation [A-Za-z0-9]+|\s+ was tried at every character, three times slower)
_ZH_NOT_SINGLE = re.compile(r"[A-Za-z0-9\s](?:(?<=[A-Za-z0-9])[A-Za-z0-9]*|(?<=\s)\s*)")


def token_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Words (English) or non-space characters (Chinese; Latin runs stay words) in text[start:end]:
    the matches of `_TOKEN` or `_ZH_TOKEN`. In Chinese the few Latin runs and spaces are found by
    pattern and the characters between them are spans of one (a C-level pass, not a match each)."""
    if lang != "zh":
        return [m.span() for m in _TOKEN.finditer(text, start, end)]
    start, end = max(0, start), min(end, len(text))
    out: list[tuple[int, int]] = []
    pos = start
    for m in _ZH_NOT_SINGLE.finditer(text, start, end):
        a, b = m.span()
        out += zip(range(pos, a), range(pos + 1, a + 1))
        if not text[a].isspace():
            out.append((a, b))
        pos = b
    out += zip(range(pos, end), range(pos + 1, end + 1))
    return out


def _rule_tags(toks: list[tuple[int, int]], rule_spans: list[tuple[int, int]], longest: int | None = None) -> list[str]:
    """B/I/O of each token by the rule mentions (`rule_spans` sorted; `longest` their greatest
    length), found by bisection so a sentence costs its own tokens, not every mention of the article."""
    return [_TAG_NAMES[c] for c in _rule_codes(toks, rule_spans, longest)]


# the rule tags' codes: their rows in the states' tables (`ZhStates._rule_w`, `EnStates._rule_w`)
_B, _I, _O, _PAD_CODE = 0, 1, 2, 3
_TAG_NAMES = "BIO#"


def _rule_codes(toks: list[tuple[int, int]], rule_spans: list[tuple[int, int]], longest: int | None = None) -> list[int]:
    """`_rule_tags` as the codes 0 (B), 1 (I), 2 (O): the row of the tag in the states' tables,
    made directly rather than as strings looked up one by one."""
    tags = [_O] * len(toks)
    if not toks or not rule_spans:
        return tags
    if longest is None:
        longest = max(e - s for s, e in rule_spans)
    k = bisect_left(rule_spans, (toks[0][0] - longest, -1))
    n = len(rule_spans)
    if k >= n or rule_spans[k][0] >= toks[-1][1]:
        return tags  # no rule mention reaches this sentence
    # token by token, the first mention not ended before the token tags it if it covers it;
    # the tokens before that mention's start are O, skipped by bisection (most of a sentence)
    i, m = 0, len(toks)
    while i < m:
        s = toks[i][0]
        while k < n and rule_spans[k][1] <= s:
            k += 1
        if k == n:
            break
        start = rule_spans[k][0]
        if s < start:
            i = bisect_left(toks, (start,), i + 1)
            continue
        tags[i] = _B if start == s or (i and tags[i - 1] == _O) else _I
        i += 1
    return tags


# a word's (or character's) feature strings depend on the word alone: they are made once per
# distinct word and kept (up to this many words; then the table starts again)
_MAX_CACHED = 50_000


def _b(prefix: str, values: str) -> dict[str, bytes]:
    return {t: (prefix + t).encode() for t in values}


_RULE = _b("rule=", "BIO")
_RULE_BEFORE = _b("rule-1=", "BIO")
_RULE_AFTER = _b("rule1=", "BIO")
_ZH_RULE_BEFORE = _b("rule-1=", "BIO#")
_ZH_RULE_AFTER = _b("rule+1=", "BIO#")
_EN_EDGES = (b"w-2=#", b"w-1=#", b"w1=#", b"w2=#")
_HEAD_CHAR = b"headchar"
# what a word is by itself (word lists) and in its document: its own string, as the word before, after
_KINDS = {k: (k.encode(), (k + "-1").encode(), (k + "1").encode())
          for k in ("head", "titlew", "honor", "placeB", "placeI", "lowerdoc")}


@dataclass(frozen=True)
class NameLexicon:
    """Word lists the tagger reads as features: organization heads (English words, Chinese
    characters); for English also places and nationalities (word sequences, as written, and
    their first words), the words of post titles and honorifics (lower-cased)."""

    heads: frozenset[str]
    places: frozenset[tuple[str, ...]] = frozenset()
    place_firsts: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()


def _gazetteer_tags(words: list[str], names: frozenset[tuple[str, ...]],
                    firsts: frozenset[str] | None = None) -> list[str]:
    """B/I of each word inside the longest listed name starting at or covering it, else O
    (`firsts`: the names' first words, where a lookup is worth trying)."""
    if firsts is None:
        firsts = frozenset(n[0] for n in names if n)
    tags = ["O"] * len(words)
    # the words a name may start at, picked at C level; one inside a name found is passed over
    for i in compress(range(len(words)), map(firsts.__contains__, words)):
        if tags[i] != "O":
            continue
        for k in range(min(_GAZ_LONGEST, len(words) - i), 0, -1):
            if tuple(words[i:i + k]) in names:
                tags[i] = "B"
                for j in range(i + 1, i + k):
                    tags[j] = "I"
                break
    return tags


def lower_words(text: str) -> frozenset[str]:
    """The words the document writes in lower case: a capitalised word also written in lower
    case ("Agriculture" / "agriculture") is likelier a common word than a name."""
    last = _LOWER_LAST[0]  # one tuple, read once: consistent whatever another thread stores
    if last[0] is text:  # the tagger and then the candidates ask for the same document's
        return last[1]
    got = frozenset(_LOWER_WORD.findall(text))
    _LOWER_LAST[0] = (text, got)
    return got


# the last text lower_words read (the very object) and its words
_LOWER_LAST: list[tuple[str | None, frozenset[str]]] = [(None, frozenset())]


class FeatureStrings:
    """`features()` for one language and word lists, with each word's strings made once.

    The strings and their order are exactly those of the feature definition (training and
    tagging share this class); only the work of making them is remembered. They are given as
    UTF-8 bytes, the form CRFsuite keeps them in (a str would be encoded on every call). With
    `known` (the strings a trained model holds, `crf_file.model_attributes`) the Chinese
    character bigrams it lacks, seven in ten, are left out: CRFsuite would skip them, so the
    labels are the same.
    """

    def __init__(self, lang: str, lex: NameLexicon, known: frozenset[bytes] | None = None) -> None:
        self.lang, self.lex, self.heads = lang, lex, lex.heads
        self.known = known
        self._words: dict[str, tuple] = {}
        self._bigrams: dict[str, tuple[bytes | None, bytes | None]] = {}

    def _en_word(self, word: str) -> tuple:
        lw = word.lower()
        sh = _shape(word)
        own = ["w=" + lw, "shape=" + sh, "suf3=" + lw[-3:], "pre3=" + lw[:3]]
        if word[:1].isupper():
            own.append("title")
        lex = self.lex
        kinds = [k for k, hit in (("head", lw in self.heads), ("titlew", lw in lex.title_words),
                                  ("honor", lw in lex.honorifics)) if hit]
        own += kinds
        # own strings; as the word two before, one before (word, shape), one after, two after;
        # its word-list kinds as the word before and after
        return ([x.encode() for x in own], *(x.encode() for x in (
            "w-2=" + lw, "w-1=" + lw, "shape-1=" + sh, "w1=" + lw, "shape1=" + sh, "w2=" + lw)),
            tuple(_KINDS[k][1] for k in kinds), tuple(_KINDS[k][2] for k in kinds))

    def _bigram(self, pair: str) -> tuple[bytes | None, bytes | None]:
        """A character pair's (b-1=, b+1=) strings; None for one the model (`known`) does not hold."""
        known = self.known
        return tuple(x if known is None or x in known else None
                     for x in (("b-1=" + pair).encode(), ("b+1=" + pair).encode()))

    def _zh_char(self, c: str) -> tuple:
        return (*(x.encode() for x in ("c=" + c, "t=" + _char_type(c[0]), "c-2=" + c, "c-1=" + c, "c1=" + c,
                                       "c2=" + c)), c in self.heads)

    def __call__(self, text: str, toks: list[tuple[int, int]], rule_spans: list[tuple[int, int]],
                 longest: int | None = None, lower: frozenset[str] = frozenset()) -> list[list[bytes]]:
        cache = self._words
        if len(cache) > _MAX_CACHED:
            cache.clear()
        words = [text[s:e] for s, e in toks]
        rt = _rule_tags(toks, rule_spans, longest)
        make = self._zh_char if self.lang == "zh" else self._en_word
        entries = list(map(cache.get, words))  # a C-level pass; the words not made yet are made below
        if None in entries:
            for i, w in enumerate(words):
                if entries[i] is None:
                    e = cache.get(w)
                    if e is None:
                        e = cache[w] = make(w)
                    entries[i] = e
        n = len(words)
        out = []
        if self.lang == "zh":
            pad = (None, None, b"c-2=#", b"c-1=#", b"c1=#", b"c2=#")
            ent = [pad, pad, *entries, pad, pad]
            w = ["#", *words, "#"]
            table = self._bigrams
            if len(table) > _MAX_CACHED:
                table.clear()
            # each character with the next, as (b-1=, b+1=) strings
            pairs = list(map(add, w, w[1:]))
            bigrams = list(map(table.get, pairs))
            if None in bigrams:
                for i, pair in enumerate(pairs):
                    if bigrams[i] is None:
                        got = table.get(pair)
                        if got is None:
                            got = table[pair] = self._bigram(pair)
                        bigrams[i] = got
            r = ["#", *rt, "#"]
            for tag, e, e2b, e1b, e1a, e2a, bb, ba, rb, ra in zip(
                    rt, entries, ent, ent[1:], ent[3:], ent[4:], bigrams, bigrams[1:], r, r[2:]):
                # most bigrams are no string of the model (None): left out, in the same order
                before, after = bb[0], ba[1]
                if before is None:
                    if after is None:
                        f = [_RULE[tag], e[0], e[1], e2b[2], e1b[3], e1a[4], e2a[5],
                             _ZH_RULE_BEFORE[rb], _ZH_RULE_AFTER[ra]]
                    else:
                        f = [_RULE[tag], e[0], e[1], e2b[2], e1b[3], e1a[4], e2a[5], after,
                             _ZH_RULE_BEFORE[rb], _ZH_RULE_AFTER[ra]]
                elif after is None:
                    f = [_RULE[tag], e[0], e[1], e2b[2], e1b[3], e1a[4], e2a[5], before,
                         _ZH_RULE_BEFORE[rb], _ZH_RULE_AFTER[ra]]
                else:
                    f = [_RULE[tag], e[0], e[1], e2b[2], e1b[3], e1a[4], e2a[5], before, after,
                         _ZH_RULE_BEFORE[rb], _ZH_RULE_AFTER[ra]]
                if e[6]:
                    f.append(_HEAD_CHAR)
                out.append(f)
            return out
        # what each word is in this text: part of a place name, a capitalised word the document
        # also writes in lower case
        place = _gazetteer_tags(words, self.lex.places, self.lex.place_firsts)
        dyn = [[_KINDS[k] for k in (("place" + t) if t != "O" else "",
                                    "lowerdoc" if w[:1].isupper() and w.lower() in lower else "") if k]
               for w, t in zip(words, place)]
        for i in range(n):
            e = entries[i]
            f = [_RULE[rt[i]], *e[0]]
            if dyn[i]:
                f += [k[0] for k in dyn[i]]
            f.append(entries[i - 2][1] if i >= 2 else _EN_EDGES[0])
            if i >= 1:
                p = entries[i - 1]
                f += (p[2], p[3], _RULE_BEFORE[rt[i - 1]])
                if p[7]:
                    f += p[7]
                if dyn[i - 1]:
                    f += [k[1] for k in dyn[i - 1]]
            else:
                f.append(_EN_EDGES[1])
            if i + 1 < n:
                q = entries[i + 1]
                f += (q[4], q[5], _RULE_AFTER[rt[i + 1]])
                if q[8]:
                    f += q[8]
                if dyn[i + 1]:
                    f += [k[2] for k in dyn[i + 1]]
            else:
                f.append(_EN_EDGES[2])
            f.append(entries[i + 2][6] if i + 2 < n else _EN_EDGES[3])
            out.append(f)
        return out


_MAKERS: dict[tuple[str, NameLexicon], FeatureStrings] = {}


def features(text: str, toks: list[tuple[int, int]], lang: str, rule_spans: list[tuple[int, int]],
             lex: NameLexicon, longest: int | None = None, lower: frozenset[str] = frozenset()) -> list[list[bytes]]:
    """The feature strings of each token (UTF-8 bytes): shared by training and tagging.

    English, per word: its rule tag (B/I/O of the rules' organization mentions), the lower-cased
    word, its shape, 3-letter suffix and prefix, title case, head word, title word, honorific,
    part of a place name (B/I), a capitalised word the document (`lower`: its lower-case words)
    also writes in lower case; the words two before and after, and the shape, rule tag and those
    kinds of the words next to it. Chinese, per character:
    its rule tag, the character and its type, the characters two before and after, the bigrams
    with its neighbours, the neighbours' rule tags, head character.
    """
    maker = _MAKERS.get((lang, lex))
    if maker is None:
        if len(_MAKERS) > 8:
            _MAKERS.clear()
        maker = _MAKERS[(lang, lex)] = FeatureStrings(lang, lex)
    return maker(text, toks, rule_spans, longest, lower)


def bio_labels(toks: list[tuple[int, int]], mentions: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of tokens from gold mentions (start, end, ORG|PER); tokens are inside or out."""
    labels = ["O"] * len(toks)
    for s, e, typ in mentions:
        inside = [i for i, (a, b) in enumerate(toks) if a >= s and b <= e]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + typ
    return labels


def spans_of(toks: list[tuple[int, int]], labels: list[str]) -> list[tuple[int, int, str]]:
    """The (start, end, type) names a BIO labelling reads: B- opens a name, I- of the same type
    goes on with it, anything else closes it. Only the labelled tokens are visited (most are O)."""
    out = []
    cur = None
    last = -2
    for i, lab in [(i, lab) for i, lab in enumerate(labels[:len(toks)]) if lab != "O"]:
        if i != last + 1 and cur is not None:  # an O between them closed the name
            out.append(cur)
            cur = None
        last = i
        s, e = toks[i]
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


def sequences(text: str, sents: list[tuple[int, int]], lang: str) -> list[list[tuple[int, int]]]:
    out = []
    for s0, s1 in sents:
        toks = token_spans(text, s0, s1, lang)
        if len(toks) <= _MAX_SEQ:  # most sentences: one sequence, the list as made
            if toks:
                out.append(toks)
            continue
        for k in range(0, len(toks), _MAX_SEQ):
            out.append(toks[k:k + _MAX_SEQ])
    return out


def heads(lang: str) -> frozenset[str]:
    """Organization head words (English, lower-cased) or head characters (Chinese), from the lexicons."""
    words = data_lines("zh_org_suffixes.tsv" if lang == "zh" else "en_org_heads.tsv")
    return frozenset(w[-1] for w in words if w) if lang == "zh" else frozenset(w.lower() for w in words)


def word_tokens(text: str) -> list[str]:
    """An English text's words and signs, as the place list is keyed ("Hong Kong" -> Hong, Kong)."""
    return _TOKEN.findall(text)


@lru_cache(maxsize=2)
def name_lexicon(lang: str) -> NameLexicon:
    """The tagger's word lists for a language, read once from the package's lexicons."""
    if lang == "zh":
        return NameLexicon(heads=heads(lang))
    places = [*data_lines("en_places.txt"), *data_lines("en_nationalities.txt")]
    titles = data_lines("en_titles.txt")
    place_names = frozenset(tuple(word_tokens(p)) for p in places if p)
    return NameLexicon(
        heads=heads(lang),
        places=place_names,
        place_firsts=frozenset(n[0] for n in place_names if n),
        title_words=frozenset(w.lower() for t in titles for w in _TOKEN.findall(t)),
        honorifics=frozenset(h.lower().rstrip(".") for h in data_lines("en_honorifics.txt")),
    )


class Tagger:
    """A trained CRF read from its file.

    A document's sequences are labelled here in one batch: the model's weights are read from
    the file (`crf_file.model_weights`), each token's scores per label added from them as
    CRFsuite adds its strings' weights (`ZhStates` per character, `EnStates` per word) and the
    best labels found as CRFsuite's Viterbi finds them (`viterbi`): the same double operations
    in the same order, so the same labels, without converting and looking up 18,000 strings an
    article. A file not laid out as read there is tagged by CRFsuite itself.
    """

    def __init__(self, path: Path, lang: str) -> None:
        self.lang, self.lex, self.path = lang, name_lexicon(lang), path
        if not path.is_file():
            raise ModelError(f"model file {path} is missing", hint="retrain the model with `partnergraph train`")
        weights = model_weights(path)
        self._states = None if weights is None else (
            ZhStates(weights, self.lex.heads) if lang == "zh" else EnStates(weights, self.lex))
        self._crf = None
        if weights is None:
            self._crfsuite()  # a file CRFsuite cannot read either fails here, not at the first article

    def _crfsuite(self):
        """CRFsuite with the model file and the feature strings it is given (opened when first asked)."""
        if self._crf is None:
            import pycrfsuite

            crf = pycrfsuite.Tagger()
            try:
                crf.open(str(self.path))
            except (OSError, ValueError) as err:
                raise ModelError(f"model file {self.path} is not a CRF model ({err})", hint="retrain it") from None
            self._crf = crf, FeatureStrings(self.lang, self.lex, model_attributes(self.path))
        return self._crf

    def tag(self, text: str, sents: list[tuple[int, int]], rule_spans: list[tuple[int, int]]):
        """(start, end, ORG|PER) names found in the sentences."""
        out = []
        rule_spans = sorted(rule_spans)
        longest = max((e - s for s, e in rule_spans), default=0)
        seqs = sequences(text, sents, self.lang)
        lower = lower_words(text) if self.lang != "zh" else frozenset()
        states = self._states
        if states is not None:
            state = states(text, seqs, rule_spans, longest) if self.lang == "zh" else \
                states(text, seqs, rule_spans, longest, lower)
            for toks, labels in zip(seqs, viterbi(states.weights, state, [len(t) for t in seqs])):
                if labels is not None:
                    out += spans_of(toks, labels)
            return out
        crf, features = self._crfsuite()
        for toks in seqs:
            labels = crf.tag(features(text, toks, rule_spans, longest, lower))
            if labels.count("O") < len(labels):
                out += spans_of(toks, labels)
        return out


class ZhStates:
    """Chinese tokens' scores per label: the weights of the strings `FeatureStrings` makes for
    Chinese, added in its order (rule tag, character, type, the characters two before to two
    after, the bigrams with the neighbours, the neighbours' rule tags, head character), read
    from tables made once from the model's attributes: a row per character (or Latin run) the
    model names, with its own, type, c-2..c2 and head weights (a character it does not name
    shares the row of its type), a row per bigram it names (row 0, zeros, for the others), a
    row per rule tag."""

    _PAD = "#"

    def __init__(self, weights: CrfWeights, heads: frozenset[str]) -> None:
        import numpy as np

        self.weights, self.heads = weights, heads
        ids, z, state = weights.attribute_ids, weights.missing, weights.state
        types = ("han", "digit", "upper", "latin", "punct", "space")
        head = ids.get(_HEAD_CHAR, z)
        # rows 0..11: a character the model does not name, by type and head; then one per named
        self._unnamed = {(t, h): 2 * k + h for k, t in enumerate(types) for h in (0, 1)}
        rows = [[z, ids.get(("t=" + t).encode(), z), z, z, z, z, head if h else z] for t in types for h in (0, 1)]
        named: dict[str, list[int]] = {}
        pairs: dict[str, list[int]] = {}
        columns = {b"c": 0, b"c-2": 2, b"c-1": 3, b"c1": 4, b"c2": 5}
        sides = {b"b-1": 0, b"b+1": 1}
        for a, k in ids.items():
            prefix, _, rest = a.partition(b"=")
            col = columns.get(prefix)
            if col is not None:
                c = rest.decode("utf-8")
                row = named.get(c)
                if row is None:
                    row = named[c] = [z, ids.get(("t=" + _char_type(c[0])).encode(), z), z, z, z, z,
                                      head if c in heads else z]
                row[col] = k
            elif prefix in sides:
                pairs.setdefault(rest.decode("utf-8"), [z, z])[sides[prefix]] = k
        pair_list = sorted(pairs)
        # the pairs of two characters found by number rather than by string: each character of
        # such a pair has a code (1..), a pair of codes a key a * base + b, the keys sorted with
        # their rows (a token of more than one character, a Latin run, is looked up by string)
        two = [p for p in pair_list if len(p) == 2]
        self._codes = {c: k + 1 for k, c in enumerate(sorted({c for p in two for c in p}))}
        # a character with a code has a row of its own (the weights of its type's row when the
        # model names it in no other string), so a row tells the code (`_code_of_row`)
        for c in [self._PAD, *self._codes]:
            if c not in named:
                named[c] = [z, ids.get(("t=" + _char_type(c[0])).encode(), z), z, z, z, z, head if c in heads else z]
        tokens = sorted(named)
        rows += [named[c] for c in tokens]
        self._named = {c: len(types) * 2 + k for k, c in enumerate(tokens)}
        self._chars = dict(self._named)
        self._code_of_row = np.array([0] * len(types) * 2 + [self._codes.get(c, 0) for c in tokens], dtype=np.int64)
        # the tables are kept column by column ([column, row, label]): a document's rows gathered
        # from them give each column's weights contiguous, which the sums below add a few times
        # faster than the same columns strided through [position, column, label]
        self._char_w = _by_column(state[np.array(rows, dtype=np.intp)])
        self._pairs = {p: k + 1 for k, p in enumerate(pair_list)}
        self._pair_w = _by_column(state[np.array([(z, z)] + [pairs[p] for p in pair_list], dtype=np.intp)])
        self._base = len(self._codes) + 1
        keyed = sorted((self._codes[p[0]] * self._base + self._codes[p[1]], self._pairs[p]) for p in two)
        self._pair_keys = np.array([k for k, _ in keyed] + [-1], dtype=np.int64)  # -1: no key is found past the end
        self._pair_rows = np.array([r for _, r in keyed] + [0], dtype=np.intp)
        self._rule_w = _by_column(state[np.array([(ids.get(b"rule=" + t, z), ids.get(b"rule-1=" + t, z),
                                                   ids.get(b"rule+1=" + t, z)) for t in (b"B", b"I", b"O", b"#")],
                                                 dtype=np.intp)])

    def __call__(self, text: str, seqs: list[list[tuple[int, int]]], rule_spans: list[tuple[int, int]],
                 longest: int | None = None):
        chars = self._chars
        if len(chars) > _MAX_CACHED:
            chars.clear()
            chars.update(self._named)
        # every sequence with two pads ("#") on each side, one after another
        pad = self._PAD
        words: list[str] = []
        tags: list[int] = []  # rule tag codes (`_rule_codes`, 3 a pad)
        at: list[int] = []
        runs: list[int] = []  # positions of tokens of more than one character (Latin runs)
        for toks in seqs:
            at += range(len(words), len(words) + len(toks))
            a, b = toks[0][0], toks[-1][1]
            if b - a == len(toks):
                # a sequence of single characters with nothing between them (most are): its
                # characters are its tokens, split at C level rather than sliced one by one
                words += (pad, pad, *text[a:b], pad, pad)
            else:
                ws = list(map(text.__getitem__, starmap(slice, toks)))
                runs += [len(words) + 2 + k for k, w in enumerate(ws) if len(w) > 1]
                words += (pad, pad, *ws, pad, pad)
            tags += (_PAD_CODE, _PAD_CODE, *_rule_codes(toks, rule_spans, longest), _PAD_CODE, _PAD_CODE)
        rows = _indices(self._rows(words))
        n = len(words)
        cw = self._char_w.take(rows, axis=1)  # [column, position, label]
        bw = self._pair_w.take(self._pair_ids(words, runs, rows), axis=1)
        rw = self._rule_w.take(_indices(tags), axis=1)
        # at padded position p (2 <= p < n - 2): its own weights, then p-2, p-1, p+1, p+2's
        own, mid = slice(2, n - 2), slice(1, n - 3)
        out = rw[0, own] + cw[0, own]
        for x in (cw[1, own], cw[2, :n - 4], cw[3, mid], cw[4, 3:n - 1], cw[5, 4:], bw[0, mid], bw[1, own],
                  rw[1, mid], rw[2, 3:n - 1], cw[6, own]):
            out += x
        return out[_indices(at)]

    def _rows(self, words: list[str]) -> list[int]:
        """Each token's row of `_char_w`: its own, or its type's for a token the model does not name."""
        chars = self._chars
        rows = list(map(chars.get, words))
        if None in rows:
            for i, w in enumerate(rows):
                if w is None:
                    c = words[i]
                    rows[i] = chars[c] = self._unnamed[(_char_type(c[0]), c in self.heads)]
        return rows

    def _pair_ids(self, words: list[str], runs: list[int], rows):
        """The row of each token with the next (`_pair_w`), as `_pairs.get(words[p] + words[p + 1], 0)`:
        single characters by their codes' key (a pair the model does not hold has none, or a
        key not among the sorted ones), tokens of more than one character (`runs`) by string.
        `rows`: the tokens' rows (`_rows`, an array), which tell their codes."""
        import numpy as np

        codes = self._code_of_row[rows]
        keys = codes[:-1] * self._base + codes[1:]
        at = np.searchsorted(self._pair_keys[:-1], keys)
        ids = np.where((codes[:-1] > 0) & (codes[1:] > 0) & (self._pair_keys[at] == keys), self._pair_rows[at], 0)
        pairs = self._pairs
        for p in runs:
            for q in (p - 1, p):
                if 0 <= q < len(ids):
                    ids[q] = pairs.get(words[q] + words[q + 1], 0)
        return ids


class EnStates:
    """English words' scores per label: the weights of the strings `FeatureStrings` makes for
    English, added in its order (rule tag; the word, shape, suffix, prefix, title case, head,
    title word, honorific; part of a place name, written in lower case elsewhere in the document;
    the word two before; the word before, its shape, rule tag, word lists and document kinds;
    the same of the word after; the word two after), read as attribute ids kept per distinct
    word (a table of ids, one row a word, grown as words come) and per document kind."""

    # a word's row: its own strings, as the word two before, one before, one after, two after
    _OWN, _BEFORE2, _BEFORE, _AFTER, _AFTER2 = range(0, 8), 8, range(9, 14), range(14, 19), 19
    _WIDTH = 20

    def __init__(self, weights: CrfWeights, lex: NameLexicon) -> None:
        import numpy as np

        self.weights, self.lex = weights, lex
        ids, z, state = weights.attribute_ids, weights.missing, weights.state
        pad = [z] * self._WIDTH  # a sequence's edge: "w-2=#" ... "w2=#" alone
        pad[8], pad[9], pad[14], pad[19] = (ids.get(x, z) for x in _EN_EDGES)
        self._pad_row = pad
        self._table = np.empty((1024, self._WIDTH), dtype=np.intp)
        self._reset()

        def rows(prefixes, values):
            return _by_column(state[np.array([[ids.get(p + v, z) if v else z for p in prefixes] for v in values],
                                             dtype=np.intp)])

        self._rule_w = rows((b"rule=", b"rule-1=", b"rule1="), (b"B", b"I", b"O", b""))
        place = [(k.encode(), (k + "-1").encode(), (k + "1").encode()) for k in ("placeB", "placeI")]
        self._place_w = _by_column(state[np.array([[z] * 3] + [[ids.get(x, z) for x in p] for p in place],
                                                  dtype=np.intp)])
        self._lower_w = _by_column(state[np.array([[z] * 3, [ids.get(x, z) for x in _KINDS["lowerdoc"]]],
                                                  dtype=np.intp)])

    def _reset(self) -> None:
        self._rows: dict[str | None, int] = {None: 0}  # a pad (None) is row 0
        # each word with a row: its lower case when it is capitalised, else None (`lower` flags)
        self._capitalised: dict[str | None, str | None] = {None: None}
        self._table[0] = self._pad_row
        self._n = 1

    def _ids(self, word: str) -> list[int]:
        ids, z = self.weights.attribute_ids, self.weights.missing
        lex = self.lex
        lw = word.lower()
        sh = _shape(word)
        row = [ids.get(x.encode(), z) for x in ("w=" + lw, "shape=" + sh, "suf3=" + lw[-3:], "pre3=" + lw[:3])]
        row.append(ids.get(b"title", z) if word[:1].isupper() else z)
        kinds = [(k, lw in words) for k, words in (("head", lex.heads), ("titlew", lex.title_words),
                                                   ("honor", lex.honorifics))]
        row += [ids.get(_KINDS[k][0], z) if hit else z for k, hit in kinds]
        row.append(ids.get(("w-2=" + lw).encode(), z))
        row += [ids.get(("w-1=" + lw).encode(), z), ids.get(("shape-1=" + sh).encode(), z)]
        row += [ids.get(_KINDS[k][1], z) if hit else z for k, hit in kinds]
        row += [ids.get(("w1=" + lw).encode(), z), ids.get(("shape1=" + sh).encode(), z)]
        row += [ids.get(_KINDS[k][2], z) if hit else z for k, hit in kinds]
        row.append(ids.get(("w2=" + lw).encode(), z))
        return row

    def _row(self, word: str) -> int:
        import numpy as np

        if self._n == len(self._table):
            self._table = np.concatenate([self._table, np.empty_like(self._table)])
        k = self._n
        self._table[k] = self._ids(word)
        self._n += 1
        self._rows[word] = k
        self._capitalised[word] = word.lower() if word[:1].isupper() else None
        return k

    def __call__(self, text: str, seqs: list[list[tuple[int, int]]], rule_spans: list[tuple[int, int]],
                 longest: int | None = None, lower: frozenset[str] = frozenset()):
        import numpy as np

        if len(self._rows) > _MAX_CACHED:
            self._reset()
        known = self._rows
        # every sequence with two pads on each side, one after another (pad: row 0, no tag, no kind)
        words: list[str | None] = []
        tags: list[int] = []  # rule tag codes (`_rule_codes`, 3 a pad)
        place: list[str] = []
        at: list[int] = []
        for toks in seqs:
            ws = list(map(text.__getitem__, starmap(slice, toks)))  # the words, sliced at C level
            at += range(len(words), len(words) + len(toks))
            words += (None, None, *ws, None, None)
            tags += (_PAD_CODE, _PAD_CODE, *_rule_codes(toks, rule_spans, longest), _PAD_CODE, _PAD_CODE)
            place += ("O", "O", *_gazetteer_tags(ws, self.lex.places, self.lex.place_firsts), "O", "O")
        rows = list(map(known.get, words, repeat(-1)))  # a C-level pass; the words with no row yet get one below
        if -1 in rows:
            for i, r in enumerate(rows):
                if r < 0:
                    w = words[i]
                    rows[i] = known.get(w) or self._row(w)
        n = len(words)
        # [column, position, label]: each column's weights contiguous (see ZhStates)
        ww = self.weights.state[self._table[_indices(rows)].T]
        rw = self._rule_w.take(_indices(tags), axis=1)
        pw = self._place_w.take(np.fromiter(map("OBI".index, place), dtype=np.intp, count=n), axis=1)
        # a capitalised word the document also writes in lower case (None, a pad or a word not
        # capitalised, is never in `lower`)
        lw = self._lower_w.take(np.fromiter(map(lower.__contains__, map(self._capitalised.get, words)),
                                            dtype=np.intp, count=n), axis=1)
        own, before, after = slice(2, n - 2), slice(1, n - 3), slice(3, n - 1)
        parts = [rw[0, own], *(ww[k, own] for k in self._OWN), pw[0, own], lw[0, own], ww[self._BEFORE2, :n - 4]]
        b = self._BEFORE
        parts += [ww[b[0], before], ww[b[1], before], rw[1, before], *(ww[k, before] for k in b[2:]),
                  pw[1, before], lw[1, before]]
        a = self._AFTER
        parts += [ww[a[0], after], ww[a[1], after], rw[2, after], *(ww[k, after] for k in a[2:]),
                  pw[2, after], lw[2, after], ww[self._AFTER2, 4:]]
        out = parts[0] + parts[1]
        for x in parts[2:]:
            out += x
        return out[_indices(at)]


def _indices(values: list[int]):
    """A list of Python ints as an index array: np.fromiter reads each int once, where np.array
    first walks the list to find its shape and type, then converts (about twice the work for the
    thousands of positions of an article)."""
    import numpy as np

    return np.fromiter(values, dtype=np.intp, count=len(values))


def _by_column(rows):
    """A table [row, column, label] laid out [column, row, label], each column contiguous."""
    import numpy as np

    return np.ascontiguousarray(rows.transpose(1, 0, 2))


def viterbi(weights: CrfWeights, state, lengths: list[int]) -> list[list[str] | None]:
    """The best labels of each sequence (`lengths` of them, their tokens' scores per label
    `state` one after another); None for a sequence whose best path is O throughout.

    What CRFsuite's tagger computes (crf1d_context.c), batched over the sequences: token by
    token, the best previous label i of label j maximises prev[i] + trans[i, j] (the first such i
    on a tie), and score[j] = that + state[j]; the last token takes the first best label. The
    same double operations in the same order: the same labels."""
    import numpy as np

    out: list[list[str] | None] = [None] * len(lengths)
    n = len(state)
    if not n:
        return out
    lens = np.array(lengths, dtype=np.intp)
    m, longest, n_labels = len(lengths), int(lens.max()), weights.transitions.shape[0]
    seq = np.repeat(np.arange(m), lens)
    pos = np.arange(n) - np.repeat(np.cumsum(lens) - lens, lens)
    padded = np.zeros((longest, m, n_labels))
    padded[pos, seq] = state
    score = np.empty((longest, m, n_labels))
    back = np.empty((longest, m, n_labels), dtype=np.intp)  # row 0 never read (`stays` sets it)
    score[0] = padded[0]
    # [sequence, label j, previous label i]: the transitions into j from i, one copy a sequence
    into = np.ascontiguousarray(np.broadcast_to(weights.transitions.T, (m, n_labels, n_labels))).reshape(-1)
    cand = np.empty((m * n_labels, n_labels))  # [(sequence, label j), previous label i]
    flat = cand.reshape(-1)
    rows = np.arange(m * n_labels) * n_labels
    at = np.empty(m * n_labels, dtype=np.intp)
    # the previous scores repeated for each label j, picked by index (`spread`) and added to the
    # copies of the transitions: two flat operations, where adding them broadcast cost more
    # than both (numpy's inner loop then runs over five labels at a time)
    spread = np.broadcast_to(np.arange(m * n_labels).reshape(m, 1, n_labels), (m, n_labels, n_labels)).reshape(-1)
    repeated = np.empty(len(flat))
    # the steps read and write rows of these flat views of the same arrays: a step is a handful
    # of calls on whole rows (ndarray methods, not the np.take wrapper), 120 steps a document
    score_rows, back_rows, state_rows = (x.reshape(longest, m * n_labels) for x in (score, back, padded))
    add = np.add
    for t in range(1, longest):
        # mode="clip": no index is out of range, and "raise" would copy the output first
        score_rows[t - 1].take(spread, out=repeated, mode="clip")
        add(repeated, into, out=flat)
        best = back_rows[t]
        cand.argmax(axis=1, out=best)
        # the best previous score of each label: the candidate argmax points at (a reduction
        # with max() would cost more than the look-up, for the same double)
        add(rows, best, out=at)
        now = score_rows[t]
        flat.take(at, out=now, mode="clip")
        now += state_rows[t]
    every = np.arange(m)
    last = score[lens - 1, every].argmax(axis=1)
    names = weights.labels
    if "O" in names:  # a sequence whose best path is O throughout needs no walk back
        o = names.index("O")
        stays = (back[:, :, o] == o) | (np.arange(longest)[:, None] >= lens)
        stays[0] = True
        walk = np.flatnonzero((last != o) | ~stays.all(axis=0))
    else:
        walk = every
    for k in walk.tolist():
        n_k = lengths[k]
        steps = back[1:n_k, k].tolist()
        label = int(last[k])
        labels = [label] * n_k
        for t in range(n_k - 2, -1, -1):
            label = labels[t] = steps[t][label]
        out[k] = [names[x] for x in labels]
    return out


def train_tagger(items, path: Path, lang: str, c2: float = 0.1, iterations: int = 100) -> None:
    """Fit a CRF on (text, sentences, rule spans, gold mentions) items and write it to `path`."""
    import pycrfsuite

    lex = name_lexicon(lang)
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, sents, rule_spans, mentions in items:
        rule_spans = sorted(rule_spans)
        longest = max((e - s for s, e in rule_spans), default=0)
        lower = lower_words(text) if lang != "zh" else frozenset()
        for toks in sequences(text, sents, lang):
            trainer.append(features(text, toks, lang, rule_spans, lex, longest, lower), bio_labels(toks, mentions))
    trainer.set_params({"c1": 0.05, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
