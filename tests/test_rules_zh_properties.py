"""Property tests for the Chinese rule engine: any text, however broken, gives records whose
evidence lies inside the text and quotes it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.extraction.rules.chinese import extract_items
from partnergraph.models import Document

# the characters the rules react to, plus a lone surrogate from a bad decode
ALPHABET = list("与和及、,。;:()“”《》「」大学集团公司政府人民区委市委书记长副校院医院局厅联盟"
                "实验室签署协议来访考察座谈会揭牌成立共建年月日0123456789 \n我校双方张王李赵一行"
                "分别在举行AB-—臺灣簽走访参观来自等企业网站会见迎来第5G院士科技有限") + ["\ud800", "·"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_evidence_lies_in_the_text_and_quotes_it(text):
    orgs, people, events = extract_items(Document(id="p", text=text, lang="zh"))
    for item in orgs + people + events:
        assert 0.0 <= item.confidence <= 1.0
        for span in item.evidence:
            assert 0 <= span.start <= span.end <= len(text)
    for org in orgs:
        assert any(text[s.start:s.end] == org.name for s in org.evidence)
        for s in org.evidence:  # a name span quotes the name; an alias span one of the aliases
            if s.field == "name":
                assert text[s.start:s.end] == org.name
            elif s.field == "alias":
                assert text[s.start:s.end] in org.aliases
    for person in people:
        assert person.name in text
    for event in events:
        assert len(set(event.parties)) >= 2
