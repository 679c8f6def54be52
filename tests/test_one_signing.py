"""One signing is not multiplied into a visit, an agreement and a joint entity for every pair.

Issue 10's complaint, on invented paragraphs of its shape (one school, several companies). By the
guidelines a one-to-one signing (分别签订) is one agreement per pair, and each base unveiled with
a company is a joint entity of that pair; where nobody visited anybody there is no visit. Where
the companies came as one delegation, each visited the school and each signed with it (学校,
该校, 校方 and 双方 after the visit are the school and each company), never with each other.
"""

from __future__ import annotations

from collections import Counter

import partnergraph

SCHOOL = "江岭职业技术学院"
COMPANIES = ["海川科技有限公司", "北湖电气有限公司", "云溪智能装备有限公司", "南岭机械集团", "东港物流有限公司"]
TEXT = (f"2024年3月5日，{SCHOOL}与{'、'.join(COMPANIES)}分别签订校企合作协议，"
        "并为五家企业的实习实训基地揭牌。")


def test_a_one_to_many_signing_is_one_agreement_and_one_base_per_pair():
    for backend in ("learned", "rules"):
        record = partnergraph.extract(TEXT, backend=backend, published="2024-03-06")
        types = Counter(e.type for e in record.events)
        assert types == {"agreement": 5, "joint_entity": 5}, (backend, types)
        for e in record.events:
            assert SCHOOL in e.parties and len(e.parties) == 2
            assert e.date == "2024-03-05"
        assert {c for e in record.events for c in e.parties if c != SCHOOL} == set(COMPANIES)


# A delegation of several companies visits one school and signs with it (issue 10's item, the
# shape a session found): each company visited the school and signed with it; no company is a
# party of another's visit or signing. Chinese gold records one visit per visitor and host.
UNI = "江岭大学"
FIRMS = ["海川科技有限公司", "北湖电气有限公司", "云溪智能装备有限公司"]
BACKENDS = ("learned", "rules")


def _events(text: str, backend: str, lang: str | None = None):
    record = partnergraph.extract(text, backend=backend, published="2024-04-03", lang=lang)
    return Counter((e.type, frozenset(e.parties)) for e in record.events)


def _each_with(kind: str, hub: str, others: list[str]) -> Counter:
    return Counter((kind, frozenset((hub, o))) for o in others)


def test_a_delegation_of_several_companies_visits_and_signs_with_the_school():
    text = (f"4月2日，{FIRMS[0]}、{FIRMS[1]}和{FIRMS[2]}负责人一行来到{UNI}参观考察，"
            "并与学校签订校企合作协议。")
    want = _each_with("visit", UNI, FIRMS) + _each_with("agreement", UNI, FIRMS)
    for backend in BACKENDS:
        assert _events(text, backend) == want, backend


def test_a_visit_a_signing_and_a_plaque_are_one_event_of_each_per_company():
    text = (f"4月2日，{FIRMS[0]}、{FIRMS[1]}负责人一行来到{UNI}参观考察，"
            "并与学校签订校企合作协议，双方为实习实训基地揭牌。")
    want = (_each_with("visit", UNI, FIRMS[:2]) + _each_with("agreement", UNI, FIRMS[:2])
            + _each_with("joint_entity", UNI, FIRMS[:2]))
    for backend in BACKENDS:
        assert _events(text, backend) == want, backend


def test_the_host_receives_a_delegation_of_two_companies():
    text = f"4月2日，{UNI}热情接待了{FIRMS[0]}、{FIRMS[1]}考察团，双方签订合作协议。"
    want = _each_with("visit", UNI, FIRMS[:2]) + _each_with("agreement", UNI, FIRMS[:2])
    for backend in BACKENDS:
        assert _events(text, backend) == want, backend


def test_visitors_joined_by_yu_go_to_the_school_and_sign_with_gai_xiao():
    text = f"4月2日，{FIRMS[0]}与{FIRMS[1]}一行赴{UNI}调研，并与该校签订合作协议。"
    want = _each_with("visit", UNI, FIRMS[:2]) + _each_with("agreement", UNI, FIRMS[:2])
    for backend in BACKENDS:
        assert _events(text, backend) == want, backend


def test_the_companies_sign_with_the_school_in_the_next_sentence():
    text = (f"4月2日，{FIRMS[0]}、{FIRMS[1]}负责人一行来到{UNI}参观考察。"
            "考察结束后，两家企业与学校签订了校企合作协议。")
    for backend in BACKENDS:
        got = _events(text, backend)
        assert Counter({k: n for k, n in got.items() if k[0] == "agreement"}) == \
            _each_with("agreement", UNI, FIRMS[:2]), backend
        assert all(UNI in parties for _, parties in got), backend
    assert _events(text, "rules") == _each_with("visit", UNI, FIRMS[:2]) + _each_with("agreement", UNI, FIRMS[:2])


def test_xiao_fang_after_a_visit_is_the_school_visited():
    text = f"4月2日，{FIRMS[0]}、{FIRMS[1]}负责人一行来到{UNI}参观考察，并与校方签订合作协议。"
    want = _each_with("visit", UNI, FIRMS[:2]) + _each_with("agreement", UNI, FIRMS[:2])
    assert _events(text, "rules") == want
    for backend in BACKENDS:
        assert all(UNI in parties for _, parties in _events(text, backend)), backend


def test_xue_xiao_of_an_article_that_says_wo_xiao_is_its_own_university():
    text = (f"4月2日，学校与{FIRMS[0]}签订合作协议。{UNI}校长李明出席签约仪式。"
            "我校将与该公司共建实验室。")
    for backend in BACKENDS:
        assert _events(text, backend) == _each_with("agreement", UNI, FIRMS[:1]), backend


# The English analogue: one visit with every visitor (the English gold's way), and the
# university with each company for "signed agreements with the university".
EN_UNI = "Westfield University"
EN_FIRMS = ["Harbor Ridge Technology Co.", "Lumio Labs Inc.", "Kestrel Robotics Ltd."]


def test_executives_of_three_companies_visit_a_university_and_sign_agreements_with_it():
    text = (f"On April 2, 2024, executives of {EN_FIRMS[0]}, {EN_FIRMS[1]} and {EN_FIRMS[2]} visited "
            f"{EN_UNI} and signed cooperation agreements with the university.")
    want = _each_with("agreement", EN_UNI, EN_FIRMS) + Counter({("visit", frozenset([*EN_FIRMS, EN_UNI])): 1})
    for backend in BACKENDS:
        # the learned layer keeps the listed visitors and their host, and adds no company pair
        assert _events(text, backend, "en") == want, backend


def test_companies_sign_agreements_with_the_one_named_after_with():
    text = (f"On April 2, 2024, {EN_FIRMS[0]}, {EN_FIRMS[1]} and {EN_FIRMS[2]} signed cooperation "
            f"agreements with {EN_UNI}.")
    for backend in BACKENDS:
        assert _events(text, backend, "en") == _each_with("agreement", EN_UNI, EN_FIRMS), backend
