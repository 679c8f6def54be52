"""English event dates from the article's lead: a weekday counted back from the published day
in a later sentence of the lead, an undated event of the same occasion, not a statement's day
("said on Monday"), not a date far down the article nor the page's "Published" line."""

from __future__ import annotations

import partnergraph


def dates(text: str, published: str | None = None) -> list[tuple[str, list[str], str | None]]:
    x = partnergraph.extract(text, lang="en", published=published)
    return sorted((e.type, sorted(e.parties), e.date) for e in x.events)


# 2025-03-04 is a Tuesday
def test_a_weekday_in_the_lead_dates_the_signing_told_before_it():
    text = ("Harlow University has entered into an agreement with Stennis Polymer Industries for a joint "
            "laboratory. The signing ceremony took place at the vice chancellor's office here on Monday.")
    assert dates(text, "2025-03-04") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], "2025-03-03")]


def test_a_statement_day_is_not_the_lead_date():
    text = ("Harlow University has entered into an agreement with Stennis Polymer Industries for a joint "
            "laboratory. The ministry said on Monday that the laboratory would open next year.")
    assert dates(text, "2025-03-04") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], None)]


def test_an_undated_signing_of_the_same_occasion_takes_the_lead_date():
    text = ("On October 14, Harlow University signed a memorandum of understanding with Stennis Polymer "
            "Industries at the business forum.\n\n"
            "Similarly, the Orvik Chamber of Commerce also signed a memorandum with Tessaly Export Agency.")
    assert dates(text, "2019-10-15") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], "2019-10-14"),
        ("agreement", ["Orvik Chamber of Commerce", "Tessaly Export Agency"], "2019-10-14")]


def test_a_date_far_down_the_article_is_no_lead_date():
    text = ("Harlow University signed a memorandum of understanding with Stennis Polymer Industries. "
            "The agreement covers coatings. Students will take part. Staff will be exchanged. "
            "Harlow University won an award on March 2.")
    assert dates(text, "2025-03-04") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], None)]


def test_the_published_line_of_the_page_is_no_event_day():
    text = ("Agreement signed to promote education\n\n"
            "Bureau Report Published September 21, 2025 Updated September 21, 2025\n\n"
            "PESHAWAR: Harlow University and Stennis Polymer Industries signed an agreement. The ceremony "
            "was held at the assembly hall on Saturday.")
    assert dates(text, "2025-09-21") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], "2025-09-20")]


def test_a_date_cut_by_a_month_abbreviation_dates_the_lead():
    # the sentence splitter ends a sentence at "Nov."; its day opens the next
    text = ("Kestrel, Lumio sign MOUs on batteries\n"
            "SEOUL, Nov. 14 (Yonhap) -- Kestrel Group signed a memorandum of understanding with Lumio Energy "
            "on batteries, the ministry said.")
    assert dates(text) == [("agreement", ["Kestrel Group", "Lumio Energy"], "--11-14")]


def test_an_event_told_as_years_ago_does_not_take_the_lead_date():
    text = ("On September 9, Harlow University signed a memorandum of understanding with Stennis Polymer "
            "Industries.\n\nThe joint venture between Orvik Steel and Tessaly Metals was established over a year "
            "ago and is expanding now.")
    got = dates(text, "2025-09-10")
    assert ("agreement", ["Harlow University", "Stennis Polymer Industries"], "2025-09-09") in got
    assert all(d is None for t, p, d in got if "Orvik Steel" in p), got


def test_a_day_without_a_year_takes_the_year_of_the_occasion_its_sentence_names():
    from partnergraph.documents import prepare
    from partnergraph.extraction.rules.dating import EventDater

    text = ("The two-day Harlow-Stennis Symposium 2013, the first meeting of its scale between Harlow "
            "University and Stennis Polytechnic, was held at Harlow on December 19.\n"
            "Since June 2011, Harlow University and Orvik College have met on May 5 each year.")
    dater = EventDater(prepare(text, id="y", lang="en"))
    first = text.index("\n")
    assert dater.date_at(0, first)[0] == "2013-12-19"
    # a month's year ("June 2011") is no occasion's; a page with a published year keeps its own
    assert dater.date_at(first + 1, len(text))[0] == "--05-05"
    assert EventDater(prepare(text, id="p", lang="en", published="2014-12-22")).date_at(0, first)[0] \
        == "2014-12-19"


