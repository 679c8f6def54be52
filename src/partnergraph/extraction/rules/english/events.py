"""Cooperation events: a trigger in a sentence, the organizations that take part, a date.

Triggers per type come from ``en_triggers.tsv``. Parties are, in order of trust: the
organizations of a "between A and B" phrase; the organizations named in the sentence (directly
or as the employer of a person named there) minus those only attending or witnessing; for
"the two sides", the delegation on its tour and the host just named, or the parties of an event
told in the last sentences; the article's two main parties when the sentence says "the two
sides" with nothing nearer, or names only one party of a signing or visit. "The delegation" of
a later sentence is the visitor already told. A date
is the sentence's own, else the last one of its paragraph, else the article's lead date (the
first date or weekday of its first sentences) unless the sentence tells a background event
("has already signed") or the lead date opens a tour of days; a day without a year takes the
published year. Plans and hopes ("will sign",
"plans to") are not events, and one event told twice (headline and body) is kept once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from partnergraph.extraction.rules.english.orgtable import OrgTable
from partnergraph.extraction.rules.english.details import location, topics
from partnergraph.extraction.rules.english.text import Article, Sentence, may_match
from partnergraph.extraction.rules.english.triggers import INTENT, intended, reference, sentence_triggers
from partnergraph.extraction.rules.english.when import (
    clause_date,
    date_for,
    lead_date,
    paragraph_day,
    sentence_dates,
    takes_lead,
)

# Small patterns used inside loops, compiled once.
_BETWEEN_STOP = re.compile(r"[.;:]|\s(?:was|were|is|are|has|have|held|signed|in the|on|to|for|at)\s")
_SIGNER_AFTER = re.compile(r"[^,;]{0,40}?\b(?:signed|inked|sealed)\b")
_JV_NAMED = re.compile(r"(?:joint venture|jv)\W+(?:dubbed|named|called)?\W*$")
# "NorKes Battery Co., a 50-50 joint venture": the name before the apposition is the entity.
_JV_AFTER = re.compile(r",\s+(?:a|an|the|their)\s+(?:[\w\-]+\s+){0,3}?(?:joint venture|jv)\b", re.IGNORECASE)
# A set-up with none of these words is a joint entity only when the entity is named.
_JOINT_WORD = re.compile(r"\b(?:joint(?:ly)?|co-\w+|together|between|partnership|cooperation|by|consortium|"
                         r"alliance)\b", re.IGNORECASE)
# "signed agreements with A, B and C": one signing per partner, like "respectively".
_PLURAL_DOCS = re.compile(r"\b(?:agreements|memoranda|mous|contracts|deals|mocs)\s+with\b", re.IGNORECASE)
# "with the university": the one party of that kind
_THE_KIND = re.compile(r"\s+(?:the|our|this)\s+(university|school|college|institute|company|firm|group|hospital)\b",
                       re.IGNORECASE)
_KIND_WORDS = {"university": ("university",), "school": ("university",), "college": ("university",),
               "institute": ("research", "university"), "company": ("company",), "firm": ("company",),
               "group": ("company",), "hospital": ("other", "company")}
_VISIT_OBJECT = re.compile(r"\s+(?:of|by|to)\b")
# who set a body up, told in the next sentences: "It was jointly built by A and B", "Its founding
# members are A, B and C" (an alliance's members are its founders' list: GUIDELINES, several partners)
_JOINT_BY = re.compile(r"\b(?:jointly|together|by|between|partnership|cooperation|members?|consists of|comprises|"
                       r"founders)\b")

_WITNESS = re.compile(
    r"\b(?:presence of|witness(?:ed)?(?: of| by)?|attended by|accompanied by|hosted by|presided over by|"
    r"chaired by|attended|were present|was present|present were|in attendance)\b",
    re.IGNORECASE,
)
_WITNESS_WORDS = ("presen", "witness", "attend", "accompanied", "hosted", "presided", "chaired")  # one in every match
_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
_NAME_NEXT = re.compile(r"\s+(?:the\s+)?[A-Z]")
# "During his visit to A, X of B met ...": the visitor is told after the host.
_HIS_VISIT = re.compile(r"\b(?:his|her|their)\s+(?:\w+\s+)?visit$", re.IGNORECASE)
_DURING_VISIT = re.compile(r"\b(?:during|in the course of|on)\s+(?:the|this|that|his|her|their|its|the delegation's)\s+"
                           r"(?:\w+\s+){0,2}?(?:visit|trip|tour|stay)\b", re.IGNORECASE)
_NAMES_A_DOCUMENT = re.compile(r"\s+(?:agreements?|memorand(?:um|a)|mou|contracts?|charter)\b", re.IGNORECASE)
# "X also participated in the agreement": one more party of the signing just told.
_JOINED = re.compile(r"\b(?:also\s+)?(?:participated|took part|joined|was (?:also )?(?:a )?(?:party|signatory) to)\s+"
                     r"(?:in\s+)?(?:the\s+)?(?:agreement|signing|memorandum|mou)\b", re.IGNORECASE)
_JOINED_WORDS = ("agreement", "signing", "memorandum", "mou")  # one in every _JOINED match
# The delegation of a visit already told, as the subject of a later sentence.
_THE_DELEGATION = re.compile(r"\b(?:[Tt]he|[Tt]his|[Oo]ur)\s+(?:delegation|visitors|visiting team|guests)\b"
                             r"(?!\s+(?:of|from|led|headed|sent)\b)")
_DELEGATION_OF = re.compile(r"\bdelegation\s+(?:\w+\s+){0,2}?(?:of|from|led by|headed by)\s", re.IGNORECASE)
_VISITED_BY = re.compile(r"\b(?:visited by|received|welcomed|hosted|met with|meets|met)\b", re.IGNORECASE)
_SUPPORTER = re.compile(r"\b(?:with the (?:support|help|assistance) of|under the auspices of|supported by|sponsored by|"
                        r"funded by|facilitated by|brokered by|mediated by)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+", re.IGNORECASE)
_TWO_SIDES = re.compile(
    r"\b(?:two|both)\s+(?:sides|parties|companies|universities|institutions|organi[sz]ations|groups|"
    r"chambers|alliances|partners|schools|enterprises|entities|operators)\b|\beach other\b",
    re.IGNORECASE,
)
_THEY = re.compile(r"\b(?:[Tt]hey|[Bb]oth)\s+(?:\w+\s+){0,2}?(?:signed|unveiled|launched|inaugurated|set up|"
                   r"established|held|opened|founded|agreed|jointly)\b")
_DOC_NOUN = re.compile(
    r"\b(memorand(?:um|a)|mou|moc|moa|agreements?|contracts?|framework|accords?|deals?|pacts?|declaration)\b",
    re.IGNORECASE,
)
_NAMED_MEETING = re.compile(
    r"\b(?:summary|review|board|general|joint|annual|working|coordination|steering)\s+meeting\b|"
    r"\b(?:symposium|seminar|forum|roundtable|round-table|summit)\b(?! room| hall| cent(?:er|re))",
    re.IGNORECASE,
)
# A joint entity is news only when it is set up, unveiled or launched (not "joint lab construction").
_SET_UP = re.compile(
    r"\b(?:established|set up|launched|unveiled|inaugurated|opened|founded|formed|started|constructed|built|"
    r"created|co-founded|co-established|co-built|establish(?:es)?|launch(?:es)?|unveils?|inaugurates?|"
    r"finished construction|put into (?:operation|use))\b|"
    r"\b(?:unveiling|inauguration|opening|launching|launch|founding|establishment)\s+(?:ceremony|of)\b|"
    r"\bannounc(?:ed|es)\s+(?:a|an|the)\s+(?:new\s+)?(?:(?!of\s)[\w$\-]+\s+){0,4}?(?:consortium|alliance|joint venture)\b|"
    # "announced that their joint venture – Norpell Display Corp. – ...": a venture with a name exists
    r"\bannounc(?:ed|es)\s+that\s+(?:their|the|its)\s+(?:[\w\-]+\s+){0,3}?joint venture\s{0,3}(?:,|--?|–|—)\s{0,3}(?-i:[A-Z])|"
    # "agreed to merge their optical disc businesses into a joint venture": the merger forms it
    r"\bmerg(?:e|es|ed|ing)\s+(?:[\w\-]+\s+){0,5}?into\s+(?:a|an|the|their)\s+(?:new\s+)?(?:[\w\-]+\s+){0,2}?joint venture\b",
    re.IGNORECASE)
# a merger agreed to is the venture's set-up, not a purpose ("agreed to merge ... into a joint venture")
_MERGE_INTO = re.compile(r"merg", re.IGNORECASE)
# "the joint venture set up in 2010 by A and B reported profits on Monday": the set-up's own year
# beats the day of what the venture does now (GUIDELINES: background events, dated as far as told)
_SETUP_YEAR = re.compile(r"\b(?:set up|established|founded|formed|created|launched|opened|built)\s+"
                         r"(?:jointly\s+)?(?:(?:(?!\b(?:on|after|before|that|which|who|when|since)\s)[^.;,]){0,50}?\s)?"
                         r"in\s+((?:19|20)\d\d)\b(?!\s*[-/]?\d)", re.IGNORECASE)
# "their joint venture, C, will be set up in May": still a plan
_JV_PLANNED = re.compile(r"\b(?:will|to)\s+be\s+(?:\w+\s+)?(?:set up|established|formed|founded|created|registered)\b",
                         re.IGNORECASE)
# "signed an MoU to establish a joint institute": a purpose, not a set-up (GUIDELINES: the
# memorandum is the agreement; only the entity actually set up is a joint_entity)
_PURPOSE = re.compile(r"\b(?:to|will|would)\s+(?:jointly\s+|further\s+)?$", re.IGNORECASE)
_RESPECTIVELY = re.compile(r"\b(?:respectively|separately|individually|each signed)\b", re.IGNORECASE)
_PLACE_VISIT = re.compile(r"\b(?:visit(?:ed|s|ing)?|toured)\s+(?:the\s+)?[A-Z]")
_RELATED = re.compile(r"(?:see also|related|read more|also read|recommended|more news)\s*[:\-]", re.IGNORECASE)
_BRANCH_OF = re.compile(
    r"\b(?:headquarters?|branch|branches|subsidiary|subsidiaries|office|division|unit|arm)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE)
_RE_LEAD = re.compile(
    r"\b(?:before|after|during|following|at|ahead of|prior to)\s+the\s+(?:\w+\s+){0,2}"
    r"(?:ceremony|signing|meeting|visit|talks|event|forum|symposium|seminar)\b", re.IGNORECASE)
# Org kinds that are units of a university or company: a host's lab or school is the host.
_UNIT_HEADS = re.compile(r"\b(?:Department|Division|Office|Laboratory|Lab|Laboratories)\b")
# A school or college is a unit when its name starts with the head ("College of Engineering") or
# with another organization's name ("UA School of Engineering"); "Medical College and Hospital"
# or "Dartmouth College" stand on their own.
_SCHOOL_HEADS = re.compile(r"\b(?:School|College|Faculty)\b")


# A body two organizations run together: "Westbrook-Norland Joint Laboratory", "A-B Steering Committee".
_JOINT_BODY = re.compile(r"^\S+-\S+\s.*\b(?:Joint|Committee|Council|Board|Institute|Lab|Laboratory|Cent(?:er|re))\b")
# Organizations looked at as the parent of a school (a news article names a few dozen).
_MAX_PARENTS = 200


@dataclass
class Ev:
    type: str
    parties: list[int]
    date: str | None
    date_span: tuple[int, int] | None
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    noun: str | None = None
    location: tuple[int, int] | None = None
    topics: list[tuple[int, int]] = field(default_factory=list)
    entity: int | None = None
    party_spans: list[tuple[int, int]] = field(default_factory=list)
    named: bool = True      # a meeting named in its own right ("summary meeting", "symposium")


class _Context:
    def __init__(self, art: Article, table: OrgTable, mentions: list[tuple[int, int, int]],
                 person_orgs: list[tuple[int, int, int]]):
        self.art, self.table = art, table
        self._units: dict[int, bool] = {}
        self._hyphen: dict[int, list[int]] = {}
        self.visitor: int | None = None         # the organization on the visit being told
        self.recent: list[int] | None = None    # the parties of the event told in the last sentences
        self.mentions = sorted(mentions)
        self.person_orgs = sorted(person_orgs)
        self._m_starts = [m[0] for m in self.mentions]
        self._p_starts = [m[0] for m in self.person_orgs]
        counts: dict[int, float] = {}
        title = next((s for s in art.sentences if s.title), None)
        for s, _e, idx in mentions:
            if self.is_unit(idx):
                continue
            weight = 2.0 if title and title.start <= s < title.end else 1.0
            counts[idx] = counts.get(idx, 0) + weight
        ranked = [i for i, _ in sorted(counts.items(), key=lambda kv: (-kv[1], table.orgs[kv[0]].first))]
        solid = [i for i in ranked if table.orgs[i].kind not in ("research", "alliance")]
        self.main = (solid if len(solid) >= 2 else ranked)[:2]
        self.lead_date = lead_date(art)

    def is_unit(self, idx: int) -> bool:
        got = self._units.get(idx)
        if got is None:
            got = self._units[idx] = self._is_unit(idx)
        return got

    def hyphen_parents(self, idx: int) -> list[int] | None:
        """"Westbrook-Norland Joint Laboratory": the organizations its first word joins, each
        named in the text by that form or with it as first word; None unless every part is one."""
        got = self._hyphen.get(idx)
        if got is None:
            got = self._hyphen[idx] = self._hyphen_parents(idx)
        return got or None

    def _hyphen_parents(self, idx: int) -> list[int]:
        name = self.table.orgs[idx].name
        if not _JOINT_BODY.search(name):
            return []
        parts = name.split()[0].split("-")
        if not 2 <= len(parts) <= 4 or not all(parts):
            return []
        out: list[int] = []
        for part in parts:
            match = None
            for i in self.table.live()[:_MAX_PARENTS]:
                org = self.table.orgs[i]
                if i != idx and (part in org.surfaces or org.name == part or org.name.split()[0] == part):
                    match = i
                    break
            if match is None or match in out:
                return []
            out.append(match)
        return out

    def parent_of(self, idx: int) -> int | None:
        """The organization a unit's name starts with: "UA School of Engineering" is UA's."""
        name = self.table.orgs[idx].name
        for i in self.table.live()[:_MAX_PARENTS]:
            org = self.table.orgs[i]
            if i != idx and not self.is_unit(i) and any(
                    name.startswith(form + " ") for form in org.surfaces | {org.name}):
                return i
        return None

    def _is_unit(self, idx: int) -> bool:
        name = self.table.orgs[idx].name
        if _UNIT_HEADS.search(name):
            return True
        head = _SCHOOL_HEADS.search(name)
        if head is None:
            return False
        if head.start() == 0:
            return True
        prefix = name[:head.start()]
        return any(prefix.startswith(form + " ") for i in self.table.live()[:_MAX_PARENTS] if i != idx
                   for form in self.table.orgs[i].surfaces | {self.table.orgs[i].name})

    def orgs_in(self, start: int, end: int) -> list[tuple[int, int, int]]:
        return _within(self.mentions, self._m_starts, start, end)

    def people_orgs_in(self, start: int, end: int) -> list[tuple[int, int, int]]:
        return _within(self.person_orgs, self._p_starts, start, end)


def _within(items, starts, start: int, end: int):
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(items) and items[i][0] < end:
        if items[i][1] <= end:
            out.append(items[i])
        i += 1
    return out


def _parties(ctx: _Context, sent: Sentence, kind: str, t0: int, t1: int,
             prev: Sentence | None = None) -> tuple[list[int], list[tuple[int, int]]]:
    view = ctx.art.view
    s0, s1 = sent.start, sent.end
    # "between A and B"
    seg = view[s0:s1]
    for m in _BETWEEN.finditer(view, s0, s1) if may_match(seg, ("between",)) else ():
        stop = _BETWEEN_STOP.search(view[m.end():s1])
        end = m.end() + (stop.start() if stop else s1 - m.end())
        found = ctx.orgs_in(m.end(), end)
        ids = _unique(found)
        if len(ids) >= 2:
            return ids, [(s, e) for s, e, _ in found]
    named_here = ctx.orgs_in(s0, s1)
    if kind == "visit" and ctx.visitor is not None and _THE_DELEGATION.search(view, s0, s1):
        return _tour_stop(ctx, named_here, t1)
    mentions = named_here + (ctx.people_orgs_in(s0, s1) if kind in ("agreement", "visit") else [])
    mentions.sort()
    # drop organizations only named as witnesses or attendees
    keep = []
    w = _WITNESS.search(view, s0, s1) if may_match(seg, _WITNESS_WORDS) else None
    for s, e, idx in mentions:
        if w and kind == "agreement" and w.start() < s and not _signing_subject(view, e, s1):
            continue
        if kind in ("agreement", "meeting") and _SUPPORTER.search(view, max(s0, s - 40), s):
            continue  # "signed ... with the support of X": a sponsor, no party
        if _BRANCH_OF.search(view, max(s0, s - 40), s):
            continue  # "the Southwest Regional Headquarter of CNEC": the branch acts, not the parent
        keep.append((s, e, idx))
    ids = _unique(keep)
    spans = [(s, e) for s, e, _ in keep]
    if sum(1 for i in ids if i in ctx.main) >= 2:
        # a research body listed with the main parties is one of them: a founder of a set-up ("A, B,
        # VTT and C"), a signer or visitor ("executives of A, B Labs and C visited D"); a unit so
        # listed is a party of a set-up only ("the Center of A and Faculty of B concluded ...")
        listed = _listed_with(view, keep, ctx.main)
        ids = [i for i in ids if i in ctx.main or not (ctx.is_unit(i) or ctx.table.orgs[i].kind in ("research",))
               or i in listed and (kind == "joint_entity" or not ctx.is_unit(i))]
    if kind == "visit" and keep and all(s >= t1 for s, _, _ in keep) and not (
            len(_unique(keep)) >= 2 and _HIS_VISIT.search(view, max(s0, t0 - 30), t1)) and not re.search(
            r"\bdelegation\b|\bvisit(?:ed|s)? by\b|\b(?:his|her|their) (?:party|team|entourage)\b", view[s0:s1],
            re.IGNORECASE):
        return [], []  # hosts with no visitor named
    # a host's lab or school stands for the host in a visit
    if kind == "visit" and ctx.main:
        units = [i for i in ids if i not in ctx.main and (
            ctx.is_unit(i) or ctx.table.orgs[i].kind == "research" or not ctx.table.orgs[i].headed)]
        if units and len(ids) - len(units) <= 1:
            ids = [i for i in ids if i not in units]
    no_names = not ids and kind == "agreement" and re.search(
        r"\b(?:signed|agreed|reached|inked|concluded|renewed)\b", view[s0:s1], re.IGNORECASE)
    if kind == "visit" and (len(ids) < 2 or all(s < t0 for s, _, _ in keep)):
        obj = _PLACE_VISIT.search(view, s0, s1)
        if obj and not ctx.orgs_in(obj.end() - 1, min(s1, obj.end() + 80)):
            return [], []  # "visited Momona Park and Al Nejashi Mosque": places, not a host
    two_sides = _TWO_SIDES.search(view, s0, s1) if len(ids) < 2 else None
    if two_sides:
        # the sides are the subject: a name after them is what they talk about
        local = _sides_told_before(ctx, [i for s, _, i in keep if s < two_sides.start()], prev)
        if local:
            return local, spans
    if kind in ("meeting", "joint_entity"):
        ids = _joint_parents(ctx, ids, kind)
    they = _THEY.search(view, s0, t0) if len(ids) < 2 and not two_sides and ctx.recent else None
    if they and all(i in ctx.recent or kind == "joint_entity" for i in ids):
        # "At the ceremony, they also unveiled ...": the parties just told (and the entity unveiled)
        return list(dict.fromkeys(ctx.recent + ids)), spans
    if len(ids) < 2 and ctx.main and (len(ctx.main) == 2) and (
            two_sides or no_names or kind in ("agreement", "visit") and (
                ids and ids[0] in ctx.main and named_here or kind == "visit" and ids)):
        for i in ctx.main:
            if i not in ids:
                ids.append(i)
    return ids, spans


def _listed_with(view: str, keep: list[tuple[int, int, int]], main: list[int]) -> set[int]:
    """Organizations in one comma/"and" list with a main party."""
    out: set[int] = set()
    run: list[int] = []
    prev_end = -1
    for s, e, idx in keep:
        if prev_end < 0 or not _LIST_GAP.fullmatch(view, prev_end, s):
            if any(i in main for i in run):
                out.update(run)
            run = []
        run.append(idx)
        prev_end = e
    if any(i in main for i in run):
        out.update(run)
    return out


def _joint_parents(ctx: _Context, ids: list[int], kind: str) -> list[int]:
    """"The Westbrook-Norland Joint Steering Committee held its annual meeting": a joint body
    named after two organizations of the text stands for them (a set-up keeps the entity too)."""
    out: list[int] = []
    for i in ids:
        parents = ctx.hyphen_parents(i)
        if parents and kind == "joint_entity":
            out.append(i)
        for j in parents or [i]:
            if j not in out:
                out.append(j)
    return out


def _tour_stop(ctx: _Context, named: list[tuple[int, int, int]], t1: int) -> tuple[list[int], list[tuple[int, int]]]:
    """"The delegation visited B's School of Engineering": the delegation on its tour and the host
    named here; a school stands for the organization its name starts with ("UA School of ...")."""
    hosts: list[int] = []
    spans = []
    for s, e, idx in named:
        if idx == ctx.visitor:
            continue
        if ctx.is_unit(idx):
            idx = ctx.parent_of(idx)
            if idx is None or idx == ctx.visitor:
                continue
        if idx not in hosts:
            hosts.append(idx)
            spans.append((s, e))
    if len(hosts) != 1:
        return [], []
    return [ctx.visitor, hosts[0]], spans


def _sides_told_before(ctx: _Context, ids: list[int], prev: Sentence | None) -> list[int]:
    """"The two sides" of the story being told, not of the whole article: the delegation on its
    tour and the one host named here or in the sentence before ("During the visit to B, B's
    president met with the delegation. The two sides signed ..."), else the parties of an event
    told in the last sentences."""
    if ctx.visitor is not None:
        hosts = [i for i in ids if i != ctx.visitor]
        if not hosts and prev is not None:
            hosts = [i for i in _unique(ctx.orgs_in(prev.start, prev.end))
                     if i != ctx.visitor and not ctx.is_unit(i)]
        if len(hosts) == 1:
            return [ctx.visitor, hosts[0]]
    if ctx.recent is not None and len(ctx.recent) >= 2 and all(i in ctx.recent for i in ids):
        return list(ctx.recent)
    return []


def _visitor(ctx: _Context, sent: Sentence, parties: list[int], t0: int, t1: int) -> int | None:
    """Which party of a visit is the visitor: the one of "a delegation from/led by X" or "X
    delegation", the one "visited by", else the one named before "visited"."""
    view = ctx.art.view
    found = sorted(ctx.orgs_in(sent.start, sent.end) + ctx.people_orgs_in(sent.start, sent.end))
    found = [m for m in found if m[2] in parties]
    m = _DELEGATION_OF.search(view, sent.start, sent.end)
    if m:
        after = [idx for s, _, idx in found if m.end() <= s < m.end() + 120]
        if after:
            return after[0]
    pos = view.find("delegation", sent.start, sent.end)
    if pos >= 0:
        before = [idx for _, e, idx in found if pos - 4 <= e <= pos]
        if before:
            return before[-1]
    if _VISITED_BY.search(view, sent.start, sent.end):
        return None
    before = [idx for s, _, idx in found if s < t0]
    return before[0] if before else None


def _signing_subject(view: str, end: int, s1: int) -> bool:
    """An organization right before "signed" is a signer even after a witness phrase."""
    return bool(_SIGNER_AFTER.match(view[end:s1]))


def _unique(found) -> list[int]:
    out: list[int] = []
    for _, _, idx in found:
        if idx not in out:
            out.append(idx)
    return out


def _entity(ctx: _Context, sent: Sentence, parties: list[int], t1: int = -1) -> int | None:
    best = None
    for s, e, idx in ctx.orgs_in(sent.start, sent.end):
        if s < t1 <= e and idx not in ctx.main and ctx.table.orgs[idx].kind in ("research", "alliance"):
            return idx  # the trigger's own noun is in the name: "the Joint Center for Future Connectivity"
    for s, e, idx in ctx.orgs_in(sent.start, sent.end):
        org = ctx.table.orgs[idx]
        before = ctx.art.view[max(sent.start, s - 40):s].lower()
        if idx in ctx.main and not (_JV_NAMED.search(before) or _JV_AFTER.match(ctx.art.view, e)):
            continue  # a main party is a founder, unless it is the venture's name itself
        if org.kind in ("research", "alliance") or _JV_NAMED.search(before) or _JV_AFTER.match(ctx.art.view, e):
            best = idx
            break
    return best


def extract_events(art: Article, table: OrgTable, mentions, person_orgs) -> list[Ev]:
    """Every event of the article, sentence by sentence, then merged (`_dedupe`)."""
    reader = _EventReader(art, table, mentions, person_orgs)
    for n, sent in enumerate(art.sentences):
        reader.sentence(n, sent)
    title = next(((s.start, s.end) for s in art.sentences if s.title), None)
    return _dedupe(reader.events, title)


class _EventReader:
    """The events of one article, read in order: a sentence's reading depends on what came
    before it (the paragraph's dates, the events told so far, the parties just named)."""

    def __init__(self, art: Article, table: OrgTable, mentions, person_orgs) -> None:
        self.ctx = _Context(art, table, mentions, person_orgs)
        self.art, self.table, self.view = art, table, art.view
        self.events: list[Ev] = []
        self.para_dates: list = []
        self.prev_end = -1
        self.hits = sentence_triggers(art)
        self.last_event_sentence = -10
        self.recent_at = -10

    def sentence(self, n: int, sent) -> None:
        art, view, events = self.art, self.view, self.events
        prev_end = self.prev_end
        if sent.start - prev_end > 2 or "\n" in art.text[prev_end:sent.start] if prev_end >= 0 else True:
            self.para_dates = []
        self.prev_end = sent.end
        if _RELATED.match(view, sent.start, sent.end):
            return  # "See also: X signs deal with Y" links another article
        seg = view[sent.start:sent.end]
        found = self._triggers(n, sent, seg)
        # the date is read only for a sentence that reports an event (most report none)
        date, dspan = date_for(art, sent, self.para_dates) if found else (None, None)
        day = paragraph_day(art, sent)
        if day is not None:
            self.para_dates.append(day)
        for kind, (t0, t1) in found.items():
            date, dspan = self._event(n, sent, seg, kind, t0, t1, date, dspan)
        if n - self.recent_at > 2:
            self.ctx.recent = None
        if not found and events:
            self._joined(n, sent, seg)
        if not found and events and not events[-1].topics and n - self.last_event_sentence <= 3:
            # "Under the agreement, the two sides will cooperate in the fields of X, Y and Z."
            events[-1].topics = topics(view, sent)
        if found:
            self.last_event_sentence = n

    def _triggers(self, n: int, sent, seg: str) -> dict[str, tuple[int, int]]:
        """The sentence's first trigger of each kind that reports an event (not a plan, not a
        reference back to one already told)."""
        view, events = self.view, self.events
        found: dict[str, tuple[int, int]] = {}
        for kind, t0, t1 in self.hits[n]:
            if kind in found or intended(view, sent, t0):
                continue
            if reference(view, sent, t0, t1) and not (kind == "visit" and not any(e.type == "visit" for e in events)):
                continue  # "During the visit, ...": told before (the first telling of a visit is the visit)
            if kind == "joint_entity" and _NAMES_A_DOCUMENT.match(view, t1, sent.end):
                continue  # "the Joint Institute Agreement": a document's name, no entity set up
            if kind == "visit" and not _told_visit(view, sent, seg, t0, t1):
                continue  # a later word may tell it ("led a delegation to X for a visit")
            found[kind] = (t0, t1)
        if "meeting" in found:
            named = _NAMED_MEETING.search(seg)
            during = _DURING_VISIT.search(seg)
            if not named and ("agreement" in found or "visit" in found or during):
                if during and "visit" not in found and not any(e.type == "visit" for e in events):
                    found["visit"] = found["meeting"]  # "During the visit, X of A met Y of B": the visit itself
                del found["meeting"]  # talks at a signing or during a visit are part of it
        if "joint_entity" in found and (not any(
                not INTENT.search(seg[max(0, m.start() - 30):m.start()]) and (
                    not _PURPOSE.search(seg, 0, m.start()) or _MERGE_INTO.match(m.group()))
                for m in _SET_UP.finditer(seg)) or _JV_PLANNED.search(seg)):
            del found["joint_entity"]  # nothing set up, or only "will launch"
        return found

    def _event(self, n: int, sent, seg: str, kind: str, t0: int, t1: int, date, dspan):
        """The event(s) of one trigger: its parties, entity, date, pairs, place and fields.
        Returns the sentence's date, which a lead event's day may have filled in."""
        ctx, art, view = self.ctx, self.art, self.view
        parties, pspans = _parties(ctx, sent, kind, t0, t1, art.sentences[n - 1] if n else None)
        entity = None
        if kind == "joint_entity":
            entity, parties = self._entity(sent, parties, t1)
        if kind == "joint_entity" and entity is None and not _JOINT_WORD.search(seg):
            return date, dspan  # "Brightwave set up a research center": no partner, no named entity
        if len(parties) < 2:
            return date, dspan
        # "A and B, which signed a memorandum in 2019, launched ...": the clause's own date is this
        # event's alone (the sentence's stays the others')
        told = clause_date(art, sent, t0)
        if date is None and told is None and ctx.lead_date and not sent.title and (
                len(ctx.main) == 2 and set(ctx.main) <= set(parties) or _RE_LEAD.search(seg)
                or takes_lead(art, sent, ctx.lead_date)):
            # the lead event's day: "Before the signing ceremony, Wu visited ...", the same parties,
            # "Similarly, C also signed with D"; not a background event ("has already signed
            # similar agreements") nor one on a tour of several days (train dates .769 -> .808)
            date, dspan = ctx.lead_date
        noun = None
        nm = _DOC_NOUN.search(seg)
        if nm:
            noun = nm.group(1).lower().rstrip("s")
            noun = "memorandum" if noun in ("mou", "moc", "moa", "memoranda", "memorandum") else noun
        pairs = self._pairs(sent, seg, kind, parties, t0, t1)
        if kind == "visit":
            visitor = pairs[0][0] if len(pairs) > 1 else _visitor(ctx, sent, parties, t0, t1)
            ctx.visitor = ctx.visitor if visitor is None else visitor
        ctx.recent, self.recent_at = parties, n
        # "From October 12 to 18, ... visited A, B and C": each host's visit is the tour's, dated
        # by the range's first day (CONVENTIONS 8; the corpus's train gold dates every host so)
        own, own_span = told if told is not None else (date, dspan)
        for ps in pairs[1:]:
            self.events.append(Ev(kind, ps, own, own_span, (t0, t1), (sent.start, sent.end), noun=noun,
                                  party_spans=pspans))
        ev = Ev(kind, pairs[0], own, own_span, (t0, t1), (sent.start, sent.end), noun=noun, entity=entity,
                party_spans=pspans, named=kind != "meeting" or _named_meeting(art, n))
        if kind == "joint_entity":
            ev.date, ev.date_span = _setup_year(art, sent) or (ev.date, ev.date_span)
        ev.location = location(view, sent, t1)
        ev.topics = topics(view, sent)
        self.events.append(ev)
        return date, dspan

    def _entity(self, sent, parties: list[int], t1: int) -> tuple[int | None, list[int]]:
        """A joint entity's name, out of its parties; organizations its name starts with
        ("Kestrel" of "Kestrel Lumio Labs") are parties, and so are founders named ahead."""
        ctx, table = self.ctx, self.table
        entity = _entity(ctx, sent, parties, t1)
        if entity is not None:
            parties = [p for p in parties if p != entity]
            ename = table.orgs[entity].name
            for idx in table.live():
                if idx not in parties and idx != entity and table.orgs[idx].name and \
                        ename.startswith(table.orgs[idx].name + " "):
                    parties.append(idx)
        if len(parties) < 2 and entity is not None:
            parties = _parties_ahead(ctx, self.art, sent, entity, parties)
        return entity, parties

    def _pairs(self, sent, seg: str, kind: str, parties: list[int], t0: int, t1: int) -> list[list[int]]:
        """One event with all parties, or one per pair: "signed MOUs with B and C respectively",
        "A, B and C visited D and signed agreements with the university" (D with each of them),
        "X's delegation visited A, B and C" (the visitor and each host)."""
        plural = _PLURAL_DOCS.search(seg) if kind == "agreement" else None
        if len(parties) >= 3 and (_RESPECTIVELY.search(seg) or plural):
            hub = self._counterpart(sent, parties, sent.start + plural.end()) if plural else None
            first = parties[0] if hub is None else hub
            return [[first, p] for p in parties if p != first]
        if kind == "visit" and len(parties) >= 3:
            pos = _first_positions(self.ctx, sent, parties)
            visitors = [p for p in parties if pos.get(p, t0) < t0]
            hosts = [p for p in parties if pos.get(p, -1) > t1]
            if len(visitors) == 1 and len(hosts) >= 2 and len(visitors) + len(hosts) == len(parties):
                return [[visitors[0], h] for h in hosts]
        return [parties]

    def _counterpart(self, sent, parties: list[int], after_with: int) -> int | None:
        """The one party that signs with each of the others: the only one named after "agreements
        with" when several stand before it, or the one party of the kind "with the university"
        (the company, the institute) refers to; None when the text does not single one out."""
        ctx, view = self.ctx, self.view
        pos = _first_positions(ctx, sent, parties)
        named = [p for p in parties if pos.get(p, -1) >= after_with]
        if len(named) == 1 and len(parties) - len(named) >= 2:
            return named[0]
        ref = _THE_KIND.match(view, after_with, sent.end)
        if named or ref is None:
            return None
        kinds = _KIND_WORDS[ref.group(1).lower()]
        hubs = [p for p in parties if ctx.table.orgs[p].kind in kinds]
        return hubs[0] if len(hubs) == 1 else None

    def _joined(self, n: int, sent, seg: str) -> None:
        """"... later joined the agreement": the organizations named before "joined" become
        parties of the last agreement told within three sentences."""
        view, events, art = self.view, self.events, self.art
        joined = _JOINED.search(view, sent.start, sent.end) if may_match(seg, _JOINED_WORDS) else None
        if not joined:
            return
        since = art.sentences[max(0, n - 3)].start
        last = next((e for e in reversed(events) if e.type == "agreement" and e.sentence[0] >= since), None)
        for s, e, idx in self.ctx.orgs_in(sent.start, joined.start()) if last else ():
            if idx not in last.parties:
                last.parties.append(idx)
                last.party_spans.append((s, e))


# Past this many events a text is no news article; keep the first ones (dedupe is quadratic).
_MAX_EVENTS = 200


# "led a delegation to visit Veltrix University": the verb's infinitive after a delegation (not
# "invited them to visit", a plan), with its named host
_TO_VISIT = re.compile(r"\bdelegation\b[^.;]{0,50}?\bto\s+$", re.IGNORECASE)
_DELEGATION_TRIP = re.compile(r"\b(?:visit|came to|arriv|tour|met|hosted|received|welcomed|meet)|\bdelegation\s+to\s",
                              re.IGNORECASE)


def _told_visit(view: str, sent: Sentence, seg: str, t0: int, t1: int) -> bool:
    """A visit trigger that tells a trip: "visit" as a noun of or to someone ("the visit of A",
    "a visit to B") or as the verb of a delegation with its named host ("led a delegation to visit
    Veltrix University");
    "delegation" in a sentence telling the trip; "headed", "travelled", "flew" to a named place."""
    word = view[t0:t1].lower()
    if word == "visit":
        return bool(_VISIT_OBJECT.match(view[t1:sent.end])) or bool(
            _TO_VISIT.search(view, max(sent.start, t0 - 70), t0) and _NAME_NEXT.match(view, t1, sent.end))
    if word == "delegation":
        return bool(_DELEGATION_TRIP.search(seg))
    if word.startswith(("headed", "travel", "flew")):
        return bool(_NAME_NEXT.match(view, t1, sent.end))  # "is headed for a merger": no trip
    return True


def _first_positions(ctx: _Context, sent: Sentence, parties: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for s, _, idx in sorted(ctx.orgs_in(sent.start, sent.end) + ctx.people_orgs_in(sent.start, sent.end)):
        if idx in parties:
            out.setdefault(idx, s)
    return out


def _named_meeting(art: Article, n: int) -> bool:
    """The meeting is named in its paragraph ("... The meeting was the first joint general meeting")."""
    prev = art.sentences[n]
    for sent in art.sentences[n:n + 5]:
        if "\n" in art.text[prev.end:sent.start]:
            break  # the paragraph ends
        if _NAMED_MEETING.search(art.view, sent.start, sent.end):
            return True
        prev = sent
    return False


def _setup_year(art: Article, sent: Sentence) -> tuple[str, tuple[int, int]] | None:
    """The year a joint entity was set up, when the sentence tells it and no day of the month
    ("set up in 2010"; not a year still to come after the published one)."""
    if any(d.month is not None for d in sentence_dates(art, sent)):
        return None
    m = _SETUP_YEAR.search(art.view, sent.start, sent.end)
    if m is None or art.published and m.group(1) > art.published[:4]:
        return None
    return m.group(1), (m.start(1), m.end(1))


def _parties_ahead(ctx: _Context, art: Article, sent: Sentence, entity: int, parties: list[int]) -> list[int]:
    """"The X Joint Lab was unveiled. It was jointly built by A and B." or "Its members are A, B
    and C.": parties told next."""
    i = art.sentences.index(sent)
    for nxt in art.sentences[i + 1:i + 3]:
        if not _JOINT_BY.search(art.view[nxt.start:nxt.end]):
            continue
        ids = [idx for _, _, idx in ctx.orgs_in(nxt.start, nxt.end) if idx != entity]
        ids = list(dict.fromkeys(parties + ids))
        if len(ids) >= 2:
            return ids
    return parties


def _dedupe(events: list[Ev], title: tuple[int, int] | None = None) -> list[Ev]:
    """One event told twice is kept once: same type, same parties (or one set inside the other,
    for the same kind of document), compatible dates; the first telling keeps its parties."""
    out: list[Ev] = []
    events = events[:_MAX_EVENTS]
    # the headline tells the lead event again: fold it into the body's event of that type
    if title is not None:
        heads = [e for e in events if e.sentence == title]
        body = [e for e in events if e.sentence != title]
        for h in heads:
            twin = next((b for b in body if b.type == h.type and set(b.parties) & set(h.parties)), None)
            if twin is not None:
                twin.parties += [p for p in h.parties if p not in twin.parties]
                events = [e for e in events if e is not h]
    for ev in events:
        twin = None
        for o in out:
            if o.type != ev.type:
                continue
            a, b = set(o.parties), set(ev.parties)
            dates_ok = o.date == ev.date or o.date is None or ev.date is None
            if ev.type == "joint_entity" and (o.entity is None or ev.entity is None or o.entity == ev.entity):
                dates_ok = True  # one entity: unveiled on a day, built in a year
            if a == b and dates_ok or (a <= b or b <= a) and min(len(a), len(b)) >= 2 and dates_ok and (
                    o.noun == ev.noun or o.noun is None or ev.noun is None or o.type != "agreement"):
                twin = o
            if twin:
                break
        if twin is None:
            out.append(ev)
            continue
        if twin.date is None and ev.date is not None:
            twin.date, twin.date_span = ev.date, ev.date_span
        if twin.location is None:
            twin.location = ev.location
        if not twin.topics:
            twin.topics = ev.topics
        if twin.entity is None:
            twin.entity = ev.entity
    # talks held during a visit or at a signing belong to that event, not a meeting of their own
    visits = [set(e.parties) for e in out if e.type in ("visit", "agreement")]
    return [e for e in out if e.type != "meeting" or e.named or not any(set(e.parties) <= v for v in visits)]
