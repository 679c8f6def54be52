"""The document features (learn/candidates.py): what tells an article that reports cooperation
from one that only names organizations (a quarterly result), asked once per article."""

from __future__ import annotations

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import Context, document_features


def _features(text: str) -> dict[str, float]:
    doc = prepare(text, id="t")
    return document_features(Context.build(doc, RuleBackend().extract(doc)))


def test_a_signing_between_two_named_bodies_and_a_quarterly_result():
    signing = _features("Harlow University and Stennis Institute of Technology signed a memorandum of "
                        "understanding on 3 May 2024.\nThe two sides will train engineers together.")
    result = _features("Shares of Harlow Mining Group rose 4 percent after the miner posted a quarterly profit.\n"
                       "The company signed a new lease for its offices last year.")
    assert signing["cue_two_agreement=<=1"] == 1.0 and signing["head_agreement"] == 1.0
    assert signing["rule_type=agreement"] == 1.0 and "rule_events=<=0" not in signing
    # a signing word with one named body in its sentence is no signing between two
    assert result["cue_two_agreement=<=0"] == 1.0 and result["rule_events=<=0"] == 1.0
    # the genre's words, the names masked
    assert {"w=quarterly", "w=profit", "w=shares"} <= set(result) and "w=harlow" not in result


_HEAD_CUES = '''
import json
from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import Context, document_features
doc = prepare("Harlow University delegation visits Stennis Institute, signs agreement, unveils joint laboratory\\n"
              "Harlow University and Stennis Institute of Technology held talks on 3 May 2024.", id="t")
ctx = Context.build(doc, RuleBackend().extract(doc))
print(json.dumps([list(ctx.head_cue_keys), list(document_features(ctx))]))
'''


def test_the_head_cue_features_come_in_one_order_whatever_the_hash_seed():
    # a set's order follows PYTHONHASHSEED; the features' order is the order their weights add in
    import json
    import os
    import subprocess
    import sys

    outs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-c", _HEAD_CUES], env=env, capture_output=True, text=True, check=True)
        outs.add(run.stdout)
    assert len(outs) == 1
    assert len(json.loads(outs.pop())[0]) >= 3  # the title holds a visit's, a signing's and a lab's words
