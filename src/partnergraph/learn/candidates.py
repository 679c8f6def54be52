"""Candidates the learned layer decides on, each with its named features.

The rule engine proposes; this module turns its proposals into decisions to make:
- an organization candidate per organization the rules found (keep it or drop it);
- a post candidate per person the rules found (or a name only the tagger found, learn/people.py)
  and organization named near them, or the place their title names ("Chilean President": Chile,
  maybe a place no organization candidate is, `Context.post_places`) (is the person's title held
  at this organization);
- an event candidate per event the rules found (was it reported as having happened);
- a document candidate per article (does it report any cooperation at all: a quarterly result,
  a ranking or an appointment names organizations, and the rules may find a trigger in it);
- a partner-pair candidate per two organizations that the rules put in one event, that are
  named near each other, or that a sentence tells as a visitor and its host (`roles`), asked
  once per event type (are they partners in a reported event of
  this type): every pair feature also counts joined with the type, so "signed" can speak for
  an agreement and against a visit.
Features are small named functions of a candidate, listed once in `ORG_FEATURES`,
`pair_features`, `event_features` and `DOCUMENT_FEATURES` and shared by training and inference so the two cannot drift. Changing any
of them changes what a weight means: bump `FEATURES_VERSION`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, combinations, islice
from operator import add

from partnergraph.documents.traditional import to_simplified
from partnergraph.extraction.stages import mentions as org_mentions
from partnergraph.learn.cues import CUES, has_cue, sentences_with_cues
from partnergraph.learn.linear import TypedModel
from partnergraph.learn.people import (
    POST_PLACE_STAGE,
    TAGGED_STAGE,
    name_features,
    place_before_title,
    tagged_people,
    zh_committee_place,
    zh_self_heads,
    zh_self_leads,
    zh_place_posts,
)
from partnergraph.learn.posts import org_head, post_features, title_heads
from partnergraph.learn.roles import mention_roles
from partnergraph.learn.names import EXTENDED_STAGE
from partnergraph.learn.places import ENGLISH_STAGE, place_features, place_forms
from partnergraph.learn.tagger import lower_words, name_lexicon
from partnergraph.learn.text import sentences, tokens
from partnergraph.learn.proposals import HOME, MAX_JOIN, PROPOSED_STAGE, en_shape, propose_events
from partnergraph.models import Document, Event, Extraction, Organization, Person, Span

FEATURES_VERSION = 13
EVENT_TYPES = ("agreement", "visit", "meeting", "joint_entity")
# pairs per sentence are all pairs of its organizations, up to this many organizations: a
# member list of 30 is one alliance, not 435 decisions (the rules' event keeps its parties)
_MAX_ORGS_PER_SENTENCE = 12
_MAX_BETWEEN = 12
_MAX_LINK = 3  # words between a title and an organization still read as one phrase (title_links)
_MAX_MAIN_PAIRS = 40  # the main organization is paired with every other up to this many organizations
_MAX_SENTENCES = 2  # the sentences whose words describe a pair: its first two shared ones
_MAX_MENTIONS = 12  # mentions of one organization compared when looking for the closest two
# a delegation or a leader's title, which a country's adjective may stand before ("a Chinese delegation",
# "The Chilean president"): looked for in the first _MAX_COUNTRY_WORDS of them
_DELEGATION_OR_LEADER = re.compile(r"\b(?:[Dd]elegations?|[Pp]resident|[Pp]remier|[Pp]rime [Mm]inister|[Cc]rown [Pp]rince|"
                                   r"[Kk]ing|[Ee]mir|[Cc]hancellor|[Ff]oreign [Mm]inister)\b")
_MAX_COUNTRY_WORDS = 40
_NAME_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")  # a word of a person's name that may tell them alone


@dataclass
class Context:
    """One document seen by the candidates: its text, the rules' output and where names occur."""

    doc: Document
    rules: Extraction
    orgs: list[Organization]  # the rules' organizations, then the tagger's new ones
    lang: str
    mentions: list[tuple[int, int, int]]  # (start, end, organization index), sorted
    sents: list[tuple[int, int]]
    mention_sent: list[int]  # sentence index of each mention
    rule_pairs: dict[frozenset, list[int]] = field(default_factory=dict)  # pair -> rule event indices
    event_sent: list[int | None] = field(default_factory=list)  # sentence of each rule event's trigger
    tagged: list[tuple[int, int, str]] = field(default_factory=list)  # the tagger's names, sorted
    people: list[Person] = field(default_factory=list)  # the rules' people, then the tagger's new ones
    # Chinese events proposed over all the candidates (learn/proposals.py); the events model's
    # candidates are the rules' events, then these (`candidate_events`, `event_sent` of both)
    proposed: list[Event] = field(default_factory=list)
    # places a person's title names that no organization candidate is ("Chilean President" ->
    # Chile, 县长 beside 屏南县委 -> 屏南县): candidates of the people scorer only, indexed after
    # `orgs` (`org_at`); `title_places` holds each person's, of either list
    post_places: list[Organization] = field(default_factory=list)
    title_places: dict[int, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Document, rules: Extraction, orgs: list[Organization] | None = None,
              tagged: list[tuple[int, int, str]] | None = None) -> Context:
        orgs = list(rules.organizations) if orgs is None else orgs
        mentions = [m[:3] for m in org_mentions(orgs)]  # (start, end, organization index)
        sents = sentences(doc, [(s, e) for s, e, _ in mentions])
        ctx = cls(doc, rules, orgs, "zh" if doc.lang == "zh" else "en", mentions, sents, [],
                  tagged=sorted(tagged or []))
        ctx.mention_sent = [ctx.sentence_at(s) for s, _, _ in mentions]
        ctx.people = list(rules.people) + tagged_people(doc.text, rules.people, ctx.tagged,
                                                        [(s, e) for s, e, _ in mentions], ctx.lang,
                                                        ctx.lower_words)
        index = ctx.index
        for k, ev in enumerate(rules.events):
            ids = sorted({index[p] for p in ev.parties if p in index})
            for a, b in combinations(ids, 2):
                ctx.rule_pairs.setdefault(frozenset((a, b)), []).append(k)
            trig = next((s for s in ev.evidence if s.field == "trigger"), None)
            ctx.event_sent.append(ctx.sentence_at(trig.start) if trig is not None else None)
        _read_title_places(ctx)
        ctx.proposed = propose_events(ctx)
        for ev in ctx.proposed:  # each told in one sentence, its trigger's
            trig = next(s for s in ev.evidence if s.field == "trigger")
            ctx.event_sent.append(ctx.sentence_at(trig.start))
        return ctx

    @cached_property
    def trigger_counts(self) -> dict[tuple[int, int], int]:
        """How many candidate events each trigger span made (A、B分别与C签约: two)."""
        out: dict[tuple[int, int], int] = {}
        for ev in self.candidate_events:
            trig = next((s for s in ev.evidence if s.field == "trigger"), None)
            if trig is not None:
                out[(trig.start, trig.end)] = out.get((trig.start, trig.end), 0) + 1
        return out

    @cached_property
    def _connectives_in_names(self) -> dict[int, set[int]]:
        return {}

    def connectives_in_names(self, si: int) -> set[int]:
        """Where sentence si's names hold a 与 or 和 (中国与东盟中心): no connective between names."""
        got = self._connectives_in_names.get(si)
        if got is None:
            text = self.doc.text
            got = self._connectives_in_names[si] = {m.start() for s, e, _ in self.by_sentence.get(si, [])
                                                     for m in _ZH_WITH.finditer(text, s, e)}
        return got

    @cached_property
    def candidate_events(self) -> list[Event]:
        """The events the events model scores: the rules', then the proposed ones."""
        return list(self.rules.events) + self.proposed if self.proposed else self.rules.events

    def org_at(self, i: int) -> Organization:
        """Organization candidate i, or a post place after them (`post_places`)."""
        return self.orgs[i] if i < len(self.orgs) else self.post_places[i - len(self.orgs)]

    @cached_property
    def _sentence_starts(self) -> list[int] | None:
        """The sentences' starts, which `sentence_at` bisects; None when the sentences are not
        in order and apart (each non-empty, ending at or before the next one's start)."""
        sents = self.sents
        if all(s < e for s, e in sents) and all(a[1] <= b[0] for a, b in zip(sents, sents[1:])):
            return [s for s, _ in sents]
        return None

    def sentence_at(self, pos: int) -> int:
        """The sentence holding `pos`; for a position outside every sentence, the first one after
        it (the last one when none is), or the first one."""
        starts = self._sentence_starts
        if starts is not None:  # in order and apart: the last one starting at or before pos, by bisection
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos < self.sents[i][1]:
                return i
            return max(0, min(i + 1, len(starts) - 1))
        lo, hi = 0, len(self.sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sents[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sents) - 1))

    @cached_property
    def mention_starts(self) -> list[int]:
        return [s for s, _, _ in self.mentions]

    @cached_property
    def mention_ends(self) -> frozenset[int]:
        return frozenset(e for _, e, _ in self.mentions)

    @cached_property
    def by_sentence(self) -> dict[int, list[tuple[int, int, int]]]:
        """The mentions in each sentence."""
        out: dict[int, list[tuple[int, int, int]]] = {}
        for m, si in zip(self.mentions, self.mention_sent):
            out.setdefault(si, []).append(m)
        return out

    @cached_property
    def orgs_in_sentence(self) -> dict[int, list[int]]:
        return {si: list(dict.fromkeys(m[2] for m in ms)) for si, ms in self.by_sentence.items()}

    @cached_property
    def mentions_of(self) -> dict[int, list[tuple[tuple[int, int, int], int]]]:
        """Each organization's mentions, with their sentences, in order."""
        out: dict[int, list[tuple[tuple[int, int, int], int]]] = {}
        for m, si in zip(self.mentions, self.mention_sent):
            out.setdefault(m[2], []).append((m, si))
        return out

    @cached_property
    def index(self) -> dict[str, int]:
        return {o.name: i for i, o in enumerate(self.orgs)}

    @cached_property
    def rule_parties(self) -> set[int]:
        """The organizations the rules make a party of some event."""
        index = self.index
        return {index[p] for ev in self.rules.events for p in ev.parties if p in index}

    @cached_property
    def org_sentences(self) -> dict[int, set[int]]:
        return {i: {si for _, si in ms} for i, ms in self.mentions_of.items()}

    @cached_property
    def _masked_spans(self) -> dict[tuple[int, int], list[str]]:
        return {}

    @cached_property
    def _grams_of_sentence(self) -> dict[int, list[str]]:
        return {}

    def sentence_grams(self, si: int) -> list[str]:
        """The sentence's words (or characters and bigrams), names masked; made once per sentence."""
        cache = self._grams_of_sentence
        if si not in cache:
            if self.lang == "zh":
                # whole sentences in Chinese are long: their bigrams alone (characters add little and
                # doubled the pair scoring time, 18 -> 9 ms a 2,000-character article): those of
                # the runs between the marks of the sentence's masked text, after the marks, as
                # `_grams(..., chars=False)` makes them from its tokens
                runs = self.masked_texts[si].split("ORG")
                grams = ["ORG"] * (len(runs) - 1)
                for run in runs:
                    grams += map(add, run, run[1:])
                cache[si] = list(dict.fromkeys(grams))
            else:
                cache[si] = list(dict.fromkeys(_grams(self.masked_sentences[si], self.lang, chars=False)))
        return cache[si]

    @cached_property
    def masked_sentences(self) -> list[list[str]]:
        """Each sentence's tokens with its names masked (the English cues read them all)."""
        return [_masked_tokens(self, s0, s1) for s0, s1 in self.sents]

    @cached_property
    def masked_texts(self) -> list[str]:
        """Chinese: each sentence's tokens with its names masked, joined (`_masked_text`): what
        the cues read and the sentence's bigrams are made from, with no list of its characters."""
        return [_masked_text(self, s0, s1) for s0, s1 in self.sents]

    @cached_property
    def _positive_sums(self) -> dict[tuple[tuple[str, int], int], tuple[float, ...]]:
        return {}  # (prefix, sentence), model id -> `TypedModel.positive_sums` of its keys (`pair_bound`)

    @cached_property
    def _keyed_grams(self) -> dict[tuple[str, int, bool], dict[str, float]]:
        return {}

    def sentence_keys(self, prefix: str, si: int, only: Container[str] | None = None) -> dict[str, float]:
        """The sentence's grams as features named `prefix` + gram: made once per sentence and
        prefix (every pair in a sentence asks for them). With `only` (the names a model weighs),
        the others are left out: a name without a weight adds nothing to a score."""
        cache = self._keyed_grams
        key = (prefix, si, only is not None)
        got = cache.get(key)
        if got is None:
            if only is None:
                names = map(prefix.__add__, self.sentence_grams(si))
            else:  # the names `only` holds, looked up by gram: no name made for a gram it lacks
                names = filter(None, map(_prefixed(prefix, only).get, self.sentence_grams(si)))
            got = cache[key] = dict.fromkeys(names, 1.0)
        return got

    @cached_property
    def _person_facts(self) -> dict[int, tuple[list[str], Span | None, int]]:
        return {}

    def person_facts(self, k: int) -> tuple[list[str], Span | None, int]:
        """The words of the rules' person k's title, their name's span and its sentence: asked
        once per person, not once per organization their post may be held at."""
        got = self._person_facts.get(k)
        if got is None:
            p = self.people[k]
            title = (p.title or "").lower()
            if self.lang == "zh":  # in Simplified characters: 校長 weighs as 校长
                title = to_simplified(title)
            grams = tokens(title, self.lang) if self.lang != "zh" else [title[j:j + 2] for j in range(max(1, len(title) - 1))]
            name = next((s for s in p.evidence if s.field == "name"), None)
            got = self._person_facts[k] = (grams, name, -1 if name is None else self.sentence_at(name.start))
        return got

    @cached_property
    def _person_selves(self) -> dict[int, dict[str, float]]:
        return {}

    def person_self(self, k: int) -> dict[str, float]:
        """`_person_self` of person k, made once (every organization their post may be held at
        asks for it); the dict is shared, callers only read it."""
        got = self._person_selves.get(k)
        if got is None:
            got = self._person_selves[k] = _person_self(self, k)
        return got

    @cached_property
    def _title_gram_keys(self) -> dict[tuple[int, str], dict[str, float]]:
        return {}

    def title_grams(self, k: int, kind: str) -> dict[str, float]:
        """The words of person k's title as post features, alone and with an organization kind,
        in their order: made once per person and kind; the dict is shared, callers only read it."""
        got = self._title_gram_keys.get((k, kind))
        if got is None:
            got = {}
            for w in self.person_facts(k)[0]:
                got["title=" + w] = 1.0
                got[f"title={w}|kind={kind}"] = 1.0
            self._title_gram_keys[(k, kind)] = got
        return got

    @cached_property
    def person_name_words(self) -> frozenset[str]:
        """English: the first and last words of the names of two words or more the tagger reads
        as people ("Vinod Bhat", "Yoon Suk Yeol"): a name written alone elsewhere ("Dr. Bhat
        signed") that the rules took for an organization is that person."""
        if self.lang == "zh":
            return frozenset()
        text = self.doc.text
        out = set()
        for s, e, typ in self.tagged:
            words = text[s:e].split()
            if typ == "PER" and len(words) >= 2:
                out.update((words[0], words[-1]))
        return frozenset(out)

    @cached_property
    def self_leads(self) -> dict[int, str]:
        """Chinese: person index -> the organization's word for itself opening their title or the
        title of the one listed before them (people.zh_self_leads: 校党委书记, 该院检察长); empty in English."""
        return zh_self_leads(self.doc.text, self.people) if self.lang == "zh" else {}

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The words the document writes in lower case (English; empty for Chinese)."""
        return lower_words(self.doc.text) if self.lang != "zh" else frozenset()

    @cached_property
    def _title_ranks(self) -> dict[int, dict[int, int]]:
        return {}

    def title_ranks(self, k: int) -> dict[int, int]:
        """Each organization of person k's sentence ranked by how near its nearest mention is to
        the title (to the name when there is none): 0 for the nearest. The scorer weighs one
        candidate at a time; this says whether another stands nearer."""
        got = self._title_ranks.get(k)
        if got is None:
            p = self.people[k]
            anchor = next((s for s in p.evidence if s.field == "title"), None)
            anchor = anchor or next((s for s in p.evidence if s.field == "name"), None)
            dist: dict[int, int] = {}
            if anchor is not None:
                for s, e, i in self.by_sentence.get(self.sentence_at(anchor.start), []):
                    d = max(0, anchor.start - e, s - anchor.end)
                    dist[i] = min(d, dist.get(i, d))
            order = sorted(dist, key=lambda i: (dist[i], i))
            got = self._title_ranks[k] = {i: r for r, i in enumerate(order)}
        return got

    @cached_property
    def _title_links(self) -> dict[int, dict[int, int]]:
        return {}

    def title_links(self, k: int) -> dict[int, int]:
        """Each organization of the sentence of person k's title with the fewest words standing
        between the title and one of its mentions, on either side, no other organization between
        ("Harlow University's Rector": 1, "Rector of Harlow University": 1, "清华大学校长": 0).
        One number per candidate says how closely it is tied to the title; comparing them tells
        the scorer that another organization is tied more closely than the one it weighs."""
        got = self._title_links.get(k)
        if got is None:
            title = next((s for s in self.people[k].evidence if s.field == "title"), None)
            got = {}
            text = self.doc.text
            if title is not None:
                for s, e, i in self.by_sentence.get(self.sentence_at(title.start), []):
                    if s < title.end and title.start < e:
                        continue  # cut from the title itself ("Minister of Education")
                    lo, hi = (e, title.start) if e <= title.start else (title.end, s)
                    if self.lang == "zh" and _too_far_to_link(text, lo, hi):
                        continue
                    between = _masked_tokens(self, lo, hi)
                    if "ORG" in between or len(between) > _MAX_LINK:
                        continue
                    got[i] = min(len(between), got.get(i, _MAX_LINK))
            self._title_links[k] = got
        return got

    @cached_property
    def _sentence_heads(self) -> dict[int, set[str]]:
        return {}

    def sentence_heads(self, k: int) -> set[str]:
        """The head words (posts.org_head) of the organizations of person k's sentence."""
        got = self._sentence_heads.get(k)
        if got is None:
            _, name, si = self.person_facts(k)
            ids = {m[2] for m in self.by_sentence.get(si, [])} if name is not None else set()
            got = self._sentence_heads[k] = {org_head(self.orgs[i].name, self.lang) for i in ids}
        return got

    @cached_property
    def document_pair_features(self) -> dict[str, float]:
        f = {f"doc_rule_events={_bucket(len(self.rules.events), (0, 1, 2, 4))}": 1.0}
        for t in sorted({ev.type for ev in self.rules.events}):
            f[f"doc_rule_type={t}"] = 1.0
        return f

    @cached_property
    def _layouts(self) -> dict[int, tuple[dict[int, tuple[int, int, int]], list[tuple[int, str]]]]:
        return {}

    def layout(self, si: int) -> tuple[dict[int, tuple[int, int, int]], list[tuple[int, str]]]:
        """Sentence si's shape for the pairs named in it (`_pair_layout`): each organization's
        first run of names listed side by side ("A, B and C", "A、B和C", "A与B"), as (run number,
        organizations in the run, where the run ends), and where its event words stand (position, type), outside
        the names, in order. Made once per sentence: every pair of the sentence asks for it."""
        got = self._layouts.get(si)
        if got is None:
            got = self._layouts[si] = _sentence_layout(self, si)
        return got

    @cached_property
    def person_sentences(self) -> dict[int, set[int]]:
        """The sentences naming a person the rules post at each organization."""
        out: dict[int, set[int]] = {}
        index = self.index
        for p in self.rules.people:
            i = index.get(p.org) if p.org else None
            if i is None:
                continue
            for s in p.evidence:
                if s.field == "name":
                    out.setdefault(i, set()).add(self.sentence_at(s.start))
        return out

    @cached_property
    def roles(self) -> dict[tuple[int, int], set[str]]:
        """(organization, sentence) -> the parts it plays there (`roles`: visitor, host, bystander;
        maybe none), through its own names, the names of people posted there (a head of state or
        a minister at the country their title names, "South Korean President Ari Dov", also by a
        word of their name alone: "Dov's state visit to"), and a country's adjective before a
        delegation or a leader's title ("a Chinese delegation", "The Chilean president flew to")
        (English only)."""
        if self.lang != "en":
            return {}
        by: dict[int, list[tuple[int, int, int]]] = {si: list(ms) for si, ms in self.by_sentence.items()}
        index, text = self.index, self.doc.text
        posted = [(p.name, index.get(p.org) if p.org else None) for p in self.rules.people]
        # and a head of state or minister at the country their title names ("South Korean President
        # Ari Dov, who is on a state visit to Norvania": the visitor is South Korea)
        posted += [(self.people[k].name, j) for k, places in sorted(self.title_places.items())
                   for j in places[:1] if j < len(self.orgs)]
        for name, i in dict.fromkeys(posted):
            if i is None or len(name) < 3:
                continue
            at = text.find(name)  # the rules quote a person's first name only: "led by Ilse Moran" comes later
            for _ in range(_MAX_MENTIONS):
                if at < 0:
                    break
                by.setdefault(self.sentence_at(at), []).append((at, at + len(name), i))
                at = text.find(name, at + len(name))
            # the person told by a word of their name later ("Dov's visit to Norvania", "a visit by Dov")
            for word in dict.fromkeys(_NAME_WORD.findall(name)) if " " in name.strip() else ():
                for s, e in islice(_word_at(text, word), _MAX_MENTIONS):
                    by.setdefault(self.sentence_at(s), []).append((s, e, i))
        for s, e, i in self._country_words():
            by.setdefault(self.sentence_at(s), []).append((s, e, i))
        out: dict[tuple[int, int], set[str]] = {}
        for si, ms in by.items():
            ms = sorted(set(ms))
            s0, s1 = self.sents[si]
            for (_, _, i), rs in zip(ms, mention_roles(self.doc.text, [(s, e) for s, e, _ in ms], s0, s1)):
                out.setdefault((i, si), set()).update(rs)
        return out

    def _country_words(self) -> list[tuple[int, int, int]]:
        """A country told by the words before a delegation or a leader's title that names no one
        ("a Chinese delegation", "The Chilean president flew to"): (start, end, organization) of
        those words, when an organization candidate is that country (English)."""
        text = self.doc.text
        hits = [m.start() for m in islice(_DELEGATION_OR_LEADER.finditer(text), _MAX_COUNTRY_WORDS)]
        if not hits:
            return []
        forms: dict[str, int] = {}
        for i, o in enumerate(self.orgs):
            for n in (o.name, *_own_forms(o)):
                forms.setdefault(n.casefold(), i)
        out = []
        taken = self.mentions
        for at in hits:
            got = place_before_title(text, at)
            if got is None:
                continue
            name, s, e = got
            i = next((forms[f.casefold()] for f in place_forms(name) if f.casefold() in forms), None)
            k = bisect_left(taken, (s, -1, -1))
            if i is not None and not (k < len(taken) and taken[k][0] < e or k > 0 and taken[k - 1][1] > s):
                out.append((s, e, i))
        return out

    @cached_property
    def hosted_sentences(self) -> set[int]:
        """The sentences that name a host (`roles`)."""
        return {si for (_, si), rs in self.roles.items() if "host" in rs}

    @cached_property
    def role_sentences(self) -> dict[int, set[int]]:
        """The sentences naming each organization or a person posted there (all their mentions)."""
        out: dict[int, set[int]] = {}
        for i, si in self.roles:
            out.setdefault(i, set()).add(si)
        return out

    @cached_property
    def cues(self) -> dict[str, set[int]]:
        """The sentences that hold a word of each event type, names masked ("Stennis Institute"
        is no institute set up)."""
        if self.lang == "zh":
            return sentences_with_cues(self.masked_texts)
        return sentences_with_cues([" ".join(m) for m in self.masked_sentences])

    @cached_property
    def cue_types(self) -> list[tuple[str, set[int]]]:
        """The event types whose words some sentence holds, with those sentences."""
        return [(t, hits) for t, hits in self.cues.items() if hits]

    @cached_property
    def sentences_with_people(self) -> dict[int, set[int]]:
        """Each organization's sentences and those naming a person posted there."""
        return {i: self.org_sentences.get(i, set()) | ps for i, ps in self.person_sentences.items()}

    @cached_property
    def lead_sentences(self) -> dict[int, set[int]]:
        """Each organization's first few sentences, where its cues are looked for."""
        return {i: set(sorted(ss)[:_MAX_CUE_SENTENCES]) for i, ss in self.org_sentences.items()}

    @cached_property
    def head_cues(self) -> set[str]:
        """The event types whose words the title or the first sentence holds."""
        out = {t for t, hits in self.cues.items() if 0 in hits}
        t = self.doc.title_span
        if t is not None:
            glue = "" if self.lang == "zh" else " "
            title = glue.join(_masked_tokens(self, t.start, t.end))
            out |= {k for k in CUES if has_cue(k, title)}
        return out

    @cached_property
    def head_cue_keys(self) -> tuple[str, ...]:
        """`head_cues` as the pair features naming them, sorted (a set's order follows the hash
        seed, and the weights' sum its order), made once, not per pair."""
        return tuple(f"cue_{t}=head" for t in sorted(self.head_cues))

    @cached_property
    def cue_keys(self) -> list[tuple[set[int], str, str, str]]:
        """`cue_types`' sentences with the pair features naming the type: told in a shared
        sentence, via a person, in one organization's sentence (made once, not per pair)."""
        return [(hits, f"cue_{t}=both", f"cue_{t}=via_person", f"cue_{t}=one") for t, hits in self.cue_types]

    @cached_property
    def n_orgs_key(self) -> str:
        return f"n_orgs={_bucket(len(self.orgs), (2, 3, 5, 8, 12))}"

    @cached_property
    def mention_counts(self) -> list[int]:
        counts = [0] * len(self.orgs)
        for _, _, i in self.mentions:
            counts[i] += 1
        return counts

    @cached_property
    def top2(self) -> set[int]:
        order = sorted(range(len(self.mention_counts)), key=lambda i: (-self.mention_counts[i], i))
        return set(order[:2])

    @cached_property
    def first_sentence(self) -> dict[int, int]:
        """Each named organization's first sentence, in the order they are first named."""
        return {i: ms[0][1] for i, ms in self.mentions_of.items()}

    @cached_property
    def in_title(self) -> set[int]:
        t = self.doc.title_span
        if t is None:
            return set()
        return {i for s, _, i in self.mentions if t.start <= s < t.end}

    def pair_candidates(self) -> list[tuple[int, int]]:
        """Pairs the rules made, pairs named in one sentence or in two adjacent ones, and the
        article's main organization with every other (the party behind "the university", 我校)."""
        pairs = set(tuple(sorted(p)) for p in self.rule_pairs)
        by = self.orgs_in_sentence
        for si, orgs in by.items():
            if len(orgs) > _MAX_ORGS_PER_SENTENCE:
                continue
            pairs.update(tuple(sorted(p)) for p in combinations(orgs, 2))
            nxt = by.get(si + 1, [])
            if len(nxt) <= _MAX_ORGS_PER_SENTENCE:
                pairs.update(tuple(sorted((a, b))) for a in orgs for b in nxt if a != b)
        if self.main is not None and len(self.orgs) <= _MAX_MAIN_PAIRS:
            pairs.update(tuple(sorted((self.main, i))) for i in self.first_sentence if i != self.main)
        pairs.update(self.visitor_host_pairs)
        return sorted(pairs)

    @cached_property
    def visitor_host_pairs(self) -> set[tuple[int, int]]:
        """A visitor and a host of one sentence, the visitor maybe named only through the person
        leading its delegation ("a delegation led by Ilse Moran visited Tennford University")."""
        by: dict[int, tuple[set[int], set[int]]] = {}
        for (i, si), rs in self.roles.items():
            visitors, hosts = by.setdefault(si, (set(), set()))
            if "visitor" in rs:
                visitors.add(i)
            if "host" in rs:
                hosts.add(i)
        return {tuple(sorted((v, h))) for visitors, hosts in by.values() for v in visitors for h in hosts if v != h}

    @cached_property
    def main(self) -> int | None:
        """The organization the article is about: most mentioned, the earliest on a tie."""
        if not self.first_sentence:
            return None
        return min(self.first_sentence, key=lambda i: (-self.mention_counts[i], self.first_sentence[i], i))

    def nearest(self, a: int, b: int) -> tuple[int, tuple[int, int, int], tuple[int, int, int]] | None:
        """The sentence distance and the two mentions of `a` and `b` that are closest."""
        best = None
        ma = self.mentions_of.get(a, [])[:_MAX_MENTIONS]
        mb = self.mentions_of.get(b, [])[:_MAX_MENTIONS]
        for x, sx in ma:
            for y, sy in mb:
                key = (abs(sx - sy), abs(x[0] - y[0]))
                if best is None or key < best[0]:
                    best = (key, x, y)
        return None if best is None else (best[0][0], best[1], best[2])


