"""The corpus scripts take the unlabeled articles in: their split by site, their text by id."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, _SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


split_corpus = _load("split_corpus")
annotations = _load("annotations")

_SCORE = '''
import re, unicodedata
def norm_org(name):
    return re.sub(r"[\\s\\W_]+", "", unicodedata.normalize("NFKC", name or "").casefold())
def forms(o):
    return {norm_org(n) for n in [o.get("name")] + list(o.get("aliases") or [])}
'''


def _shared(tmp_path: Path, unlabeled: bool = True) -> Path:
    """A shared folder of invented articles: ten corpus sites per language, two unlabeled ones."""
    shared = tmp_path / "shared"
    for lang in ("en", "zh"):
        folder = shared / "corpus" / lang
        folder.mkdir(parents=True)
        rows = ["file\tlang\turl\tdomain\tkind_hint\tnote"]
        for i in range(1, 11):
            rows.append(f"{i:04d}.txt\t{lang}\thttp://site{i}.{lang}.example/a\tsite{i}.{lang}.example\tcooperation\t")
            (folder / f"{i:04d}.txt").write_text(f"Article {i} of {lang}.\n", encoding="utf-8")
        (folder / "index.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if unlabeled:
        folder = shared / "eval" / "unlabeled"
        (folder / "en").mkdir(parents=True)
        (folder / "index.tsv").write_text(
            "file\tlang\turl\tkind\n"
            "en/001.txt\ten\thttps://www.site3.en.example/news/1\tagreement\n"
            "en/002.txt\ten\thttps://elsewhere.example/x\tvisit\n", encoding="utf-8")
        (folder / "en" / "001.txt").write_text("Kestrel Labs signed with Lumio.\n", encoding="utf-8")
        (folder / "en" / "002.txt").write_text("Lumio visited Veltrix University.\n", encoding="utf-8")
    (shared / "eval").mkdir(exist_ok=True)
    (shared / "eval" / "score.py").write_text(_SCORE, encoding="utf-8")
    return shared


def _rows(path: Path) -> dict[str, list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0]: line.split("\t")[1:] for line in lines}


def test_unlabeled_articles_take_their_sites_split_else_val(tmp_path):
    shared = _shared(tmp_path)
    out = tmp_path / "splits.tsv"
    assert split_corpus.main(["--shared", str(shared), "--out", str(out)]) == 0
    rows = _rows(out)
    assert rows["en/u001.txt"] == ["en", "site3.en.example", rows["en/0003.txt"][2]]
    assert rows["en/u002.txt"] == ["en", "elsewhere.example", "val"]


def test_the_corpus_split_does_not_move_with_the_unlabeled_articles(tmp_path):
    with_them, without = tmp_path / "a.tsv", tmp_path / "b.tsv"
    split_corpus.main(["--shared", str(_shared(tmp_path / "1")), "--out", str(with_them)])
    split_corpus.main(["--shared", str(_shared(tmp_path / "2", unlabeled=False)), "--out", str(without)])
    corpus = {k: v for k, v in _rows(with_them).items() if "/u" not in k}
    assert corpus == _rows(without)


def test_an_unlabeled_annotation_is_checked_finished_and_made_gold(tmp_path, capsys):
    shared = _shared(tmp_path)
    raw = tmp_path / "raw"
    raw.mkdir()
    ann = {"id": "en-u002", "lang": "en", "published": None,
           "organizations": [{"name": "Lumio", "aliases": [], "kind": "company"},
                             {"name": "Veltrix University", "aliases": [], "kind": "university"}],
           "people": [], "events": [{"type": "visit", "date": None, "parties": ["Lumio", "Veltrix University"],
                                     "location": None, "topics": [], "entity": None}]}
    (raw / "en-u002.json").write_text(json.dumps(ann), encoding="utf-8")
    assert annotations.main(["--shared", str(shared), "check", str(raw)]) == 0
    done = tmp_path / "annotations"
    assert annotations.main(["--shared", str(shared), "finish", str(raw), "--out", str(done)]) == 0
    made = json.loads((done / "en" / "u002.json").read_text(encoding="utf-8"))
    text = (shared / "eval" / "unlabeled" / "en" / "002.txt").read_text(encoding="utf-8")
    assert made["file"] == "../eval/unlabeled/en/002.txt"
    assert made["url"] == "https://elsewhere.example/x"
    assert made["text_sha1"] == hashlib.sha1(text.encode("utf-8")).hexdigest()
    assert {(m["start"], m["end"]) for m in made["mentions"]} == {(0, 5), (14, 32)}
    splits = tmp_path / "splits.tsv"
    split_corpus.main(["--shared", str(shared), "--out", str(splits)])
    gold = tmp_path / "gold"
    assert annotations.main(["--shared", str(shared), "gold", str(gold), "--split", "val",
                             "--annotations", str(done), "--splits", str(splits)]) == 0
    assert json.loads((gold / "en-u002.json").read_text(encoding="utf-8"))["text"] == text


def test_an_annotation_naming_what_the_unlabeled_text_lacks_is_refused(tmp_path, capsys):
    shared = _shared(tmp_path)
    bad = tmp_path / "en-u001.json"
    bad.write_text(json.dumps({"id": "en-u001", "lang": "en", "published": None, "people": [], "events": [],
                               "organizations": [{"name": "Lumio Labs", "aliases": [], "kind": "company"}]}),
                   encoding="utf-8")
    assert annotations.main(["--shared", str(shared), "check", str(bad)]) == 1
    assert "'Lumio Labs' is not in the text" in capsys.readouterr().out
