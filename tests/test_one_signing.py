"""One signing is not multiplied into a visit, an agreement and a joint entity for every pair.

Issue 10's complaint, on an invented paragraph of its shape (one school, five companies). By the
guidelines a one-to-one signing (分别签订) is one agreement per pair, and each base unveiled with
a company is a joint entity of that pair; nobody visited anybody, so there is no visit.
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
