"""Organizations with no head noun, accepted only in an organization's slot.

"Aramco", "LGES", "German U15" carry no head noun; they count as organizations where only an
organization can stand: before a title ("CASC Chairman Wu"), after "Title of" ("Vice President
of LGES"), as parties of a signing or a visit ("Aramco, Sinopec and SABIC signed", "an
agreement with JMC"), in a list of known organizations, or before "delegation". A name written
after a title or before ", Title" is a person and never qualifies.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import compress
from operator import itemgetter

import ahocorasick

from partnergraph.extraction.rules.english.events import _RELATED
from partnergraph.extraction.rules.english.lexicon import (
    lexicon,
    title_pattern,
    title_starts,
)
from partnergraph.extraction.rules.english.names import _base
from partnergraph.extraction.rules.english.orgtable import (
    _ACRONYM,
    _MAX_ORGS,
    _MAX_SENTENCE,
    OrgTable,
    _acronym_of,
    _word_edges,
    locate,
    word_uses,
)
from partnergraph.extraction.rules.english.text import Article

# Small patterns used inside loops, compiled once.
# "KCCI", "NTU", "LG": letters only, all capitals (a bare name in a party slot); no head word
# tells its kind
_BARE_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}")
_DIGIT_OR_CAPS = re.compile(r"\d|\b[A-Z]{2,}\b")
_LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b)")
_BETWEEN_END = re.compile(r"\bbetween\s+(?:the\s+)?$")
# phrases with an "and" inside that no list splits: "Belt" is no party of the Belt and Road Initiative
_FIXED_PHRASE = re.compile(r"Belt (?:and|And|&) Road")
_LIST_SPLIT = re.compile(r"(\s*,\s*|\s+(?:and|&)\s+)")
_LIST_SEP = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
_LEADING_THE = re.compile(r"^the\s+")
_NAME_HEAD = re.compile(r"[^\s]+(?:\s+[A-Z0-9][\w&\-]*)*")
_LISTED_BEFORE = re.compile(r"(\s*\([^()]{1,20}\))?\s*,\s*(?:and\s+)?$")
_NAME_BEFORE = re.compile(r"[A-Z][\w&.\-' ]{1,80}$")

_NAME = r"[A-Z][\w&\-.]*(?:\s+[A-Z0-9][\w&\-.]*){0,3}"
_GROUP = re.compile(
    rf"(?<![\w-])({_NAME}(?:\s*,\s*(?:the\s+)?{_NAME}){{0,6}}\s*,?\s*(?:and|&)\s+(?:the\s+)?{_NAME})"
)
# What every _GROUP match ends with ("and" or "&", then a capitalized name): a sentence without
# it is not scanned for groups (the group scan tries every capitalized word): 0.096 -> 0.073 ms.
_AND_NAME = re.compile(r"(?:and|&)\s+(?:the\s+)?[A-Z]")
_GROUP_VERB = re.compile(
    r"(?:'s)?\s+(?:(?:have|has|had|jointly|officially|formally|today|recently|also|successfully|finally)\s+){0,2}"
    r"(?:signed|sign|signs|inked|inks|met|meet|visited|agreed|agree|launched|launch|established|set\s+up|entered|"
    r"reached|formed|teamed|partnered|sealed|renewed|concluded|co-founded|founded|jointly|"
    r"(?:will\s+|to\s+|have\s+|has\s+|had\s+)?(?:collaborat|cooperat|co-operat|partner)(?:e|es|ed|ing|s)?|"
    r"(?:will\s+|to\s+)?(?:team|teams|teamed|join|joined|joins)\s+(?:up|forces|hands)|"
    r"(?:(?:announced|announce|announces)(?:\s+that)?|formed|forged|struck)\s+(?:a|an|the|their)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:partnership|collaboration|joint\s+venture|alliance|agreement|deal|consortium))\b"
)
_WITH = re.compile(
    r"\b(?:sign\w*|ink\w*|seal\w*|agreement|memorandum|mou|moc|partnership|cooperation|collaboration|"
    r"visit\w*|met|meet\w*|talks|ties|deal|venture|contract|partner(?:s|ed|ing)?|team(?:s|ed)?\s+up|"
    r"join(?:s|ed)?\s+(?:forces|hands)|collaborat\w*|co-?operat\w*|tie-up|alliance)\s+(?:[\w\-]+\s+){0,5}?with\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PREP_BEFORE = re.compile(r"\b(?:of|at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SUBJECT_VERB = re.compile(
    r"(?:'s)?\s+(?:(?:has|have|had|jointly|officially|formally|also|recently|today)\s+){0,2}"
    r"(?:signed|inked|sealed|met with|visited|agreed|renewed|launched|entered into|reaffirmed|partnered|teamed up|"
    r"signs|inks|seals|visits|renews|launches|enters into|partners with|teams up|"
    r"(?:received|welcomed|hosted|receives|welcomes|hosts)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?delegation)\b")
_PLACE_NOUN = re.compile(
    r"\s+(?:district|city|province|county|town|village|government|municipality|area|region|side|sides|"
    r"country|countries|state|governments)\b")
# Words of a sentence that can hold party slots (a cheap substring test before the patterns).
_CUE_WORDS = ("sign", "ink", "seal", "memorand", "mou", "moc", "agreement", "contract", "visit", "toured", "delegation",
              "met ", "meet", "talks", "venture", "partner", "cooperat", "collaborat", "alliance", "joint", "team", "deal", "consorti",
              "forces", "hands")
_VISIT_OBJECT = re.compile(r"\b(?:visited|toured|(?:paid|pays|made)\s+(?:a|an)\s+(?:\w+\s+)?visit\s+to|visit\s+to)\s+"
                           r"(?:the\s+)?(" + _NAME + ")")
_DELEGATION = re.compile(
    r"(?<![\w-])(" + _NAME + r")\s+delegation\b|\bdelegation\s+(?:of|from)\s+(?:the\s+)?(" + _NAME + ")")


def _candidate(table: OrgTable, text: str) -> bool:
    got = table.candidates.get(text)
    if got is None:
        got = table.candidates[text] = _candidate_uncached(table, text)
    return got


def _candidate_uncached(table: OrgTable, text: str) -> bool:
    return _LEXICAL_CANDIDATE[text] and table.find(text) is None


class _LexicalCandidateMemo(dict):
    """Text -> whether its words may name a head-less organization (the lexicon part of
    `_candidate`, a pure function of the text): a memo, as the test runs on most capitalized
    words of every article."""

    def __missing__(self, text: str) -> bool:
        got = _lexical_candidate(text)
        if len(self) < 200_000:
            self[text] = got
        return got


def _lexical_candidate(text: str) -> bool:
    lex = lexicon()
    words = text.split()
    if not words or len(words) > 3 or text in lex.places:
        return False
    for k, w in enumerate(words):
        b = w.removesuffix("'s")
        low = b.lower().rstrip(".")
        if k and _tail_word(b, low, words[0], lex):
            continue  # "Halvora Medical", "Zentrix China", "Zentrix EU": a field, region or market after a name
        if (low in lex.breaks or low in lex.not_name or low in lex.title_words or low in lex.honorifics
                or low in lex.title_modifiers or b in lex.org_heads or b in lex.venues or b in lex.places
                or b in lex.not_org_acronyms or not b[0].isalnum()) and not (
                    len(words) > 1 and b in lex.places and b.endswith(("an", "ese", "ish", "ch"))):
            return False
    return words[0][0].isupper()


_LEXICAL_CANDIDATE = _LexicalCandidateMemo()


def _tail_word(b: str, low: str, first: str, lex) -> bool:
    """A word after a bare name's first word that names a field ("Medical", a title word too), a
    place or a market region ("China", "EU"): part of the name ("Halvora Medical", "Zentrix EU")."""
    if first in lex.places or first.lower() in lex.not_name or first.lower() in lex.breaks:
        return False
    return (low in lex.field_words and low not in lex.breaks and low not in lex.honorifics
            or b in lex.places and b[0].isupper() or b in ("EU", "US", "UK", "USA", "APAC", "EMEA"))


@lru_cache(maxsize=1)
def _title_patterns():
    title = re.compile(title_pattern(), re.IGNORECASE)
    title_after = re.compile(r"(?:'s)?\s+(?i:" + title_pattern() + r")(?:\s+and\s+[A-Za-z ]{2,30}?)?\s+"
                             r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?[A-Z]")
    title_before = re.compile(r"(?:" + title_pattern() + r")(?:,?\s+(?:of\s+)?[a-z][a-z\-]*){0,7},?\s+"
                              r"(?:of|at|in|from)\s+(?:the\s+)?$", re.IGNORECASE)
    return title, title_after, title_before


_COMMA_TITLE = re.compile(r"\s*,\s*(?:the\s+)?(?:" + title_pattern() + ")", re.IGNORECASE)
_PLACES = lexicon().places
_HONORIFICS = lexicon().honorifics
_ONE_WORD_TITLES = frozenset(t for t in lexicon().titles if " " not in t)
_TITLE_STARTS = title_starts()


def context_orgs(art: Article, table: OrgTable, not_org: set[str]) -> None:
    """Promote head-less names that fill an organization's slot."""
    _SlotReader(art, table, not_org).read()


