"""bench/people_misses.py names why each gold person was missed (invented article)."""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "bench" / "people_misses.py"
_spec = importlib.util.spec_from_file_location("people_misses", _PATH)
people_misses = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(people_misses)

ORGS = [{"name": "Kestrel University", "kind": "university"}, {"name": "Lumio Bank", "kind": "company"}]


def _p(name, org, title="Dean"):
    return {"name": name, "title": title, "org": org}


def test_each_gold_person_gets_its_cause():
    gold = {"organizations": ORGS, "people": [
        _p("Amy Hart", "Kestrel University"), _p("Odile Varga", "Lumio Bank"), _p("Lin Brand", "Lumio Bank"),
        _p("Tamsin Orrell", "Kestrel University"), _p("Chen Bo", "Lumio Bank"), _p("Rui Sato", None),
        _p("Ada Moss", "Lumio Bank")]}
    pred = {"organizations": ORGS + [{"name": "Lumio"}], "people": [
        _p("Amy Hart", "Kestrel University"), _p("Odile Varga", None), _p("Lin Brand", "Kestrel University"),
        _p("Tamsin Orrell Smith", "Kestrel University"), _p("Chen Bo", "Lumio"), _p("Rui Sato", "Lumio Bank"),
        _p("Nobody Here", "Lumio Bank")]}
    got, left, titles = people_misses.classify(gold, pred)
    assert [c for c, _ in got] == ["found", "found", "org_empty", "org_wrong", "boundary", "org_boundary",
                                   "name_not_found"]
    assert sorted(c for c, _ in left) == ["same_name_other_org", "same_name_other_org", "same_name_other_org",
                                          "spurious", "spurious"]
    assert [c for c, _ in titles] == ["title_ok", "title_ok"]
