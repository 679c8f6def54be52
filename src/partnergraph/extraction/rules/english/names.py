"""Organization names built on a head noun, read from runs of capitalized words.

A name is a run of capitalized words (with inner "of", "for", "and", "&", "the") that holds a
head noun from ``en_org_heads.tsv``: head-final ("Hengtong Group", "Suzhou Municipal
Government") or head-initial with an of-tail ("University of Science and Technology of China").
Titles, honorifics and headline verbs cut a run ("Chairman of Daqo Group" → "Daqo Group");
"and" joins two field words inside a name ("Science and Technology") but splits two names
("Soochow University and Hengtong Group"). An acronym in parentheses after a name is its alias.
"""

from __future__ import annotations

import re
from functools import lru_cache

from partnergraph.extraction.rules.english.lexicon import lexicon
from partnergraph.extraction.rules.english.orgtable import (
    _ACRONYM,
    _ACRONYM_DEF,
    _BODY_HEADS,
    _COMPOUND_HEADS,
    _DOTTED,
    _FOREIGN_HEADS,
    _INNER_TITLE_WORDS,
    _LEGAL_CHAIN,
    _MAX_NAME_CHARS,
    _MAX_NAME_WORDS,
    _PLURAL_POSSESSIVE,
    _VENUE_CENTRE,
    CONNECTORS,
    OrgTable,
    _acronym_of,
    _initials,
)
from partnergraph.extraction.rules.english.text import Article, Sentence, Token

# Small patterns used inside loops, compiled once.
_LEADING_THE = re.compile(r"^the\s+")
_WORD = re.compile(r"[\w']+")
_YEAR = re.compile(r"\d{4}")
# Word lists read on every token, bound once (a call to lexicon() per token showed in profiles).
_BREAKS = lexicon().breaks
_HEADS = lexicon().org_heads


class _HeadKindMemo(dict):
    """Token text (possessive off) -> the kind of organization its head word names, or None: the
    word itself, or the last part of a hyphenated German name. A memo: it runs on every token."""

    def __missing__(self, text: str) -> str | None:
        kind = _HEADS.get(text)
        if kind is None and "-" in text and text[0].isupper():
            last = text.rsplit("-", 1)[1]
            kind = _HEADS.get(last) if last in _COMPOUND_HEADS else None
        if len(self) < 200_000:
            self[text] = kind
        return kind


_HEAD_KIND = _HeadKindMemo()
_FIELD_WORDS = lexicon().field_words


def _base(tok: Token) -> str:
    t = tok.text
    return t.removesuffix("'s")


def _is_cap(tok: Token) -> bool:
    c = tok.text[0]
    return (c.isupper() or c.isdigit()) and tok.lower not in _BREAKS


def _split_title(tok: Token) -> bool:
    lex = lexicon()
    low = _base(tok).lower()
    return (low in lex.honorifics or low in lex.split_titles and low not in _INNER_TITLE_WORDS
            and low not in lex.title_modifiers)


class _SplitTitleMemo(dict):
    """Token text -> `_split_title` (it depends on the text only): a memo for the per-word test."""

    def __missing__(self, text: str) -> bool:
        low = text.removesuffix("'s").lower()
        lex = lexicon()
        got = (low in lex.honorifics or low in lex.split_titles and low not in _INNER_TITLE_WORDS
               and low not in lex.title_modifiers)
        if len(self) < 200_000:
            self[text] = got
        return got


_SPLIT_TITLE = _SplitTitleMemo()


