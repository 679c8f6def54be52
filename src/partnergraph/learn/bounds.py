"""Chinese name boundaries and short forms, proposed by the rules' and the tagger's names and
chosen by a learned model (the model folder's `bounds.json`).

Two decisions, one logistic model (each feature prefixed by its decision):
- trim: a rule organization whose name ends with another organization's name, or with a name
  the tagger found inside it, may have a word glued before it (张三同志任甲集团, 予甲集团,
  不久前乙部). The chooser reads the glued prefix (its characters, length, whether it ends like
  a place or holds a person the rules found) and keeps the shorter name; the organization is
  then merged into the one of that name, or renamed, and its events and posts follow it.
- alias: a name the tagger found that is a subsequence of a known organization's name (澳大 in
  澳门大学, 勤益科大 in 国立勤益科技大学) may be that organization's short form.
Every feature is a small named function shared by training and extraction.
"""

from __future__ import annotations

from partnergraph.extraction.rules.chinese.aliases import norm as _without_legal_end  # 中轻集团 of 中国轻工集团有限公司
from partnergraph.learn.linear import LinearModel
from partnergraph.models import Extraction, Organization, Span

_MIN_TRIMMED = 2  # a trimmed name keeps at least this many characters
_MAX_OWNERS = 4  # subsequence owners looked at for one short form
_PLACE_END = set("省市区县州国镇乡村")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


# ---- trim: a glued prefix ------------------------------------------------------------------

def _name_spans(text: str, o: Organization) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in o.evidence
            if s.field in ("name", "alias") and text[s.start:s.end] == o.name]


def trim_proposals(text: str, orgs: list[Organization], spans: list[tuple[int, int, str]]
                   ) -> list[tuple[int, int, int | None]]:
    """(organization, characters to cut, the organization of the rest or None) for each rule
    organization whose name ends with another's name or with a tagged name inside it; the
    longest such rest only."""
    owners: dict[str, list[int]] = {}
    for j, o in enumerate(orgs):
        for form in dict.fromkeys([o.name, *o.aliases]):
            owners.setdefault(form, []).append(j)
    # the tagged names by their ends: a cut k of an occurrence (s, e) is tagged when one starts
    # at s + k and ends at e (looked up by end once per occurrence, not once per cut)
    tagged_starts: dict[int, list[int]] = {}
    for s, e, t in spans:
        if t == "ORG":
            tagged_starts.setdefault(e, []).append(s)
    out = []
    for i, o in enumerate(orgs):
        name = o.name
        cuts = {ts - s for s, e in _name_spans(text, o) for ts in tagged_starts.get(e, ())} if tagged_starts else ()
        for k in range(1, len(name) - _MIN_TRIMMED + 1):
            rest = name[k:]
            found = owners.get(rest)
            j = next((x for x in found if x != i), None) if found else None
            if j is not None or k in cuts:
                out.append((i, k, j))
                break
    return out


def trim_features(rules: Extraction, orgs: list[Organization], i: int, k: int, j: int | None) -> dict[str, float]:
    name = orgs[i].name
    pre, rest = name[:k], name[k:]
    f = {"bias_trim": 1.0, "trim|via=" + ("org" if j is not None else "tagger"): 1.0,
         f"trim|plen={_bucket(k, (1, 2, 3, 5, 8))}": 1.0,
         f"trim|rlen={_bucket(len(rest), (2, 3, 4, 6, 9))}": 1.0,
         "trim|plast=" + pre[-1]: 1.0, "trim|plast2=" + pre[-2:]: 1.0, "trim|pfirst=" + pre[0]: 1.0,
         "trim|rfirst=" + rest[0]: 1.0, "trim|kind=" + orgs[i].kind: 1.0}
    for c in set(pre):
        f["trim|pc=" + c] = 1.0
    if pre[-1] in _PLACE_END:
        f["trim|place_end"] = 1.0
    if not all("\u3400" <= c <= "\u9fff" for c in pre):
        f["trim|not_han"] = 1.0
    if any(p.name and p.name in pre for p in rules.people):
        f["trim|person_in_prefix"] = 1.0
    if j is not None:
        f["trim|rest_kind=" + orgs[j].kind] = 1.0
        if rest != orgs[j].name:
            f["trim|rest_is_alias"] = 1.0
    return f


