"""Stage 4 (resolution), across languages: a Chinese name and an English name of one organization.

Most of this news is published in Chinese and again in English, so 华中科技大学 and "Huazhong
University of Science and Technology" must be one entity. No network, no model: a Chinese name
is read as words of a data table (`data/zh_en_words.tsv`: 大学 University, 科技 Science and
Technology, 集团 Group, …) plus proper parts, and the proper parts are matched by their pinyin
(pypinyin ships its dictionary: 华中 -> hua zhong) against the English name's words. A pair
aligns only when every Chinese character and every English word (bar of/and/the) is accounted
for, so 华中师范大学 (师范 = Normal) never aligns with "Huazhong University of Science and
Technology".

Evidence, each with a score (`LINK_SCORE` links):
- name: a transliterated proper part plus the table's words (`TRANSLITERATION`), or the
  table's words alone (`TRANSLATION`: 中国科学院 / Chinese Academy of Sciences, too generic
  to link on its own);
- same-article: one article gives both forms;
- same-event: an event reported in Chinese and one in English, same type and day, whose
  other party is one organization.
A name that aligns with several organizations on the other side links only to the one the
articles support (else none: 恒通 and 亨通 are both "Hengtong"). Every link records what it
rests on, which `partnergraph why` prints; `partnergraph split` undoes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import product

from partnergraph.resolution.events import doc_rank

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[a-z]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_STOP = frozenset({"of", "and", "the", "for", "in", "at", "de"})

# Scores: a transliterated proper part with every word explained is as strong as an alias an
# article gives (0.9 links); the table's words alone (0.6) need an article's support (+0.3).
TRANSLITERATION = 0.9
TRANSLATION = 0.6
SAME_ARTICLE = 0.3
SAME_EVENT = 0.3
LINK_SCORE = 0.85
LEFT_OUT_PLACE = "(a place the English name leaves out)"
# Matching steps one alignment may take: real names need at most 283 (the pairs of
# bench/data/crosslang_pairs.tsv) and 411 (the 1,437 alignments tried on the corpus and
# unlabeled articles); a hostile pair (中心 twelve times against "center" thirteen times) took
# 15 s unbounded and is given up as no alignment after these.
MAX_STEPS = 5_000
# Longest names aligned (characters, words): longer ones are sentences the extractor took in.
MAX_ZH = 24
MAX_EN = 14


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a Chinese name reads as an English one: each part "中文 -> english (how)"."""

    parts: tuple[str, ...]
    proper: bool  # a proper part matched by pinyin (not the table's words alone)

    @property
    def score(self) -> float:
        return TRANSLITERATION if self.proper else TRANSLATION

    def explain(self) -> str:
        kind = "transliteration" if self.proper else "translation"
        return f"{'; '.join(self.parts)} ({kind}, {self.score:.2f})"


@dataclass(frozen=True, slots=True)
class CrossLink:
    zh: str
    en: str
    score: float
    doc_key: int | None
    detail: str


def en_words(text: str) -> tuple[str, ...]:
    """Lowercased content words of an English name: apostrophes joined (People's -> peoples,
    Xi'an -> xian), punctuation a break, of/and/the dropped."""
    s = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    s = re.sub(r"(\w)['’](\w)", r"\1\2", s)
    words = [w for w in _NON_WORD.split(s) if w]
    # name_key turns "People's" into "people s": a lone s belongs to the word before
    out: list[str] = []
    for w in words:
        if w == "s" and out:
            out[-1] += "s"
        elif w not in _STOP:
            out.append(w)
    return tuple(out)


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Chinese word -> its English renderings as word tuples (an empty one: may be left out)."""
    return _load_table()[0]


@lru_cache(maxsize=1)
def _proper_words() -> frozenset[str]:
    """Table words that are proper parts with a spelling of their own (北京 Peking)."""
    return _load_table()[1]


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    """Places an English name may leave out before the name proper, longest first: the table's
    "prefix" rows and the cities of data/zh_places.txt."""
    text = resources.files("partnergraph.data").joinpath("zh_places.txt").read_text("utf-8")
    cities = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    return tuple(sorted(cities | _load_table()[2], key=len, reverse=True))


@lru_cache(maxsize=1)
def _load_table() -> tuple[dict[str, tuple[tuple[str, ...], ...]], frozenset[str], frozenset[str]]:
    text = resources.files("partnergraph.data").joinpath("zh_en_words.tsv").read_text("utf-8")
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    proper, prefix = set(), set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        zh, renderings, *flags = line.split("\t")
        table[zh.strip()] = tuple(dict.fromkeys(en_words(r) for r in renderings.split("|")))
        if "proper" in flags:
            proper.add(zh.strip())
        if "prefix" in flags:
            prefix.add(zh.strip())
    return table, frozenset(proper), frozenset(prefix)


@lru_cache(maxsize=1)
def _table_words() -> frozenset[str]:
    """English words of the table's institutional words (too common to index names by)."""
    proper = _proper_words()
    return frozenset(w for zh, options in _table().items() if zh not in proper
                     for o in options for w in o)


