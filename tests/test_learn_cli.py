"""`partnergraph train`, `evaluate` and `extract --model` as a user runs them."""

from __future__ import annotations

import json

import pytest
from learn_corpus import write_corpus
from typer.testing import CliRunner

from partnergraph.cli import app
from partnergraph.learn.scoring import evaluate, score_article

runner = CliRunner()


def _gold(orgs, events, people=(), lang="en"):
    return {"id": "g", "lang": lang, "text": "", "organizations": orgs, "people": list(people), "events": events}


def test_scoring_counts_by_the_guidelines():
    gold = _gold(
        [{"name": "Harlow University", "aliases": ["HU"], "kind": "university"},
         {"name": "Corvane Group Co., Ltd.", "aliases": [], "kind": "company"},
         {"name": "Lindell University", "aliases": [], "kind": "university"}],
        [{"type": "agreement", "date": "2024-05-03", "parties": ["Harlow University", "Corvane Group Co., Ltd."]},
         {"type": "visit", "date": None, "parties": ["Lindell University", "Harlow University"]}],
        people=[{"name": "Ada Brook", "title": "President", "org": "Harlow University"}],
    )
    pred = _gold(
        [{"name": "the HU", "aliases": []}, {"name": "Corvane Group"}, {"name": "Osgood Bank"}],
        [{"type": "agreement", "date": "2024-05", "parties": ["HU", "Corvane Group"]},
         {"type": "meeting", "date": None, "parties": ["Osgood Bank", "HU"]}],
        people=[{"name": "Dr. Ada Brook", "org": "HU"}],
    )
    c = score_article(gold, pred)
    assert c["orgs"] == (2, 3, 3)            # "the HU" = alias HU, "Corvane Group" = name less "Co., Ltd."
    assert c["pairs"] == (1, 2, 2)
    assert c["events"] == (1, 2, 2)
    assert c["dates"] == (0, 1, 1)           # matched agreement, wrong date
    assert c["people"] == (1, 1, 1)          # honorific ignored, org by alias
    report = evaluate([(gold, pred)])
    assert report["all"]["pairs"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "gold": 2}
    assert report["en"]["orgs"]["p"] == 0.667


def test_false_alarm_is_an_event_where_gold_has_none():
    gold = _gold([{"name": "Brightwater Bank", "kind": "company"}], [])
    pred = _gold([{"name": "A"}, {"name": "B"}], [{"type": "agreement", "parties": ["A", "B"]}])
    assert evaluate([(gold, pred)])["all"]["false_alarm"] == {"rate": 1.0, "n": 1}
    assert evaluate([(gold, _gold([], []))])["all"]["false_alarm"] == {"rate": 0.0, "n": 1}


