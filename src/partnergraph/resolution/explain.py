"""Stage 4 (resolution), for people: why two names are one organization or two, and the
user's corrections (`merge`, `split`), which are stored as overrides that every later
resolution applies, so they survive re-ingestion."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from partnergraph.errors import PartnergraphError
from partnergraph.resolution import resolve_store
from partnergraph.resolution.names import name_key, unit_difference
from partnergraph.store import Store


@dataclass(frozen=True)
class Explanation:
    a: str
    b: str
    same: bool
    entity_a: str | None
    entity_b: str | None
    steps: list[str]


def _entity_name(store: Store, key: str) -> tuple[int | None, str | None]:
    entity_id = store.entity_id_by_key(key)
    if entity_id is None:
        return None, None
    return entity_id, store.entity(entity_id)[2]


def why(store: Store, a: str, b: str) -> Explanation:
    """The chain of rules and documents that joined `a` and `b`, or what keeps them apart."""
    from partnergraph.query import find_org

    find_org(store, a)  # resolves if stale; unknown names get the closest-names hint
    find_org(store, b)
    ka, kb = name_key(a), name_key(b)
    ea, name_a = _entity_name(store, ka)
    eb, name_b = _entity_name(store, kb)
    steps: list[str] = []
    if ka == kb:
        steps.append(f"same-key: both names fold to '{ka}' (case, punctuation, a leading 'the' "
                     "and legal forms such as 'Co., Ltd.' are ignored)")
        return Explanation(a, b, True, name_a, name_b, steps)
    if ea == eb:
        path = _path(store, ea, ka, kb)
        ids = store.doc_ids(d for _, _, _, d, _ in path if d is not None)
        for x, y, rule, doc_key, detail in path:
            where = f" [document {ids.get(doc_key, doc_key)}]" if doc_key is not None else ""
            steps.append(f"{rule}: '{x}' = '{y}': {detail}{where}")
        return Explanation(a, b, True, name_a, name_b, steps)
    keys_a, keys_b = set(store.keys_of(ea)), set(store.keys_of(eb))
    for x, y, rule, doc_key, detail in store.conflicts(sorted(keys_a | keys_b)):
        if (x in keys_a and y in keys_b) or (x in keys_b and y in keys_a):
            where = store.doc_ids([doc_key]).get(doc_key) if doc_key is not None else None
            steps.append(f"kept apart by {rule}: {detail}" + (f" [document {where}]" if where else ""))
    unit = unit_difference(a, b)
    if unit and not any("different-unit" in s for s in steps):
        steps.append(f"different-unit: {unit}: a different organization")
    if not steps:
        steps.append(f"no article gives '{a}' and '{b}' as names of one organization (keys "
                     f"'{ka}' and '{kb}' differ); `partnergraph merge` joins them if they are")
    return Explanation(a, b, False, name_a, name_b, steps)


def _path(store: Store, entity_id: int, ka: str, kb: str) -> list[tuple]:
    """Shortest chain of recorded links from key `ka` to key `kb` inside one entity."""
    adj: dict[str, list[tuple]] = {}
    for x, y, rule, doc_key, detail in store.links(entity_id):
        adj.setdefault(x, []).append((y, (x, y, rule, doc_key, detail)))
        adj.setdefault(y, []).append((x, (x, y, rule, doc_key, detail)))
    prev: dict[str, tuple | None] = {ka: None}
    queue = deque([ka])
    while queue:
        k = queue.popleft()
        if k == kb:
            break
        for nxt, link in adj.get(k, []):
            if nxt not in prev:
                prev[nxt] = (k, link)
                queue.append(nxt)
    if kb not in prev:
        return []
    out, k = [], kb
    while prev[k] is not None:
        k, link = prev[k]
        out.append(link)
    return out[::-1]


@dataclass(frozen=True)
class Correction:
    number: int
    action: str
    name: str
    other: str | None
    made: str


def merge(store: Store, a: str, b: str) -> Explanation:
    """Join the organizations named `a` and `b` from now on, whatever the rules say."""
    _known(store, a)
    _known(store, b)
    if name_key(a) == name_key(b):
        raise PartnergraphError(f"{a!r} and {b!r} are one name: there is nothing to merge",
                                hint="give two different names: partnergraph merge NAME OTHER_NAME")
    if store.entity_id_by_key(name_key(a)) == store.entity_id_by_key(name_key(b)):
        raise PartnergraphError(f"{a!r} and {b!r} are already one organization",
                                hint=f"`partnergraph why {_quote(a)} {_quote(b)}` shows what joins them")
    store.add_override("merge", a, b)
    resolve_store(store)
    return why(store, a, b)


def split(store: Store, a: str) -> None:
    """Detach the name `a` from whatever it was joined with (by articles or by a merge)."""
    _known(store, a)
    key = name_key(a)
    entity_id = store.entity_id_by_key(key)
    if entity_id is not None and store.keys_of(entity_id) == [key]:
        raise PartnergraphError(
            f"{a!r} is not joined with any other name: there is nothing to split",
            hint="`partnergraph org NAME` lists an organization's names; `partnergraph corrections` "
                 "lists your merges")
    store.add_override("split", a)
    resolve_store(store)


def corrections(store: Store) -> list[Correction]:
    """The user's merges and splits still in force, oldest first."""
    return [Correction(seq, action, a, b, made) for seq, action, a, b, made in store.corrections()]


def undo(store: Store, number: int) -> Correction:
    """Take back correction `number` and resolve again without it."""
    found = next((c for c in corrections(store) if c.number == number), None)
    if found is None:
        known = ", ".join(str(c.number) for c in corrections(store)) or "none"
        raise PartnergraphError(f"no correction #{number}",
                                hint=f"`partnergraph corrections` lists them (numbers: {known})")
    store.remove_override(number)
    resolve_store(store)
    return found


def _quote(name: str) -> str:
    import shlex

    return shlex.quote(name)


def _known(store: Store, name: str) -> None:
    """Refuse a name the store does not know (with the closest-names hint)."""
    from partnergraph.query import find_org

    find_org(store, name)
