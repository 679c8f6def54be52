"""English names with no head word standing where a party stands (learn/names.add_actors): after
"a project with", "visited", before "signs"/"clinched", or where a post is held ("Director of the
Kestrel Museum", "Amy Hart, President, Lumio"). All texts invented."""

from partnergraph.documents import prepare
from partnergraph.learn.names import add_actors
from partnergraph.models import Organization, Span


def _new(text, known=(), people=()):
    orgs = []
    for name in known:
        at = text.index(name)
        orgs.append(Organization(name=name, kind="company", evidence=[Span(start=at, end=at + len(name), field="name")]))
    doc = prepare(text, id="t", lang="en")
    out = add_actors(doc, orgs, None, list(people))
    assert all(o.stage == "actor" for o in out[len(orgs):])
    return [o.name for o in out[len(orgs):]]


def test_a_name_after_a_deal_with_or_before_signs_is_a_candidate():
    text = ("Kestrel Motors (KM -0.2%) signs a joint venture agreement with Zotrel. The plan also covers a "
            "joint lithium project with Veltrix in Chile. Lumio CNS also clinched a separate MOU with the "
            "Harlow Authority.")
    assert _new(text, ["Zotrel", "Harlow Authority"]) == ["Kestrel Motors", "Veltrix", "Lumio CNS"]


def test_the_organization_where_a_post_is_held():
    text = ("Amy Hart, Director of the Tarn Palace Museum, and Lin Dao, General Director of the Orvale "
            "Kremlin Museums, signed. \u201cIt works\u201d, said Ruth Vance, Executive Director, SAC.")
    people = [(text.index(n), text.index(n) + len(n)) for n in ("Amy Hart", "Lin Dao", "Ruth Vance")]
    assert _new(text, people=people) == ["Tarn Palace Museum", "Orvale Kremlin Museums", "SAC"]


def test_no_passive_place_person_field_or_deal_name():
    text = ("The Memorandum of Understanding signed in 2006 was renewed. The Forum, hosted by Harlow. "
            "Kestrel visited China and Amy Hart. She is Minister of Education. A deal with Similarly.")
    at = text.index("Amy Hart")
    assert _new(text, ["Kestrel", "Harlow"], people=[(at, at + 8)]) == []