class _SlotReader:
    """One article's head-less names, sentence by sentence: a name is proposed by the slot it
    fills (subject of a signing, a list beside known names, "with X"), checked once by
    `promote`, and joined to the table at the end (`_settle`), where a place may turn out to be
    its government's short form."""

    def __init__(self, art: Article, table: OrgTable, not_org: set[str]) -> None:
        _, self.title_after, self.title_before = _title_patterns()
        self.art, self.table, self.not_org = art, table, not_org
        self.view = art.view
        self.promoted: list[tuple[str, int]] = []
        self.uses: dict[str, int] = {}
        self.covered = bytearray(len(self.view) + 1)
        self.ends: set[int] = set()
        for s, e, _ in locate(art, table):
            self.covered[s:e] = b"\x01" * (e - s)
            self.ends.add(e)
        self.persons = _person_names(art)
        self.person_words = {w for p in self.persons for w in p.split()}
        self.sent_start = self.link_end = 0
        self.memo: dict[tuple[int, str], bool] = {}  # each whole-text scan once per name (linear on repeated text)

    def read(self) -> None:
        art, view = self.art, self.view
        flags = _word_flags(art)
        for n, sent in enumerate(art.sentences):
            toks = sent.tokens
            self.sent_start = toks[0].start if toks else sent.start
            if view[sent.start] in "SsRrAaMm" and _RELATED.match(view, sent.start, sent.end):  # "See also: Zentrix signs deal with Halvora" links
                link_end = art.text.find("\n", sent.start, sent.end)  # another article, up to the line's end
                self.link_end = sent.end if link_end < 0 else link_end
            self._capitalized_runs(sent, flags[n] & _CUE)
            if sent.end - sent.start > _MAX_SENTENCE:
                continue
            self._cued_slots(sent, flags[n])
        self._settle()
        if "government" in art.low:
            self._lower_governments()

    def person_like_name(self, text: str) -> bool:
        key = (0, text)
        if key not in self.memo:
            self.memo[key] = _surname_like(self.art.text, text, self.person_words)
        return self.memo[key]

    def common_word(self, text: str) -> bool:
        key = (1, text)
        if key not in self.memo:
            self.memo[key] = _common_word(self.view, text)
        return self.memo[key]

    def promote(self, text: str, start: int, strong: bool = True) -> None:
        """Propose `text` at `start`; a weak slot (`strong` false) needs the name used twice."""
        view, table = self.view, self.table
        text = text.strip()
        if text in self.persons:
            return
        if start < self.link_end:
            return
        if start == self.sent_start and self.common_word(text):
            return  # "Separately, a firm based in ...", "Instead, A and B signed"
        if text.endswith(".") and text.count(".") == 1:
            text = text[:-1]
        text = text.removesuffix("'s")
        fixed = _FIXED_PHRASE.search(view, max(0, start - 9), start + len(text) + 9)
        if fixed is not None and fixed.start() <= start < fixed.end():
            return  # "Belt" of "the Belt and Road Initiative": no list of two names
        uses = self.uses
        if not strong and not _ACRONYM.match(text):
            if text not in uses:
                uses[text] = len(word_uses(view, text)) \
                    if len(uses) < _MAX_ORGS else 0
            if uses[text] < 2:
                return
        if self.covered[start] or self.covered[min(len(view), start + len(text)) - 1]:
            return
        text = text.removesuffix("'s")
        if text in _PLACES and table.find(text) is None:
            self.promoted.append((text, start))  # a place as a party: its government, if the text names one
            return
        if text in self.not_org or not _candidate(table, text):
            return
        self.promoted.append((text, start))
        self.ends.add(start + len(text))

    def _capitalized_runs(self, sent, cue: int) -> None:
        """Runs of up to three capitalized words that may be a name, each judged by its slot."""
        table = self.table
        toks = sent.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.text[0].isupper():
                i += 1
                continue
            if not _candidate(table, _base(t)) and t.text not in _PLACES and not (
                    t.text in _PLACES and i + 1 < len(toks) and toks[i + 1].text[0].isupper()
                    and _candidate(table, t.text + " " + _base(toks[i + 1]))):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j - i < 3 and toks[j].text[0].isupper() and _candidate(table, _base(toks[j])) \
                    and toks[j].start - toks[j - 1].end == 1 and not toks[j - 1].text.endswith("'s"):
                j += 1
            self._run_slot(sent, toks, i, j, cue)
            i = j

    def _run_slot(self, sent, toks, i: int, j: int, cue: int) -> None:
        """Promote the run toks[i:j] when it fills an organization's slot, the first that applies."""
        view, promote = self.view, self.promote
        start, end = toks[i].start, toks[j - 1].end
        text = view[start:end]
        prev = toks[i - 1] if i > 0 else None
        person_like = prev is not None and (
            prev.lower.rstrip(".") in _ONE_WORD_TITLES or prev.lower.rstrip(".") in _HONORIFICS)
        nxt = toks[j] if j < len(toks) else None
        title_next = nxt is not None and (nxt.lower in _TITLE_STARTS or nxt.text == "'s" or (
            nxt.text == "'" and j + 1 < len(toks)))
        if j - i == 1 and _ACRONYM.match(text) and _beside_known(view, start, end, self.covered, self.ends):
            promote(text, start)  # "UEH and Military Hospital 175": an acronym beside a known name
            self.ends.add(end)  # "the Fraunhofer-Gesellschaft, LMU and TUM": the list goes on
        elif not person_like and toks[j - 1].text.endswith("'s") and _person_after(view, end, sent.end, self.persons):
            promote(text, start, strong=False)  # "Samsung's Ryan Biden, director of marketing"
        elif not person_like and view.startswith(",", end) and _APPOSITIVE.match(view, end, sent.end) and not (
                _COMMA_TITLE.match(view, end, sent.end)):
            promote(text, start)  # "Zentrix, a battery startup based in Oslo, and ..."
        elif not person_like and j - i == 1 and cue and (text.endswith("'s") or nxt is not None and (
                nxt.lower in _COOP_FIRST)) and (coop := _COOP_SUBJECT.match(
                view, end - 2 if text.endswith("'s") else end, min(sent.end, end + 90))) \
                and _with_party(view, coop.end(), sent.end):
            # "Zentrix announced a partnership with Halvora", "Zentrix's alliance with Halvora"
            if not self.person_like_name(text):
                promote(text, start)
        elif not person_like and j - i == 1 and cue and nxt is not None and nxt.lower in _COOP_FIRST and \
                _FOUNDER_SUBJECT.match(view, end, min(sent.end, end + 90)):
            # "Zentrix announced a $5 million battery consortium": a founder of a joint body
            if not self.person_like_name(text):
                promote(text, start)
        elif not person_like and (verb := _SUBJECT_VERB.match(view, end, min(sent.end, end + 60))) and (
                j - i == 1 or _DIGIT_OR_CAPS.search(text)):
            # "Zentrix signed a deal with Halvora": a second party after "with" makes the subject one
            # on its first use; otherwise it must be used twice ("German U15 met with ...")
            if j - i > 1 or _NOT_COOPERATION.search(verb.group(0)) or not _with_party(view, verb.end(), sent.end):
                promote(text, start, strong=False)
            elif not self.person_like_name(text):
                promote(text, start)
        elif not person_like and (title_next and self.title_after.match(view, end, min(sent.end, end + 120)) or (
                _PREP_BEFORE.search(view, max(sent.start, start - 12), start)
                and _title_before(view, toks, i, start, self.title_before))):
            if not (j - i >= 2 and _COMMA_TITLE.match(view, end, sent.end)):
                # "Zentrix's CEO Mark Olsen": an executive's title after a one-word possessive
                promote(text, start, strong=j - i == 1 and toks[j - 1].text.endswith("'s") and nxt is not None
                        and nxt.lower in _EXECUTIVE and not self.person_like_name(text))
        # a list of organizations: "Etisalat Group, Saudi Telecom Company (STC), Zain Group, Mobily, and du"
        elif not person_like and j - i <= 2 and _after_listed_org(view, start, self.ends) and \
                _LIST_GOES_ON.match(view[end:sent.end]) and not _COMMA_TITLE.match(view, end, sent.end):
            promote(text, start)

    def _cued_slots(self, sent, flags: int) -> None:
        """Slots a sentence's words announce: a kind noun's list, and (in a sentence with a
        cooperation cue) "A and B signed", "with X", "visited X", "a delegation from X"."""
        view, promote = self.view, self.promote
        low = self.art.low[sent.start:sent.end]
        if flags & _KIND:
            for m in _KIND_NOUN.finditer(view, sent.start, sent.end):
                _promote_list(view, m.end(), sent.end, promote)
        if not flags & _CUE:
            return
        groups = _GROUP.finditer(view, sent.start, sent.end) if (" and " in low or "&" in low) and \
            _AND_NAME.search(view, sent.start, sent.end) else ()
        for m in groups:
            before = view[max(sent.start, m.start() - 9):m.start()]
            if _PLACE_NOUN.match(view, m.end(), sent.end):
                continue
            if _GROUP_VERB.match(view, m.end(), sent.end) or _BETWEEN_END.search(before):
                pos = m.start()
                for part in _LIST_SPLIT.split(m.group(1)):
                    if part.strip() and not _LIST_SEP.fullmatch(part):
                        lead = len(part) - len(_LEADING_THE.sub("", part))
                        promote(part[lead:], pos + lead)
                    pos += len(part)
        for m in _withs(view, low, sent.start, sent.end):
            rest = view[m.end():sent.end]
            words = _AFTER_WITH.match(rest)
            if words:
                name = words.group(2)
                cut = _NAME_HEAD.match(name)
                promote(cut.group(0) if cut else name, m.end() + len(words.group(1)))
        hosts = _VISIT_OBJECT.finditer(view, sent.start, sent.end) if ("visit" in low or "tour" in low) else ()
        for m in hosts:
            if " " not in m.group(1):  # one word: "visited Zentrix in Oslo" (two may be a person, "Li Wei")
                promote(m.group(1), m.start(1), strong=False)
        delegations = _DELEGATION.finditer(view[sent.start:sent.end]) if "delegation" in low else ()
        for m in delegations:
            name = m.group(1) or m.group(2)
            promote(name, sent.start + m.start())

    def _settle(self) -> None:
        """Each promoted name joins the table once: as its place's government, an acronym's
        owner's alias, or a new (head-less) organization."""
        table, view = self.table, self.view
        tried: set[str] = set()
        for text, start in self.promoted:
            if table.find(text) is not None or text in tried:
                continue
            tried.add(text)  # one look for a government per name: linear on a text repeating a place
            gov = _government_of(table, view, text)
            if gov is not None:
                table.alias(gov, text)
                continue
            if text in _PLACES:
                continue  # "Wuxi" with no government named: a city, not an organization
            owner = _acronym_owner(table, text)
            if owner is not None:
                table.alias(owner, text)
            else:
                # a bare acronym may be a university, a ministry or a firm: its kind is unknown
                kind = "other" if _BARE_ACRONYM.fullmatch(text) else "company"
                table.add(text, kind, start, start + len(text), headed=False)

    def _lower_governments(self) -> None:
        """"Wuxi municipal government": a place's government written in lower case."""
        table = self.table
        for m in _LOWER_GOVERNMENT.finditer(self.view):
            place = m.group(1)
            if place in _NOT_PLACE or place in self.persons or table.find(m.group()) is not None:
                continue
            table.add(m.group(), "government", m.start(), m.end())