def apply_trims(text: str, rules: Extraction, trims: list[tuple[int, int, int | None]]) -> Extraction:
    """The rules' extraction with the chosen glued prefixes cut: an organization is merged into
    the one its rest names (or renamed to it), and events, entities and posts follow."""
    if not trims:
        return rules
    orgs = list(rules.organizations)
    cut = {i: (k, j) for i, k, j in trims}
    target: dict[int, int] = {}
    for i, (_, j) in cut.items():  # where a merged organization ends up (chains followed)
        seen, t = {i}, j
        while t is not None and t in cut and cut[t][1] is not None and t not in seen:
            seen.add(t)
            t = cut[t][1]
        target[i] = i if t is None or t in seen else t
    rename: dict[str, str] = {}
    old_names = [o.name for o in orgs]
    shifted: dict[int, list[Span]] = {}
    for i, (k, _) in cut.items():
        o = orgs[i]
        shifted[i] = [Span(start=s.start + k, end=s.end, field=s.field)
                      if s.field in ("name", "alias") and text[s.start:s.end] == o.name else s
                      for s in o.evidence]
    for i, (k, _) in sorted(cut.items()):
        new = old_names[i][k:]
        t = target[i]
        if t == i:
            orgs[i] = orgs[i].model_copy(update={"name": new, "evidence": shifted[i],
                                                 "aliases": [a for a in orgs[i].aliases if a != new]})
    for i in sorted(cut):
        t = target[i]
        if t == i:
            rename[old_names[i]] = orgs[i].name
            continue
        o, into = orgs[i], orgs[t]
        add = [s if s.field not in ("name", "alias") else Span(start=s.start, end=s.end, field="alias")
               for s in shifted[i]]
        # a glued prefix's rest is a form of `into` already; a short form merged whole (k 0) is new
        aliases = into.aliases + [a for a in dict.fromkeys([old_names[i][cut[i][0]:], *o.aliases])
                                  if a not in into.aliases and a != into.name]
        orgs[t] = into.model_copy(update={"aliases": aliases, "evidence": into.evidence + add})
        rename[old_names[i]] = into.name
    keep = [o for i, o in enumerate(orgs) if target.get(i, i) == i]
    # a kept organization keeps its evidence in text order
    keep = [o.model_copy(update={"evidence": sorted(o.evidence, key=lambda s: (s.start, s.end, s.field or ""))})
            for o in keep]

    def re(name: str | None) -> str | None:
        return rename.get(name, name) if name is not None else None

    events = []
    for ev in rules.events:
        parties = list(dict.fromkeys(re(p) for p in ev.parties))
        if parties != ev.parties or re(ev.entity) != ev.entity:
            ev = ev.model_copy(update={"parties": parties, "entity": re(ev.entity),
                                       "evidence": _shift_party_spans(text, ev.evidence, cut, old_names)})
        events.append(ev)
    people = [p if re(p.org) == p.org else p.model_copy(update={"org": re(p.org)}) for p in rules.people]
    return rules.model_copy(update={"organizations": keep, "events": events, "people": people})


def _shift_party_spans(text: str, evidence: list[Span], cut: dict[int, tuple[int, int | None]],
                       old_names: list[str]) -> list[Span]:
    glued = {old_names[i]: k for i, (k, _) in cut.items()}
    out = []
    for s in evidence:
        k = glued.get(text[s.start:s.end]) if s.field == "party" else None
        out.append(Span(start=s.start + k, end=s.end, field=s.field) if k else s)
    return out


# ---- alias: a short form the tagger found ---------------------------------------------------

def subsequence_runs(short: str, full: str) -> list[int] | None:
    """Where each character of `short` is found in `full`, left to right (None if it is not a
    subsequence of it)."""
    at, pos = [], 0
    for c in short:
        pos = full.find(c, pos)
        if pos < 0:
            return None
        at.append(pos)
        pos += 1
    return at


def alias_owners(name: str, orgs: list[Organization]) -> list[tuple[int, str, list[int]]]:
    """(organization, its form, matched positions) for the known organizations whose name or an
    alias holds `name` as a subsequence starting with its first character's match and longer than it."""
    out = []
    if len(name) < 2:
        return out
    for k, o in enumerate(orgs):
        for form in dict.fromkeys([o.name, *o.aliases]):
            if len(form) <= len(name):
                continue
            at = subsequence_runs(name, form)
            if at is not None:
                out.append((k, form, at))
                break
        if len(out) >= _MAX_OWNERS:
            break
    return out


def alias_features(name: str, o: Organization, form: str, at: list[int], n_owners: int) -> dict[str, float]:
    runs = 1 + sum(1 for a, b in zip(at, at[1:]) if b != a + 1)
    f = {"bias_alias": 1.0, f"alias|runs={_bucket(runs, (1, 2, 3))}": 1.0,
         f"alias|len={_bucket(len(name), (2, 3, 4, 6))}": 1.0,
         f"alias|cov={_bucket(10 * len(name) // len(form), (2, 3, 4, 5, 7))}": 1.0,
         f"alias|skip_head={_bucket(at[0], (0, 1, 2, 4))}": 1.0,
         "alias|last=" + name[-1]: 1.0, "alias|flast=" + form[-1]: 1.0, "alias|kind=" + o.kind: 1.0,
         f"alias|owners={_bucket(n_owners, (1, 2))}": 1.0}
    if name[-1] == form[-1]:
        f["alias|same_last"] = 1.0
    if at[-1] == len(form) - 1:
        f["alias|ends_at_end"] = 1.0
    if name[0] == form[0]:
        f["alias|same_first"] = 1.0
    return f