def _chunks(tokens: list[Token]) -> list[list[tuple[Token, str]]]:
    """Runs of capitalized words with inner connectors; kinds: w word, c connector, p mark."""
    out: list[list[tuple[Token, str]]] = []
    cur: list[tuple[Token, str]] = []
    n = len(tokens)

    def close() -> None:
        nonlocal cur
        while cur and cur[-1][1] == "c":
            cur.pop()
        if cur:
            out.append(cur)
        cur = []

    i = 0
    while i < n:
        t = tokens[i]
        c = t.text[0]
        if not cur and not c.isupper():
            i += 1  # most words: lowercase, outside any run
            continue
        nxt = tokens[i + 1] if i + 1 < n else None
        low = t.lower
        if (c.isupper() or c.isdigit()) and low not in _BREAKS:
            cur.append((t, "w"))
            if t.text.endswith("'s") and not (nxt is not None and _is_head(nxt) and t.lower in _PLURAL_POSSESSIVE):
                close()  # "Daqo Group's showroom", but "People's Government" goes on
        elif cur and low in CONNECTORS and nxt is not None:
            if low in ("in", "at"):
                ok = nxt.lower == "the" and i + 2 < n and tokens[i + 2].text[0].isupper() and low == "in"
            elif low == "the" or nxt.lower == "the":
                ok = (nxt.lower == "the" and i + 2 < n and tokens[i + 2].text[0].isupper()) or (
                    low == "the" and nxt.text[0].isupper())
            else:
                ok = nxt.text[0].isupper() and nxt.lower not in _BREAKS or nxt.text == '"'
            if ok:
                cur.append((t, "c"))
            else:
                close()
        elif cur and t.text == "." and cur[-1][1] == "w" and cur[-1][0].text in _DOTTED or cur and t.text == "," and nxt is not None and nxt.text in _LEGAL_CHAIN and (
                cur[-1][0].text in _LEGAL_CHAIN or cur[-1][0].text == "." or nxt.text != "Group"):
            cur.append((t, "p"))
        elif cur and t.text == "(" and i + 3 < n and tokens[i + 2].text == ")" and _is_cap(tokens[i + 1]) \
                and tokens[i + 3].text[0].isupper() and not tokens[i + 1].text.isupper():
            cur.extend([(t, "p"), (tokens[i + 1], "w"), (tokens[i + 2], "p")])
            i += 3
            continue
        else:
            close()
        i += 1
    close()
    return out


def _pieces(chunk: list[tuple[Token, str]]) -> list[list[tuple[Token, str]]]:
    """Cut a run at titles and honorifics (with the modifiers before them)."""
    lex = lexicon()
    out, cur = [], []
    split_title = _SPLIT_TITLE
    for tok, kind in chunk:
        if kind == "w" and split_title[tok.text]:
            while cur and cur[-1][1] == "w" and cur[-1][0].lower in lex.title_modifiers and not (
                    _is_head(cur[-1][0]) and len(cur) >= 2 and cur[-2][1] == "w"):
                cur.pop()  # "Vice Chairman": the modifier is the title's; "Norland Group Chairman": the name's
            out.append(cur)
            cur = []
            continue
        cur.append((tok, kind))
    out.append(cur)
    cleaned = []
    for p in out:
        while p and p[0][1] != "w":
            p = p[1:]
        while p and p[-1][1] == "c":
            p = p[:-1]
        if p:
            cleaned.append(p)
    return cleaned


def _is_head(tok: Token) -> bool:
    return _HEAD_KIND[tok.text.removesuffix("'s")] is not None


def _head_names(piece: list[tuple[Token, str]]) -> list[tuple[int, int, int]]:
    """(start index, end index, head index) of every organization name in one piece: from each
    head word, the words before it that belong to the name, then what extends it after."""
    lex = lexicon()
    n = len(piece)
    toks = [t for t, _ in piece]
    kinds = [k for _, k in piece]
    heads = [k == "w" and _HEAD_KIND[t.text.removesuffix("'s")] is not None for t, k in piece]
    out = []
    i = 0
    while i < n:
        h = next((j for j in range(i, n) if heads[j]), None)
        if h is None:
            break
        s = _name_start(toks, kinds, heads, i, h)
        e, h = _name_end(toks, kinds, heads, s, h)
        e = _of_tail(toks, kinds, heads, e)
        if _base(toks[h]) in lex.initial_only and e == h + 1:
            i = h + 1
            continue
        if e < n and e == h + 1 and kinds[e] == "w" and toks[e].lower in lex.field_words:
            i = e  # "Medical Lab Sciences", "Research Center Technology": the phrase goes on
            continue
        out.append((s, e, h))
        i = e
    return out


def _name_start(toks: list[Token], kinds: list[str], heads: list[bool], i: int, h: int) -> int:
    """The first word of the name headed at `h` (not before `i`): words and marks back from the
    head, "and"/"&" only between field words ("Science and Technology") or in a firm's name."""
    s = h
    while s - 1 >= i and h - s < _MAX_NAME_WORDS:
        k, t = kinds[s - 1], toks[s - 1]
        if k in ("w", "p") or t.lower in ("and", "&") and s - 2 >= i and kinds[s - 2] == "w" and not heads[s - 2] \
                and (toks[s].lower in _FIELD_WORDS and toks[s - 2].lower in _FIELD_WORDS
                     or _small_and_medium(toks[s - 2], toks[s])
                     or t.text == "&" and not _ACRONYM.match(toks[s - 2].text)):
            s -= 1
        else:
            break
    while s < h and (kinds[s] != "w" or toks[s].lower.endswith("-based")):
        s += 1
    # a name never opens inside brackets it does not close: "Asia) Pte Ltd" of "... (Asia) Pte Ltd"
    opened = False
    for k in range(s, h):
        text = toks[k].text
        if text == "(":
            opened = True
        elif text == ")":
            if not opened:
                s = k + 1
            opened = False
    while s < h and kinds[s] != "w":
        s += 1
    return s


