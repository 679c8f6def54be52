"""Hypothesis: extraction never raises on arbitrary text, and its evidence stays inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph import extract
from partnergraph.documents.normalize import match_view

# Text built from the pieces releases are made of, so the rules actually fire.
PIECES = st.sampled_from([
    "Alpha University", "Beta Group Co., Ltd.", " and ", " signed ", "a strategic cooperation agreement",
    " with ", "(AU)", " visited ", "President ", "Jane Roe", ", ", ". ", "\n", "On May 3", " 2024",
    "东湖大学", "与", "华星集团", "签署", "战略合作协议", "校长", "王建国", "、", "。", "5月18日", "一行来访",
    "Joint Laboratory", "联合实验室", "揭牌", "\"", "(", ")", "《", "》",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join), st.sampled_from([None, "2024-01-26"]))
def test_extract_is_total_and_grounded(text, published):
    rec = extract(text, published=published)
    for item in [*rec.organizations, *rec.people, *rec.events]:
        for span in item.evidence:
            assert 0 <= span.start <= span.end <= len(text)
    for event in rec.events:
        assert len(set(event.parties)) >= 2


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text(text):
    rec = extract(text)
    assert rec.text == text


@given(st.text(max_size=200))
def test_match_view_keeps_length(text):
    assert len(match_view(text)) == len(text)
