"""When a Chinese cooperation event happened, as far as the article fixes it.

The sentence's own date first (the last one before the trigger); then a year standing alone
(2015年,A与B合作共建了…), a day without its month (…5日在香港签署, month from the dateline
or the publication date); else the article's lead date, the first date of its body that is
neither the page's date line nor a news agency's dateline (中新网8月14日电).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from partnergraph.dates import WIRE_MARKS, DateMention, month_year, stamped
from partnergraph.extraction.rules.chinese.view import ZhText, dates_between

# a day without its month (中新社北京5月6日电 …5日在香港签署)
# (not a dateline's day: 中央社记者台北17日电)
_DAY_ONLY = re.compile(r"(?<![0-9月年])([0-3]?[0-9])日(?![0-9电讯電訊])")
# (a photo's credit, 图片来源:, is no page header)
_HEADER_LINE = re.compile(r"(?<!图片)来源|发布|作者|编辑|浏览|点击|阅读|时间[:：]")
# a year standing alone before the trigger; not a period (2020年至2022年) or a fiscal year
_BARE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年(?![0-9度初底末中至到起以\-])")
# days in a range, the first one dated: [year年]month月day(-|~|至|到)[month月]day日
_DAY_RANGE = re.compile(r"(?:((?:19|20)[0-9]{2})年)?([0-9]{1,2})月([0-9]{1,2})日?(?:-|~|至|到)"
                        r"(?:[0-9]{1,2}月)?[0-9]{1,2}日")
# a day named relative to the publication date, before the trigger in its clause
# (台南应大…今(26)日签署: today, its day in brackets)
# (台南应大…今(26)日签署: today, its day in brackets); not a paper's name (《今日桐乡》) nor the
# day a statement was made (工研院今天宣布,与…签署: the signing's day is left open)
_RELATIVE_DAY = re.compile(r"(?<!《)(?:昨天|昨日|今天|今日(?!头条)|今\s?[(（][0-3]?[0-9][)）]\s?日)"
                           r"(?!\s?(?:上午|下午)?\s?(?:表示|宣布|发布|指出|透露|称))")
MAX_RELATIVE = 40
# a month of the year before or of this one (去年11月签订): the year counted from the anchor's
_RELATIVE_MONTH = re.compile(r"(去年|今年|前年)([01]?[0-9])月(?:([0-3]?[0-9])[日号])?")
_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}
# "recently" before the trigger: the text does not fix the day, so the lead date is not the event's;
# nor is it for a background event told over years (近年来, 2008年以来, 多年来 A与B共建了…)
_RECENTLY = re.compile(r"日前|近日|近期|前不久|此前|近年|多年来|以来")
# a day whose 月 a pasted page lost (519日 under a page dated 2025-05-20): digits that are no
# day, opening with the anchor's month
_GLUED_DAY = re.compile(r"(?<![0-9])([0-9]{2,4})日")
# dates looked at for the lead date: the dev and unlabeled leads sit among the first five
MAX_LEAD_DATES = 20
# lines read for a lead day told as 今日/昨天 when no date is written
LEAD_LINES = 3
# shorter lines are a headline's column name, a date line or a byline (【科技农业】)
MIN_LEAD_LINE = 20


def _dateline(zt: ZhText, d: DateMention) -> bool:
    """中新网8月14日电, 东南网6月28日讯, 据新华社3月2日报道: the date a report was filed, not an event's."""
    return zt.v.startswith(WIRE_MARKS, d.end)


def _line_of(zt: ZhText, pos: int) -> str:
    """The text of the line around `pos`, at most 200 characters either side."""
    v = zt.v
    a = v.rfind("\n", max(0, pos - 200), pos) + 1 or max(0, pos - 200)
    b = v.find("\n", pos, pos + 200)
    return v[a:b if b >= 0 else min(len(v), pos + 200)]


def lead_date(zt: ZhText) -> DateMention | None:
    """The article's first event date: its lead's "6月16日," in the usual release, else a day
    its first lines tell relative to the publication date (李家超今日（13日）会见…), or
    without its month (李家超7日会见…, 中新社香港5月8日电…8日, the month of the publication date
    or the dateline), or with its month lost in a pasted page (519日 under 2025-05-20)."""
    explicit = _explicit_lead(zt)
    if explicit is not None:
        return explicit
    a, b = _lead_lines(zt)
    told = _relative_day(zt, a, b) or _weekday(zt, a, b)
    if told is None:
        day = _DAY_ONLY.search(zt.v, a, b)
        told = _day_only(zt, day, None) if day is not None else None
    return told or _glued_day(zt, a, b)


