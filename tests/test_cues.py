"""The fast look-up of event-type words finds exactly the sentences the patterns match.

The pair features read which sentences hold each type's words; the look-up skips the patterns
where no needle occurs, so it must never skip a sentence a pattern would match, whatever the
letter case, Unicode oddities (KELVIN SIGN, LONG S, dotted I) or how the sentences are split.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.learn.cues import CUES, NEEDLES, PLAIN, fold, has_cue, sentences_with_cues


def by_pattern(texts: list[str]) -> dict[str, set[int]]:
    return {kind: {i for i, t in enumerate(texts) if cue.search(t)} for kind, cue in CUES.items()}


def test_every_character_the_patterns_take_for_a_needles_folds_to_it():
    needle_chars = sorted({c for ns in NEEDLES.values() for n in ns for c in n})
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    taken = set(re.findall("[" + re.escape("".join(needle_chars)) + "]", every, re.IGNORECASE))
    assert len(taken) < 3 * len(needle_chars)
    for x in taken:
        for c in needle_chars:
            if re.fullmatch(re.escape(c), x, re.IGNORECASE):
                assert fold(x) == c, (c, x)


def test_a_plain_needle_found_is_a_match_and_a_missing_one_is_not():
    assert PLAIN["visit"] and all(has_cue("visit", "甲方" + n + "乙方") for n in PLAIN["visit"])
    assert has_cue("agreement", "They SIGNED it")
    assert has_cue("agreement", "they \u017figned it")  # LONG S: the pattern takes it for s
    assert has_cue("meeting", "\u212aelvin met") and not has_cue("meeting", "metal works")
    assert not has_cue("joint_entity", "ORG said labour costs rose")
    assert has_cue("joint_entity", "a new lab opened") and not has_cue("joint_entity", "the collaboration")


_PIECES = st.sampled_from([
    "sign", "SIGN", "\u017fign", "met", "Met", "meta", "tour", "toured", "Touring", "cent", "centre", "center",
    "centered", "lab", "Laboratory", "labs", "came to", "came  to", "set up", "setup", "joint venture",
    "\u212aelvin", "v\u0130sit", "v\u0131sit", "visit", "mou", "MoU", "ORG", "签署", "签", "署", "来访", "一行",
    "实验室", "实验", "會議", "会议", " ", "\n", ".", "-", "a", "x", "1",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), max_size=6))
def test_sentences_with_cues_are_those_the_patterns_match(texts):
    assert sentences_with_cues(texts) == by_pattern(texts)
    for kind, cue in CUES.items():
        for t in texts:
            assert has_cue(kind, t) == (cue.search(t) is not None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=5))
def test_any_text_gives_what_the_patterns_give(texts):
    assert sentences_with_cues(texts) == by_pattern(texts)
