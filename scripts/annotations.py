#!/usr/bin/env python3
"""The corpus annotations: check them, give them mention spans, and assemble gold files.

Annotations live in `corpus/annotations/{en,zh}/NNNN.json`, in the gold form of the shared
GUIDELINES without the article text (the texts are third-party and stay in `../shared/corpus`):
`id`, `file`, `text_sha1`, `lang`, `url`, `published`, `organizations`, `people`, `events`, and
`mentions`, every exact occurrence of each organization's name and aliases and of each person's
name as `{start, end, type, name}` character spans into the text, found by this script, so
taggers can learn from them.

    annotations.py check FILE_OR_DIR... [--texts DIR]    validate annotations against their texts
    annotations.py finish SRC_DIR --out corpus/annotations   add url, file, sha1 and mentions
    annotations.py gold OUT_DIR [--split S] [--lang L]   gold-form files (with text) for score.py / train
    annotations.py score DIR --gold GOLD_DIR [--texts]   score a folder of annotations against gold

Texts are found by id: `en-0001` is `corpus/en/0001.txt` under --shared, `en-u007`
`eval/unlabeled/en/007.txt` (the unlabeled articles, annotated to join train); with `--texts DIR`,
`DIR/<id>.txt` (the dev texts written by `score.py --write-texts`).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"university", "company", "government", "research", "alliance", "other"}
TYPES = {"agreement", "visit", "meeting", "joint_entity"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2}")


def flat(t: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", t or "")).casefold()


def text_file(ident: str) -> str:
    """The article's text file under the shared folder: `en-0001` -> corpus/en/0001.txt, an
    unlabeled article's `en-u007` -> eval/unlabeled/en/007.txt."""
    lang, num = ident.split("-", 1)
    if num.startswith("u"):
        return f"eval/unlabeled/{lang}/{num[1:]}.txt"
    return f"corpus/{lang}/{num}.txt"


def _corpus_relative(path: str) -> str:
    """An annotation's `file`, relative to the shared corpus folder as the corpus's own are."""
    return path.removeprefix("corpus/") if path.startswith("corpus/") else "../" + path


def text_for(ident: str, shared: Path, texts: Path | None) -> str:
    if texts is not None:
        return (texts / f"{ident}.txt").read_text(encoding="utf-8")
    return (shared / text_file(ident)).read_text(encoding="utf-8")


def _score_module(shared: Path):
    sys.path.insert(0, str(shared / "eval"))
    import score  # noqa: E402  (the shared scorer's name normalisation, so checks agree with scoring)
    return score


def problems_of(ann: dict, text: str, score) -> list[str]:
    out = []
    for key in ("id", "lang", "organizations", "people", "events"):
        if key not in ann:
            out.append(f"missing {key}")
    if "text" in ann:
        out.append("carries the article text (annotations must not)")
    body = flat(text)
    names: dict[str, str] = {}
    for o in ann.get("organizations", []):
        if o.get("kind") not in KINDS:
            out.append(f"org {o.get('name')!r}: kind {o.get('kind')!r} not one of {sorted(KINDS)}")
        for n in [o.get("name")] + list(o.get("aliases") or []):
            if not n or flat(n) not in body:
                out.append(f"org form {n!r} is not in the text (copy it exactly as written)")
        for f in score.forms(o):
            if f in names and names[f] != o.get("name"):
                out.append(f"form {f!r} names two orgs: {names[f]!r} and {o.get('name')!r}")
            names[f] = o.get("name")
    for p in ann.get("people", []):
        if not p.get("name") or flat(p["name"]) not in body:
            out.append(f"person {p.get('name')!r} is not in the text")
        if p.get("org") and score.norm_org(p["org"]) not in names:
            out.append(f"person {p.get('name')!r}: org {p.get('org')!r} is not among the organizations")
    for e in ann.get("events", []):
        if e.get("type") not in TYPES:
            out.append(f"event type {e.get('type')!r} not one of {sorted(TYPES)}")
        parties = e.get("parties") or []
        if len(parties) < 2:
            out.append(f"{e.get('type')} event with fewer than two parties: {parties}")
        for p in parties:
            if score.norm_org(p) not in names:
                out.append(f"party {p!r} is not among the organizations (use its name)")
        if e.get("date") and not DATE.fullmatch(e["date"]):
            out.append(f"date {e['date']!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD)")
    pub = ann.get("published")
    if pub and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", pub):
        out.append(f"published {pub!r} is not ISO 8601")
    return out


