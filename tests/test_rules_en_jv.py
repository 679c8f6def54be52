"""English joint entities in business-news shapes: an appositive venture name, a merger into a
venture, a lab whose partner is told in the next sentence; and what is not a joint entity."""

from __future__ import annotations

import partnergraph


def jv(text, published="2025-09-20"):
    result = partnergraph.extract(text, lang="en", published=published)
    return [(e.type, sorted(e.parties), e.date, e.entity) for e in result.events]


def test_announced_venture_with_dash_appositive_name():
    found = jv("Norvale Electronics and Pellam Group have announced that their joint venture – Norpell Display "
               "Corporation – will launch on October 1.")
    assert found == [("joint_entity", ["Norvale Electronics", "Pellam Group"], "2025-10-01",
                      "Norpell Display Corporation")]


def test_announced_venture_with_comma_appositive_name():
    found = jv("Norvale Electronics and Pellam Group announced that their joint venture, Norpell Display "
               "Corporation, will start operations on October 1.")
    assert found == [("joint_entity", ["Norvale Electronics", "Pellam Group"], "2025-10-01",
                      "Norpell Display Corporation")]


def test_announced_venture_still_to_be_set_up_is_a_plan():
    assert jv("Norvale Electronics and Pellam Group announced that their joint venture, Norpell Display "
              "Corporation, will be set up in October.") == []
    assert jv("Norvale Electronics and Pellam Group announced that their joint venture will launch on "
              "October 1.") == []


def test_businesses_merged_into_a_venture_without_a_name():
    found = jv("Sharp and Zentrix agreed on March 4 to merge their optical disc businesses into a joint venture.")
    assert found == [("joint_entity", ["Sharp", "Zentrix"], "2025-03-04", None)]


def test_a_planned_merger_is_not_a_venture():
    assert jv("Sharp and Zentrix plan to merge their optical disc businesses into a joint venture.") == []


def test_opened_lab_whose_partner_is_told_next():
    found = jv("Norvale Electronics opened the Norvale Smart Grid Laboratory in Qinhe on June 3. The joint lab, a "
               "result of long-term cooperation with Qinhe University, studies power storage.")
    assert found == [("joint_entity", ["Norvale Electronics", "Qinhe University"], "2025-06-03",
                      "Norvale Smart Grid Laboratory")]


def test_a_company_opening_its_own_lab_is_no_joint_entity():
    assert jv("Norvale Electronics opened the Norvale Smart Grid Laboratory in Qinhe on June 3. The lab will "
              "study power storage.") == []


def test_joint_words_that_set_up_nothing():
    assert jv("Norvale Electronics and Pellam Group issued a joint statement on Monday.") == []
    assert jv("Norvale Electronics thanked Pellam Group for their joint efforts on Monday.") == []
    assert jv("Norvale Electronics sold its stake to Kestrel Partners, a venture capital firm, on Monday.") == []


def test_venture_told_as_history_without_founders_is_no_event():
    # GUIDELINES: a background set-up is an event only with its founders named (two parties)
    assert jv("Pellam Group said on Monday that the joint venture set up in 2010 reported profits.") == []


def test_bare_founder_names_and_a_venture_named_again_later():
    text = ("Kovra and Zentrix have officially announced that their display joint venture – Lumex Display "
            "Corporation – will launch on October 1. Lumex Display Corporation will make panels, and Lumex "
            "Display Corporation will employ 300 people.")
    assert jv(text) == [("joint_entity", ["Kovra", "Zentrix"], "2025-10-01", "Lumex Display Corporation")]


def test_venture_told_as_history_is_dated_by_its_set_up_year():
    # GUIDELINES: background set-ups are events, dated as far as the text fixes them
    found = jv("The joint venture set up in 2010 by Norvale Electronics and Pellam Group reported profits on Monday.")
    assert found == [("joint_entity", ["Norvale Electronics", "Pellam Group"], "2010", None)]
    found = jv("The Norpell Battery Institute, set up jointly by Norvale University and Pellam Group in 2009, "
               "released a report on Monday.")
    assert found == [("joint_entity", ["Norvale University", "Pellam Group"], "2009", "Norpell Battery Institute")]


def test_named_venture_before_its_apposition_is_no_founder():
    found = jv("Norpell Display Corporation, a joint venture founded in 2012 by Norvale Electronics and Pellam "
               "Group, hired 200 workers on Monday. Norpell Display Corporation makes panels.")
    assert found == [("joint_entity", ["Norvale Electronics", "Pellam Group"], "2012", "Norpell Display Corporation")]


def test_set_up_day_and_a_later_year_keep_the_day():
    found = jv("Norvale Electronics and Pellam Group set up a joint venture on Monday after talks that began in 2019.")
    assert found == [("joint_entity", ["Norvale Electronics", "Pellam Group"], "2025-09-15", None)]
    found = jv("On Monday, Norvale Electronics and Pellam Group set up a joint venture that will open plants in 2027.")
    assert found == [("joint_entity", ["Norvale Electronics", "Pellam Group"], "2025-09-15", None)]
