"""The part an English organization plays in a sentence: a visitor, a host, or a bystander.

A pair feature of the learned layer. The pairs model read a visit's sentence as a bag of
words, which every pair of the sentence shares: "a delegation led by President Lin of Kestrel
University visited Veltrix University" gave the visitor and host pair no more of "visit" than
the attendee named after them, and English visitor-host pairs scored .13-.23 out of fold. Here
each mention of an organization (or of a person posted there, the visitor reached through its
leader) gets the slot the words right around it give it:
- `visitor`: "a delegation of/from/led by X", "X's delegation", "X visited", "President Lin of
  X, led a delegation to", "X's state visit to", "X, who is on a five-day visit to", "a visit to
  Seoul by X", "the visit of X", "X flew to";
- `host`: "visited X", "a visit to X", "came to X", "flew to X", "X received/welcomed/hosted", "X, Title,
  met with the delegation", and the next names of a list after a host ("visited A, B and C");
- `bystander`: "in the presence of X", "attended by X", "with the support of X", "X said",
  "according to X": not a principal of the event told (an attendee's organization, a sponsor,
  a quoted firm).
- `agent`: the subject of a cooperation verb, "X signed", "X, a Lumio unit, has inked", "X
  (President Lin) announced a new agreement", and the names listed before it ("X, Y and Z signed");
- `partner`: the other side, "an agreement with X", "partnering with X", "between X and Y", and
  the next names of a list after it ("signed MoUs with A, B and C").
Every pattern is anchored to a window of at most `_WINDOW` characters beside the mention, so a
sentence costs linear time whatever its words.
"""

from __future__ import annotations

import re

_WINDOW = 60

_VISITOR_BEFORE = re.compile(
    r"\bdelegations?\s+(?:\w+\s+){0,2}?(?:of|from|led by|headed by)\s+(?:the\s+)?(?:[\w.\-]+\s+){0,4}$"
    r"|\b(?:led|headed)\s+by\s+(?:the\s+)?(?:[\w.\-]+\s+){0,4}$"
    # a visit told as a noun of its visitor: "a visit to Seoul by Crown Prince Amir Dov", "the visit of
    # Prime Minister Ari Dov to Norvania"
    r"|\b(?:visit|trip)\s+(?:to\s+(?:the\s+)?[\w.\-]+\s+(?:[\w.\-]+\s+){0,2}?)?by\s+(?:the\s+)?(?:[\w.\-]+\s+){0,4}$"
    r"|\bvisit\s+of\s+(?:the\s+)?(?:[\w.\-]+\s+){0,4}$", re.IGNORECASE)
_VISITOR_AFTER = re.compile(
    r"^(?:'s|’s)\s+(?:[\w\-]+\s+){0,2}?(?:delegation|team)\b|^\s+(?:[\w\-]+\s+)?delegation\b"
    r"|^[^,;]{0,15}?(?:,[^,;]{1,40})?,?\s+(?:also\s+|recently\s+|has\s+|have\s+|had\s+)?(?:visited|toured|came to|arrived (?:at|in)|(?:flew|travell?ed)\s+(?:[\w\-]+\s+){0,2}?to|"
    r"paid (?:a|an) (?:\w+ )?visit|(?:led|headed) (?:a|an|the) (?:[\w\-]+ ){0,3}?delegation)\b"
    # "President Ari Dov's state visit to Norvania", "Ari Dov, who is on a five-day visit to"
    r"|^(?:'s|’s)\s+(?:[\w\-]+\s+){0,3}?(?:visit|trip|tour)\b"
    r"|^[^,;]{0,15}?(?:,[^,;]{1,40})?,?\s+(?:who\s+)?(?:is|was|has been)\s+on\s+(?:a|an|his|her|the|their)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:visit|trip|tour)\b", re.IGNORECASE)
_HOST_BEFORE = re.compile(
    r"\b(?:visited|visiting|toured|visits? to|visit|trip to|tour of|came to|arrived (?:at|in)|delegation to|"
    r"(?:flew|travell?ed)\s+(?:[\w\-]+\s+){0,2}?to)\s+"
    r"(?:the\s+)?$", re.IGNORECASE)
