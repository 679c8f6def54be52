from partnergraph.dates import find_dates


def resolved(text, published=None):
    return [d.resolve(published) for d in find_dates(text)]


def test_iso_and_slash_forms():
    assert resolved("Release Time:2024-01-26Source:") == ["2024-01-26"]
    assert resolved("Release time:2023/12/06 Publisher:") == ["2023-12-06"]
    assert resolved("Time:2022-09-20 12:55:43") == ["2022-09-20"]


def test_english_month_day_forms():
    assert resolved("Dec 16, 2020") == ["2020-12-16"]
    assert resolved("on December 10th.", "2020-12-16") == ["2020-12-10"]
    assert resolved("Thursday, 7th August, 2025") == ["2025-08-07"]
    assert resolved("On the 31st of March 2021") == ["2021-03-31"]
    assert resolved("in November 2023") == ["2023-11"]


def test_day_without_year_takes_published_year_or_stays_partial():
    assert resolved("On the morning of January 25", "2024-01-26") == ["2024-01-25"]
    assert resolved("On May 20, the meeting") == ["--05-20"]


def test_may_as_a_verb_is_not_a_date():
    assert resolved("Both sides may 20 times exchange") == []


def test_european_dotted_and_chinese_forms():
    assert resolved("News vom 30.11.2023") == ["2023-11-30"]
    assert resolved("2023年6月16日上午") == ["2023-06-16"]
    assert resolved("6月16日,双方", "2021-05-21") == ["2021-06-16"]
    assert resolved("4月17日上午") == ["--04-17"]


def test_impossible_dates_are_ignored():
    assert resolved("2024-13-45") == []


def test_offsets_quote_the_text():
    text = "Signed on July 25 in Beijing"
    (d,) = find_dates(text)
    assert text[d.start:d.end] == "July 25"


def test_windows_around_digits_find_what_a_full_scan_finds():
    from partnergraph.dates import DATE_RE, _matches

    text = ("Signed on September. 16, 2021 and renewed 7th of August, 2025; the 2023年6月16日 meeting; "
            "Dec 16 2020 and November 2023 " + "plain words " * 20 + "30.11.2023 and 2024/01/26.")
    full = [(m.start(), m.end()) for m in DATE_RE.finditer(text)]
    assert [(m.start(), m.end()) for m in _matches(text, 0, len(text))] == full


def test_month_names_with_letters_the_pattern_folds_are_no_crash():
    # the case-insensitive month names also match the long s, the dotless i and the dotted
    # capital I; such a name is the month, not a KeyError that stops the whole extraction
    from partnergraph.dates import find_dates

    assert [(d.month, d.day) for d in find_dates("on \u017fept 5, 2024")] == [(9, 5)]
    assert [(d.month, d.day) for d in find_dates("5 apr\u0131l 2024")] == [(4, 5)]
    assert [d.month for d in find_dates("\u0130n JUNE 2020")] == [6]


def test_a_range_takes_the_year_written_at_its_end():
    assert resolved("From November 24 to December 1, 2024, a delegation") == ["2024-11-24", "2024-12-01"]
    assert resolved("From July 23rd to 26th, 2024, the dialogue") == ["2024-07-23"]
    assert resolved("June 16-17, 2024") == ["2024-06-16"]
    assert resolved("From May 3 to 9, the tour") == ["--05-03"]  # no year written


def test_a_month_glued_to_its_day():
    assert resolved("On June16 - 17, the president visited") == ["--06-16"]
    assert resolved("Mar2020 sales") == []


def test_roc_years_are_converted():
    # CONVENTIONS 8: 民国 years (Taiwan) + 1911
    assert resolved("发稿日期:104年7月27日联络人") == ["2015-07-27"]
    assert resolved("建档日期:113-03-15 更新") == ["2024-03-15"]
    assert resolved("电话 0113-03-15") == []  # digits glued before: no date