def test_a_photo_caption_gives_no_lead_date():
    from partnergraph.documents import prepare
    from partnergraph.extraction.rules.dating import EventDater

    text = ("Kestrel trumpets US$5 billion contract with Lumio\n"
            "FILE PHOTO: A Lumio sign is pictured at a plant in Orvik, October 12, 2019. REUTERS/Ann Lee/File Photo\n\n"
            "Published June 25, 2023\nUpdated June 25, 2023\n"
            "SEOUL : The government said Kestrel Group has signed a contract worth US$5 billion with Lumio Energy.")
    start = text.index("SEOUL")
    assert EventDater(prepare(text, id="c", lang="en")).date_at(start, len(text)) == (None, None)


# A statement reporting an event done before it (the event verb in the perfect): the statement's day,
# and its dateline's, is not the event's, which the sentence leaves open.
def test_a_statement_day_before_a_perfect_signing_does_not_date_it():
    text = ("ORVIK, March 4 (Tessa) -- Harlow University said Tuesday it has signed a memorandum of "
            "understanding with Stennis Polymer Industries on coatings research.")
    assert dates(text) == [("agreement", ["Harlow University", "Stennis Polymer Industries"], None)]


def test_a_weekday_before_the_statement_verb_is_the_statement_day():
    text = ("Harlow University on Monday said it has signed a memorandum of understanding with Stennis "
            "Polymer Industries on coatings research.")
    assert dates(text, "2025-03-04") == [("agreement", ["Harlow University", "Stennis Polymer Industries"], None)]


def test_an_announcement_on_a_day_of_the_month_does_not_date_a_perfect_signing():
    text = ("Harlow University announced on the 3rd that it had signed a business agreement with Stennis "
            "Polymer Industries.")
    assert dates(text, "2025-03-04") == [("agreement", ["Harlow University", "Stennis Polymer Industries"], None)]


def test_a_statement_day_after_a_perfect_signing_does_not_date_it():
    text = ("Harlow University has inked a strategic cooperation agreement with Stennis Polymer Industries, "
            "said the university on Monday (March 3).")
    assert dates(text, "2025-03-04") == [("agreement", ["Harlow University", "Stennis Polymer Industries"], None)]


def test_a_date_in_the_reported_clause_still_dates_the_event():
    text = ("Harlow University said on Monday it has signed a memorandum of understanding with Stennis "
            "Polymer Industries on February 27.")
    assert dates(text, "2025-03-04") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], "2025-02-27")]


def test_a_signing_in_the_past_tense_keeps_the_day_the_statement_gives():
    text = ("Harlow University signed a memorandum of understanding with Stennis Polymer Industries, the "
            "ministry said on Monday.")
    assert dates(text, "2025-03-04") == [
        ("agreement", ["Harlow University", "Stennis Polymer Industries"], "2025-03-03")]


# An event told as background (past perfect: "had a joint venture") does not take the lead date;
# a later sentence that restates it by its kind dates it ("The ... joint venture ... was formed in
# December 2019"), for an event another stage than the rules found (rules.dating.EventDater).
def _dater(text: str, published: str | None = None):
    from partnergraph.documents.prepare import prepare
    from partnergraph.extraction.rules.dating import EventDater

    return EventDater(prepare(text, id="t", lang="en", published=published))


_JV = ("ORVIK, September 9: Kestrel Steel is expanding its business in the region.\n\nSimilarly, Lumio Metals and "
       "Tessaly Steel had a joint venture in the region, an official said.\n\n"
       "The Lumio Tessaly joint venture, known as LT Steel, was formed in December 2019 after an acquisition.")


def test_a_background_venture_takes_the_date_a_later_sentence_restates_it_with():
    start = _JV.index("Similarly")
    assert _dater(_JV).date_at(start, _JV.index("\n", start), kind="joint_entity")[0] == "2019-12"