# the levels of government a place's government may name ("municipal", "people's")
_GOV_LEVELS = "municipal|provincial|city|county|district|prefectural|people's"
# A place's government written in lower case ("Wuxi municipal government", "the Jiangsu
# provincial government", as translated releases often print it) is named by its place and
# its level wherever it stands; the words before the level must be a place, not "The".
_LOWER_GOVERNMENT = re.compile(rf"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?: (?:{_GOV_LEVELS})){{1,2}} government\b")
_NOT_PLACE = frozenset(["The", "This", "That", "Local", "Central", "National", "Federal", "State", "Our", "Its",
                        "Their", "Each", "Both", "Both The", "City", "County", "District", "New", "Chinese"])
# "Wuxi Municipal Government", "Zhuanghe government": what follows a place's name in its
# government's name
_GOV_TAIL = re.compile(rf"(?:\s+(?i:{_GOV_LEVELS}))*\s+(?i:g)overnment\b")


def _government_of(table: OrgTable, view: str, place: str) -> int | None:
    """"Wuxi" as a party is the "Wuxi Municipal Government" the text names ("Zhuanghe government");
    "Health" before "Minister" is the "Ministry of Health" the text names."""
    for idx in table.live()[:_MAX_ORGS]:
        name = table.orgs[idx].name
        if name.startswith(place + " ") and name.lower().endswith("government"):
            return idx
    for idx in table.live()[:_MAX_ORGS]:
        if table.orgs[idx].name.startswith("Ministry of " + place):
            return idx  # "Health Minister Amy Hart": the Ministry of Health
    for pos, _ in word_uses(view, place)[:_MAX_ORGS]:
        m = _GOV_TAIL.match(view, pos + len(place))
        if m:
            return table.add(view[pos:m.end()], "government", pos, m.end())
    return None


