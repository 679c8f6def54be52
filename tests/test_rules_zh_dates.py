"""Chinese event dates told against the publication date or a dateline: 昨日/今天/今(26)日,
去年11月, a day whose 月 a pasted page lost, "recently" (日前) that fixes no day, and the lead
day of an article told as 今日."""

from __future__ import annotations

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules.chinese.event_dates import lead_date
from partnergraph.extraction.rules.chinese.view import build
from zh_helpers import zh


def dates(x) -> list[tuple[str, str | None]]:
    return [(e.type, e.date) for e in x.events]


def test_the_page_date_on_the_first_line_is_not_the_event_day():
    x = zh(" date 2024-03-05 青山大学与远景集团昨日签署合作备忘录,双方将开展人才培养合作。")
    assert x.published == "2024-03-05"
    assert dates(x) == [("agreement", "2024-03-04")]


def test_today_counts_from_a_dateline_without_published_date():
    x = zh("东江网9月26日讯 今天上午,甲省人民政府与远景集团有限公司在福州签署战略合作协议。")
    assert dates(x) == [("agreement", "--09-26")]


def test_today_with_its_day_in_brackets():
    x = zh("青山大学与远景集团今(26)日签署产学合作备忘录。", published="2022-12-26")
    assert dates(x) == [("agreement", "2022-12-26")]


def test_a_month_of_last_year():
    x = zh("青山大学与远景集团自去年11月签订合作协议以来,双方合作不断深化。", published="2024-09-26")
    assert dates(x) == [("agreement", "2023-11")]


def test_a_day_whose_month_sign_was_lost_takes_the_published_month():
    x = zh("519日下午,青山大学与远景集团签署战略合作协议。", published="2025-05-20")
    assert dates(x) == [("agreement", "2025-05-19")]
    # digits that are a day, or that do not open with the month, are no such day
    assert dates(zh("青山大学与远景集团签署战略合作协议,合作期限为365日。", published="2025-05-20")) \
        == [("agreement", None)]


def test_recently_fixes_no_day_so_the_lead_date_is_not_taken():
    text = ("日前,青山大学与远景集团签署战略合作协议。\n"
            "据了解,2月10日,远景集团发布了年度报告。")
    assert dates(zh(text, published="2015-03-11")) == [("agreement", None)]


def test_the_day_a_statement_was_made_is_not_the_signing_day():
    x = zh("青山研究院今天宣布,与远景集团签署产业合作协定。", published="2017-04-17")
    assert dates(x) == [("agreement", None)]
    x = zh("《今日青山》记者报道,青山大学与远景集团签署合作协议。", published="2017-04-17")
    assert dates(x) == [("agreement", None)]


def test_a_lead_told_as_today_dates_the_article():
    doc = prepare("2026-01-13\n青山市市长今日(13日)在市政府会见远景集团董事长一行,双方就深化合作交换意见。\n"
                  "双方签署的合作协议将推动产业发展。", id="t", lang="zh")
    d = lead_date(build(doc))
    assert d is not None and d.resolve(doc.published) == "2026-01-13"


def test_a_lead_day_without_its_month_takes_the_dateline_month():
    # 19日 after the dateline: the month of the dateline (no year: the page prints none)
    doc = prepare("远景新闻网青山11月19日电 (记者 王明)19日,在青山举行的友好城市大会上,甲省与乙州等地方政府共签署8份协议书。\n"
                  "大会上,青山市与远景市签署建立友好城市关系协议书。", id="d", lang="zh")
    d = lead_date(build(doc))
    assert d is not None and d.resolve(doc.published) == "--11-19"


def test_a_lead_day_in_the_line_of_the_page_date_under_a_photo_credit():
    # the page's date opens the first line; a photo's credit (图片来源) is no header line
    doc = prepare(" date 2025-08-08 甲乙两地代表签署多份合作协议。(图片来源:远景网) 青山社北京8月8日电/"
                  "据远景网报道,青山特区行政长官王明7日在政府总部欢迎乙市市长率领的代表团一行到访。\n"
                  "王明指出,近年两地合作与交流更趋紧密,领域不断扩展,合作水平及成效逐步提升。", id="p", lang="zh")
    d = lead_date(build(doc))
    assert d is not None and d.resolve(doc.published) == "2025-08-07"


def test_a_lead_day_whose_month_sign_was_lost():
    doc = prepare("青山大学新闻\n2021-07-07 来源:资产处\n\n77日上午,青山大学与远景集团有限公司校企战略合作签约暨授牌仪式在"
                  "远景集团总部会议室举行。", id="g", lang="zh")
    d = lead_date(build(doc))
    assert d is not None and d.resolve(doc.published) == "2021-07-07"


def test_a_page_stamp_with_its_time_is_no_lead_date():
    doc = prepare("本报讯 日前,青山大学与远景集团签订合作协议,共同成立青山产学研中心,为地方经济发展提供智力支撑和人才保障。\n"
                  "小黑屋|手机版\nGMT+8, 2019-7-14 04:07 , Processed in 0.05 second(s).", id="f", lang="zh")
    assert lead_date(build(doc)) is None


