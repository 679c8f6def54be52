"""Near-duplicate detection (documents.neardup): syndicated copies found, different releases kept apart."""

from __future__ import annotations

import pytest

from partnergraph.documents.neardup import NUM_PERM, NearDupIndex, shingles, signature, similarity

RELEASE = """Xi'an Jiaotong University and the University of Liverpool renewed their partnership agreement on 6 June 2023.
Under the agreement, the two universities will continue to run Xi'an Jiaotong-Liverpool University in Suzhou and expand joint doctoral training.
Professor Wang Shuguo, President of Xi'an Jiaotong University, and Professor Tim Jones, Vice-Chancellor of the University of Liverpool, signed the agreement in Xi'an.
The partners also agreed to set up a joint centre for sustainable energy research, with funding for twenty doctoral students a year.
Both presidents said the partnership had trained more than twenty thousand graduates since 2006."""

OTHER = """Shandong University and the University of Glasgow signed a memorandum of understanding on 2 March 2023.
The memorandum covers student exchange in engineering and a joint summer school in Jinan.
Professor Li Shucai, President of Shandong University, met with the Principal of the University of Glasgow, Professor Sir Anton Muscatelli.
The two universities agreed to explore a joint master's programme in data science starting in 2024."""


def _syndicated(text: str) -> str:
    """The copy a portal publishes: its own header and footer, the last paragraph dropped."""
    body = text.split("\n")[:-1]
    return "\n".join(["Home | Education | World", "Source: Partner Portal  2023-06-07  Views: 1203", *body,
                      "Editor: Zhang Wei", "Copyright Partner Portal. All rights reserved."])


def test_a_syndicated_copy_is_found_and_a_different_release_is_not():
    index = NearDupIndex()
    assert index.add("original", RELEASE) is None
    assert index.add("other", OTHER) is None
    assert index.add("portal-copy", _syndicated(RELEASE)) == "original"
    assert "portal-copy" not in index and len(index) == 2
    assert index.find(_syndicated(OTHER)) == "other"


def test_chinese_copies_are_found():
    zh = ("2023年6月6日，西安交通大学与英国利物浦大学续签合作协议。根据协议，双方将继续合作举办西交利物浦大学，"
          "并扩大联合培养博士生规模。西安交通大学校长王树国与利物浦大学校长蒂姆·琼斯在西安签署协议。"
          "双方还同意共建可持续能源联合研究中心，每年资助二十名博士研究生。")
    index = NearDupIndex()
    index.add("zh", zh)
    assert index.add("zh-copy", "来源：合作伙伴网 2023-06-07\n" + zh + "\n责任编辑：张伟") == "zh"
    assert index.add("zh-other", zh.replace("西安交通大学", "山东大学").replace("利物浦大学", "格拉斯哥大学")[:60]) is None


def test_signatures_round_trip_as_bytes():
    sig = signature(RELEASE)
    assert isinstance(sig, bytes) and len(sig) == NUM_PERM * 4
    assert signature(RELEASE) == sig  # deterministic across calls (fixed seed and scheme)
    rebuilt = NearDupIndex.from_signatures([("original", sig)])
    assert rebuilt.add("copy", _syndicated(RELEASE)) == "original"
    assert rebuilt.signature_of("original") == sig
    assert similarity(sig, signature(OTHER)) < 0.2 < 0.9 < similarity(sig, signature(RELEASE + "\n"))


def test_edge_cases():
    index = NearDupIndex()
    assert signature("") is None and signature(" ,.;") is None
    assert index.add("empty", "") is None and "empty" not in index
    assert shingles("two words") == {b"two words"}
    index.add("a", RELEASE)
    assert index.add("a", RELEASE) is None  # the same id again is not its own duplicate
    with pytest.raises(ValueError, match="signature"):
        similarity(b"short", signature(RELEASE))
    with pytest.raises(ValueError):
        NearDupIndex(threshold=0)
