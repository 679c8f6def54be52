"""Date expressions in English and Chinese text, resolved to partial ISO 8601.

Shared by publication-date detection (documents stage) and event dating (extraction).
Own patterns for the forms releases use, because dateparser costs milliseconds a call and
guesses where a release is exact. Every pattern is a bounded alternation: linear on any input.

Resolution rule (GUIDELINES.md): a day without a year takes the published year; with no
published date it stays ``--MM-DD``; a month with a year is ``YYYY-MM``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# January|...|December|Jan|...|Dec, the names opening with one letter joined under it (the
# engine tests 8 letters at a word instead of 23 names; the order within a letter kept, so the
# same name matches): the date scan 0.95 -> 0.63 ms over a whole 3,200-char English text.
_MONTH = (
    r"(?P<{g}>J(?:anuary|une|uly|an|un|ul)|F(?:ebruary|eb)|M(?:arch|ay|ar)|A(?:pril|ugust|pr|ug)|"
    r"S(?:eptember|ept|ep)|O(?:ctober|ct)|N(?:ovember|ov)|D(?:ecember|ec))\.?"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"

# Order matters: the most specific shapes first; each is tried at every position by one
# combined alternation so the scan is a single pass.
_SHAPES = [
    # 2024-01-26, 2023/12/06, 2023.12.06 (optionally followed by a time)
    rf"(?<!\d){_YEAR.format(g='y1')}[-/.](?P<m1>[01]?\d)[-/.](?P<d1>[0-3]?\d)(?!\d)",
    # 30.11.2023 (European day-first with dots)
    rf"(?<!\d)(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.{_YEAR.format(g='y2')}(?!\d)",
    # ROC years (Taiwan's calendar, CONVENTIONS 8): 104年7月27日, 113年3月 (year + 1911); before
    # the shape below, which would read the month and day alone
    r"(?<![0-9])(?P<y7>1[0-2]\d)\s*年\s*(?P<m7>[01]?\d)\s*月(?:\s*(?P<d7>[0-3]?\d)\s*[日号])?",
    # 113-03-15 (a ROC date line, 建檔日期:113-03-15): two-digit month and day, nothing glued on
    r"(?<![\d-])(?P<y8>1[01]\d)-(?P<m8>[01]\d)-(?P<d8>[0-3]\d)(?![\d-])",
    # 2023年6月16日, 2023年6月, 6月16日 (optionally 号); a range of days is its first
    # (2023年8月25-26日, 6月1至3日)
    r"(?:(?P<y3>(?:19|20)\d\d)\s*年\s*)?(?P<m3>[01]?\d)\s*月"
    r"(?:\s*(?P<d3>[0-3]?\d)(?:\s?[-~–—至到]\s?[0-3]?\d)?\s*[日号])?",
    # 16/10/2024 (or 16-10-2024, as date lines print it) when it can be told apart: the part over 12
    # is the day (10/16/2024 too), or a weekday before it tells ("Monday, 10/09/2018"); else
    # 05/06/2024 is read against the published day (`DateMention.resolve`), or gives its year alone
    r"(?:\b(?P<w9>mon(?:day)?|tue(?:sday|s)?|wed(?:nesday)?|thu(?:rsday|rs?)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?)\.?,?\s{0,3})?"
    r"(?<![\d/-])(?P<a9>[0-3]?\d)(?P<s9>[/-])(?P<b9>[0-3]?\d)(?P=s9)(?P<y9>(?:19|20)\d\d)(?![\d/-])",
    # "on Monday (10/09)": a weekday and its day and month in brackets (the style of news from
    # Indonesia and its neighbours, day first); which is day and which month the published
    # date's weekday tells (`DateMention.resolve`)
    r"\b(?P<w10>mon|tues|wednes|thurs|fri|satur|sun)day,?\s{0,3}\(\s{0,2}(?P<a10>[0-3]?\d)/(?P<b10>[0-3]?\d)\s{0,2}\)",
    # Dec 16, 2020 / December 10th / August 23rd, 2023 / June16 (a pasted page's lost space)
    rf"\b{_MONTH.format(g='mn4')}\s*{_DAY.format(g='d4')}\b(?:,?\s*{_YEAR.format(g='y4')})?",
    # 16 December 2020 / 7th August, 2025 / 5th of May; a range of days is its first ("28-29 April",
    # "from 18 to 19 November 2019", "10th and 11th of May")
    rf"\b{_DAY.format(g='d5')}(?:(?:\s{{0,2}}[-–—]\s{{0,2}}|\s{{1,3}}(?:to|and|until|till|through)\s{{1,3}})"
    r"[0-3]?\d(?:st|nd|rd|th)?)?"
    rf"\s+(?:of\s+)?{_MONTH.format(g='mn5')}\b(?:,?\s*{_YEAR.format(g='y5')})?",
    # November 2023 / in July, 2018 / March of 2024
    rf"\b{_MONTH.format(g='mn6')}\s*,?\s+(?:of\s+)?{_YEAR.format(g='y6')}\b",
    # 10-Sep-2018, 10-SEP-2018 (date lines of Indian and other sites)
    rf"(?<![\d-])(?P<d11>[0-3]?\d)-{_MONTH.format(g='mn11')}-{_YEAR.format(g='y11')}(?![\d-])",
    # 2023年 alone is too vague to date an event; a bare year is left to callers.
]
DATE_RE = re.compile("|".join(f"(?:{s})" for s in _SHAPES), re.IGNORECASE)
# The end of a range whose year is written once, at its end: "November 24 to December 1, 2024",
# "July 23rd to 26th, 2024", "June 16-17, 2024" (GUIDELINES: a range is its first day, in the
# year the text gives it). Tried only right after a date with no year; every part bounded.
_RANGE_YEAR = re.compile(
    r"\s{0,3}(?:-|–|—|to|until|till|through)\s{0,3}"
    rf"(?:(?:{_MONTH.format(g='mn')}\s{{0,3}})?[0-3]?\d(?:st|nd|rd|th)?"
    # or day first: "24 October to 2 November 2019"
    rf"|[0-3]?\d(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?{_MONTH.format(g='mn2')})"
    rf",?\s{{0,3}}{_YEAR.format(g='y')}\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text, with whatever parts it fixes."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    # "Monday (10/09)": the weekday written with a day and month whose order the text leaves
    # open (0 Monday .. 6 Sunday); `month` and `day` are then the day-first reading
    weekday: int | None = None
    # "06/03/2020": day first or month first, the text does not say; `month` and `day` are the
    # day-first reading, a published day picks the reading nearest before it, and without one
    # the mention resolves to its year
    open_order: bool = False

    def resolve(self, published: str | None = None) -> str | None:
        """Partial ISO 8601 for this mention, borrowing the year from `published`."""
        year = self.year
        if year is None and published and re.match(r"\d{4}", published):
            year = int(published[:4])
        if self.weekday is not None and year is not None and published and _FULL.fullmatch(published):
            read = _weekday_reading(self, published)
            if read is not None:
                return read
        if self.open_order:
            # without a published day only the year is told (a date line's: the events' year)
            return _nearest_reading(self, published) if published and _FULL.fullmatch(published) \
                else f"{self.year:04d}"
        if self.month is None:
            return f"{year:04d}" if year else None
        if self.day is None:
            return f"{year:04d}-{self.month:02d}" if year else None
        if year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.year is None and published and _FULL.fullmatch(published) and _after(year, self.month, self.day,
                                                                                 published, LATER_DAYS):
            # "On December 7" in a February article: the December before (the news tells
            # what has happened; no train event is dated after its article)
            year -= 1
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"


_FULL = re.compile(r"\d{4}-\d\d-\d\d")
# A day told without its year falls in the published year unless that puts it more than this
# many days after the published day (a page's date may be a day or so off the story's, and a
# venture announced to launch "on October 1" is dated by that day, weeks ahead)
LATER_DAYS = 31


def _day(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    """The calendar day, or None when there is none (30 February, a month 13, a part missing)."""
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


def _after(year: int, month: int, day: int, published: str, days: int) -> bool:
    """True when year-month-day is a real day more than `days` days after `published`."""
    when = _day(year, month, day)
    try:
        return when is not None and (when - dt.date.fromisoformat(published)).days > days
    except ValueError:
        return False


def _nearest_reading(d: DateMention, published: str) -> str:
    """Of "06/03/2020" read day first and month first, the day nearest before the published day
    (news tells what has just happened; a day or so after it is a page dated off its story), else
    the nearest after it."""
    pub = dt.date.fromisoformat(published)
    days = [x for x in (_day(d.year, d.month, d.day), _day(d.year, d.day, d.month)) if x is not None]
    before = [x for x in days if (x - pub).days <= 1]
    return (max(before) if before else min(days)).isoformat()


_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # a weekday's name starts so


def _weekday_of(name: str) -> int:
    """0 for "mon" or "Monday" .. 6 for "sun"."""
    return _WEEKDAY_NAMES.index(name[:3].lower())


def _weekday_reading(d: DateMention, published: str) -> str | None:
    """The reading of "Monday (10/09)" (day first or month first) that falls on its weekday on
    or within a year before the published day; None when both do or neither does."""
    pub = dt.date.fromisoformat(published)
    found = set()
    for month, day in {(d.month, d.day), (d.day, d.month)}:
        for year in (pub.year, pub.year - 1):
            when = _day(year, month, day)
            if when is not None and when <= pub and when.weekday() == d.weekday:
                found.add(when)
                break
    return found.pop().isoformat() if len(found) == 1 else None


def month_year(year: int, month: int, published: str | None) -> int:
    """The year of a month told without its own: `year` (the published year, or an anchor's), or
    the year before when the month comes after the published month ("In May" in a March article,
    7月中旬 in a June one: it is past)."""
    if published and re.match(r"\d{4}-\d{2}", published) and month > int(published[5:7]):
        return year - 1
    return year


# letters the case-insensitive month names also match: the long s, the dotless i and the
# dotted capital I (whose lower case is i and a combining dot), so "ſept" and "aprıl" are
# months, not a KeyError
_MONTH_FOLD = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0307": None})


def _month(name: str) -> int:
    return MONTHS[name.lower().translate(_MONTH_FOLD)]


def _valid(month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= 31


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, in order, with absolute offsets."""
    out: list[DateMention] = []
    stop = len(text) if end is None else end
    for m in _matches(text, start, stop):
        g = m.groupdict()
        if g["y1"]:
            y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), int(g["m2"]), int(g["d2"])
        elif g["m3"]:
            y = int(g["y3"]) if g["y3"] else None
            mo, d = int(g["m3"]), int(g["d3"]) if g["d3"] else None
            if y is None and d is None:
                continue  # "6月" alone is a month name in running text, too vague
        elif g["y7"] or g["y8"]:
            y, mo = int(g["y7"] or g["y8"]) + 1911, int(g["m7"] or g["m8"])
            day = g["d7"] or g["d8"]
            d = int(day) if day else None
        elif g["y9"]:
            a, b, y = int(g["a9"]), int(g["b9"]), int(g["y9"])
            if a > 12 and b > 12:
                continue
            if a <= 12 and b <= 12:
                # 05/06/2024: day first or month first, told only by a weekday before it
                read = _on_weekday(y, ((b, a), (a, b)), g["w9"]) if g["w9"] else None
                if read is None:
                    if _valid(b, a):
                        out.append(DateMention(m.start(), m.end(), y, b, a, open_order=a != b))
                    continue
                mo, d = read
            else:
                mo, d = min(a, b), max(a, b)
        elif g["a10"]:
            a, b = int(g["a10"]), int(g["b10"])
            if a > 12 and b > 12:
                continue
            mo, d = (b, a) if a > 12 or b <= 12 else (a, b)
            if _valid(mo, d):
                weekday = _weekday_of(g["w10"]) if a <= 12 and b <= 12 and a != b else None
                out.append(DateMention(m.start(), m.end(), None, mo, d, weekday))
            continue
        elif g["mn4"]:
            y = int(g["y4"]) if g["y4"] else None
            mo, d = _month(g["mn4"]), int(g["d4"])
            if _month(g["mn4"]) == 5 and not g["y4"] and not _may_is_month(text, m.start()):
                continue
        elif g["mn5"]:
            y = int(g["y5"]) if g["y5"] else None
            mo, d = _month(g["mn5"]), int(g["d5"])
        elif g["y6"]:
            y, mo, d = int(g["y6"]), _month(g["mn6"]), None
        else:
            y, mo, d = int(g["y11"]), _month(g["mn11"]), int(g["d11"])
        if y is None and d is not None:
            r = _RANGE_YEAR.match(text, m.end(), min(stop, m.end() + 40))
            y = int(r.group("y")) if r else None
        if _valid(mo, d):
            out.append(DateMention(m.start(), m.end(), y, mo, d))
    return out


