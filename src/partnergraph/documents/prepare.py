"""Stage 2: the text of an article as received → `Document`.

Releases copied from the web keep their page furniture: counters, "Release Time/Source"
bars, "Prev:/Next:" headlines of other articles, contact and copyright footers, image file
names. Those lines are left out of `Document.body` (never deleted, so every offset stays true);
the title and the publication date are read from the header, where releases print them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from partnergraph.dates import WIRE_MARKS, DateMention, find_dates, normalize_published, stamped
from partnergraph.documents.language import detect_language
from partnergraph.documents.normalize import match_view
from partnergraph.models import Document, Span
from partnergraph.surrogates import scrub

# How far into the article a header (title, date line) may sit: the dev and unlabeled
# articles print them within the first 10 non-empty lines; 12 leaves room for a menu.
HEADER_LINES = 12
# A date line carries little besides labels ("Release Time:2024-01-26 Source: Clicks:505
# Author:", "2021-05-21 16:38:43 阳光电源"): at most this many other words or Chinese characters.
DATE_LINE_WORDS = 2
# A date line carries one date, or two (posted / updated); each try reads the whole line, so
# trying every date of a long line would be quadratic ("March 3, 2024, " x 2,700: 14 s).
HEADER_LINE_DATES = 4
DATE_LINE_HAN = 12
_LABEL_WORDS = re.compile(
    r"\b(?:release|released|time|date|source|author|auhtor|clicks?|views?|page|publisher|published|"
    r"publish|posted|post|updated?|on|by|hits|resource|number|of|news|vom|am|pm|hrs|editor|reporter)\b|\d+|"
    r"来源|发布|时间|日期|作者|浏览|次数|点击|來源|發布|時間|瀏覽|點擊",
    re.IGNORECASE,
)
_LABELED_DATE = re.compile(
    r"(?:release|publish(?:ed)?|post(?:ed)?|update[ds]?|issue)\s*(?:time|date|on)?\s*[:：]\s*$"
    r"|\b(?:date|time|news vom)\s*[:：]?\s*$|(?:日期|时间|時間)\s*[:：]?\s*$",  # 发稿日期: (no \b between Han)
    re.IGNORECASE,
)
# A weekday right before a full date that ends its line (but for a time) is a dateline ("Our
# Bureau, PortvilleMonday, April 7, 2008, 09:30 Hrs"), however many words precede it. No
# leading \b: pasted datelines glue the place to the weekday.
_WEEKDAY_BEFORE = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s{0,3}$", re.IGNORECASE)
# A numeric full date closing a header line is the posting date that sites append to the
# headline ("... signed MOU 2019.03.11"); a headline names an event's day in words.
_NUMERIC_DATE = re.compile(r"\d{4}\s?[-./]\s?\d{1,2}\s?[-./]\s?\d{1,2}")
_SENTENCE_END = re.compile(r"[.。!！]\s*$")
_CJK_ONLY = re.compile(r"^[\s\u3400-\u9fff0-9\uff00-\uffef]{1,40}$")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+|[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[re.Pattern[str], tuple[re.Pattern[str], ...]], ...]:
    """The patterns of the list, compiled. The `^` patterns are tried at the start of a line
    only, so they are joined into one alternation that still is (one call instead of 14).
    The others are searched one by one, which runs about twice as fast as their alternation
    (a literal alternative keeps its prefix scan), each after the character sets one member
    of each of which every match holds (`_required`): a line that lacks one is not searched.
    A Chinese line has none of the letters that open the English labels (copyright, views,
    source): 0.44 -> 0.27 ms per 2,000-char doc."""
    lines = resources.files("partnergraph").joinpath("data/boilerplate.txt").read_text("utf-8")
    patterns = [ln for ln in lines.splitlines() if ln.strip() and not ln.startswith("#")]
    anchored = [p for p in patterns if p.startswith("^")]
    out = [(re.compile(p, re.IGNORECASE), _required(p)) for p in patterns if p not in anchored]
    try:
        joined = re.compile("^(?:" + "|".join(f"(?:{p[1:]})" for p in anchored) + ")", re.IGNORECASE)
    except re.error:  # an inline flag that holds for one pattern only: tried one by one
        joined = None
    if joined is None or joined.groups or not anchored:
        out += [(re.compile(p, re.IGNORECASE), ()) for p in anchored]
    else:
        out.insert(0, (joined, ()))
    return tuple(out)


def _required(pattern: str) -> tuple[re.Pattern[str], ...]:
    """Character sets, as case-insensitive patterns, one member of each of which every match
    of `pattern` (case-insensitive) holds: those of the top-level, non-optional literals,
    sets of literals and branches that each open with a literal. The set is matched by the
    engine with the pattern's own flag, so a letter stands for every character the engine
    folds to it (k: K and the Kelvin sign)."""
    try:
        from re import _constants as c, _parser as sre_parse
        tree = sre_parse.parse(pattern, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - another Python's internals: no filter, same answers
        return ()
    out = []
    for op, av in tree.data:
        chars: list[int] | None = []
        if op is c.LITERAL:
            chars = [av]
        elif op is c.IN:
            chars = [a if o is c.LITERAL else None for o, a in av]
        elif op is c.BRANCH:
            chars = [alt.data[0][1] if alt.data and alt.data[0][0] is c.LITERAL else None
                     for alt in av[1]]
        else:
            continue  # optional or not analysed: look further
        if chars and None not in chars:
            members = "".join(re.escape(chr(ch)) for ch in dict.fromkeys(chars))
            out.append(re.compile(f"[{members}]", re.IGNORECASE))
    return tuple(out)


def _lines(view: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trailing spaces trimmed."""
    out = []
    pos = 0
    for raw in view.split("\n"):
        end = pos + len(raw.rstrip())
        start = pos + (len(raw) - len(raw.lstrip()))
        if end > start:
            out.append((start, end))
        pos += len(raw) + 1
    return out


