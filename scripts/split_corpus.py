#!/usr/bin/env python3
"""Split the shared corpus into train, val and test by site, so no site is on two sides.

Articles are grouped by `domain`, and groups joined by a "same story as NNNN" note are one group
(a syndicated story must not be read in training and scored in test). Groups are ordered by a
stable hash (sha1, not Python's `hash()`), and filled into test, val and train in turn until
each split holds its share of the language's articles (20/20/60). Deterministic: the same index
files always give the same split. Writes `corpus/splits.tsv` (file, lang, domain, split).

The 80 articles of `eval/unlabeled` follow as `en/uNNN.txt` / `zh/uNNN.txt` (standing for
`eval/unlabeled/{lang}/NNN.txt`, ids `en-uNNN`): val, unless their site is a corpus site, whose
split they take (a site on one side). They come from other sites than the corpus, collected
like the held-out sets, so they make the choice of thresholds less noisy (val's 60 corpus
articles a language were too few) on the kind of articles held out; the models never train on
them (the rule engine was written reading them: its val figure is not held out). The corpus
articles' split does not depend on them.

    python scripts/split_corpus.py [--shared ../shared] [--out corpus/splits.tsv]
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

SHARES = (("test", 0.20), ("val", 0.20), ("train", 0.60))
_SAME = re.compile(r"same story as ((?:\d{4}(?:\s*(?:,|and)\s*)?)+)")


def read_index(folder: Path) -> list[dict[str, str]]:
    with open(folder / "index.tsv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def groups_of(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """Union of same-domain and same-story articles; the key is the group's smallest domain."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_file = {r["file"]: r for r in rows}
    for r in rows:
        union("file:" + r["file"], "domain:" + r["domain"])
        m = _SAME.search(r.get("note") or "")
        if m:
            for num in re.findall(r"\d{4}", m.group(1)):
                if f"{num}.txt" in by_file:
                    union("file:" + r["file"], f"file:{num}.txt")
    out: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        out.setdefault(find("file:" + r["file"]), []).append(r)
    return out


def split_language(rows: list[dict[str, str]]) -> dict[str, str]:
    groups = groups_of(rows)
    order = sorted(groups, key=lambda k: hashlib.sha1(k.encode()).hexdigest())
    total = len(rows)
    targets = [(name, round(share * total)) for name, share in SHARES]
    assigned: dict[str, str] = {}
    counts = {name: 0 for name, _ in SHARES}
    i = 0
    for name, want in targets[:-1]:
        while i < len(order) and counts[name] < want:
            for r in groups[order[i]]:
                assigned[r["file"]] = name
                counts[name] += 1
            i += 1
    for key in order[i:]:
        for r in groups[key]:
            assigned[r["file"]] = targets[-1][0]
    return assigned


def site_of(url: str) -> str:
    """The unlabeled index has no `domain` column: the url's host, without a leading www."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def unlabeled_lines(folder: Path, corpus_split: dict[str, str]) -> list[str]:
    """splits.tsv lines of the unlabeled articles: a corpus site's split, else val."""
    if not (folder / "index.tsv").is_file():
        return []
    out = []
    for r in sorted(read_index(folder), key=lambda r: r["file"]):
        lang, num = r["file"].removesuffix(".txt").split("/")
        site = site_of(r["url"])
        out.append(f"{lang}/u{num}.txt\t{lang}\t{site}\t{corpus_split.get(site, 'val')}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--out", default="corpus/splits.tsv", type=Path)
    args = ap.parse_args(argv)
    corpus = args.shared / "corpus"
    if not corpus.is_dir():
        print(f"Error: no corpus at {corpus}; pass --shared PATH to the shared folder", file=sys.stderr)
        return 2
    lines = ["file\tlang\tdomain\tsplit"]
    site_split: dict[str, str] = {}
    for lang in ("en", "zh"):
        rows = read_index(corpus / lang)
        assigned = split_language(rows)
        for r in sorted(rows, key=lambda r: r["file"]):
            lines.append(f"{lang}/{r['file']}\t{lang}\t{r['domain']}\t{assigned[r['file']]}")
            site_split[r["domain"]] = assigned[r["file"]]
        counts = {s: sum(1 for v in assigned.values() if v == s) for s, _ in SHARES}
        print(f"{lang}: " + ", ".join(f"{s} {n}" for s, n in counts.items()), file=sys.stderr)
    lines += unlabeled_lines(args.shared / "eval" / "unlabeled", site_split)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
