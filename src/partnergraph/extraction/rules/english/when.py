"""When an event happened: the dates of a sentence and the date an event takes from them.

A date is the sentence's own (a wire dateline's date giving way to one the sentence states for
the event), else a weekday ("signed Wednesday") counted back from the
published day, else a bare year ("in 2009"), else the last date of the paragraph. A day without a
year takes the published year (GUIDELINES). The date under the headline is the article's, not an
event's.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from partnergraph.dates import MONTHS, DateMention, find_dates, month_year, stamped
from partnergraph.extraction.rules.english.text import Article, Sentence

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"(?<!next )(?<!coming )\b(" + "|".join(_WEEKDAYS) + r")\b")
# "the ministry said on Monday": the day a statement was made, not the event's
_SAID = re.compile(r"\bsaid\s+(?:on\s+)?$")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s{0,3}$")
# "in 2009", and a part of a year ("in early 2023", "in mid-2023", "in the summer of 2023", "during 2023")
_BARE_YEAR = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Dd]uring)\s+"
                        r"(?:(?:early|late|mid)(?:\s|-)|the\s+(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|"
                        r"winter|first\s+half|second\s+half|end|beginning|start|middle)\s+of\s+)?((?:19|20)\d\d)\b")
# a year told against the published year: "last year", "late last year", "earlier this year"; not
# "over the last year" (the twelve months before), "last year's" (a thing of that year)
_RELATIVE_YEAR = re.compile(r"(?<!the )(?<!past )\b(last|this)\s+year\b(?!['’]s)", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")
# "valid until December 31, 2025": a term or a deadline, never the event's day.
_NOT_EVENT_DATE = re.compile(r"\b(?:until|till|valid\s+(?:through|to)|expir\w*(?:\s+on)?|deadline|by the end of|"
                             r"no later than|born)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# Words before a date that dates something other than the event: a founding, a term, a deadline.
_OTHER_DATE = re.compile(r"\b(?:founded|established|born|until|till|through|valid|expir\w*|deadline|by the end of|"
                         r"no later than|since)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
_MONTH_ONLY = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Mm]id|[Tt]his|([Ll]ast)|(?:[Aa]t|[Ii]n|[Tt]owards?)\s+the\s+"
    r"(?:end|beginning|start|middle)\s+of)\s*(?<=[\s-])(January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b(?!\s*,?\s*(?:of\s+)?\d)(?:,?\s(last|this)\s+year\b)?")
# Days and months told against the published day: "yesterday", "last night", "this morning", "on the
# 5th", "last month".
_RELATIVE = re.compile(
    r"\b(?:(yesterday|last\s+night)|(today|tonight|this\s+(?:morning|afternoon|evening))|"
    r"on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|anniversary|floor|session|meeting|"
    r"century|edition|time|round|batch|plenary|congress|annual|national|international|china|world|global))|"
    r"(last|earlier this|this|early this|late last|earlier last)\s+month)\b")
# "Written By A | Updated: Mar 29, 2021": a date after these words dates the page, not an event.
# "KOYA, April 2, 2021 — …", "BEIJING, March 3 (Xinhua) --", "… 2021 /PRNewswire/ --": a wire
# dateline's date at the head of the first sentence dates the story; a date the sentence states
# for the event ("signed … on March 31") wins over it.
_DATELINE_HEAD = 60
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:/[^/\n]{1,40}/\s*)?(?:—|–|--|-\s|:)")
_BYLINE = re.compile(r"\b(?:updated|posted|published|release time|release date|last modified|edited)\s*(?::|on\b"
                     r"|(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}\d))",
                     re.IGNORECASE)


# A statement that reports an event done before it ("X said Thursday it has signed ...", "X announced
# on the 28th that it had signed ...", "X has inked ..., said the bank on Tuesday (Aug 22)"): the day
# the statement was made, and its dateline's, is not the event's, which such a sentence leaves open
# (the gold leaves it undated). Only with the event verb in the perfect: "announced Wednesday that it
# is launching" and "signed ..., the ministry said on Monday" are told on the day they happened.
_STATEMENT = re.compile(r"\b(?:said|says|announced|announces|stated|states|confirmed|confirms|revealed|disclosed)\b")
_EVENT_VERB = (r"(?:signed|inked|sealed|concluded|entered|agreed|established|set\s+up|launched|formed|forged|"
               r"partnered|teamed\s+up|renewed|clinched)\b")
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:(?:already|recently|successfully|formally|officially|now|just|"
                      r"also|jointly)\s+)?(?:been\s+)?" + _EVENT_VERB)
_ANY_EVENT_VERB = re.compile(r"\b" + _EVENT_VERB)


def event_part(art: Article, sent: Sentence) -> tuple[int, int]:
    """The part of the sentence whose dates may date its event: all of it, but for a statement
    reporting the event in the perfect (its first event verb), the part the statement's day and
    dateline are not in: from the perfect on when the statement comes first ("said on Monday it has
    signed ... on May 3"), from the perfect to the statement when it comes last."""
    key = (sent.start, sent.end, "part")
    got = art.dates.get(key)
    if got is None:
        got = (sent.start, sent.end)
        low = art.low
        first = _ANY_EVENT_VERB.search(low, sent.start, sent.end)
        perfect = _PERFECT.search(low, max(sent.start, first.start() - 60), first.end()) if first else None
        if perfect is not None and perfect.end() == first.end():
            said = list(_STATEMENT.finditer(low, sent.start, sent.end))
            if any(m.end() <= perfect.start() for m in said):
                got = (perfect.start(), sent.end)
            else:
                after = next((m for m in said if m.start() >= perfect.end()), None)
                if after is not None:
                    got = (perfect.start(), after.start())
        art.dates[key] = got
    return got


def sentence_dates(art: Article, sent: Sentence) -> list[DateMention]:
    """The sentence's dates (the date line's own date left out, and a statement's day: see
    `event_part`), computed once per sentence."""
    key = (sent.start, sent.end)
    got = art.dates.get(key)
    if got is None:
        view, pub = art.view, art.published_span
        has_digit = _DIGIT.search(view, sent.start, sent.end) is not None
        # "SEOUL, Nov. 14 (Yonhap) --": a month's abbreviation ends the sentence before, its day
        # opens this one; the date is this sentence's
        cut = _MONTH_DOT.search(view, max(0, sent.start - 8), sent.start) if has_digit else None
        got = find_dates(view, cut.start() if cut else sent.start, sent.end) if has_digit else []
        if got and pub is not None:
            got = [d for d in got if d.end <= pub[0] or d.start >= pub[1]]  # "date 2024-05-30 A MoU ..."
        if got and not (art.published and _FULL_DATE.fullmatch(art.published)):
            got = [d for d in got if not d.open_order]  # "06/03/2020": no published day to read it by
        if got:
            by = _BYLINE.search(view, sent.start, sent.end)
            if by:
                got = [d for d in got if d.end <= by.start()]
            got = [d for d in got if not _NOT_EVENT_DATE.search(view, max(sent.start, d.start - 24), d.start)
                   and not stamped(view, d.end)]  # "Thu 10th October 2019 | 05:09 PM": the page's
            a, b = event_part(art, sent)
            if (a, b) != (sent.start, sent.end):
                got = [d for d in got if a <= d.start and d.end <= b]
        art.dates[key] = got
    return got


# a year in the name of the occasion ("the Kestrel Forum 2013", "Lumio Summit 2024"): a capitalised
# word before it that is no month ("in June 2013" dates something else)
_NAMED_YEAR = re.compile(r"\b([A-Z][A-Za-z]{2,20})\s((?:19|20)\d\d)\b(?![-/.]\d)")


def resolve_in(art: Article, sent: Sentence, d: DateMention) -> str | None:
    """`d` resolved against the published date; a day the page gives no year for (no published
    year) takes the year of the occasion its sentence names ("The Kestrel-Lumio Symposium 2013
    ... was held on December 19"), when the sentence names one year so."""
    if d.year is None and d.month is not None and not (art.published and _YEAR.match(art.published)):
        years = {m.group(2) for m in _NAMED_YEAR.finditer(art.view, sent.start, sent.end)
                 if m.group(1).lower() not in MONTHS}
        if len(years) == 1:
            return DateMention(d.start, d.end, int(years.pop()), d.month, d.day).resolve(None)
    return d.resolve(art.published)


def date_for(art: Article, sent: Sentence, para_dates: list[tuple[str, tuple[int, int]]]):
    """The event date of a sentence: its own date, a weekday before the published day, a bare
    year, else the last date of its paragraph."""
    view = art.view
    dated = [d for d in sentence_dates(art, sent) if d.month is not None]
    line = next((d for d in dated if d.start - sent.start <= _DATELINE_HEAD
                 and _DATELINE_TAIL.match(view, d.end, sent.end)), None)
    if line is not None and len(dated) > 1:
        dated = [d for d in dated if d is not line]
        if not art.published and line.year is not None:
            # the dateline's year places a day the sentence gives without one
            for d in dated:
                return d.resolve(line.resolve(None)), (d.start, d.end)
    if len(dated) > 1:
        # "X, founded on May 1, 1950, signed ... on March 5": a date of something else gives way
        dated = [d for d in dated if not _OTHER_DATE.search(view, max(sent.start, d.start - 24), d.start)] or dated
    if dated and "," in view[sent.start:dated[0].start]:
        # "A and B, which signed a memorandum on March 3, 2019, launched a laboratory on Monday": a
        # relative clause's date is its own event's (`clause_date`), not the sentence's while the
        # sentence tells another outside it
        outside = [d for d in dated[:_NEAR_DATES] if clause_span(art, sent, d.start) is None]
        if not outside:
            wd = _weekday(art, sent)
            if wd is not None and clause_span(art, sent, wd[1][0]) is None:
                return wd
        dated = outside or dated
    for d in dated:
        return resolve_in(art, sent, d), (d.start, d.end)
    wd = _weekday(art, sent)
    if wd is not None:
        return wd
    rel = _relative(art, sent)
    if rel is not None:
        return rel
    a, b = event_part(art, sent)
    mo = _MONTH_ONLY.search(view, a, b) if art.published and _YEAR.match(art.published) else None
    if mo:
        # "In May, X signed ...": the month of the published year, or of the year before when it
        # is still to come
        # "in November last year" is of the year before, "in March this year" of the published
        # one; "last May" is the last May before the published month
        month, year = MONTHS[mo.group(2).lower()], int(art.published[:4])
        if mo.group(3):
            year -= mo.group(3).lower() == "last"
        elif mo.group(1) and len(art.published) >= 7 and month >= int(art.published[5:7]):
            year -= 1
        else:
            year = month_year(year, month, art.published)
        return f"{year:04d}-{month:02d}", (mo.start(2), mo.end(2))
    year = _year_between(art, a, b)
    if year is not None:
        return year
    if para_dates and not _BACKGROUND.search(view, sent.start, sent.end):
        # the paragraph's last date, but not for an event told as background ("B had already set
        # up a laboratory with C"), which takes no lead date either (`takes_lead`)
        return para_dates[-1]
    return None, None


# a relative clause that tells a background event within the sentence of another ("A and B, which
# signed a memorandum in 2019, launched a laboratory on Monday"): from the comma before its word to
# the next comma that is no date's own ("on March 3, 2019,")
_CLAUSE_OPEN = re.compile(r",\s{1,3}(?:which|who)\b")
CLAUSE_BEFORE = 120
# and how far after it the clause may close, and how many dates after its word may hold a comma
CLAUSE_AFTER = 200
_NEAR_DATES = 8


def clause_span(art: Article, sent: Sentence, pos: int) -> tuple[int, int] | None:
    """The relative clause (", which ... ,") that holds `pos`, if one does."""
    view = art.view
    if "," not in view[max(sent.start, pos - CLAUSE_BEFORE):pos]:
        return None
    opens = list(_CLAUSE_OPEN.finditer(view, max(sent.start, pos - CLAUSE_BEFORE), pos))
    if not opens or "," in view[opens[-1].end():pos]:
        return None
    dates = sentence_dates(art, sent)
    stop = min(sent.end, pos + CLAUSE_AFTER)
    near = dates[max(0, bisect_right([d.start for d in dates], pos - 40) - 1):]
    comma = view.find(",", pos, stop)
    while comma >= 0:
        if not any(d.start <= comma < d.end for d in near[:_NEAR_DATES]):
            return opens[-1].start(), comma
        comma = view.find(",", comma + 1, stop)
    return None  # closed by the sentence's end: the sentence's last words, not a clause within it


def clause_date(art: Article, sent: Sentence, pos: int) -> tuple[str | None, tuple[int, int]] | None:
    """The date told in the relative clause that holds the event word at `pos`, if it holds one
    and tells a date: a month's date, a year ("in 2019", "in early 2019") or "last year"."""
    span = clause_span(art, sent, pos)
    if span is None:
        return None
    a, b = span
    dates = sentence_dates(art, sent)
    d = next((d for d in dates if a <= d.start and d.end <= b and d.month is not None), None)
    if d is not None:
        return resolve_in(art, sent, d), (d.start, d.end)
    return _year_between(art, a, b)


def _year_between(art: Article, a: int, b: int) -> tuple[str, tuple[int, int]] | None:
    """A year told between a and b: "in 2019" (also "in early 2019"), or "last year" / "earlier
    this year", the year before the published one or the published year itself."""
    m = _BARE_YEAR.search(art.view, a, b)
    if m:
        return m.group(1), (m.start(1), m.end(1))
    m = _RELATIVE_YEAR.search(art.view, a, b) if art.published and _YEAR.match(art.published) else None
    if m:
        return str(int(art.published[:4]) - (m.group(1).lower() == "last")), (m.start(), m.end())
    return None


# a date that opens a range ("From May 3 to 9", "October 12 - 18"): the days of what happened
# within it are open
RANGE_AFTER = re.compile(r"(?:st|nd|rd|th)?\s*(?:to|through|until|till|-|–|—)\s*(?:the\s+)?(?:\d|[A-Z][a-z]+\.?\s+\d)")
# an event told as background to the news ("has already signed similar agreements", the past
# perfect: "Similarly, A and B had a joint venture") does not take the lead event's day
_BACKGROUND = re.compile(r"\b(?:already|previously|earlier|in the past|so far|similar|since|ha(?:s|ve|d) long|ago|had)\b",
                         re.IGNORECASE)
# The sentences a lead date is read from: the news event is told first; a date further down
# dates a background event ("the tag it acquired in July 2018", a file photo's caption). 3
# sentences (train dates, learned backend in-sample: all .784, first 2 .784, 3 .799, 4 .791)
LEAD_SENTENCES = 3
# and the sentences a weekday is read from when those hold no date
LEAD_WEEKDAY_SENTENCES = 8


def _weekday(art: Article, sent: Sentence) -> tuple[str, tuple[int, int]] | None:
    """"was signed Wednesday": the last such day on or before a full published day."""
    a, b = event_part(art, sent)
    wd = _WEEKDAY.search(art.low, a, b) if "day" in art.low[a:b] else None
    day = _weekday_day(art, wd.group(1)) if wd is not None else None
    return (day, (wd.start(1), wd.end(1))) if day is not None else None


def _weekday_day(art: Article, name: str) -> str | None:
    """The last day named `name` ("wednesday") on or before a full published day."""
    if not art.published or not _FULL_DATE.fullmatch(art.published):
        return None
    pub = dt.date.fromisoformat(art.published)
    return (pub - dt.timedelta(days=(pub.weekday() - _WEEKDAYS.index(name)) % 7)).isoformat()


def told_weekday(art: Article, sent: Sentence) -> tuple[str, tuple[int, int]] | None:
    """A weekday the sentence tells something happened on ("visited Riyadh on Saturday"), counted
    back from the published day; not a statement's day ("the ministry said on Monday")."""
    wd = _weekday(art, sent)
    if wd is not None and not _SAID.search(art.low, max(sent.start, wd[1][0] - 9), wd[1][0]):
        return wd
    return None


def paragraph_day(art: Article, sent: Sentence) -> tuple[str | None, tuple[int, int]] | None:
    """What the sentence gives a later sentence of its paragraph to date by: its last date with a
    month, else the weekday it tells ("President Yoon visited Riyadh on Saturday. With the two
    leaders present, the ministries signed ...")."""
    last, prev = None, None
    for d in sentence_dates(art, sent):
        if d.month is None:
            continue
        closes = prev is not None and (r := RANGE_AFTER.match(art.view, prev.end)) is not None and r.end() > d.start
        if not closes:  # "From November 24 to December 1, 2024": the range is its first day
            last = (resolve_in(art, sent, d), (d.start, d.end))
        prev = d
    return last or told_weekday(art, sent)


# a photo's caption or credit: the day it shows is no news event's
_CAPTION = re.compile(r"\bfile photo\b|\bphoto(?:graph)?\s?(?::|by\b|credit)|\breuters/|\bis pictured\b", re.IGNORECASE)


def lead_date(art: Article) -> tuple[str | None, tuple[int, int]] | None:
    """The article's first event date: the first date with a month, or weekday before the
    published day ("signed ... here on Monday"), in a sentence below the headline (the date
    line's own left out)."""
    body = [sent for sent in art.sentences if not sent.title]
    for sent in body[:LEAD_SENTENCES]:
        if _CAPTION.search(art.view, sent.start, sent.end):
            continue  # "FILE PHOTO: ... pictured in Abqaiq, October 12, 2019. REUTERS/A. Name": a photo's day
        for d in sentence_dates(art, sent):
            if d.month is not None:
                return resolve_in(art, sent, d), (d.start, d.end)
        wd = told_weekday(art, sent)
        if wd is not None:
            return wd
    # a lead with no date of its own: a weekday told further down is the news day (a weekday
    # dates only what happened in the week before the page: "President Yoon, who visited Riyadh
    # on Saturday, ..."); a month's date there may date anything, and a weekday beside one is its
    for sent in body[LEAD_SENTENCES:LEAD_WEEKDAY_SENTENCES]:
        if not _CAPTION.search(art.view, sent.start, sent.end) and not any(
                d.month is not None for d in sentence_dates(art, sent)):
            wd = told_weekday(art, sent)
            if wd is not None:
                return wd
    return None


def takes_lead(art: Article, sent: Sentence, lead: tuple[str | None, tuple[int, int]]) -> bool:
    """An event the sentence leaves undated happened on the lead event's day: "Similarly, C also
    signed with D"; not a background one, nor one on a tour the lead date opens."""
    return not _BACKGROUND.search(art.view, sent.start, sent.end) and not RANGE_AFTER.match(art.view, lead[1][1])


class EventDates:
    """The dates the rules give events told anywhere in one article, for another stage that
    finds events (the learned layer): its sentence's date as the rules read it (a paragraph's
    last date before it included), else the lead date. Read once per article; each question
    is a binary search, so many events cost no more than one pass over the article."""

    def __init__(self, art: Article) -> None:
        self.art = art
        self.lead = lead_date(art)
        self.starts = [sent.start for sent in art.sentences]
        # per sentence: the last date of its paragraph before it (`date_for` reads only the last)
        self.paragraph_last: list[tuple[str | None, tuple[int, int]] | None] = []
        last, prev_end = None, -1
        for sent in art.sentences:
            if prev_end < 0 or sent.start - prev_end > 2 or "\n" in art.text[prev_end:sent.start]:
                last = None
            prev_end = sent.end
            self.paragraph_last.append(last)
            last = paragraph_day(art, sent) or last

    def date_at(self, start: int, end: int, kind: str | None = None,
                trigger: int | None = None) -> tuple[str | None, tuple[int, int] | None]:
        """The date of an event of type `kind` told in the text [start, end), whose event word
        (when the caller knows it) starts at `trigger`: the date of a relative clause that holds
        it first ("A, which signed a memorandum in 2019, launched ...")."""
        if trigger is not None and start <= trigger < end:
            k = max(0, bisect_right(self.starts, trigger) - 1)
            sent = self.art.sentences[k] if k < len(self.art.sentences) else None
            told = clause_date(self.art, sent, trigger) if sent is not None and sent.start <= trigger < sent.end \
                else None
            if told is not None:
                return told
        date, span = self._date_at(start, end)
        if date is None and kind in _RESTATED_KINDS:
            return restated_date(self.art, self.starts, start, kind) or (None, None)
        return date, span

    def _date_at(self, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
        art, sentences = self.art, self.art.sentences
        k = max(0, bisect_right(self.starts, start) - 1)
        if k < len(sentences) and sentences[k].end <= start:
            k += 1
        if k >= len(sentences) or sentences[k].start >= end:
            return self.lead or (None, None)
        sent = sentences[k]
        if not sent.title:
            last = self.paragraph_last[k]
            date, span = date_for(art, sent, [last] if last else [])
            if date is not None:
                return date, span
        lead = self.lead
        return lead if lead is not None and (sent.title or takes_lead(art, sent, lead)) else (None, None)


# "The agreement was signed on Aug 17.", "The X joint venture, known as Y, was formed in December
# 2019": a sentence that names an event told just before by its kind and then dates it
_RESTATED = re.compile(
    r"(?:the|this|that|their|its)\b[^.;]{0,80}?\b(?:agreements?|memorand(?:um|a)|mou|mo[ac]|deals?|contracts?|"
    r"pact|(?:joint\s+)?ventures?|jv|cent(?:re|er)|lab(?:oratory)?|institute|alliance|partnership)\b[^.;]{0,80}?"
    r"\b(?:was|were)\s+(?:formally\s+|officially\s+|jointly\s+)?(signed|inked|sealed|formed|established|set\s+up|"
    r"launched|founded|created|unveiled|inaugurated)\s+(?:on|in)\s+", re.IGNORECASE)
_RESTATED_KINDS = {"agreement": ("signed", "inked", "sealed"),
                   "joint_entity": ("formed", "established", "set up", "launched", "founded", "created", "unveiled",
                                    "inaugurated")}
# sentences after an event's own that may restate and date it
RESTATED_WITHIN = 3
_YEAR_AT = re.compile(r"((?:19|20)\d\d)\b")
_WEEKDAY_AT = re.compile(r"(" + "|".join(_WEEKDAYS) + r")\b,?\s{0,3}")


def restated_date(art: Article, starts: list[int], start: int,
                  kind: str) -> tuple[str | None, tuple[int, int]] | None:
    """The date a later sentence gives an undated event of type `kind` told at `start`, when it
    restates the event by its kind ("The agreement was signed on Aug 17"): the first of the next
    few sentences that does, with a month's date or a bare year right after the verb. `starts`:
    the article's sentence starts."""
    k = bisect_right(starts, start) - 1
    for sent in art.sentences[k + 1:k + 1 + RESTATED_WITHIN]:
        m = _RESTATED.match(art.view, sent.start, sent.end)
        if m is None:
            continue
        if " ".join(m.group(1).lower().split()) not in _RESTATED_KINDS[kind]:
            continue
        # "was signed on Friday, April 27, 2017": a weekday may stand before the date
        wd = _WEEKDAY_AT.match(art.low, m.end(), sent.end)
        at = (m.end(), wd.end()) if wd else (m.end(),)
        d = next((d for d in sentence_dates(art, sent) if d.start in at and d.month is not None), None)
        if d is not None:
            return resolve_in(art, sent, d), (d.start, d.end)
        if wd is not None:
            day = _weekday_day(art, wd.group(1))
            if day is not None:
                return day, (wd.start(1), wd.end(1))  # "was signed on Friday."
        y = _YEAR_AT.match(art.view, m.end(), sent.end)
        if y is not None:
            return y.group(1), (y.start(1), y.end(1))
    return None


def _relative(art: Article, sent: Sentence):
    """"yesterday", "today", "on the 5th" (this month, or the last one when the day is still to
    come), "last month" / "earlier this month": resolved against a full published date; none
    without one (GUIDELINES: as far as the text fixes it)."""
    if not art.published or not _FULL_DATE.fullmatch(art.published):
        return None
    low = art.low
    m = _RELATIVE.search(low, *event_part(art, sent))
    if m is None:
        return None
    pub = dt.date.fromisoformat(art.published)
    span = (m.start(), m.end())
    if m.group(1):
        return (pub - dt.timedelta(days=1)).isoformat(), span
    if m.group(2):
        return pub.isoformat(), span
    if m.group(3):
        day = int(m.group(3))
        year, month = pub.year, pub.month
        if day > pub.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            return dt.date(year, month, day).isoformat(), span
        except ValueError:
            return None
    if m.group(4).endswith("last"):
        year, month = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        return f"{year:04d}-{month:02d}", span
    return f"{pub.year:04d}-{pub.month:02d}", span
