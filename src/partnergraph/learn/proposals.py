"""Event proposals over every organization candidate, for the events model to keep or drop
(Chinese shapes first; the English shape at the end: `_english_subjects`).

The rule engine finds its events among the names it reads itself. A party it never reads (a
place standing in an actor's slot, 福建省与中国工程院签署; a short form or a brand only the tagger
finds, 工研院与…签署) leaves the event unfound, and the pair, with no rule event behind it, scores
low. Here the plainest shape of a cooperation clause is read again over all the candidates (the
rules', the tagger's, the places'): two names joined by 与 or 和 before an agreement's or a
set-up's trigger of the rules' lexicon in the same clause (A与B签署…协议, A和B共同组建…). Each such pair that no rule event of
the trigger's type holds is a proposed event (stage `proposed`), a candidate of the events model
like a rule event, which learns from the gold how far to trust the shape (`candidates.event_features`:
`proposed`). Plans, negations, guests attending and the set-up an agreement is about are no
events, as the rules read them (`EventFinder._not_an_event`).

A list on one side of 与 and one name on the other (甲与A、B、C签约; A、B等11家企业与甲签约)
proposes each member with that name, for an agreement (`proposed|shape=listed`); a set-up of
them all is one entity of all its named parties (GUIDELINES.md), so it is not proposed pair by
pair. The one name may be 我市 (本市, 我县, 我省…), which the guidelines count as no organization,
standing for the article's own place when the article names it: its one candidate of that level
(渭南市 for 我市; `proposed|home`).

Another shape: a base or an institute unveiled at a signing (签约仪式上,…基地同步揭牌;
签订了协议,并举行了…基地授牌仪式) names no party of its own: the guidelines count it as a
`joint_entity` of the signing's parties, beside the agreement. An unveiling word (揭牌, 挂牌, 授牌,
揭幕) in a sentence that also tells a signing, with no set-up of the rules' told in that sentence,
proposes a `joint_entity` of the parties of the last agreement told at or before it (the rules'
or a proposed one). Its evidence holds no party span (the parties are named where the signing
is told): `candidates.event_features` tells the events model this shape apart
(`proposed|shape=at_signing`).

A name only the tagger reads that ends with another candidate's name, written alone elsewhere in
the article, is that name with words glued before it (南川市双拥办协调南川军分区 where the article
also writes 南川军分区): the name beside 与 is the shorter one, which signs (`_glued_readings`).

And a delegation that came to sign: the two parties of an agreement, one of them named in a
sentence that tells a delegation (一行, 代表团, 率队, 来访…, not as a plan), make a proposed
`visit` when no rule visit holds them (GUIDELINES.md: a visit during which an agreement is
signed is both events; `proposed|shape=to_sign`). The delegation may be named through its
leaders, people the rules post at a party (成永旭、邹菊方等一行来汉签约); and of an agreement of
three or more, the parties such a sentence names (or names a person of) are the visitors, each
visiting the one party it leaves out (A与B、C签订协议,…B主任郭洪、C总经理许强一行还考察了…).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice
from typing import TYPE_CHECKING

from partnergraph.documents.normalize import match_view
from partnergraph.documents.traditional import to_simplified
from partnergraph.extraction.rules.chinese.events import EventFinder
from partnergraph.extraction.rules.chinese.lexicon import lexicon
from partnergraph.models import Event, Span

if TYPE_CHECKING:
    from partnergraph.learn.candidates import Context

PROPOSED_STAGE = "proposed"
# what joins the two names: 与 (與 in the Simplified view) or 和, with at most a space or a
# closing bracket beside it (A(简称甲)与B is read as the bracket's end, then 与)
_JOIN = re.compile(r"[)\s]?[与和]\s?")
MAX_JOIN = 3
_LOOKAHEAD = 4  # names looked past for the next one (other readings of the same words)
_MAX_CLAUSE_TRIGGERS = 8  # triggers of a clause a pair looks at
_MAX_PROPOSALS = 24  # per article: a handful at most in real ones
# the types the shape tells: A与B before a meeting's word is more often its topic or its guests
# (zh train, out of fold: agreements 14 of 19 proposals a gold event, set-ups 5 of 19, meetings
# 0 of 1), and a visit is told as a delegation going to its host, not as A与B
PROPOSED_TYPES = ("agreement", "joint_entity")
# an unveiling (in the Simplified view) and a signing told in one sentence
_UNVEILED = re.compile(r"揭牌|挂牌|授牌|揭幕")
_SIGNED = re.compile(r"签约|签订|签署|续签")
_MAX_UNVEILINGS = 4  # unveiling words of one sentence looked at
# one side of 与 listed (甲与A、B和C签约; A、B等4家企业与甲签约): what stands between two names
# of the list, and a count of it before 与
_LIST_GAP = re.compile(r"\s?(?:、|和|及|以及)\s?")
_MAX_LIST_GAP = 4
_COUNTED_JOIN = re.compile(r"等[0-9一二两三四五六七八九十几多]{0,3}[家所个位]?"
                           r"(?:企业|单位|公司|高校|院校|学校|医院|机构|部门|银行)?\s?与\s?")
_MAX_COUNTED_JOIN = 12
_MAX_LISTED = 12  # names of a one-to-many signing, both sides: a longer list is a member list
# the article's own place named as a reference (我市与…签约): GUIDELINES.md counts no generic
# reference as an organization, but the place it stands for, when the article names it
HOME = re.compile(r"(?:我|本)(市|区|县|省|州|盟|旗)")
_MAX_HOMES = 4  # references of one sentence looked at
# a delegation told (in the Simplified view): its visit, when its body signs
# (率领团队来签, 率领代表团; 赴渝签署: a delegation gone to sign, in a title)
_DELEGATION = re.compile(r"一行|代表团|考察团|访问团|率队|带队|率团|来访|莅临|到访"
                         r"|率领[^,。:]{0,12}?[团队]|赴[^,。:]{1,8}?签")
_MAX_DELEGATION_SENTENCES = 12  # sentences of a signing's parties looked at, the first ones
_MAX_DELEGATIONS = 4  # delegation words of one sentence looked at


def view(text: str) -> str:
    """The text as the rules match it: same length, normalized, Simplified."""
    return to_simplified(match_view(text))


def propose_events(ctx: Context) -> list[Event]:
    """The proposed events of an article, in text order (English: `_english_subjects`). Each sentence
    is read once for its joined names and once for its triggers; a pair looks at the few
    triggers of its clause: linear in the article's names and triggers."""
    if len(ctx.orgs) < 2:
        return []
    if ctx.lang != "zh":
        return _english_subjects(ctx)
    v = view(ctx.doc.text)
    held: dict[str, list[set[int]]] = {}
    for ev in ctx.rules.events:
        held.setdefault(ev.type, []).append({ctx.index[p] for p in ev.parties if p in ctx.index})
    triggers = [(typ, rx) for typ, rx in lexicon().triggers.items() if typ in PROPOSED_TYPES]
    out: list[Event] = []
    seen: set[tuple[str, frozenset]] = set()
    homes: dict[str, int | None] = {}
    glued = _glued_readings(ctx)
    for si, ms in sorted(ctx.by_sentence.items()):
        s0, s1 = ctx.sents[si]
        if glued:
            ms = sorted((e - glued[i][1], e, glued[i][0]) if i in glued and
                        ctx.doc.text.endswith(ctx.orgs[glued[i][0]].name, s, e) else (s, e, i) for s, e, i in ms)
        ms = _with_home(ctx, v, s0, s1, ms, homes)
        if len(ms) < 2:
            continue
        joined = []
        for n, a in enumerate(ms):
            # the next name after this one (another reading of overlapping words is skipped)
            b = next((m for m in ms[n + 1:n + 1 + _LOOKAHEAD] if m[0] >= a[1]), None)
            if b is not None and a[2] != b[2] and 0 < b[0] - a[1] <= MAX_JOIN and _JOIN.fullmatch(v, a[1], b[0]):
                joined.append((a, b))
        # a list's members with the one name on the other side of 与: each signed with it, but a
        # set-up of them all is one entity of all its named parties (GUIDELINES.md), not pairs
        joined = [(a, b, a[0], b[1], PROPOSED_TYPES) for a, b in joined] + \
            [(a, b, first, last, ("agreement",)) for a, b, first, last in _one_to_many(v, ms)]
        if not joined:
            continue
        hits = sorted((m.start(), m.end(), typ) for typ, rx in triggers for m in rx.finditer(v, s0, s1))
        starts = [h[0] for h in hits]
        clause_ends: dict[int, int] = {}
        for a, b, first, last, types in joined:
            # the triggers after the pair (and the list it is read from) in its clause (no comma
            # or colon from the first name on), found once per first name
            ce = clause_ends.get(first)
            if ce is None:
                ends = [k for k in (v.find(",", first, s1), v.find(":", first, s1)) if k >= 0]
                ce = clause_ends[first] = min(ends, default=s1)
            k = bisect_left(starts, last)
            for ts, te, typ in hits[k:k + _MAX_CLAUSE_TRIGGERS]:
                if ts >= ce:
                    break
                if typ not in types:
                    continue
                pair = frozenset((a[2], b[2]))
                if (typ, pair) in seen or any(pair <= ids for ids in held.get(typ, [])) \
                        or EventFinder._not_an_event(v, s0, ts, typ):
                    continue
                seen.add((typ, pair))
                out.append(Event(
                    type=typ, parties=[ctx.orgs[a[2]].name, ctx.orgs[b[2]].name],
                    evidence=[Span(start=s0, end=s1, field="sentence"), Span(start=ts, end=te, field="trigger"),
                              Span(start=a[0], end=a[1], field="party"), Span(start=b[0], end=b[1], field="party")],
                    confidence=0.5, stage=PROPOSED_STAGE))
                if len(out) >= _MAX_PROPOSALS:
                    return out
    out = _unveiled_at_signings(ctx, v, out, held)
    return _visits_to_sign(ctx, v, out, held)