def _lead_lines(zt: ZhText) -> tuple[int, int]:
    """The text of the article's first lines of text (below its date line), where a release
    tells its news event."""
    after = zt.published_span[1] if zt.published_span else 0
    # the line of the date line counts from the date's end (" date 2025-08-08 李家超7日会见…")
    lines = [(a, b) for a, b in ((max(a, after), b) for a, b in zt.lines if b > after)
             if b - a >= MIN_LEAD_LINE and not _HEADER_LINE.search(zt.v, a, b)][:LEAD_LINES]
    return (lines[0][0], lines[-1][1]) if lines else (0, 0)


def _explicit_lead(zt: ZhText) -> DateMention | None:
    pub = zt.published_span
    for d in zt.dates[:MAX_LEAD_DATES]:
        if pub and d.start == pub[0]:
            continue
        if d.day is None and d.year is not None and d.month is not None:
            continue
        if _dateline(zt, d):
            continue  # 中新网8月14日电: the dateline of the report, not the event
        if stamped(zt.v, d.end):
            continue  # GMT+8, 2019-7-14 04:07: when a page was posted, not the event
        if _HEADER_LINE.search(_line_of(zt, d.start)):
            continue  # 2023年11月28日 来源:连云港日报: the page's date, not the event's
        return d
    return None


# a year glued to the name of the occasion (2024中国国际友好城市大会, 「2017大陆台商座谈联谊活动」)
_NAMED_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=[\u4e00-\u9fff])(?!年)")
_YEAR_OF = re.compile(r"[0-9]{4}")


def event_date(zt: ZhText, s0: int, s1: int, ts: int, lead: DateMention | None) -> DateMention | None:
    """The date of an event whose trigger starts at `ts` in the sentence [s0, s1)."""
    return named_year(zt, _tour_part(zt, s0, s1, _event_date(zt, s0, s1, ts, lead)))


# a range of days (11月29日至12月1日, 6月1-3日): its end's month when it names one
_RANGE_END = re.compile(r"[0-9]\s?[日号]?\s?(?:-|~|–|—|至|到)\s?(?:([0-9]{1,2})\s?月)?\s?([0-9]{1,2})\s?[日号]")
# what tells a trip over those days to several places, one after another (先后奔赴A、B、C, 分赴,
# 辗转…, …等地, 3市(县)): a tour, each of whose stops the range does not date
_TOUR = re.compile(r"先后|依次|相继|辗转|分赴|多地|等地|[0-9两三四五六七八九十]\s?(?:个)?(?:市|县|区|省|国|地|城市)")
# how far after the range its sentence may tell the tour
TOUR_AFTER = 60


def _range(zt: ZhText, d: DateMention) -> re.Match[str] | None:
    """The range of days `d` opens (6月1至3日, 11月29日-12月1日), if it opens one."""
    r = _RANGE_END.search(zt.v, d.start, min(len(zt.v), d.end + 12)) if d.day is not None else None
    return r if r is not None and r.start() < d.end else None


def _range_end(zt: ZhText, d: DateMention) -> tuple[int, int] | None:
    """(month, day) the range `d` opens ends on."""
    r = _range(zt, d)
    if r is None or d.month is None:
        return None
    return int(r.group(1)) if r.group(1) else d.month, int(r.group(2))


def _tour_part(zt: ZhText, s0: int, s1: int, d: DateMention | None) -> DateMention | None:
    """An event of the sentence [s0, s1) dated by a range of days told before it that opens a tour
    of several places (11月29日至12月1日,考察团先后奔赴A、B、C三地… / 在B,考察团考察了…): the range
    is the tour's first day (CONVENTIONS 8; the hosts its own sentence names take it, as in
    English), but a stop told on its own is, as far as the text fixes it, only in the range's
    month (its year when the range spans two months; none when the text gives no year), unless
    its own sentence names its day."""
    if d is None or d.day is None or s0 <= d.start < s1:
        return d
    v = zt.v
    r = _range(zt, d)
    if r is None:
        return d
    i = bisect_right(zt.sentences, (r.end(), len(v))) - 1
    stop = zt.sentences[i][1] if i >= 0 and zt.sentences[i][1] > r.end() else len(v)
    if _TOUR.search(v, r.end(), min(stop, r.end() + TOUR_AFTER)) is None:
        return d
    one_month = r.group(1) is None or int(r.group(1)) == d.month
    return DateMention(d.start, d.end, d.year, d.month if one_month else None, None)