_TITLE_AT = re.compile(title_pattern(), re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+)?([A-Z][\w\-']*(?:\s+[A-Z][\w\-']*){1,2})")


class _TitleStartMemo(dict):
    """Lowercased token -> whether a title can start at it ("director", "vice-chair"): a memo,
    as the test runs on every token."""

    def __missing__(self, low: str) -> bool:
        starts = title_starts()
        got = low in starts or "-" in low and low.split("-")[0] in starts
        if len(self) < 200_000:
            self[low] = got
        return got


_TITLE_START = _TitleStartMemo()
_LOWER = itemgetter(3)  # Token.lower


def _person_names(art: Article) -> set[str]:
    """Names written after a title or before ", Title": people, never organizations."""
    out: set[str] = set()
    view = art.view
    for sent in art.sentences:
        if sent.end - sent.start > _MAX_SENTENCE:
            continue
        toks = sent.tokens
        # the tokens a title can start at, picked through the memo in C (map/compress)
        for i in compress(range(len(toks)), map(_TITLE_START.__getitem__, map(_LOWER, toks))):
            tok = toks[i]
            m = _TITLE_AT.match(view, tok.start, sent.end)
            if not m:
                continue
            names = []
            after = _NAME_AFTER.match(view, m.end(), sent.end)
            if after:
                names.append(after.group(1).split())
            # "Xu Guangfu, Chairman": up to three capitalized words before ", (the)"
            j = i - 1
            if j >= 0 and toks[j].lower == "the":
                j -= 1
            if j >= 0 and toks[j].text == ",":
                words = []
                k = j - 1
                while k >= 0 and len(words) < 3 and toks[k].text[0].isupper():
                    words.insert(0, toks[k].text)
                    k -= 1
                if len(words) >= 2:
                    names.append(words)
            for words in names:
                for k in range(2, len(words) + 1):
                    out.add(" ".join(words[:k]))
                    out.add(" ".join(words[-k:]))
    return out