_MIN_GLUED = 2  # characters glued before the shorter name at least (a verb: 协调, 组织)
_MAX_GLUED_READINGS = 8  # tagger readings of an article looked at


def _glued_readings(ctx: Context) -> dict[int, tuple[int, int]]:
    """Each organization only the tagger reads (南川市双拥办协调南川军分区) whose name ends with
    the name of another candidate (南川军分区, of three characters or more) that the article also
    writes alone, not inside it: that candidate and its name's length. One pass over the
    candidates for each of the article's first few tagger readings."""
    out: dict[int, tuple[int, int]] = {}
    tagged = [i for i, o in enumerate(ctx.orgs) if o.stage == "tagger"][:_MAX_GLUED_READINGS]
    for i in tagged:
        name = ctx.orgs[i].name
        spans = [m[:2] for m, _ in ctx.mentions_of.get(i, [])]
        best = None
        for j, o in enumerate(ctx.orgs):
            n = len(o.name)
            if j == i or n < 3 or len(name) - n < _MIN_GLUED or not name.endswith(o.name) \
                    or best is not None and n <= best[1]:
                continue
            if any(not any(a <= s and e <= b for a, b in spans) for (s, e, _), _ in ctx.mentions_of.get(j, [])):
                best = (j, n)
        if best is not None:
            out[i] = best
    return out