def _files(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        out += sorted(p.rglob("*.json")) if p.is_dir() else [p]
    return out


def cmd_check(args) -> int:
    score = _score_module(args.shared)
    bad = 0
    files = _files(args.paths)
    for path in files:
        try:
            ann = json.loads(path.read_text(encoding="utf-8"))
            text = text_for(ann["id"], args.shared, args.texts)
        except (OSError, ValueError, KeyError) as err:
            print(f"{path}: cannot read: {err}")
            bad += 1
            continue
        probs = problems_of(ann, text, score)
        bad += bool(probs)
        for p in probs:
            print(f"{path}: {p}")
    print(f"{len(files)} files, {bad} with problems")
    return 1 if bad else 0


def mentions_of(ann: dict, text: str) -> list[dict]:
    """Exact occurrences of the annotation's names (partnergraph.learn.gold.name_spans)."""
    from partnergraph.learn.gold import name_spans

    return [{"start": s, "end": e, "type": typ, "name": name}
            for s, e, typ, name in name_spans(dict(ann, text=text))]


def _index(shared: Path) -> dict[str, dict[str, str]]:
    out = {}
    for lang in ("en", "zh"):
        with open(shared / "corpus" / lang / "index.tsv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                out[f"{lang}-{row['file'][:-4]}"] = row
    unlabeled = shared / "eval" / "unlabeled" / "index.tsv"
    if unlabeled.is_file():  # file en/007.txt -> id en-u007
        with open(unlabeled, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                lang, num = row["file"][:-4].split("/")
                out[f"{lang}-u{num}"] = row
    return out


def cmd_finish(args) -> int:
    index = _index(args.shared)
    score = _score_module(args.shared)
    n = 0
    for path in _files([args.src]):
        ann = json.loads(path.read_text(encoding="utf-8"))
        ident = ann["id"]
        lang, num = ident.split("-", 1)
        text = text_for(ident, args.shared, None)
        probs = problems_of(ann, text, score)
        if probs:
            print(f"{path}: not finished: {probs[0]}")
            continue
        row = index[ident]
        out = {
            "id": ident, "file": _corpus_relative(text_file(ident)), "lang": lang, "url": row["url"],
            "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
            "published": ann.get("published"),
            "organizations": ann["organizations"], "people": ann["people"], "events": ann["events"],
            "mentions": mentions_of(ann, text),
        }
        for key in ("annotators", "adjudication"):
            if key in ann:
                out[key] = ann[key]
        dest = args.out / lang / f"{num}.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n += 1
    print(f"{n} annotations written to {args.out}")
    return 0


def splits(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8", newline="") as f:
        return {f"{r['lang']}-{r['file'][3:-4]}": r["split"] for r in csv.DictReader(f, delimiter="\t")}


def cmd_gold(args) -> int:
    which = splits(args.splits)
    args.out.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in _files([str(args.annotations)]):
        ann = json.loads(path.read_text(encoding="utf-8"))
        ident = ann["id"]
        if args.split and which.get(ident) not in args.split:
            continue
        if args.lang and ann["lang"] != args.lang:
            continue
        text = text_for(ident, args.shared, None)
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != ann["text_sha1"]:
            print(f"{path}: the text of {ann['file']} changed since it was annotated; skipped", file=sys.stderr)
            continue
        gold = {k: ann[k] for k in ("id", "url", "lang") if k in ann}
        gold["text"] = text
        for k in ("published", "organizations", "people", "events", "mentions"):
            gold[k] = ann.get(k)
        (args.out / f"{ident}.json").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
        n += 1
    print(f"{n} gold files in {args.out}", file=sys.stderr)
    return 0


def cmd_score(args) -> int:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for path in _files([args.dir]):
            f.write(json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False) + "\n")
    cmd = [sys.executable, str(args.shared / "eval" / "score.py"), str(args.gold), f.name]
    return subprocess.call(cmd + (["--json"] if args.json else []))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=ROOT.parent / "shared", type=Path)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check")
    c.add_argument("paths", nargs="+")
    c.add_argument("--texts", type=Path)
    f = sub.add_parser("finish")
    f.add_argument("src")
    f.add_argument("--out", type=Path, default=ROOT / "corpus" / "annotations")
    g = sub.add_parser("gold")
    g.add_argument("out", type=Path)
    g.add_argument("--split", action="append")
    g.add_argument("--lang")
    g.add_argument("--annotations", type=Path, default=ROOT / "corpus" / "annotations")
    g.add_argument("--splits", type=Path, default=ROOT / "corpus" / "splits.tsv")
    s = sub.add_parser("score")
    s.add_argument("dir")
    s.add_argument("--gold", type=Path, required=True)
    s.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    return {"check": cmd_check, "finish": cmd_finish, "gold": cmd_gold, "score": cmd_score}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