_AND_AFTER = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_AND_BEFORE = re.compile(r"(?:\s+(?:and|&)|,)\s+$")


# "pharmaceutical company Cipla", "companies including IBM, Rolls-Royce and ...": a name after a
# noun of its kind is an organization.
_KIND_WORDS = ("compan", "firm", "giant", "maker", "manufacturer", "bank", "startup", "conglomerate", "operator",
               "retailer", "insurer", "supplier", "universities")
_KIND_NOUN = re.compile(
    r"\b(?:[Cc]ompan(?:y|ies)|firms?|giants?|(?:car|auto|chip|drug)?makers?|manufacturers?|banks?|startups?|"
    r"conglomerates?|operators?|retailers?|insurers?|suppliers?|universities)\s+(?:(?:including|such as|like)\s+)?"
    r"(?=[A-Z])")
_ONE_NAME = re.compile(_NAME)
_NEXT_IN_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


_CUE, _KIND = 1, 2


@lru_cache(maxsize=1)
def _words_automaton():
    """The cue words and the kind words in one Aho-Corasick automaton (word -> its sets, length)."""
    bits: dict[str, int] = {}
    for words, bit in ((_CUE_WORDS, _CUE), (_KIND_WORDS, _KIND)):
        for w in words:
            bits[w] = bits.get(w, 0) | bit
    auto = ahocorasick.Automaton()
    for w, bit in bits.items():
        auto.add_word(w, (bit, len(w)))
    auto.make_automaton()
    return auto