def _with_home(ctx: Context, v: str, s0: int, s1: int, ms: list[tuple[int, int, int]],
               homes: dict[str, int | None]) -> list[tuple[int, int, int]]:
    """The sentence's names and, where it says 我市 (本市, 我县, 我省…) right before 与 and a name,
    that reference as a name of the article's own place (its one candidate of that level: 渭南市
    for 我市), which signs with the names after it (我市与A、B、C举行签约仪式). `homes` keeps each
    level's answer for the article."""
    extra = []
    starts = {n[0] for n in ms}
    tried = 0
    for m in HOME.finditer(v, s0, s1):
        j = _JOIN.match(v, m.end())
        if j is None or j.end() not in starts:
            continue
        tried += 1
        if tried > _MAX_HOMES:
            break
        if any(n[0] <= m.start() < n[1] for n in ms):
            continue  # inside a name (日本市场: no reference)
        level = m.group(1)
        if level not in homes:
            homes[level] = _home(ctx, level)
        if homes[level] is not None:
            extra.append((m.start(), m.end(), homes[level]))
    return sorted(ms + extra) if extra else ms


def _home(ctx: Context, level: str) -> int | None:
    """The article's one named place or government of a level (市: 渭南市, 渭南市人民政府 are
    one), the one its title names when it names several; else None."""
    ends = (level, level + "政府", level + "人民政府")
    found: dict[str, list[int]] = {}
    for i, o in enumerate(ctx.orgs):
        if o.kind == "government" and i in ctx.mentions_of and o.name.endswith(ends):
            place = o.name[:o.name.rfind(level) + 1]
            if len(place) >= 3:  # 渭南市, not 市
                found.setdefault(place, []).append(i)
    if len(found) > 1:
        found = {k: ids for k, ids in found.items() if any(i in ctx.in_title for i in ids)}
    if len(found) != 1:
        return None
    return min(next(iter(found.values())), key=lambda i: (len(ctx.orgs[i].name), i))