def test_evaluate_prints_the_expected_figures(tmp_path):
    gold = {"id": "en-1", "lang": "en", "published": "2024-05-04",
            "text": "Harlow University and Stennis Institute of Technology signed a memorandum of "
                    "understanding on 3 May 2024.",
            "organizations": [{"name": "Harlow University", "aliases": [], "kind": "university"},
                              {"name": "Stennis Institute of Technology", "aliases": [], "kind": "university"}],
            "people": [],
            "events": [{"type": "agreement", "date": "2024-05-03",
                        "parties": ["Harlow University", "Stennis Institute of Technology"]}]}
    (tmp_path / "en-1.json").write_text(json.dumps(gold))
    result = runner.invoke(app, ["evaluate", str(tmp_path), "--backend", "rules", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["en"]["pairs"]["f1"] == 1.0
    assert report["en"]["events"]["f1"] == 1.0
    assert report["en"]["dates"] == {"accuracy": 1.0, "n": 1}
    assert report["en"]["published"] == {"accuracy": 0.0, "n": 1}  # the text shows no publication date
    table = runner.invoke(app, ["evaluate", str(tmp_path), "--backend", "rules"])
    assert "pairs" in table.stdout and "1.000" in table.stdout


def test_per_article_figures_weigh_a_long_article_like_a_short_one():
    # an alliance of twelve, every pair found (66 pairs), and three short articles whose one pair
    # is missed: micro F1 calls this good, per article the three misses weigh 3 of 13 gold pairs
    members = [f"Member {chr(65 + k)} Foundation" for k in range(12)]
    long_gold = dict(_gold([{"name": m} for m in members], [{"type": "alliance", "parties": members}]), id="long")
    rows = [(long_gold, long_gold)]
    for k in range(3):
        short = dict(_gold([{"name": "Harlow University"}, {"name": f"Osgood Bank {k}"}],
                           [{"type": "agreement", "parties": ["Harlow University", f"Osgood Bank {k}"]}]),
                     id=f"short{k}", lang="zh")
        rows.append((short, _gold([], [], lang="zh")))
    plain = evaluate(rows)
    assert "per_article" not in plain["all"]
    report = evaluate(rows, per_article=True)
    assert report["all"]["pairs"]["f1"] == pytest.approx(2 * 66 / (66 + 69), abs=1e-3)
    # the long article counts 10 of its 66 gold pairs (all found): tp 10, predicted 10, gold 13
    assert report["all"]["per_article"]["pairs"] == pytest.approx(2 * 10 / (10 + 13), abs=1e-3)
    assert report["en"]["per_article"]["pairs"] == 1.0
    assert report["zh"]["per_article"] == {"orgs": 0.0, "people": 1.0, "pairs": 0.0, "events": 0.0}


def test_evaluate_prints_per_article_figures(tmp_path):
    found = {"id": "en-1", "lang": "en",
             "text": "Harlow University and Stennis Institute of Technology signed a memorandum of "
                     "understanding on 3 May 2024.",
             "organizations": [{"name": "Harlow University", "aliases": [], "kind": "university"},
                               {"name": "Stennis Institute of Technology", "aliases": [], "kind": "university"}],
             "people": [],
             "events": [{"type": "agreement", "date": "2024-05-03",
                         "parties": ["Harlow University", "Stennis Institute of Technology"]}]}
    missed = {"id": "en-2", "lang": "en", "text": "Lindell College opened a library. Osgood Bank was there.",
              "organizations": [{"name": "Lindell College", "aliases": [], "kind": "university"},
                                {"name": "Osgood Bank", "aliases": [], "kind": "company"}],
              "people": [],
              "events": [{"type": "agreement", "date": None, "parties": ["Lindell College", "Osgood Bank"]}]}
    for g in (found, missed):
        (tmp_path / f"{g['id']}.json").write_text(json.dumps(g))
    result = runner.invoke(app, ["evaluate", str(tmp_path), "--backend", "rules", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["en"]["per_article"]["pairs"] == pytest.approx(2 / 3, abs=1e-3)
    assert report["en"]["per_article"]["pairs"] == report["en"]["pairs"]["f1"]
    assert set(report["all"]["per_article"]) == {"orgs", "people", "pairs", "events"}
    table = runner.invoke(app, ["evaluate", str(tmp_path), "--backend", "rules"])
    assert "pairs, per article" in table.stdout and "0.667" in table.stdout
    assert "at most 10 gold" in table.stdout


def test_evaluate_without_gold_is_a_clean_error(tmp_path):
    (tmp_path / "x.json").write_text("[1, 2]")
    result = runner.invoke(app, ["evaluate", str(tmp_path)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_train_then_extract_with_the_model(tmp_path):
    pytest.importorskip("sklearn")
    write_corpus(tmp_path / "gold")
    result = runner.invoke(app, ["train", str(tmp_path / "gold"), "--out", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m" / "meta.json").is_file()
    article = tmp_path / "a.txt"
    article.write_text("Harlow University and Stennis Institute of Technology signed a memorandum of "
                       "understanding on 3 May 2024.")
    out = runner.invoke(app, ["extract", str(article), "--model", str(tmp_path / "m")])
    assert out.exit_code == 0, out.output
    record = json.loads(out.stdout.splitlines()[0])
    assert record["provenance"]["backend"] == "learned"
    ev = runner.invoke(app, ["evaluate", str(tmp_path / "gold"), "--model", str(tmp_path / "m"), "--json"])
    assert ev.exit_code == 0
    assert json.loads(ev.stdout)["all"]["articles"]["n"] == 10


def test_extract_with_a_missing_model_names_it(tmp_path):
    from partnergraph.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Harlow University signed an agreement with Lindell University.")
    with pytest.raises(SystemExit) as done:
        main(["extract", str(article), "--model", str(tmp_path / "missing")])
    assert done.value.code == 1


def test_model_with_another_backend_is_a_usage_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Harlow University signed an agreement with Lindell University.")
    result = runner.invoke(app, ["extract", str(article), "--backend", "rules", "--model", str(tmp_path)])
    assert result.exit_code == 2
    assert "--model is for the learned backend" in result.output
