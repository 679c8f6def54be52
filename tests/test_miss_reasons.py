"""bench/miss_reasons.py names why each missed gold pair and event was missed (invented article)."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from partnergraph.models import Organization, Span

_PATH = Path(__file__).resolve().parents[1] / "bench" / "miss_reasons.py"
_spec = importlib.util.spec_from_file_location("miss_reasons", _PATH)
miss_reasons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(miss_reasons)

TEXT = ("Kestrel Labs signed an agreement with Lumio Bank. Norvania and Brackton signed a pact. "
        "Veltrix University hosted Harlow Institute.")


def _org(name):
    s = TEXT.index(name)
    return Organization(name=name, kind="other", evidence=[Span(start=s, end=s + len(name), field="name")])


def _gold():
    orgs = ["Kestrel Labs", "Lumio Bank", "Norvania", "Brackton", "Veltrix University", "Harlow Institute"]
    return {"id": "x", "lang": "en", "text": TEXT, "people": [],
            "organizations": [{"name": n, "kind": "other"} for n in orgs],
            "events": [{"type": "agreement", "parties": ["Kestrel Labs", "Lumio Bank"]},
                       {"type": "agreement", "parties": ["Norvania", "Brackton"]},
                       {"type": "visit", "parties": ["Veltrix University", "Harlow Institute"]}]}


def test_each_miss_gets_its_reason():
    # candidates: Kestrel Labs, Lumio (a boundary cut short), Veltrix University, Harlow Institute;
    # Norvania and Brackton never; the visit pair is a candidate the scorers dropped
    cands = [_org("Kestrel Labs"), _org("Lumio"), _org("Veltrix University"), _org("Harlow Institute")]
    mentions = sorted((o.evidence[0].start, o.evidence[0].end, i) for i, o in enumerate(cands))
    ctx = SimpleNamespace(orgs=cands, mentions=mentions)
    pairs, events = miss_reasons.classify(_gold(), ctx, {"organizations": [], "events": []}, {(2, 3)})
    assert sorted(r for r, _, _ in pairs) == ["boundary", "never", "scorer"]
    assert sorted((r, t) for r, t, _ in events) == [("boundary", "agreement"), ("never", "agreement"),
                                                    ("scorer", "visit")]
    boundary = next(d for r, _, d in events if r == "boundary")
    assert "'Lumio Bank' read as 'Lumio'" in boundary


def test_found_pairs_and_events_are_not_misses():
    cands = [_org("Kestrel Labs"), _org("Lumio Bank")]
    ctx = SimpleNamespace(orgs=cands, mentions=[(0, 12, 0), (38, 48, 1)])
    pred = {"organizations": [{"name": "Kestrel Labs"}, {"name": "Lumio Bank"}],
            "events": [{"type": "agreement", "parties": ["Kestrel Labs", "Lumio Bank"]}]}
    gold = dict(_gold(), events=_gold()["events"][:1])
    assert miss_reasons.classify(gold, ctx, pred, {(0, 1)}) == ([], [])


def test_event_whose_pairs_were_all_found_elsewhere():
    cands = [_org("Kestrel Labs"), _org("Lumio Bank")]
    ctx = SimpleNamespace(orgs=cands, mentions=[(0, 12, 0), (38, 48, 1)])
    pred = {"organizations": [{"name": "Kestrel Labs"}, {"name": "Lumio Bank"}],
            "events": [{"type": "visit", "parties": ["Kestrel Labs", "Lumio Bank"]}]}
    gold = dict(_gold(), events=_gold()["events"][:1])
    assert miss_reasons.classify(gold, ctx, pred, {(0, 1)}) == ([], [("pairs_ok", "agreement", "")])


def test_share_of_gold_parties_that_are_candidates():
    cands = [_org("Kestrel Labs"), _org("Lumio"), _org("Veltrix University"), _org("Harlow Institute")]
    ctx = SimpleNamespace(orgs=cands, mentions=[])
    assert miss_reasons.party_candidates(_gold(), ctx) == {"gold": 6, "candidate": 3}
