"""Junk rate of event topics on real articles (issue 10: "topics are whole phrases or absent").

    .venv/bin/python bench/topic_junk.py [--dir ../shared/eval/unlabeled] [--list]

A topic is counted as junk when its evidence span is cut mid-word, when it is only function
words or ends on one ("and", "higher education, and"), when it opens with a verb (a clause,
not a field: "establish", "promote the imp", 推进国际合作), when it points forward instead of
naming a field ("following key contents"), or in Chinese when it keeps the quantifier of
"等多领域" (服务等多). The word lists here are the bench's own, independent of the rules'.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUNCTION = {"and", "or", "of", "the", "to", "a", "an", "in", "for", "with", "on", "as", "by", "at",
            "co", "well", "its", "their", "this", "that", "other"}
VERBS = {"establish", "establishing", "promote", "promoting", "carry", "carrying", "strengthen",
         "strengthening", "develop", "enhance", "enhancing", "expand", "expanding", "deepen",
         "deepening", "conduct", "conducting", "implement", "implementing", "drawing", "draw",
         "build", "make", "making", "explore", "exploring", "jointly", "further", "boost", "foster",
         "fostering", "facilitate", "encourage", "help", "create", "launch", "set"}
POINTING = {"following", "aforementioned", "above", "below"}
ZH_VERBS = ("推进", "推动", "加强", "深化", "促进", "开展", "汇聚", "实现", "提升", "共同", "进一步",
            "建立", "打造", "构建", "助力", "围绕", "探索", "落实", "拓展", "携手", "积极", "加快")
_LETTER = re.compile(r"[A-Za-z]")


def judge(text: str, start: int, end: int, lang: str) -> str | None:
    """Why the topic at [start, end) is junk, or None."""
    topic = text[start:end]
    if lang == "zh":
        if topic.endswith(("等", "多", "等多")):
            return "quantifier"
        if topic.startswith(ZH_VERBS):
            return "verb-led"
        if len(topic) < 2:
            return "too short"
        return None
    if _LETTER.match(text[end:end + 1]) or (start and _LETTER.match(text[start - 1])):
        return "cut mid-word"
    words = topic.lower().replace(",", " ").split()
    if not words or all(w in FUNCTION for w in words):
        return "function words"
    if words[-1] in FUNCTION:
        return "ends on a function word"
    if words[0] in VERBS:
        return "verb-led"
    if words[0] in POINTING or (words[0] == "the" and len(words) > 1 and words[1] in POINTING):
        return "points forward"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "eval" / "unlabeled")
    ap.add_argument("--list", action="store_true", help="print every topic with its verdict")
    args = ap.parse_args()
    if not args.dir.is_dir():
        print(f"no articles at {args.dir}: give --dir (the unlabeled set is ../shared/eval/unlabeled)",
              file=sys.stderr)
        return 2
    from partnergraph.runner import extract_all
    from partnergraph.extraction.backend import load_backend

    backend = load_backend("rules")
    counts: dict[str, list[int]] = {"en": [0, 0], "zh": [0, 0]}
    for result in extract_all([args.dir], backend):
        rec = result.extraction
        if rec is None:
            continue
        for ev in rec.events:
            for span in ev.evidence:
                if span.field != "topic":
                    continue
                why = judge(rec.text, span.start, span.end, rec.lang)
                c = counts.setdefault(rec.lang, [0, 0])
                c[0] += 1
                c[1] += why is not None
                if args.list:
                    print(f"{rec.lang} {rec.id:<14} {'JUNK ' + why if why else 'ok':<28} "
                          f"{rec.text[span.start:span.end]!r}")
    total = [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
    for lang, (n, junk) in sorted(counts.items()) + [("all", total)]:
        rate = junk / n if n else 0.0
        print(f"{lang:<4} topics {n:>4}  junk {junk:>3}  rate {rate:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
