"""When a Chinese cooperation event happened, as far as the article fixes it.

The sentence's own date first (the last one before the trigger); then a year standing alone
(2015年,A与B合作共建了…), a day without its month (…5日在香港签署, month from the dateline
or the publication date); else the article's lead date, the first date of its body that is
neither the page's date line nor a news agency's dateline (中新网8月14日电).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from partnergraph.dates import DateMention
from partnergraph.extraction.rules.chinese.view import ZhText, dates_between

# a day without its month (中新社北京5月6日电 …5日在香港签署)
_DAY_ONLY = re.compile(r"(?<![0-9月年])([0-3]?[0-9])日(?![0-9])")
_HEADER_LINE = re.compile(r"来源|发布|作者|编辑|浏览|点击|阅读|时间[:：]")
# a year standing alone before the trigger; not a period (2020年至2022年) or a fiscal year
_BARE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年(?![0-9度初底末中至到起以\-])")
# days in a range, the first one dated: [year年]month月day(-|~|至|到)[month月]day日
_DAY_RANGE = re.compile(r"(?:((?:19|20)[0-9]{2})年)?([0-9]{1,2})月([0-9]{1,2})日?(?:-|~|至|到)"
                        r"(?:[0-9]{1,2}月)?[0-9]{1,2}日")
# a day named relative to the publication date, before the trigger in its clause
_RELATIVE_DAY = re.compile(r"昨天|昨日|今天|今日(?!头条)")
MAX_RELATIVE = 40
# dates looked at for the lead date: the dev and unlabeled leads sit among the first five
MAX_LEAD_DATES = 20


def _dateline(zt: ZhText, d: DateMention) -> bool:
    """中新网8月14日电, 东南网6月28日讯: the date a report was filed, not an event's."""
    return zt.v.startswith(("电", "讯", "電", "訊"), d.end)


def _line_of(zt: ZhText, pos: int) -> str:
    """The text of the line around `pos`, at most 200 characters either side."""
    v = zt.v
    a = v.rfind("\n", max(0, pos - 200), pos) + 1 or max(0, pos - 200)
    b = v.find("\n", pos, pos + 200)
    return v[a:b if b >= 0 else min(len(v), pos + 200)]


def lead_date(zt: ZhText) -> DateMention | None:
    """The article's first event date: its lead's "6月16日," in the usual release."""
    pub = zt.published_span
    for d in zt.dates[:MAX_LEAD_DATES]:
        if pub and d.start == pub[0]:
            continue
        if d.day is None and d.year is not None and d.month is not None:
            continue
        if _dateline(zt, d):
            continue  # 中新网8月14日电: the dateline of the report, not the event
        if _HEADER_LINE.search(_line_of(zt, d.start)):
            continue  # 2023年11月28日 来源:连云港日报: the page's date, not the event's
        return d
    return None


def event_date(zt: ZhText, s0: int, s1: int, ts: int, lead: DateMention | None) -> DateMention | None:
    """The date of an event whose trigger starts at `ts` in the sentence [s0, s1)."""
    v = zt.v
    inside = [d for d in dates_between(zt, s0, s1)
              if (d.day is not None or d.year is not None) and not _dateline(zt, d)]
    before = [d for d in inside if d.start < ts]
    span = _DAY_RANGE.search(v, s0, ts) if v.find("月", s0, ts) >= 0 else None
    if span is not None and not any(d.day is not None and d.start >= span.end() for d in before):
        # 12月1-2日, 2018年12月1日至2日: an event over days is dated by its first
        year = int(span.group(1)) if span.group(1) else None
        return DateMention(span.start(), span.end(), year, int(span.group(2)), int(span.group(3)))
    if before:
        return before[-1]
    if inside:
        return inside[0]
    year = None
    for m in _BARE_YEAR.finditer(v, s0, ts):
        year = m
    if year is not None:
        return DateMention(year.start(), year.end() - 1, int(year.group(1)), None, None)
    day = None
    for m in _DAY_ONLY.finditer(v, s0, ts):
        day = m
    if day is not None:
        return _day_only(zt, day, lead) or lead
    rel = _RELATIVE_DAY.search(v, max(s0, ts - MAX_RELATIVE), ts)
    if rel is not None and zt.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", zt.published):
        # 昨天/今天…签署: a day counted from the publication date
        d = date.fromisoformat(zt.published) - timedelta(days=0 if rel.group().startswith("今") else 1)
        return DateMention(rel.start(), rel.end(), d.year, d.month, d.day)
    return lead


def _day_only(zt: ZhText, m: re.Match[str], lead: DateMention | None) -> DateMention | None:
    """"5日在香港签署": the month (and year) of the publication date or the dateline."""
    d = int(m.group(1))
    pub = zt.published
    if pub and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        y, mo, pd = int(pub[:4]), int(pub[5:7]), int(pub[8:10])
        if d > pd:  # a day after publication is last month's
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return DateMention(m.start(), m.end(), y, mo, d)
    refs = [x for x in zt.dates[:8] if _dateline(zt, x)]
    if lead is not None:
        refs.append(lead)
    for ref in refs:
        if ref.month is not None and ref.day is not None and d <= ref.day:
            return DateMention(m.start(), m.end(), ref.year, ref.month, d)
    return None
