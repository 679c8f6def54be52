"""Chinese people the rules record: surnames the name reader knows, and the bare leaders of a level
of government (市领导王刚) read but not recorded as posts."""

from __future__ import annotations

from partnergraph.extraction.backend import load_backend
from partnergraph.pipeline import extract


def _people(text: str) -> set[tuple[str, str | None, str | None]]:
    out = extract(text, backend=load_backend("rules"), lang="zh")
    return {(p.name, p.title, p.org) for p in out.people}


def test_common_surnames_missing_before_are_names():
    text = "江岭大学副校长傅明远主持仪式,海川集团董事长洪立新、总经理萧文宇和赖国平教授出席。"
    got = {name for name, _, _ in _people(text)}
    assert {"傅明远", "洪立新", "萧文宇", "赖国平"} <= got


def test_a_traditional_surname_reads_as_its_simplified_form():
    assert ("蕭文宇", "董事長", "海川集團") in _people("海川集團董事長蕭文宇出席簽約儀式。")


def test_a_bare_leader_of_a_level_of_government_is_no_recorded_post():
    got = _people("市领导王刚、李华出席签约仪式,江岭大学校长林晓峰致辞。")
    assert got == {("林晓峰", "校长", "江岭大学")}


def test_a_leader_with_a_post_of_their_own_is_recorded():
    got = _people("溪山市副市长王刚出席签约仪式。")
    assert {name for name, _, _ in got} == {"王刚"}
