"""What a title and an organization's name say about each other, for the people scorer.

A post's word and the organization's head word go together or not: a dean at a school or a
faculty, a minister at a country or a ministry, a vice-chancellor at a university; 县长 at 屏南县
or 县政府 and 书记 at 县委, 校长 at a 大学 or 学院. The organization's kind alone (`kind=`) does not
tell 县委 from 县政府 nor a country from a ministry, so the people scorer also reads the title's
head word joined with the organization's head (`post_heads`, `org_head`). Chinese titles and
names are read in Simplified characters, so Traditional releases share the weights.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partnergraph.documents.traditional import to_simplified

# English: the title's head is its last word before what it governs ("Minister of Education",
# "Ambassador to India", "head of LINC project team"); a post is at most this many words
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_GOVERNS = re.compile(r"\s(?:of|for|to|at|in|on)\s|,", re.IGNORECASE)
# Chinese: the posts of one title are listed with 、 ，兼 和 及 ("党委常委、副校长")
_ZH_POSTS = re.compile(r"[、，,兼和及/]")
_MAX_HEADS = 4


def title_heads(title: str | None, lang: str) -> list[str]:
    """The head word of each post in a title: 'minister' of "Foreign Minister of X", '校长' of
    "党委副书记、校长" (two characters: 校长, 书记, 主任, 县长)."""
    if not title:
        return []
    if lang == "zh":
        # in Simplified characters, so a post read in Traditional (校長) weighs as the same post
        posts = [p.strip() for p in _ZH_POSTS.split(to_simplified(title))]
        heads = [p[-2:] for p in posts if len(p) >= 2]
    else:
        first = _EN_GOVERNS.split(title, maxsplit=1)[0]
        words = _EN_WORD.findall(first)
        heads = [words[-1].lower()] if words else []
    return list(dict.fromkeys(heads))[:_MAX_HEADS]


@lru_cache(maxsize=8192)
def org_head(name: str, lang: str) -> str:
    """An organization's head: its last character in Chinese (学, 院, 委, 县, 局; 政府 as one),
    its head noun in English ('university' of "University of X", 'ministry', 'school'), 'place'
    for a country or city named alone, else 'name' (a name without a head word: "Huawei")."""
    if lang == "zh":
        name = to_simplified(name.rstrip(")）"))  # 學 is 学
        return "政府" if name.endswith("政府") else name[-1:]
    words = _EN_WORD.findall(name)
    if not words:
        return "name"
    heads = _en_heads()
    last, first = words[-1].lower(), words[0].lower()
    if last in heads:
        return last
    if first in heads:
        return first
    if _is_place(name):
        return "place"
    return "name"


@lru_cache(maxsize=1)
def _en_heads() -> frozenset[str]:
    from partnergraph.learn.tagger import name_lexicon

    return name_lexicon("en").heads


def _is_place(name: str) -> bool:
    from partnergraph.learn.tagger import name_lexicon, word_tokens

    return tuple(word_tokens(name)) in name_lexicon("en").places


@lru_cache(maxsize=8192)
def post_features(title: str | None, org_name: str, lang: str) -> dict[str, float]:
    """The organization's head alone and joined with each post's head word. Made once per
    title and name (a person is weighed against each organization, and the same posts and
    organizations recur): the dict is shared, its callers only read it."""
    head = org_head(org_name, lang)
    f = {"org_head=" + head: 1.0}
    for t in title_heads(title, lang):
        f[f"post={t}|org_head={head}"] = 1.0
    return f
