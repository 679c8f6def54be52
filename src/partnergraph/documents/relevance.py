"""A cheap relevance filter in front of extraction: skip pages that cannot report cooperation.

A web crawl is mostly pages about something else; main-text extraction and the rule engine
cost milliseconds per page, a trigger-word scan microseconds. An article that reports an
agreement, visit, meeting or joint entity uses at least one word from
`data/relevance_en.txt` or `data/relevance_zh.txt`; a page with none is skipped (and counted
by the source layer). The lists favour recall: bench/bench_sources.py --dev checks that no
dev-set article is dropped.

The scan is one Aho–Corasick pass (pyahocorasick), linear in the page whatever its content.
HTML is scanned with tags removed and entities decoded, so `&#21512;&#20316;` still reads 合作;
a page that passes is judged again on its main text (`screen`), since site menus carry the
same words on every page.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import lru_cache
from importlib import resources

from partnergraph.models import RawDocument

WORD_LISTS = ("data/relevance_en.txt", "data/relevance_zh.txt")
# Latin triggers this short are abbreviations (MoU, MoA) and must be whole words.
WHOLE_WORD_MAX = 3
# `[^<>]*` (not `[^>]*`): a run of "<" without ">" must not make each "<" rescan the rest.
_TAG = re.compile(r"<[^<>]*>")


@lru_cache(maxsize=1)
def _automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in WORD_LISTS:
        text = resources.files("partnergraph").joinpath(name).read_text("utf-8")
        for line in text.splitlines():
            word = line.strip().casefold()
            if word and not word.startswith("#"):
                # Latin words must start a word ("mou" in "amount" is no trigger)
                automaton.add_word(word, (word, word[0].isascii()))
    automaton.make_automaton()
    return automaton


def trigger_words() -> list[str]:
    """The loaded trigger words (English and Chinese), for reports and tests."""
    return sorted(word for word, _ in _automaton().values())


def first_trigger(text: str) -> str | None:
    """The first trigger word in `text` (casefolded), or None when there is none."""
    folded = text.casefold()
    for end, (word, latin) in _automaton().iter(folded):
        start = end - len(word) + 1
        if latin and start > 0 and folded[start - 1].isalnum():
            continue
        if latin and len(word) <= WHOLE_WORD_MAX and folded[end + 1:end + 2].isalnum():
            continue  # "mou" is a trigger, "mountain" is not
        return word
    return None


def is_relevant(text: str) -> bool:
    """True when `text` contains a word an article about cooperation would use."""
    return first_trigger(text) is not None


def _drop_code(html: str) -> str:
    """`html` without <script> and <style> contents (JavaScript says "join", "platform"…).

    A find() loop, not a regex: each search starts where the last ended, so an unclosed
    "<script" repeated a million times still costs one pass."""
    lower = html.lower()
    out, pos = [], 0
    while True:
        starts = [i for i in (lower.find("<script", pos), lower.find("<style", pos)) if i >= 0]
        if not starts:
            out.append(html[pos:])
            return "".join(out)
        start = min(starts)
        out.append(html[pos:start])
        closing = "</script" if lower.startswith("<script", start) else "</style"
        end = lower.find(closing, start)
        if end < 0:
            return "".join(out)
        pos = end + len(closing)


def html_words(html: str) -> str:
    """The visible words of a page, roughly: scripts and tags removed, entities decoded."""
    return htmllib.unescape(_TAG.sub(" ", _drop_code(html)))


def raw_is_relevant(raw: RawDocument) -> bool:
    """The cheap first look at a source record: any trigger anywhere in its words (for HTML,
    navigation included). False means the record certainly cannot report cooperation."""
    if raw.text is not None:
        return is_relevant(raw.text) or bool(raw.title and is_relevant(raw.title))
    if raw.html is not None:
        return is_relevant(html_words(raw.html)) or bool(raw.title and is_relevant(raw.title))
    return True  # nothing to judge: let preparation report the empty document


def screen(raw: RawDocument) -> RawDocument | None:
    """`raw` ready for extraction, or None when it cannot report cooperation.

    Two looks: the page's words (microseconds, no parsing), then, for HTML that passes, the
    article's main text: a university site's menu says "International Cooperation" on every
    page, so only the article decides. The main text found is kept in `text` (with title, date
    and URL), so `prepare_raw` does not extract it again. Raises `SourceError` when the HTML
    has no article text."""
    if not raw_is_relevant(raw):
        return None
    if raw.text is not None or raw.html is None:
        return raw
    from partnergraph.documents.html import html_to_text

    page = html_to_text(raw.html, url=raw.url)
    title = raw.title or page.title
    if not (is_relevant(page.text) or (title and is_relevant(title))):
        return None
    return raw.model_copy(update={"text": page.text, "title": title,
                                  "published": raw.published or page.published,
                                  "url": raw.url or page.url,
                                  "warnings": raw.warnings + list(page.warnings)})