def best_alias_owner(name: str, orgs: list[Organization], model: LinearModel | None) -> int | None:
    """The organization whose short form `name` is, when the model says so (ties: the earlier)."""
    if model is None:
        return None
    owners = alias_owners(name, orgs)
    best = None
    for k, form, at in owners:
        p = model.probability(alias_features(name, orgs[k], form, at, len(owners)))
        if p >= 0.5 and (best is None or p > best[0]):
            best = (p, k)
    return None if best is None else best[1]


# ---- alias: a rule organization that is another's short form ---------------------------------

# forms sharing a last character that a short form is compared with (a page listing 200
# universities compares each with 60, not 200)
_MAX_BUCKET = 60
def kept_apart(text: str, rules: Extraction) -> set[frozenset[str]]:
    """Names the text holds apart: parties of one rule event (甲与乙签署: two bodies), and two
    names one connective joins (北京大学和北京师范大学, 甲、乙)."""
    apart = {frozenset((a, b)) for ev in rules.events for a in ev.parties for b in ev.parties if a != b}
    spans = sorted((s.start, s.end, o.name) for o in rules.organizations for s in o.evidence
                   if s.field in ("name", "alias"))
    for (_, e1, a), (s2, _, b) in zip(spans, spans[1:]):
        if a != b and 0 <= s2 - e1 <= 1 and text[e1:s2] in _CONNECTIVES:
            apart.add(frozenset((a, b)))
    return apart


_CONNECTIVES = frozenset(("", "与", "和", "及", "、", "同", ",", "，"))


def merge_proposals(orgs: list[Organization], apart: set[frozenset[str]] = frozenset()
                    ) -> list[tuple[int, int, str, list[int], int]]:
    """(organization, the organization it may be a short form of, that one's form, matched
    positions, number of such owners) for each organization of the rules whose name is a
    subsequence of another rules organization's name or alias ending with the same character,
    legal endings aside (山西三建集团 of 山西建投三建集团, 中轻集团 of 中国轻工集团有限公司,
    生工学院 of 宿州学院生物与食品工程学院): both were read as names, and the alias model
    decides whether they are one (北京大学 beside 北京师范大学 is not)."""
    out = []
    rules_orgs = [(k, o) for k, o in enumerate(orgs) if o.stage is None]
    # each rules organization's forms, legal endings aside, by their last character (the
    # first form of an organization that fits is its reading)
    by_last: dict[str, list[tuple[int, str]]] = {}
    for k, other in rules_orgs:
        for form in dict.fromkeys([other.name, *other.aliases]):
            bare = _without_legal_end(form)
            if bare:
                by_last.setdefault(bare[-1], []).append((k, bare))
    for i, o in rules_orgs:
        name = _without_legal_end(o.name)
        if len(name) < 3:
            continue
        owners: list[tuple[int, str, list[int]]] = []
        for k, bare in by_last.get(name[-1], [])[:_MAX_BUCKET]:
            if k == i or len(bare) <= len(name) or any(k == x for x, _, _ in owners) \
                    or name in orgs[k].aliases or frozenset((o.name, orgs[k].name)) in apart:
                continue
            at = subsequence_runs(name, bare)
            if at is not None:
                owners.append((k, bare, at))
                if len(owners) >= _MAX_OWNERS:
                    break
        out += [(i, k, form, at, len(owners)) for k, form, at in owners]
    return out


def merge_features(orgs: list[Organization], i: int, k: int, form: str, at: list[int], n_owners: int) -> dict[str, float]:
    """A short form's features (`alias_features`) and that both are the rules' names."""
    f = alias_features(_without_legal_end(orgs[i].name), orgs[k], form, at, n_owners)
    f["alias|rules"] = 1.0
    return f


def chosen_merges(text: str, rules: Extraction, model: LinearModel) -> list[tuple[int, int, int | None]]:
    """The merges the model chooses, as `apply_trims` takes them (nothing cut): each short form
    into its best owner; none into an organization that is itself merged. None with a model
    trained before rule names were proposed as short forms (no `alias|rules` weight: it would
    read them as the tagger's)."""
    if "alias|rules" not in model.weights:
        return []
    orgs = rules.organizations
    best: dict[int, tuple[float, int]] = {}
    for i, k, form, at, n in merge_proposals(orgs, kept_apart(text, rules)):
        p = model.probability(merge_features(orgs, i, k, form, at, n))
        if p >= 0.5 and (i not in best or p > best[i][0]):
            best[i] = (p, k)
    return [(i, 0, k) for i, (_, k) in sorted(best.items()) if k not in best]


def refine(text: str, rules: Extraction, spans: list[tuple[int, int, str]], model: LinearModel | None) -> Extraction:
    """The rules' extraction with the glued prefixes the model chose cut, then the short forms
    it chose merged into the names they shorten."""
    if model is None:
        return rules
    orgs = rules.organizations
    chosen = [(i, k, j) for i, k, j in trim_proposals(text, orgs, spans)
              if model.probability(trim_features(rules, orgs, i, k, j)) >= 0.5]
    rules = apply_trims(text, rules, chosen)
    return apply_trims(text, rules, chosen_merges(text, rules, model))