def test_a_restated_signing_does_not_date_a_venture():
    text = _JV.replace("was formed in December 2019", "was signed in December 2019")
    start = text.index("Similarly")
    assert _dater(text).date_at(start, text.index("\n", start), kind="joint_entity")[0] is None


def test_a_restated_signing_dates_an_undated_agreement():
    text = ("Harlow University has inked a strategic cooperation agreement with Stennis Polymer Industries, said "
            "the university on Tuesday (Aug 22).\n\nThe plan is to deepen research ties, it said.\n\n"
            "The agreement was signed on Aug 17. Harlow first worked with Stennis in 2006.")
    assert _dater(text, "2017-08-22").date_at(0, text.index("\n"), kind="agreement")[0] == "2017-08-17"


def test_a_restated_signing_dates_an_undated_agreement_through_a_weekday():
    # 2017-05-04 is a Thursday; the Friday before it is 2017-04-28
    text = ("Kestrel Technical College has signed a memorandum of understanding with Lumio Methodist University."
            "\n\nUnder the agreement, the two will develop courses.\n\nThey will also share teaching materials.\n\n"
            "The agreement was signed on Friday, April 27, 2017.")
    assert _dater(text, "2017-05-04").date_at(0, text.index("\n"), kind="agreement")[0] == "2017-04-27"
    text = text.replace("Friday, April 27, 2017", "Friday")
    assert _dater(text, "2017-05-04").date_at(0, text.index("\n"), kind="agreement")[0] == "2017-04-28"


def test_a_weekday_told_earlier_in_the_paragraph_dates_a_signing_after_it():
    # 2023-10-23 is a Monday: the Saturday before it is 2023-10-21
    lead = ("Kestrel Republic and Lumio Kingdom agreed to widen their energy cooperation, officials said.\n\n"
            "Their trade grew last year. It doubled since. Prices rose too.\n\n")
    text = lead + ("President Arlo visited Tessaly, the capital of Lumio Kingdom, on Saturday as the first such "
                   "visit. With the two leaders present, the Orvik Energy Agency and the Tessaly Power Authority "
                   "signed an agreement on hydrogen.")
    start = text.index("With the two")
    assert _dater(text, "2023-10-23").date_at(start, len(text), kind="agreement")[0] == "2023-10-21"
    assert ("agreement", ["Orvik Energy Agency", "Tessaly Power Authority"], "2023-10-21") in dates(text, "2023-10-23")


def test_a_month_of_last_year_or_last_month_name_is_of_the_year_before():
    base = "Kestrel Motors signed a memorandum of understanding with Lumio Battery Works in November{}."
    pub = "2023-12-20"
    assert _dater(base.format(" last year"), pub).date_at(0, 90, kind="agreement")[0] == "2022-11"
    assert _dater(base.format(""), pub).date_at(0, 90, kind="agreement")[0] == "2023-11"
    text = base.format("").replace("in November", "last December")
    assert _dater(text, pub).date_at(0, 90, kind="agreement")[0] == "2022-12"
    text = base.format(" this year").replace("November", "March")
    assert _dater(text, pub).date_at(0, 90, kind="agreement")[0] == "2023-03"


def test_a_range_gives_a_later_sentence_of_its_paragraph_its_first_day():
    text = ("From March 3 to April 2, 2024, a delegation of Harlow University toured Europe and visited Kestrel "
            "Polytechnic. Cooperation agreements were signed with Lumio University during the tour.")
    start = text.index("Cooperation")
    assert _dater(text).date_at(start, len(text), kind="agreement")[0] == "2024-03-03"


def test_an_ambiguous_numeric_date_is_read_by_the_published_day_or_left_out():
    text = "Harlow University signed a memorandum of understanding with Stennis Polymer Industries on 06/03/2020."
    assert _dater(text, "2020-06-10").date_at(0, len(text), kind="agreement")[0] == "2020-06-03"
    assert _dater(text, "2020-03-09").date_at(0, len(text), kind="agreement")[0] == "2020-03-06"
    assert _dater(text).date_at(0, len(text), kind="agreement")[0] is None


