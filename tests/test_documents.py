import time

from partnergraph.documents import prepare
from partnergraph.documents.language import detect_language
from partnergraph.documents.normalize import match_view


def body_text(doc):
    return [doc.text[s.start:s.end] for s in doc.body]


ARTICLE = """News Center

Lakeside University and Orion Chemicals Sign Agreement

Release Time:2024-01-26Source:Clicks:505Author:

On the morning of January 25, Lakeside University and Orion Chemicals signed an agreement.
  • g1banpc.jpg g1banph-357.jpg
Prev: Another University Holds Sports Day With Hilltop Group
Next: Orion Chemicals and Lakeside University Sign Another Deal
Address: 1 Lake Road
Tel: +00 12345
©2024 Lakeside University
"""


def test_header_date_and_title():
    doc = prepare(ARTICLE, id="a")
    assert doc.published == "2024-01-26"
    assert doc.title == "Lakeside University and Orion Chemicals Sign Agreement"
    assert doc.text[doc.title_span.start:doc.title_span.end] == doc.title


def test_page_furniture_is_not_body():
    body = body_text(prepare(ARTICLE, id="a"))
    assert any(line.startswith("On the morning") for line in body)
    for furniture in ("Release Time", "g1banpc.jpg", "Prev:", "Next:", "Address:", "Tel:", "©2024"):
        assert not any(furniture in line for line in body), furniture


def test_offsets_stay_true():
    doc = prepare(ARTICLE, id="a")
    assert doc.text == ARTICLE
    for span in doc.body:
        assert doc.text[span.start:span.end].strip() == doc.text[span.start:span.end]


def test_a_date_in_a_sentence_is_not_the_publication_date():
    text = "Deal signed\n\nOn June 16, 2022, Alpha Corporation signed a memorandum with Beta University in Tokyo.\n"
    assert prepare(text, id="b").published is None


def test_standalone_date_line_under_the_title():
    text = "Alpha and Beta sign cooperation agreement today\n\nDec 16, 2020\n\nA strategic agreement was signed."
    assert prepare(text, id="c").published == "2020-12-16"


def test_dateline_with_weekday_after_the_bureau():
    text = "Trade Weekly\n\nOrion and Lakeside in research pact\n\nOur Bureau, PortvilleMonday, April 7, 2008, 09:30 Hrs  [IST]\n\nOrion Chemicals and Lakeside University have entered into an agreement."
    assert prepare(text, id="w").published == "2008-04-07"


def test_a_weekday_in_a_sentence_is_not_a_dateline():
    text = "Deal signed\n\nOn Monday, June 16, 2022, Alpha Corporation signed a memorandum with Beta University, the two said in a statement released in Tokyo.\n"
    assert prepare(text, id="w2").published is None


def test_numeric_date_appended_to_the_headline():
    text = "\n\nAlpha Foundation – Beta Agency (BA) signed MOU 2019.03.11\n  • Office of International Relations\n\nAlpha Foundation held an MOU ceremony on March 8 with Beta Agency."
    assert prepare(text, id="t").published == "2019-03-11"


def test_a_worded_date_in_a_headline_is_not_the_posting_date():
    text = "Alpha and Beta to sign agreement on June 16, 2022\n\nAlpha Corporation will sign a memorandum with Beta University next month in Tokyo, the two said.\n"
    assert prepare(text, id="t2").published is None


def test_chinese_header_date():
    text = "甲大学与乙公司签署合作协议\n2020年09月24日09:03  来源:某某网\n9月23日,甲大学与乙公司签署协议。"
    doc = prepare(text, id="d")
    assert doc.lang == "zh"
    assert doc.published == "2020-09-24"


def test_a_date_line_with_the_site_address_and_the_time():
    text = "甲省政府与乙集团签订合作框架协议\nwww.jiaxinwen.com 2012-06-28 08:21 王明 李华 来源:甲日报\n27日,甲省政府与乙集团签署协议。"
    assert prepare(text, id="u").published == "2012-06-28"
    text = "Orion and Lakeside sign research pact\n\nJuly 8, 2018  Editor: Mara Quill\n\nOrion Chemicals and Lakeside University signed an agreement."
    assert prepare(text, id="u2").published == "2018-07-08"
    text = "甲市与乙市签署合作协议\n\n來源:甲日報 2020-11-28 02:23   https://www.jiaxinwen.net/\n\n11月27日,甲市与乙市签署协议。"
    assert prepare(text, id="u3").published == "2020-11-28"


