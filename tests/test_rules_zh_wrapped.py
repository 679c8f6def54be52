"""Hard-wrapped Chinese articles (copied from a PDF or plain-text mail): a paragraph broken
by single newlines at a fixed width, even inside a name, a post or a trigger. The engine reads
each wrapped paragraph joined; every span still points into the original text."""

from __future__ import annotations

from partnergraph import extract
from partnergraph.extraction.rules.chinese.unwrap import unwrap

TITLE = "青岚科学技术大学与澄江智能装备集团签署战略合作协议"
DATE = "2024年5月20日 来源:青岚日报"
PARAGRAPHS = [
    "5月18日,青岚科学技术大学与澄江智能装备集团有限公司在青岚市签署战略合作协议。"
    "青岚科学技术大学校长周明远、澄江智能装备集团有限公司董事长林思涵出席签约仪式并致辞。",
    "根据协议,双方将在智能制造、工业机器人和人才培养等领域开展合作,共建联合研究中心。"
    "周明远表示,学校将发挥学科优势,与企业一道推动科研成果转化。",
    "林思涵介绍了集团近年来的发展情况,并表示希望与高校建立长期稳定的合作关系。",
]


def wrap(paragraph: str, width: int) -> str:
    return "\n".join(paragraph[i:i + width] for i in range(0, len(paragraph), width))


def article(width: int | None) -> str:
    body = PARAGRAPHS if width is None else [wrap(p, width) for p in PARAGRAPHS]
    return "\n".join([TITLE, DATE, *body]) + "\n"


def summary(text: str):
    r = extract(text, lang="zh")
    return (sorted(o.name for o in r.organizations),
            sorted((p.name, p.title, p.org) for p in r.people),
            sorted((e.type, e.date, tuple(sorted(e.parties))) for e in r.events))


def test_the_wrapped_article_reads_as_the_unwrapped_one():
    plain = summary(article(None))
    assert ("周明远", "校长", "青岚科学技术大学") in plain[1]
    assert ("林思涵", "董事长", "澄江智能装备集团有限公司") in plain[1]
    assert any(e[0] == "agreement" and e[1] == "2024-05-18" for e in plain[2])
    for width in (20, 22, 26, 30, 32, 35, 38):
        assert summary(article(width)) == plain, width
    # at 32 the trigger of the body's signing is broken: 签|署战略合作协议
    assert "签\n署战略合作协议" in article(32)


def test_spans_point_into_the_original_text_across_a_break():
    # at 22 the breaks fall inside 澄江智能装备集|团有限公司 and 青岚科学|技术大学
    for width, broken in ((22, "澄江智能装备集\n团有限公司"), (22, "青岚科学\n技术大学")):
        text = article(width)
        assert broken in text
        r = extract(text, lang="zh")
        quoted = [text[s.start:s.end] for x in (*r.organizations, *r.people, *r.events)
                  for s in x.evidence]
        assert broken in quoted, width
        # every span quotes what it quotes in the unwrapped article, less the newline
        plain = article(None)
        p = extract(plain, lang="zh")
        assert sorted(q.replace("\n", "") for q in quoted) == sorted(
            plain[s.start:s.end] for x in (*p.organizations, *p.people, *p.events)
            for s in x.evidence)
        for q in quoted:
            assert q and q[0] != "\n" and q[-1] != "\n"


def test_title_and_date_lines_stay_apart():
    joined, omap = unwrap(article(23))
    assert joined.startswith(TITLE + "\n" + DATE + "\n")
    assert len(omap) == len(joined)
    # a paragraph's last line (a sentence end) is not run into the next paragraph
    assert joined.count("\n") == 2 + len(PARAGRAPHS)


def test_an_unwrapped_article_with_short_lines_is_not_joined():
    # a headline, a date line and short items of about one length that end in full stops
    text = "\n".join([
        "青岚市新闻简讯",
        "2024年6月3日",
        "青岚科学技术大学与澄江智能装备集团签约。",
        "澄江智能装备集团与青岚市第一医院签约。",
        "青岚日报社与青岚科学技术大学开展合作。",
        "青岚市人民政府举办科技成果对接会议。",
        "",
        "(编辑:周晓)",
    ]) + "\n"
    assert unwrap(text) is None
    assert unwrap(article(None)) is None