def _one_to_many(v: str, ms: list[tuple[int, int, int]]) -> list[tuple[tuple[int, int, int], tuple[int, int, int], int, int]]:
    """The pairs of one sentence's names that a list on one side of 与 makes with the one name
    on its other side (甲与A、B和C; A、B等4家企业与甲), each (the two names next to the
    connective are also joined pairs when nothing but it stands between them): (hub or member, member or hub, where the clause's names start, where they end). One
    pass over the names: linear in them."""
    names: list[tuple[int, int, int]] = []
    for m in ms:  # in text order, other readings of the same words left out
        if not names or m[0] >= names[-1][1]:
            names.append(m)
    runs: list[list[tuple[int, int, int]]] = []
    joins: list[int] = []  # the runs a connective joins to the next one
    for n, m in enumerate(names):
        prev = names[n - 1] if n else None
        gap = m[0] - prev[1] if prev is not None else -1
        if prev is not None and 0 < gap <= _MAX_LIST_GAP and _LIST_GAP.fullmatch(v, prev[1], m[0]):
            runs[-1].append(m)
            continue
        if prev is not None and 0 < gap <= _MAX_COUNTED_JOIN and (
                _JOIN.fullmatch(v, prev[1], m[0]) or _COUNTED_JOIN.fullmatch(v, prev[1], m[0])):
            joins.append(len(runs) - 1)
        runs.append([m])
    out = []
    chained = set(joins)
    for j in joins:
        if j - 1 in chained or j + 1 in chained:
            continue  # A与B、C与D: pairs side by side, no one-to-many
        left, right = runs[j], runs[j + 1]
        ids = {m[2] for m in left} | {m[2] for m in right}
        if len(ids) < len(left) + len(right):
            continue  # a name on both sides: no one-to-many
        if len(left) + len(right) > _MAX_LISTED:
            continue  # a member list, named apart
        first, last = left[0][0], right[-1][1]
        if len(left) == 1 and len(right) >= 2:
            out += [(left[0], m, first, last) for m in right]
        elif len(right) == 1 and len(left) >= 2:
            out += [(m, right[0], first, last) for m in left]
    return out


def _unveiled_at_signings(ctx: Context, v: str, out: list[Event], held: dict[str, list[set[int]]]) -> list[Event]:
    """`out` and a `joint_entity` for each unveiling told at a signing (签约仪式上,…基地揭牌),
    of the parties of the last agreement told at or before it: one bisection per unveiling over
    the agreements' triggers, linear in the article's sentences."""
    agreements = []
    for ev in list(ctx.rules.events) + out:
        trig = next((s for s in ev.evidence if s.field == "trigger"), None)
        ids = list(dict.fromkeys(ctx.index[p] for p in ev.parties if p in ctx.index))
        if ev.type == "agreement" and trig is not None and len(ids) >= 2:
            agreements.append((trig.start, ids))
    if not agreements:
        return out
    agreements.sort(key=lambda a: a[0])
    starts = [a[0] for a in agreements]
    set_up = {ctx.sentence_at(s.start) for ev in ctx.rules.events if ev.type == "joint_entity"
              for s in ev.evidence if s.field == "trigger"}
    # a set-up already proposed for the same parties (A与B共建…, then …基地揭牌) is not proposed twice
    seen: set[frozenset] = {frozenset(ctx.index[p] for p in ev.parties if p in ctx.index)
                            for ev in out if ev.type == "joint_entity"}
    for si, (s0, s1) in enumerate(ctx.sents):
        if si in set_up or _SIGNED.search(v, s0, s1) is None:
            continue
        for n, m in enumerate(_UNVEILED.finditer(v, s0, s1)):
            if n >= _MAX_UNVEILINGS or len(out) >= _MAX_PROPOSALS:
                break
            k = bisect_left(starts, m.start()) - 1
            if k < 0 or EventFinder._not_an_event(v, s0, m.start(), "joint_entity"):
                continue
            ids = agreements[k][1]
            pair = frozenset(ids)
            if pair in seen or any(pair <= h for h in held.get("joint_entity", [])):
                continue
            seen.add(pair)
            out.append(Event(
                type="joint_entity", parties=[ctx.orgs[i].name for i in ids],
                evidence=[Span(start=s0, end=s1, field="sentence"), Span(start=m.start(), end=m.end(), field="trigger")],
                confidence=0.5, stage=PROPOSED_STAGE))
    return out