def _name_end(toks: list[Token], kinds: list[str], heads: list[bool], s: int, h: int) -> tuple[int, int]:
    """The end (exclusive) of the name headed at `h`, and its last head: legal endings, a place
    in parentheses, names side by side, "X and Y" heads, a number, a foreign head's place."""
    n = len(toks)
    e = h + 1
    while e < n and (kinds[e] == "p" and toks[e].text in ".," or kinds[e] == "w" and toks[e].text in _LEGAL_CHAIN
                     and (toks[e].text != "Group" or kinds[e - 1] == "p")):
        e += 1
    # "Norland Group (China) Co., Ltd.": a place in parentheses inside the legal name
    if e + 3 < n and toks[e].text == "(" and toks[e + 2].text == ")" and toks[e + 3].text in _LEGAL_CHAIN \
            and kinds[e + 1] == "w":
        e += 4
        while e < n and (kinds[e] == "p" and toks[e].text in ".," or kinds[e] == "w" and toks[e].text in _LEGAL_CHAIN):
            e += 1
    while e - 1 > h and toks[e - 1].text == ",":
        e -= 1
    # head-final names side by side are one name ("USTC-Daqo Group Dual-Carbon ... Laboratory")
    while e < n and kinds[e] == "w" and not toks[e - 1].text.endswith("'s") and e - s < _MAX_NAME_WORDS:
        j = e
        while j < n and kinds[j] in ("w", "p") and not heads[j] and j - s < _MAX_NAME_WORDS:
            j += 1
        if j < n and heads[j] and (j > e or _base(toks[j]) not in _BODY_HEADS):
            e = j + 1
            h = j
        else:
            break
    # "ESI Medical College and Hospital": two heads joined at the end of the run are one name
    if e + 1 < n and e == h + 1 and toks[e].lower == "and" and heads[e + 1] and (
            e + 2 == n or kinds[e + 2] != "c" or toks[e + 2].lower not in ("of", "for", "in")):
        e += 2
        h = e - 1
    # "Military Hospital 175": a number after the head is part of the name (a year is not)
    if e < n and e == h + 1 and toks[e].text.isdigit() and len(toks[e].text) <= 4 \
            and not (len(toks[e].text) == 4 and toks[e].text[:2] in ("19", "20")):
        e += 1
    # "Technische Universität Darmstadt": a non-English head takes the place after it
    # "Universiti Malaysia Perlis", "Université Paris 8 Vincennes-Saint-Denis": the words after it
    if e == h + 1 and toks[h].text in _FOREIGN_HEADS:
        while e < n and e - s < _MAX_NAME_WORDS and (kinds[e] == "w" and not heads[e] or e + 1 < n and toks[e].lower in (
                "de", "del", "di", "da", "des", "du") and kinds[e + 1] == "w"):
            e += 1 if kinds[e] == "w" else 2
    return e, h


def _of_tail(toks: list[Token], kinds: list[str], heads: list[bool], e: int) -> int:
    """The end of the name with its of-tail ("University of Science and Technology of China"),
    up to a venue, a second name or two names joined by "and"."""
    lex = lexicon()
    n = len(toks)
    if not (e + 1 < n and toks[e].lower in ("of", "for", "in") and not toks[e - 1].text.endswith("'s")):
        return e
    j = e + 1
    while j < n and toks[j].lower == "the":
        j += 1
    seg_end = next((k for k in range(j, min(n, j + 12)) if kinds[k] == "c" and toks[k].lower != "the"),
                   min(n, j + 12))
    if not (j < n and kinds[j] == "w" and not _ACRONYM.match(toks[j].text) and not any(heads[j:seg_end])):
        return e
    end = e
    j = e + 1
    while j < n and j - e < 24:
        t = toks[j]
        if kinds[j] == "w":
            if _base(t) in lex.venues:
                break
            end = j + 1
            if t.text.endswith("'s"):
                break
        elif t.lower in ("of", "and", "&", "for", "in") and _segment_has_head(toks, kinds, heads, j + 1) \
                and not _small_and_medium(toks[j - 1], toks[j + 1] if j + 1 < n else t):
            break  # "... for Optoelectronics and the State Key Laboratory": a second name
        elif t.lower == "and" and j + 1 < n and toks[j + 1].lower not in lex.field_words \
                and toks[j + 1].lower != "the" and not (j + 2 == n and _plural_noun(toks[j + 1].text)) \
                and not _small_and_medium(toks[j - 1], toks[j + 1]):
            break  # "Communist Party of China and Xicheng District": two names
        elif t.lower == "and" and j + 3 < n and toks[j + 1].lower == "the" and kinds[j + 2] == "w" \
                and kinds[j + 3] == "w":
            break  # "University of Melbourne and the Australian Nuclear Science ...": a second name
        j += 1
    return end


