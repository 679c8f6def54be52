"""People the tagger names and the rules do not: more candidates for the people scorer.

The rules find a person only where a listed title stands next to a name their patterns read;
the tagger, trained on the gold people's names, also finds the other shapes ("Saudi Crown Prince
Mohammed bin Salman", "Minister Nishimura", 雷军董事长). On train, out-of-fold, the tagger named
59 of the 108 English and 49 of the 117 Chinese gold people the rules missed (with 40 and 27
names that are no gold person). Each such name, without what the tagger glued to it (`trimmed`:
"Affairs Nam Ho-su", 孙波率), becomes a person with the title written right beside it, if any;
the people scorer (`candidates.person_features`) then says where its post is held, and `decide`
keeps a tagged person with a post it is sure of or a title beside the name. Names listed after a
Chinese title and name (副校长朱杰、李其朋、梁荣华) are people with that title too (`listed_people`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache

from partnergraph.documents.traditional import to_simplified
from partnergraph.learn.datafiles import data_lines
from partnergraph.learn.scoring import norm_person
from partnergraph.models import Organization, Person, Span

TAGGED_STAGE = "tagger"
_WINDOW = 90  # characters before an English name where its title may start
_ZH_WINDOW = 14
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:[·・•][\u4e00-\u9fff]{1,8}){1,3}")
_EN_LETTER = re.compile(r"[A-Za-z]")


# words that end the phrase between a name and a title after it ("Amy Hart, who met the President")
_NOT_BEFORE_TITLE = r"(?:who|which|that|and|or|but|with|said|says|met|meets|to|of|for|in|at|on|by|from|as|was|is|has|had|will|when|while)\b"


@lru_cache(maxsize=1)
def _en_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from partnergraph.extraction.rules.english.lexicon import honorific_pattern, title_pattern

    # the rules' titles and those read beside a tagged name only (en_person_titles.txt)
    extra = "|".join(re.escape(t).replace("\\ ", r"\s+") for t in
                     sorted(data_lines("en_person_titles.txt"), key=len, reverse=True))
    titles = "(?:" + title_pattern() + r"|(?:" + extra + r")\b)"
    title = re.compile(r"(?<![\w-])" + titles, re.IGNORECASE)
    # what may stand between a title and the name after it: a portfolio ("Minister of Trade and
    # Industry", "secretary for economic affairs", "adviser to chief minister on health,"), then
    # honorifics and a comma; read whole (fullmatch up to the name), each part bounded
    honorifics = r"[ \t]*,?[ \t]*(?:" + honorific_pattern() + r"[ \t]+){0,4}"
    gap = re.compile(honorifics, re.IGNORECASE)
    portfolio = re.compile(r"[ \t]+(?:of|for|to|on|in)[ \t][^\n,.;:!?()\"“”]{1,60}" + honorifics, re.IGNORECASE)
    # a title after the name: after a comma, an article and up to three words ("Amy Hart, the
    # country's Ambassador", "Amy Hart, a 10-year-old student", "Amy Hart, U.K. technology
    # secretary"), or a capitalised title right after the name ("Dr. Amy Hart Minister of Health")
    after = re.compile(r"[ \t]*,[ \t]*(?:the[ \t]+|an?[ \t]+)?(?:(?!" + _NOT_BEFORE_TITLE + r")[\w.'’-]{1,20}[ \t]+){0,3}?"
                       + titles + r"|[ \t]+(?=(?-i:[A-Z]))" + titles, re.IGNORECASE)
    return title, gap, portfolio, after


def _zh_title_re() -> re.Pattern[str]:
    from partnergraph.extraction.rules.chinese.lexicon import lexicon

    return lexicon().post_re


def title_near(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The span of the title written right before the name at [start, end) ("Crown Prince
    Mohammed bin Salman", "校长张明") or right after it ("Amy Hart, Dean", "张明校长")."""
    if lang == "zh":
        # read in Simplified characters, as the rules read titles (校長 is 校长), offsets kept
        lo = max(0, start - _ZH_WINDOW)
        view = to_simplified(text[lo:end + _ZH_WINDOW])
        title_re = _zh_title_re()
        m = title_re.match(view, end - lo)
        if m:
            return m.start() + lo, m.end() + lo
        best = None
        for m in title_re.finditer(view, 0, start - lo):
            if m.end() == start - lo:
                best = m.start() + lo, m.end() + lo
        return best
    title, gap, portfolio, after = _en_patterns()
    held = None
    for m in title.finditer(text, max(0, start - _WINDOW), start):
        if gap.fullmatch(text, m.end(), start):
            return m.span()  # the first: "Vice-Rector Prof. Amy Hart" is a vice-rector's name
        if portfolio.fullmatch(text, m.end(), start):
            held = m.span()  # the last with a portfolio ("the Minister of Trade and Industry Amy Hart")
    if held is not None:
        return held
    m = after.match(text, end)
    if m:
        t = title.search(text, m.start(), m.end())
        return t.span() if t else None
    return None


