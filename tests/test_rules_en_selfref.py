"""English: "the Group", "the University" for the one organization of the article it can mean."""

from __future__ import annotations

import partnergraph


def extract(text):
    result = partnergraph.extract(text, lang="en")
    events = [(e.type, sorted(e.parties)) for e in result.events]
    quoted = [text[s.start:s.end] for e in result.events for s in e.evidence if s.field == "party"]
    return events, quoted, result


def test_the_group_signed_with_x():
    events, quoted, _ = extract(
        "Hexa Group Signs Framework Agreement with Lanshan Technology\n\n"
        "On May 3, the Group signed a Strategic Cooperation Framework Agreement with Lanshan Technology "
        "Co., Ltd. in Qinghe.")
    assert events == [("agreement", ["Hexa Group", "Lanshan Technology Co., Ltd."])]
    assert "the Group" in quoted


def test_the_groups_chairman_attended():
    events, quoted, result = extract(
        "Hexa Group Signs Agreement with Lanshan University\n\n"
        "On May 3, the Group’s chairman Ma Ming attended the signing ceremony of a strategic cooperation "
        "agreement with Lanshan University.")
    assert [(p.name, p.title, p.org) for p in result.people] == [("Ma Ming", "chairman", "Hexa Group")]
    assert events == [("agreement", ["Hexa Group", "Lanshan University"])]
    assert "the Group" in quoted  # the evidence quotes the description standing for Hexa Group


def test_the_university_and_x_signed():
    events, quoted, _ = extract(
        "Westbrook University Deepens Ties with Norland\n\n"
        "On May 3, the University and Norland Institute of Technology signed a memorandum of understanding.")
    assert events == [("agreement", ["Norland Institute of Technology", "Westbrook University"])]
    assert "the University" in quoted


def test_two_groups_in_the_article_give_nothing():
    events, quoted, _ = extract(
        "Hexa Group and Norland Group Expand in Qinghe\n\n"
        "On May 3, the Group signed an agreement with Lanshan University.")
    assert "the Group" not in quoted
    assert all("Hexa Group" not in p or "Norland Group" in p for _, p in events)


def test_the_group_of_students_is_no_organization():
    _, quoted, _ = extract(
        "Hexa Group Hosts Students\n\n"
        "On May 3, the group of students signed an agreement with Lanshan University.")
    assert not any("group" in q for q in quoted)


def test_generic_company_with_two_companies_gives_nothing():
    events, quoted, _ = extract(
        "Hexa Corporation and Norland Trading Co., Ltd. Meet in Qinghe\n\n"
        "On May 3, the company signed an agreement with Lanshan University.")
    assert "the company" not in quoted
    assert events == []


def test_never_the_other_party_of_the_sentence():
    events, quoted, _ = extract(
        "Westbrook University and Norland Group Sign Agreement\n\n"
        "On May 3, the Group signed an agreement with Norland Group.")
    assert "the Group" not in quoted


def test_publisher_never_named_gives_nothing():
    # "the University" is the publisher, never named; Lanshan University is named once, after it
    _, quoted, _ = extract(
        "On May 3, the 12th Lecture of the University was held. Professor Amy Hart of Lanshan University "
        "gave the lecture. Later the University signed a cooperation agreement with Norland Group.")
    assert "the University" not in quoted


def test_a_second_group_named_once_still_makes_it_ambiguous():
    _, quoted, _ = extract(
        "Hexa Group Signs Agreement with Lanshan University\n\n"
        "Norland Group sent a message. On May 3, the Group signed an agreement with Lanshan University.")
    assert "the Group" not in quoted


def test_university_of_x_is_a_university_too():
    _, quoted, _ = extract(
        "Lanshan University Signs Agreement with the University of Westbrook\n\n"
        "On May 3, Lanshan University signed an agreement with the University of Westbrook. "
        "Later the University signed a second agreement with Norland Group.")
    assert "the University" not in quoted