def test_a_weekday_further_down_dates_a_lead_that_has_no_date():
    # 2023-10-23 is a Monday: the Saturday before it is 2023-10-21
    text = ("Kestrel Republic and Lumio Kingdom signed an economic memorandum of understanding after their summit.\n\n"
            "It is a separate deal from the one of the spring. Trade grew. Prices rose.\n\n"
            "President Arlo, who reached Tessaly on Saturday as the first such visitor, attended a welcome ceremony.")
    assert _dater(text, "2023-10-23").date_at(0, text.index("\n"), kind="agreement")[0] == "2023-10-21"
    # a weekday beside a month's date is that date's, not a lead's
    dated = text.replace("on Saturday as", "on Saturday, October 14, 2023, as")
    assert _dater(dated, "2023-10-23").date_at(0, text.index("\n"), kind="agreement")[0] is None


def test_a_background_event_does_not_take_its_paragraphs_date():
    text = ("On March 5, Harlow University signed a memorandum of understanding with Stennis Polymer Industries. "
            "Stennis Polymer Industries had already set up a joint laboratory with Orvik Institute of Technology.")
    start = text.index("Stennis Polymer Industries had")
    assert _dater(text, "2024-03-08").date_at(start, len(text), kind="joint_entity")[0] is None
    told = text.replace("had already set up", "also set up")
    assert _dater(told, "2024-03-08").date_at(start, len(told), kind="joint_entity")[0] == "2024-03-05"


def test_a_part_of_a_month_dates_the_event_to_its_month():
    base = "Kestrel Motors signed a memorandum of understanding with Lumio Battery Works {}."
    pub = "2023-12-20"
    for told in ("in mid-March", "at the end of March", "in the middle of March", "in mid March"):
        assert _dater(base.format(told), pub).date_at(0, 90, kind="agreement")[0] == "2023-03", told
    # "March of 2022": the month of the year it names
    assert _dater(base.format("in March of 2022"), pub).date_at(0, 90, kind="agreement")[0] == "2022-03"


def test_a_part_of_a_year_or_a_year_told_against_the_published_one_dates_the_event_to_it():
    base = "Kestrel Motors signed a memorandum of understanding with Lumio Battery Works {}."
    pub = "2023-12-20"
    told = {"in early 2021": "2021", "in mid-2021": "2021", "in the summer of 2021": "2021", "during 2021": "2021",
            "last year": "2022", "late last year": "2022", "at the end of last year": "2022",
            "earlier this year": "2023"}
    for words, year in told.items():
        assert _dater(base.format(words), pub).date_at(0, 100, kind="agreement")[0] == year, words
    # no published year, no year; the twelve months before, or a thing of that year, is no date
    assert _dater(base.format("last year"), None).date_at(0, 100, kind="agreement")[0] is None
    assert _dater(base.format("over the last year"), pub).date_at(0, 100, kind="agreement")[0] is None
    assert _dater(base.format("after last year's talks"), pub).date_at(0, 100, kind="agreement")[0] is None


def test_this_morning_and_last_night_count_from_the_published_day():
    base = "Kestrel Motors signed a memorandum of understanding with Lumio Battery Works {}."
    assert _dater(base.format("this morning"), "2023-12-20").date_at(0, 90, kind="agreement")[0] == "2023-12-20"
    assert _dater(base.format("last night"), "2023-12-20").date_at(0, 90, kind="agreement")[0] == "2023-12-19"


def test_a_relative_clause_dates_its_own_event_and_not_the_sentences_other():
    pub = "2025-03-06"  # a Thursday
    base = ("Harlow University and Stennis Polymer Industries, which signed a memorandum of understanding {}, "
            "launched a joint laboratory on Monday.")
    for told, year in (("in 2019", "2019"), ("last year", "2024"), ("on March 3, 2019", "2019-03-03")):
        assert dates(base.format(told), pub) == [
            ("agreement", ["Harlow University", "Stennis Polymer Industries"], year),
            ("joint_entity", ["Harlow University", "Stennis Polymer Industries"], "2025-03-03")], told
