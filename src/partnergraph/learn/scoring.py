"""Precision, recall and F1 of extractions against gold articles, field by field.

The matching follows the gold guidelines the project is measured by: organization names match
ignoring case, punctuation, spaces, a leading "the" and legal suffixes, by name or any alias;
partner pairs are the unordered pairs of parties of one event; an event matches by type when
every gold party is among its parties; dates are then compared exactly; people match by name
and organization. `evaluate` is what `partnergraph evaluate` prints.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations

_LEGAL = (
    "股份有限公司", "有限责任公司", "有限公司", "company limited", "co ltd", "coltd", "limited",
    "ltd", "inc", "llc", "plc", "gmbh", "corp", "co",
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|prof|professor|academician)\.?\s+", re.I)
_NON_WORD = re.compile(r"[\s\W_]+")
FIELDS = ("orgs", "people", "pairs", "events")


def norm_org(name: str | None) -> str:
    """The comparison key of an organization name (idempotent)."""
    s = unicodedata.normalize("NFKC", name or "").casefold().strip()
    if s.startswith("the "):
        s = s[4:]
    s = _NON_WORD.sub(" ", s).strip()
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL:
            if s.endswith(" " + suffix) or (s.endswith(suffix) and not suffix.isascii()):
                s = s[: -len(suffix)].strip()
                changed = True
    return s.replace(" ", "")


def norm_person(name: str | None) -> str:
    s = _HONORIFIC.sub("", unicodedata.normalize("NFKC", name or "").strip())
    return _NON_WORD.sub("", s.casefold())


def forms(org: dict) -> set[str]:
    return {f for f in [norm_org(org.get("name"))] + [norm_org(a) for a in org.get("aliases") or []] if f}


class Resolver:
    """Maps predicted organization names onto the gold organizations of one article."""

    def __init__(self, gold: dict, pred: dict | None) -> None:
        self.gold_forms = [forms(o) for o in gold.get("organizations") or []]
        self.pred_forms: dict[str, set[str]] = {}
        for o in (pred or {}).get("organizations") or []:
            fs = forms(o)
            for f in fs:
                self.pred_forms.setdefault(f, set()).update(fs)

    def gold_index(self, name: str | None) -> int | str:
        f = norm_org(name)
        for i, fs in enumerate(self.gold_forms):
            if f in fs:
                return i
        return "gold:" + f

    def resolve(self, name: str | None) -> int | str:
        f = norm_org(name)
        for i, fs in enumerate(self.gold_forms):
            if f in fs or self.pred_forms.get(f, set()) & fs:
                return i
        return "pred:" + f


def _event_rows(doc: dict, resolve) -> list[tuple[str, set, str | None]]:
    return [
        (e.get("type"), {resolve(p) for p in e.get("parties") or [] if p}, e.get("date"))
        for e in doc.get("events") or []
    ]


def _pairs(rows) -> set[frozenset]:
    return {frozenset(p) for _, ps, _ in rows for p in combinations(sorted(ps, key=str), 2)}


def score_article(gold: dict, pred: dict | None) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per field for one article."""
    pred = pred or {}
    r = Resolver(gold, pred)
    counts: dict[str, tuple[int, int, int]] = {}
    used: set[int] = set()
    tp = 0
    pred_orgs = pred.get("organizations") or []
    for o in pred_orgs:
        pf = forms(o)
        for i, gf in enumerate(r.gold_forms):
            if i not in used and pf & gf:
                used.add(i)
                tp += 1
                break
    counts["orgs"] = (tp, len(pred_orgs), len(r.gold_forms))
    gold_people = [(norm_person(p.get("name")), r.gold_index(p["org"]) if p.get("org") else None)
                   for p in gold.get("people") or []]
    pool = [(norm_person(p.get("name")), r.resolve(p["org"]) if p.get("org") else None)
            for p in pred.get("people") or []]
    n_pred_people, tp = len(pool), 0
    for name, org in gold_people:
        for cand in pool:
            if cand[0] == name and (org is None or cand[1] == org):
                pool.remove(cand)
                tp += 1
                break
    counts["people"] = (tp, n_pred_people, len(gold_people))
    ge, pe = _event_rows(gold, r.gold_index), _event_rows(pred, r.resolve)
    gp, pp = _pairs(ge), _pairs(pe)
    counts["pairs"] = (len(gp & pp), len(pp), len(gp))
    tp = dates = 0
    pool_e = list(pe)
    for typ, parties, date in ge:
        for cand in pool_e:
            if cand[0] == typ and parties <= cand[1]:
                pool_e.remove(cand)
                tp += 1
                dates += (cand[2] or None) == (date or None)
                break
    counts["events"] = (tp, len(pe), len(ge))
    counts["dates"] = (dates, tp, tp)
    counts["published"] = (int((gold.get("published") or None) == (pred.get("published") or None)), 1, 1)
    counts["false_alarm"] = (int(not ge and bool(pe)), int(not ge), int(not ge))
    return counts


@dataclass
class Tally:
    counts: dict[str, list[int]] = field(default_factory=dict)
    articles: int = 0

    def add(self, c: dict[str, tuple[int, int, int]]) -> None:
        self.articles += 1
        for k, v in c.items():
            t = self.counts.setdefault(k, [0, 0, 0])
            for i in range(3):
                t[i] += v[i]

    def report(self) -> dict[str, dict]:
        out: dict[str, dict] = {"articles": {"n": self.articles}}
        for k, (tp, n_pred, n_gold) in self.counts.items():
            if k in ("dates", "published"):
                out[k] = {"accuracy": round(tp / n_pred, 3) if n_pred else None, "n": n_pred}
            elif k == "false_alarm":
                out[k] = {"rate": round(tp / n_gold, 3) if n_gold else None, "n": n_gold}
            else:
                p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
                rec = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
                f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
                out[k] = {"p": round(p, 3), "r": round(rec, 3), "f1": round(f1, 3), "gold": n_gold}
        return out


def evaluate(pairs: list[tuple[dict, dict | None]], per_article: bool = False) -> dict[str, dict]:
    """Scores per language and over all: {"all": {...}, "en": {...}, "zh": {...}}. With
    `per_article`, each group also holds {"per_article": {field: F1}}, the F1 with articles
    weighing alike (`selection.weighted_report`), so that one long article does not decide it."""
    tallies: dict[str, Tally] = {}
    for gold, pred in pairs:
        c = score_article(gold, pred)
        for group in ("all", gold.get("lang") or "?"):
            tallies.setdefault(group, Tally()).add(c)
    report = {g: t.report() for g, t in sorted(tallies.items(), key=lambda kv: (kv[0] != "all", kv[0]))}
    if per_article:
        from partnergraph.learn.selection import weighted_report

        for g, figures in weighted_report(pairs, FIELDS).items():
            report[g]["per_article"] = figures
    return report