def _small_and_medium(before: Token, after: Token) -> bool:
    """"Small and Medium(-sized) Enterprises": one phrase of a name, not two names at "and"."""
    return before.lower == "small" and after.lower.startswith("medium")


def _plural_noun(word: str) -> bool:
    """"Waterways", "Minerals": a plural common noun closing "Ministry of Agriculture and Waterways"."""
    return len(word) > 4 and word.endswith("s") and not word.endswith("'s") and word[1:].islower()


def _segment_has_head(toks, kinds, heads: list[bool], j: int) -> bool:
    """A head noun before the next connector: the words after "and"/"of" name an organization."""
    n = len(toks)
    k = j
    while k < n and k - j < _MAX_NAME_WORDS:
        if kinds[k] == "c" and toks[k].lower != "the":
            return False
        if heads[k]:
            return True
        k += 1
    return False


def _generic(name: str) -> bool:
    lex = lexicon()
    low = _LEADING_THE.sub("", name.lower())
    if low in lex.generic_orgs:
        return True
    words = _WORD.findall(low)
    heads_low = _heads_lower()
    return all(w in heads_low or w in lex.title_modifiers or w in CONNECTORS for w in words)


@lru_cache(maxsize=1)
def _heads_lower() -> frozenset[str]:
    return frozenset(h.lower() for h in lexicon().org_heads)


def head_mentions(art: Article, table: OrgTable) -> None:
    for sent in art.sentences:
        for chunk in _chunks(sent.tokens):
            for piece in _pieces(chunk):
                owned_until = -1  # "the Group's Information Department and Technology Department"
                prev_end = 0
                for s, e, h in _head_names(piece):
                    e = _extend_to_acronym(art, piece, s, e)
                    s = _start_for_acronym(art, piece, prev_end, s, e)
                    prev_end = e
                    start = piece[s][0].start
                    last = piece[e - 1][0]
                    end = last.end - 2 if last.text.endswith("'s") else last.end
                    name = art.view[start:end]
                    head = _base(piece[h][0])
                    if _owned_by_generic(art.view, start) or owned_until >= 0 and \
                            art.view[owned_until:start].strip() in ("and", "&", ","):
                        owned_until = end
                        continue
                    if _generic(name) or len(name) > _MAX_NAME_CHARS:
                        continue
                    if head in ("Center", "Centre") and h > s and piece[h - 1][0].lower in _VENUE_CENTRE:
                        continue
                    kind = _HEAD_KIND[head]
                    if kind == "research" and _TECH_INSTITUTE.search(name):
                        kind = "university"  # "Karlsruhe Institute of Technology" teaches
                    end = _comma_list_to_acronym(art.view, name, end)
                    name = art.view[start:end]
                    idx = table.add(name, kind, start, end)
                    _acronym_after(art, table, idx, end)
        _quoted_names(art, sent, table)


def _extend_to_acronym(art: Article, piece, s: int, e: int) -> int:
    """"Group of Latin American and Caribbean Countries (GRULAC)": the acronym spells the whole run."""
    if e >= len(piece):
        return e
    m = _ACRONYM_DEF.match(art.view, piece[-1][0].end)
    if not m:
        return e
    whole = art.view[piece[s][0].start:piece[-1][0].end]
    cut = art.view[piece[s][0].start:piece[e - 1][0].end]
    acr = m.group(1).strip()
    # the acronym must spell every word of the run: "Deepak Nitrite Limited and the National Chemical
    # Laboratory (NCL)" only loosely fits the whole run, and exactly its last name
    if _ACRONYM.match(acr) and _initials(whole) == acr.upper().replace(".", "").replace("&", "") \
            and not _acronym_of(acr, cut):
        return len(piece)
    return e