_MAX_LEADERS = 24  # posted people of an article looked up
_MAX_LEADER_MENTIONS = 8  # mentions of one person's name looked for


def _leaders_sentences(ctx: Context) -> dict[int, set[int]]:
    """Each organization with the sentences that name a person the rules post there (wherever
    the name is written again: 成永旭、邹菊方等一行, not only where the post is read), for the
    first _MAX_LEADERS such people and _MAX_LEADER_MENTIONS mentions of each name."""
    out: dict[int, set[int]] = {}
    text = ctx.doc.text
    for p in ctx.rules.people[:_MAX_LEADERS]:
        i = ctx.index.get(p.org) if p.org else None
        if i is None or len(p.name) < 2:
            continue
        at = text.find(p.name)
        for _ in range(_MAX_LEADER_MENTIONS):
            if at < 0:
                break
            out.setdefault(i, set()).add(ctx.sentence_at(at))
            at = text.find(p.name, at + len(p.name))
    return out


def _visits_to_sign(ctx: Context, v: str, out: list[Event], held: dict[str, list[set[int]]]) -> list[Event]:
    """`out` and a `visit` of the parties of each agreement (the rules' or a proposed one) of an
    article that tells a delegation (一行, 代表团, 率队, 来访…) in a sentence naming one of
    them or a person the rules post there, not as a plan (将率团来访): the delegation came to
    sign (GUIDELINES.md: a visit during which an agreement is signed is both events). An
    agreement of two makes one visit of both; of three or more, the parties that sentence names
    each visited the one it does not name (none when it leaves out more than one, or none). Each sentence is searched once."""
    told: dict[int, tuple[int, int] | None] = {}

    def delegation(si: int) -> tuple[int, int] | None:
        if si not in told:
            s0, s1 = ctx.sents[si]
            told[si] = next(((m.start(), m.end()) for m in islice(_DELEGATION.finditer(v, s0, s1), _MAX_DELEGATIONS)
                             if not EventFinder._not_an_event(v, s0, m.start(), "visit")), None)
        return told[si]

    led = _leaders_sentences(ctx)

    def sentences_of(i: int) -> set[int]:
        return ctx.org_sentences.get(i, set()) | led.get(i, set())

    seen: set[frozenset] = set()
    for ev in list(ctx.rules.events) + list(out):
        if ev.type != "agreement" or len(out) >= _MAX_PROPOSALS:
            continue
        ids = list(dict.fromkeys(ctx.index[p] for p in ev.parties if p in ctx.index))
        if len(ids) < 2 or len(ids) > _MAX_LISTED:
            continue
        sents = sorted(set().union(*(sentences_of(i) for i in ids)))
        si = next((k for k in sents[:_MAX_DELEGATION_SENTENCES] if delegation(k) is not None), None)
        if si is None:
            continue
        if len(ids) == 2:
            pairs = [ids]
        else:
            visitors = [i for i in ids if si in sentences_of(i)]
            hosts = [h for h in ids if h not in visitors]
            # one host: the side the delegations came to (A与B、C签约, B、C一行); with two or
            # more, the sentence may have missed a visitor's leader (B with C, no visit)
            pairs = [[g, hosts[0]] for g in visitors] if len(hosts) == 1 else []
        s0, s1 = ctx.sents[si]
        ts, te = delegation(si)
        for pair_ids in pairs:
            pair = frozenset(pair_ids)
            if pair in seen or any(pair <= h for h in held.get("visit", [])) or len(out) >= _MAX_PROPOSALS:
                continue
            seen.add(pair)
            out.append(Event(
                type="visit", parties=[ctx.orgs[i].name for i in pair_ids],
                evidence=[Span(start=s0, end=s1, field="sentence"), Span(start=ts, end=te, field="trigger")],
                confidence=0.5, stage=PROPOSED_STAGE))
    return out


