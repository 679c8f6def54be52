"""Full-text search over the stored articles: how a user's query becomes an FTS5 query, and
the sentence shown for each hit.

English and other Latin-script queries match whole words (the `documents_words` index,
unicode61 tokenizer): "MIT" finds the Massachusetts Institute of Technology, not
"com[mit]tee"; a word ending in `*` is a prefix ("robot*"); a query in double quotes is a
phrase. Results are ranked by BM25 with the title weighted above the body. A query holding
Chinese characters matches as a substring (the trigram index from three characters on, a scan
below that), since Chinese is written without spaces. Each hit's snippet is the sentence with
the most query words, the matches marked with [ ].
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnergraph.evidence import sentence_bounds

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")


def has_cjk(*fields: str | None) -> bool:
    """True when a field holds a character that sends a query to the trigram index: only such
    documents are in it, since a query holding one can match no other document."""
    return any(f and _CJK.search(f) for f in fields)
_TOKEN = re.compile(r"\w+\*?", re.UNICODE)
# the snippet shown: a sentence, cut to this many characters around its first match
SNIPPET = 240
# match positions looked at when choosing the best sentence of a long article
MAX_CANDIDATES = 60


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: `words` (with `prefix` flags) for the word index, or `substring`."""

    words: tuple[str, ...] = ()
    prefix: tuple[bool, ...] = ()
    phrase: bool = False
    substring: str | None = None

    def fts(self) -> str:
        """The FTS5 MATCH expression (every term quoted: no user text is FTS syntax)."""
        terms = ['"' + w.replace('"', '""') + '"' + ("*" if p else "") for w, p in zip(self.words, self.prefix)]
        return " + ".join(terms) if self.phrase else " AND ".join(terms)

    def pattern(self) -> re.Pattern:
        """Where the query matches in an article's text (for the snippet)."""
        if self.substring is not None:
            return re.compile(re.escape(self.substring), re.IGNORECASE)
        alts = [re.escape(w) + (r"\w*" if p else "") for w, p in zip(self.words, self.prefix)]
        body = r"\W+".join(alts) if self.phrase else "|".join(alts)
        return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


def parse(text: str) -> Query | None:
    """The query a user typed, or None when it holds nothing to search for."""
    text = text.strip()
    if _CJK.search(text):
        return Query(substring=text)
    phrase = len(text) > 1 and text.startswith('"') and text.endswith('"')
    tokens = _TOKEN.findall(text)
    words = tuple(t.rstrip("*").lower() for t in tokens if t.rstrip("*"))
    if not words:
        return None
    prefix = tuple(t.endswith("*") for t in tokens if t.rstrip("*"))
    return Query(words=words, prefix=prefix, phrase=phrase)


def snippet(text: str, query: Query) -> str:
    """The sentence of `text` holding the most distinct query words, matches in [ ]."""
    pattern = query.pattern()
    hits = []
    for n, m in enumerate(pattern.finditer(text)):
        if n >= MAX_CANDIDATES:
            break
        hits.append(m)
    if not hits:
        return " ".join(text[:SNIPPET].split()) + ("…" if len(text) > SNIPPET else "")
    best = None
    for m in hits:
        a, b = sentence_bounds(text, m.start(), m.end())
        found = {x.group().lower() for x in hits if a <= x.start() and x.end() <= b}
        key = (-len(found), a)
        if best is None or key < best[0]:
            best = (key, a, b, m.start())
    _, a, b, first = best
    if b - a > SNIPPET:  # a long sentence: a window that starts a little before the match
        a = max(a, min(first - SNIPPET // 4, b - SNIPPET))
        b = min(b, a + SNIPPET)
    out, pos = [], a
    for m in pattern.finditer(text, a, b):
        out.append(text[pos:m.start()] + "[" + m.group() + "]")
        pos = m.end()
    out.append(text[pos:b])
    body = " ".join("".join(out).split())
    return ("…" if a > 0 and not _starts_sentence(text, a) else "") + body + \
        ("…" if b < len(text) and not _ends_sentence(text, b) else "")


def _starts_sentence(text: str, a: int) -> bool:
    before = text[:a].rstrip()
    return not before or before[-1] in ".!?。！？；;\n" or text[a - 1] == "\n"


def _ends_sentence(text: str, b: int) -> bool:
    return text[b - 1] in ".!?。！？；;\"”’)）" or text[b:b + 1] == "\n"