def test_chinese_editor_lines_are_furniture():
    text = "正文第一段,双方签署协议。\n(编辑:李哲)\n(一审:陈芳 二审:伍国 三审:李宁)\n国际合作处 供稿\n扫一扫在手机打开当前页"
    assert body_text(prepare(text, id="e")) == ["正文第一段,双方签署协议。"]


def test_short_chinese_spam_line_in_english_article():
    text = "果冻天美传媒\n\nAlpha University signed an agreement with Beta Group on May 3 in the city of Gamma."
    assert body_text(prepare(text, id="f"))[0].startswith("Alpha University")


def test_language_detection():
    assert detect_language("Alpha University signed an agreement with Beta Group (贝塔集团).") == "en"
    assert detect_language("甲大学与乙公司签署战略合作协议,双方将在AI、IoT等领域合作。") == "zh"


def test_match_view_keeps_length_and_folds():
    text = "“Quote” – ＡＢＣ，１２３\u3000end ﬁ"
    view = match_view(text)
    assert len(view) == len(text)
    assert view.startswith('"Quote" - ABC,123 end')


def test_hostile_lines_are_linear():
    hostile = ("Word " * 100_000) + "\n" + ("x" * 1_000_000)
    t = time.process_time()
    prepare(hostile, id="h")
    assert time.process_time() - t < 10


def test_boilerplate_filters_give_the_plain_search_answer():
    # the per-pattern character filters and the joined `^` patterns must answer as a plain
    # case-insensitive search of every pattern does, also for letters the engine folds
    # (Kelvin sign, long s, dotted I) and for lines with none of the filters' characters
    import re
    from importlib import resources

    from partnergraph.documents.prepare import is_boilerplate

    text = resources.files("partnergraph").joinpath("data/boilerplate.txt").read_text("utf-8")
    patterns = [re.compile(p, re.IGNORECASE) for p in text.splitlines()
                if p.strip() and not p.startswith("#")]
    lines = ["\u017fource: Xinhua", "CLIC\u212aS: 12", "COPYR\u0130GHT 2024 Alpha", "Page Views:3",
             "photo.JPG", "甲大学与乙公司签署合作协议：双方将共建实验室。", "(c) 2021 Beta Group",
             "阅读量：1024", "一审：王某", "首页 > 新闻 > 校园", "  来源：甲大学", "扫一扫 分享到",
             "Source: Beta Author: Gamma", "view", "Next", "release time:2024-01-26"]
    for line in lines:
        expected = any(p.search(line) for p in patterns)
        assert is_boilerplate(line, "zh") == expected, line


def test_a_date_with_its_clock_time_in_the_header_is_the_published_date():
    text = ("Kestrel signs MOU with Lumio. October. 23, 2023 08:13. by Ann Lee Park al@example.com.\n\n"
            "Kestrel Group and Lumio signed a memorandum of understanding on Monday.")
    assert prepare(text, id="s1").published == "2023-10-23"
    # a stamp in the footer, after the article's text, is not the published date
    text = ("Kestrel Group and Lumio signed a memorandum of understanding in Oslo to build a plant together. "
            "The plant will open next year and employ two hundred people in the region.\n"
            "GMT+8, 2019-7-14 04:07 , Processed in 0.05 second(s), 11 queries.")
    assert prepare(text, id="s2").published is None


def test_a_chinese_label_glued_to_a_word_and_a_dated_wire_line():
    text = "青山医院新闻稿发稿单位:青山医院发稿日期:104年7月27日联 络 人:企划中心\n青山医院与远景学院今(27)日签署合作契约。"
    assert prepare(text, id="roc", lang="zh").published == "2015-07-27"
    text = "青山要闻\n【远景时报2017年09月06日讯】青山大学访问团成果丰硕,与远景集团签署备忘录。"
    assert prepare(text, id="wire", lang="zh").published == "2017-09-06"
    text = "青山要闻\n【远景时报2017年09月06日报导】青山大学访问团成果丰硕,与远景集团签署备忘录。"
    assert prepare(text, id="report", lang="zh").published == "2017-09-06"