# the word right before a name, read in a bounded window ("Prof. Amy Hart", "H.E Amy Hart")
_WORD_BEFORE = re.compile(r"(?:^|\s)(\S{1,12})\s+$")


def name_features(text: str, p: Person, lang: str, lower: frozenset[str] = frozenset()) -> dict[str, float]:
    """What a tagged name looks like: an organization's head word or a place in it ("Kars
    Railway", "NS India": the tagger's slips), a word of a title in it ("Interim Vice-Chancellor",
    "Affairs Nam Ho-su"), a word the document also writes in lower case (`lower`: "Digital
    Sovereignty", "Mechanical Automation" are common words capitalised), capitals only, an
    honorific before it, a surname."""
    from partnergraph.learn.tagger import name_lexicon, word_tokens

    name = next((s for s in p.evidence if s.field == "name"), None)
    f: dict[str, float] = {}
    if lang == "zh":
        from partnergraph.extraction.rules.chinese.lexicon import lexicon

        lex = lexicon()
        name = to_simplified(p.name)  # the surnames are listed in Simplified characters (劉 is 刘)
        f["tagged|surname=" + ("yes" if name[:1] in lex.surnames1 or name[:2] in lex.surnames2 else "no")] = 1.0
        if any(c in p.name for c in "·・•"):
            f["tagged|foreign"] = 1.0
        return f
    words = p.name.split()
    lex = name_lexicon("en")
    if any(w.lower() in lex.heads for w in words):
        f["tagged|head_word"] = 1.0
    if any(w in lex.place_firsts for w in words):
        f["tagged|place_word"] = 1.0
    if any(w.lower() in lex.title_words for w in word_tokens(p.name) if len(w) > 2):
        f["tagged|title_word"] = 1.0
    if any(w.lower() in lower for w in words):
        f["tagged|lower_in_doc"] = 1.0
    if p.name.isupper():
        f["tagged|caps"] = 1.0
    before = _WORD_BEFORE.search(text, max(0, name.start - 16), name.start) if name is not None else None
    if before is not None and before.group(1).rstrip(".").lower() in lex.honorifics:
        f["tagged|honorific_before"] = 1.0
    return f


def _plausible(name: str, lang: str) -> bool:
    if lang == "zh":
        return _HAN_NAME.fullmatch(name) is not None or (_EN_LETTER.search(name) is not None and " " in name)
    return _EN_LETTER.search(name) is not None and name[:1].isupper() and len(name) >= 3


_EN_LEADING_WORD = re.compile(r"(\S{1,40})\s+")
# initials written together, then the family name the tagger left out ("D.J." + " Koh")
_EN_INITIALS_NAME = re.compile(r"[A-Z]\.(?:[A-Z]\.){1,4}()[ \t][A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?=[^\w-])")
# characters the tagger glues to a Chinese name: a conjunction before it (及田弘茂), a verb or the
# first character of a title after it (孙波率, 張榮稱, 王巍副院长); 为 and the like end real names
_ZH_GLUED_BEFORE = frozenset("及与與和同")
_ZH_GLUED_AFTER = frozenset("副率称稱等说說")