@lru_cache(maxsize=20_000)
def _syllables(ch: str) -> tuple[str, ...]:
    """Every pinyin reading of one character, without tones (ü as u and v)."""
    table = _readings()
    if table is not None:
        raw = table.get(str(ord(ch)))
        readings = [[_toneless(r) for r in raw.split(",")]] if raw else []
    else:
        from pypinyin import Style, pinyin

        readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    out = set()
    for r in readings[0] if readings else ():
        r = r.replace("ü", "u")
        out.add(r)
        out.add(r.replace("u:", "v"))
    return tuple(sorted(o for o in out if o.isalpha()))


_TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")


def _toneless(reading: str) -> str:
    """A reading of pypinyin's dictionary ("lǘ") as its Style.NORMAL gives it ("lv")."""
    bare = "".join(c for c in unicodedata.normalize("NFD", reading) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", bare).replace("ü", "v")


@lru_cache(maxsize=1)
def _readings() -> dict[str, str] | None:
    """pypinyin's one-character dictionary (code point -> "huá,huà,huā"), read from the JSON
    file it ships: what `pinyin(ch, heteronym=True)` answers for one character (equal on every
    character it holds, tests), without importing pypinyin (its phrase dictionary and
    segmenter took ~0.2 CPU s, on the serial end of an ingest). None when the file is not
    where it is looked for (`_syllables` then asks pypinyin)."""
    import importlib.util
    import json
    import os

    try:
        spec = importlib.util.find_spec("pypinyin")
        folder = next(iter(spec.submodule_search_locations or ()))
        with open(os.path.join(folder, "pinyin_dict.json"), encoding="utf-8") as f:
            table = json.load(f)
    except (ImportError, AttributeError, StopIteration, OSError, ValueError):
        return None
    return table if isinstance(table, dict) else None


@lru_cache(maxsize=1 << 16)
def _spells(chars: str, s: str) -> bool:
    """`s` is the pinyin of `chars`, one reading per character, written together."""
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, pos: int) -> bool:
        if i == len(chars):
            return pos == len(s)
        if (i, pos) not in memo:
            memo[(i, pos)] = any(s.startswith(syl, pos) and go(i + 1, pos + len(syl))
                                 for syl in _syllables(chars[i]))
        return memo[(i, pos)]
    return go(0, 0)


def align(zh_key: str, en_key: str) -> Alignment | None:
    """How the Chinese name key reads as the English one, or None when some character or
    word is left over (see the module docstring)."""
    zh = zh_key.replace(" ", "")
    words = en_words(en_key)
    if not zh or not words or len(zh) > MAX_ZH or len(words) > MAX_EN or not _CJK.search(zh) \
            or _LATIN.search(zh):
        return None
    parts = _cover(zh, words)
    if parts is not None:
        return Alignment(tuple(parts), any(p.endswith(("(pinyin)", "(spelling)")) for p in parts))
    # a place before the name proper that the English name leaves out (上海复旦大学 / Fudan
    # University): only when the rest names itself by a transliteration
    place = next((p for p in _prefixes() if zh.startswith(p) and len(zh) - len(p) >= 3), None)
    if place is not None:
        rest = _cover(zh[len(place):], words)
        if rest is not None and any(p.endswith("(pinyin)") for p in rest):
            return Alignment((f"{place} -> {LEFT_OUT_PLACE}", *rest), True)
    return None


