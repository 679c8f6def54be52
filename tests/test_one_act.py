"""One unveiling with several partners is one `joint_entity` event listing them all (issue 10:
a paragraph on one school and five companies gave an unveiling per pair). Invented bodies."""

from __future__ import annotations

from partnergraph import extract
from partnergraph.extraction.rules.one_act import join_shared_entities
from partnergraph.models import Event, Span

TEXT = ("9月14日,青川市工信局组织北岭大学物理学院师生参观了海川环保、远山磁浮、金禾科技等3家企业,"
        "各企业负责人介绍了本公司的基本情况,并与北岭大学物理学院签订了校外实习基地合作协议书,"
        "挂牌北岭大学实践教学基地。")


def test_one_plaque_with_three_companies_is_one_event():
    rec = extract(TEXT, published="2021-09-17")
    units = [e for e in rec.events if e.type == "joint_entity"]
    assert len(units) == 1
    assert set(units[0].parties) == {"北岭大学物理学院", "海川环保", "远山磁浮", "金禾科技"}
    assert units[0].entity == "北岭大学实践教学基地"
    # the one-to-one signings stay one per pair (GUIDELINES: 各…签订 is pairwise)
    assert sum(e.type == "agreement" for e in rec.events) == 3


def _event(parties, trigger=(0, 2), entity="Joint Lab", type_="joint_entity"):
    return Event(type=type_, parties=parties, entity=entity,
                 evidence=[Span(start=trigger[0], end=trigger[1], field="trigger")])


def test_join_keeps_different_triggers_entities_and_types_apart():
    joined = join_shared_entities([_event(["A", "B"]), _event(["A", "C"]), _event(["A", "D"], (5, 7)),
                                   _event(["A", "E"], entity="Other Lab"),
                                   _event(["A", "F"], type_="agreement"), _event(["A", "G"], type_="agreement")])
    assert [e.parties for e in joined] == [["A", "B", "C"], ["A", "D"], ["A", "E"], ["A", "F"], ["A", "G"]]