def _on_weekday(year: int, readings, name: str) -> tuple[int, int] | None:
    """The one (month, day) of `readings` that falls on the weekday `name` ("mon") in `year`."""
    want = _weekday_of(name)
    fits = [(month, day) for month, day in readings
            if (when := _day(year, month, day)) is not None and when.weekday() == want]
    return fits[0] if len(fits) == 1 else None


# Every date shape holds a digit, starts at most this many characters before its first digit
# ("September. 16") and ends at most this many after its last ("16th of September.", "6月16日");
# the combined pattern is scanned only in windows around digit runs, several times faster on
# prose. (The end was 8, which lost every day-first date without a year: "on 16 December".)
_DIGITS = re.compile(r"\d\d*")  # \d+, written to open with a set the regex engine scans for fast
_BEFORE, _AFTER = 24, 17


# and holds a separator (2024-01-26, 30.11.2023), 月 or the letters of a month's name: a
# window with none (100余家, 30%, 第3届) is not scanned; the set is matched with the shapes'
# own case folding. Chinese windows: find_dates 0.17 -> 0.10 ms per 2,000-char doc.
_MAY_HOLD_DATE = re.compile(r"[-/.月a-z]", re.IGNORECASE)


def _matches(text: str, start: int, end: int):
    w_start = w_end = -1
    for d in _DIGITS.finditer(text, start, end):
        lo, hi = max(start, d.start() - _BEFORE), min(end, d.end() + _AFTER)
        if lo > w_end:
            if w_end >= 0 and _MAY_HOLD_DATE.search(text, w_start, w_end):
                yield from DATE_RE.finditer(text, w_start, w_end)
            w_start = lo
        w_end = hi
    if w_end >= 0 and _MAY_HOLD_DATE.search(text, w_start, w_end):
        yield from DATE_RE.finditer(text, w_start, w_end)


