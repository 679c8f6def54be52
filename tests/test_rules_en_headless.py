"""English: organizations known by a bare name ("Zentrix", "Halvora Bio"), accepted when the sentence's
shape makes them a party of cooperation; people, places and common words in the same shapes are not."""

from __future__ import annotations

import partnergraph


def run(text):
    result = partnergraph.extract(text, lang="en")
    return {o.name for o in result.organizations}, [sorted(e.parties) for e in result.events]


def test_subject_that_signed_with_a_named_party():
    orgs, events = run("Zentrix signed a supply agreement with Halvora on Tuesday.")
    assert {"Zentrix", "Halvora"} <= orgs
    assert ["Halvora", "Zentrix"] in events


def test_subject_with_adverbs_and_a_two_word_partner():
    orgs, events = run("Zentrix has formally signed a memorandum of understanding with Halvora Bio.")
    assert {"Zentrix", "Halvora Bio"} <= orgs
    assert ["Halvora Bio", "Zentrix"] in events


def test_partners_teams_up_and_has_partnered_with():
    for verb in ("partners with", "teams up with", "has partnered with", "joined forces with",
                 "is collaborating with"):
        orgs, _ = run(f"Zentrix {verb} Halvora to build chargers for trucks.")
        assert {"Zentrix", "Halvora"} <= orgs, verb


def test_pair_that_will_collaborate_or_cooperate():
    for verb in ("will collaborate on", "cooperate on", "announced a strategic partnership on"):
        orgs, _ = run(f"Zentrix and Halvora {verb} solid-state batteries.")
        assert {"Zentrix", "Halvora"} <= orgs, verb


def test_subject_that_announced_or_struck_a_deal_with():
    orgs, events = run("Zentrix announced a strategic partnership with Halvora Bio.")
    assert {"Zentrix", "Halvora Bio"} <= orgs
    assert ["Halvora Bio", "Zentrix"] in events
    orgs, _ = run("Zentrix has struck a licensing deal with Halvora.")
    assert {"Zentrix", "Halvora"} <= orgs


def test_possessive_partnership_with():
    orgs, _ = run("Zentrix's partnership with Orland University began in spring.")
    assert "Zentrix" in orgs


def test_appositive_with_a_kind_noun():
    orgs, events = run("Zentrix, a battery startup based in Oslo, and Halvora, a German manufacturer, "
                       "signed a deal on Friday.")
    assert {"Zentrix", "Halvora"} <= orgs
    assert ["Halvora", "Zentrix"] in events
    orgs, _ = run("Trelvik Dynamics, a company headquartered in Bergen, opened a plant.")
    assert "Trelvik Dynamics" in orgs


def test_founder_of_a_consortium_or_joint_venture():
    orgs, events = run("Zentrix announced a $12 million battery consortium made up of itself, two firms, "
                       "Orland University and Norvik University.")
    assert "Zentrix" in orgs
    assert ["Norvik University", "Orland University", "Zentrix"] in events
    orgs, _ = run("Olsen launched a new alliance. Mark Olsen is a lawyer.")
    assert "Olsen" not in orgs
    orgs, _ = run("Zentrix launched a new phone on Monday.")
    assert "Zentrix" not in orgs


def test_possessive_before_an_executive_title():
    orgs, _ = run("Zentrix's CEO Mark Olsen said the plant would open next year.")
    assert "Zentrix" in orgs


def test_person_as_subject_is_no_organization():
    orgs, _ = run("Mark Olsen, CEO of Halvora Group, said Olsen signed an agreement with Orland University.")
    assert "Olsen" not in orgs
    orgs, _ = run("Olsen signed an agreement with Halvora. Mark Olsen is a lawyer in Oslo.")
    assert "Olsen" not in orgs
    orgs, _ = run("President Olsen signed an agreement with Halvora Group.")
    assert "Olsen" not in orgs


def test_person_in_capitals_meeting_is_no_organization():
    orgs, _ = run("Vice president of foreign affairs Erik VANGSNES met with the delegation from Orland University.")
    assert not any("VANGSNES" in o for o in orgs)


def test_person_or_product_in_an_appositive_is_no_organization():
    orgs, _ = run("Mark Olsen, a company director, and Orland University signed a memorandum.")
    assert "Mark Olsen" not in orgs
    orgs, _ = run("Mark Olsen, the company's CEO, praised the deal with Orland University.")
    assert "Mark Olsen" not in orgs
    orgs, _ = run("Zentrix Pad, a tablet made in Oslo, and Halvora Group signed a memorandum.")
    assert "Zentrix Pad" not in orgs


def test_place_month_and_sentence_word_are_no_organization():
    for subject in ("Oslo", "Monday", "January"):
        orgs, _ = run(f"{subject} signed an agreement with Halvora Group.")
        assert subject not in orgs, subject
    orgs, _ = run("Separately, a company based in Oslo opened a plant.")
    assert "Separately" not in orgs
    orgs, _ = run("Overall, a firm based in Bergen won. Sales rose overall.")
    assert "Overall" not in orgs


def test_no_cooperation_shape_no_organization():
    orgs, _ = run("Zentrix announced a new product line on Monday.")
    assert "Zentrix" not in orgs


def test_related_link_line_names_no_organization():
    orgs, _ = run("Orland University opened a lab.\nSee also: Zentrix signs deal with Halvora\n"
                  "The lab will study batteries.")
    assert "Zentrix" not in orgs and "Halvora" not in orgs


def test_repeated_shapes_stay_linear():
    import time

    for unit in ("Zentrix signed a deal with Halvora. ", "Separately, a company based in Oslo opened. ",
                 "Olsen, a firm in Oslo, partners with Zentrix's CEO Mark. "):
        start = time.process_time()
        partnergraph.extract(unit * 20_000, lang="en")
        assert time.process_time() - start < 10.0, unit


def test_a_field_or_region_word_after_a_bare_name():
    orgs, events = run("Zentrix EU and Halvora Medical signed a supply agreement on Monday.")
    assert {"Zentrix EU", "Halvora Medical"} <= orgs
    assert ["Halvora Medical", "Zentrix EU"] in events
    orgs, _ = run("Orland University signed an agreement with Zentrix China.")
    assert "Zentrix China" in orgs
    # the region alone, or a place with a field word, is no bare name
    orgs, _ = run("EU and Oslo Health signed a memorandum with Orland University.")
    assert "EU" not in orgs and "Oslo Health" not in orgs


def test_a_connective_opening_the_sentence_is_no_party():
    for word in ("Instead", "Nevertheless", "Therefore", "Likewise", "Meanwhile"):
        r = partnergraph.extract(f"{word}, Zentrix and Halvora signed an agreement on May 3. Zentrix makes sensors.",
                                 published="2024-05-05", lang="en")
        assert word not in [o.name for o in r.organizations], word
        assert [set(e.parties) for e in r.events] == [{"Zentrix", "Halvora"}], word