def named_year(zt: ZhText, d: DateMention | None) -> DateMention | None:
    """A day the page gives no year for (no published year) takes the year of the occasion its
    sentence names (19日,在青山举行的2024友好城市大会上…), when the sentence names one year so."""
    if d is None or d.year is not None or d.month is None or zt.published and _YEAR_OF.match(zt.published):
        return d
    i = bisect_right(zt.sentences, (d.start, len(zt.v))) - 1
    if i < 0 or zt.sentences[i][1] <= d.start:
        return d
    s0, s1 = zt.sentences[i]
    years = {m.group(1) for m in _NAMED_YEAR.finditer(zt.v, s0, s1)}
    return DateMention(d.start, d.end, int(years.pop()), d.month, d.day) if len(years) == 1 else d


def _event_date(zt: ZhText, s0: int, s1: int, ts: int, lead: DateMention | None) -> DateMention | None:
    v = zt.v
    pub = zt.published_span
    inside = [d for d in dates_between(zt, s0, s1)
              if (d.day is not None or d.year is not None) and not _dateline(zt, d)
              and not (pub and d.start == pub[0])]  # " date 2026-02-03 A与B昨日签署": the page's date
    before = [d for d in inside if d.start < ts]
    span = _DAY_RANGE.search(v, s0, ts) if v.find("月", s0, ts) >= 0 else None
    if span is not None and not any(d.day is not None and d.start >= span.end() for d in before):
        # 12月1-2日, 2018年12月1日至2日: an event over days is dated by its first
        year = int(span.group(1)) if span.group(1) else None
        return DateMention(span.start(), span.end(), year, int(span.group(2)), int(span.group(3)))
    part = _month_part(zt, before[-1].end if before else s0, ts, lead)
    if part is not None:
        return part
    if before:
        if _reported_recent(zt, before[-1].end, s1):
            return None
        return before[-1]
    if inside:
        return inside[0]
    month = _relative_month(zt, s0, ts, lead)
    if month is not None:
        return month
    year = None
    for m in _BARE_YEAR.finditer(v, s0, ts):
        year = m
    if year is not None:
        return DateMention(year.start(), year.end() - 1, int(year.group(1)), None, None)
    told_year = _relative_year(zt, s0, ts, lead)
    if told_year is not None:
        return told_year
    day = None
    for m in _DAY_ONLY.finditer(v, s0, ts):
        day = m
    if day is not None:
        return _day_only(zt, day, lead) or lead
    told = (_glued_day(zt, s0, ts) or _relative_day(zt, max(s0, ts - MAX_RELATIVE), ts)
            or _weekday(zt, max(s0, ts - MAX_RELATIVE), ts))
    if told is not None or _RECENTLY.search(v, s0, ts):
        return told
    return _next_to(zt, s0, ts, lead) or lead


# a report's day before what it reports (6月27日,记者从…获悉/…发布消息显示,A与B签约仪式近日在…举行): the
# day the news came out; the event it tells as recent (近日, 日前) is left undated
_REPORTED = re.compile(r"获悉|消息|了解到|报道|报导|通报|发布|显示")
_RECENT_DAY = re.compile(r"近日|日前|近期|前不久")


def _reported_recent(zt: ZhText, a: int, b: int) -> bool:
    """True when [a, b), the rest of a sentence after its date, reports and then tells its event
    as recent."""
    cue = _REPORTED.search(zt.v, a, b)
    return cue is not None and _RECENT_DAY.search(zt.v, cue.end(), b) is not None


# the day before or after the lead event's, told against it (签约仪式前一天,A一行考察了…; 次日)
_NEXT_TO = re.compile(r"前一天|前一日|次日|第二天|翌日")


def _next_to(zt: ZhText, a: int, b: int, lead: DateMention | None) -> DateMention | None:
    """签约仪式前一天,A一行考察了B: the lead event's day before (or 次日, after) it."""
    m = _NEXT_TO.search(zt.v, a, b) if lead is not None and lead.day is not None and lead.month is not None else None
    if m is None:
        return None
    try:
        d = date(lead.year or 2000, lead.month, lead.day) + timedelta(days=-1 if m.group().startswith("前") else 1)
    except ValueError:
        return None
    return DateMention(m.start(), m.end(), d.year if lead.year else None, d.month, d.day)