_HOST_AFTER = re.compile(
    r"^(?:,[^,;]{1,40})?,?\s+(?:also\s+|warmly\s+|has\s+|had\s+)?(?:received|welcomed|hosted|receives|welcomes|hosts|"
    r"met with (?:a|an|the) (?:[\w\-]+ ){0,2}?delegation)\b", re.IGNORECASE)
_BYSTANDER_BEFORE = re.compile(
    r"\b(?:presence of|witnessed by|attended by|accompanied by|support of|supported by|sponsored by|funded by|"
    r"according to|analysts? (?:at|with|from)|officials? (?:at|of|from)|representatives? (?:of|from))\s+"
    r"(?:the\s+)?(?:[\w.\-]+\s+){0,3}$", re.IGNORECASE)
_BYSTANDER_AFTER = re.compile(r"^(?:[^.;]{0,30}?)\s(?:said|says|told|noted|added)\b|^\s+(?:also\s+)?attended\b",
                              re.IGNORECASE)
# a cooperation told of its subject ("Kestrel signed", "Kestrel (President Lin) announced a new
# business agreement") and of its other side ("an agreement with Lumio", "partnering with Lumio",
# "between Kestrel and Lumio")
_AGENT_AFTER = re.compile(
    r"^(?:\s*\([^()]{1,30}\))?(?:\s*,[^,;.]{1,40},)?\s+(?:has\s+|have\s+|had\s+|also\s+|jointly\s+|recently\s+|"
    r"officially\s+|formally\s+|all\s+|both\s+|will\s+)?(?:signed|inked|agreed|entered into|partnered|teamed up|"
    r"join(?:s|ed)? (?:hands |forces )?with|joined forces|join hands|established|"
    r"launched|set up|founded|formed|announced (?:a|an|the) (?:[\w\-]+ ){0,3}?(?:agreement|partnership|collaboration|"
    r"joint venture|alliance|mou|memorandum))\b", re.IGNORECASE)
_PARTNER_BEFORE = re.compile(
    r"\b(?:agreements?|partnerships?|partner(?:ed|ing|s)?|mous?|memorand(?:um|a)|deals?|contracts?|pacts?|ties|"
    r"alliances?|cooperation|co-operation|collaborat(?:ion|ions|ed|ing|es|e)|teamed up|teams up|team up|"
    r"joined forces|joins forces|join forces|join(?:s|ed|ing)?|signed|signs|sign|inked|ventures?)\s+"
    r"(?:[^\s.;]+\s+){0,5}?with\s+(?:the\s+)?(?:[\w.\-&]+\s+){0,3}$"
    r"|\bbetween\s+(?:the\s+)?(?:[\w.\-&]+\s+){0,2}$"
    # the members of an alliance or a founding ("a consortium of X, Y and Z", "its founding members
    # include X")
    r"|\b(?:alliances?|consorti(?:um|a)|coalitions?|joint ventures?|partnerships?)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:of|among|comprising|including|involving|made up of|formed by|founded by)\s+(?:the\s+)?(?:[\w.\-&]+\s+){0,2}$"
    r"|\b(?:members?|partners|founders)\s+(?:are|were|include|included|including|comprise|such as)\s+"
    r"(?:the\s+)?(?:[\w.\-&]+\s+){0,2}$", re.IGNORECASE)
# what stands between two names of one list ("visited A, B and the C", "A Hannover, B in Germany
# and C": a word or two of a name the mention left out, or of its place)
_LIST_GAP = re.compile(r"[^,;.()]{0,25}?\)?\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:and\b|&)?|and\b|&)\s*(?:the\s+)?",
                       re.IGNORECASE)