def _word_flags(art: Article) -> list[int]:
    """Per sentence, which word sets it holds (_CUE, _KIND): one automaton pass over the article
    instead of a substring test per word and sentence (0.080 -> 0.039 ms per 3,200-char doc)."""
    sents = art.sentences
    starts = [s.start for s in sents]
    flags = [0] * len(sents)
    for last, (bit, size) in _words_automaton().iter(art.low):
        i = bisect.bisect_right(starts, last) - 1
        if i >= 0 and last < sents[i].end and last - size + 1 >= sents[i].start:
            flags[i] |= bit
    return flags


_AFTER_WITH = re.compile(r"((?:[a-z][\w\-]*\s+|[A-Z][a-z]+(?:ese|ian|ish|ch)\s+){0,4})(" + _NAME + ")")
# The trigger word and up to five words before "with" fit in this many characters.
_WITH_REACH = 90


def _withs(view: str, low: str, s0: int, s1: int):
    """_WITH matches, tried only in a window before each " with " (one scan of the sentence for
    the pattern cost about as much as the rest of the slot pass)."""
    last_end = -1
    pos = low.find("with ")
    while pos >= 0:
        at = s0 + pos
        for m in _WITH.finditer(view, max(s0, at - _WITH_REACH, last_end), min(s1, at + 10)):
            if m.end() > last_end:
                last_end = m.end()
                yield m
        pos = low.find("with ", pos + 5)