# ", Industries, Mines and Agriculture (TCCIMA)": a list of fields that goes on the name
_FIELD_LIST = re.compile(r",\s+((?:[A-Z][a-z]+,\s+){0,4}[A-Z][a-z]+,?\s+(?:and|&)\s+[A-Z][a-z]+)(?=\s*\()")


def _comma_list_to_acronym(view: str, name: str, end: int) -> int:
    """"Tehran Chamber of Commerce, Industries, Mines and Agriculture (TCCIMA)": the name runs on
    over a comma list when the acronym after it spells every word of the whole."""
    if not view.startswith(",", end):
        return end
    m = _FIELD_LIST.match(view, end)
    if not m:
        return end
    d = _ACRONYM_DEF.match(view, m.end())
    whole = name + view[end:m.end()]
    if d and _initials(whole) == d.group(1).strip().upper().replace(".", "").replace("&", ""):
        return m.end()
    return end


def _start_for_acronym(art: Article, piece, first: int, s: int, e: int) -> int:
    """"Korea SMEs and Startups Agency (KOSME)": a name cut at "and" takes back the words before
    when its acronym starts with the first of them, not with the cut name's first letter."""
    if s <= first or piece[s - 1][0].lower not in ("and", "&"):
        return s
    m = _ACRONYM_DEF.match(art.view, piece[e - 1][0].end)
    if not m or not _ACRONYM.match(m.group(1).strip()):
        return s
    acr = m.group(1).strip()[0].upper()
    lead = first
    while lead < s and piece[lead][1] != "w":
        lead += 1
    if acr == piece[lead][0].text[0].upper() and acr != piece[s][0].text[0].upper():
        return lead
    return s


# "(hereinafter WBU)", "(hereafter referred to as WBU)": the short name after the phrase.
_HEREINAFTER = re.compile(r"^(?:hereinafter|hereafter)(?:\s+(?:referred\s+to\s+as|called))?\s+", re.IGNORECASE)


_TECH_INSTITUTE = re.compile(r"\bInstitute of (?:Technology|Science and Technology)\b|\bPolytechnic\b")
_GENERIC_OWNER = re.compile(
    r"\b(?:the (?:group|company|university|college|school|institute|corporation|government)'s|its|their|our)\s+$",
    re.IGNORECASE)


def _owned_by_generic(view: str, start: int) -> bool:
    """"the Group's Information Department": a unit of an organization left unnamed."""
    return bool(_GENERIC_OWNER.search(view[max(0, start - 20):start]))


def _quoted_names(art: Article, sent: Sentence, table: OrgTable) -> None:
    """'the "Three New" Alliance': a quoted phrase followed by a head noun."""
    if art.view.find('"', sent.start, sent.end) < 0:
        return  # no quote mark in the sentence, so no '"' token (a '"' is always a token of its own)
    toks = sent.tokens
    for i, t in enumerate(toks):
        if t.text != '"' or i + 1 >= len(toks) or not _is_head(toks[i + 1]) or i < 2:
            continue
        j = i - 1
        while j >= max(0, i - 12) and toks[j].text != '"':
            j -= 1
        if j >= 0 and toks[j].text == '"' and j < i - 1 and toks[j + 1].text[0].isupper():
            start, end = toks[j].start, toks[i + 1].end
            idx = table.add(art.view[start:end], _HEAD_KIND[_base(toks[i + 1])], start, end)
            _acronym_after(art, table, idx, end)


# "Soochow University (苏州大学)": the Chinese form in parentheses is another name of the same body.
_CHINESE_DEF = re.compile(r"\s*[(（]\s*([\u3400-\u9fff][\u3400-\u9fff·・（）()]{1,40}?)\s*[)）]")


def _acronym_after(art: Article, table: OrgTable, idx: int, end: int) -> None:
    m = _ACRONYM_DEF.match(art.view, end)
    if not m and art.view.startswith("'s", end):  # "Qatar Foundation's (QF) schools"
        m = _ACRONYM_DEF.match(art.view, end + 2)
    if not m:
        c = _CHINESE_DEF.match(art.view, end)
        if c:
            table.alias(idx, c.group(1), c.start(1), c.end(1))
        return
    inner = _HEREINAFTER.sub("", m.group(1).strip())
    caps = sum(c.isupper() for c in inner)
    named = len(inner.split()) > 1 and any(w in lexicon().org_heads for w in inner.split())
    if caps >= 2 and len(inner.split()) <= 4 and not _YEAR.search(inner) and not named:
        pos = m.start(1) + m.group(1).find(inner)
        table.alias(idx, inner, pos, pos + len(inner))