_MAX_LIST_GAP = 40
# Every match of a pattern above holds one of its words here (in any case): a sentence holding
# none of them is not searched with it (most sentences hold no visit or bystander words). Only
# these four letters match an ASCII letter without being one (IGNORECASE: İ ı ſ and the Kelvin
# sign); a sentence holding one is searched with every pattern.
_WORDS = (
    ("delegation", "led", "headed", "visit", "trip"),  # _VISITOR_BEFORE
    ("delegation", "team", "visit", "tour", "came", "arrived", "trip", "flew", "travel"),  # _VISITOR_AFTER
    ("visit", "tour", "trip", "came", "arrived", "delegation", "flew", "travel"),  # _HOST_BEFORE
    ("receive", "welcome", "host", "delegation"),  # _HOST_AFTER
    ("presence", "witnessed", "attended", "accompanied", "support", "sponsored", "funded", "according",
     "analyst", "official", "representative"),  # _BYSTANDER_BEFORE
    ("said", "says", "told", "noted", "added", "attended"),  # _BYSTANDER_AFTER
    ("signed", "inked", "agreed", "entered", "partnered", "teamed", "join", "established", "launched", "set",
     "founded", "formed", "announced"),  # _AGENT_AFTER
    ("with", "between", "alliance", "consorti", "coalition", "venture", "partner", "member", "founder"),  # _PARTNER_BEFORE
)
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_match(sentence: str) -> tuple[bool, ...]:
    """For each pattern (`_WORDS`' order), whether the sentence holds one of its words."""
    if _FOLDS_TO_ASCII.search(sentence):
        return (True,) * len(_WORDS)
    low = sentence.lower()
    return tuple(any(w in low for w in words) for words in _WORDS)


def mention_roles(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[set[str]]:
    """The roles of the mentions `spans` (sorted, inside text[start:end], one sentence): each
    from the words beside it; a name listed right after a host or a partner is one too, and a
    name listed right before an agent."""
    out: list[set[str]] = []
    prev: tuple[int, int] | None = None
    vb, va, hb, ha, bb, ba, aa, pb = _may_match(text[start:end])
    for s, e in spans:
        before = text[max(start, s - _WINDOW):s]
        after = text[e:min(end, e + _WINDOW)]
        roles: set[str] = set()
        if vb and _VISITOR_BEFORE.search(before) or va and _VISITOR_AFTER.match(after):
            roles.add("visitor")
        elif prev is not None and "visitor" in out[-1] and _listed_after(text, prev, s):
            roles.add("visitor")  # "a delegation of A, B and C": each a visitor
        if hb and _HOST_BEFORE.search(before) or ha and _HOST_AFTER.match(after):
            roles.add("host")
        elif prev is not None and "host" in out[-1] and s - prev[1] <= _MAX_LIST_GAP and _LIST_GAP.fullmatch(
                text, prev[1], s):
            roles.add("host")
        if bb and _BYSTANDER_BEFORE.search(before) or ba and _BYSTANDER_AFTER.match(after):
            roles.add("bystander")
        if aa and _AGENT_AFTER.match(after):
            roles.add("agent")
        if pb and _PARTNER_BEFORE.search(before) or prev is not None and "partner" in out[-1] \
                and _listed_after(text, prev, s):
            roles.add("partner")
        out.append(roles)
        prev = (s, e)
    for k in range(len(out) - 2, -1, -1):  # "Kestrel, Lumio and Veltrix signed": each an agent
        if "agent" in out[k + 1] and _listed_after(text, spans[k], spans[k + 1][0]):
            out[k].add("agent")
    return out


# a comma, "and" or "&" (after an acronym in brackets), and maybe "the": the gap of a list of
# partners or agents, where no word of a name is left out ("between A and B covers C, D said")
_NAME_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:and\s+|&\s*)?|\s(?:and|&)\s+)(?:the\s+)?",
                            re.IGNORECASE)


def _listed_after(text: str, prev: tuple[int, int], s: int) -> bool:
    """Whether the name starting at s is the next of a list after the one at `prev`."""
    return 0 <= s - prev[1] <= _MAX_LIST_GAP and _NAME_LIST_GAP.fullmatch(text, prev[1], s) is not None