def _promote_list(view: str, pos: int, end: int, promote) -> None:
    for _ in range(8):
        m = _ONE_NAME.match(view, pos, end)
        if not m:
            return
        promote(m.group(0), pos)
        sep = _NEXT_IN_LIST.match(view, m.end(), end)
        if not sep or sep.end() >= end or not view[sep.end()].isupper():
            return
        pos = sep.end()


def _person_after(view: str, pos: int, end: int, persons: set[str]) -> bool:
    """"Samsung's Ryan Biden": a person's name (known from a title beside it) after the possessive."""
    m = _PERSON_AFTER.match(view, pos, end)
    return bool(m) and m.group(1) in persons


# "X, a Norwegian battery startup based in Oslo": a kind noun closing the noun phrase after the name
# (not "a company spokesman", "a professor at the university", "the company's CEO").
_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|at|for|from|in|with|by|to|and|or)\b)[\w\-]+\s+){0,4}?"
    r"(?:company|companies|startup|start-up|university|firm|manufacturer|maker|carmaker|automaker|chipmaker|drugmaker|"
    r"provider|producer|supplier|bank|operator|conglomerate|subsidiary|giant|distributor|retailer|insurer|airline|"
    r"biotech|multinational|corporation)"
    r"(?=\s*[,;.)]|\s+(?:based|headquartered|located|that|which|in|from|with|specializing|specialising|focused|"
    r"known|listed|owned|founded|of)\b)")
_EXECUTIVE = frozenset(("ceo", "president", "chairman", "chairwoman", "chairperson", "founder", "co-founder", "cto",
                        "cfo", "coo", "chief", "managing", "executive", "rector", "provost", "dean"))
# A subject whose cooperation with a party after "with" the sentence states (strong on first use).
_COOP_SUBJECT = re.compile(
    r"(?:'s\s+(?:(?!with\b)[\w\-]+\s+){0,3}?(?:partnership|collaboration|cooperation|agreement|deal|joint\s+venture|"
    r"alliance|memorandum|mou|contract|tie-up)|"
    r"(?:\s+(?:has|have|had|is|also|recently|today|jointly|officially|formally|now)){0,2}\s+"
    r"(?:announced|announces|forged|forges|formed|forms|struck|strikes|expanded|expands|extended|extends|established|"
    r"launched|entered\s+into|enters\s+into|sealed|signed|inked|renewed|partnering|collaborating|cooperating|"
    r"teaming\s+up|collaborated|cooperated|collaborates|cooperates|joined\s+forces|joins\s+forces)"
    r"\s+(?:(?:a|an|the|its|their)\s+)?(?:(?!with\b)[\w\-]+\s+){0,3}?"
    r"(?:partnership|collaboration|cooperation|agreement|deal|joint\s+venture|alliance|memorandum|mou|contract|"
    r"tie-up|pact|accord))\b"
    r"|(?:\s+(?:has|have|had|is|also|recently|now)){0,2}\s+(?:partnering|collaborating|cooperating|teaming\s+up|"
    r"collaborated|cooperated|collaborates|cooperates|joined\s+forces|joins\s+forces)(?=\s+with\b)",
    re.IGNORECASE)
_FOUNDER_SUBJECT = re.compile(
    r"(?:\s+(?:has|have|had|also|recently|today|jointly|officially|formally|now)){0,2}\s+"
    r"(?:announced|launched|formed|established|set\s+up|founded|co-founded|unveiled|created|joined|"
    r"announces|launches|forms|establishes|sets\s+up|founds|co-founds|unveils|creates|joins)\s+(?:a|an|the)\s+"
    r"(?:(?!with\b)[\w$\-.]+\s+){0,4}?"
    r"(?:consortium|alliance|joint\s+venture|joint\s+(?:research\s+)?(?:lab|laboratory|institute|cent(?:er|re)))\b",
    re.IGNORECASE)
