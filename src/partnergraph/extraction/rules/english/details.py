"""Where and about what: an event's location and the fields of cooperation it names.

Location: a place after "held/signed ... in/at", or a capitalized place closing the clause.
Topics: "in the fields of X, Y and Z", "cooperation in X", split into short phrases. A topic
is a whole phrase or absent: a list cut by the length cap loses its last (cut) item, a verb
opening a clause ("cooperation in promoting education") is skipped to the field it names
(`data/en_topic_verbs.txt`), and items that are only function words or point forward ("the
following key contents") are dropped.
"""

from __future__ import annotations

import re

from functools import lru_cache

from partnergraph.extraction.rules.english.lexicon import _lines, lexicon
from partnergraph.extraction.rules.english.text import Sentence, may_match

_TOPIC_SPLIT = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)")
_TOPIC_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+")
_LOCATION = re.compile(
    r"\b(?:held|signed|took place|established|unveiled|launched|inaugurated|convened|hosted)\s+"
    r"(?:(?:officially|successfully|jointly)\s+)?(?:in|at)\s+(?:the\s+)?"
    r"([A-Za-z][\w'&\-.]*(?:\s+(?:of|for|and|at|[A-Za-z0-9][\w'&\-.]*)){0,8})",
)
# "... signed an agreement with B in Wuhan.": a capitalized place closing the clause
_PLACE_AFTER = re.compile(r"\s(?:in|at)\s+(?:the\s+)?([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,4})(?=\s*[,.;]|\s+on\b|\s*$)")
_TOPIC = re.compile(
    r"\b(?:in|on|around)\s+(?:the\s+)?(?:fields?|areas?|sectors?|domains?)\s+(?:of|including|such as|like)\s+"
    r"([^.;:()]{3,160})|\b(?:cooperat(?:ion|e|ing)|collaborat(?:ion|e|ing)|joint research|focus(?:es|ed|ing)?)\s+"
    r"(?:in|on)\s+(?!(?:the\s+)?(?:fields?|areas?|sectors?|domains?)\b)([^.;:()]{3,120})|"
    r"\bkey areas including\s+([^.;:()]{3,160})",
    re.IGNORECASE,
)
_TOPIC_WORDS = ("field", "area", "sector", "domain", "cooperat", "collaborat", "joint research", "focus")  # every _TOPIC match holds one
# "signed in the presence of", "signed in accordance with": no place after "in".
_NOT_PLACE = frozenset({"presence", "attendance", "accordance", "line", "name", "names", "spirit", "principle",
                        "principles", "field", "fields", "area", "areas", "form", "order", "support", "response",
                        "pursuit", "favour", "favor", "front", "person", "writing", "recognition"})
# "cooperate in as many activities as possible", "in all aspects": no field named
_NO_TOPIC = re.compile(r"(?:as many|as much|all|various|many|several|every|each|other|this|these|those|it|them|"
                       r"more|further|such)\b", re.IGNORECASE)
_TOPIC_LEAD = re.compile(r"(?:(?:on|of|in|about|the)\s+)+", re.IGNORECASE)
_TOPIC_CUT = re.compile(r"\s+(?:on|at|by|with|which|that|from|during|for|to|under|since|after|before|between|"
                        r"signed|was|were|is|are|will|would)\s+|\s+in\s+(?=[A-Z0-9])")
# words a topic neither ends on nor consists of ("higher education, and" -> "and")
_FUNCTION = frozenset({"and", "or", "of", "the", "to", "a", "an", "in", "for", "with", "on", "as",
                       "by", "at", "its", "their", "our", "this", "these", "that", "well"})
_ARTICLES = frozenset({"a", "an", "the"})
# "the following key contents:", "the above areas": a pointer to what comes, no field
_POINTING = frozenset({"following", "above", "aforementioned", "above-mentioned", "below"})
_WORD = re.compile(r"\S+")
_LOC_CUT = re.compile(r",|\s+(?:on|to|by|with|which|where|when|that|for|after|before|during|under|and)\s+|"
                      r"\s+in\s+(?=\d)")


def location(view: str, sent: Sentence, t1: int) -> tuple[int, int] | None:
    """"signed in Hangzhou", "held at the Wutongyu Academic Exchange Centre"."""
    loc = _LOCATION.search(view, sent.start, sent.end) or _PLACE_AFTER.search(view, t1, sent.end)
    if loc and (loc.group(1).split()[0].lower() in lexicon().breaks or loc.group(1).split()[0].lower() in _NOT_PLACE):
        loc = None
    if not loc:
        return None
    text = _LOC_CUT.split(loc.group(1))[0].rstrip(" .")
    return loc.start(1), loc.start(1) + len(text)


def topics(view: str, sent: Sentence) -> list[tuple[int, int]]:
    """Fields of cooperation: "in the fields of X, Y and Z", "cooperation in X"."""
    out = []
    if not may_match(view[sent.start:sent.end], _TOPIC_WORDS):
        return out
    for tm in _TOPIC.finditer(view, sent.start, sent.end):
        g = next(i for i in (1, 2, 3) if tm.group(i))
        pos = tm.start(g)
        text = tm.group(g)
        lead = _TOPIC_LEAD.match(text)
        if lead:  # "in the field of on artificial intelligence"
            pos += lead.end()
            text = text[lead.end():]
        cut = _TOPIC_CUT.search(text)
        parts = _TOPIC_SPLIT.split(text[:cut.start()] if cut else text)
        if not cut and tm.end(g) < sent.end and view[tm.end(g)] not in ".;:()":
            # the list ran into the length cap mid-phrase ("... transport and mar"): its last
            # item is cut, and a topic is a whole phrase or absent
            parts = parts[:-1]
        for part in parts:
            if part and not _TOPIC_SEP.fullmatch(part):
                p = part.strip()
                if 2 < len(p) < 60 and len(p.split()) <= 6 and not _NO_TOPIC.match(p):
                    off = pos + part.find(p)
                    whole = _whole_phrase(view, off, off + len(p))
                    if whole:
                        out.append(whole)
            pos += len(part)
    return out


@lru_cache(maxsize=1)
def _topic_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("en_topic_verbs.txt"))


def _whole_phrase(view: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of the field a topic candidate names, or None: trailing function words
    dropped, an opening verb (and its article) skipped, nothing left of only function words."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(view, a, b)]
    verbs = _topic_verbs()
    while words and words[0][2] in verbs:
        words = words[1:]
        if words and words[0][2] in ("a", "an"):
            return None  # "drawing a roadmap for ...": an action, no field
        while words and words[0][2] in _ARTICLES:
            words = words[1:]
    while words and words[-1][2].strip(",") in _FUNCTION:
        words = words[:-1]
    if not words or all(w in _FUNCTION for *_, w in words):
        return None
    first = words[0][2]
    if first in _POINTING or (first in _ARTICLES and len(words) > 1 and words[1][2] in _POINTING):
        return None
    if first in _FUNCTION and first not in _ARTICLES:  # "of African countries' efforts"
        return None
    if (a and view[a - 1].isalnum()) or (b < len(view) and view[b].isalnum()):
        return None  # cut mid-word
    return words[0][0], words[-1][1]