def trimmed(text: str, start: int, end: int, lang: str, lower: frozenset[str] = frozenset()) -> tuple[int, int]:
    """A tagged name's span without what the tagger glued to it: leading title words, honorifics
    and words the document writes in lower case while two words are left ("Affairs Nam Ho-su",
    "Innovation Kongratbay Sharipov"); in Chinese a conjunction before a surname and a verb or a
    title's first character after the name."""
    if lang == "zh":
        from partnergraph.extraction.rules.chinese.lexicon import lexicon

        lex = lexicon()
        after = to_simplified(text[start + 1:start + 3])
        if end - start >= 3 and text[start] in _ZH_GLUED_BEFORE and (
                after[:1] in lex.surnames1 or after in lex.surnames2):
            start += 1
        if end - start >= 3 and text[end - 1] in _ZH_GLUED_AFTER:
            end -= 1
        return start, end
    from partnergraph.learn.tagger import name_lexicon

    lex = name_lexicon("en")
    left = len(text[start:end].split())
    while left > 2:
        m = _EN_LEADING_WORD.match(text, start, end)
        word = m.group(1).rstrip(".").lower() if m else ""
        if not m or not (word in lex.title_words or word in lex.honorifics or word in lower):
            break
        start, left = m.end(), left - 1
    return start, end


def tagged_people(text: str, people: list[Person], tagged: list[tuple[int, int, str]],
                  org_spans: list[tuple[int, int]], lang: str, lower: frozenset[str] = frozenset()) -> list[Person]:
    """A person for the first mention of each name the tagger labels PER that the rules have not
    (nor a longer or shorter form of it) and that is no organization's mention. `lower`: the
    words the document writes in lower case (`tagger.lower_words`), cut from a name's start."""
    known = [norm_person(p.name) for p in people]
    known = [k for k in known if k]
    seen: set[str] = set()
    out: list[Person] = []
    for s, e, label in tagged:
        if label != "PER":
            continue
        s, e = trimmed(text, s, e, lang, lower)
        if lang != "zh" and (m := _EN_INITIALS_NAME.match(text, s)) is not None and m.start(1) == e:
            e = m.end()  # "D.J." of "D.J. Koh": the tagger's tokens end at the initials
        name = text[s:e].strip()
        key = norm_person(name)
        if not key or key in seen or not _plausible(name, lang):
            continue
        if any(key in k or k in key for k in known) or any(
                a < e and s < b and not (lang != "zh" and _word_of_name(text, s, e, a, b)) for a, b in org_spans):
            continue
        seen.add(key)
        evidence = [Span(start=s, end=e, field="name")]
        title = title_near(text, s, e, lang)
        if title is not None:
            evidence.insert(0, Span(start=title[0], end=title[1], field="title"))
        out.append(Person(name=name, title=text[title[0]:title[1]] if title else None, org=None,
                          evidence=evidence, confidence=0.0, stage=TAGGED_STAGE))
    if lang == "zh":
        out = listed_people(text, people, out, set(known))
    return out


def _word_of_name(text: str, s: int, e: int, a: int, b: int) -> bool:
    """An English organization's mention at [a, b) is one word of the longer name at [s, e): a
    family name written alone elsewhere and taken for an organization ("Yoon said", "Bhat
    signed"), which leaves the full name ("President Yoon Suk Yeol") a person's."""
    return s <= a and b <= e and (a, b) != (s, e) and " " not in text[a:b] \
        and (a == s or text[a - 1] == " ") and (b == e or text[b] == " ")


# one more name of a list after a title and a name: 、 then a surname and one to three characters,
# ending at a list mark, a comma or 等 (副校长朱杰、李其朋、梁荣华等出席)
_ZH_LISTED = re.compile(r"、([\u4e00-\u9fff]{2,4})(?=[、，,；;等和及与])")
_MAX_LISTED = 8