def is_boilerplate(line: str, lang: str) -> bool:
    """A line that is page furniture rather than article text."""
    if len(line) < 400:
        for p, required in _boilerplate():
            for r in required:
                if not r.search(line):
                    break  # every match holds one of these characters
            else:
                if p.search(line):
                    return True
    # a short all-Chinese line inside an English article is a menu or a spam banner
    return lang == "en" and bool(_CJK_ONLY.match(line)) and bool(re.search(r"[\u3400-\u9fff]", line))


def _header_date(view: str, lines: list[tuple[int, int]], lang: str = "en") -> DateMention | None:
    """The publication date printed in the article's header, if any."""
    text_seen = False  # a paragraph of text read: what follows is body or footer, not header
    for start, end in lines[:HEADER_LINES]:
        tried = 0
        for d in find_dates(view, start, end):
            if d.year is None or d.month is None:
                continue
            tried += 1
            if tried > HEADER_LINE_DATES:
                break  # each try reads the whole line: a line of many dates is no header
            before = view[max(start, d.start - 20):d.start]
            after = view[d.end:end]
            dateline = _WEEKDAY_BEFORE.search(before) and _date_only(after)
            appended = not after.strip() and _NUMERIC_DATE.fullmatch(view[d.start:d.end])
            # a full date with its clock time is the page's stamp, whatever else the line prints
            # ("October. 23, 2023 08:13. by A. Writer", "网站 2012年08月23日 13时15分 来源:…")
            stamp = d.day is not None and not text_seen and stamped(view, d.end)
            # 【大纪元2017年09月06日讯】: a news agency's dateline with its year; 周刊(2017年6月30日 安徽合肥):
            # a paper's date and place in brackets
            wire = d.day is not None and (view.startswith(WIRE_MARKS, d.end)
                                          or _PAPER_DATELINE.match(view, d.end) is not None
                                          and view[d.start - 1:d.start] in ("(", "（"))
            if _LABELED_DATE.search(before) or dateline or appended or stamp or wire \
                    or _date_only(_BYLINE_NAME.sub(" ", view[start:d.start]) + " " + after) \
                    or not text_seen and _own_field(view, start, end, d):
                return d
        if not tried and not text_seen:
            short = _SHORT_DOTTED.search(view, start, end) if "." in view[start:end] else None
            # on a line of its own, or as a wire's dateline at its head ("Baku / 31.10.17 / Turan: ...")
            if short is not None and _date_only(view[start:short.start()]) and (
                    _date_only(view[short.end():end]) or view.startswith(" /", short.end())):
                day, month, year = (int(g) for g in short.groups())
                if 1 <= day <= 31 and 1 <= month <= 12:
                    return DateMention(short.start(), short.end(), 2000 + year, month, day)
            foreign = _FOREIGN_DATE.search(view, start, end) if not text_seen else None
            # "- 25 marzo, 2025", "3 de março de 2024", "12. März 2024" on a line of its own
            if foreign is not None and _date_only(view[start:foreign.start()] + " " + view[foreign.end():end]):
                return DateMention(foreign.start(), foreign.end(), int(foreign.group(3)),
                                   _FOREIGN_MONTHS[foreign.group(2).lower()], int(foreign.group(1)))
        text_seen = text_seen or _is_paragraph(view[start:end], lang)
    return None


# The months of the languages whose sites print an English article's date line in their own
# words, day first (Spanish, Portuguese, French, Italian, German, Indonesian): "25 marzo, 2025".
# Read on a header line that holds nothing else, never in running text ("Mars 2020" is a mission).
_FOREIGN_MONTHS = {name: k + 1 for names in (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "januari februari maret april mei juni juli agustus september oktober november desember",
) for k, name in enumerate(names.split())} | {"setiembre": 9}
_FOREIGN_DATE = re.compile(
    r"(?<!\d)([0-3]?\d)\.?\s{0,3}(?:de\s{1,3})?(" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))
    + r")\b\.?,?\s{0,3}(?:de\s{1,3})?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)


# "Baku / 31.10.17 / Turan:": a date line's day, month and two-digit year, standing alone
_SHORT_DOTTED = re.compile(r"(?<![\w.])([0-3]?\d)\.([01]?\d)\.(\d\d)(?![\w.])")
# the place after a paper's date in brackets, and the bracket's end: (2017年6月30日 安徽合肥)
_PAPER_DATELINE = re.compile(r"\s{0,2}[\u4e00-\u9fff]{2,8}\s{0,2}[)）]")