def _may_is_month(text: str, pos: int) -> bool:
    """"May 20" is a date only when "May" is capitalised and not a sentence-initial verb."""
    if not text.startswith("May", pos):
        return False
    before = text[max(0, pos - 6):pos].lower()
    return bool(re.search(r"(?:on|in|since|from|of|by|until|before|after)\s+$", before))


# what follows a news agency's dateline (Chinese): 中新网8月14日电, 东南网6月28日讯, 【大纪元4月17日报导】
WIRE_MARKS = ("电", "讯", "電", "訊", "报导", "报道", "報導", "報道")


# a clock time right after a date: "2019-7-14 04:07", "10th October 2019 | 05:09 PM",
# "2012年08月23日 13時15分" (the Simplified view: 时)
_CLOCK_AFTER = re.compile(r"[ \t]{0,3}(?:[|,][ \t]{0,3})?(?:\d{1,2}[:：]\d\d|\d{1,2}\s?[时時]\s?\d{1,2}\s?分)")


def stamped(text: str, end: int) -> bool:
    """True when the date ending at `end` is followed by a clock time: a page's time stamp (when
    it was posted or updated), not the day of an event the text tells."""
    return _CLOCK_AFTER.match(text, end) is not None


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T ]\d)")


def normalize_published(value: str) -> tuple[str | None, list[str]]:
    """A published date as given by a caller or a pipeline ("2023-02-01T10:00:00Z", "2024-03",
    "March 5, 2023", "2023年3月5日") → partial ISO 8601 that is a real calendar date, or None
    with a warning: rules compute with it (weekdays before it), so "2024-02-30" must not pass."""
    value = value.strip()
    m = _ISO_PREFIX.match(value)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
    else:
        found = next((d for d in find_dates(value[:200]) if d.year is not None and d.month is not None), None)
        year, month, day = (found.year, found.month, found.day) if found else (None, None, None)
    if year is not None and _real_date(year, month, day):
        if month is None:
            return f"{year:04d}", []
        return (f"{year:04d}-{month:02d}" if day is None else iso_date(year, month, day)), []
    return None, [f"published {value[:80]!r} is not a date; ignored"]


def _real_date(year: int, month: int | None, day: int | None) -> bool:
    return _day(year, month or 1, day or 1) is not None


def iso_date(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"