def _cover(zh: str, words: tuple[str, ...]) -> list[str] | None:
    """The parts that account for every character of `zh` and every word of `words` once:
    table words anywhere in the English name, proper parts as pinyin in English word order."""
    table = _table()
    longest = max(map(len, table))
    full = (1 << len(words)) - 1
    seen: set[tuple[int, int, int]] = set()
    budget = [MAX_STEPS]

    def search(i: int, used: int, min_k: int) -> list[str] | None:
        if i == len(zh):
            return [] if used == full else None
        if (i, used, min_k) in seen or budget[0] <= 0:
            return None
        seen.add((i, used, min_k))
        for n in range(min(longest, len(zh) - i), 0, -1):
            w = zh[i:i + n]
            for option in table.get(w, ()):
                if not option:
                    rest = search(i + n, used, min_k)
                    if rest is not None:
                        return [f"{w} -> (left out)"] + rest
                    continue
                for p in range(len(words) - len(option) + 1):
                    budget[0] -= 1
                    bits = ((1 << len(option)) - 1) << p
                    if used & bits or words[p:p + len(option)] != option:
                        continue
                    rest = search(i + n, used | bits, min_k)
                    if rest is not None:
                        how = " (spelling)" if w in _proper_words() else ""
                        return [f"{w} -> {' '.join(option)}{how}"] + rest
        # a proper part: the pinyin of zh[i:j] written as the next unused English words
        for j in range(len(zh), i, -1):
            for k in range(min_k, len(words)):
                if used >> k & 1:
                    continue
                joined, bits = "", 0
                for m in range(k, len(words)):
                    if used >> m & 1:
                        break
                    joined += words[m]
                    bits |= 1 << m
                    budget[0] -= 1
                    if budget[0] <= 0:
                        return None
                    if _spells(zh[i:j], joined):
                        rest = search(j, used | bits, m + 1)
                        if rest is not None:
                            return [f"{zh[i:j]} -> {' '.join(words[k:m + 1])} (pinyin)"] + rest
        return None

    return search(0, 0, 0)


@lru_cache(maxsize=1)
def _spellings() -> frozenset[str]:
    """English words of the table's proper parts (peking, soochow, sun, yat, sen)."""
    proper = _proper_words()
    return frozenset(w for zh, options in _table().items() if zh in proper for o in options for w in o)


def _is_zh(key: str) -> bool:
    return bool(_CJK.search(key)) and not _LATIN.search(key)


def _is_en(key: str) -> bool:
    return bool(_LATIN.search(key)) and not _CJK.search(key)


@lru_cache(maxsize=50_000)
def _lookup_words(zh: str) -> frozenset[str]:
    """English words an aligned name must contain: the pinyin of the name's 1-4 character
    pieces that are not table words, or (for a name of table words only) its renderings."""
    out: set[str] = set()
    for i in range(len(zh)):
        for j in range(i + 1, min(len(zh), i + 4) + 1):
            combos = product(*(_syllables(c) for c in zh[i:j]))
            for n, combo in enumerate(combos):
                if n >= 16:
                    break
                out.add("".join(combo))
    return frozenset(out)


def _word_set(words: Iterable[str]) -> str:
    return " ".join(sorted(set(words)))


def zh_blocks(zh_key: str) -> list[str]:
    """Blocking keys of a Chinese name: "p:" + a pinyin word an English name aligned with it
    may contain, "r:" + the word set of one of its renderings (none for names too long)."""
    if not _is_zh(zh_key) or len(zh_key) > MAX_ZH:
        return []
    common = _table_words()
    blocks = {"p:" + w for w in _lookup_words(zh_key) if w not in common}
    blocks.update("r:" + _word_set(ws) for ws in _renderings(zh_key))
    return sorted(blocks)


def en_blocks(en_key: str) -> list[str]:
    """Blocking keys of an English name: "p:" + each of its words that is not a table word,
    "r:" + its word set. A Chinese and an English name are candidates only when they share
    one (`may_align` decides)."""
    if not _is_en(en_key):
        return []
    ws = en_words(en_key)
    if not ws or len(ws) > MAX_EN:
        return []
    common = _table_words()
    return sorted({"p:" + w for w in ws if w not in common} | {"r:" + _word_set(ws)})


