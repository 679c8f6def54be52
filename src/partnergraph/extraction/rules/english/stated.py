"""The organization of a post the text leaves open next to the name, when the text states it
elsewhere in the sentence (people stage, after the posts are read).

GUIDELINES: `org` is null "when the text leaves it open", so an open post takes an organization
only from a phrase that governs it: "A and his delegation from X"; "leaders of X, including A, B";
"X was represented by A"; "Attendees in X included A, B"; "In X, the participants included A";
"X board members A, B"; "At X, the delegation met with President A"; "During the visit to X, Z
talked to the president A". A list governed by one organization ends where the next one starts.
Never a guess from what the article is mostly about. Last, `resolve_posts` keeps one entry per
person and organization.
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol

from partnergraph.extraction.rules.english.text import Article


class Post(Protocol):
    name: str
    title: str | None
    org: int | None
    spans: list[tuple[int, int, str]]
    explicit: bool


# "Smith and his delegation from X": the delegation's organization is the person's.
_OWN_DELEGATION = re.compile(r"\s*(?:,[^,;]{1,80},\s*)?\s+(?:and|with)\s+(?:his|her|their)\s+delegation\s+"
                             r"(?:from|of)\s+(?:the\s+)?$")
# "leaders of X, including A", "Attendees in X included A", "In X, the participants included A".
_GROUP_OF = re.compile(r"\b(?:leaders?|officials?|representatives?|executives?|delegation|delegates|heads?|"
                       r"members?|team|attendees|participants|guests)\s+(?:of|from|in|at)\s+(?:the\s+)?$",
                       re.IGNORECASE)
_INCLUDING = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*,?\s*(?:including|includ\w+|such as|namely|led by|headed by|:)\s",
                        re.IGNORECASE)
_IN_ORG = re.compile(r"(?:^|[.;]\s*|,\s*)(?:[Ii]n|[Aa]t|[Ff]rom)\s+(?:the\s+)?$")
_PARTICIPANTS = re.compile(r"\s*,\s*(?:the\s+)?(?:participants|attendees|guests|representatives)\s+"
                           r"(?:included|including|were)\s", re.IGNORECASE)
# "X leaders including A and B", "X was represented by A", "X board members A, B".
_GROUP_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:\([^()]{1,40}\)\s*)?(?:(?:leaders?|officials?|representatives?|executives?|"
    r"delegates|delegation|team)\s*,?\s*(?:including|such as|namely|led by|headed by)\s|"
    r"(?:was|were)\s+represented\s+by\s|(?:board\s+|delegation\s+|team\s+)?members\s+(?=[A-Z]))")
# "At X, the delegation met with President A", "During the visit to X, Z talked to A".
_HOST_OPENING = re.compile(r"(?:^|[.;]\s*)(?:[Aa]t|[Dd]uring\s+(?:the|a|an|his|her|their|its)\s+(?:\w+\s+)?visit\s+to|"
                           r"[Ww]hile\s+at|[Ww]hile\s+visiting)\s+(?:the\s+)?$")
_HOST_VERB = re.compile(r"\b(?:met with|met|talked (?:to|with)|spoke with|held talks with|was received by|"
                        r"were received by|was welcomed by|were welcomed by|hosted by)\s", re.IGNORECASE)


_MAX_OPEN = 200


def stated_orgs(art: Article, mentions: list[tuple[int, int, int]], posts: list[Post]) -> None:
    # A news article has a few dozen posts; a hostile text with thousands stays linear.
    open_posts = [p for p in posts if p.org is None][:_MAX_OPEN]
    if not open_posts:
        return
    view = art.view
    sents = art.sentences
    starts = [s.start for s in sents]
    governed: list[tuple[int, int, int]] = []   # (region start, organization, sentence index)
    for s, e, idx in mentions:
        i = bisect.bisect_right(starts, s) - 1
        if i < 0:
            continue
        s0 = sents[i].start
        back = view[max(s0, s - 130):s]
        own = _OWN_DELEGATION.search(back) if "delegation" in back else None
        if own:
            head = back[:own.start()]
            for p in open_posts:
                if p.org is None and head.endswith(p.name):
                    p.org, p.explicit = idx, True
            continue
        tail = back[-40:]
        # the anchored tests after the name first: they fail at once on most mentions
        if _INCLUDING.match(view, e) and _GROUP_OF.search(tail) or _GROUP_AFTER.match(view, e) or (
                _PARTICIPANTS.match(view, e)
                and _IN_ORG.search(view[max(s0, s - 8):s] if s - s0 >= 3 else "." + view[s0:s])):
            governed.append((e, idx, i))
        elif view[e:e + 3].lstrip().startswith(",") \
                and _HOST_OPENING.search("." + view[s0:s] if s - s0 < 60 else view[s - 60:s]):
            verb = _HOST_VERB.search(view, e, sents[i].end)
            if verb:
                governed.append((verb.end(), idx, i))
    governed = sorted(governed)[:_MAX_OPEN]
    for k, (start, idx, i) in enumerate(governed):
        end = sents[i].end
        if k + 1 < len(governed) and governed[k + 1][2] == i:
            end = min(end, _region_end(view, start, governed[k + 1][0]))
        region = view[start:end]
        for p in open_posts:
            if p.org is None and p.name in region:
                p.org, p.explicit = idx, True


def _region_end(view: str, start: int, next_start: int) -> int:
    """The list before the next governing phrase ends at its last separator ("..., and SJTU board")."""
    cut = max(view.rfind(",", start, next_start), view.rfind(";", start, next_start))
    return cut if cut > start else next_start


_WORD = re.compile(r"\w+")


_OF_THE_NOUN = re.compile(r"\s+(?:of|at)\s+the\s+(group|company|corporation|university|college|institute|government)\b",
                          re.IGNORECASE)
_NOUN_KIND = {"group": "company", "company": "company", "corporation": "company", "university": "university",
              "college": "university", "institute": "research", "government": "government"}


def the_one(view: str, pos: int, end: int, kinds: dict[int, str]) -> int | None:
    """"of the group" at `pos`: the one organization of that kind the article names, if only one."""
    m = _OF_THE_NOUN.match(view, pos, end)
    if not m:
        return None
    found = [i for i, k in kinds.items() if k == _NOUN_KIND[m.group(1).lower()]]
    return found[0] if len(found) == 1 else None


_THE_NOUN_OWNS = re.compile(r"\bthe\s+(group|company|corporation|university|college|institute|government)['’]s\s+$",
                            re.IGNORECASE)


def the_one_before(view: str, start: int, pos: int, kinds: dict[int, str]) -> int | None:
    """"the university's President Amy Hart": the one university the article names, if only one."""
    m = _THE_NOUN_OWNS.search(view, start, pos)
    if not m:
        return None
    found = [i for i, k in kinds.items() if k == _NOUN_KIND[m.group(1).lower()]]
    return found[0] if len(found) == 1 else None


def _key(name: str) -> str:
    """Names compare as sets of words, initials left out: "Defu Liu" is "Liu Defu", "P Appa Rao" "Appa Rao"."""
    return " ".join(sorted(w for w in _WORD.findall(name.casefold()) if len(w) > 1))


def resolve_posts(posts: list[Post], org_names: dict[int, str]) -> list[Post]:
    """One entry per person and organization; a post the text leaves open keeps no organization."""
    with_org = {_key(p.name) for p in posts if p.org is not None and p.explicit}
    first_post: dict[str, Post] = {}
    out: list[Post] = []
    seen: dict[tuple[str, int | None], Post] = {}
    for p in posts:
        k = _key(p.name)
        if p.org is None and k in with_org and not (p.title or "").startswith("Group"):
            continue
        if not p.explicit and k in with_org and p.org is not None and (k, p.org) in seen:
            continue
        key = (k, p.org)
        # "Director of Science and Technology Department of Hubei University of Technology" is the
        # post already recorded at the department
        prev = first_post.get(k)
        if prev is not None and key not in seen and prev.org is not None and p.title and \
                org_names.get(prev.org, "") and org_names[prev.org] in p.title:
            continue
        first_post.setdefault(k, p)
        if key in seen:
            if len(seen[key].spans) < 50:
                seen[key].spans.extend(s for s in p.spans if s not in seen[key].spans)
            continue
        seen[key] = p
        out.append(p)
    return out