def _word_at(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where `word` stands in `text` as a word of its own (not inside a longer word, nor joined to
    one by a dot or a hyphen)."""
    at, n = text.find(word), len(word)
    while at >= 0:
        end = at + n
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_.-")) and (
                end == len(text) or not (text[end].isalnum() or text[end] in "_-")):
            yield at, end
        at = text.find(word, end)


def _prefixed(prefix: str, names: Container[str]) -> dict[str, str]:
    """gram -> `prefix` + gram for each of `names` (a model's feature names) starting with
    `prefix`: `names.get(gram)` is the feature name when the model holds it, else None. Made once
    per model's names and prefix (kept with the very object they were made from)."""
    got = _PREFIXED.get((prefix, id(names)))
    if got is None or got[0] is not names:
        if len(_PREFIXED) > 64:
            _PREFIXED.clear()
        n = len(prefix)
        got = _PREFIXED[(prefix, id(names))] = (names, {k[n:]: k for k in names if k.startswith(prefix)})
    return got[1]


_PREFIXED: dict[tuple[str, int], tuple[Container[str], dict[str, str]]] = {}


@lru_cache(maxsize=4096)  # the same few (count, edges) over and over: each label made once
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _too_far_to_link(text: str, lo: int, hi: int) -> bool:
    """Chinese: text[lo:hi] holds more non-space characters than a title link's words
    (`_MAX_LINK`): its masked tokens are too many or hold a name (each token a non-space
    character, a name's characters one ORG), found without making them (most gaps are long)."""
    return len("".join(text[lo:hi].split())) > _MAX_LINK


def _masked_tokens(ctx: Context, start: int, end: int) -> list[str]:
    """Tokens of text[start:end] with every organization mention replaced by ORG: made once per
    span and document (the pairs of one organization ask for the words before its mention, a
    person's features and title links for the same gaps); the list is shared, callers only read it."""
    cache = ctx._masked_spans
    got = cache.get((start, end))
    if got is None:
        got = cache[(start, end)] = _mask_tokens(ctx, start, end)
    return got


def _between_mentions(ctx: Context, start: int, end: int) -> list[str]:
    """The pieces of text[start:end] between its organization mentions (one more than the
    mentions that touch the span; a piece may be empty)."""
    text = ctx.doc.text
    pieces = []
    pos = start
    k = max(0, bisect_left(ctx.mention_starts, start) - 1)
    for s, e, _ in islice(ctx.mentions, k, None):
        if s >= end:
            break
        if e <= start:
            continue
        pieces.append(text[pos:max(pos, s)])
        pos = max(pos, e)
    pieces.append(text[pos:end])
    return pieces


def _mask_tokens(ctx: Context, start: int, end: int) -> list[str]:
    pieces = _between_mentions(ctx, start, end)
    out = tokens(pieces[0], ctx.lang)
    for piece in pieces[1:]:
        out.append("ORG")
        out += tokens(piece, ctx.lang)
    return out


def _masked_text(ctx: Context, start: int, end: int) -> str:
    """Chinese: `"".join(_mask_tokens(ctx, start, end))`, made from the text between the names
    rather than from a list of its characters: each piece lowered with its spaces dropped (what
    `tokens` makes of it, joined), "ORG" between them. Lowered text holds no "ORG" (upper
    case): a mark is all of it."""
    return "ORG".join(["".join(p.lower().split()) for p in _between_mentions(ctx, start, end)])


def _grams(toks: list[str], lang: str, chars: bool = True) -> list[str]:
    """Words (English), or character bigrams and, with `chars`, characters (Chinese)."""
    if lang != "zh":
        return toks
    # Chinese tokens are single characters and the ORG marks: the bigrams of each run of
    # characters between marks, in order (made from the run's string at C level)
    if "ORG" not in toks:
        run = "".join(toks)
        bigrams = list(map(add, run, run[1:]))
        return toks + bigrams if chars else bigrams
    bigrams = []
    marks = []
    k = 0
    while True:
        try:
            j = toks.index("ORG", k)
        except ValueError:
            j = len(toks)
        run = "".join(toks[k:j])
        bigrams += map(add, run, run[1:])
        if j == len(toks):
            break
        marks.append("ORG")
        k = j + 1
    return toks + bigrams if chars else marks + bigrams


# ---- organization candidates ---------------------------------------------------------------

def _org_name(ctx: Context, i: int) -> dict[str, float]:
    o = ctx.orgs[i]
    name = o.name
    f: dict[str, float] = {f"kind={o.kind}": 1.0, f"conf={o.confidence:.1f}": 1.0, f"src={o.stage or 'rules'}": 1.0}
    if ctx.lang == "zh":
        f[f"tail={name[-2:]}"] = 1.0
        f[f"tail1={name[-1:]}"] = 1.0
        f[f"head={name[:1]}"] = 1.0
        f[f"len={_bucket(len(name), (2, 3, 4, 6, 9, 14))}"] = 1.0
    else:
        words = name.split()
        f[f"last={words[-1].lower() if words else ''}"] = 1.0
        f[f"first={words[0].lower() if words else ''}"] = 1.0
        f[f"nwords={_bucket(len(words), (1, 2, 3, 5, 8))}"] = 1.0
        if name.isupper():
            f["all_caps"] = 1.0
    if any(c.isdigit() for c in name):
        f["digit"] = 1.0
    if o.aliases:
        f["has_alias"] = 1.0
    return f


def _org_context(ctx: Context, i: int) -> dict[str, float]:
    f: dict[str, float] = {f"mentions={_bucket(ctx.mention_counts[i], (1, 2, 3, 5))}": 1.0}
    if i not in ctx.first_sentence:
        return f
    f[f"first_sent={_bucket(ctx.first_sentence[i], (0, 1, 2, 5, 10))}"] = 1.0
    text = ctx.doc.text
    (s, e, _), _ = ctx.mentions_of[i][0]
    before = tokens(text[max(0, s - 40):s], ctx.lang)[-2:]
    after = tokens(text[e:e + 40], ctx.lang)[:2]
    for k, w in enumerate(reversed(before)):
        f[f"prev{k}={w}"] = 1.0
    for k, w in enumerate(after):
        f[f"next{k}={w}"] = 1.0
    if i in ctx.in_title:
        f["in_title"] = 1.0
    return f


def _org_events(ctx: Context, i: int) -> dict[str, float]:
    name = ctx.orgs[i].name
    n = sum(1 for ev in ctx.rules.events if name in ev.parties)
    f = {f"rule_events={_bucket(n, (0, 1, 2))}": 1.0}
    if any(ev.entity == name for ev in ctx.rules.events):
        f["rule_entity"] = 1.0
    if any(p.org == name for p in ctx.rules.people):
        f["has_people"] = 1.0
    return f


def _overlaps_other(ctx: Context, m: tuple[int, int, int]) -> bool:
    """A mention of another organization shares characters with mention `m` (the tagger's reading
    of a name with other boundaries is a candidate of its own)."""
    k = bisect_left(ctx.mentions, m)
    for j in (k - 1, k + 1, k - 2, k + 2):
        if 0 <= j < len(ctx.mentions):
            s, e, i = ctx.mentions[j]
            if i != m[2] and s < m[1] and m[0] < e:
                return True
    return False


def _org_tagger(ctx: Context, i: int) -> dict[str, float]:
    """Whether the tagger read the organization's mentions as the rules did: the same span named
    an organization, a span crossing it (another boundary), or a person there; and whether the
    name is a word of a person's name the tagger reads elsewhere (`person_name_words`)."""
    ms = ctx.mentions_of.get(i, [])[:_MAX_MENTIONS]
    if not ms:
        return {"tag_none": 1.0}
    exact = cross = person = 0
    tagged = ctx.tagged
    for (s, e, _), _si in ms:
        k = bisect_left(tagged, (s - 200, 0, ""))
        hit = False
        while k < len(tagged) and tagged[k][0] < e:
            ts, te, typ = tagged[k]
            if te > s:
                if typ == "PER":
                    person += 1
                elif (ts, te) == (s, e):
                    hit = True
                else:
                    cross += 1
            k += 1
        exact += hit
    share = "all" if exact == len(ms) else "none" if exact == 0 else "some"
    f = {f"tag_exact={share}": 1.0}
    if any(_overlaps_other(ctx, m) for m, _si in ms):
        f["overlaps_org"] = 1.0
    if cross:
        f["tag_cross"] = 1.0
    if person:
        f["tag_person"] = 1.0
    if ctx.orgs[i].name in ctx.person_name_words:  # "Bhat" of "H. Vinod Bhat"
        f["person_word"] = 1.0
    return f


_COORDINATION = re.compile(r",\s(?:and\s|&\s)?|\s(?:and|&)\s")


def _org_extension(ctx: Context, i: int) -> dict[str, float]:
    """A name read with the capitalised words coordinated after it (names.extend_coordinated):
    the words it adds, whether one is an organization head ("University of Sydney and Kestrel
    University" is two names), whether "&" joins them; and for a name such a reading holds, that
    it was extended."""
    o = ctx.orgs[i]
    if ctx.lang != "en":
        return {}

    def extends(longer: str, name: str) -> bool:
        return longer.startswith(name) and _COORDINATION.match(longer, len(name)) is not None

    if o.stage == EXTENDED_STAGE:
        base = max((p.name for p in ctx.orgs if p.stage != EXTENDED_STAGE and extends(o.name, p.name)),
                   key=len, default="")
        added = o.name[len(base):]
        words = [w.lower() for w in added.replace(",", " ").split() if w not in ("and", "&")]
        f = {f"ext_words={_bucket(len(words), (1, 2, 3, 5))}": 1.0}
        if any(w in name_lexicon("en").heads for w in words):
            f["ext_head"] = 1.0
        if "&" in added:
            f["ext_amp"] = 1.0
        if "," in added:
            f["ext_comma"] = 1.0
        return f
    if any(p.stage == EXTENDED_STAGE and extends(p.name, o.name) for p in ctx.orgs):
        return {"extended_by": 1.0}
    return {}


def _org_place(ctx: Context, i: int) -> dict[str, float]:
    """An English place candidate (learn/places.py): the words around its mentions, which tell an
    actor ("between Kazakhstan and China", "Canada's minister", "The United Kingdom and Canada
    have struck") from a location ("based in China", "the Port of Nagoya, Japan")."""
    if ctx.lang != "en" or ctx.orgs[i].stage != ENGLISH_STAGE:
        return {}
    return place_features(ctx.doc.text, [(s, e) for (s, e, _), _si in ctx.mentions_of.get(i, [])])


ORG_FEATURES = (_org_name, _org_context, _org_events, _org_tagger, _org_extension, _org_place)


def org_features(ctx: Context, i: int) -> dict[str, float]:
    f = {"bias_" + ctx.lang: 1.0}
    for fn in ORG_FEATURES:
        f.update(fn(ctx, i))
    return f


# ---- partner-pair candidates ---------------------------------------------------------------

def _cooc_sentences(ctx: Context, a: int, b: int) -> list[int]:
    return sorted(ctx.org_sentences.get(a, set()) & ctx.org_sentences.get(b, set()))


def _pair_rules(ctx: Context, a: int, b: int) -> dict[str, float]:
    evs = ctx.rule_pairs.get(frozenset((a, b)), [])
    f: dict[str, float] = {}
    if not evs:
        f["rule_none"] = 1.0
    for k in evs:
        ev = ctx.rules.events[k]
        f[f"rule_type={ev.type}"] = 1.0
        f[f"rule_parties={_bucket(len(ev.parties), (2, 3, 5))}"] = 1.0
        if ev.date:
            f["rule_dated"] = 1.0
    return f


def _pair_orgs(ctx: Context, a: int, b: int) -> dict[str, float]:
    oa, ob = ctx.orgs[a], ctx.orgs[b]
    kinds = "|".join(sorted((oa.kind, ob.kind)))
    srcs = "|".join(sorted((oa.stage or "rules", ob.stage or "rules")))
    counts = sorted(ctx.mention_counts[i] for i in (a, b))
    f = {
        f"kinds={kinds}": 1.0,
        f"srcs={srcs}": 1.0,
        f"min_mentions={_bucket(counts[0], (1, 2, 4))}": 1.0,
        f"max_mentions={_bucket(counts[1], (1, 2, 4, 8))}": 1.0,
        ctx.n_orgs_key: 1.0,
    }
    if ctx.top2 == {a, b}:
        f["top2"] = 1.0
    if ctx.main in (a, b):
        f["main"] = 1.0
        other = b if ctx.main == a else a
        f[f"other_kind={ctx.orgs[other].kind}"] = 1.0
    f[f"in_title={(a in ctx.in_title) + (b in ctx.in_title)}"] = 1.0
    return f


def _pair_sentences(ctx: Context, a: int, b: int) -> list[dict[str, float] | tuple[str, int]]:
    """The pair's sentence features as parts in order: a dict, or (prefix, sentence) for that
    sentence's words (`Context.sentence_keys`), which `pair_features` merges in (`pair_bound` bounds)."""
    cooc = _cooc_sentences(ctx, a, b)
    sents = list(cooc)
    for k in ctx.rule_pairs.get(frozenset((a, b)), []):
        si = ctx.event_sent[k] if k < len(ctx.event_sent) else None
        if si is not None and si not in sents:
            sents.append(si)
    f: dict[str, float] = {f"cooc={_bucket(len(cooc), (0, 1, 2, 4))}": 1.0}
    parts: list[dict[str, float] | tuple[str, int]] = [f]
    near = ctx.nearest(a, b)
    if near is not None:
        f[f"sent_dist={_bucket(near[0], (0, 1, 2, 5))}"] = 1.0
        if not sents:  # named apart: the words of the sentences of the two closest mentions
            parts += [("near_w=", ctx.sentence_at(m[0])) for m in near[1:]]
    if not sents:
        return parts
    parts.append({f"first_cooc={_bucket(min(sents), (0, 1, 2, 4, 8))}": 1.0})
    for si in sents[:_MAX_SENTENCES]:
        n_orgs = len(ctx.orgs_in_sentence.get(si, []))
        parts += [("w=", si), {f"sent_orgs={_bucket(n_orgs, (2, 3, 5, 8))}": 1.0}]
    # the words between the closest mentions of the two in a shared sentence
    best = None
    for si in cooc[:4]:
        ms = ctx.by_sentence[si]
        ma = [m for m in ms if m[2] == a][:8]
        mb = [m for m in ms if m[2] == b][:8]
        for x in ma:
            for y in mb:
                first, second = (x, y) if x[0] < y[0] else (y, x)
                gap = second[0] - first[1]
                if gap >= 0 and (best is None or gap < best[0]):
                    best = (gap, first, second)
    if best is not None:
        gap, first, second = best
        between = _masked_tokens(ctx, first[1], second[0])
        f = {f"gap={_bucket(len(between), (0, 1, 2, 4, 8, 16))}": 1.0,
             f"orgs_between={_bucket(between.count('ORG'), (0, 1, 3))}": 1.0}
        if len(between) <= _MAX_BETWEEN:
            for g in _grams(between, ctx.lang):
                f["btw=" + g] = 1.0
            f["btw_seq=" + " ".join(between[:4])] = 1.0
        before = _masked_tokens(ctx, max(ctx.sents[ctx.sentence_at(first[0])][0], first[0] - 60), first[0])
        for g in before[-3:]:
            f["pre=" + g] = 1.0
        parts.append(f)
    return parts


def _pair_document(ctx: Context, a: int, b: int) -> dict[str, float]:
    """What the rules made of the whole article: an article with no rule event rarely has one."""
    return ctx.document_pair_features


# A visit is often told in one sentence (一行到…考察, "a delegation led by … visited") and its
# signing in the next, so the pair's own sentences miss it: the type cues (`cues`) are looked for in
# every sentence naming either organization, and the model weighs them per type.
_MAX_CUE_SENTENCES = 6  # sentences of each organization looked at, the first ones


def _pair_type_cues(ctx: Context, a: int, b: int) -> dict[str, float]:
    """Which types' words are told in the pair's shared sentences, in a sentence that names one
    of them and a person posted at the other ("会见了朱洪武一行", "a delegation led by Mayor Lin
    visited Veltrix"), in a sentence of one of them, and in the title or the lead."""
    f = dict.fromkeys(ctx.head_cue_keys, 1.0)
    cues = ctx.cue_keys
    if not cues:
        return f
    empty: set[int] = set()
    sa, sb = ctx.org_sentences.get(a, empty), ctx.org_sentences.get(b, empty)
    shared = sa & sb
    with_people = ctx.sentences_with_people
    via = (with_people.get(a, sa) & with_people.get(b, sb)) - shared
    lead = ctx.lead_sentences
    own = lead.get(a, empty) | lead.get(b, empty)
    for hits, both, via_person, one in cues:
        if not hits.isdisjoint(shared):
            f[both] = 1.0
        elif not hits.isdisjoint(via):
            f[via_person] = 1.0
        elif not hits.isdisjoint(own):
            f[one] = 1.0
    return f



def _pair_roles(ctx: Context, a: int, b: int) -> dict[str, float]:
    """The parts the two play in the sentences that name both (or a person posted at one of
    them): a visitor and its host, two visitors of one delegation, a cooperation's subject and
    its other side, a bystander (`roles`)."""
    roles = ctx.roles
    if not roles:
        return {}
    empty: set[int] = set()
    sents = ctx.role_sentences
    shared = sents.get(a, empty) & sents.get(b, empty)
    f: dict[str, float] = {}
    none: set[str] = set()
    for si in sorted(shared)[:_MAX_ROLE_SENTENCES]:
        ra, rb = roles.get((a, si), none), roles.get((b, si), none)
        if "visitor" in ra and "host" in rb or "host" in ra and "visitor" in rb:
            f["roles=visitor_host"] = 1.0
        elif "visitor" in ra and "visitor" in rb:
            f["roles=visitors"] = 1.0
        elif "host" in ra and "host" in rb:
            f["roles=hosts"] = 1.0
        # the subject of a cooperation verb and its other side ("Kestrel signed an agreement with
        # Lumio"), the two sides of "between", or two subjects of one verb
        if "agent" in ra and "partner" in rb or "partner" in ra and "agent" in rb:
            f["roles=agent_partner"] = 1.0
        elif "partner" in ra and "partner" in rb:
            f["roles=partners"] = 1.0
        elif "agent" in ra and "agent" in rb:
            f["roles=agents"] = 1.0
        for r in (ra - rb) | (rb - ra):
            f["role_one=" + r] = 1.0
    # a delegation whose host the sentence leaves unnamed ("welcomed the delegation from X"): the
    # article's own organization, most often
    for x, y in ((a, b), (b, a)):
        if y == ctx.main and any("visitor" in roles[(x, si)] and si not in ctx.hosted_sentences
                                 for si in sorted(sents.get(x, empty))[:_MAX_ROLE_SENTENCES]):
            f["roles=visitor_main"] = 1.0
    return f


_MAX_ROLE_SENTENCES = 3


# what stands between two names of one list: a comma, "and", "&" (an acronym in brackets and a
# "the" may come along); Chinese 、和与及同跟 (A与B签署: the two sides of the signing). Matched
# whole on gaps of at most _MAX_RUN_GAP characters.
_RUN_GAP = {
    "en": re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s*(?:(?:and\b|&)\s*)?|(?:and\b|&)\s*)(?:the\s+)?", re.IGNORECASE),
    "zh": re.compile(r"\s*(?:[（(][^（）()]{1,20}[）)]\s*)?(?:、|以及|和|与|及|同|跟)\s*"),
}
_MAX_RUN_GAP = 40
_MAX_CUE_HITS = 4  # event words of one type looked at in a sentence, the first ones
_CLAUSE_BREAK = re.compile(r"[,;:，；：]")


def _sentence_layout(ctx: Context, si: int) -> tuple[dict[int, tuple[int, int, int]], list[tuple[int, str]]]:
    ms = ctx.by_sentence.get(si, [])
    text = ctx.doc.text
    gap_re = _RUN_GAP[ctx.lang]
    runs: list[list[int]] = []
    ends: list[int] = []
    last = None
    for s, e, i in ms:
        if last is not None and s >= last[1] and s - last[1] <= _MAX_RUN_GAP \
                and (last[2] == i or gap_re.fullmatch(text, last[1], s)):
            if i not in runs[-1]:
                runs[-1].append(i)
            ends[-1] = e
        elif last is None or s >= last[1]:
            runs.append([i])
            ends.append(e)
        last = (s, e, i) if last is None or e > last[1] else last
    run_of: dict[int, tuple[int, int, int]] = {}
    for k, run in enumerate(runs):
        for i in run:
            run_of.setdefault(i, (k, len(run), ends[k]))
    cues: list[tuple[int, str]] = []
    s0, s1 = ctx.sents[si]
    # Chinese only: in English the nearest event word ("center", "lab", "received" outside the
    # names) told the partners less than nothing (out of fold on en train, pair AUC .825 -> .805)
    for t, hits in ctx.cue_types if ctx.lang == "zh" else ():
        if si not in hits:
            continue
        for m in islice(CUES[t].finditer(text, s0, s1), _MAX_CUE_HITS):
            if not any(s <= m.start() < e for s, e, _ in ms):
                cues.append((m.start(), t))
    cues.sort()
    return run_of, cues


def _pair_layout(ctx: Context, a: int, b: int) -> dict[str, float]:
    """The pair's place in the first sentence naming both: listed side by side ("A, B and C
    signed", "A与B签署": `list=same`, with the list's length) or in two lists ("A and B join
    with C and D": `list=across`); where the sentence's event words stand (before both names,
    between them, after both; the nearest, with its type; Chinese only); whether a clause break (a comma
    outside a list, a semicolon) stands between them; whether one of them is the sentence's
    first name (its subject, most often). Each also joined with the number of organizations the
    sentence names: in a sentence of eight names, a list is what tells the partners."""
    empty: set[int] = set()
    shared = ctx.org_sentences.get(a, empty) & ctx.org_sentences.get(b, empty)
    if not shared:
        return {}
    si = min(shared)
    run_of, cues = ctx.layout(si)
    ms = ctx.by_sentence[si]
    n = _bucket(len(ctx.orgs_in_sentence.get(si, ())), (2, 3, 5, 8))
    ra, rb = run_of.get(a), run_of.get(b)
    if ra is not None and rb is not None and ra[0] == rb[0]:
        shape = f"same{_bucket(ra[1], (2, 3, 5))}"
    elif ra is not None and rb is not None and ra[1] > 1 and rb[1] > 1:
        shape = "across"
    elif ra is not None and rb is not None and max(ra[1], rb[1]) > 1:
        shape = "one"
    else:
        shape = "none"
    f = {"list=" + shape: 1.0, f"list={shape}|sent_orgs={n}": 1.0}
    # the closest mentions of the two in the sentence
    best = None
    for x in ms:
        if x[2] != a:
            continue
        for y in ms:
            if y[2] != b:
                continue
            first, second = (x, y) if x[0] <= y[0] else (y, x)
            gap = second[0] - first[1]
            if best is None or abs(gap) < best[0]:
                best = (abs(gap), first, second)
    if best is None:
        return f
    _, first, second = best
    if shape[:4] != "same" and first[1] <= second[0]:
        # from the end of the first one's list (its commas are no clause break) to the second
        run = run_of.get(first[2])
        start = run[2] if run is not None and first[1] <= run[2] <= second[0] else first[1]
        broken = _CLAUSE_BREAK.search(ctx.doc.text, start, second[0]) is not None
        f["clause=" + ("split" if broken else "one")] = 1.0
        f[f"clause={'split' if broken else 'one'}|sent_orgs={n}"] = 1.0
    if ms and ms[0][2] in (a, b):
        f["subject"] = 1.0
    if cues:  # Chinese only (`_sentence_layout`)
        mid = (first[0] + second[1]) / 2
        at, t = min(cues, key=lambda c: (abs(c[0] - mid), c[0]))
        side = "before" if at < first[0] else "after" if at >= second[1] else "between"
        f["trig=" + side] = 1.0
        f[f"trig={side}|{t}"] = 1.0
        f[f"trig={side}|list={shape}"] = 1.0
    elif ctx.lang == "zh":
        f["trig=none"] = 1.0
    return f


def pair_parts(ctx: Context, a: int, b: int) -> list[dict[str, float] | tuple[str, int]]:
    """A pair's features as parts, in order: dicts, and (prefix, sentence) for a sentence's words
    (`Context.sentence_keys`), the bulk of them, shared by every pair of the sentence."""
    return [{"bias_" + ctx.lang: 1.0}, _pair_rules(ctx, a, b), _pair_orgs(ctx, a, b), *_pair_sentences(ctx, a, b),
            _pair_document(ctx, a, b), _pair_type_cues(ctx, a, b), _pair_roles(ctx, a, b), _pair_layout(ctx, a, b)]


def pair_features(ctx: Context, a: int, b: int, only: Container[str] | None = None,
                  parts: list[dict[str, float] | tuple[str, int]] | None = None) -> dict[str, float]:
    """A pair's features (its `parts` merged in order); with `only` (the names the pairs model
    weighs, at extraction), the sentences' words it has no weight for are left out, which changes
    no score."""
    f: dict[str, float] = {}
    keys = ctx.sentence_keys
    for part in pair_parts(ctx, a, b) if parts is None else parts:
        f.update(keys(part[0], part[1], only) if type(part) is tuple else part)
    return f


def pair_bound(ctx: Context, parts: list[dict[str, float] | tuple[str, int]], model: TypedModel) -> float:
    """An upper bound of the pair's highest margin over the types (`TypedModel.margins` of
    `pair_features`), cheaper than the margins: the dict parts' weights are added up (each name
    once), and a sentence's words are counted by the sum of their positive weights per type, made
    once per sentence (a name in two parts adds its weight once: at most both sums)."""
    small: dict[str, float] = {}
    sums = []
    cache = ctx._positive_sums
    for part in parts:
        if type(part) is tuple:
            got = cache.get((part, id(model)))
            if got is None:
                got = cache[(part, id(model))] = model.positive_sums(ctx.sentence_keys(part[0], part[1], model.weights))
            sums.append(got)
        else:
            small.update(part)
    return model.upper_margin(small, sums)


def typed(features: dict[str, float], event_type: str) -> dict[str, float]:
    """A pair's features asked for one event type: each feature alone and joined with the type."""
    out = dict(features)
    out["type=" + event_type] = 1.0
    for k, v in features.items():
        out[f"{event_type}|{k}"] = v
    return out


# ---- rule event candidates -----------------------------------------------------------------

def _event_shape(ctx: Context, k: int) -> dict[str, float]:
    ev = ctx.candidate_events[k]
    f = {f"type={ev.type}": 1.0, f"parties={_bucket(len(ev.parties), (2, 3, 5, 9))}": 1.0}
    if ev.stage == PROPOSED_STAGE:  # read over all the candidates, not by the rules
        f["proposed"] = 1.0
        f[f"proposed|type={ev.type}"] = 1.0
        for i in sorted({ctx.index[p] for p in ev.parties if p in ctx.index}):
            f["proposed|src=" + (ctx.orgs[i].stage or "rules").split("+")[0]] = 1.0
        spans = sorted((s.start, s.end) for s in ev.evidence if s.field == "party")
        if ctx.lang == "en":  # a listed subject (learn/proposals._english_subjects), the other side after "with"
            f["proposed|shape=en_" + en_shape(ctx.doc.text, ev)] = 1.0
        elif not spans:  # an unveiling at a signing, a delegation's visit to sign
            f["proposed|shape=" + ("to_sign" if ev.type == "visit" else "at_signing")] = 1.0
        elif spans[-1][0] - spans[0][1] > MAX_JOIN:  # one of a list on one side of 与 with the other side
            f["proposed|shape=listed"] = 1.0
        if any(HOME.fullmatch(ctx.doc.text, s, e) for s, e in spans):  # 我市 for the article's city
            f["proposed|home"] = 1.0
    if ev.date:
        f["dated"] = 1.0
    if ev.entity:
        f["entity"] = 1.0
    if ev.location:
        f["located"] = 1.0
    same = sum(1 for other in ctx.rules.events if set(other.parties) == set(ev.parties))
    f[f"same_parties={_bucket(same, (1, 2, 3))}"] = 1.0
    kinds = sorted({o.kind for o in ctx.orgs if o.name in ev.parties})
    for kd in kinds:
        f["party_kind=" + kd] = 1.0
    return f


def _event_words(ctx: Context, k: int, only: Container[str] | None = None) -> dict[str, float]:
    ev = ctx.candidate_events[k]
    f: dict[str, float] = {}
    si = ctx.event_sent[k] if k < len(ctx.event_sent) else None
    if si is None:
        return {"no_trigger_sentence": 1.0}
    f[f"sent={_bucket(si, (0, 1, 2, 4, 8))}"] = 1.0
    grams = ctx.sentence_grams(si)
    # each gram's word and typed word in turn ("w=g", "type|w=g"), made at C level; with `only`
    # the names it holds looked up by gram (`_prefixed`), none made for the others
    if only is None:
        names = chain.from_iterable(zip(map("w=".__add__, grams), map((ev.type + "|w=").__add__, grams)))
    else:
        names = filter(None, chain.from_iterable(zip(map(_prefixed("w=", only).get, grams),
                                                     map(_prefixed(ev.type + "|w=", only).get, grams))))
    f.update(dict.fromkeys(names, 1.0))
    return f


def _event_document(ctx: Context, k: int) -> dict[str, float]:
    f = {f"doc_rule_events={_bucket(len(ctx.rules.events), (1, 2, 4, 8))}": 1.0}
    if ctx.main is not None and ctx.orgs[ctx.main].name in ctx.candidate_events[k].parties:
        f["has_main"] = 1.0
    return f


# Chinese: the word joining the two sides of a signing (A与B签署, A、B等与C签约, 我市与A、B、C签约);
# not 同, which 共同 and 相同 hold
_ZH_WITH = re.compile(r"[与與和]")
# a list told with its count (A、B等4家单位, 等三所高校): bodies each dealing with the other side
_ZH_COUNTED = re.compile(r"等[0-9一二两兩三四五六七八九十几幾多]{1,3}[家所个個位]")
_ZH_EACH = re.compile(r"分别|分別|各自")


def _event_sides(ctx: Context, k: int) -> dict[str, float]:
    """Chinese: where the rule event's parties stand around the last 与 (和) before its
    trigger in the trigger's sentence. A signing of two sides names a party on each (A与B签署,
    A与B、C签署); a list on one side only (我市与A、B、C签约, A、B等11家企业与该校签约) is one
    side, the other (a generic body, a short form the rules missed) unnamed among the parties:
    the list members are no partners of each other. Also whether the list is counted (等4家单位)
    or told as one to one (分别), and how many events the trigger made."""
    if ctx.lang != "zh":
        return {}
    ev = ctx.candidate_events[k]
    trig = next((s for s in ev.evidence if s.field == "trigger"), None)
    si = ctx.event_sent[k] if k < len(ctx.event_sent) else None
    if trig is None or si is None:
        return {}
    f = {f"trigger_events={_bucket(ctx.trigger_counts.get((trig.start, trig.end), 1), (1, 2, 3))}": 1.0}
    ids = {ctx.index[p] for p in ev.parties if p in ctx.index}
    named = [m for m in ctx.by_sentence.get(si, []) if m[2] in ids and m[1] <= trig.start]
    if not named:
        return f
    s0, text = ctx.sents[si][0], ctx.doc.text
    lo = named[0][0]
    inside = ctx.connectives_in_names(si)
    con = max((m.start() for m in _ZH_WITH.finditer(text, s0, trig.start) if m.start() not in inside), default=-1)
    before = {m[2] for m in named if m[1] <= con}
    after = {m[2] for m in named if m[0] > con}
    if con < 0:
        side = "none"
    elif before and after:
        side = "both"
    elif after:
        side = "after_only" if con < lo else "none"
    else:
        side = "before_only"
    f["with_side=" + side] = 1.0
    f[f"with_side={side}|type={ev.type}"] = 1.0
    if _ZH_COUNTED.search(text, lo, trig.start):
        f["counted_list"] = 1.0
    if _ZH_EACH.search(text, s0, min(trig.end + 2, ctx.sents[si][1])):
        f["each"] = 1.0
    return f


def _event_roles(ctx: Context, k: int) -> dict[str, float]:
    """English: the parts the event's parties play in its trigger's sentence (`roles`: the
    subject of a cooperation verb and its other side, a visitor and a host, a bystander: an
    attendee's organization, a quoted firm), and whether each party is named there at all (a
    rule party reached from another sentence is often no principal)."""
    if ctx.lang != "en":
        return {}
    si = ctx.event_sent[k] if k < len(ctx.event_sent) else None
    if si is None:
        return {}
    ev = ctx.candidate_events[k]
    ids = sorted({ctx.index[p] for p in ev.parties if p in ctx.index})
    roles = ctx.roles
    f: dict[str, float] = {}
    unnamed = 0
    for i in ids:
        if (i, si) not in roles:
            unnamed += 1
            continue
        rs = roles[(i, si)]
        for r in sorted(rs):
            f["party_role=" + r] = 1.0
        if not rs:
            f["party_role=none"] = 1.0
    if unnamed:
        f["party_elsewhere=" + ("all" if unnamed == len(ids) else "some")] = 1.0
    return f


def event_features(ctx: Context, k: int, only: Container[str] | None = None) -> dict[str, float]:
    """A rule event's features; with `only` (the names the events model weighs, at extraction),
    the sentence's words it has no weight for are left out (half of a Chinese event's
    features), which changes no score."""
    f = {"bias_" + ctx.lang: 1.0}
    f.update(_event_shape(ctx, k))
    f.update(_event_words(ctx, k, only))
    f.update(_event_document(ctx, k))
    f.update(_event_sides(ctx, k))
    f.update(_event_roles(ctx, k))
    return f


# ---- the document ---------------------------------------------------------------------------

def _document_rules(ctx: Context) -> dict[str, float]:
    """What the rules made of the article: how many events, of which types."""
    f = {f"rule_events={_bucket(len(ctx.rules.events), (0, 1, 2, 4))}": 1.0}
    for t in sorted({ev.type for ev in ctx.rules.events}):
        f["rule_type=" + t] = 1.0
    f[f"orgs={_bucket(len(ctx.orgs), (0, 1, 2, 4, 8))}"] = 1.0
    return f


def _document_cues(ctx: Context) -> dict[str, float]:
    """How many sentences hold each type's words, how many of them name two organizations or
    more (a signing between two named bodies, not "the company signed a lease"), and whether
    the title or the first sentence holds them."""
    f = {f"head_{t}": 1.0 for t in sorted(ctx.head_cues)}
    for t, hits in ctx.cues.items():
        two = sum(1 for si in hits if len(ctx.orgs_in_sentence.get(si, ())) >= 2)
        f[f"cue_{t}={_bucket(len(hits), (0, 1, 2, 4))}"] = 1.0
        f[f"cue_two_{t}={_bucket(two, (0, 1, 2))}"] = 1.0
    return f


def _document_words(ctx: Context, only: Container[str] | None = None) -> dict[str, float]:
    """The article's words (Chinese: bigrams), names masked, each once: the genre of a quarterly
    result, a ranking, an appointment or a discovery, which tells no cooperation. With `only`
    (the names the documents model weighs), the words it has no weight for are left out."""
    f: dict[str, float] = {}
    if only is None:
        for si in range(len(ctx.sents)):
            f.update(dict.fromkeys(map("w=".__add__, ctx.sentence_grams(si)), 1.0))
        return f
    named = _prefixed("w=", only).get  # the names `only` holds, looked up by gram: none made for the rest
    for si in range(len(ctx.sents)):
        f.update(dict.fromkeys(filter(None, map(named, ctx.sentence_grams(si))), 1.0))
    return f


DOCUMENT_FEATURES = (_document_rules, _document_cues, _document_words)


def document_features(ctx: Context, only: Container[str] | None = None) -> dict[str, float]:
    """The features of the question whether the article reports any cooperation event at all;
    with `only` (the names the documents model weighs, at extraction), the article's words it
    has no weight for are left out (nine in ten of a Chinese article's), which changes no score."""
    f = {"bias_" + ctx.lang: 1.0}
    for fn in DOCUMENT_FEATURES:
        f.update(fn(ctx, only) if fn is _document_words else fn(ctx))
    return f


# ---- a person's organization -----------------------------------------------------------------

_MAX_POST_CANDIDATES = 8


def _read_title_places(ctx: Context) -> None:
    """`ctx.title_places` (and `ctx.post_places`): the place each person's title is held at when
    the text names it. In English the country or place written right before the title
    (`people.place_before_title`: "Chilean President", "India's Home Minister"), unless it is a
    word of another organization's mention; in Chinese the place of a Party committee named in
    the title's sentence or the one before, or right before the title, for a post headed at such
    a place (县长 beside 屏南县委: 屏南县; 石嘴山市长 and 石嘴山市委: 石嘴山市). The organization
    candidate of that name (in Chinese also the place's 政府 or 人民政府) is that place; without
    one the place is a post place of its own."""
    text, zh = ctx.doc.text, ctx.lang == "zh"
    forms: dict[str, int] = {}
    for i, o in enumerate(ctx.orgs):
        if zh and zh_committee_place(o.name) is not None:
            continue  # a committee holds its place as an alias (屏南县 of 屏南县委): not that place
        for n in (o.name, *_own_forms(o)):
            forms.setdefault(to_simplified(n) if zh else n.casefold(), i)
    made: dict[str, int] = {}

    def index_of(name: str, span: Span | None) -> int:
        key = name if zh else name.casefold()
        # an English country by any of its names (Korea for "South Korean President")
        for form in ((key, key + "政府", key + "人民政府") if zh else [f.casefold() for f in place_forms(name)]):
            if form in forms:
                return forms[form]
        j = made.get(name)
        if j is None:
            j = made[name] = len(ctx.post_places)
            ctx.post_places.append(Organization(name=name, kind="government", evidence=[], confidence=0.5,
                                                stage=POST_PLACE_STAGE))
        if span is not None and span not in ctx.post_places[j].evidence:
            o = ctx.post_places[j]
            ctx.post_places[j] = o.model_copy(update={"evidence": [*o.evidence, span]})
        return len(ctx.orgs) + j

    for k, p in enumerate(ctx.people):
        title = next((s for s in p.evidence if s.field == "title"), None)
        if title is None:
            continue
        if not zh:
            got = place_before_title(text, title.start)
            if got is None:
                continue
            name, s, e = got
            # a word of another name's mention ("Chinese Tsingshan Holding Group") is no place;
            # a mention of the place itself is its organization's
            inside = [i for a, b, i in ctx.by_sentence.get(ctx.sentence_at(s), []) if a < e and s < b
                      and text[a:b] not in ctx.orgs[i].name]
            inside += [i for a, b, i in ctx.by_sentence.get(ctx.sentence_at(s), []) if a < e and s < b
                       and text[a:b] == ctx.orgs[i].name]
            if inside:
                named = {f.casefold() for f in place_forms(name)}
                same = [i for i in inside if named & {n.casefold() for n in (ctx.orgs[i].name, *_own_forms(ctx.orgs[i]))}]
                if same:
                    ctx.title_places[k] = same[:1]
                continue
            ctx.title_places[k] = [index_of(name, Span(start=s, end=e, field="org"))]
            continue
        suffixes = zh_place_posts(p.title)
        if not suffixes:
            continue
        si = ctx.sentence_at(title.start)
        near = [m[2] for m in sorted(ctx.by_sentence.get(si, []) + ctx.by_sentence.get(si - 1, []),
                                     key=lambda m: (abs(m[0] - title.start), m[0]))]
        lead = to_simplified(text[max(0, title.start - 8):title.start + 1])
        places: list[str] = []
        for i in [*near, *range(len(ctx.orgs))]:
            place = zh_committee_place(ctx.orgs[i].name)
            if place is None or place[-1] not in suffixes or place in places:
                continue
            if i in near or lead.endswith(place):  # 石嘴山市长: the title opens with the place's suffix
                places.append(place)
        if places:
            ctx.title_places[k] = list(dict.fromkeys(index_of(pl, None) for pl in places))
    if not zh:
        _share_title_places(ctx)


# what joins two people of one list whose titles one place names: "Israeli President Rosa Tell
# and Prime Minister Ari Dov" (both Israel's)
_LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+(?:the[ \t]+)?|[ \t]*,[ \t]*(?:the[ \t]+)?")


# a post named after the name is the person's own ("Prime Minister Ari Dov of Norvania")
_OWN_POST = re.compile(r"[ \t]*(?:,[ \t]*)?(?:of|at|from)[ \t]|['’]s[ \t]|[ \t]*\(")


def _share_title_places(ctx: Context) -> None:
    """English: a person whose title names no place, listed right after one whose title does,
    shares that place ("Israeli President Rosa Tell and Prime Minister Ari Dov")."""
    spans = []
    for k, p in enumerate(ctx.people):
        title = next((s for s in p.evidence if s.field == "title"), None)
        name = next((s for s in p.evidence if s.field == "name"), None)
        if title is not None and name is not None and title.end <= name.start:
            spans.append((title.start, name.end, k))
    spans.sort()
    text = ctx.doc.text
    for (_, prev_end, j), (start, end, k) in zip(spans, spans[1:]):
        if j in ctx.title_places and k not in ctx.title_places and prev_end <= start \
                and _LIST_JOIN.fullmatch(text, prev_end, start) and not _OWN_POST.match(text, end):
            ctx.title_places[k] = list(ctx.title_places[j])


def _own_forms(o: Organization) -> list[str]:
    """An organization's aliases but the words of its own name ("China" of "Australia-China
    Science and Research Fund", "Israel" of "Israel Institute of Technology" name no place)."""
    return [a for a in o.aliases if a not in o.name]


def person_candidates(ctx: Context, k: int) -> list[int]:
    """Organizations a person's post may be held at: named in the person's sentence or the one
    before, the one the rules chose, and the article's main organization; then the places their
    title names (`title_places`: maybe post places, indexed after the organizations)."""
    p = ctx.people[k]
    name = next((s for s in p.evidence if s.field == "name"), None)
    out: list[int] = []
    if p.org is not None and p.org in ctx.index:
        out.append(ctx.index[p.org])
    if name is not None:
        si = ctx.sentence_at(name.start)
        near = sorted(ctx.by_sentence.get(si, []), key=lambda m: abs(m[0] - name.start))
        near += ctx.by_sentence.get(si - 1, [])
        out += [m[2] for m in near]
    if ctx.main is not None:
        out.append(ctx.main)
    out = list(dict.fromkeys(out))[:_MAX_POST_CANDIDATES]
    if k in ctx.self_leads and ctx.main is not None and ctx.main not in out:
        out.append(ctx.main)  # "集团公司党委书记": the organization the article is about, however far
    return out + [i for i in ctx.title_places.get(k, ()) if i not in out]


def person_features(ctx: Context, k: int, i: int, rank: int) -> dict[str, float]:
    p = ctx.people[k]
    o = ctx.org_at(i)
    f = {"bias_" + ctx.lang: 1.0, f"kind={o.kind}": 1.0, f"rank={_bucket(rank, (0, 1, 2, 4))}": 1.0}
    if p.org is None:
        f["rule_none"] = 1.0
    elif p.org == o.name:
        f["rule_org"] = 1.0
    if i in ctx.title_places.get(k, ()):
        f["title_place"] = 1.0  # the place the title names ("Chilean President", 县长 at 屏南县)
        for t in title_heads(p.title, ctx.lang):
            f["title_place|post=" + t] = 1.0
    if i >= len(ctx.orgs):  # a post place: named by the title alone, no mention to weigh
        f["post_place"] = 1.0
        f.update(ctx.person_self(k))
        f.update(post_features(p.title, o.name, ctx.lang))
        f.update(ctx.title_grams(k, o.kind))
        return f
    if i == ctx.main:
        f["main"] = 1.0
    f.update(ctx.person_self(k))
    if k in ctx.self_leads:
        f.update(_self_lead(ctx, k, i))
    f.update(_post_org(ctx, k, i))
    f.update(post_features(p.title, o.name, ctx.lang))
    f.update(_post_rivals(ctx, k, i))
    f.update(ctx.title_grams(k, o.kind))
    _, name, si = ctx.person_facts(k)
    if name is None:
        return f
    ms = [m for m in ctx.by_sentence.get(si, []) if m[2] == i]
    if not ms:
        if any(m[2] == i for m in ctx.by_sentence.get(si - 1, [])):
            f["sentence_before"] = 1.0
        f["not_near"] = 1.0
        if i == ctx.main:
            f["main|not_near"] = 1.0
        return f
    f[f"title_rank={_bucket(ctx.title_ranks(k).get(i, 9), (0, 1))}"] = 1.0
    m = min(ms, key=lambda m: abs(m[0] - name.start))
    before = m[1] <= name.start
    f["org_before" if before else "org_after"] = 1.0
    lo, hi = (m[1], name.start) if before else (name.end, m[0])
    between = _masked_tokens(ctx, lo, hi) if hi >= lo else []
    f[f"gap={_bucket(len(between), (0, 1, 2, 4, 8, 16))}"] = 1.0
    if len(between) <= _MAX_BETWEEN:
        for g in _grams(between, ctx.lang):
            f["btw=" + g] = 1.0
        f["btw_seq=" + " ".join(between[:3])] = 1.0
    if between.count("ORG"):
        f["org_between"] = 1.0
    f.update(_title_to_org(ctx, k, ms))
    return f


def _self_lead(ctx: Context, k: int, i: int) -> dict[str, float]:
    """Chinese: a title opened by the organization's word for itself (ctx.self_leads: 校党委书记,
    该院检察长, 集团公司董事长, or listed after one): the candidate's head, whether it is one the word
    stands for (校: a 大学, 学院 or 学校), whether it is the organization the article is about."""
    head = org_head(ctx.orgs[i].name, ctx.lang)
    f = {"self|org_head=" + head: 1.0}
    if head in zh_self_heads(ctx.self_leads[k]):
        f["self|head_fits"] = 1.0
        if i == ctx.main:
            f["self|head_fits|main"] = 1.0
    if i == ctx.main:
        f["self|main"] = 1.0
    return f


def _person_self(ctx: Context, k: int) -> dict[str, float]:
    """Where the person comes from: a name only the tagger found, with or without a title beside it."""
    p = ctx.people[k]
    f = {}
    if p.title is None:
        f["no_title"] = 1.0
    if p.stage == TAGGED_STAGE:
        f["tagged"] = 1.0
        f["tagged|title=" + ("no" if p.title is None else "yes")] = 1.0
        words = len(p.name.split()) if ctx.lang != "zh" else len(p.name)
        f[f"tagged|name_len={_bucket(words, (1, 2, 3))}"] = 1.0
        f.update(name_features(ctx.doc.text, p, ctx.lang, ctx.lower_words))
    return f


def _post_rivals(ctx: Context, k: int, i: int) -> dict[str, float]:
    """The candidate against the other organizations of the sentence: tied to the title more
    closely than any other (`link=best`), less closely than another (`link=other`: "Stennis
    College welcomed Harlow University's Rector" for Stennis College), or with a rival when it is
    a country or city named alone and the sentence also names an organization with a head word
    ("Kenya's Minister of Health" holds at Kenya; "Kenya ... Mwangi, CEO of Harlow Motors" the
    CEO is Harlow Motors')."""
    f: dict[str, float] = {}
    links = ctx.title_links(k)
    if links:
        best, mine = min(links.values()), links.get(i)
        if mine is not None and mine == best:
            f["link=best" if sum(v == best for v in links.values()) == 1 else "link=tie"] = 1.0
        else:
            f["link=other"] = 1.0
            f[f"link=other|gap={best}"] = 1.0
    if ctx.lang != "zh" and org_head(ctx.orgs[i].name, ctx.lang) == "place":
        heads = ctx.sentence_heads(k) - {"place"}
        if heads:
            f["place|rival_head"] = 1.0
            for t in title_heads(ctx.people[k].title, ctx.lang):
                f[f"post={t}|place|rival_head"] = 1.0
    return f


def _post_org(ctx: Context, k: int, i: int) -> dict[str, float]:
    """The organization as the article names it: inside the title ("Minister of Education": an
    organization cut from the title is not its holder's), named by the title, mentioned how
    often, a party of a rule event, found by the tagger alone."""
    p, o = ctx.people[k], ctx.orgs[i]
    f = {f"org_mentions={_bucket(len(ctx.mentions_of.get(i, [])), (1, 2, 4, 8))}": 1.0}
    if o.stage == "tagger":
        f["org_tagged"] = 1.0
    if i in ctx.rule_parties:
        f["org_party"] = 1.0
    title = next((s for s in p.evidence if s.field == "title"), None)
    if title is not None and any(s < title.end and title.start < e for s, e, _ in
                                 (m for m, _ in ctx.mentions_of.get(i, [])[:_MAX_MENTIONS])):
        f["org_in_title"] = 1.0
    if p.title and any(n and n in p.title for n in (o.name, *o.aliases)):
        f["org_named_in_title"] = 1.0
    return f


def _title_to_org(ctx: Context, k: int, ms: list[tuple[int, int, int]]) -> dict[str, float]:
    """The words between the title and the organization's nearest mention, when few: "X's
    Title", "Title of X", "X Title", "X的Title", "Title, X"."""
    title = next((s for s in ctx.people[k].evidence if s.field == "title"), None)
    if title is None:
        return {}
    m = min(ms, key=lambda m: min(abs(m[1] - title.start), abs(title.end - m[0])))
    if m[0] < title.end and title.start < m[1]:
        return {}
    lo, hi, side = (m[1], title.start, "org_title") if m[1] <= title.start else (title.end, m[0], "title_org")
    between = _masked_tokens(ctx, lo, hi)
    if len(between) > 3:
        return {f"{side}=far": 1.0}
    return {f"{side}=" + " ".join(between): 1.0}
