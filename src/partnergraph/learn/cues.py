"""Words that tell each event type, and which sentences hold them, found fast.

A fact of the genre in both languages: a visit is told with 来访, 考察 or "a delegation", an
agreement with 签署 or "signed". The pair candidates ask which types' words each sentence of an
article holds (names masked). The patterns run case-insensitively with word boundaries, which
makes Python's regex engine try every alternative at every character: 3 ms an English article
of 3,000 characters (15% of the learned backend's time). Each alternative starts with a plain
word (its needle), and a pattern can only match a sentence that holds one of its needles once
the sentence is case-folded the way the regex engine folds (`fold`), so the patterns run only
on the sentences that do, and not at all where an alternative with no letter case (来访) is
found as it is: the same sentences, found for the price of a few substring searches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# each type's alternatives; every one starts with its needle (a plain word, optionally after \b)
_TYPE_CUES: dict[str, tuple[str, ...]] = {
    "visit": ("来访", "到访", "考察", "调研", "一行", "莅临", "走访", "拜访", "访问", "参观", "造访", "回访",
              r"\bvisit", r"\bdelegation", r"\btour(?:ed)?\b", r"\bcame to\b", r"\bhosted\b", r"\breceived\b",
              r"\bwelcomed\b"),
    "meeting": ("会议", "座谈", "会谈", "会见", "会晤", "论坛", "研讨", "联席", "年会", "交流会", "推进会", "对接会",
                "洽谈", r"\bmeeting", r"\btalks\b", r"\bforum", r"\bsymposium", r"\bseminar", r"\bconference",
                r"\bmet\b", r"\bsummit", r"\bdialogue"),
    "agreement": ("签署", "签订", "签约", "簽署", "簽訂", "簽約", "协议", "協議", "备忘录", "備忘錄", "合同", "合約",
                  r"\bsign", r"\bagreement", r"\bmou\b", r"\bmemorandum", r"\bcontract", r"\bpact\b", r"\bdeal\b"),
    "joint_entity": ("揭牌", "成立", "共建", "挂牌", "授牌", "掛牌", "基地", "实验室", "實驗室", "研究院", "联盟", "聯盟",
                     "合资", "合資", r"\blaunch", r"\bestablish", r"\bset up\b", r"\bunveil", r"\bjoint venture",
                     r"\bcent(?:re|er)\b", r"\blab(?:oratory)?\b", r"\binstitute\b", r"\balliance", r"\bconsortium"),
}
CUES = {t: re.compile("|".join(alts), re.IGNORECASE) for t, alts in _TYPE_CUES.items()}


def _needle(alternative: str) -> str:
    word = re.match(r"(?:\\b)?([^\\()\[\]?*+.|]+)", alternative)
    if word is None:
        raise ValueError(f"cue {alternative!r} does not start with a plain word")
    return word.group(1)


def _plain(alternative: str) -> bool:
    """An alternative that is its needle and has no cased letter: found as a substring, it is a match."""
    return alternative == _needle(alternative) and alternative.lower() == alternative.upper()


NEEDLES = {t: tuple(dict.fromkeys(_needle(a) for a in alts)) for t, alts in _TYPE_CUES.items()}
PLAIN = {t: tuple(a for a in alts if _plain(a)) for t, alts in _TYPE_CUES.items()}
_OTHER_NEEDLES = {t: tuple(dict.fromkeys(_needle(a) for a in alts if not _plain(a))) for t, alts in _TYPE_CUES.items()}

# the characters outside A-Z that Python's case-insensitive matching takes for a Latin letter
# (KELVIN SIGN for k, dotted and dotless I for i, LONG S for s); test_cues checks the list
# against every code point
_ODD_FOLDS = str.maketrans({"\u212a": "k", "\u0130": "i", "\u0131": "i", "\u017f": "s"})
_ODD = "\u212a\u0130\u0131\u017f"


def fold(text: str) -> str:
    """The text as the needles are looked for in it: any character the case-insensitive
    patterns take for a needle's character becomes that character."""
    if any(c in text for c in _ODD):  # rare: most texts hold none of them, and skip the translation
        text = text.translate(_ODD_FOLDS)
    return text.lower()


def has_cue(kind: str, text: str, folded: str | None = None) -> bool:
    """Whether the type's pattern matches `text` (`folded`: `fold(text)`, if made already)."""
    folded = fold(text) if folded is None else folded
    if any(n in folded for n in PLAIN[kind]):
        return True  # a plain word is its own match
    if not any(n in folded for n in _OTHER_NEEDLES[kind]):
        return False  # no needle, no match
    return CUES[kind].search(text) is not None


def sentences_with_cues(texts: list[str]) -> dict[str, set[int]]:
    """Per event type, the indices of the texts that hold its words (as `has_cue` says): the
    needles of every type found in one pass over all the texts folded and joined (an
    Aho-Corasick automaton), and in a text where only needles of alternatives with letter case
    occur, those alternatives alone tried (`_BY_NEEDLE`), not the type's whole pattern."""
    pieces = [fold(t) for t in texts]
    starts, pos = [], 0
    for p in pieces:
        starts.append(pos)
        pos += len(p) + 1
    joined = "\n".join(pieces)  # no needle holds a line break: a hit lies inside one text
    plain: dict[str, set[int]] = {kind: set() for kind in CUES}
    maybe: dict[str, dict[int, set[str]]] = {kind: {} for kind in CUES}
    for end, (needle, uses) in _needle_automaton().iter(joined):
        i = bisect_right(starts, end - len(needle) + 1) - 1
        for kind, is_plain in uses:
            if is_plain:
                plain[kind].add(i)
            else:
                maybe[kind].setdefault(i, set()).add(needle)
    found = {}
    for kind in CUES:
        hits = plain[kind]
        alternatives = _BY_NEEDLE[kind]
        found[kind] = hits | {i for i, needles in maybe[kind].items() if i not in hits
                              and any(alternatives[n].search(texts[i]) for n in sorted(needles))}
    return found


# per type, each needle of an alternative with letter case: those alternatives as one pattern (a
# type's pattern matches a text exactly when one of its alternatives does, and an alternative
# only where its needle occurs)
_BY_NEEDLE = {t: {n: re.compile("|".join(a for a in alts if not _plain(a) and _needle(a) == n), re.IGNORECASE)
                  for n in _OTHER_NEEDLES[t]} for t, alts in _TYPE_CUES.items()}


@lru_cache(maxsize=1)
def _needle_automaton():
    """Every type's needles in one automaton; each needle's value: (needle, ((type, plain), ...)),
    `plain` when it is an alternative of no letter case, found as it is."""
    import ahocorasick

    uses: dict[str, list[tuple[str, bool]]] = {}
    for kind in CUES:
        for n in PLAIN[kind]:
            uses.setdefault(n, []).append((kind, True))
        for n in _OTHER_NEEDLES[kind]:
            uses.setdefault(n, []).append((kind, False))
    auto = ahocorasick.Automaton()
    for n, u in uses.items():
        auto.add_word(n, (n, tuple(u)))
    auto.make_automaton()
    return auto
