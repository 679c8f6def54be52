"""Cross-language links (issue 10): a Chinese and an English name of one organization are one
entity when the names align (pinyin of the proper part, the table's words for the rest) or an
article supports a weaker alignment; look-alikes stay apart; `why` explains, `split` undoes.
Invented organizations; records written here, not extracted."""

from __future__ import annotations

import pytest

from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Provenance
from partnergraph.query import find_org
from partnergraph.resolution.crosslang import align, en_words
from partnergraph.resolution.explain import split, why
from partnergraph.resolution.names import name_key
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")


def ex(id, lang, orgs, events=()):
    return Extraction(id=id, lang=lang, text=f"article {id}", provenance=PROV,
                      organizations=[Organization(name=n, kind="university") for n in orgs],
                      events=[Event(type=t, date=d, parties=list(p)) for t, d, p in events])


@pytest.fixture
def store():
    s = open_store(":memory:")
    yield s
    s.close()


def _align(zh, en):
    return align(name_key(zh), name_key(en))


def test_pinyin_of_the_proper_part_and_the_table_words():
    a = _align("青川科技大学", "Qingchuan University of Science and Technology")
    assert a is not None and a.proper
    assert "青川 -> qingchuan (pinyin)" in a.parts
    assert _align("远景集团有限公司", "Yuanjing Group Co., Ltd.") is not None
    assert _align("北岭大学", "Bei Ling University") is not None  # syllables written apart


def test_look_alikes_do_not_align():
    # 师范 (Normal) left over on one side, "Science and Technology" on the other
    assert _align("青川师范大学", "Qingchuan University of Science and Technology") is None
    # a school of the university, a hospital of it: a different body
    assert _align("青川大学物理学院", "Qingchuan University") is None
    assert _align("青川大学附属医院", "Qingchuan University") is None
    # another proper part
    assert _align("青山大学", "Qingchuan University") is None
    # a place alone is no name
    assert _align("青川市人民政府", "Qingchuan University") is None


def test_english_words_fold_apostrophes_and_stop_words():
    assert en_words("People's Government of Xi'an") == ("peoples", "government", "xian")


def test_one_entity_across_languages_explained_and_split(store):
    ingest_extractions(store, [ex("zh/1", "zh", ["青川科技大学", "海川集团"]),
                               ex("en/1", "en", ["Qingchuan University of Science and Technology"])])
    assert find_org(store, "青川科技大学").id == find_org(store, "Qingchuan University of Science and Technology").id
    e = why(store, "青川科技大学", "Qingchuan University of Science and Technology")
    assert e.same and any(s.startswith("cross-language") and "qingchuan (pinyin)" in s and "score 0.90" in s
                          for s in e.steps)
    split(store, "青川科技大学")
    assert find_org(store, "青川科技大学").id != find_org(store, "Qingchuan University of Science and Technology").id


def test_a_name_that_aligns_with_two_organizations_links_to_neither(store):
    # 恒通 and 亨通 are both "Hengtong"
    ingest_extractions(store, [ex("zh/1", "zh", ["恒通集团"]), ex("zh/2", "zh", ["亨通集团"]),
                               ex("en/1", "en", ["Hengtong Group"])])
    en = find_org(store, "Hengtong Group").id
    assert find_org(store, "恒通集团").id != en and find_org(store, "亨通集团").id != en
    e = why(store, "亨通集团", "Hengtong Group")
    assert not e.same and any("ambiguous" in s for s in e.steps)


