"""People with their posts: a name next to a title, and the organization the post is at.

Each title match is read in both directions, in this order:
``Name, Title of Org`` (also ``Name, Org's Title`` and ``Name, Title`` inheriting the list's
organization), ``Org Title Name``, ``Title of Org, Name``, ``Title Name of Org``, ``Title Name``.
Names and titles are found by `posts.Reader`. A post continued with "and academician of CAS" or
", academician of X" is a second post of the same person. The people found from around an
organization's mention instead of a title come from `affiliations`, run after this reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from partnergraph.extraction.rules.english.affiliations import add_affiliations
from partnergraph.extraction.rules.english.lexicon import lexicon, title_starts
from partnergraph.extraction.rules.english.posts import COMMA_TITLE, Post, Reader
from partnergraph.extraction.rules.english.stated import resolve_posts, stated_orgs, the_one, the_one_before
from partnergraph.extraction.rules.english.text import Article

# Small patterns used inside loops, compiled once.
# "Amy Hart, a professor at X", "Amy Hart, who is the president of X"
# "Sun Yu, Admissions Officer": one capitalized word that is no title may qualify the title
_COMMA_THE_END = re.compile(r"(?:\s*[,(]|\s+[–—-])\s*(?:who\s+(?:is|was|serves\s+as|served\s+as)\s+)?(?:the\s+|an?\s+)?"
                            r"(?:[A-Z][a-z]{2,20}\s+)?$")
# "Amy Hart, the university's Vice President": the post's owner left generic
_GENERIC_OWNER_END = re.compile(r"\s(?:the|its|their|his|her)\s+(?:group|company|corporation|university|college|"
                                r"institute|government|school|ministry)['’]s\s+$", re.IGNORECASE)
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_BOARD = re.compile(r"\s+(?:Council|Board|Committee|Senate)\b")
_COMMA = re.compile(r"\s*,\s*")
_CAPITALIZED_NEXT = re.compile(r"\s*,?\s*[A-Z][a-z]")
_PAREN = re.compile(r"\s*\([^()]{1,40}\)")
_OPTIONAL_COMMA = re.compile(r"\s*,?\s*")
_SPACE = re.compile(r"\s+")
_OWN_OF = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?[\w\-]")
_PAREN_GAP = re.compile(r"\s*\([^()]{1,30}\)\s+")
_OF_FROM_AT = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?")
_ON_BEHALF = re.compile(r"(?:[Oo]n behalf of (?:the\s+)?)")
_LIST_GAP = re.compile(r"\s*[,;]\s*(?:and\s+)?(?:the\s+)?")
_COMMA_ONLY = re.compile(r"\s*,\s*(?:the\s+)?")
_TRAILING_COMMA = re.compile(r"\s*,?\s*$")
_GROUP_TITLE = re.compile(r"(Group\s+[^,]+?)\s+and\s+(.+)$")
_POST_JOIN = re.compile(r"\s*(?:,\s*|\s+and\s+)(?:an?\s+|the\s+)?")
_OF_AT_IN = re.compile(r"\s+(?:of|at|in)\s+(?:the\s+)?")
_AFTER_ORG = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*(,\s*)?")
_OF = re.compile(r"\s*,?\s+(?:of|at|in|from|with|von|de)\s+(?:the\s+)?")
_EXT = re.compile(
    r"\s+(?:of|for)\s+(?:the\s+)?((?:[A-Za-z][\w\-]*\s+){1,5}?|(?:[a-z][\w\-]*,\s+){1,4}(?:[a-z][\w\-]*\s+)?and\s+"
    r"[a-z][\w\-]*\s+)"
    r"(?=(?:of|at|in)\s)|\s+of\s+((?:(?!(?:the|a|an|its|our|their|his|her)\s)[a-z][\w\-]*\s+){1,3})"
    r"(?=[A-Z][\w\-]*\s+[A-Z])")
_DEGREE = re.compile(r"\s*,\s*(?:Ph\.?\s?D\.?|M\.\s?A\.|M\.?\s?Sc\.?|MBA|M\.D\.|MD|D\.Phil\.?)(?=[\s,])")
_TITLE_STARTS = title_starts()


class _MayStartTitle(dict):
    """Lowercased token -> whether a title can start at it ("director", "co-chair", "prof."):
    a memo, as the test runs on every token of every sentence."""

    def __missing__(self, low: str) -> bool:
        got = low in _TITLE_STARTS or low.rstrip(".") in _TITLE_STARTS or (
            "-" in low and low.split("-")[0] in _TITLE_STARTS) or low[-1:] == "s" and low[:-1] in _TITLE_STARTS
        if len(self) < 200_000:
            self[low] = got
        return got


_MAY_START_TITLE = _MayStartTitle()
_LOWER = itemgetter(3)  # Token.lower


# The gap between two coordinated names: "A and B", "A, B and C".
_NAME_GAP_BEFORE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
_NAME_GAP_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# What may stand before the first of two names that share one singular title: a list's start.
_LIST_OPEN = re.compile(r"(?:^|[,:;(]|\b(?:including|includ\w+|namely|with|by|and))\s*$")
_MAX_COORDINATED = 4


_TITLE_QUALIFIER = re.compile(r"\s*\([A-Z][A-Za-z&\- ]{1,30}\)(?=\s+(?:of|at|for)\s)")
_PLACE_TAIL = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?([A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,2})(?![\w\-]|\s[A-Z])")
_PLACES = lexicon().places


_NAME_PAREN = re.compile(r"[ \t]*\(")
_LED_BY = re.compile(r"\s*,?\s*(?:and\s+)?(?:led|headed)\s+by\s+(?:the\s+)?$", re.IGNORECASE)


def extract_people(art: Article, mentions: list[tuple[int, int, int]],
                   org_names: dict[int, str], kinds: dict[int, str] | None = None) -> list[Post]:
    """Every post in the article; `kinds` (organization -> kind, for the organizations named in the
    body) resolves "of the group" when the article names exactly one organization of that kind."""
    r = Reader(art, mentions)
    posts: list[Post] = []
    for sent in art.sentences:
        _SentencePosts(r, art, sent.start, sent.end, kinds or {}, posts).read(sent.tokens)
    add_affiliations(r, art, mentions, posts)
    stated_orgs(art, mentions, posts)
    return resolve_posts(posts, org_names)


@dataclass(slots=True)
class _Title:
    """One title being read: where it is, and what is known so far of its holder and organization."""

    m: re.Match
    plural: bool
    ts: int
    te: int
    text: str
    pos: int  # where reading goes on after the title (and its organization, and name)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    name: tuple[str, int, int] | None = None
    from_before: bool = False
    lead: int = 0  # the gap between an organization named before the title and the title
    org_before: int | None = None
    org_after: int | None = None


class _SentencePosts:
    """The posts of one sentence, title by title: a list of posts ("A, President of X; B, Dean")
    carries its organization from one post to the next, so the state lives per sentence."""

    def __init__(self, r: Reader, art: Article, s0: int, s1: int, kinds: dict[int, str],
                 posts: list[Post]) -> None:
        self.r, self.art, self.view = r, art, art.view
        self.s0, self.s1 = s0, s1
        self.kinds = kinds
        self.posts = posts
        self.list_org: int | None = None
        self.last_end = s0
        self.used_names: set[int] = set()
        self.used_ends: set[int] = set()  # where the names of recorded posts end

    def read(self, tokens) -> None:
        """Each token a title may start at, read as a title once (not again inside a longer one)."""
        r, view, s0, s1 = self.r, self.view, self.s0, self.s1
        may_start = _MAY_START_TITLE
        title_end = -1
        for tok in list(compress(tokens, map(may_start.__getitem__, map(_LOWER, tokens)))):  # the memo in C
            if tok.start < title_end:
                continue  # "Director" inside "Executive Director" is the same title
            m = r.title.match(view, tok.start, s1)
            plural = False
            if m is None:
                m = r.plural.match(view, tok.start, s1)
                if m is None:
                    continue
                plural = True
            ts = m.start()
            if r.covered[ts]:
                continue  # "Norland Group Chairman": "Group Chairman" starts inside the name; try "Chairman"
            title_end = m.end()
            if ts > s0 and (view[ts - 1].isalnum() or view[ts - 1] == "-"):
                continue
            t = (ts, m.end()) if plural else r.title_at(ts, s1)
            if t is None:
                continue
            ts, te = t
            title = _Title(m, plural, ts, te, self.art.text[ts:te], te, [(ts, te, "title")])
            self._before(title)
            self._tail(title)
            self._org_after(title)
            pm = _PAREN.match(view, title.pos, s1)  # an acronym in parentheses after the org
            if pm:
                title.pos = pm.end()
            if title.name is None:
                self._name_after(title)
            if title.name is None or title.name[1] in self.used_names:
                continue
            self._record(title)

    def _before(self, t: _Title) -> None:
        """The organization and name before the title: "CASC Chairman", "Soochow's Vice President",
        "Xu Guangfu, Chairman", "Nawaf Al Gharabally, Zain Group's Chief ..."."""
        r, view, s0, ts = self.r, self.view, self.s0, t.ts
        before = view[max(s0, ts - 3):ts]
        t.lead = 3 if before.endswith("'s ") else 1 if before.endswith(" ") else 0
        hit = r.ends.get(ts - t.lead) if t.lead else None
        t.org_before = hit[1] if hit else None
        pre = ts
        if hit is not None:
            pre = hit[0]
        else:
            gm = _GENERIC_OWNER_END.search(view, max(s0, ts - 30), ts)
            if gm:
                pre = gm.start()
        mm = _COMMA_THE_END.search(view, max(s0, pre - 28), pre)
        if mm:
            t.name = r.name_before(mm.start(), s0)
            if t.name is not None and (t.name[1] in self.used_names or t.name[2] in self.used_ends):
                t.name = None  # "Minister of State Hubert Ansel, Federal Minister ...": his name is read
        t.from_before = t.name is not None

    def _tail(self, t: _Title) -> None:
        """What extends the title after its head word: its qualifier, a place, an of-phrase that
        names no known organization ("Chairman of the Board of Directors of Hengtong Group")."""
        r, view, s1, text = self.r, self.view, self.s1, self.art.text
        # "Vice-President (International) of X": the title's own qualifier
        qm = _TITLE_QUALIFIER.match(view, t.te, s1)
        if qm:
            t.pos = t.te = qm.end()
            t.text = text[t.ts:t.te]
        # "Ambassador of Kenya to China", "President of Chile": a place no organization is named for
        for _ in range(2):
            pm = _PLACE_TAIL.match(view, t.pos, s1)
            if not pm or pm.group(1) not in _PLACES or r.org_at(pm.start(1)):
                break
            t.pos = t.te = pm.end()
            t.text = text[t.ts:t.te]
        for _ in range(3):
            ext = _EXT.match(view, t.pos, s1)
            if ext and ext.group(2) and t.name is None:
                # "vice president of foreign affairs Michael Southwell": the name follows
                t.pos = t.te = ext.end() - 1
                t.text = text[t.ts:t.te]
                break
            if not (ext and ext.group(1) and not r.org_at(t.pos + ext.group(0).find(ext.group(1)))):
                break
            pos = ext.end() - 1
            while view[pos] == " ":
                pos -= 1
            t.pos = pos + 1
            t.text = text[t.ts:t.pos]

    def _org_after(self, t: _Title) -> None:
        """The organization after the title: "of/at/from Org", or ", Org" after a name read before."""
        r, view, s1 = self.r, self.view, self.s1
        pos = t.pos
        om = _OF.match(view, pos, s1)
        if om and view[pos:om.end()].strip(" ,").split()[0] in ("of", "at", "in", "from", "von", "de", "with"):
            got = r.org_at(om.end())
            if got:
                t.org_after, oend = got
                # "Director of Research and Development Department of CASC": the outer one
                om2 = _OF_THE.match(view, oend, s1)
                if om2 and r.org_at(om2.end()):
                    t.text = self.art.text[t.ts:oend]
                    t.org_after, oend = r.org_at(om2.end())
                t.spans.append((om.end(), oend, "org"))
                t.pos = oend
                # "Nanjing University Council": a board of the organization is part of the title
                cm = _BOARD.match(view, t.pos, s1)
                if cm and t.org_after is not None:
                    t.text = self.art.text[t.ts:cm.end()]
                    t.pos = cm.end()
        elif cm := _COMMA.match(view, pos, s1):
            got = r.org_at(cm.end())
            if got and t.name is not None:
                after = view[got[1]:got[1] + 3]
                cm2 = _COMMA.match(view, got[1], s1)
                # "Director, Centre for Energy, Westbrook University": the unit, then its parent
                if not _CAPITALIZED_NEXT.match(view[got[1]:got[1] + 4]) or after.startswith(" ,") or (
                        cm2 and r.org_at(cm2.end()) and not _CAPITALIZED_NEXT.match(
                            view, r.org_at(cm2.end())[1], s1)):
                    t.org_after, oend = got
                    t.spans.append((cm.end(), oend, "org"))
                    t.pos = oend

    def _name_after(self, t: _Title) -> None:
        """The holder named after the title: "Title of Org, Name", "Title, Org Name", "Title Name"."""
        r, view, s1 = self.r, self.view, self.s1
        if t.org_after is not None:
            nm = _OPTIONAL_COMMA.match(view, t.pos, s1)
            cand = r.name_at(nm.end(), s1)
            if cand and ("," not in nm.group() or not COMMA_TITLE.match(view, cand[2], s1)):
                t.name = cand
                t.pos = cand[2]
        elif cm := _COMMA.match(view, t.te, s1):
            # "the Principal Secretary, State Department for Higher Education Dr. Beatrice Inyangala"
            p2 = cm.end()
            got = r.org_at(p2)
            if got:
                t.org_after = got[0]
                t.spans.append((p2, got[1], "org"))
                p2 = _OPTIONAL_COMMA.match(view, got[1], s1).end()
            cand = r.name_at(p2, s1)
            if cand and not COMMA_TITLE.match(view, cand[2], s1):
                t.name = cand
                t.pos = cand[2]
            elif got:
                t.org_after = None
                t.spans.pop()
        else:
            self._name_right_after(t)

    def _name_right_after(self, t: _Title) -> None:
        """"Minister of State Amy Hart", "Vice-Chancellor (VC) Professor Dr Amy Hart": the name
        right after the title (an of-phrase naming no known organization is the title's)."""
        r, view, s1 = self.r, self.view, self.s1
        named = _portfolio_name(r, view, t.te, s1)
        if named is not None:
            t.te, t.name = named[0], named[1]
            t.text = self.art.text[t.ts:t.te]
            t.pos = t.name[2]
        nm = None if named else _PAREN_GAP.match(view, t.te, s1) or _SPACE.match(view, t.te, s1)
        if not nm:
            return
        cand = r.name_at(nm.end(), s1)
        later = COMMA_TITLE.match(view, cand[2], s1) if cand else None
        if later and not r.name_at(cand[2] + later.end() + 1, s1) and \
                view[t.ts:t.te].lower().rstrip(".") in lexicon().honorifics:
            cand = None  # "Professor Dong Shijie, Vice President": the later title's
        if later and t.plural:
            cand = None  # "board members Amy Hart, President, ...": her own post follows
        if cand:
            t.name = cand
            t.pos = cand[2]
            dm = _DEGREE.match(view, t.pos, s1)
            if dm:
                t.pos = dm.end()
            om = _OF_FROM_AT.match(view, t.pos, s1)
            if om and r.org_at(om.end()):
                t.org_after, oend = r.org_at(om.end())
                t.spans.append((om.end(), oend, "org"))
                t.pos = oend

    def _record(self, t: _Title) -> None:
        """The post (and those of names that share the title, and a second post) with its organization."""
        name = t.name
        assert name is not None
        self.used_names.add(name[1])
        self.used_ends.add(name[2])
        org, explicit = self._organization(t)
        self.list_org = org  # a post at no known organization breaks the list
        self.last_end = max(name[2], t.pos)
        spans = t.spans
        spans.append((name[1], name[2], "name"))
        first_title = t.text
        cut = t.m.end() - 1 - t.ts
        if t.plural and first_title[cut:cut + 1] in ("s", "S"):
            first_title = first_title[:cut] + first_title[cut + 1:]  # each holds one post
        # "Group Senior Vice President and President of X": the group post is the parent's
        gm = _GROUP_TITLE.match(t.text)
        if gm and org is not None:
            self.posts.append(Post(name[0], gm.group(1), None, list(spans), explicit=False))
            first_title = gm.group(2)
        others = _coordinated(self.r, self.view, self.s0, self.s1, name, t.from_before, t.plural, self.used_names)
        if others and org is None and not t.from_before:
            # "Vice Presidents Chen Bo and Hu Min of Ridgeview University"
            om = _OF_FROM_AT.match(self.view, others[-1][2], self.s1)
            got = self.r.org_at(om.end()) if om else None
            if got:
                org, explicit = got[0], True
                spans.append((om.end(), got[1], "org"))
        self.posts.append(Post(name[0], first_title, org, spans, explicit=explicit))
        for other in others:
            self.used_names.add(other[1])
            self.posts.append(Post(other[0], first_title, org,
                                   [sp for sp in spans if sp[2] != "name"] + [(other[1], other[2], "name")],
                                   explicit=explicit))
        self._second_posts(t)

    def _organization(self, t: _Title) -> tuple[int | None, bool]:
        """The post's organization and whether the text names it for this post (not the list's):
        after the title, before it, the name's owner, "on behalf of", "led by", "the group's", the list's."""
        r, view, s0, s1, ts = self.r, self.view, self.s0, self.s1, t.ts
        name = t.name
        assert name is not None
        org = t.org_after if t.org_after is not None else t.org_before
        if t.org_before is not None and t.org_after is None:
            t.spans.append((r.ends[ts - t.lead][0], ts - t.lead, "org"))
        if org is None and view[name[1] - 3:name[1]] in ("'s ", "’s ") and name[1] - 3 in r.ends:
            org = r.ends[name[1] - 3][1]  # "Norland's Amy Hart, director of marketing"
        if org is None and (pm := _NAME_PAREN.match(view, name[2], s1)):
            got = r.org_at(pm.end())
            if got and view[got[1]:got[1] + 1] == ")":
                org = got[0]  # "Professor Datuk Dr Amy Hart (UniKL)": the organization in brackets
                t.spans.append((pm.end(), got[1], "org"))
        if org is None:
            # "On behalf of Wujiang District Government, Secretary Li Ming"
            ob = _ON_BEHALF.match(view, s0, ts)
            got = r.org_at(ob.end()) if ob else None
            if got and _COMMA_ONLY.fullmatch(view, got[1], ts):
                org = got[0]
        if org is None:
            # "a delegation from Kyoto University led by Professor Sato Ken"
            lm = _LED_BY.search(view, max(s0, ts - 12), ts)
            if lm:
                hit2 = r.ends.get(lm.start() - len(_TRAILING_COMMA.search(view[max(s0, lm.start() - 3):lm.start()]).group()))
                if hit2:
                    org = hit2[1]
        explicit = org is not None
        adjacent = _LIST_GAP.fullmatch(view[self.last_end:ts]) is not None or t.from_before
        # "..., vice president of the group": a post whose own "of ..." names no known
        # organization does not take the list's
        own_of = _OWN_OF.match(view, t.te, s1) is not None
        if org is None and own_of:
            org = the_one(view, t.te, s1, self.kinds)  # "vice president of the group": its one group
            explicit = org is not None
        if org is None and ts - s0 >= 8:
            org = the_one_before(view, max(s0, ts - 30), ts, self.kinds)  # "the university's President"
            explicit = org is not None
        if org is None and adjacent and self.list_org is not None and not own_of:
            # "Professor Dong Shijie, Vice President" / "ESU president Marcia WELSH, executive
            # vice president Joann BRUNO": the list's organization
            org = self.list_org
        return org, explicit

    def _second_posts(self, t: _Title) -> None:
        """A second post of the same person: "... and academician of Chinese Academy of Sciences (CAS)"."""
        r, view, s1 = self.r, self.view, self.s1
        name = t.name
        assert name is not None
        pos = t.pos
        while True:
            sm = _POST_JOIN.match(view, pos, s1)
            if not sm:
                break
            t2 = r.title_at(sm.end(), s1)
            if not t2:
                break
            t2_end = t2[1]
            ext = _EXT.match(view, t2_end, s1)  # "and Chairman of the Senate of the X"
            if ext and ext.group(1) and not r.org_at(t2_end + ext.group(0).find(ext.group(1))):
                t2_end = ext.end() - 1 - (len(ext.group(0)) - len(ext.group(0).rstrip())) + 1
                t2 = (t2[0], t2_end)
            om = _OF_AT_IN.match(view, t2[1], s1)
            got = r.org_at(om.end()) if om else None
            if not got:
                break
            nxt = _AFTER_ORG.match(view, got[1], s1)
            after = r.name_at(nxt.end(), s1)
            if after and (not nxt.group(1) or not COMMA_TITLE.match(view, after[2], s1)):
                break  # "... and Dean of X, Prof M Srinivas": the next person's post
            self.posts.append(Post(name[0], self.art.text[t2[0]:t2[1]], got[0],
                                   [(t2[0], t2[1], "title"), (name[1], name[2], "name"),
                                    (om.end(), got[1], "org")]))
            pos = got[1]
            pm = _PAREN.match(view, pos, s1)
            if pm:
                pos = pm.end()


_PORTFOLIO_OF = re.compile(r"\s+(?:of|for)\s+(?=[A-Z])")
# a word of the portfolio run; a comma inside it when a capitalized word follows ("Minister of
# Higher Education, Science and Innovation Amy Hart")
_RUN_WORD = re.compile(r"([A-Z][\w\-]*|and|&|of|for|the)(,(?=\s+[A-Z]))?(?=[\s,;.)]|$)\s*")
_MAX_PORTFOLIO_WORDS = 10


def _portfolio_name(r: Reader, view: str, te: int, s1: int) -> tuple[int, tuple[str, int, int]] | None:
    """"Minister of Foreign Affairs Amy Hart", "Commissioner for Refugees Amy Hart": (end of the
    title, the name) when the capitalized run after "of" or "for" is a portfolio then a name of two
    or three words, not a known organization."""
    om = _PORTFOLIO_OF.match(view, te, s1)
    if not om or r.org_at(om.end()) or r.covered[om.end()]:
        return None
    words: list[tuple[int, int, str]] = []
    pos = om.end()
    while len(words) < _MAX_PORTFOLIO_WORDS:
        wm = _RUN_WORD.match(view, pos, s1)
        if not wm or r.covered[pos]:
            break
        if wm.group(1) in ("and", "&") and len(words) >= 2 and all(
                w[2][0].isupper() and w[2].lower() not in _PORTFOLIO_WORDS for w in words[-2:]):
            break  # "... and Innovation Amy Hart and Kim Li": the name ends at the second "and"
        if wm.group(1).rstrip(".").lower() in _HONORIFICS:
            break  # "Vice Minister of Science and Technology, Mr Li Ming": the name's, read apart
        words.append((wm.start(1), wm.end(1), wm.group(1)))
        pos = wm.end()
        if wm.group() == wm.group(1) or wm.group(2) and wm.group(1).lower() not in _PORTFOLIO_WORDS:
            break  # a mark follows: the run ends (a comma goes on after a field only: "Education, Science")
    while words and not words[-1][2][0].isupper():
        words.pop()
    for k in (4, 3, 2):
        if len(words) <= k or any(w[2].lower() in _PORTFOLIO_WORDS for w in words[-k:]):
            continue
        # a name of three or four words only right after a portfolio word ("of State Li Ming Wei",
        # "of Medical Education Seyyed Hasan Ghazizadeh Hashemi"; "of New York Eric Adams" keeps two)
        before = words[-k - 1][2].lower()
        if k == 4 and before not in _FIELD_WORDS:
            continue  # four only after a field ("... and Reforms Makhdoom Khusro Bakhtiar" is no name)
        if before in _PORTFOLIO_WORDS or k == 2 and words[-k - 1][2][0].isupper():
            name = r.name_at(words[-k][0], words[-1][1])
            if name and name[1] == words[-k][0] and name[2] == words[-1][1]:
                return len(view[:words[-k][0]].rstrip(" \t\n,")), name
    return None


_FIELD_WORDS = lexicon().field_words | {"state"}
_PORTFOLIO_WORDS = _FIELD_WORDS | {"the", "and", "&", "of", "for"}
_HONORIFICS = lexicon().honorifics


def _coordinated(r: Reader, view: str, s0: int, s1: int, name: tuple[str, int, int], before: bool,
                 plural: bool, used: set[int]) -> list[tuple[str, int, int]]:
    """The other names that share one title: "Chen Bo and Hu Min, Vice Presidents", "Vice
    Presidents Chen Bo and Hu Min"; a singular title only for two names that open a list ("...,
    Yang Li and Ma Jun, deputy general manager")."""
    out: list[tuple[str, int, int]] = []
    if before:
        pos = name[1]
        while len(out) < (_MAX_COORDINATED if plural else 1):
            gap = _NAME_GAP_BEFORE.search(view, max(s0, pos - 8), pos)
            if not gap or not plural and "and" not in gap.group():
                break
            cand = r.name_before(gap.start(), s0)
            if cand is None or cand[2] != gap.start() or cand[1] in used:
                break
            out.append(cand)
            pos = cand[1]
        if out and not plural and not _LIST_OPEN.search(view, max(s0, pos - 12), pos):
            return []
    elif plural:
        pos = name[2]
        while len(out) < _MAX_COORDINATED:
            gap = _NAME_GAP_AFTER.match(view, pos, s1)
            cand = r.name_at(gap.end(), s1) if gap else None
            if cand is None or cand[1] in used or COMMA_TITLE.match(view, cand[2], s1):
                break
            out.append(cand)
            pos = cand[2]
    return out
