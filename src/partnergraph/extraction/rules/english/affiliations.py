"""People found from around an organization's mention rather than from a title: "Amy Hart of
X", "X's Amy Hart", "on behalf of X, Amy Hart", "Dr. Amy Hart of X", members of "the X
delegation", posts listed in "X (President: Amy Hart)", and a bare "X Title" later in the text
that gives an open post its organization (GUIDELINES: a title or an affiliation makes a person).
Run by `people.extract_people` after its title-anchored reader, on the same `posts.Reader`.
"""

from __future__ import annotations

import re

from partnergraph.extraction.rules.english.lexicon import lexicon, title_pattern
from partnergraph.extraction.rules.english.posts import COMMA_TITLE, Post, Reader
from partnergraph.extraction.rules.english.text import Article

_COMMA = re.compile(r"\s*,\s*")
_OF_FROM_AT = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?")


def add_affiliations(r: Reader, art: Article, mentions: list[tuple[int, int, int]], posts: list[Post]) -> None:
    """Adds to `posts` (the title-anchored ones) the people each pass finds, in this order, and
    gives open posts the organization a later "ORG Title" names."""
    posts += _affiliated(r, art, {p.name for p in posts})
    posts += _paren_posts(r, mentions)
    posts += _plain_affiliated(r, art, mentions, {p.name for p in posts})
    posts += _delegation_members(r, mentions, posts)
    _titles_referred(r, art, mentions, posts)


# "Amy Hart signed the agreement on behalf of X": the signer's side (a clause of a few words)
_ON_BEHALF_AFTER = re.compile(r"\s+(?:signed|inked|spoke|initialled|initialed)\b[^,;.()]{0,60}?\s+on\s+behalf\s+of\s+"
                              r"(?:the\s+)?$")
# "The X delegation included A, B and C", "a delegation from X, including A and B"
_DELEGATION_AFTER = re.compile(r"\s+(?:delegation|delegates|team)\s+(?:included|includes|including|comprised|"
                               r"comprising|consisted\s+of|consisting\s+of|was\s+composed\s+of|:)\s+")
_DELEGATION_BEFORE = re.compile(r"\bdelegation\s+(?:from|of)\s+(?:the\s+)?$")
_INCLUDING_AFTER = re.compile(r"\s*(?:,\s*|\s+)(?:including|comprising|consisting\s+of|which\s+included|:)\s+")
_TITLE_END = re.compile(r"(?<=\w)(?=\s*(?:,|\band\b))")  # the next comma or "and" after the title
_NAME_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_MAX_MEMBERS = 12


def _delegation_members(r: Reader, mentions: list[tuple[int, int, int]], posts: list[Post]) -> list[Post]:
    """"The Westbrook University delegation included Amy Hart, Tom Reyes and Li Ming": each named
    member is affiliated with the delegation's organization; a member whose title follows
    ("Amy Hart, Vice President, and ...") holds that post at it when the title left it open."""
    view = r.view
    known = {p.name for p in posts}
    open_posts = {p.name: p for p in posts if p.org is None}
    out: list[Post] = []
    for s, e, idx in mentions:
        m = _DELEGATION_AFTER.match(view, e)
        if m is None and _DELEGATION_BEFORE.search(view, max(0, s - 20), s):
            m = _INCLUDING_AFTER.match(view, e)
        if m is None:
            continue
        pos, members = m.end(), 0
        while members < _MAX_MEMBERS:
            name = r.name_at(pos, min(len(view), pos + 60))
            if name is None:
                break
            members += 1
            after = name[2]
            tm = COMMA_TITLE.match(view, name[2])
            if tm:
                # "Amy Hart, Vice President, and ...": her post is read by the title; it is at X
                held = open_posts.get(name[0])
                if held is not None and held.org is None:
                    held.org, held.explicit = idx, True
                    held.spans.append((s, e, "org"))
                cut = _TITLE_END.search(view, tm.end(), min(len(view), tm.end() + 80))
                if cut is None:
                    break
                after = cut.start()
            elif name[0] not in known:
                known.add(name[0])
                out.append(Post(name[0], None, idx, [(name[1], name[2], "name"), (s, e, "org")]))
            sep = _NAME_SEP.match(view, after)
            if sep is None:
                break
            pos = sep.end()
    return out