# ---- English: names listed as the subject of a signing, a set-up or a meeting ----------------

# what may stand between two names of one list: a comma or "and" or "&", an optional "the", and
# an acronym in brackets after the first name ("Kestrel Group (KG), Lumio and the Veltrix Fund",
# the acronym's bracket when the rules read the acronym as an alias); matched on gaps of at most
# _EN_MAX_LIST_GAP characters
_EN_LIST_GAP = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?(?:[,;]\s*(?:and\b|&)?|and\b|&)\s*(?:the\s+)?", re.IGNORECASE)
_EN_ALIAS_GAP = re.compile(r"\s?\(")
_EN_MAX_LIST_GAP = 40
# from a list's last name to its verb: a bracket, a comma, a few words that are no plan or
# modal ("have", "on Monday", "jointly", "all": "Japan and the EU on Monday agreed", "A, B and C
# all join with"); "will sign" or "plan to sign" never matches
_EN_VERB = re.compile(
    r"\)?\s*(?:\([^()]{1,30}\)\s*)?,?\s*"
    r"(?:(?:have|has|had|also|jointly|together|all|both|today|yesterday|recently|officially|formally|"
    r"on|last|this|\d{1,2}(?:st|nd|rd|th)?|[A-Z][a-z]+)\s+){0,4}?"
    r"(?P<verb>signed|inked|sealed|agreed|renewed|exchanged\s+(?:documents|agreements|memorand\w*|mous?)|"
    r"join(?:ed|s)?\s+(?:hands\s+)?with|"
    r"(?:co-)?(?:launched|established|founded|formed|created|unveiled|inaugurated)|set\s+up|"
    r"merged\s+to\s+(?:create|form)|"
    r"(?:co-)?(?:organi[sz]ed|hosted|held))\b")
_EN_VERB_TYPES = (("sign", "agreement"), ("ink", "agreement"), ("seal", "agreement"), ("agree", "agreement"),
                  ("renew", "agreement"), ("exchang", "agreement"), ("join", "agreement"),
                  ("organi", "meeting"), ("host", "meeting"), ("held", "meeting"), ("co-organi", "meeting"),
                  ("co-host", "meeting"))
# a meeting is one only when the clause names one ("jointly organized the 21st Dialogue")
_EN_MEETING = re.compile(r"[^;]{0,60}?\b(?:meeting|talks|forum|dialogue|symposium|seminar|conference|summit|"
                         r"roundtable|round-table|workshop)s?\b", re.IGNORECASE)
# the other side named after the verb in its clause ("signed an MoU ... with the PIF")
_EN_WITH = re.compile(r"\bwith\s+(?:the\s+)?")
_EN_AFTER_VERB = re.compile(r"\s+(?:the\s+)?")
_EN_MAX_WITH = 160  # characters from the verb to "with"
# a list that is no subject: the object of a preposition or a possessive's owner
_EN_OBJECT = re.compile(r"(?:\b(?:between|of|with|by|from|to|for|and|at|in|among)|['’]s?)\s+(?:the\s+)?$", re.IGNORECASE)
_EN_MAX_LISTED = 12
EN_SHAPES = ("subject", "with")  # the listed subject alone, or with the other side after "with"


def _en_runs(ctx: Context, si: int) -> list[list[tuple[int, int, int]]]:
    """The names of sentence si as lists (each name once, another reading of the same words left
    out), in text order."""
    return en_name_runs(ctx.doc.text, ctx.by_sentence.get(si, []), readings_once=True)


