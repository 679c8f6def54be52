"""A whole hard-wrapped press release through the English rules: every part in one place."""

from __future__ import annotations

import partnergraph

ARTICLE = """News

Lakeshore University and Norvane Holding Group Sign Strategic Cooperation Agreement

2022-05-18

On May 16, Lakeshore University (LSU) and Norvane Holding Group signed a strategic
cooperation agreement in Hangzhou. Wu Zhaohui, President of Lakeshore University, and
Li Shufu, Chairman of Norvane Holding Group, attended the signing ceremony and delivered
speeches. Vice President He Lianzhen presided over the ceremony.

Under the agreement, the two parties will cooperate in the fields of intelligent
vehicles, new energy and talent training. They will also establish a joint research
institute on automotive engineering.

Before the ceremony, Li Shufu and his delegation visited the LSU College of Control
Science and Engineering and the State Key Laboratory of Industrial Control Technology.

Norvane and LSU first cooperated in 2015, when the LSU-Norvane Automotive Innovation Center
was set up jointly by the two sides.
"""


def test_whole_article():
    r = partnergraph.extract(ARTICLE, lang="en")
    assert r.published == "2022-05-18"
    orgs = {o.name: o for o in r.organizations}
    assert "LSU" in orgs["Lakeshore University"].aliases
    assert "Norvane" in orgs["Norvane Holding Group"].aliases
    assert "LSU College of Control Science and Engineering" in orgs
    people = {(p.name, p.org) for p in r.people}
    assert {("Wu Zhaohui", "Lakeshore University"), ("Li Shufu", "Norvane Holding Group"),
            ("He Lianzhen", None)} <= people  # the text leaves her university open
    events = {(e.type, frozenset(e.parties), e.date) for e in r.events}
    pair = frozenset({"Lakeshore University", "Norvane Holding Group"})
    assert events == {("agreement", pair, "2022-05-16"), ("visit", pair, "2022-05-16"),
                      ("joint_entity", pair, "2015")}
    agreement = next(e for e in r.events if e.type == "agreement")
    assert agreement.location == "Hangzhou"
    assert agreement.topics == ["intelligent vehicles", "new energy", "talent training"]
    entity = next(e for e in r.events if e.type == "joint_entity")
    assert entity.entity == "LSU-Norvane Automotive Innovation Center"
    for item in r.organizations + r.people + r.events:
        for span in item.evidence:
            assert 0 <= span.start < span.end <= len(ARTICLE)
