"""Pages pasted from the web carry no-break, ideographic and thin spaces: a name written
with one is the same name as with a plain space, in every pass that compares names."""

import pytest

import partnergraph

ARTICLE = """Strategic cooperation agreement between LKU and NOSC signed

A strategic cooperation agreement between LKU and Northern Ocean Shipping Corporation (NOSC) was signed in the Lakeside Exchange Centre on March 10th. NOSC Chairman Tianming Zhao and LKU President Lina Wu attended the signing ceremony.

Before the signing ceremony, Tianming Zhao visited the Lakeside Laboratory for Marine Robotics and the LKU School of Naval Engineering."""


def summary(text):
    rec = partnergraph.extract(text, published="2021-03-12")
    return (
        sorted((e.type, tuple(e.parties)) for e in rec.events),
        sorted((p.name, p.title, p.org) for p in rec.people),
        sorted(o.name for o in rec.organizations),
    )


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u3000", "\t"])
def test_an_odd_space_inside_a_name_changes_nothing(space):
    plain = summary(ARTICLE)
    assert ("visit", ("Northern Ocean Shipping Corporation", "LKU")) in plain[0]
    assert summary(ARTICLE.replace("Tianming Zhao and", f"Tianming{space}Zhao and")) == plain


def test_evidence_still_points_into_the_original_text():
    text = ARTICLE.replace("Tianming Zhao and", "Tianming\u00a0Zhao and")
    rec = partnergraph.extract(text, published="2021-03-12")
    (zhao,) = [p for p in rec.people if p.name == "Tianming Zhao"]
    assert any(text[s.start:s.end] == "Tianming\u00a0Zhao" for s in zhao.evidence)
