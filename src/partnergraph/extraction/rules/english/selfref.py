"""An organization named by a definite description of its own kind: "the Group", "the University".

A release written by an organization calls it "the Group", "the Company", "the University",
also as a party ("The Group signed an agreement with X", "the Group's chairman A attended").
The description stands for one organization of the article only when that is unambiguous: the
one organization named in the article whose name has the head noun ("Hexa Group",
"Hexa Group Co., Ltd.", "University of Embu"), or, for "the Group" when no name ends so and for "the Company", the
one company named. Two or more candidates, or a candidate named in the same sentence (then the
description is another party or the sentence names its organization already), give nothing.
The candidates are the article's own organizations (named in the headline, or named most), and
only one already named before the description. "the group of students", "the University
Professor award", "the company-wide" are no description.
"""

from __future__ import annotations

import bisect
import re

from partnergraph.extraction.rules.english.orgtable import OrgTable
from partnergraph.extraction.rules.english.text import Article

_HEADS = ("Group", "Company", "Corporation", "University", "Institute", "Bank", "College", "Academy")
# "the Group", "the company's"; not "the group of", "the University Professor", "the company-wide"
_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(" + "|".join(h + "|" + h.lower() for h in _HEADS) + r")(?:'s|’s)?(?![\w\-'’])"
    r"(?!\s+(?:of|for|in|at)\b)(?!\s+[A-Z])")
# Legal forms after the head noun: "Hexa Group Co., Ltd.", "Norland Bank Limited".
_LEGAL_TAIL = re.compile(r"(?:,?\s+(?:Co\.?|Ltd\.?|Limited|Inc\.?|PLC|plc|LLC|Holdings))+$")
_SAME_HEAD = {"Corporation": ("Corporation", "Corp.", "Corp")}
_GENERIC_COMPANY = ("Group", "Company")


def _has_head(name: str, head: str) -> bool:
    """"Hexa Group Co., Ltd." ends with Group; "University of Embu" is a University too (so
    "the University" of an article naming it and Nanjing University is either)."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in _LEGAL_TAIL.sub("", name).split()]
    return any(w in _SAME_HEAD.get(head, (head,)) for w in words)


def resolve(art: Article, table: OrgTable, mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """(start, end, org) for each description that stands for one organization of the article."""
    view = art.view
    if not mentions or not any(h in view or h.lower() in view for h in _HEADS):
        return []
    counts: dict[int, int] = {}
    for _, _, idx in mentions:
        counts[idx] = counts.get(idx, 0) + 1
    title = next((t for t in art.sentences if t.title), None)
    in_title = {idx for s, _, idx in mentions if title and title.start <= s < title.end}
    top = max(counts.values())
    # the article's own organization: named in the headline, or named most (twice at least);
    # a release that never names its publisher ("the 591st Lecture of the University") gives none
    own = {i for i in counts if i in in_title or counts[i] >= 2 and counts[i] == top}
    named = sorted(counts)
    first: dict[int, int] = {}
    for s, _, idx in mentions:
        first[idx] = min(s, first.get(idx, s))
    out: list[tuple[int, int, int]] = []
    chosen: dict[str, int | None] = {}
    ordered = sorted(mentions)
    starts = [x[0] for x in ordered]
    for sent in art.sentences:
        here: set[int] | None = None
        for m in _DESCRIPTION.finditer(view, sent.start, sent.end):
            head = m.group(1).capitalize()
            if head not in chosen:
                chosen[head] = _candidate(table, named, own, head)
            idx = chosen[head]
            if idx is None or first[idx] > m.start():
                continue  # no candidate, or one named only after the description
            s, e = m.start(), m.start(1) + len(m.group(1))
            if here is None:
                here = {x[2] for x in ordered[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]}
            k = bisect.bisect_left(starts, e) - 1
            if idx in here or k >= 0 and ordered[k][1] > s:
                continue  # named in the sentence, or the words are inside a name
            out.append((s, e, idx))
    return out


def _candidate(table: OrgTable, named: list[int], own: set[int], head: str) -> int | None:
    """The one organization of the article the head noun can mean, if it is one of its own."""
    # any company is "the Company" ("Norland Trading Co., Ltd."): only the one company named
    ending = [] if head == "Company" else [i for i in named if _has_head(table.orgs[i].name, head)]
    if not ending and head in _GENERIC_COMPANY:
        ending = [i for i in named if table.orgs[i].kind == "company" and table.orgs[i].headed]
    return ending[0] if len(ending) == 1 and ending[0] in own else None