def en_name_runs(text: str, ms: list[tuple[int, int, int]], *,
                 readings_once: bool = False) -> list[list[tuple[int, int, int]]]:
    """English name mentions (start, end, organization), in text order, as the lists they stand
    in: a name joins the list before it across a list gap, and its own bracketed acronym right
    after it makes one name with it ("Kestrel Group (KG"). With `readings_once`, a mention
    overlapping the one before (another reading of the same words) is left out."""
    runs: list[list[tuple[int, int, int]]] = []
    for m in ms:
        last = runs[-1][-1] if runs else None
        if readings_once and last is not None and m[0] < last[1]:
            continue  # another reading of the same words
        gap = text[last[1]:m[0]] if last is not None else ""
        if last is not None and last[2] == m[2] and _EN_ALIAS_GAP.fullmatch(gap):
            runs[-1][-1] = (last[0], m[1], m[2])  # "Kestrel Group (KG": one name
        elif last is not None and len(gap) <= _EN_MAX_LIST_GAP and _EN_LIST_GAP.fullmatch(gap):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _english_subjects(ctx: Context) -> list[Event]:
    """English proposed events: names listed as the subject of a signing, a set-up or a meeting
    ("Japan and the European Union have signed", "A, B and C all join with D and E", "A and B
    jointly organized the Dialogue"), with the names right after "with" in the verb's clause,
    when no rule event of that type holds them all (the rules read no place, nor a name only the
    tagger finds, and lose long lists). One pass over each sentence's names: linear."""
    text = ctx.doc.text
    held: dict[str, list[set[int]]] = {}
    # the parties of the rule events of each type told in each sentence, together: "A, B and C
    # signed agreements with D" is read by the rules as one signing per pair, and stays so
    told: dict[tuple[str, int], set[int]] = {}
    for ev in ctx.rules.events:
        ids = {ctx.index[p] for p in ev.parties if p in ctx.index}
        held.setdefault(ev.type, []).append(ids)
        trig = next((s for s in ev.evidence if s.field == "trigger"), None)
        if trig is not None:
            told.setdefault((ev.type, ctx.sentence_at(trig.start)), set()).update(ids)
    out: list[Event] = []
    seen: set[tuple[str, frozenset]] = set()
    for si, ms in sorted(ctx.by_sentence.items()):
        if len(ms) < 2:
            continue
        s0, s1 = ctx.sents[si]
        runs = _en_runs(ctx, si)
        for n, run in enumerate(runs):
            end = run[-1][1]
            m = _EN_VERB.match(text, end, min(s1, end + 60))
            if m is None or _EN_OBJECT.search(text, max(s0, run[0][0] - 12), run[0][0]):
                continue
            verb = m.group("verb").lower()
            typ = next((t for w, t in _EN_VERB_TYPES if verb.startswith(w)), "joint_entity")
            if typ == "meeting" and not _EN_MEETING.match(text, m.end(), s1):
                continue
            ids = list(dict.fromkeys(x[2] for x in run))
            spans = [(x[0], x[1]) for x in run]
            if verb.endswith("with"):  # "all join with D and E": the other side right after the verb
                w = _EN_AFTER_VERB.match(text, m.end(), s1)
            else:
                w = _EN_WITH.search(text, m.end(), min(s1, m.end() + _EN_MAX_WITH))
            if w is not None:
                after = next((r for r in runs[n + 1:] if r[0][0] == w.end()), None)
                if after is not None:
                    ids += [x[2] for x in after if x[2] not in ids]
                    spans += [(x[0], x[1]) for x in after]
            if len(ids) < 2 or len(ids) > _EN_MAX_LISTED:
                continue
            key = frozenset(ids)
            if (typ, key) in seen or any(key <= h for h in held.get(typ, [])) or key <= told.get((typ, si), set()):
                continue
            seen.add((typ, key))
            out.append(Event(
                type=typ, parties=[ctx.orgs[i].name for i in ids],
                evidence=[Span(start=s0, end=s1, field="sentence"),
                          Span(start=m.start("verb"), end=m.end("verb"), field="trigger")]
                + [Span(start=a, end=b, field="party") for a, b in spans],
                confidence=0.5, stage=PROPOSED_STAGE))
            if len(out) >= _MAX_PROPOSALS:
                return out
    return out


def en_shape(text: str, ev: Event) -> str:
    """The shape of an English proposed event (`EN_SHAPES`): "with" when a party is named after
    its verb, else "subject"."""
    trig = next((s for s in ev.evidence if s.field == "trigger"), None)
    after = trig is not None and any(s.field == "party" and s.start >= trig.end for s in ev.evidence)
    return EN_SHAPES[1] if after else EN_SHAPES[0]
