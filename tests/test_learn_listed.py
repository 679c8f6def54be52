"""English names listed beside an organization candidate (learn/names.add_listed): the other
members of the list become candidates of their own; an acronym right before a candidate's name
in brackets becomes its alias. All texts invented."""

from partnergraph.documents import prepare
from partnergraph.learn.names import add_listed
from partnergraph.models import Organization, Span


def _known(text, *names):
    out = []
    for name in names:
        ats = [i for i in range(len(text)) if text.startswith(name, i)]
        out.append(Organization(name=name, kind="company",
                                evidence=[Span(start=at, end=at + len(name), field="name") for at in ats]))
    return out


def _new(text, known, people=()):
    doc = prepare(text, id="t", lang="en")
    orgs = add_listed(doc, _known(text, *known), None, list(people))
    return orgs, [o.name for o in orgs[len(known):]]


def test_the_other_members_of_a_list_with_a_known_organization_are_candidates():
    text = ("The programme sees Orlen Biotech, Kestrel Labs, Vance Dynamics and Lumio Pharmaceutical "
            "all join with the Harlow Cancer Centre.")
    orgs, new = _new(text, ["Lumio Pharmaceutical", "Harlow Cancer Centre"])
    assert new == ["Orlen Biotech", "Kestrel Labs", "Vance Dynamics"]
    assert all(o.stage == "listed" for o in orgs[2:])
    kestrel = orgs[3]
    assert [(s.start, s.end) for s in kestrel.evidence] == [(text.index("Kestrel"), text.index("Kestrel") + 12)]


def test_two_names_joined_by_and_and_an_of_name():
    text = "On Monday, Corvale Trust and the Rectors Summit of Leading Colleges of Brindle signed a pact."
    _, new = _new(text, ["Corvale Trust"])
    assert new == ["Rectors Summit of Leading Colleges of Brindle"]  # not "On Monday"


def test_an_acronym_before_a_name_in_brackets_is_its_alias():
    text = "The delegation held heads of Tarn Plus, KVTA (Kestrel Venture Trade Agency), and Lumio Trade Association came."
    orgs, new = _new(text, ["Kestrel Venture Trade Agency"])
    assert orgs[0].aliases == ["KVTA"]
    assert new == ["Tarn Plus", "Lumio Trade Association"]


def test_no_person_place_common_word_or_acronym_after_a_name_is_listed():
    text = ("Kestrel Labs, Lahore, Pakistan, and Vance Dynamics met. The MoU was signed by Kestrel Labs, "
            "Amy Hart and President Lin Dao. Kestrel Labs (KL) and Brindle Group fund Education, Training "
            "and research. Similarly, Vance Dynamics and Farmington Hills-based engineers agreed.")
    at = text.index("Amy Hart")
    _, new = _new(text, ["Kestrel Labs", "Vance Dynamics"], people=[(at, at + 8)])
    assert new == ["Brindle Group"]


def test_a_list_with_no_known_organization_adds_nothing():
    text = "Orlen Biotech, Kestrel Labs and Vance Dynamics signed."
    _, new = _new(text, [])
    assert new == []