def listed_people(text: str, people: list[Person], tagged: list[Person], known: set[str]) -> list[Person]:
    """`tagged` (the tagger's new people) with the names listed after a Chinese person whose
    title is written right before their name (副校长朱杰、李其朋、梁荣华): each a person with
    that title, as the rules read the first; a tagged one without a title takes it. A listed
    name must open with a surname and hold no character of a title. `known`: the rules' names."""
    from partnergraph.extraction.rules.chinese.lexicon import lexicon

    lex = lexicon()
    out = list(tagged)
    at_key = {norm_person(p.name): k for k, p in enumerate(out)}
    for p in [*people, *tagged]:
        title = next((s for s in p.evidence if s.field == "title"), None)
        name = next((s for s in p.evidence if s.field == "name"), None)
        if title is None or name is None or title.end != name.start:
            continue
        at = name.end
        for _ in range(_MAX_LISTED):
            m = _ZH_LISTED.match(text, at)
            if m is None:
                break
            cand = m.group(1)
            simple = to_simplified(cand)
            if not (simple[:1] in lex.surnames1 or simple[:2] in lex.surnames2) or lex.post_re.search(simple):
                break
            at = m.end()
            key = norm_person(cand)
            if key in known:
                continue
            known.add(key)
            person = Person(name=cand, title=p.title, org=None, confidence=0.0, stage=TAGGED_STAGE,
                            evidence=[Span(start=title.start, end=title.end, field="title"),
                                      Span(start=m.start(1), end=m.end(1), field="name")])
            k = at_key.get(key)
            if k is None:
                out.append(person)
            elif out[k].title is None:
                out[k] = person
    return out


# ---- the place a title names ----------------------------------------------------------------
# A head of state or government is recorded at the country ("Chilean President Rosa Tell":
# Chile), a county's head at the county (县长 beside 屏南县委: 屏南县), a place no candidate may
# be: the people scorer weighs it as a post of its own (candidates.Context.post_places).

POST_PLACE_STAGE = "post_place"
_EN_BEFORE = 60  # characters before an English title read for a place
_EN_RUN = re.compile(r"\S+")
_POSSESSIVE = ("'s", "’s")
_MAX_SKIPPED = 2  # portfolio words between the place and the title ("Japanese industry minister")
_MAX_PLACE_WORDS = 3
# capitalised words of a portfolio that may stand between a place and its title ("Indian Home
# Minister"); a lower-case word may too, any other capitalised word is part of another name
_PORTFOLIOS = frozenset({
    "foreign", "home", "finance", "trade", "energy", "industry", "industries", "defence", "defense",
    "health", "education", "interior", "economy", "agriculture", "information", "external", "affairs",
    "commerce", "transport", "justice", "labour", "labor", "environment", "tourism", "culture", "science",
    "technology", "petroleum", "mines", "water", "power", "oil", "investment", "planning", "development"})
# a Chinese post headed at a place (县长 at a 县, 市长 at a 市) and the place's suffixes
_ZH_PLACE_POSTS = frozenset({"县长", "市长", "区长", "州长", "省长", "镇长", "乡长", "旗长"})


def place_before_title(text: str, start: int) -> tuple[str, int, int] | None:
    """The country or place an English title at `start` is held at, written right before it:
    a country's adjective ("Chilean President" -> Chile, "South Korean President"), or a place's
    name, maybe possessive ("India's Home Minister", "China President", "EU Commissioner"), with
    at most two portfolio or lower-case words between ("Japanese industry minister"). Its name
    and span; None when another capitalised word joins it to a longer name ("Kenya Airways CEO")."""
    from partnergraph.learn.places import _EN_OPENERS, place_named

    lo = max(0, start - _EN_BEFORE)
    runs = [(m.start(), m.end()) for m in _EN_RUN.finditer(text, lo, start)]
    if runs and lo > 0 and runs[0][0] == lo and not text[lo - 1].isspace():
        runs = runs[1:]  # a word cut by the window
    # the words joined to each other and to the title by a space or two on one line
    keep, nxt = len(runs), start
    for j in range(len(runs) - 1, -1, -1):
        gap = text[runs[j][1]:nxt]
        if not gap or gap.strip(" ") or len(gap) > 2:
            break
        keep, nxt = j, runs[j][0]
    runs = runs[keep:]
    words = [text[s:e] for s, e in runs]
    for skip in range(min(_MAX_SKIPPED, len(words)) + 1):
        end = len(words) - skip
        if skip and not _portfolio(words[end]):
            break
        for n in range(min(_MAX_PLACE_WORDS, end), 0, -1):
            part = list(words[end - n:end])
            last = part[-1]
            if last.endswith(_POSSESSIVE):
                part[-1] = last[:-2]
            if any(not w or not w[0].isupper() or w[-1] in ",;:" for w in part):
                continue
            name = place_named(" ".join(part))
            if name is None:
                continue
            if end - n > 0:
                before = words[end - n - 1]
                if before[0].isupper() and before not in _EN_OPENERS and before[-1] not in ".,;:!?\"”":
                    return None  # part of a longer name
            return name, runs[end - n][0], runs[end - 1][1]
    return None