# part of a month whose year the text leaves to the reader (7月中旬, 3月初, 去年 aside: see
# _RELATIVE_MONTH); 2023年7月中旬 is a date with its year (find_dates)
_MONTH_PART = re.compile(r"(?<![0-9年])([01]?[0-9])月(?:上旬|中旬|下旬|初|底|末)")


def _month_part(zt: ZhText, a: int, b: int, lead: DateMention | None) -> DateMention | None:
    """8月7日,A与B签署…,这是继7月中旬C与D签署…后: the month part nearest before the trigger dates
    its event, in the anchor's year (the year before for a month after the published one), or
    with no year, i.e. undated, when the page gives none; not the day told before it."""
    parts = list(_MONTH_PART.finditer(zt.v, a, b)) if "月" in zt.v[a:b] else []
    m = parts[-1] if parts else None
    if m is None or not 1 <= int(m.group(1)) <= 12:
        return None
    month, year = int(m.group(1)), _anchor_year(zt, lead)
    if year is not None:
        year = month_year(year, month, zt.published)
    return DateMention(m.start(), m.end(), year, month, None)


def _anchor(zt: ZhText) -> tuple[int | None, int, int] | None:
    """(year, month, day) that relative days count from: the full publication date, else the
    first news agency's dateline (齐鲁网9月26日讯 今天上午…), whose year may be unknown."""
    pub = zt.published
    if pub and re.fullmatch(r"\d{4}-\d{2}-\d{2}", pub):
        return int(pub[:4]), int(pub[5:7]), int(pub[8:10])
    line = next((x for x in zt.dates[:8] if _dateline(zt, x) and x.day is not None), None)
    return (line.year, line.month, line.day) if line is not None and line.month is not None else None


def _relative_day(zt: ZhText, a: int, b: int) -> DateMention | None:
    """昨天/今天…签署: a day counted back from the anchor."""
    rel = _RELATIVE_DAY.search(zt.v, a, b)
    anchor = _anchor(zt) if rel is not None else None
    if anchor is None:
        return None
    year, month, day = anchor
    d = date(year or 2000, month, day) - timedelta(days=0 if rel.group().startswith("今") else 1)
    return DateMention(rel.start(), rel.end(), d.year if year else None, d.month, d.day)


# a weekday told against the anchor: 星期三/礼拜三 and 上周五/本周二 always; a bare 周二 only where
# it reads as a day (于周二, 代表团周二上午, 周二在… after no other Han: 青山大学周一鸣 is a name), never a range (周一至周五), a
# habit (每周二) or the day a statement was made (周二表示)
_WEEKDAY_NAMES = "一二三四五六日天"
_WEEKDAY = re.compile(
    r"(?<![每至到个])(?:(上|本|这)(?:个)?)?(?:星期|礼拜|禮拜)([一二三四五六日天])"
    r"|(上|本|这)(?:个)?(?:周|週)([一二三四五六日天])"
    r"|(?<=[于於在])(?:周|週)([一二三四五六日天])"
    r"|(?<![每至到])(?:周|週)([一二三四五六日天])(?=上午|下午|晚上|晚间|早上|中午)"
    r"|(?<![每至到\u4e00-\u9fff])(?:周|週)([一二三四五六日天])(?=[,，]|在|于|於)")
_NOT_A_DAY_AFTER = re.compile(r"\s?(?:[至到~-]|(?:上午|下午)?\s?(?:表示|宣布|发布|指出|透露|称))")


def _weekday(zt: ZhText, a: int, b: int) -> DateMention | None:
    """周二/上周五/星期三…签署: the day counted back from the full publication date (or the
    dateline's day): the last such day on or before it, or that day of last week (上周) or of
    this week (本周, none when still to come)."""
    if not any(w in zt.v[a:b] for w in ("周", "週", "星期", "礼拜", "禮拜")):
        return None
    m = next((m for m in _WEEKDAY.finditer(zt.v, a, b) if not _NOT_A_DAY_AFTER.match(zt.v, m.end())), None)
    anchor = _anchor(zt) if m is not None else None
    if anchor is None or anchor[0] is None:
        return None
    which = m.group(1) or m.group(3)
    name = next(g for g in (m.group(2), m.group(4), m.group(5), m.group(6), m.group(7)) if g)
    wd = _WEEKDAY_NAMES.index(name) if name not in "日天" else 6
    try:
        pub = date(*anchor)
    except ValueError:
        return None
    if which == "上":
        d = pub - timedelta(days=pub.weekday() + 7 - wd)
    elif which in ("本", "这"):
        d = pub - timedelta(days=pub.weekday() - wd)
        if d > pub:
            return None
    else:
        d = pub - timedelta(days=(pub.weekday() - wd) % 7)
    return DateMention(m.start(), m.end(), d.year, d.month, d.day)