def test_a_background_told_over_years_does_not_take_the_lead_date():
    # as another stage (the learned layer) asks for an event told in those sentences
    from partnergraph.extraction.rules.dating import EventDater

    text = ("3月5日,青山大学与远景集团签署战略合作协议。\n"
            "2008年以来,青山大学已先后与甲市、乙市等地合作,建立产学研中心工作站。\n"
            "近年来,青山大学与丙市共建了理论热点示范点。\n"
            "青山大学与丁市签署了合作协议。")
    dater = EventDater(prepare(text, id="b", lang="zh", published="2015-03-11"))
    for sentence in text.split("\n"):
        start = text.index(sentence)
        date, _ = dater.date_at(start, start + len(sentence))
        assert date == (None if "以来" in sentence or "近年" in sentence else "2015-03-05"), sentence


def test_a_day_without_a_year_takes_the_year_of_the_occasion_its_sentence_names():
    from partnergraph.extraction.rules.dating import EventDater

    text = ("远景新闻网青山11月19日电 19日,在青山举行的2024友好城市大会上,甲省与乙州签署建立友好城市关系协议书。\n"
            "大会上,青山市与远景市签署合作协议。")
    dater = EventDater(prepare(text, id="n", lang="zh"))
    assert dater.date_at(text.index("大会上"), len(text))[0] == "2024-11-19"
    text = "3月5日,青山大学与远景集团签署合作协议,2019年以来双方合作不断深化。"
    assert EventDater(prepare(text, id="m", lang="zh")).date_at(0, len(text))[0] == "--03-05"


def test_this_year_and_last_year_count_from_the_published_year_or_the_lead_year():
    from partnergraph.extraction.rules.dating import EventDater

    text = "今年初,远景集团与青山汽车公司共同组建的合资公司正式成立。"
    assert EventDater(prepare(text, id="y1", lang="zh", published="2020-06-18")).date_at(0, len(text))[0] == "2020"
    text = "去年,青山大学与远景集团签署了战略合作协议。"
    assert EventDater(prepare(text, id="y2", lang="zh", published="2020-06-18")).date_at(0, len(text))[0] == "2019"
    # a period since then, or "this year is …", is no year of an event
    text = "今年以来,青山大学与远景集团签署了多项合作协议。"
    assert EventDater(prepare(text, id="y3", lang="zh", published="2020-06-18")).date_at(0, len(text))[0] is None
    # no published date: the year of the lead's date (2023年8月25日)
    text = ("2023年8月25日,青山市政校企合作对接会在远景宾馆举行,多所高校与企业参加。\n"
            "会上,校长表示,去年10月,学校与青山市政府签署科技战略合作协议。")
    start = text.index("会上")
    assert EventDater(prepare(text, id="y4", lang="zh")).date_at(start, len(text))[0] == "2022-10"


# a part of a month (7月中旬, 11月底) nearest before the trigger dates its event: in the published
# year (the year before for a month still to come), undated when the page gives no year
def test_a_month_part_before_the_trigger_dates_the_signing():
    text = "8月5日,青山市举行产业大会。7月中旬,青山大学与白沙科技有限公司签署战略合作协议。"
    assert dates(zh(text, published="2024-08-09")) == [("agreement", "2024-07")]
    assert dates(zh(text.replace("7月中旬", "11月底"), published="2024-08-09")) == [("agreement", "2023-11")]


def test_a_month_part_without_a_year_leaves_the_signing_undated():
    text = "8月5日,青山市举行产业大会。7月中旬,青山大学与白沙科技有限公司签署战略合作协议。"
    assert dates(zh(text)) == [("agreement", None)]


def test_a_month_part_after_the_trigger_does_not_date_it():
    text = "8月5日,青山大学与白沙科技有限公司签署战略合作协议,并约定7月底前完成评估。"
    assert dates(zh(text)) == [("agreement", "--08-05")]


def test_an_event_another_stage_found_is_dated_at_its_trigger():
    from partnergraph.extraction.rules.chinese.event_dates import date_at

    text = ("8月7日,青山港务集团有限公司与白沙市签署《战略合作框架协议》,这是继7月中旬青山自贸片区"
            "管理局与白沙市签署《合作备忘录》后的再次合作。")
    zt = build(prepare(text, id="t", lang="zh"))
    first, second = text.index("签署"), text.index("签署", text.index("签署") + 1)
    assert date_at(zt, 0, len(text), lead_date(zt), first).resolve() == "--08-07"
    assert date_at(zt, 0, len(text), lead_date(zt), second).resolve() is None


# a report's dateline ending in 报导/报道 (【大纪元4月17日报导】) dates the report, not the event; nor
# does the day of the wire under it (中央社记者台北17日电)
def test_a_report_dateline_does_not_date_the_signing():
    x = zh("【远东时报4月17日报导】(东江社记者王明台北17日电)青山研究院今天宣布,与日本星野银行签署商机媒合协定,"
           "共同建构产业合作平台。")
    assert dates(x) == [("agreement", None)]