def _portfolio(word: str) -> bool:
    """A word that may stand between a place and its title: lower case or a portfolio's."""
    plain = word.replace("-", "")
    return plain.isalpha() and (plain.islower() or plain.lower() in _PORTFOLIOS)


def zh_place_posts(title: str | None) -> set[str]:
    """The suffixes of the places a Chinese title's posts are held at: 县 of 副县长, 市 of 常务副市长."""
    from partnergraph.learn.posts import title_heads

    return {h[0] for h in title_heads(title, "zh") if h in _ZH_PLACE_POSTS}


def zh_committee_place(name: str) -> str | None:
    """The place of a Party committee's name (屏南县委 -> 屏南县, 中共宿州市委 -> 宿州市, 呼兰区区委
    -> 呼兰区), in Simplified characters; None for another name or a bare 市委."""
    n = to_simplified(name)
    n = n[2:] if n.startswith("中共") else n
    if not n.endswith("委"):
        return None
    place = n[:-1]
    if len(place) >= 3 and place[-1] == place[-2]:
        place = place[:-1]
    return place if len(place) >= 2 and place[-1] in "县市区州省镇乡旗" else None


# ---- an organization in brackets after a name -----------------------------------------------
# "Professor Amy Hart (HU), Professor Ivo Lind (SCT)": each name followed by the short form of
# the organization the person represents, written in brackets after its full name earlier on

_BRACKET_AFTER_NAME = re.compile(r"[ \t]?\(([^()\n]{2,40})\)")
# between a name and its short form in brackets ("Harlow University (HU)", "Harlow University's (HU)")
_BRACKET_OPEN = re.compile(r"(?:['\u2019]s)?[ \t]?\([ \t]?")


def bracketed_org(text: str, person: Person, orgs: list[Organization]) -> int | None:
    """The organization named in brackets right after an English person's name ("Amy Hart
    (HU)"): the one whose full name the same form follows in brackets ("Harlow University (HU)"),
    else the one with that name or alias; None when none or several fit."""
    name = next((s for s in person.evidence if s.field == "name"), None)
    m = _BRACKET_AFTER_NAME.match(text, name.end) if name is not None else None
    if m is None:
        return None
    form = m.group(1).strip()
    full = [i for i, o in enumerate(orgs) if _short_form_after(text, o, form)]
    if full:
        return full[0] if len(full) == 1 else None
    named = [i for i, o in enumerate(orgs) if form == o.name or form in o.aliases]
    return named[0] if len(named) == 1 else None


def _short_form_after(text: str, o: Organization, form: str) -> bool:
    """`form` stands in brackets right after one of `o`'s mentions, whole ("Harlow University (HU)")."""
    for sp in o.evidence:
        if sp.field in ("name", "alias") and sp.end - sp.start > len(form):
            m = _BRACKET_OPEN.match(text, sp.end)
            if m is not None and text.startswith(form, m.end()):
                after = text[m.end() + len(form):m.end() + len(form) + 1]
                if not after or not (after.isalnum() or after in "-_"):
                    return True
    return False


# ---- an organization's short name in the possessive before a title ---------------------------
# "Aramco's chief executive officer, Amin Nasser" where the article names "Saudi Aramco" and the
# tagger did not read the short form as a mention of it

