"""Annotated articles in the gold form (GUIDELINES): read, checked, and turned into documents.

`partnergraph train` and `partnergraph evaluate` take files or folders of gold JSON files
(`{"id", "lang", "text", "published", "organizations", "people", "events"}`, optionally
`mentions`); a file that is not such a record is named with the reason and skipped, and a run
with no usable file is an error.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from partnergraph.documents import prepare
from partnergraph.errors import ConfigError
from partnergraph.models import Document

log = logging.getLogger(__name__)
_REQUIRED = ("id", "text", "organizations", "people", "events")
_MAX_FILE = 16 * 1024 * 1024


def _problem(data: object) -> str | None:
    if not isinstance(data, dict):
        return "not a JSON object"
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        return f"missing {', '.join(missing)}"
    if not isinstance(data["text"], str):
        return "text is not a string"
    for k in ("organizations", "people", "events"):
        if not isinstance(data[k], list) or not all(isinstance(x, dict) for x in data[k]):
            return f"{k} is not a list of objects"
    return None


def read_gold(paths: list[str | Path]) -> tuple[list[dict], list[str]]:
    """Gold articles from files and folders (sorted, so runs are deterministic), and the problems."""
    files: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.json"))
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    out, seen = [], set()
    for f in files:
        try:
            if f.stat().st_size > _MAX_FILE:
                raise ValueError(f"larger than {_MAX_FILE // 2**20} MB")
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as err:
            problems.append(f"{f}: not a gold file: {err}")
            continue
        why = _problem(data)
        if why:
            problems.append(f"{f}: not a gold file: {why}")
            continue
        if data["id"] in seen:
            problems.append(f"{f}: duplicate id {data['id']!r}; skipped")
            continue
        seen.add(data["id"])
        out.append(data)
    for p in problems:
        log.warning("%s", p)
    if not out:
        raise ConfigError(
            "no gold articles were read" + (f" ({problems[0]})" if problems else ""),
            hint="give gold JSON files or folders in the form of the annotation guidelines",
        )
    return out, problems


def document_of(gold: dict) -> Document:
    """The document the system sees: the text alone, as `partnergraph extract` would read it."""
    return prepare(gold["text"], id=str(gold["id"]))


def _spans(text: str, form: str) -> list[tuple[int, int]]:
    """Every occurrence of `form`; Latin forms only at word edges ("CAS" is not in "CASE")."""
    out, start = [], 0
    latin = form[:1].isascii() and form[:1].isalnum()
    while form:
        i = text.find(form, start)
        if i < 0:
            break
        j = i + len(form)
        if not latin or ((i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())):
            out.append((i, j))
        start = i + 1
    return out


def name_spans(gold: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, "org"|"person", name) of every exact occurrence of each organization's name
    and aliases and of each person's name; where two overlap, the longer wins ("Fudan
    University" over "Fudan"), then the earlier."""
    text = gold["text"]
    cands = []
    for o in gold.get("organizations") or []:
        for form in sorted({o.get("name") or "", *(o.get("aliases") or [])}):
            cands += [(s, e, "org", o.get("name")) for s, e in _spans(text, form)]
    for p in gold.get("people") or []:
        cands += [(s, e, "person", p.get("name")) for s, e in _spans(text, p.get("name") or "")]
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, typ, name in cands:
        if not any(s < te and ts < e for ts, te in taken):
            taken.append((s, e))
            out.append((s, e, typ, name))
    return sorted(out)


def mentions(gold: dict) -> list[tuple[int, int, str]]:
    """(start, end, ORG|PER) of every name of the article: its `mentions`, or `name_spans`."""
    if gold.get("mentions"):
        return sorted((int(m["start"]), int(m["end"]), "ORG" if m.get("type") == "org" else "PER")
                      for m in gold["mentions"] if isinstance(m, dict) and "start" in m and "end" in m)
    return [(s, e, "ORG" if typ == "org" else "PER") for s, e, typ, _ in name_spans(gold)]