def test_a_short_dotted_date_in_a_wire_dateline_and_a_papers_date_in_brackets():
    text = ("Kestrel-Lumio agreements\n\nOrvik / 31.10.17 / Tessa News: Kestrel Group and Lumio Energy signed "
            "three agreements today, the ministry said.")
    assert prepare(text, id="d1").published == "2017-10-31"
    assert prepare("Version 3.10.12 of the Kestrel toolkit is out today and brings many fixes.",
                   id="d2").published is None
    text = "青山周刊(2017年6月30日 远景青山)昨日上午,远景新能源汽车合资项目在青山举行开工仪式,标志着项目成功落地。"
    assert prepare(text, id="d3", lang="zh").published == "2017-06-30"


def test_a_date_line_in_the_sites_own_language():
    text = ("Blog\nBoosting mobility and exchange\n- 25 marzo, 2025\n\nKestrel University and the Lumio Institute "
            "have formalized an academic cooperation agreement.")
    assert prepare(text, id="es").published == "2025-03-25"
    text = "Noticias\n3 de março de 2024\n\nKestrel University and Lumio Institute signed an agreement."
    assert prepare(text, id="pt").published == "2024-03-03"
    text = "Aktuelles\n12. März 2024\n\nKestrel University and Lumio Institute signed an agreement."
    assert prepare(text, id="de").published == "2024-03-12"
    # a foreign month name in running text is no date line ("Mars 2020" is a mission)
    text = ("News\nThe Kestrel probe reached Mars 2020 orbit in style today.\n\nKestrel University and Lumio "
            "Institute signed an agreement.")
    assert prepare(text, id="fr").published is None


def test_a_date_line_with_the_month_abbreviated_between_hyphens():
    text = "Kestrel Ministry signs MoU with Lumio Institute\n\nPosted On: 10-SEP-2018 5:40PM\n\nThe ministry signed it."
    assert prepare(text, id="h").published == "2018-09-10"


def test_a_byline_with_the_date_on_its_line_gives_the_published_date():
    body = "\n\nThe Kestrel Ministry signed an agreement with the Lumio Institute of Technology in the capital."
    for line in ("By Ayya Lmahamad | September 10, 2018", "By John Smith, Staff Writer Sept. 10, 2018",
                 "Written by Mary Ann Lee on September 10, 2018"):
        assert prepare("Kestrel Ministry signs MoU with Lumio Institute\n\n" + line + body, id="b").published \
            == "2018-09-10"
    # a sentence opening with "By" is no byline
    line = "By Monday, September 10, 2018, the Kestrel Ministry and the Lumio Institute will have signed the plan."
    assert prepare("Kestrel Ministry signs MoU with Lumio Institute\n\n" + line + body, id="s").published is None


def test_an_ambiguous_numeric_date_line_gives_its_year():
    # 06/03/2020: the sixth of March or the third of June; the events' year all the same
    text = ("Kestrel Ministry signs MoU with Lumio Institute\n\n06/03/2020\n\nThe Kestrel Ministry signed an "
            "agreement with the Lumio Institute of Technology on March 5 in the capital.")
    assert prepare(text, id="a").published == "2020"


def test_a_date_in_a_field_of_its_own_on_a_header_line_of_fields_is_the_published_date():
    body = ("\n\nHarlow University signed a memorandum of understanding with Stennis Polymer Industries on Tuesday "
            "to set up a joint laboratory for coatings research.")
    for line in ("Jane Doe | Staff Reporter | Thu, Mar 6, 2025", "Campus News • 6 March 2025 • 3 min read"):
        assert prepare("Harlow and Stennis sign MoU\n\n" + line + body, id="f").published == "2025-03-06", line
    # a sentence of text with a date is no field
    line = "Harlow University and Stennis Polymer Industries met on 6 March 2025 to talk about the joint laboratory | Jane"
    assert prepare("Harlow and Stennis sign MoU\n\n" + line + body, id="f").published is None


def test_a_day_month_and_year_joined_by_hyphens_is_a_date_line():
    body = "\n\nHarlow University signed a memorandum of understanding with Stennis Polymer Industries."
    assert prepare("Harlow and Stennis sign MoU\n\nLast Updated: 16-03-2025" + body, id="h").published == "2025-03-16"
    assert prepare("Harlow and Stennis sign MoU\n\nLast Updated: 06-03-2025" + body, id="h").published == "2025"