# What a date line prints besides labels: the site's address, an e-mail, the time of day
# ("www.example.com 2012-06-28 08:21", "16/10/2024 03:02 PM", "2011年12月16日 11时07分").
_FURNITURE = re.compile(
    r"(?:https?://|www\.)[^\s]{1,200}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"
    r"|\b\d{1,2}[:：]\d\d(?:[:：]\d\d)?(?:\s?[ap]\.?m\b\.?)?|\d{1,2}[时時]\d{1,2}分",
    re.IGNORECASE,
)


# A byline's name before the date on its line ("By Ayya Lmahamad | September 10, 2018",
# "By John Smith, Staff Writer Sept. 10, 2018"): up to four capitalised words after "By"
_BYLINE_NAME = re.compile(r"^\s{0,3}(?i:written\s|posted\s|reported\s)?\s{0,3}[Bb]y\s{1,3}"
                          r"(?:[A-Z][\w.'’-]{0,30}[\s,|]{1,4}){1,4}")


# what parts a header line's fields: "Jane Doe | Staff Reporter | Thu, Mar 6, 2025", "News • 6 March 2025 • 3 min"
_FIELD_SEP = re.compile(r"[|•·｜]")
# a line of fields is short; a longer one is text
FIELD_LINE = 160


def _own_field(view: str, start: int, end: int, d: DateMention) -> bool:
    """True when the date is a field of its own on a short header line of fields parted by "|" or
    "•" (a byline's name and post, a section, a reading time beside it): labels and little else
    share its field, whatever the other fields hold."""
    if end - start > FIELD_LINE:
        return False
    left, right = view[start:d.start], view[d.end:end]
    cut_left, cut_right = list(_FIELD_SEP.finditer(left)), _FIELD_SEP.search(right)
    if not cut_left and cut_right is None:
        return False
    field = left[cut_left[-1].end():] if cut_left else left
    return _date_only(field + " " + (right[:cut_right.start()] if cut_right else right))


def _date_only(rest: str) -> bool:
    """True when what surrounds a date on its line is labels, numbers and little else."""
    rest = _LABEL_WORDS.sub(" ", _FURNITURE.sub(" ", rest))
    words = re.findall(r"[A-Za-z\u00c0-\u024f]+", rest)
    han = re.findall(r"[\u3400-\u9fff]", rest)
    return len(words) <= DATE_LINE_WORDS and len(han) <= DATE_LINE_HAN


def _is_paragraph(line: str, lang: str) -> bool:
    if lang == "zh":
        return len(line) > 80 or "。" in line[:-1]
    return len(line) > 300 or bool(_SENTENCE_END.search(line)) and len(line) > 120


def _title(view: str, lines: list[tuple[int, int]], keep: list[bool], lang: str) -> tuple[int, int] | None:
    """The headline: the fullest short line before the first paragraph."""
    head = lines[:HEADER_LINES]
    for i, ((start, end), kept) in enumerate(zip(head, keep)):
        line = view[start:end]
        if _is_paragraph(line, lang):
            break
        if not kept or find_dates(view, start, end) and len(line) < 40:
            continue
        wrapped = i + 1 < len(lines) and view[lines[i + 1][0]].islower()
        words = len(_WORD.findall(line))
        if words >= (8 if lang == "zh" else 5) and not wrapped and not _SENTENCE_END.search(line):
            return start, end
    return None


def prepare(
    text: str,
    *,
    id: str,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    title: str | None = None,
) -> Document:
    """Build the `Document` extraction reads: body spans, title, published date, language.

    Library callers pass anything: lone surrogates become U+FFFD and a `published` that is not
    a calendar date is dropped with a warning, so no later stage meets either."""
    text, id = scrub(text), scrub(id)
    url, source, title, lang = (scrub(v) if isinstance(v, str) else v for v in (url, source, title, lang))
    warnings: list[str] = []
    if published is not None:
        published, bad = normalize_published(str(published))
        warnings += bad
    if lang is not None and lang not in ("en", "zh"):
        warnings.append(f"language {lang[:20]!r} is not supported; detected instead")
        lang = None
    view = match_view(text)
    if "\ufffd" in text:
        warnings.append("text contains undecodable bytes (shown as U+FFFD)")
    lang = lang or detect_language(view)
    lines = _lines(view)
    keep = [not is_boilerplate(view[s:e], lang) for s, e in lines]
    body = [Span(start=s, end=e) for (s, e), k in zip(lines, keep) if k]

    published_span = None
    if published is None:
        d = _header_date(view, lines, lang)
        if d is not None:
            published = d.resolve()
            published_span = Span(start=d.start, end=d.end, field="published")

    title_span = None
    if title is None:
        t = _title(view, lines, keep, lang)
        if t is not None:
            title = text[t[0]:t[1]]
            title_span = Span(start=t[0], end=t[1], field="title")
    return Document(
        id=id, url=url, source=source, title=title, title_span=title_span,
        published=published, published_span=published_span, lang=lang, text=text,
        body=body, warnings=warnings,
    )