def may_align(zh_key: str, en_key: str) -> bool:
    """A pair sharing a block is worth aligning: the English name's word set is a rendering
    of the Chinese name, or it shares a pinyin word with it and every one of its words is a
    pinyin piece, a table word or a proper spelling (else it can never be accounted for)."""
    ws = en_words(en_key)
    if _word_set(ws) in {_word_set(r) for r in _renderings(zh_key)}:
        return True
    spelled = _lookup_words(zh_key)
    common = _table_words()
    if not any(w in spelled for w in ws if w not in common):
        return False
    allowed = spelled | common | _spellings()
    return all(w in allowed for w in ws)


def candidates(zh_keys: Iterable[str], en_keys: Iterable[str]) -> list[tuple[str, str, Alignment]]:
    """Every (Chinese key, English key, alignment): English names are indexed by their
    blocking keys (`en_blocks`), so each Chinese name is aligned only with names sharing one
    of its own (`zh_blocks`) that `may_align` accepts. Incremental resolution keeps the same
    blocks in the store and finds the same pairs."""
    by_block: dict[str, set[str]] = defaultdict(set)
    for e in en_keys:
        for b in en_blocks(e):
            by_block[b].add(e)
    out = []
    for z in zh_keys:
        found: set[str] = set()
        for b in zh_blocks(z):
            found |= by_block.get(b, set())
        for e in sorted(found):
            if may_align(z, e):
                a = align(z, e)
                if a is not None:
                    out.append((z, e, a))
    return out


@lru_cache(maxsize=50_000)
def _renderings(zh: str, limit: int = 64) -> tuple[tuple[str, ...], ...]:
    """The English word sets of a name made of table words only (none otherwise)."""
    table = _table()
    longest = max(map(len, table))
    results: list[tuple[str, ...]] = []

    def go(i: int, acc: tuple[str, ...]) -> None:
        if len(results) >= limit:
            return
        if i == len(zh):
            results.append(acc)
            return
        for n in range(min(longest, len(zh) - i), 0, -1):
            for option in table.get(zh[i:i + n], ()):
                go(i + n, acc + option)

    go(0, ())
    return tuple(results)


def cross_links(
    org_names: Iterable[tuple[int, int, str, str, str, str]],
    events: Iterable[tuple],
    key_to_entity: dict[str, int],
    found: list[tuple[str, str, Alignment]] | None = None,
    doc_order: dict[int, str] | None = None,
) -> tuple[list[CrossLink], list[CrossLink]]:
    """(links, conflicts) between Chinese and English names.

    `org_names` as `Store.iter_org_names` yields them, `events` as `Store.iter_event_mentions`,
    `key_to_entity` the resolution without cross-language links; `found`: the `candidates`
    of these names when the caller has them already; `doc_order`: each document's id, which
    picks the document a link cites among several (`events.doc_rank`).
    """
    docs_of: dict[str, set[int]] = defaultdict(set)
    for doc_key, _idx, _role, _name, key, _kind in org_names:
        if _is_zh(key) or _is_en(key):
            docs_of[key].add(doc_key)
    if found is None:
        found = candidates(sorted(k for k in docs_of if _is_zh(k)),
                           sorted(k for k in docs_of if _is_en(k)))
    if not found:
        return [], []
    find = _provisional(found, key_to_entity)
    rank = doc_rank(doc_order)
    support = _same_events(events, key_to_entity, find, rank)

    scored: list[tuple[str, str, float, int | None, str]] = []
    # the Chinese name an alignment stands for once a left-out place is taken off: 上海复旦大学
    # and 复旦大学 aligned with "Fudan University" are one name, not two candidates
    proper_zh: dict[str, str] = {}
    for z, e, a in found:
        proper_zh[z] = z[len(left_out_place(a)):]
        score, notes, doc = a.score, [a.explain()], None
        shared = sorted(docs_of[z] & docs_of[e], key=rank)
        if shared:
            score += SAME_ARTICLE
            doc = shared[0]
            notes.append(f"same article gives both names (+{SAME_ARTICLE})")
        if (z, e) in support:
            score += SAME_EVENT
            kind, day, docs = support[(z, e)]
            doc = doc if doc is not None else docs[0]
            notes.append(f"same event reported in both languages: {kind} on {day} (+{SAME_EVENT})")
        scored.append((z, e, round(min(score, 1.0), 2), doc, "; ".join(notes)))

    # one name aligned with several organizations on the other side: only a supported one
    ent = key_to_entity.get
    by_zh: dict[int | str, set] = defaultdict(set)
    by_en: dict[int | str, set] = defaultdict(set)

    def zh_side(z: str) -> int | str:
        return ent(proper_zh[z], ent(z, proper_zh[z]))

    for z, e, score, _doc, _detail in scored:
        if score >= LINK_SCORE:
            by_zh[zh_side(z)].add(ent(e, e))
            by_en[ent(e, e)].add(zh_side(z))
    links, conflicts = [], []
    for z, e, score, doc, detail in scored:
        link = CrossLink(z, e, score, doc, f"{detail}; score {score:.2f}")
        if score < LINK_SCORE:
            conflicts.append(CrossLink(z, e, score, doc, f"{detail}; score {score:.2f} is under "
                                       f"{LINK_SCORE} (an article's support would link them)"))
        elif (len(by_zh[zh_side(z)]) > 1 or len(by_en[ent(e, e)]) > 1) and score < 1.0:
            n_zh, n_en = len(by_en[ent(e, e)]), len(by_zh[zh_side(z)])
            conflicts.append(CrossLink(z, e, score, doc, f"{detail}; ambiguous: the English name "
                                       f"aligns with {n_zh} Chinese organizations and the Chinese "
                                       f"name with {n_en} English ones, and no article tells which"))
        else:
            links.append(link)
    return links, conflicts


