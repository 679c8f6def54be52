"""bench/event_losses.py sorts gold events by what the rules and the learned layer made of them
(invented article)."""

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "bench" / "event_losses.py"
_spec = importlib.util.spec_from_file_location("event_losses", _PATH)
event_losses = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(event_losses)

ORGS = ["北岭大学", "青川集团", "南山研究院", "东湖科技有限公司", "临江市政府"]


def _gold():
    return {"id": "x", "lang": "zh", "text": "", "people": [],
            "organizations": [{"name": n, "kind": "other"} for n in ORGS],
            "events": [{"type": "agreement", "parties": ["北岭大学", "青川集团"]},   # rules and learned
                       {"type": "visit", "parties": ["青川集团", "北岭大学"]},       # rules only: lost
                       {"type": "meeting", "parties": ["北岭大学", "南山研究院"]},   # learned only: gained
                       {"type": "agreement", "parties": ["东湖科技有限公司", "南山研究院"]},  # nobody
                       {"type": "visit", "parties": ["临江市政府", "北岭大学"]}]}   # a party never found


def _event(typ, *parties):
    return {"type": typ, "parties": list(parties)}


def test_each_gold_event_is_sorted_by_what_the_rules_and_the_learned_layer_made_of_it():
    rules = [_event("agreement", "北岭大学", "青川集团"), _event("visit", "青川集团", "北岭大学"),
             _event("joint_entity", "北岭大学", "青川集团")]
    pred = {"organizations": [{"name": n} for n in ORGS[:4]],
            "events": [_event("agreement", "北岭大学", "青川集团"), _event("meeting", "北岭大学", "南山研究院")]}
    c, lost, scored = event_losses.compare(_gold(), rules, pred, ORGS[:4], [0.9, 0.4, 0.2])
    assert c[("rules right", "agreement")] == 1 and c[("rules right", "visit")] == 1
    assert c[("rules wrong", "joint_entity")] == 1
    assert lost == [("visit", 0.4, 1)]
    assert c[("gained", "meeting")] == 1
    assert c[("no rule event", "agreement")] == 1 and c[("no rule event: candidates", "agreement")] == 1
    assert c[("no rule event: never", "visit")] == 1
    assert c[("gold", "agreement")] == 2 and c[("gold", "visit")] == 2
    assert scored == [(0.9, True), (0.4, True), (0.2, False)]


def test_a_rule_event_with_one_gold_party_missing_holds_no_gold_event():
    gold = dict(_gold(), events=[{"type": "meeting", "parties": ["北岭大学", "南山研究院", "青川集团"]}])
    c, lost, scored = event_losses.compare(gold, [_event("meeting", "北岭大学", "南山研究院")],
                                           {"organizations": [], "events": []}, ORGS, [0.7])
    assert c[("rules wrong", "meeting")] == 1 and lost == [] and scored == [(0.7, False)]
    assert c[("no rule event: candidates", "meeting")] == 1