def test_a_translation_alone_needs_the_same_event_in_both_languages(store):
    zh_only = [ex("zh/1", "zh", ["中国海洋研究院"]), ex("en/1", "en", ["China Ocean Research Institute"])]
    ingest_extractions(store, zh_only)
    assert find_org(store, "中国海洋研究院").id != find_org(store, "China Ocean Research Institute").id
    assert any("under 0.85" in s for s in why(store, "中国海洋研究院", "China Ocean Research Institute").steps)
    # the same signing on the same day, reported in both languages, with the one other party
    ingest_extractions(store, [
        ex("zh/2", "zh", ["北岭大学", "中国海洋研究院"],
           [("agreement", "2024-03-05", ["北岭大学", "中国海洋研究院"])]),
        ex("en/2", "en", ["Beiling University", "China Ocean Research Institute"],
           [("agreement", "2024-03-05", ["Beiling University", "China Ocean Research Institute"])])])
    assert find_org(store, "中国海洋研究院").id == find_org(store, "China Ocean Research Institute").id
    steps = why(store, "中国海洋研究院", "China Ocean Research Institute").steps
    assert any("same event reported in both languages: agreement on 2024-03-05" in s for s in steps)
    # and the event is now one event with two sources
    from partnergraph.query import events
    assert [len(e.sources) for e in events(store, org="北岭大学")] == [2]


def test_both_forms_in_one_article_support_a_translation(store):
    ingest_extractions(store, [ex("en/1", "en", ["China Ocean Research Institute", "中国海洋研究院"])])
    assert find_org(store, "中国海洋研究院").id == find_org(store, "China Ocean Research Institute").id


def test_a_place_before_the_name_proper_may_be_left_out():
    a = _align("上海远景大学", "Yuanjing University")
    assert a is not None and a.parts[0].startswith("上海 -> (a place")
    assert _align("韩国远景大学医院", "Yuanjing University Hospital") is not None
    # not when only the place would name it
    assert _align("上海理工大学", "University of Science and Technology") is None


def test_a_name_with_and_without_its_place_is_one_candidate(store):
    ingest_extractions(store, [ex("zh/1", "zh", ["远景大学"]), ex("zh/2", "zh", ["上海远景大学"]),
                               ex("en/1", "en", ["Yuanjing University"])])
    en = find_org(store, "Yuanjing University").id
    assert find_org(store, "远景大学").id == en and find_org(store, "上海远景大学").id == en


def test_alignment_work_is_bounded(monkeypatch):
    from partnergraph.resolution import crosslang

    # a hostile pair: twelve table words against thirteen English ones, no alignment
    assert align("中心" * 12, " ".join(["center"] * 13) + " x") is None
    # the bound is what stops it: with a tiny budget even a real name gives up
    assert _align("青川科技大学", "Qingchuan University of Science and Technology") is not None
    monkeypatch.setattr(crosslang, "MAX_STEPS", 3)
    assert _align("青川科技大学", "Qingchuan University of Science and Technology") is None


def _pypinyin_syllables(ch: str) -> tuple[str, ...]:
    """What `_syllables` answered through pypinyin's API."""
    from pypinyin import Style, pinyin

    readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    out = set()
    for r in readings[0] if readings else ():
        r = r.replace("ü", "u")
        out.add(r)
        out.add(r.replace("u:", "v"))
    return tuple(sorted(o for o in out if o.isalpha()))


def test_readings_from_pypinyins_file_equal_its_api_on_every_character():
    from partnergraph.resolution import crosslang

    table = crosslang._readings()
    assert table is not None and len(table) > 20_000
    chars = [chr(int(k)) for k in table] + ["a", "1", "，", "\U00020000", "ǖ"]
    assert [crosslang._syllables.__wrapped__(c) for c in chars] == [_pypinyin_syllables(c) for c in chars]
    assert crosslang._syllables.__wrapped__("绿") == ("lu", "lv")  # ü kept as both spellings


def test_pinyin_of_a_character_does_not_import_pypinyins_phrases():
    """pypinyin's phrase dictionary and segmenter (~0.2 s) stay out of resolution."""
    import subprocess
    import sys

    code = ("import sys; from partnergraph.resolution.crosslang import _syllables; "
            "assert _syllables('华') == ('hua',), _syllables('华'); print(sorted(m for m in sys.modules "
            "if m.startswith('pypinyin')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