# The words _COOP_SUBJECT and _FOUNDER_SUBJECT can open with after the name (a cheap test first).
_COOP_FIRST = frozenset((
    "has have had is also recently today jointly officially formally now announced announces forged forges formed "
    "forms struck strikes expanded expands extended extends established establishes launched launches entered enters "
    "sealed signed inked renewed partnering collaborating cooperating teaming collaborated cooperated collaborates "
    "cooperates joined joins set sets founded founds co-founded co-founds unveiled unveils created creates").split())
_NOT_COOPERATION = re.compile(r"\b(?:met|visit|receiv|welcom|host)")
_WITH_PARTY = re.compile(r"[^;]{0,120}?\bwith\s+(?:the\s+)?[A-Z0-9]")
_WITH_AT = re.compile(r"\s+with\s")
_CAP_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")


def _with_party(view: str, pos: int, end: int) -> bool:
    """"signed an agreement with Halvora", "partners with Halvora": a named party after "with" in
    the rest of the sentence (the verb itself may end at "with")."""
    return bool(_WITH_PARTY.match(view, pos, min(end, pos + 200))) or view.endswith(" with", 0, pos)


def _common_word(view: str, text: str) -> bool:
    """A sentence's first word that is a common word: an adverb in -ly ("Separately"), a listed
    connective ("Instead", "Meanwhile") or a word the text also writes in lower case ("Overall")."""
    if " " in text or not text[1:].islower():
        return False
    low = text.lower()
    if text.endswith("ly") or low in lexicon().connectives:
        return True
    pos = view.find(low)
    for _ in range(_MAX_ORGS):
        if pos < 0:
            return False
        if _word_edges(view, pos, pos + len(low)):
            return True
        pos = view.find(low, pos + 1)
    return False


def _surname_like(text_all: str, text: str, person_words: set[str]) -> bool:
    """A word of a titled person's name, or one written after a capitalized word that may be a given
    name ("Ellen Vasko ... Vasko signed"; one space between, not a line break): a person."""
    if text in person_words:
        return True
    for pos, _ in word_uses(text_all, text)[:_MAX_ORGS]:
        m = _CAP_WORD_BEFORE.search(text_all, max(0, pos - 20), pos)
        if m and _LEXICAL_CANDIDATE[m.group(1)] and m.group(1) not in _PLACES:
            return True
    return False


_PERSON_AFTER = re.compile(r"\s+([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){1,2})")


def _beside_known(view: str, start: int, end: int, covered: bytearray, ends: set[int]) -> bool:
    m = _AND_AFTER.match(view, end, end + 12)
    if m and covered[m.end()]:
        return True
    m = _AND_BEFORE.search(view, max(0, start - 8), start)
    return bool(m) and m.start() in ends


def _title_before(view: str, toks, i: int, start: int, pattern) -> bool:
    """"Vice President of LGES", "senior vice president of refining ... at Aramco": a title up to
    ten words before the name, tried only at words a title can start with."""
    starts = title_starts()
    for k in range(i - 1, max(-1, i - 11), -1):
        low = toks[k].lower
        if (low in starts or low.split("-")[0] in starts) and pattern.match(view, toks[k].start, start):
            return True
    return False


def _after_listed_org(view: str, start: int, ends: set[int]) -> bool:
    """X in "A Group, B Company (BC), X, and C": a list with two known names before X."""
    if "," not in view[max(0, start - 6):start]:
        return False
    count = 0
    pos = start
    for _ in range(2):
        m = _LISTED_BEFORE.search(view[max(0, pos - 30):pos])
        if not m or max(0, pos - 30) + m.start() not in ends:
            break
        count += 1
        end = max(0, pos - 30) + m.start()
        m2 = _NAME_BEFORE.search(view[max(0, end - 80):end])
        if not m2:
            break
        pos = max(0, end - 80) + m2.start()
    return count >= 2


def _acronym_owner(table: OrgTable, text: str) -> int | None:
    """"JMC" is "JMCG" and "Jiangling Motors Co., Group": an acronym's prefix or initials."""
    if not _ACRONYM.match(text):
        return None
    for idx in table.live()[:_MAX_ORGS]:
        org = table.orgs[idx]
        for form in org.forms.values():
            if _ACRONYM.match(form) and form.startswith(text) and len(form) - len(text) <= 1:
                return idx
        if org.headed and _acronym_of(text, org.name):
            return idx
    return None


