"""Evidence as a reader sees it: the quoted sentence, and an article cut at its spans."""

from __future__ import annotations

import time

from partnergraph.evidence import MAX_QUOTE, pieces, quote, sentence_bounds

TEXT = ("Alpha and Beta Sign Agreement\n\nIt rained. On May 3, Alpha University and Beta Group "
        "signed an agreement on robots! Then lunch was served.")


def span(word: str, field: str) -> tuple[int, int, str]:
    at = TEXT.index(word)
    return at, at + len(word), field


def test_quote_is_the_sentence_of_the_trigger_with_its_marks():
    sentence, start, marks = quote(TEXT, [span("Alpha University", "party"), span("signed", "trigger"),
                                          span("May 3", "date"), span("Alpha and Beta", "party")])
    assert sentence == "On May 3, Alpha University and Beta Group signed an agreement on robots!"
    assert TEXT[start:start + len(sentence)] == sentence
    assert [(m.field, m.text, sentence[m.start:m.end]) for m in marks] == [
        ("date", "May 3", "May 3"), ("party", "Alpha University", "Alpha University"),
        ("trigger", "signed", "signed")]


def test_chinese_sentences_end_at_chinese_stops():
    text = "背景介绍。东湖大学与华星集团签署协议,双方将合作。下一句话。"
    at = text.index("签署")
    sentence, _, marks = quote(text, [(at, at + 2, "trigger")])
    assert sentence == "东湖大学与华星集团签署协议,双方将合作。" and marks[0].text == "签署"


def test_spans_outside_the_text_are_ignored():
    assert quote("short", [(10, 20, "party")]) == ("", 0, [])
    sentence, _, marks = quote(TEXT, [span("signed", "trigger"), (5, 500, "party")])
    assert [m.field for m in marks] == ["trigger"]


def test_pieces_cover_the_text_once_and_keep_the_outer_of_overlapping_marks():
    marks = [span("Alpha University", "party") + ("event",), span("Alpha", "person-org") + ("person",),
             span("University and", "topic") + ("event",), span("robots", "topic") + ("event",)]
    marks[1] = (TEXT.index("Alpha University"), TEXT.index("Alpha University") + 5, "person-org", "person")
    out = pieces(TEXT, marks)
    assert "".join(p.text for p in out) == TEXT
    assert [(p.text, p.field) for p in out if p.field] == [("Alpha University", "party"), ("robots", "topic")]


def test_a_sentence_with_no_stop_is_cut_and_the_scan_stays_linear():
    text = "x" * 2_000_000
    start = time.process_time()
    a, b = sentence_bounds(text, 1_000_000, 1_000_010)
    assert b - a <= MAX_QUOTE and a <= 1_000_000 and b >= 1_000_010
    hostile = ".)" * 500_000 + "signed" + "!'" * 500_000
    at = hostile.index("signed")
    quote(hostile, [(at, at + 6, "trigger")])
    assert time.process_time() - start < 2
