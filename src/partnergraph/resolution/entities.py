"""Stage 4 (resolution), organizations and people: one entity per organization across articles.

Nodes are name keys (`names.name_key`), so spellings that differ only in case, punctuation,
a leading "the" or a legal form are one node by construction ("same-key"). Edges come from
the articles themselves, each kept with the document that gave it:
- "alias": an article gives two names for one organization (a full name and its acronym, an
  English and a Chinese name);
- "acronym": an article uses an acronym that spells the initials of a full name it also uses.
Two guards keep different organizations apart, each recorded as a conflict `why` can show:
- "different-unit": a longer name that adds an organizational word to a shorter one is a
  different body ("Wuhan University of Technology", a university's school);
- "ambiguous-short-form": a short form (acronym, one word, or a name cut out of the full
  one: "镇江市分行" of two banks) that articles attach to two different full names joins
  neither.
User overrides come last: "user-split" isolates a name from every article edge, "user-merge"
joins two names whatever the guards say. The result depends only on the set of mentions and
overrides, not on their order (a property test holds this).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import groupby
from dataclasses import dataclass, field
from typing import Protocol

from partnergraph.resolution.names import (
    is_part_of,
    is_short_form,
    name_key,
    unit_difference,
)

_STOP = {"of", "and", "for", "the", "in", "at", "on", "de", "du", "la", "des", "und", "für"}


@dataclass(frozen=True, slots=True)
class Link:
    a: str
    b: str
    rule: str
    doc_key: int | None
    detail: str


@dataclass(slots=True)
class Entity:
    id: int
    key: str
    name: str
    kind: str
    n_docs: int
    aliases: list[tuple[str, str, int]] = field(default_factory=list)  # (alias, key, n_docs)


@dataclass(slots=True)
class EntityResolution:
    entities: list[Entity]
    key_to_entity: dict[str, int]
    links: list[Link]
    conflicts: list[Link]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}

    def add(self, k: str) -> None:
        if k not in self.parent:
            self.parent[k] = k
            self.members[k] = [k]

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]) or (
            len(self.members[ra]) == len(self.members[rb]) and rb < ra
        ):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra


def initials(key: str) -> str:
    """"huazhong university of science and technology" → "hust" (stop words skipped)."""
    words = [w for w in key.split(" ") if w and w not in _STOP]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_LATIN_WORD = re.compile(r"^[a-z0-9]+$")


class KeyTotals(Protocol):
    """Counts over every document that uses a name, for a caller that feeds `resolve` only
    the documents where names are linked (`resolution.incremental`)."""

    def surfaces(self, key: str) -> Counter: ...

    def kinds(self, key: str) -> Counter: ...

    def n_docs(self, keys: list[str]) -> int: ...

    def __contains__(self, key: str) -> bool: ...

    def keys(self) -> Iterable[str]: ...


def document_links(doc_key: int, rows: Iterable[tuple]) -> list[Link]:
    """The links one document gives (its `iter_org_names` rows, in order): "alias" between
    the names of one mention, "acronym" between a name and the one other name of the
    document whose initials it spells."""
    links: list[Link] = []
    mention_name: dict[int, tuple[str, str]] = {}
    doc_keys: dict[str, str] = {}
    for _doc, idx, role, name, key, _kind in rows:
        doc_keys.setdefault(key, name)
        if role == "name":
            mention_name[idx] = (key, name)
        else:
            head = mention_name.get(idx)
            if head and head[0] != key:
                links.append(Link(head[0], key, "alias", doc_key,
                                  f"the article names '{head[1]}' also '{name}'"))
    shorts = [k for k in doc_keys if _LATIN_WORD.match(k) and len(k) >= 2]
    if shorts:
        by_initials = defaultdict(list)
        for k in doc_keys:
            ini = initials(k)
            if ini:
                by_initials[ini].append(k)
        for s in shorts:
            full = by_initials.get(s, [])
            if len(full) == 1:
                links.append(Link(full[0], s, "acronym", doc_key,
                                  f"'{doc_keys[s]}' spells the initials of '{doc_keys[full[0]]}'"))
    return links


def resolve(
    org_names: Iterable[tuple[int, int, str, str, str, str]],
    overrides: Iterable[tuple[int, str, str, str | None]] = (),
    cross: Iterable[Link] = (),
    cross_conflicts: Iterable[Link] = (),
    totals: KeyTotals | None = None,
    links: Iterable[Link] | None = None,
) -> EntityResolution:
    """Group organization names into entities.

    `org_names`: (doc_key, mention idx, role "name"|"alias", surface name, key, kind), grouped
    by document (as `Store.iter_org_names` yields them). `overrides`: (seq, action, key_a, key_b).
    `cross`: links between a Chinese and an English name (`crosslang.cross_links`), joined after
    the articles' own links, under the same guards and user splits; `cross_conflicts`: the
    pairs it left apart, kept for `why`. `totals`: the spellings, kinds and documents of
    the names, counted over documents `org_names` may leave out; `links`: the documents'
    links (`document_links`) when the caller has them (then `org_names` gives none).
    """
    uf = _UnionFind()
    surfaces: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    docs: dict[str, set[int]] = defaultdict(set)
    found: list[Link] = []
    doc_rows: list[tuple] = []
    for row in org_names:
        doc_key, _idx, role, name, key, kind = row
        if links is None and doc_rows and doc_key != doc_rows[0][0]:
            found.extend(document_links(doc_rows[0][0], doc_rows))
            doc_rows = []
        doc_rows.append(row)
        uf.add(key)
        if doc_key not in docs[key]:
            docs[key].add(doc_key)
            surfaces[key][name] += 1
        kinds[key][kind] += role == "name"
    if links is None:
        if doc_rows:
            found.extend(document_links(doc_rows[0][0], doc_rows))
        links = found
    if totals is not None:  # names that are used only where nothing links them come in here
        for key in totals.keys():
            uf.add(key)
            surfaces[key], kinds[key] = totals.surfaces(key), totals.kinds(key)

    split: set[str] = set()
    merges: list[tuple[str, str]] = []
    for _seq, action, key_a, key_b in sorted(overrides):
        if action == "split" and key_b is None:
            split.add(key_a)
        elif action == "merge" and key_b is not None:
            merges.append((key_a, key_b))

    # every document repeating a link (the same two names, the same rule) meets the same
    # decision as the first: each group is decided once
    conflicts: list[Link] = []
    used: list[Link] = []
    weak: list[Link] = []
    ordered = sorted(links, key=lambda k: (k.a, k.b, k.rule, k.doc_key or 0))
    for (a, b, _rule), group in groupby(ordered, key=lambda k: (k.a, k.b, k.rule)):
        group = list(group)
        if a in split or b in split:
            conflicts.extend(Link(k.a, k.b, "user-split", k.doc_key,
                                  "a user split this name off (`partnergraph split`)") for k in group)
        elif _short_side(a, b) is not None:
            weak.extend(group)
        else:
            _union_group(uf, group, used, conflicts)

    # a short form joins the one full-name entity articles attach it to, or none
    attach: dict[str, list[Link]] = defaultdict(list)
    for link in weak:
        short = _short_side(link.a, link.b)
        other = link.b if short == link.a else link.a
        attach[short].append(Link(other, short, link.rule, link.doc_key, link.detail))
    for short, cands in sorted(attach.items()):
        roots = {uf.find(c.a) for c in cands if not is_short_form(c.a)} or {
            uf.find(c.a) for c in cands}
        if len(roots) == 1:
            for (a, _b, _rule), group in groupby(cands, key=lambda k: (k.a, k.b, k.rule)):
                if uf.find(a) in roots:
                    _union_group(uf, list(group), used, conflicts)
        else:
            names = sorted({_display(surfaces[c.a]) for c in cands})
            detail = f"'{short}' names different organizations in different articles: " + "; ".join(names)
            for c in cands:
                conflicts.append(Link(c.a, short, "ambiguous-short-form", c.doc_key, detail))

    conflicts.extend(cross_conflicts)
    for link in sorted(cross, key=lambda k: (k.a, k.b)):
        if link.a in split or link.b in split:
            conflicts.append(Link(link.a, link.b, "user-split", link.doc_key,
                                  "a user split this name off (`partnergraph split`)"))
        elif _try_union(uf, link, conflicts):
            used.append(link)

    for a, b in merges:
        uf.add(a)
        uf.add(b)
        uf.union(a, b)
        used.append(Link(a, b, "user-merge", None, "a user merged these (`partnergraph merge`)"))

    entities: list[Entity] = []
    key_to_entity: dict[str, int] = {}
    groups = sorted(
        (sorted(uf.members[r]) for r in uf.members), key=lambda ms: _canonical_key(ms, surfaces)
    )
    for i, members in enumerate(groups, start=1):
        names = Counter()
        for k in members:
            names.update(surfaces.get(k, Counter({k: 1})))
        display = _display(names)
        kind_votes = Counter()
        for k in members:
            kind_votes.update(kinds.get(k, Counter()))
        kind = next((k for k, n in kind_votes.most_common() if k != "other" and n > 0), "other")
        if totals is not None and all(k in totals for k in members):
            n_docs = totals.n_docs(members)
        else:
            n_docs = len(set().union(*(docs.get(k, set()) for k in members)))
        aliases = sorted(
            ((n, name_key(n), c) for n, c in names.items()), key=lambda t: (-t[2], t[0])
        )
        entities.append(Entity(i, name_key(display), display, kind, n_docs, aliases))
        for k in members:
            key_to_entity[k] = i
    return EntityResolution(entities, key_to_entity, used, conflicts)


def _short_side(a: str, b: str) -> str | None:
    """The side of an alias link that may name other organizations elsewhere: an acronym or
    one-word name, or a name cut out of the other ("镇江市分行" of "邮储银行镇江市分行",
    "Soochow" of "Soochow University"). None when both are full names in their own right
    (an English and a Chinese name, two word orders)."""
    if is_short_form(a) or is_short_form(b):
        return a if is_short_form(a) else b
    if is_part_of(b, a):
        return b
    return a if is_part_of(a, b) else None


def _try_union(uf: _UnionFind, link: Link, conflicts: list[Link]) -> bool:
    """Join the two sides unless the guard finds a different organization among them."""
    return _union_group(uf, [link], [], conflicts)


def _union_group(uf: _UnionFind, group: list[Link], used: list[Link],
                 conflicts: list[Link]) -> bool:
    """Join the two names the links of `group` share (all used), unless the guard finds a
    different organization among them (a conflict for each)."""
    a, b = group[0].a, group[0].b
    uf.add(a)
    uf.add(b)
    ra, rb = uf.find(a), uf.find(b)
    if ra != rb:
        for x in uf.members[ra]:
            for y in uf.members[rb]:
                why = unit_difference(x, y)
                if why:
                    conflicts.extend(Link(k.a, k.b, "different-unit", k.doc_key,
                                          f"{why}; the article's link ({k.detail}) is not followed")
                                     for k in group)
                    return False
        uf.union(a, b)
    used.extend(group)
    return True


def _display(names: Counter) -> str:
    """The name to show: a full name before a short form, then the name (key) the most
    articles use, then its most used spelling, then the longest."""
    by_key: Counter = Counter()
    for n, c in names.items():
        by_key[name_key(n)] += c
    return min(names.items(), key=lambda t: (
        is_short_form(t[0]), -by_key[name_key(t[0])], -t[1], -len(t[0]), t[0]))[0]


def _canonical_key(members: list[str], surfaces: dict[str, Counter]) -> str:
    names = Counter()
    for k in members:
        names.update(surfaces.get(k, Counter({k: 1})))
    return name_key(_display(names)) + "\x00" + members[0]


# -- people ---------------------------------------------------------------------------------
@dataclass(slots=True)
class PersonRecord:
    id: int
    name: str
    entity_id: int | None
    n_docs: int
    titles: list[tuple[str | None, int, str | None]]  # (title, doc_key, published)


def resolve_people(
    rows: Iterable[tuple[int, int, str, str | None, str | None, str | None]],
    key_to_entity: dict[str, int],
) -> list[PersonRecord]:
    """One person per (name, resolved organization).

    A person whose organization the article leaves open stays one person per article: two
    "Zhang Wei" with no employer are not evidence of one man.
    """
    groups: dict[tuple, dict] = {}
    for doc_key, _idx, name, title, org, published in rows:
        entity = key_to_entity.get(name_key(org)) if org else None
        pkey = (name_key(name), entity) if entity is not None else (name_key(name), None, doc_key)
        g = groups.setdefault(pkey, {"names": Counter(), "titles": [], "docs": set()})
        g["names"][name] += 1
        g["titles"].append((title, doc_key, published))
        g["docs"].add(doc_key)
    out = []
    for i, pkey in enumerate(sorted(groups, key=lambda k: tuple(str(x) for x in k)), start=1):
        g = groups[pkey]
        name = max(g["names"].items(), key=lambda t: (t[1], t[0]))[0]
        out.append(PersonRecord(i, name, pkey[1], len(g["docs"]), sorted(
            set(g["titles"]), key=lambda t: (t[2] or "", t[1], t[0] or ""))))
    return out
