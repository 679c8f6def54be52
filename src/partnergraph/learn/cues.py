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
    """Per event type, the indices of the texts that hold its words (as `has_cue` says, the
    needles looked for once in all the texts folded and joined)."""
    pieces = [fold(t) for t in texts]
    starts, pos = [], 0
    for p in pieces:
        starts.append(pos)
        pos += len(p) + 1
    joined = "\n".join(pieces)  # no needle holds a line break: a hit lies inside one text

    def holding(needles: tuple[str, ...]) -> set[int]:
        out = set()
        for n in needles:
            i = joined.find(n)
            while i >= 0:
                out.add(bisect_right(starts, i) - 1)
                i = joined.find(n, i + 1)
        return out

    found = {}
    for kind, cue in CUES.items():
        plain = holding(PLAIN[kind])
        maybe = holding(_OTHER_NEEDLES[kind]) - plain
        found[kind] = plain | {i for i in maybe if cue.search(texts[i])}
    return found