def _provisional(found: list[tuple[str, str, Alignment]], key_to_entity: dict[str, int]):
    """Provisional entities with the name-only links, so a same-event check sees the other
    party of a bilingual pair (华中科技大学 with 苏州大学 / HUST with Soochow University):
    `find(entity id)` gives its group's representative."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for z, e, a in found:
        if a.proper and z in key_to_entity and e in key_to_entity:
            ra, rb = find(key_to_entity[z]), find(key_to_entity[e])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return find


def provisional_labels(found: list[tuple[str, str, Alignment]], key_to_entity: dict[str, int],
                       keys: Iterable[str]) -> dict[str, str]:
    """Each of `keys` -> the smallest key of its provisional group (`_provisional`): the label
    incremental resolution stores, so a change of grouping is seen as a change of label."""
    find = _provisional(found, key_to_entity)
    keys = [k for k in keys if k in key_to_entity]
    smallest: dict[int, str] = {}
    for k in keys:
        r = find(key_to_entity[k])
        if r not in smallest or k < smallest[r]:
            smallest[r] = k
    return {k: smallest[find(key_to_entity[k])] for k in keys}


def left_out_place(a: Alignment) -> str:
    """The place an alignment leaves out of the Chinese name ("" when none)."""
    return a.parts[0].split(" -> ")[0] if a.parts[0].endswith(LEFT_OUT_PLACE) else ""


def _same_events(events: Iterable[tuple], key_to_entity: dict[str, int], find, rank,
                 ) -> dict[tuple[str, str], tuple[str, str, list[int]]]:
    """(zh key, en key) -> (type, day, documents) for two-party events on one day, one told
    in Chinese and one in English, whose other party is one organization."""
    from partnergraph.resolution.names import name_key

    sides: dict[tuple, dict[str, list]] = defaultdict(lambda: {"zh": [], "en": []})
    for row in events:
        doc_key, _idx, kind, date = row[0], row[1], row[2], row[3]
        parties = row[4]
        if not date or len(date) != 10 or len(parties) != 2:
            continue
        keys = [name_key(p) for p in parties]
        for me, other in ((keys[0], keys[1]), (keys[1], keys[0])):
            if other not in key_to_entity:
                continue
            lang = "zh" if _is_zh(me) else "en" if _is_en(me) else None
            if lang:
                sides[(kind, date, find(key_to_entity[other]))][lang].append((me, doc_key))
    out: dict[tuple[str, str], tuple[str, str, list[int]]] = {}
    for (kind, date, _other), side in sides.items():
        for (z, dz), (e, de) in product(side["zh"], side["en"]):
            # the earliest such event, whatever order the reports came in
            found = (kind, date, sorted({dz, de}, key=rank))
            if (z, e) not in out or (date, kind, [rank(d) for d in found[2]]) < (
                    out[(z, e)][1], out[(z, e)][0], [rank(d) for d in out[(z, e)][2]]):
                out[(z, e)] = found
    return out
