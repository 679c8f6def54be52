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
from pathlib import Path

from partnergraph.errors import ModelError

_TOKEN = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*\.?|[^\w\s]", re.UNICODE)
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


def token_spans(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Words (English) or non-space characters (Chinese; Latin runs stay words) in text[start:end]."""
    if lang != "zh":
        return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    out = []
    i = start
    while i < end:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c.isascii() and c.isalnum():
            j = i
            while j < end and text[j].isascii() and text[j].isalnum():
                j += 1
            out.append((i, j))
            i = j
            continue
        out.append((i, i + 1))
        i += 1
    return out


def _rule_tags(toks: list[tuple[int, int]], rule_spans: list[tuple[int, int]], longest: int | None = None) -> list[str]:
    """B/I/O of each token by the rule mentions (`rule_spans` sorted; `longest` their greatest
    length), found by bisection so a sentence costs its own tokens, not every mention of the article."""
    tags = ["O"] * len(toks)
    if not toks or not rule_spans:
        return tags
    if longest is None:
        longest = max(e - s for s, e in rule_spans)
    k = bisect_left(rule_spans, (toks[0][0] - longest, -1))
    for i, (s, _) in enumerate(toks):
        while k < len(rule_spans) and rule_spans[k][1] <= s:
            k += 1
        if k < len(rule_spans) and rule_spans[k][0] <= s < rule_spans[k][1]:
            tags[i] = "B" if rule_spans[k][0] == s or (i and tags[i - 1] == "O") else "I"
    return tags


def features(text: str, toks: list[tuple[int, int]], lang: str, rule_spans: list[tuple[int, int]],
             heads: frozenset[str], longest: int | None = None) -> list[list[str]]:
    """The feature strings of each token: shared by training and tagging.

    Each token's own strings are made once and its neighbours' features reuse them with a
    position prefix, so a sentence costs a few string joins per token.
    """
    words = [text[s:e] for s, e in toks]
    rt = _rule_tags(toks, rule_spans, longest)
    n = len(words)
    out = []
    if lang == "zh":
        pad = ["#", "#"]
        w = pad + words + pad
        r = ["#"] + rt + ["#"]
        for i in range(n):
            c = w[i + 2]
            f = ["rule=" + rt[i], "c=" + c, "t=" + _char_type(c[0]),
                 "c-2=" + w[i], "c-1=" + w[i + 1], "c1=" + w[i + 3], "c2=" + w[i + 4],
                 "b-1=" + w[i + 1] + c, "b+1=" + c + w[i + 3],
                 "rule-1=" + r[i], "rule+1=" + r[i + 2]]
            if c in heads:
                f.append("headchar")
            out.append(f)
        return out
    low = [x.lower() for x in words]
    shape = [_shape(x) for x in words]
    for i in range(n):
        lw = low[i]
        f = ["rule=" + rt[i], "w=" + lw, "shape=" + shape[i], "suf3=" + lw[-3:], "pre3=" + lw[:3]]
        if words[i][:1].isupper():
            f.append("title")
        if lw in heads:
            f.append("head")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}=" + low[j])
                if d in (-1, 1):
                    f.append(f"shape{d}=" + shape[j])
                    f.append(f"rule{d}=" + rt[j])
                    if low[j] in heads:
                        f.append(f"head{d}")
            else:
                f.append(f"w{d}=#")
        out.append(f)
    return out


def bio_labels(toks: list[tuple[int, int]], mentions: list[tuple[int, int, str]]) -> list[str]:
    """BIO labels of tokens from gold mentions (start, end, ORG|PER); tokens are inside or out."""
    labels = ["O"] * len(toks)
    for s, e, typ in mentions:
        inside = [i for i, (a, b) in enumerate(toks) if a >= s and b <= e]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + typ
    return labels


def spans_of(toks: list[tuple[int, int]], labels: list[str]) -> list[tuple[int, int, str]]:
    out = []
    cur = None
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


def sequences(text: str, sents: list[tuple[int, int]], lang: str) -> list[list[tuple[int, int]]]:
    out = []
    for s0, s1 in sents:
        toks = token_spans(text, s0, s1, lang)
        for k in range(0, len(toks), _MAX_SEQ):
            if toks[k:k + _MAX_SEQ]:
                out.append(toks[k:k + _MAX_SEQ])
    return out


def heads(lang: str) -> frozenset[str]:
    """Organization head words (English, lower-cased) or head characters (Chinese), from the lexicons."""
    from importlib.resources import files

    name = "zh_org_suffixes.tsv" if lang == "zh" else "en_org_heads.tsv"
    lines = (files("partnergraph") / "data" / name).read_text(encoding="utf-8").splitlines()
    words = [ln.split("\t")[0].strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return frozenset(w[-1] for w in words if w) if lang == "zh" else frozenset(w.lower() for w in words)


class Tagger:
    """A trained CRF read from its file."""

    def __init__(self, path: Path, lang: str) -> None:
        import pycrfsuite

        self.lang, self.heads = lang, heads(lang)
        if not path.is_file():
            raise ModelError(f"model file {path} is missing", hint="retrain the model with `partnergraph train`")
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as err:
            raise ModelError(f"model file {path} is not a CRF model ({err})", hint="retrain it") from None

    def tag(self, text: str, sents: list[tuple[int, int]], rule_spans: list[tuple[int, int]]):
        """(start, end, ORG|PER) names found in the sentences."""
        out = []
        rule_spans = sorted(rule_spans)
        longest = max((e - s for s, e in rule_spans), default=0)
        for toks in sequences(text, sents, self.lang):
            labels = self._tagger.tag(features(text, toks, self.lang, rule_spans, self.heads, longest))
            out += spans_of(toks, labels)
        return out


def train_tagger(items, path: Path, lang: str, c2: float = 0.1, iterations: int = 100) -> None:
    """Fit a CRF on (text, sentences, rule spans, gold mentions) items and write it to `path`."""
    import pycrfsuite

    hs = heads(lang)
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, sents, rule_spans, mentions in items:
        rule_spans = sorted(rule_spans)
        longest = max((e - s for s, e in rule_spans), default=0)
        for toks in sequences(text, sents, lang):
            trainer.append(features(text, toks, lang, rule_spans, hs, longest), bio_labels(toks, mentions))
    trainer.set_params({"c1": 0.05, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