_ON_BEHALF_BEFORE = re.compile(r"\b[Oo]n\s+behalf\s+of\s+(?:the\s+)?$")
# "Amy Hart of Westbrook University", "Amy Hart, from X", "Amy Hart (X)": the words before a mention
_AFFIL_BEFORE = re.compile(r"(?:,?\s+(?:of|from)\s+(?:the\s+)?|\s*\(\s*(?:the\s+)?)$")
_TITLE_WORD_BEFORE = re.compile(r"(?:" + title_pattern() + r")\s+(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?$", re.IGNORECASE)
_AFFIL_OWNER = re.compile(r"['’]s\s+")
_MAX_AFFILIATED = 100
_VENUES = lexicon().venues - {"Park", "Hall"}


def _plain_affiliated(r: Reader, art: Article, mentions: list[tuple[int, int, int]], known: set[str]) -> list[Post]:
    """"Amy Hart of Westbrook University said", "Westbrook University's Amy Hart": a named person
    with an affiliation and no title (GUIDELINES: a title or an affiliation makes a person)."""
    view = r.view
    out: list[Post] = []
    for s, e, idx in mentions:
        if len(out) >= _MAX_AFFILIATED:
            break
        name = None
        gm = _AFFIL_BEFORE.search(view, max(0, s - 12), s)
        bm = _ON_BEHALF_AFTER.search(view, max(0, s - 90), s) if view.startswith("behalf of", max(0, s - 14)) \
            or view.startswith("behalf of", max(0, s - 10)) else None
        if bm:
            name = r.name_before(bm.start(), max(0, bm.start() - 60))
            if name and (name[2] != bm.start() or _TITLE_WORD_BEFORE.search(view, max(0, name[1] - 30), name[1])):
                name = None
        elif _ON_BEHALF_BEFORE.search(view, max(0, s - 15), s) and _COMMA.match(view, e):
            # "On behalf of Westbrook University, Amy Hart signed"
            name = r.name_at(_COMMA.match(view, e).end(), min(len(view), e + 70))
            if name and COMMA_TITLE.match(view, name[2]):
                name = None
        elif gm and (not gm.group().lstrip().startswith("(") or view.startswith(")", e)):
            name = r.name_before(gm.start(), max(0, gm.start() - 60))
            if name and (name[2] != gm.start() or _TITLE_WORD_BEFORE.search(view, max(0, name[1] - 30), name[1])):
                name = None  # "Vice President Amy Hart of X": the title's post, read already
        else:
            om = _AFFIL_OWNER.match(view, e)
            if om:
                name = r.name_at(om.end(), min(len(view), om.end() + 60))
                if name and COMMA_TITLE.match(view, name[2]):
                    name = None  # "X's Amy Hart, director of marketing": the title's post
        if name is None or name[0] in known or name[0].split()[-1] in _VENUES:
            continue  # "Future Campus of X": a place ("Sun-Kyu Park of X" is a name)
        known.add(name[0])
        out.append(Post(name[0], None, idx, [(name[1], name[2], "name"), (s, e, "org")]))
    return out


_OPEN_PAREN = re.compile(r"\s*\(\s*")
_COLON = re.compile(r"\s*:\s*")
_NEXT_ENTRY = re.compile(r"\s*[,;/]\s*")
# "Han, Ji-Woo": family name, comma, given name (Korean and Japanese releases)
_FAMILY_COMMA_GIVEN = re.compile(r"([A-Z][a-z]{1,12}),\s+([A-Z][a-z]{1,12}(?:[\- ][A-Za-z][a-z]{1,12})?)(?=\s*[,;)])")
_MAX_PAREN = 160