def _anchor_year(zt: ZhText, lead: DateMention | None) -> int | None:
    """The year 今年/去年 count from: the published year, else the dateline's, else the lead date's
    (2023年8月25日,…对接会举行 … 去年10月,学校与市政府签署…)."""
    pub = zt.published
    if pub and _YEAR_OF.match(pub):
        return int(pub[:4])
    anchor = _anchor(zt)
    if anchor is not None and anchor[0] is not None:
        return anchor[0]
    return lead.year if lead is not None else None


def _relative_month(zt: ZhText, a: int, b: int, lead: DateMention | None = None) -> DateMention | None:
    """去年11月签订: the month in the year counted back from the anchor's (none without a year)."""
    m = _RELATIVE_MONTH.search(zt.v, a, b) if "年" in zt.v[a:b] else None
    year = _anchor_year(zt, lead) if m is not None else None
    if year is None:
        return None
    month, day = int(m.group(2)), int(m.group(3)) if m.group(3) else None
    if not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    return DateMention(m.start(), m.end(), year - _YEARS_BACK[m.group(1)], month, day)


# 今年初,A与B共同组建的…成立 / 去年,A与B签署…: the year counted back from the anchor's; not a
# month of it (去年11月, above), a period since then (今年以来) nor "this year is …" (今年是…周年)
_RELATIVE_YEAR = re.compile(r"(今年|去年|前年)(?![0-9]|以来|是)")


def _relative_year(zt: ZhText, a: int, b: int, lead: DateMention | None) -> DateMention | None:
    found = list(_RELATIVE_YEAR.finditer(zt.v, a, b)) if "年" in zt.v[a:b] else []
    m = found[-1] if found else None  # the last one in the span
    year = _anchor_year(zt, lead) if m is not None else None
    if year is None:
        return None
    return DateMention(m.start(), m.end(), year - _YEARS_BACK[m.group(1)], None, None)


def _glued_day(zt: ZhText, a: int, b: int) -> DateMention | None:
    """519日下午 under a page of 2025-05-20: the 19th of the anchor's month."""
    anchor = _anchor(zt)
    if anchor is None:
        return None
    head = str(anchor[1])
    for m in _GLUED_DAY.finditer(zt.v, a, b):
        digits = m.group(1)
        if int(digits) > 31 and digits.startswith(head) and digits[len(head)] != "0" \
                and 1 <= int(digits[len(head):]) <= anchor[2]:
            return DateMention(m.start(), m.end(), anchor[0], anchor[1], int(digits[len(head):]))
    return None


def date_at(zt: ZhText, start: int, end: int, lead: DateMention | None,
            trigger: int | None = None) -> DateMention | None:
    """The date of an event told in the text [start, end), found by another stage than the
    rules (the learned layer): read as the rules read an event told in the sentence where it
    starts, at its trigger when the stage knows one (8月7日,A与B签署…,这是继7月中旬C与D签署…后:
    the second signing is not the 7th's), else at the sentence's end; `lead` is `lead_date(zt)`."""
    i = bisect_right(zt.sentences, (start, len(zt.v))) - 1
    s0, s1 = zt.sentences[i] if i >= 0 and zt.sentences[i][1] > start else (start, end)
    return event_date(zt, s0, s1, trigger if trigger is not None and s0 <= trigger < s1 else s1, lead)


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
        end = _range_end(zt, lead)
        if end is not None and lead.month is not None and lead.day is not None:
            # a day of the range the lead opens (5月30日至6月2日 … 1日,考察团来到…): in its month
            if lead.day <= d and (end[0] != lead.month or d <= end[1]):
                return DateMention(m.start(), m.end(), lead.year, lead.month, d)
            if end[0] != lead.month and d <= end[1]:
                return DateMention(m.start(), m.end(), lead.year, end[0], d)
        refs.append(lead)
    for ref in refs:
        if ref.month is not None and ref.day is not None and d <= ref.day:
            return DateMention(m.start(), m.end(), ref.year, ref.month, d)
    return None
