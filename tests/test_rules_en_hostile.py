"""The English rules stay linear on hostile text: long runs of names, no spaces, no sentences."""

from __future__ import annotations

import time

import partnergraph

# Generous bounds: each case runs well under a second on a laptop; a quadratic rule takes minutes.
LIMIT = 10.0


def timed(text):  # CPU time of this process: a crowded machine must not fail it
    start = time.process_time()
    result = partnergraph.extract(text, lang="en")
    return time.process_time() - start, result


def test_100k_capitalized_words():
    took, _ = timed(" ".join(["Alpha"] * 100_000))
    assert took < LIMIT


def test_one_megabyte_line_without_spaces():
    took, _ = timed("x" * 1_000_000)
    assert took < LIMIT


def test_long_run_of_head_nouns_and_connectors():
    took, _ = timed(" ".join(["University"] * 50_000) + " of " + " and ".join(["Science"] * 20_000))
    assert took < LIMIT


def test_one_sentence_with_thousands_of_posts():
    took, result = timed("Mr. Xu Guangfu, Chairman of Daqo Group, " * 5_000)
    assert took < LIMIT
    assert len(result.people) == 1


def test_thousands_of_signing_sentences():
    took, result = timed("Alpha Group signed an agreement with Beta University. " * 5_000)
    assert took < LIMIT
    assert len(result.events) == 1


def test_a_long_comma_list():
    took, _ = timed(", ".join(["Alpha Beta"] * 50_000) + " and Gamma signed")
    assert took < LIMIT


def test_repeated_places_governing_phrases_and_withs():
    unit = ("Tianjin signed an agreement with Norland Group. Attendees in Norland Group included President "
            "Amy Hart, Provost; Tom Reyes and his delegation from Westbrook University met with Dean Li Wei. "
            "Companies including Kestrel, Arvane and Norvix signed with Lanford Institute on Wednesday. ")
    took, _ = timed(unit * 800)
    assert took < LIMIT


def test_organization_forms_are_located_in_one_pass(monkeypatch):
    """The automaton of organization forms reads the text once, not once per sentence (an
    automaton given a range per sentence still costs the whole text: quadratic in sentences)."""
    import ahocorasick

    from partnergraph.extraction.rules.english import orgtable

    scanned = []

    real = ahocorasick.Automaton

    class Counting:  # the C type cannot be subclassed: a wrapper that counts what `iter` reads
        def __init__(self, *args):
            self._auto = real(*args)

        def __getattr__(self, name):
            return getattr(self._auto, name)

        def iter(self, string, start=0, end=None):
            end = len(string) if end is None else end
            scanned.append(len(string))  # the automaton takes in the whole string whatever the range
            return self._auto.iter(string, start, end)

    monkeypatch.setattr(orgtable.ahocorasick, "Automaton", Counting)
    text = "Alpha Group signed an agreement with Beta University. " * 2_000
    result = partnergraph.extract(text, lang="en")
    assert len(result.events) == 1
    assert 0 < sum(scanned) <= 4 * len(text)
