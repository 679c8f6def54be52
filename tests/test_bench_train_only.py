"""The error-analysis scripts read training articles only: a gold folder holding a val or test
corpus article is refused before anything is read out (bench/out_of_fold.py)."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(_BENCH))
_spec = importlib.util.spec_from_file_location("out_of_fold", _BENCH / "out_of_fold.py")
out_of_fold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(out_of_fold)

SPLITS = "file\tlang\tdomain\tsplit\nen/0001.txt\ten\ta.example\ttrain\nen/0002.txt\ten\tb.example\ttest\nzh/0003.txt\tzh\tc.example\tval\n"


def _gold(folder: Path, gid: str, lang: str = "en") -> None:
    text = "Kestrel Labs signed an agreement with Lumio Bank."
    (folder / f"{gid}.json").write_text(json.dumps({
        "id": gid, "lang": lang, "text": text, "people": [],
        "organizations": [{"name": "Kestrel Labs", "kind": "company"}, {"name": "Lumio Bank", "kind": "company"}],
        "events": [{"type": "agreement", "parties": ["Kestrel Labs", "Lumio Bank"]}]}), encoding="utf-8")


@pytest.fixture
def splits(tmp_path, monkeypatch):
    path = tmp_path / "splits.tsv"
    path.write_text(SPLITS, encoding="utf-8")
    monkeypatch.setattr(out_of_fold, "SPLITS", path)
    return path


def test_the_corpus_split_of_a_gold_id(splits):
    assert out_of_fold.corpus_splits(splits) == {"en-0001": "train", "en-0002": "test", "zh-0003": "val"}


def test_a_folder_with_a_test_article_is_refused_naming_the_split(tmp_path, splits):
    gold = tmp_path / "gold"
    (gold / "train").mkdir(parents=True)
    (gold / "test").mkdir()
    _gold(gold / "train", "en-0001")
    _gold(gold / "test", "en-0002")
    with pytest.raises(SystemExit, match=r"1 of these gold articles are in test .*build/gold/train"):
        out_of_fold.golds_of(gold, "en")


def test_a_val_article_of_the_other_language_is_refused_too(tmp_path, splits):
    _gold(tmp_path, "en-0001")
    _gold(tmp_path, "zh-0003", "zh")
    with pytest.raises(SystemExit, match="in val"):
        out_of_fold.golds_of(tmp_path, "en")


def test_train_and_a_users_own_articles_pass(tmp_path, splits):
    _gold(tmp_path, "en-0001")
    _gold(tmp_path, "my-article")
    assert [g["id"] for g in out_of_fold.golds_of(tmp_path, "en")] == ["en-0001", "my-article"]


def test_the_shipped_splits_file_is_read():
    split_of = out_of_fold.corpus_splits()
    assert set(split_of.values()) == {"train", "val", "test"}
    corpus = [k for k in split_of if "-u" not in k]  # the 600 corpus articles, then the 80 unlabeled
    assert len(corpus) == 600 and len(split_of) == 680
