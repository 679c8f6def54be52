"""Organizations the tagger found and the rules did not, joined to the rules' organizations.

A tagged name that overlaps a rule mention is the rules' (they know its aliases and kind),
except in English when the tagger reads other boundaries there ("Hyundai Engineering &
Construction" where the rules cut "Hyundai Engineering"): that reading becomes a candidate of
its own and the organizations model, which sees both, keeps or drops each. A new name that
is a whole-word part of a known name ("Aramco" in "Saudi Aramco") is that organization's alias; otherwise it is a new organization, its kind from the kinds model, with
every occurrence of the name in the body as evidence. An English name the words after it
coordinate into a longer one ("Ministry of Land" + ", Infrastructure and Transport") gets that
longer reading as a candidate of its own (`extend_coordinated`, stage "extended"). An English
acronym the tagger found that spells a known name ("MTUN" beside "Malaysian Technical Universities
Network"), or a full name the tagger found whose acronym the rules read alone, is one organization
with the other as its alias (`link_acronyms`); so are a country the tagger or the place
candidates found and an organization named its government ("Indonesia", "the Indonesian
government": `link_governments`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache

from partnergraph.extraction.rules.english.orgtable import _acronym_of, _initials, norm
from partnergraph.extraction.stages import name_spans
from partnergraph.learn.bounds import best_alias_owner
from partnergraph.learn.linear import LinearModel
from partnergraph.learn.places import place_forms, place_named
from partnergraph.learn.datafiles import data_lines
from partnergraph.learn.tagger import name_lexicon
from partnergraph.models import Document, Organization, Span

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
# an English name never opens with a lower-case word ("of Kestrel University", "and Lumio" are a
# boundary read one word too early); "eBay", "iFlytek" open with a capital inside the word
_LOWER_OPENING = re.compile(r"[a-z]+(?![\w'’-])")
_MAX_SPANS = 100
# an English name read short of its coordinated complement ("Ministry of Land" in "Ministry of
# Land, Infrastructure and Transport"): what may follow it, a separator and a run of capitalised
# words; the run ends at the first word that is not capitalised (one word per step: linear)
EXTENDED_STAGE = "extended"
_COMPLEMENT = re.compile(r"\s(?:of|for|on)\s[A-Z]")
_SEPARATOR = re.compile(r",\s(?:and\s|&\s)?|\s(?:and|&)\s")
_CAP_WORD = re.compile(r"[A-Z][\w'’-]*")
_MAX_SEGMENTS = 5
_MAX_SEGMENT_WORDS = 5
_MAX_NEW = 60  # new organizations per document: a tagger gone wild on a list page stops here
_MAX_NAMES = 200  # distinct tagged names looked at per document (each costs a scan of the text)


def name_features(name: str, lang: str) -> dict[str, float]:
    """Features of a name alone, for its kind."""
    f = {"bias": 1.0}
    if lang == "zh":
        f[f"last={name[-1:]}"] = 1.0
        f[f"last2={name[-2:]}"] = 1.0
        for c in set(name):
            f[f"c={c}"] = 1.0
    else:
        words = name.lower().split()
        for w in words:
            f[f"w={w}"] = 1.0
        if words:
            f[f"last={words[-1]}"] = 1.0
            f[f"first={words[0]}"] = 1.0
        if name.isupper():
            f["caps"] = 1.0
    return f


def _occurrences(text: str, name: str, body: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """Occurrences of `name` inside the body (`starts`: the body spans' starts), whole words for
    Latin names; one scan of the text, not one per body line."""
    latin = name[:1].isascii()
    out: list[tuple[int, int]] = []
    i = text.find(name)
    while i >= 0 and len(out) < _MAX_SPANS:
        j = i + len(name)
        k = bisect_right(starts, i) - 1
        inside = k >= 0 and j <= body[k][1]
        if inside and (not latin or ((i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()))):
            out.append((i, j))
        i = text.find(name, i + 1 if not inside else j)
    return out


class Taken:
    """Character ranges already named, asked for overlaps by bisection (names in a long page are many)."""

    def __init__(self, spans) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, spans) -> None:
        for span in spans:
            insort(self.spans, span)
            self.longest = max(self.longest, span[1] - span[0])

    def has(self, s: int, e: int) -> bool:
        k = bisect_left(self.spans, (s, e))
        return k < len(self.spans) and self.spans[k] == (s, e)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.spans, (s - self.longest, -1))
        while k < len(self.spans) and self.spans[k][0] < e:
            if self.spans[k][1] > s:
                return True
            k += 1
        return False


def is_part_of(name: str, known: str) -> bool:
    """`name` is `known` or a whole-word part of it."""
    if name == known:
        return True
    if name not in known:
        return False
    if not name[:1].isascii():
        return True
    # a whole word: an occurrence with no word character (\w: alphanumeric or _) right before
    # or after it; looked for with str.find, as the pattern (?<!\w)name(?!\w) would find it, but
    # without compiling a pattern for every name (a third of the context's time in Python)
    n, end = len(name), len(known)
    i = known.find(name)
    while i >= 0:
        if (i == 0 or not _is_word(known[i - 1])) and (i + n == end or not _is_word(known[i + n])):
            return True
        i = known.find(name, i + 1)
    return False


def _is_word(c: str) -> bool:
    r"""A character the regex engine takes for a word's (\w in a str pattern): alphanumeric or _."""
    return c.isalnum() or c == "_"


def clean_name(text: str, s: int, e: int) -> str:
    """A tagged name as the organization would be called (no leading "the", no edge punctuation)."""
    return _LEADING.sub("", text[s:e]).strip(" ,.;:'\"")


def _tidy_english(name: str) -> str:
    """An English tagged name without a dash after it ("Kobe Steel Ltd —") or a bracket it does not
    close ("Kestrel Charity (KC": the acronym's bracket is no part of the name)."""
    cut = name.rfind(" (")
    if cut > 0 and ")" not in name[cut:]:
        name = name[:cut]
    return name.rstrip(" -\u2013\u2014").rstrip(" ,.;:'\"")


def _capitalised_run(text: str, i: int, stops: frozenset[str]) -> int:
    """End of the run of capitalised words (single spaces between) that starts at `i`, or `i`; a
    word of `stops` (a title or honorific: "and Professor Lin") or a possessive ends it."""
    end, n = i, 0
    while n < _MAX_SEGMENT_WORDS:
        m = _CAP_WORD.match(text, i)
        if m is None or m.group().lower().rstrip(".") in stops or m.group().endswith(("'s", "’s")):
            break
        end, n = m.end(), n + 1
        if text[end:end + 1] != " ":
            break
        i = end + 1
    return end


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Lower-cased honorifics and one-word titles: words that open a person's mention, not a name's."""
    one_word = {t.lower() for t in data_lines("en_titles.txt") if " " not in t}
    return frozenset(name_lexicon("en").honorifics | one_word)


def coordinated_end(text: str, start: int, end: int, taken: Taken) -> int | None:
    """Where the name text[start:end] would end with the capitalised words coordinated after it
    ("Ministry of Land" + ", Infrastructure and Transport", "Wageningen University" + " &
    Research"): the end of the last run joined by "and" or "&"; None when no such run follows.
    A name without a complement ("of", "for", "on") is extended only across "&"; a run that another name covers
    (`taken`) stops it ("University of Sydney and Kestrel University")."""
    name = text[start:end]
    has_complement = _COMPLEMENT.search(name) is not None
    best: int | None = None
    pos, runs = end, 0
    while runs < _MAX_SEGMENTS:
        sep = _SEPARATOR.match(text, pos)
        if sep is None:
            break
        run_end = _capitalised_run(text, sep.end(), _stop_words())
        if run_end == sep.end() or taken.overlaps(sep.end(), run_end):
            break
        joined = "&" in sep.group() or "and" in sep.group()
        if not has_complement and "&" not in sep.group():
            break
        runs += 1
        pos = run_end
        if joined:
            best = pos
    return best


def extend_coordinated(doc: Document, orgs: list[Organization], kinds: LinearModel | None) -> list[Organization]:
    """`orgs` plus, for an English name that the words after it coordinate into a longer one
    ("Ministry of Land" before ", Infrastructure and Transport"), that longer reading as a
    candidate of its own (stage "extended"): the organizations model, which sees both, keeps
    or drops each."""
    text = doc.text
    taken = Taken(name_spans(orgs))
    body = sorted((s.start, s.end) for s in doc.body) or [(0, len(text))]
    starts = [b0 for b0, _ in body]
    known = {n for o in orgs for n in (o.name, *o.aliases)}
    out = list(orgs)
    for o in orgs:
        for sp in o.evidence:
            if sp.field not in ("name", "alias") or len(out) - len(orgs) >= _MAX_NEW:
                continue
            got = coordinated_end(text, sp.start, sp.end, taken)
            if got is None:
                continue
            name = clean_name(text, sp.start, got)
            if name in known or "\n" in name:
                continue
            known.add(name)
            occ = _occurrences(text, name, body, starts)
            if not occ:
                continue
            kind = kinds.predict(name_features(name, "en"))[0] if kinds is not None else o.kind
            out.append(Organization(name=name, kind=kind, evidence=[Span(start=a, end=b, field="name") for a, b in occ],
                                    confidence=0.5, stage=EXTENDED_STAGE))
    return out


def join_tagged(doc: Document, orgs: list[Organization], spans: list[tuple[int, int, str]],
                kinds: LinearModel | None, lang: str, bounds: LinearModel | None = None) -> list[Organization]:
    """The rules' organizations plus the tagger's new ones (stage "tagger"); a Chinese name
    that the bounds model reads as a short form of a known one (澳大) is its alias."""
    text = doc.text
    taken = Taken(name_spans(orgs))
    body = sorted((s.start, s.end) for s in doc.body) or [(0, len(text))]
    starts = [b0 for b0, _ in body]
    out = list(orgs)  # the tagger's new organizations are appended, so a later short form finds them too
    n_new = 0
    seen: set[str] = set()
    rule_taken = Taken(taken.spans)
    for s, e, typ in spans:
        if typ != "ORG":
            continue
        variant = False
        if taken.overlaps(s, e):
            # another boundary than the rules' (English): a candidate of its own, which the
            # organizations model keeps or drops against the rules' reading
            if lang != "en" or rule_taken.has(s, e) or not rule_taken.overlaps(s, e):
                continue
            variant = True
        name = clean_name(text, s, e)
        if lang == "en":
            name = _tidy_english(name)
        if len(name) < 2 or name in seen or (lang == "en" and (
                not any(c.isupper() for c in name) or _LOWER_OPENING.match(name))):
            continue
        if len(seen) >= _MAX_NAMES:
            break
        seen.add(name)
        if variant:
            # the same name but for a legal suffix ("Corus Group Plc" where the rules read "Corus
            # Group") is the rules' organization, not another reading
            key = norm(name)
            if any(name == n or key == norm(n) for o in out for n in [o.name, *o.aliases]):
                continue
            occ = _occurrences(text, name, body, starts)
            if occ and n_new < _MAX_NEW:
                kind = kinds.predict(name_features(name, lang))[0] if kinds is not None else "other"
                out.append(Organization(name=name, kind=kind, evidence=[Span(start=a, end=b, field="name") for a, b in occ],
                                        confidence=0.5, stage="tagger"))
                n_new += 1
            continue
        owner = next((k for k, o in enumerate(out) if any(is_part_of(name, n) for n in [o.name, *o.aliases])), None)
        if owner is None and lang == "zh":
            owner = best_alias_owner(name, out, bounds)
        occ = _occurrences(text, name, body, starts)
        if not occ:
            continue
        evidence = [Span(start=a, end=b, field="alias" if owner is not None else "name") for a, b in occ]
        if owner is not None:
            o = out[owner]
            keep = [x for x in evidence if not taken.overlaps(x.start, x.end)]
            if keep:
                out[owner] = o.model_copy(update={
                    "aliases": o.aliases + ([name] if name not in o.aliases and name != o.name else []),
                    "evidence": o.evidence + keep})
                taken.add((x.start, x.end) for x in keep)
            continue
        if n_new >= _MAX_NEW:
            break
        kind = kinds.predict(name_features(name, lang))[0] if kinds is not None else "other"
        out.append(Organization(name=name, kind=kind, evidence=evidence, confidence=0.5, stage="tagger"))
        n_new += 1
        taken.add(occ)
    return out


# ---- acronyms: "MTUN" the tagger found beside "Malaysian Technical Universities Network" -------

TAGGER_STAGE = "tagger"
_ACRONYM_SHAPE = re.compile(r"[A-Za-z][A-Za-z&.\-]{1,9}")
# between a name and its acronym in brackets: a possessive, spaces, "hereinafter (referred to as)"
# and an opening quote ("Qatar Foundation's (QF)", 'Kestrel Group (hereinafter "KG")')
_BRACKET_LEAD = re.compile(r"(?:['\u2019]s)?\s?\(\s?(?:hereinafter(?: referred to as| called)?,?\s)?[\"\u201c']?")


@lru_cache(maxsize=4096)
def _name_initials(name: str) -> str:
    """The rules' initials of a name ("Malaysian Technical Universities Network": MTUN), once per name."""
    return _initials(name)


def is_acronym(name: str) -> bool:
    """An acronym's shape: one word of two to ten letters, at least two of them capitals and at
    most one lower-case letter to every two capitals ("MTUN", "CoE", "E.U."; not "YoungPoong")."""
    if _ACRONYM_SHAPE.fullmatch(name) is None:
        return False
    upper = sum(c.isupper() for c in name)
    return upper >= 2 and 2 * sum(c.islower() for c in name) <= upper


def _bracketed_after(text: str, o: Organization, acr: str) -> bool:
    """`acr` stands in brackets right after one of `o`'s mentions ("Qatar Foundation's (QF)")."""
    for sp in o.evidence:
        if sp.field in ("name", "alias"):
            m = _BRACKET_LEAD.match(text, sp.end)
            if m is not None and text.startswith(acr, m.end()):
                return True
    return False


def _acronym_owner(text: str, acr: str, orgs: list[Organization], skip: int) -> int | None:
    """The one organization of `orgs` (but `skip`) whose initials `acr` spells exactly, or else the
    one it stands in brackets after with its initials in order; None when none or several fit."""
    bare = acr.upper().replace(".", "").replace("&", "")
    full = [k for k, o in enumerate(orgs) if k != skip and o.stage != EXTENDED_STAGE
            and " " in o.name and not is_acronym(o.name)]
    exact = [k for k in full if _name_initials(orgs[k].name) == bare]
    if len(exact) == 1:
        return exact[0]
    near = [k for k in full if _acronym_of(acr, orgs[k].name) and _bracketed_after(text, orgs[k], acr)]
    return near[0] if len(near) == 1 else None


def link_acronyms(doc: Document, orgs: list[Organization]) -> list[Organization]:
    """English: a name the tagger found that is another organization's acronym (its initials, or
    in brackets after it: "the Malaysian Technical Universities Network (MTUN)") is that
    organization's alias, and a full name the tagger found whose acronym the rules read alone
    ("NMA" before "National Museum of Australia") is the rules' organization's alias: one
    organization, not two (the gold counts an acronym as an alias)."""
    text = doc.text
    out = list(orgs)
    k = 0
    while k < len(out):
        o = out[k]
        if o.stage != TAGGER_STAGE:
            k += 1
            continue
        if is_acronym(o.name):
            owner = _acronym_owner(text, o.name, out, k)
        else:
            owners = [j for j, r in enumerate(out) if r.stage is None and is_acronym(r.name)
                      and _acronym_owner(text, r.name, [o], -1) == 0]
            owner = owners[0] if len(owners) == 1 else None
        if owner is None:
            k += 1
            continue
        into = out[owner]
        spans = [Span(start=s.start, end=s.end, field="alias") for s in o.evidence if s.field in ("name", "alias")]
        out[owner] = into.model_copy(update={
            "aliases": into.aliases + [a for a in (o.name, *o.aliases) if a not in into.aliases and a != into.name],
            "evidence": into.evidence + spans})
        del out[k]  # the next organization moves to k
    return out


# ---- a country and its government: "Indonesia" and "the Indonesian government" ---------------

def government_of(name: str) -> str | None:
    """The place whose government `name` is ("Indonesian government", "South Korean Government",
    "Kerala government" -> Indonesian, South Korean, Kerala), or None."""
    if not name.endswith((" government", " Government")):
        return None
    of = name[:-len(" government")]
    return of if place_named(of) is not None or place_named(of.rsplit(" ", 1)[-1]) is not None else None


def link_governments(orgs: list[Organization]) -> list[Organization]:
    """English: a country or region the tagger or the place candidates found ("Indonesia") and an
    organization named its government ("the Indonesian government", "South Korean Government")
    are one organization; the rules' one, else the government, keeps its name (the other is its
    alias): the gold records the state once."""
    govs = [(k, of) for k, o in enumerate(orgs) if (of := government_of(o.name)) is not None]
    if not govs:
        return orgs
    out = list(orgs)
    drop: set[int] = set()
    for k, of in govs:
        place = place_named(of) or place_named(of.rsplit(" ", 1)[-1])
        forms = place_forms(place) if place is not None else ()
        fits = [j for j, o in enumerate(out) if j != k and j not in drop and o.name in forms]
        if len(fits) != 1:
            continue
        j = fits[0]
        into, other = (j, k) if out[j].stage is None and out[k].stage is not None else (k, j)
        if out[other].stage is None:
            continue  # both the rules': theirs to tell apart
        o, t = out[other], out[into]
        spans = [Span(start=s.start, end=s.end, field="alias") for s in o.evidence if s.field in ("name", "alias")]
        out[into] = t.model_copy(update={
            "aliases": t.aliases + [a for a in (o.name, *o.aliases) if a not in t.aliases and a != t.name],
            "evidence": t.evidence + spans})
        drop.add(other)
    return [o for k, o in enumerate(out) if k not in drop]