def _paren_posts(r: Reader, mentions: list[tuple[int, int, int]]) -> list[Post]:
    """"Westbrook Foundation (President: Han, Ji-Woo, Director: Amy Hart)": posts listed in
    parentheses after the organization's name."""
    view = r.view
    out: list[Post] = []
    for s, e, idx in mentions:
        pm = _OPEN_PAREN.match(view, e)
        if not pm:
            continue
        close = view.find(")", pm.end(), pm.end() + _MAX_PAREN)
        pos = pm.end()
        while 0 <= pos < close:
            t = r.title_at(pos, close)
            cm = _COLON.match(view, t[1], close) if t else None
            if cm is None:
                break
            fm = _FAMILY_COMMA_GIVEN.match(view, cm.end(), close + 1)
            if fm:
                name = (f"{fm.group(1)} {fm.group(2)}", fm.start(), fm.end())
            else:
                name = r.name_at(cm.end(), close)
            if name is None:
                break
            out.append(Post(name[0], view[t[0]:t[1]], idx,
                            [(t[0], t[1], "title"), (s, e, "org"), (name[1], name[2], "name")]))
            nm = _NEXT_ENTRY.match(view, name[2], close)
            pos = nm.end() if nm else -1
    return out


_TITLE_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z\-]{1,7})\)")
_MAX_OPEN_POSTS = 50


def _titles_referred(r: Reader, art: Article, mentions: list[tuple[int, int, int]], posts: list[Post]) -> None:
    """"Vice-Chancellor (VC) Prof Amy Hart signed ... The DU VC thanked": a post the text left open
    takes the organization a later bare "ORG Title" names, when that title is one open post's
    and every bare use names the same organization."""
    honorifics = lexicon().honorifics
    forms: dict[str, list[tuple[Post, int]]] = {}   # title form -> (post, where its title ends)
    for p in posts[:_MAX_OPEN_POSTS]:
        span = next(((a, b) for a, b, f in p.spans if f == "title"), None)
        if p.org is not None or span is None or p.title is None or p.title.lower().rstrip(".") in honorifics:
            continue
        forms.setdefault(" ".join(r.view[span[0]:span[1]].lower().split()), []).append((p, span[1]))
        am = _TITLE_ACRONYM.match(r.view, span[1])
        if am:
            forms.setdefault(am.group(1), []).append((p, span[1]))
    if not forms:
        return
    view, low = r.view, art.low
    named: dict[str, set[int]] = {}
    for _, e, idx in mentions:
        at = e + 2 if view.startswith(("'s", "’s"), e) else e
        if at >= len(view) or view[at] != " ":
            continue
        for form in forms:
            hay = view if form.isupper() else low
            end = at + 1 + len(form)
            if not hay.startswith(form, at + 1) or end < len(view) and (view[end].isalnum() or view[end] == "-"):
                continue
            if r.name_at(end + 1, min(len(view), end + 60)) is not None:
                continue  # "Westbrook President Tom Reyes": a post of its own
            named.setdefault(form, set()).update(
                {idx} if all(e > title_end for _, title_end in forms[form]) else set())
    for form, orgs in named.items():
        holders = {id(p) for p, _ in forms[form]}
        if len(orgs) == 1 and len(holders) == 1:
            p = forms[form][0][0]
            if p.org is None:
                p.org, p.explicit = next(iter(orgs)), True


# \b(?:Mr|Ms|Mrs|Dr|Prof|Professor)\.?\s+ written to open with a letter (the word start checked
# after it), so the engine skips to the next M, D or P: same matches, 4x faster over a sentence.
_HONORED_OF = re.compile(r"(?:M(?<!\wM)(?:r|s|rs)|D(?<!\wD)r|P(?<!\wP)(?:rof|rofessor))\.?\s+")


def _affiliated(r: Reader, art: Article, known: set[str]) -> list[Post]:
    """"Dr. Jane Hart of Westbrook University": a named person with an affiliation and no title."""
    out = []
    for sent in art.sentences:
        for m in _HONORED_OF.finditer(art.view, sent.start, sent.end):
            name = r.name_at(m.start(), sent.end)
            if not name or name[0] in known:
                continue
            om = _OF_FROM_AT.match(art.view, name[2], sent.end)
            got = r.org_at(om.end()) if om else None
            if got:
                known.add(name[0])
                out.append(Post(name[0], None, got[0], [(name[1], name[2], "name"), (om.end(), got[1], "org")]))
    return out
