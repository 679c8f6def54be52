"""Stage 2: an HTML page → its main article text, title, publication date and URL.

Web pages wrap a release in navigation, related-article lists, footers, scripts and
comments; extraction must see the article alone. trafilatura does the main-text work (it
scored best among open extractors and reads the date with htmldate); this module only picks
its options, reads the page's own URL (`<link rel=canonical>` first, then `og:url`) and falls
back to trafilatura's baseline when the page has no recognisable article block.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from partnergraph.errors import SourceError

log = logging.getLogger(__name__)

# A release page is tens of KB; Common Crawl truncates records at 1 MiB. Extraction costs
# about 0.9 s of CPU per MB of dense paragraph markup (measured: 1 MB 0.9 s, 2 MB 1.8 s,
# 4 MB 3.3 s), so 4 MiB bounds one hostile page to a few seconds.
MAX_HTML_CHARS = 4 * 1024 * 1024
# trafilatura refuses trees above this many elements instead of walking them: above the
# 60,000 elements of 4 MiB of paragraphs, so the size cap decides for real markup, and a page
# of millions of tiny elements is still refused.
MAX_TREE_SIZE = 100_000
# trafilatura costs ~50 us of CPU per element (metadata, pruning, scoring; bench/bench_adversarial.py
# html_many_p: 480,000 '<p>x</p>' took 33 s); release pages hold a few thousand elements. Past
# this many the page is read as plain text instead (trafilatura.html2txt, ~6 us an element),
# with a warning: 1.5 s at most for main-text extraction, whatever the page.
MAX_ELEMENTS = 30_000


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What a page tells about its article; `text` keeps one paragraph per line."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    warnings: tuple[str, ...] | list[str] = ()


@lru_cache(maxsize=1)
def _config():
    """trafilatura's packaged defaults with our tree-size bound (settings, not arguments)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    return config


def _page_url(tree, base: str | None) -> str | None:
    """The URL the page declares for itself: canonical link, else og:url (http(s) only)."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath)[:1]:
            candidate = urljoin(base or "", str(value).strip())
            if urlsplit(candidate).scheme in ("http", "https") and urlsplit(candidate).netloc:
                return candidate
    return None


_TITLE_SEPARATORS = "-_|–—·:：｜"


def _headings(tree) -> list[str]:
    """The first headings' texts, read before trafilatura prunes the tree."""
    return [" ".join(h.text_content().split()) for h in tree.xpath("//h1|//h2|//h3")[:10]]


def _headline(headings: list[str], title: str | None) -> str | None:
    """The page's own heading when <title> is that heading plus a site name ("X-新闻网")."""
    if not title:
        return title
    for text in headings:
        rest = title[len(text):].lstrip()
        if text and len(text) < len(title) and title.startswith(text) and rest[:1] in _TITLE_SEPARATORS:
            return text
    return title


def _baseline(tree) -> str:
    """Paragraph text when trafilatura finds no article block (short or list-like pages)."""
    from trafilatura import baseline

    _, text, _ = baseline(tree)
    return text


def _plain_page(tree, url: str | None, page_url: str | None, elements: int) -> HtmlPage:
    """A page too large for main-text extraction, as plain text (linear time)."""
    from trafilatura import html2txt

    title = " ".join((tree.findtext(".//title") or "").split()) or None
    text = html2txt(tree)
    if not text.strip():
        raise SourceError(f"{url or 'page'}: no text in the HTML")
    return HtmlPage(text=text, title=title, published=None, url=page_url or url,
                    warnings=[f"page of {elements:,} HTML elements (over {MAX_ELEMENTS:,}): read as plain "
                              "text, without main-text extraction"])


def html_to_text(html: str, *, url: str | None = None) -> HtmlPage:
    """Main text, title, date (ISO) and URL of a page; raises `SourceError` when it has no text."""
    import trafilatura
    from trafilatura.utils import load_html

    if len(html) > MAX_HTML_CHARS:
        raise SourceError(
            f"{url or 'page'}: {len(html):,} characters of HTML is over the {MAX_HTML_CHARS:,} limit",
            hint="split the page or extract its text first and give it as .txt",
        )
    # NUL characters make lxml stop parsing silently; they are never article text
    html = html.replace("\x00", "")
    tree = load_html(html)
    if tree is None and "<html" not in html[:2048].lower():
        # a fragment (feed item content): trafilatura only accepts whole documents
        html = f"<html><body>{html}</body></html>"
        tree = load_html(html)
    if tree is None:
        raise SourceError(f"{url or 'page'}: not parseable as HTML")
    page_url = _page_url(tree, url)
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        return _plain_page(tree, url, page_url, elements)
    headings = _headings(tree)
    try:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            # layout tables (old Chinese sites build whole pages of them) put menus and footers
            # into the text as "| 首页 | …" rows; paragraphs inside cells are still kept
            include_tables=False,
            # markup and URL only: htmldate's text search turns "© 2023" into 2023-01-01;
            # dates written in the article are read by `documents.prepare` with their span
            date_extraction_params={"extensive_search": False, "original_date": True},
            config=_config(),
        )
    except (ValueError, TypeError, RecursionError) as err:  # trafilatura on pathological trees
        log.warning("trafilatura failed on %s: %s", url or "page", err)
        result = None
    text = (result.text if result is not None else None) or ""
    if not text.strip():
        text = _baseline(load_html(html))
    if not text.strip():
        raise SourceError(f"{url or 'page'}: no article text in the HTML",
                          hint="the page may need JavaScript or be an index page")
    return HtmlPage(
        text=text,
        title=_headline(headings, result.title or None) if result is not None else None,
        published=(result.date or None) if result is not None else None,
        url=page_url or (result.url if result is not None else None) or url,
    )
