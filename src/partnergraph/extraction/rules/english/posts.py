"""The pieces of a post, shared by the title-anchored reader (`people`) and the
organization-anchored passes (`affiliations`): the `Post` record, and a `Reader` that finds a
person's name, a title or an organization mention at a position of an article.

A name is two to four capitalized words that are not titles, head nouns, places or function
words; honorifics before it are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from partnergraph.extraction.rules.english.lexicon import honorific_pattern, lexicon, title_pattern
from partnergraph.extraction.rules.english.text import Article

# Small patterns used inside loops, compiled once.
_THE = re.compile(r"(?:the\s+)?")
_WORD_BEFORE = re.compile(r"(\S+)\s+(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?$")
_TRAILING_SPACE = re.compile(r"\s*$")
_AND_THE = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")

# At most four in a row ("H.E. Prof. Dr."): an unbounded run is matched at every name
# position, so "Mr. " x 10,000 cost 3.5 s (quadratic) before the bound.
# The honorifics are en_honorifics.txt's ("Datuk", "Tan Sri", "Her Excellency": `honorific_pattern`).
_HONORIFIC = re.compile(r"(?:" + honorific_pattern() + r"\s+|h\.\s?c\.\s+){1,4}")
_NAME_TOKEN = re.compile(r"(?=[A-Z\u00c0-\u00de])[^\W\d_][^\W\d_'\-]*(?:['\-][^\W\d_]+)*\.?|"
                         r"(?:al|bin|binti|de|van|von|der|da|el|ur)(?=\s)")
# initials written together open a name ("D.J. Koh", "P.L.N.G. Rao"); a country's are no name
_INITIALS = re.compile(r"[A-Z]\.(?:[A-Z]\.){1,4}(?=[ \t])")
_COUNTRY_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "D.C.", "P.R.", "R.O.K.", "U.S.A."})
_PARTICLES = frozenset({"al", "bin", "binti", "de", "van", "von", "der", "da", "el", "ur"})
# a family name's article, counted with the word after it ("Al Qasimi"), and the words of a
# name with its particles at most
_CAPITAL_PARTICLES = frozenset({"Al", "El"})
_MAX_NAME_TOKENS = 8
# "Paul Rees M.A., CEO", "Jane Doe, PhD, Dean": a degree after the name is no part of it.
_DEGREE_END = re.compile(r"(?:\s*,)?\s+(?:Ph\.?\s?D\.?|M\.\s?A\.|M\.?\s?Sc\.?|MBA|M\.D\.|MD|D\.Phil\.?)$")
_DEGREE_LAST = "D.cAl\n"  # the last character of every _DEGREE_END match ($ may stand before a "\n")

# Chinese family names that are also English function words: a name when a given name follows.
_SURNAME_WORDS = frozenset({"He", "An", "Du", "Di", "Yu", "Ma", "Mo", "So", "Bo"})
# Month names that are also given names: a name when another capitalized word follows ("Jun Ni").
_MONTH_NAMES = frozenset({"Jun", "Jan"})
COMMA_TITLE = re.compile(r"\s*,\s*(?:the\s+)?(?:" + title_pattern() + ")", re.IGNORECASE)

# "Vice Presidents": a title in the plural, shared by the names beside it.
_PLURAL_TITLE = re.compile(title_pattern().removesuffix(r"\b\.?") + r"s\b", re.IGNORECASE)


@dataclass
class Post:
    """One post: a person's name, the title (None for an affiliation alone), the organization
    (an index into the article's table, None when the text leaves it open) and the evidence."""

    name: str
    title: str | None
    org: int | None
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    explicit: bool = True


@lru_cache(maxsize=1)
def _not_name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Lowercased words never in a person's name, and words never in one as written ("Park",
    "Hall" are family names too): joined once, not per article (~1,000 words)."""
    lex = lexicon()
    return (lex.breaks | lex.not_name | lex.title_words | lex.honorifics | lex.title_modifiers,
            frozenset(lex.org_heads) | lex.places)


class Reader:
    """Reads an article's view around positions: the name, title or organization mention there."""

    def __init__(self, art: Article, mentions: list[tuple[int, int, int]]):
        self.art = art
        self.view = art.view
        self.starts = {s: (e, idx) for s, e, idx in mentions}
        self.ends = {e: (s, idx) for s, e, idx in mentions}
        cov = bytearray(len(art.view) + 1)
        for s, e, _ in mentions:
            cov[s:e] = b"\x01" * (e - s)
        self.covered = cov
        self.title = re.compile(title_pattern(), re.IGNORECASE)
        self.plural = _PLURAL_TITLE
        self.bad, self.bad_exact = _not_name_words()

    # -- pieces -------------------------------------------------------------------------------
    def org_at(self, pos: int) -> tuple[int, int] | None:
        m = _THE.match(self.view[pos:pos + 4])
        hit = self.starts.get(pos + (m.end() if m else 0))
        return (hit[1], hit[0]) if hit else None

    def _ok_token(self, tok: str, start: int) -> bool:
        b = tok.rstrip(".")
        nxt = self.view[start + len(tok):start + len(tok) + 2]
        if b in _SURNAME_WORDS and nxt[1:2].isupper() or b in _MONTH_NAMES and tok == b and (
                nxt[:1] == "," or nxt[:1] == " " and nxt[1:2].isalpha()):
            return not self.covered[start]  # "Vice President He Lianzhen", "Jun Ni, Dean" (not "Jun 5")
        return not (self.covered[start] or b.lower() in self.bad and len(b) != 1 or b in self.bad_exact)

    def name_at(self, pos: int, end: int) -> tuple[str, int, int] | None:
        """A name starting at `pos` (after optional honorifics)."""
        m = _HONORIFIC.match(self.view, pos, end)
        p = m.end() if m else pos
        toks: list[tuple[int, int]] = []
        q = p
        core = 0  # words of the name but particles ("Sultan bin Ahmed bin Sultan Al Qasimi": four)
        while core < 4 and len(toks) < _MAX_NAME_TOKENS and q < end:
            t = None if toks else _INITIALS.match(self.view, q, end)
            if t is not None and t.group() in _COUNTRY_INITIALS:
                break
            t = t or _NAME_TOKEN.match(self.view, q, end)
            if not t or not self._ok_token(t.group(), t.start()):
                break
            if t.group().endswith("'s"):
                if toks:  # "president Park Geun-hye's father": the name ends here
                    toks.append((t.start(), t.end() - 2))
                break
            if t.group() in _PARTICLES and not toks:
                break
            toks.append((t.start(), t.end()))
            core += t.group() not in _PARTICLES and t.group() not in _CAPITAL_PARTICLES
            nxt = t.end()
            if len(toks) > 1 and t.end() - t.start() > 2 and self.view[nxt - 1] == ".":
                break  # "... and Li Ming. A delegation": a full stop after a word ends the name
            if nxt < end and self.view[nxt] == " " and nxt + 1 < end and self.view[nxt + 1] != " ":
                q = nxt + 1
            else:
                break
        while toks and self.view[toks[-1][0]:toks[-1][1]] in _PARTICLES:
            toks.pop()
        if len(toks) < 2:
            return None
        s, e = toks[0][0], toks[-1][1]
        text = self.art.text[s:e].rstrip(".")
        if self.view[e - 1] == "." and len(self.view[toks[-1][0]:e]) > 2:
            e -= 1
        return text, s, s + len(text)

    def name_before(self, pos: int, start: int) -> tuple[str, int, int] | None:
        """A name that ends just before `pos` (which sits at ", Title")."""
        start = max(start, pos - 80)
        # a degree ends the text searched, so the last character is one a degree ends with
        dm = _DEGREE_END.search(self.view, start, pos) if pos > start and self.view[pos - 1] in _DEGREE_LAST \
            else None
        if dm:
            pos = dm.start()
        seg = self.view[start:pos]
        words = list(re.finditer(r"\S+", seg))
        if not words:
            return None
        for k in range(min(_MAX_NAME_TOKENS, len(words)), 1, -1):
            first = words[-k]
            cand_start = start + first.start()
            got = self.name_at(cand_start, pos)
            if got and got[2] == pos:
                # "Chairman Cui Genliang, Executive President ...": the name is the earlier title's
                tm = _WORD_BEFORE.search(self.view[max(0, got[1] - 40):got[1]])
                if tm and self.title.fullmatch(tm.group(1)) and \
                        tm.group(1).lower().rstrip(".") not in lexicon().honorifics:
                    return None
                # "President of X Group Wang Ming, Group Senior Vice President ...": the earlier post's
                if tm and got[1] - len(_TRAILING_SPACE.search(self.view[max(0, got[1] - 40):got[1]]).group()) in self.ends:
                    return None
                return got
        # honorifics: "Mr. Xu Guangfu"
        return None

    # -- titles -------------------------------------------------------------------------------
    def title_at(self, pos: int, end: int) -> tuple[int, int] | None:
        m = self.title.match(self.view, pos, end)
        if not m:
            return None
        e = m.end()
        if self.view[e - 1] == ".":
            e -= 1
        # "Chairman and General Manager", "President and CEO"
        m2 = _AND_THE.match(self.view, e, end)
        if m2:
            t2 = self.title.match(self.view, m2.end(), end)
            if t2 and not self.org_at(m2.end()):
                e = t2.end() - (1 if self.view[t2.end() - 1] == "." else 0)
        return pos, e
