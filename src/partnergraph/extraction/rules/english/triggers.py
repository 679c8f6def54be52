"""Where an event is reported as a fact: trigger phrases per sentence, minus plans and references.

Triggers per type come from ``en_triggers.tsv``. A trigger is dropped when it states a plan or
a hope ("will sign", "plans to set up") or names an event told elsewhere ("Before the signing
ceremony, ...").
"""

from __future__ import annotations

import bisect
import re

import ahocorasick

from partnergraph.extraction.rules.english.lexicon import lexicon
from partnergraph.extraction.rules.english.text import Article, Sentence

_REFERABLE = re.compile(r"sign(?:ing)?\b|visit\b|meeting|talks|seminar|symposium|forum")
_PAST_VERB = re.compile(r"(?:signed|inked|visited|met|held|established|launched|unveiled|sealed)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"[\w\-]+(?:,\s*|\s+and\s+)")
INTENT = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|intends?|intended|intending|hopes?|hoped|hoping|"
    r"expects?|expected|aims?|aimed|going|wish(?:es)?|wants?|seeks?|prepares?|preparing|propose[sd]?|"
    r"to be|could|may|might|should|ready|looking forward)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)
# Every word INTENT and the plan pattern in `intended` can match holds one of these strings.
_INTENT_CUE = re.compile(r"will|would|shall|plan|intend|hop|expect|aim|going|wish|want|seek|prepar|propos|to be|"
                         r"could|may|might|should|ready|looking forward")
_MONTH_MAY = re.compile(r"\bMay\b")


def sentence_triggers(art: Article) -> list[list[tuple[str, int, int]]]:
    """Trigger matches per sentence. Each pattern runs only over the sentences that hold one of its
    words (found in one automaton pass: every match holds one), on the lowercased text (the patterns are
    lowercase: no IGNORECASE, several times faster); a match lies inside one sentence."""
    sents = art.sentences
    starts = [s.start for s in sents]
    low = art.low
    out: list[list[tuple[str, int, int]]] = [[] for _ in sents]
    compiled = _compiled()
    todo: list[set[int]] = [set() for _ in compiled]
    for last, ids in _words_automaton().iter(low):
        i = bisect.bisect_right(starts, last) - 1
        if i >= 0 and last < sents[i].end:
            for k in ids:
                todo[k].add(i)
    for k, (kind, pattern, words) in enumerate(compiled):
        if not words:
            todo[k] = set(range(len(sents)))
        for i in sorted(todo[k]):
            for m in pattern.finditer(low, sents[i].start, sents[i].end):
                out[i].append((kind, m.start(), m.end()))
    return out


_CACHE: list = []
_AUTOMATON: list = []


def _words_automaton():
    """All trigger words in one Aho-Corasick automaton: one pass over the article finds the
    sentences each pattern must be tried on (a str.find per word scanned the text ~100 times)."""
    if not _AUTOMATON:
        auto = ahocorasick.Automaton()
        by_word: dict[str, set[int]] = {}
        for k, (_, _, words) in enumerate(_compiled()):
            for w in words:
                by_word.setdefault(w, set()).add(k)
        for w, ids in by_word.items():
            auto.add_word(w, tuple(sorted(ids)))
        auto.make_automaton()
        _AUTOMATON.append(auto)
    return _AUTOMATON[0]


def _compiled() -> list[tuple[str, re.Pattern[str], tuple[str, ...]]]:
    if not _CACHE:
        _CACHE.extend((k, re.compile(p), words) for k, p, words in lexicon().triggers)
    return _CACHE


_REFERENCE = re.compile(
    r"\b(?:before|after|at|during|following|prior to|on the occasion of|since|ahead of)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE)


def reference(view: str, sent: Sentence, t0: int, t1: int) -> bool:
    """"Before the signing ceremony, X visited ...": the trigger names an event told elsewhere."""
    word = view[t0:t1].lower()
    if not _REFERABLE.match(word):
        return False
    return bool(_REFERENCE.search(view[max(sent.start, t0 - 30):t0]))


def intended(view: str, sent: Sentence, pos: int) -> bool:
    """A plan, not a fact: "will sign", "plans to set up", "will jointly organise seminars, ..."."""
    past = _PAST_VERB.match(view[pos:pos + 12])
    start = max(sent.start, pos - (30 if past else 80))
    start = max(start, view.rfind(";", start, pos) + 1)
    if not _INTENT_CUE.search(view[start:pos].lower()):
        return False  # no modal or plan word at all: the patterns below need one
    window = _MONTH_MAY.sub(" ", view[start:pos])  # "On May 20, a seminar": the month, not the modal
    if not past:
        window = _LIST_ITEM.sub(" ", window)  # a list before the trigger
    return bool(INTENT.search(window)) or bool(re.search(
        r"\b(?:will|plans? to|intends? to|hopes? to|aims? to|expected to)\b", window, re.IGNORECASE)) and not past
