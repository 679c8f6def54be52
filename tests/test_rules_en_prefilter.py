"""The word prefilter in front of case-insensitive English patterns skips only what cannot match."""

from __future__ import annotations

import re

from partnergraph.extraction.rules.english.text import may_match

_PATTERN = re.compile(r"\bsigning\b", re.IGNORECASE)


def test_ascii_text_without_the_word_is_skipped():
    assert not may_match("Norland Group met Westbrook University.", ("signing",))
    assert may_match("The SIGNING ceremony of Norland Group", ("signing",))


def test_text_with_other_characters_is_always_tried():
    text = "The \u017figning ceremony"  # a long s: case folding matches it to "s"
    assert _PATTERN.search(text)
    assert may_match(text, ("signing",))