_EN_POSSESSOR = re.compile(r"([A-Z][\w&.-]{0,30}(?:[ \t]+[A-Z][\w&.-]{0,30}){0,3})['\u2019]s[ \t]+\Z")
_POSSESSOR_WINDOW = 80


def possessive_org(text: str, person: Person, orgs: list[Organization],
                   mention_ends: Container[int] = ()) -> int | None:
    """The organization whose name a possessive right before an English person's title ends with
    ("Aramco's chief executive officer" for Saudi Aramco; "Research in Motion's co-chief" for
    Research in Motion), when that possessive is no organization's mention (`mention_ends`: where
    mentions end) and names no place; None when none or several organizations fit."""
    from partnergraph.learn.places import place_named

    title = next((s for s in person.evidence if s.field == "title"), None)
    if title is None:
        return None
    m = _EN_POSSESSOR.search(text, max(0, title.start - _POSSESSOR_WINDOW), title.start)
    if m is None or m.end(1) in mention_ends:
        return None
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        form = " ".join(words[-n:])
        if place_named(form) is not None:
            return None
        fits = [i for i, o in enumerate(orgs) if form == o.name or form in o.aliases
                or (o.name.endswith(" " + form) and len(o.name) > len(form))]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None


# ---- a Chinese title opened by the organization's word for itself ----------------------------
# "校党委书记洪庆华", "该院党组书记、检察长白鹤", "集团公司党委书记、董事长霍高原": the post is at
# the organization the article is about (or the one just named), which no mention before the title
# names. A person listed right after such a one holds a post there too ("院党委书记杨建文,副院长白锋").

# the words, longest first, each with the organization head characters it stands for
_ZH_SELF_WORDS = (("集团公司", "团司"), ("该集团", "团"), ("本集团", "团"), ("该公司", "司"), ("本公司", "司"),
                  ("学校", "学校院"), ("我校", "学校院"), ("该校", "学校院"), ("本校", "学校院"),
                  ("我院", "院"), ("该院", "院"), ("本院", "院"), ("集团", "团"), ("公司", "司"),
                  ("校", "学校院"), ("院", "院"))
# what may stand before the word: the start of a line or a clause, a list mark
_ZH_SELF_OPEN = frozenset("\n，,、；;。：:（(　 ")
_ZH_LIST_MARK = re.compile(r"[ \t　]*[，,、；;][ \t　]*")


def zh_self_word(text: str, title_start: int) -> str | None:
    """The organization's word for itself written right before a Chinese title (校 of
    "，校党委书记"), opening a clause or a list item; None when there is none."""
    lead = to_simplified(text[max(0, title_start - 5):title_start])
    for word, _ in _ZH_SELF_WORDS:
        if lead.endswith(word):
            at = title_start - len(word)
            if at == 0 or text[at - 1] in _ZH_SELF_OPEN:
                return word
    return None


def zh_self_heads(word: str) -> str:
    """The organization head characters (posts.org_head) a word for itself stands for: 学校院 of 校."""
    return next(h for w, h in _ZH_SELF_WORDS if w == word)


def zh_self_leads(text: str, people: list[Person]) -> dict[int, str]:
    """Person index -> the word for itself that opens their title (`zh_self_word`), or that opens
    the title of the person listed right before them, their name and this title parted by a list
    mark only ("院党委书记杨建文,副院长白锋": 院 for both)."""
    spans = []
    for k, p in enumerate(people):
        title = next((s for s in p.evidence if s.field == "title"), None)
        name = next((s for s in p.evidence if s.field == "name"), None)
        if title is not None and name is not None and title.end <= name.start:
            spans.append((title.start, name.end, k))
    spans.sort()
    out: dict[int, str] = {}
    prev: tuple[int, str] | None = None  # (where the last listed name ends, its word)
    for start, end, k in spans:
        word = zh_self_word(text, start)
        if word is None and prev is not None and prev[0] <= start and _ZH_LIST_MARK.fullmatch(text, prev[0], start):
            word = prev[1]
        if word is not None:
            out[k] = word
        prev = (end, word) if word is not None else None
    return out