def test_a_range_of_days_is_its_first_day():
    assert resolved("2023年8月25-26日,对接会在青山宾馆举行") == ["2023-08-25"]
    assert resolved("6月1至3日,论坛") == ["--06-01"]


def test_a_numeric_day_month_year_only_when_it_can_be_told_apart():
    assert resolved("16/10/2024 03:02 PM") == ["2024-10-16"]
    assert resolved("posted 10/16/2024") == ["2024-10-16"]
    # day-first or month-first, the text does not say: the year alone, or the reading nearest
    # before a published day
    assert resolved("05/06/2024") == ["2024"]
    assert resolved("signed on 05/06/2024", "2024-06-08") == ["2024-06-05"]
    assert resolved("signed on 05/06/2024", "2024-05-09") == ["2024-05-06"]


def test_a_clock_time_after_a_date_marks_a_page_stamp():
    from partnergraph.dates import stamped

    for text in ("GMT+8, 2019-7-14 04:07 , Processed", "Thu 10th October 2019 | 05:09 PM",
                 "网站 2012年08月23日 13时15分 来源"):
        d = find_dates(text)[0]
        assert stamped(text, d.end), text
    text = "signed on March 3, 2024 in Oslo"
    assert not stamped(text, find_dates(text)[0].end)


def test_weekday_with_day_and_month_in_brackets_reads_the_order_from_the_published_weekday():
    # "on Monday (10/09)": 10 September 2018 was a Monday, 9 October a Tuesday
    assert resolved("signed on Monday (10/09) in Seoul", "2018-09-12") == ["2018-09-10"]
    assert resolved("signed on Tuesday (10/09) in Seoul", "2018-10-12") == ["2018-10-09"]
    # a part over 12 is the day; with no published date the day comes first
    assert resolved("met on Friday (25/10)", "2019-10-30") == ["2019-10-25"]
    assert resolved("signed on Monday (10/09) in Seoul") == ["--09-10"]


def test_ambiguous_numeric_date_read_by_the_weekday_before_it():
    assert resolved("Monday, 10/09/2018: the two firms") == ["2018-09-10"]
    assert resolved("Tuesday, 10/09/2018: the two firms") == ["2018-10-09"]
    # a date line's weekday abbreviated
    assert resolved("Posted: Mon, 09/10/2018 - 10:13") == ["2018-09-10"]
    assert resolved("Tue. 10/09/2018") == ["2018-10-09"]


def test_a_day_without_a_year_is_never_weeks_after_the_published_day():
    # "On December 7" in a February article happened the December before
    assert resolved("On December 7, the forum opened", "2024-02-21") == ["2023-12-07"]
    assert resolved("12月7日,双方签署协议", "2024-02-21") == ["2023-12-07"]
    # up to a month after it (a page dated a day off the story, a launch announced for a day
    # ahead) keeps the published year
    assert resolved("On February 23, the forum opened", "2024-02-21") == ["2024-02-23"]
    assert resolved("will launch on March 20", "2024-02-21") == ["2024-03-20"]
    assert resolved("On February 20, the forum opened", "2024-02-21") == ["2024-02-20"]


def test_day_first_dates_without_a_year_are_found():
    # the digit windows once ended 8 characters after the day and lost the month's name
    assert resolved("signed on 16 December.", "2020-12-20") == ["2020-12-16"]
    assert resolved("met on the 5th of May in Orvik", "2020-05-20") == ["2020-05-05"]
    assert resolved("opened on 16th of September, then", "2020-09-20") == ["2020-09-16"]


def test_a_range_of_days_before_the_month_is_its_first_day():
    assert resolved("held in Orvik on 28–29 April.", "2020-05-02") == ["2020-04-28"]
    assert resolved("from 18 to 19 November 2019, the") == ["2019-11-18"]
    assert resolved("on 10th and 11th of May in", "2020-05-20") == ["2020-05-10"]
    # a range written day first, its year at its end
    assert resolved("from 24 October to 2 November 2019, the")[0] == "2019-10-24"