def test_today_counts_from_a_report_dateline():
    x = zh("【远东时报3月21日报导】(东江社台北21日电)青山科技大学今天与白沙电子有限公司签署产学合作协议。")
    assert dates(x) == [("agreement", "--03-21")]


# weekdays told against the published day (2024-08-07 is a Wednesday)
def test_a_weekday_dates_the_signing_against_the_published_day():
    text = "青山大学与白沙科技有限公司于周二签署战略合作协议。"
    assert dates(zh(text, published="2024-08-07")) == [("agreement", "2024-08-06")]
    text = "星期一上午,青山大学与白沙科技有限公司签署战略合作协议。"
    assert dates(zh(text, published="2024-08-07")) == [("agreement", "2024-08-05")]


def test_last_weeks_and_this_weeks_weekday():
    text = "上周五,青山大学与白沙科技有限公司签署战略合作协议。"
    assert dates(zh(text, published="2024-08-07")) == [("agreement", "2024-08-02")]
    text = "本周三,青山大学与白沙科技有限公司签署战略合作协议。"
    assert dates(zh(text, published="2024-08-07")) == [("agreement", "2024-08-07")]


def test_no_weekday_in_a_range_a_name_a_future_day_or_a_statement():
    for text in ("周一至周五,青山大学与白沙科技有限公司签署战略合作协议。",
                 "青山大学周一鸣教授与白沙科技有限公司签署战略合作协议。",
                 "本周五,青山大学与白沙科技有限公司签署战略合作协议。",
                 "青山大学周二表示,与白沙科技有限公司签署战略合作协议。"):
        assert dates(zh(text, published="2024-08-07")) == [("agreement", None)], text


def test_a_weekday_in_the_first_lines_is_the_lead_day():
    text = ("青山大学新闻网\n青山大学代表团周二上午抵达白沙市,开始为期三天的交流访问活动。双方围绕人才培养、"
            "科研合作等议题深入交流。")
    zt = build(prepare(text, id="t", lang="zh", published="2024-08-07"))
    assert lead_date(zt).resolve("2024-08-07") == "2024-08-06"



# CONVENTIONS 8: a range is its first day; a tour of several places over it dates none of its
# stops to a day (only to the range's month), unless a stop's own sentence names its day
TOUR = ("2023年5月8日至10日,青山市工商联考察团先后赴白沙、河西、东岭等地开展考察交流活动。\n"
        "在白沙,考察团一行到白沙远景科技有限公司考察,并与企业负责人座谈交流。\n"
        "10日,考察团一行到东岭新材料有限公司考察。")


def _by_host(x) -> dict[str, str | None]:
    return {e.parties[1]: e.date for e in x.events if e.type == "visit"}


def test_the_stops_of_a_tour_over_a_range_of_days_take_its_month_not_its_first_day():
    got = _by_host(zh(TOUR))
    assert got["河西"] == "2023-05-08"  # a host the range's own sentence names: the tour's first day
    assert got["白沙远景科技有限公司"] == "2023-05"
    assert got["东岭新材料有限公司"] == "2023-05-10"  # its own day, within the range


def test_a_tour_without_a_year_or_over_two_months_fixes_less():
    got = _by_host(zh(TOUR.replace("2023年", "")))
    assert got["白沙远景科技有限公司"] is None
    assert got["东岭新材料有限公司"] == "--05-10"
    got = _by_host(zh(TOUR.replace("5月8日至10日", "5月30日至6月1日").replace("10日,", "1日,")))
    assert got["白沙远景科技有限公司"] == "2023"
    assert got["东岭新材料有限公司"] == "2023-06-01"  # the range's second month


def test_a_visit_to_one_place_over_a_range_of_days_is_its_first_day():
    text = "2023年5月8日至10日,青山市工商联考察团一行到白沙远景科技有限公司考察交流。"
    assert dates(zh(text)) == [("visit", "2023-05-08")]


def test_a_reports_day_does_not_date_the_event_it_tells_as_recent():
    text = ("3月12日,记者从青山市商务局获悉,青山大学与远景集团战略合作协议签约仪式近日在青山举行。"
            "双方将在人才培养等方面开展合作。")
    assert dates(zh(text, published="2024-03-12")) == [("agreement", None)]
    # a day told for the signing itself dates it
    told = "3月12日,青山大学与远景集团在青山签署战略合作协议。双方将在人才培养等方面开展合作。"
    assert dates(zh(told, published="2024-03-12")) == [("agreement", "2024-03-12")]


def test_the_day_before_or_after_the_lead_event_counts_from_its_day():
    text = ("3月1日,青山大学与远景集团有限公司在白沙签署战略合作协议。\n"
            "签约仪式前一天,青山大学一行到远景集团有限公司考察交流。")
    got = dict(dates(zh(text, published="2024-03-02")))
    assert got["visit"] == "2024-02-29"
    got = dict(dates(zh(text.replace("签约仪式前一天", "次日"), published="2024-03-02")))
    assert got["visit"] == "2024-03-02"
