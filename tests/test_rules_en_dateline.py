"""English: a date the sentence states for the event wins over the wire dateline's, and a bare
acronym's kind is unknown (issue 10). Invented bodies."""

from __future__ import annotations

from partnergraph import extract


def _dates(text, published=None):
    return [e.date for e in extract(text, published=published).events]


def test_the_sentence_date_wins_over_the_dateline():
    assert _dates("KOYA, April 2, 2021 — Linhai University signed an agreement with Brightwave Group "
                  "on March 31.\n") == ["2021-03-31"]
    assert _dates("KOYA, April 2, 2021 /PRNewswire/ -- Linhai University and Brightwave Group signed a "
                  "memorandum of understanding on March 31, 2021.\n") == ["2021-03-31"]
    # the published date places the day when the article has one
    assert _dates("KOYA, April 2 — Linhai University signed an agreement with Brightwave Group on "
                  "March 31.\n", published="2022-04-02") == ["2022-03-31"]


def test_a_dateline_alone_still_dates_the_event():
    assert _dates("KOYA, April 2, 2021 — Linhai University signed an agreement with Brightwave Group.\n") \
        == ["2021-04-02"]
    # a date in the sentence that is no dateline keeps its place
    assert _dates("On April 2, 2021, Linhai University signed an agreement with Brightwave Group, "
                  "founded on May 1, 1950.\n") == ["2021-04-02"]


def test_a_bare_acronym_is_of_no_known_kind():
    rec = extract("The agreement between KCCI and Brightwave Group was signed on March 3, 2024 in Seoul.")
    kinds = {o.name: o.kind for o in rec.organizations}
    assert kinds["KCCI"] == "other" and kinds["Brightwave Group"] == "company"
