"""English event rules: type, parties, date, one event per distinct event, no plans."""

from __future__ import annotations

import partnergraph


def events(text, **kw):
    result = partnergraph.extract(text, lang="en", **kw)
    return [(e.type, sorted(e.parties), e.date) for e in result.events], result


def test_agreement_between_with_date_from_published_year():
    found, _ = events("On the afternoon of March 3, the signing ceremony of the strategic cooperation agreement "
                      "between Linhai University and Brightwave Group was held in the lecture hall.",
                      published="2022-03-05")
    assert found == [("agreement", ["Brightwave Group", "Linhai University"], "2022-03-03")]


def test_day_without_year_and_no_published_date():
    found, _ = events("On May 20, Linhai University signed a memorandum of understanding with Brightwave Group.")
    assert found == [("agreement", ["Brightwave Group", "Linhai University"], "--05-20")]


def test_headline_and_body_tell_one_signing():
    text = ("Linhai University and Brightwave Group Signed Cooperation Agreement\n\n"
            "On September 9, Linhai University and Brightwave Group signed a cooperation agreement.")
    found, _ = events(text, published="2021-09-10")
    assert found == [("agreement", ["Brightwave Group", "Linhai University"], "2021-09-09")]


def test_plans_are_not_events():
    found, _ = events("Linhai University will sign an agreement with Brightwave Group next year. "
                      "Kestrel Motors plans to set up a joint laboratory with Linhai University.")
    assert found == []


def test_visit_and_signing_are_two_events():
    text = ("On June 2, a delegation led by President Omar Saleh of Qasim University visited Linhai "
            "University. During the visit, Qasim University and Linhai University signed a memorandum "
            "of understanding.")
    found, _ = events(text, published="2023-06-04")
    assert ("visit", ["Linhai University", "Qasim University"], "2023-06-02") in found
    assert ("agreement", ["Linhai University", "Qasim University"], "2023-06-02") in found
    assert len(found) == 2


def test_talks_at_a_signing_are_not_a_meeting():
    found, _ = events("Linhai University and Brightwave Group signed an agreement and held talks on "
                      "cooperation in robotics.")
    assert [f[0] for f in found] == ["agreement"]


def test_named_meeting():
    found, _ = events("On the morning of January 25, the 2023 Cooperation Summary Meeting between Brightwave "
                      "Group and Linhai University was held in Hefei.", published="2024-01-26")
    assert found == [("meeting", ["Brightwave Group", "Linhai University"], "2024-01-25")]


def test_joint_entity_with_entity_name():
    _, result = events("On October 8, the Linhai-Brightwave Joint Laboratory of Robotics, set up jointly by "
                       "Linhai University and Brightwave Group, was unveiled.", published="2020-10-09")
    ev = [e for e in result.events if e.type == "joint_entity"]
    assert len(ev) == 1
    assert sorted(ev[0].parties) == ["Brightwave Group", "Linhai University"]
    assert ev[0].entity == "Linhai-Brightwave Joint Laboratory of Robotics"


def test_background_joint_venture_with_year():
    found, _ = events("In 2009, Kestrel Motors and Brightwave Group established a joint venture.")
    assert found == [("joint_entity", ["Brightwave Group", "Kestrel Motors"], "2009")]


def test_signings_with_several_partners_one_per_event():
    text = ("On July 4, Brightwave Group signed a strategic cooperation agreement with Kestrel Motors. "
            "On July 17, Brightwave Group signed a supply agreement with Orion Airlines.")
    found, _ = events(text)
    assert ("agreement", ["Brightwave Group", "Kestrel Motors"], "--07-04") in found
    assert ("agreement", ["Brightwave Group", "Orion Airlines"], "--07-17") in found


def test_two_sides_means_the_main_parties():
    text = ("Linhai University and Brightwave Group have a long history. On April 2, the two sides signed a "
            "framework agreement.")
    found, _ = events(text, published="2019-04-03")
    assert found == [("agreement", ["Brightwave Group", "Linhai University"], "2019-04-02")]


def test_no_cooperation_no_event():
    found, _ = events("Professor Chen Hua of Linhai University gave a lecture at Kestrel Institute of "
                      "Mathematics on March 3. He received an award from Brightwave Group.")
    assert found == []


def test_location_and_topics():
    _, result = events("Linhai University signed an agreement with Brightwave Group in Wuhan. The two sides "
                       "will cooperate in the fields of robotics, new materials and talent training.")
    ev = result.events[0]
    assert ev.location == "Wuhan"


def test_topics_in_the_signing_sentence():
    _, result = events("Linhai University signed an agreement with Brightwave Group on cooperation in the "
                       "fields of robotics, new materials and talent training.")
    assert result.events[0].topics == ["robotics", "new materials", "talent training"]


def test_event_evidence_quotes_trigger_and_date():
    text = "On May 20, 2021, Linhai University signed an agreement with Brightwave Group."
    _, result = events(text)
    ev = result.events[0]
    fields = {s.field: text[s.start:s.end] for s in ev.evidence}
    assert fields["date"] == "May 20, 2021"
    assert "signed" in fields["trigger"]
    assert 0.0 <= ev.confidence <= 1.0


def test_hosted_delegation_is_a_visit():
    found, result = events("On 12 June, Linhai University hosted a delegation from Kyoto University led by "
                           "Professor Sato Ken.", published="2020-06-20")
    assert found == [("visit", ["Kyoto University", "Linhai University"], "2020-06-12")]
    assert [(p.name, p.org) for p in result.people] == [("Sato Ken", "Kyoto University")]


def test_sentence_adverb_is_no_party():
    found, result = events("Earlier, Linhai University and Kyoto University signed a framework agreement in 2015.")
    assert found == [("agreement", ["Kyoto University", "Linhai University"], "2015")]
    assert {o.name for o in result.organizations} == {"Linhai University", "Kyoto University"}


def test_news_outlet_cited_as_source_is_no_organization():
    _, result = events("The Amman Chamber of Commerce signed a memorandum with the Hebron Chamber of Commerce, "
                       "the Jordan News Agency, Petra, reported.")
    assert {o.name for o in result.organizations} == {"Amman Chamber of Commerce", "Hebron Chamber of Commerce"}


def test_unveiled_entity_takes_its_builders_from_the_next_sentence():
    text = ("The Linhai-Brightwave Joint Laboratory was officially unveiled on June 1. The laboratory was "
            "jointly built by Linhai University and Brightwave Group in 2021.")
    found, result = events(text, published="2023-06-20")
    assert found == [("joint_entity", ["Brightwave Group", "Linhai University"], "2023-06-01")]
    assert result.events[0].entity == "Linhai-Brightwave Joint Laboratory"


def test_a_meeting_about_a_lab_is_no_lab_launch():
    found, _ = events("Linhai University and Brightwave Group held a working meeting on joint laboratory "
                      "construction on March 2.", published="2023-03-05")
    assert found == [("meeting", ["Brightwave Group", "Linhai University"], "2023-03-02")]


def test_conference_organization_is_a_topic_not_a_meeting():
    found, _ = events("During the meeting, Linhai University and Brightwave Group signed a cooperation agreement "
                      "on research, conference organization and seminars.")
    assert [f[0] for f in found] == ["agreement"]


def test_talks_during_a_visit_are_part_of_the_visit():
    text = ("On June 2, a delegation of Qasim University visited Linhai University. Later, Qasim University "
            "met with Linhai University to discuss joint degrees.")
    found, _ = events(text, published="2023-06-04")
    assert [f[0] for f in found] == ["visit"]


def test_a_tour_of_several_hosts_is_one_visit_per_host():
    text = ("From October 12th to the 18th, a delegation of Kaifeng University paid a working visit to Akron "
            "Polytechnic University, Stroudsburg University and Windsor Institute of Technology.")
    found, _ = events(text, published="2019-10-25")
    assert sorted(found) == [
        ("visit", ["Akron Polytechnic University", "Kaifeng University"], "2019-10-12"),
        ("visit", ["Kaifeng University", "Stroudsburg University"], "2019-10-12"),
        ("visit", ["Kaifeng University", "Windsor Institute of Technology"], "2019-10-12"),
    ]


def test_a_background_signing_does_not_take_the_lead_date():
    text = ("On April 4, Linhai University and Brightwave Group signed a memorandum of understanding.\n\n"
            "Linhai University has already signed similar agreements with Kestrel Motors and Orion Airlines, "
            "respectively.")
    found, _ = events(text, published="2023-04-06")
    assert ("agreement", ["Brightwave Group", "Linhai University"], "2023-04-04") in found
    assert ("agreement", ["Kestrel Motors", "Linhai University"], None) in found
    assert ("agreement", ["Linhai University", "Orion Airlines"], None) in found


def test_alliance_launch_lists_its_founders_and_a_partnership_is_an_agreement():
    found, result = events("On March 8, the Delta Robotics Alliance was launched in Shanghai. The alliance was "
                           "initiated by Kestrel Motors, Linhai University and Brightwave Group.",
                           published="2021-03-10")
    assert found == [("joint_entity", ["Brightwave Group", "Kestrel Motors", "Linhai University"], "2021-03-08")]
    assert result.events[0].entity == "Delta Robotics Alliance"
    found, _ = events("Linhai University and Kestrel Motors entered into a strategic partnership on March 8.",
                      published="2021-03-10")
    assert found == [("agreement", ["Kestrel Motors", "Linhai University"], "2021-03-08")]


def test_a_branch_acts_not_its_parent():
    found, _ = events("On May 20, a seminar of the alliance was organized by the Western Regional Headquarters of "
                      "Kestrel Motors (Kestrel West Investment Company) with Linhai University.")
    assert found == [("meeting", ["Kestrel West Investment Company", "Linhai University"], "--05-20")]


def test_weekday_resolved_against_the_published_date():
    # 2024-05-30 is a Thursday: "Wednesday" is the day before
    found, _ = events("An agreement between Westbrook University and Norland Group was signed Wednesday.",
                      published="2024-05-30")
    assert found[0][2] == "2024-05-29"


def test_weekday_without_published_date_gives_no_day():
    found, _ = events("An agreement between Westbrook University and Norland Group was signed on Wednesday.")
    assert found[0][2] is None


def test_announced_partnership_is_an_agreement():
    found, _ = events("Westbrook University and Norland Group have announced a $3 million joint research program "
                      "on batteries.")
    assert [(t, p) for t, p, _ in found] == [("agreement", ["Norland Group", "Westbrook University"])]


def test_announced_plan_is_no_agreement():
    found, _ = events("Westbrook University and Norland Group announced they will form a partnership next year.")
    assert found == []


def test_memorandum_to_establish_is_no_joint_entity():
    found, _ = events("Norland Group and Westbrook University signed an MoU to establish a joint institute.")
    assert [t for t, _, _ in found] == ["agreement"]


def test_delegation_led_by_org_title_name():
    found, _ = events("Westbrook University welcomed a delegation led by Norland Group Chairman Tom Reyes on "
                      "May 3, 2023.")
    assert found == [("visit", ["Norland Group", "Westbrook University"], "2023-05-03")]


def test_the_two_sides_of_a_tour_stop_are_the_delegation_and_that_host():
    text = ("From May 3 to 9, a delegation of Kaifeng University visited Akron Polytechnic University and "
            "Windsor Institute of Technology.\n\n"
            "During the visit to Windsor Institute of Technology, its president met with the delegation. The two "
            "sides signed an agreement on student exchange.\n\n"
            "At Akron Polytechnic University, the delegation toured the Akron School of Engineering.")
    found, _ = events(text, published="2019-05-12")
    assert sorted(found) == [
        ("agreement", ["Kaifeng University", "Windsor Institute of Technology"], None),
        ("visit", ["Akron Polytechnic University", "Kaifeng University"], "2019-05-03"),
        ("visit", ["Kaifeng University", "Windsor Institute of Technology"], "2019-05-03"),
    ]


def test_the_two_sides_hold_talks_about_a_named_institute():
    text = ("A delegation of Kaifeng University visited Stroudsburg University on May 4. Stroudsburg University "
            "president Ann Welsh met with the delegation. The two sides held talks about the Kaifeng Confucius "
            "Institute.")
    found, _ = events(text, published="2019-05-12")
    assert found == [("visit", ["Kaifeng University", "Stroudsburg University"], "2019-05-04")]


def test_a_meeting_during_a_visit_is_part_of_the_visit():
    text = ("A delegation of Linhai University visited Kyoto University on May 3. During his visit, President Tom "
            "Reyes met with the heads of the Kyoto Alumni Association and the Osaka Alumni Association.")
    found, _ = events(text, published="2019-05-05")
    assert found == [("visit", ["Kyoto University", "Linhai University"], "2019-05-03")]


def test_a_forum_of_one_organizer_takes_no_partner_from_the_article():
    text = ("Linhai University and Kyoto University have long cooperated. The Business Forum, organized on May 3 "
            "by Linhai University, hosted 300 participants from industry.")
    found, _ = events(text, published="2019-05-05")
    assert found == []


def test_a_medical_college_is_no_unit_of_its_partner():
    text = ("Linhai University has signed a memorandum of understanding with Brightwave Medical College and "
            "Hospital. The MoU was signed in the presence of the Registrar of Linhai University, Tom Reyes, and "
            "the Dean of Brightwave Medical College and Hospital, Ann Lee. Brightwave Medical College and "
            "Hospital will help Linhai University build a hospital under the Kestrel Institute of Excellence "
            "program.")
    found, result = events(text)
    assert found == [("agreement", ["Brightwave Medical College and Hospital", "Linhai University"], None)]
    assert result.events[0].location is None  # "signed in the presence of": no place


def test_the_byline_date_dates_the_page_not_the_signing():
    text = ("Linhai University signs MoU with Brightwave Group\n\nEducation | Written By Anna Smith | Updated: Mar 29, "
            "2021 6:00 pm IST\n\nLinhai University has signed a memorandum of understanding with Brightwave Group "
            "for five years.\n\nThe MoU was signed in the presence of the Vice-Chancellor of Linhai University.")
    found, _ = events(text, published="2021-03-30")
    assert found == [("agreement", ["Brightwave Group", "Linhai University"], None)]


def test_a_joint_institute_agreement_is_a_document_not_an_entity_set_up():
    found, _ = events("Linhai University and Kyoto University held a review meeting on May 3. According to the "
                      "Joint Institute Agreement, the institute has worked with Linhai University and Kyoto "
                      "University and established new regulations.", published="2019-05-05")
    assert [t for t, _, _ in found] == ["meeting"]


def test_a_party_that_also_participated_in_the_agreement_joins_it():
    found, _ = events("Linhai University and Kyoto University signed an academic cooperation agreement on May 3. "
                      "The agreement covers student exchange. The Kestrel Provincial Assembly also participated in "
                      "the agreement.", published="2019-05-05")
    assert found == [("agreement", ["Kestrel Provincial Assembly", "Kyoto University", "Linhai University"],
                      "2019-05-03")]


def test_a_delegation_visiting_places_visits_no_host():
    found, _ = events("Linhai University signed an agreement with the Kestrel Ministry of Water.\n\nKestrel Ministry "
                      "of Water and Linhai University officials also visited Momona Park and the Grand Mosque.")
    assert [t for t, _, _ in found] == ["agreement"]


def test_days_told_against_the_published_day():
    text = "On the 5th, Westbrook University signed an agreement with Norland Group."
    assert events(text, published="2023-03-08")[0][0][2] == "2023-03-05"
    assert events(text, published="2023-03-02")[0][0][2] == "2023-02-05"  # the 5th is still to come
    assert events(text)[0][0][2] is None
    text = "Westbrook University signed an agreement with Norland Group yesterday."
    assert events(text, published="2023-03-01")[0][0][2] == "2023-02-28"
    text = "Last month, Westbrook University signed an agreement with Norland Group."
    assert events(text, published="2023-01-10")[0][0][2] == "2022-12"
    text = "On the 5th anniversary of their ties, Westbrook University signed an agreement with Norland Group."
    assert events(text, published="2023-03-08")[0][0][2] is None


def test_a_meeting_held_between_two_organizations():
    found, _ = events("The annual meeting of the Westbrook-Norland partnership was held on March 5 between "
                      "Westbrook University and Norland Group.", published="2023-03-08")
    assert found == [("meeting", ["Norland Group", "Westbrook University"], "2023-03-05")]


def test_a_consortium_launched_by_its_members():
    found, _ = events("Westbrook University, Norland Group and Kestrel Motors launched the Northern Sensor "
                      "Consortium on March 5.", published="2023-03-08")
    assert found == [("joint_entity", ["Kestrel Motors", "Norland Group", "Westbrook University"], "2023-03-05")]


def test_more_ways_to_tell_a_visit():
    found, _ = events("Li Wei, Chairman of Norland Group, paid a courtesy call on Westbrook University President "
                      "Tom Reyes on March 5.", published="2023-03-08")
    assert found == [("visit", ["Norland Group", "Westbrook University"], "2023-03-05")]
    found, _ = events("Li Wei, Chairman of Norland Group, led a delegation to Westbrook University on March 5.",
                      published="2023-03-08")
    assert found == [("visit", ["Norland Group", "Westbrook University"], "2023-03-05")]


def test_an_extended_agreement_and_a_joint_workshop():
    found, _ = events("Westbrook University and Norland Group extended their partnership agreement on March 5.",
                      published="2023-03-08")
    assert found == [("agreement", ["Norland Group", "Westbrook University"], "2023-03-05")]
    found, _ = events("Westbrook University and Norland Group held a joint workshop on battery safety on March 5.",
                      published="2023-03-08")
    assert found == [("meeting", ["Norland Group", "Westbrook University"], "2023-03-05")]


def test_agreements_with_several_partners_are_one_signing_each():
    found, _ = events("At the event, Norland Group signed agreements with Westbrook University, Kestrel Motors and "
                      "Orion Airlines.")
    assert sorted(found) == [("agreement", ["Kestrel Motors", "Norland Group"], None),
                             ("agreement", ["Norland Group", "Orion Airlines"], None),
                             ("agreement", ["Norland Group", "Westbrook University"], None)]


def test_entities_set_up_by_named_builders():
    _, result = events("The Kestrel Institute of Robotics, set up jointly by Linhai University and Brightwave Group "
                       "in 2009, has trained 300 engineers.")
    assert [(e.type, sorted(e.parties), e.date, e.entity) for e in result.events] == [
        ("joint_entity", ["Brightwave Group", "Linhai University"], "2009", "Kestrel Institute of Robotics")]
    _, result = events("Linhai University and Brightwave Group set up the Kestrel Institute of Robotics in 2009.")
    assert [(e.type, sorted(e.parties), e.entity) for e in result.events] == [
        ("joint_entity", ["Brightwave Group", "Linhai University"], "Kestrel Institute of Robotics")]
    _, result = events("Norland Group and Kestrel Motors established NorKes Battery Co., Ltd., a 50-50 joint "
                       "venture, in 2019.")
    assert [(e.type, sorted(e.parties), e.entity) for e in result.events] == [
        ("joint_entity", ["Kestrel Motors", "Norland Group"], "NorKes Battery Co., Ltd.")]


def test_a_research_center_of_one_company_is_no_joint_entity():
    found, _ = events("Westbrook University signed an agreement with Norland Group in 2015. In 2019, Norland Group "
                      "set up a research center in Oslo with Westbrook University graduates.")
    assert [t for t, _, _ in found] == ["agreement"]


def test_they_unveil_an_entity_after_their_signing():
    _, result = events("Westbrook University and Norland Group signed a cooperation agreement on March 5. At the "
                       "ceremony, they also unveiled the Smart Battery Joint Laboratory.", published="2023-03-08")
    ev = [(e.type, sorted(e.parties), e.date, e.entity) for e in result.events]
    assert ("joint_entity", ["Norland Group", "Westbrook University"], "2023-03-05",
            "Smart Battery Joint Laboratory") in ev
    assert len(ev) == 2


def test_a_joint_body_named_after_two_organizations_stands_for_them():
    found, _ = events("Westbrook University and Norland Group have cooperated since 2015. On March 5, the "
                      "Westbrook-Norland Joint Steering Committee held its annual meeting at Westbrook University.",
                      published="2023-03-08")
    assert found == [("meeting", ["Norland Group", "Westbrook University"], "2023-03-05")]


def test_a_chairman_headed_for_the_host_city_to_sign():
    text = ("Norland Group Signs Agreement with Kestria Municipal Government\n\n"
            "On May 7, Li Wei, chairman of Norland Group, headed for Kestria and held the signing ceremony of a "
            "strategic cooperation agreement with Kestria Municipal Government.")
    found, _ = events(text, published="2019-05-20")
    assert sorted(found) == [("agreement", ["Kestria Municipal Government", "Norland Group"], "2019-05-07"),
                             ("visit", ["Kestria Municipal Government", "Norland Group"], "2019-05-07")]


def test_a_leader_and_his_party_visit_the_host():
    text = ("Westbrook and Norland Development Zone Signed a Cooperation Agreement\n\n"
            "On May 7, Westbrook Government and Norland Development Zone signed a cooperation agreement.\n\n"
            "Before signing the agreement, Li Wei and his party visited the Westbrook Port and the new campus.")
    found, _ = events(text, published="2019-05-20")
    assert sorted(found) == [("agreement", ["Norland Development Zone", "Westbrook Government"], "2019-05-07"),
                             ("visit", ["Norland Development Zone", "Westbrook Government"], "2019-05-07")]


def test_a_month_without_a_day_takes_the_published_year():
    found, _ = events("In May, Westbrook University signed an agreement with Norland Group.", published="2023-06-08")
    assert found[0][2] == "2023-05"
    found, _ = events("In December, Westbrook University signed an agreement with Norland Group.",
                      published="2023-06-08")
    assert found[0][2] == "2022-12"  # a month still to come is last year's
    found, _ = events("In May, Westbrook University signed an agreement with Norland Group.")
    assert found[0][2] is None


def test_a_sponsor_of_a_signing_is_no_party():
    found, _ = events("Westbrook University and Norland Group signed an agreement on March 5 with the support of "
                      "the Kestria Science Foundation.", published="2023-03-08")
    assert found == [("agreement", ["Norland Group", "Westbrook University"], "2023-03-05")]


def test_headless_names_in_party_slots_of_visits_and_headlines():
    found, _ = events("On March 5, a delegation of Westbrook University visited Zentrix in Oslo. Zentrix makes "
                      "batteries.", published="2023-03-08")
    assert found == [("visit", ["Westbrook University", "Zentrix"], "2023-03-05")]
    found, _ = events("On March 5, Zentrix received a delegation from Westbrook University. Zentrix makes batteries.",
                      published="2023-03-08")
    assert found == [("visit", ["Westbrook University", "Zentrix"], "2023-03-05")]
    found, _ = events("Zentrix inks deal with Volkora\n\nZentrix will supply batteries to Volkora.")
    assert found == [("agreement", ["Volkora", "Zentrix"], None)]
    # two words after "visited" may be a person: no organization
    found, _ = events("Tom Reyes of Westbrook University visited Li Wei in Oslo. Li Wei is a poet.")
    assert found == []


def test_the_delegation_of_another_organization_is_a_new_visitor():
    text = ("A delegation of Kaifeng University visited Linhai University on May 3.\n\nOn May 9, the delegation of "
            "Brightwave Group visited Kyoto University.")
    found, _ = events(text, published="2023-05-10")
    assert sorted(found) == [("visit", ["Brightwave Group", "Kyoto University"], "2023-05-09"),
                             ("visit", ["Kaifeng University", "Linhai University"], "2023-05-03")]


def test_a_visit_told_only_through_its_talks_is_the_visit():
    found, _ = events("During his visit to Westbrook University on March 5, Li Wei, Chairman of Norland Group, met "
                      "with President Tom Reyes.", published="2023-03-08")
    assert found == [("visit", ["Norland Group", "Westbrook University"], "2023-03-05")]
    found, _ = events("During the visit, Li Wei, Chairman of Norland Group, met with Tom Reyes, President of "
                      "Westbrook University, on March 5.", published="2023-03-08")
    assert found == [("visit", ["Norland Group", "Westbrook University"], "2023-03-05")]


def test_dates_of_something_else_in_the_sentence():
    found, _ = events("Westbrook University, founded on May 1, 1950, signed an agreement with Norland Group on "
                      "March 5.", published="2023-03-08")
    assert found[0][2] == "2023-03-05"
    found, _ = events("Westbrook University signed an agreement with Norland Group, valid until December 31, 2025.",
                      published="2023-03-08")
    assert found[0][2] is None


def test_fields_of_cooperation_from_the_verb_and_cut_at_the_clause():
    _, result = events("Westbrook University and Norland Group signed an agreement in Oslo on March 5 to cooperate in "
                       "battery research, talent training and technology transfer.", published="2023-03-08")
    assert result.events[0].topics == ["battery research", "talent training", "technology transfer"]
    _, result = events("Westbrook University and Norland Group signed an MoU on cooperation in the field of on "
                       "artificial intelligence.")
    assert result.events[0].topics == ["artificial intelligence"]
    _, result = events("Westbrook University and Norland Group signed an MoU to cooperate in as many areas as "
                       "possible.")
    assert result.events[0].topics == []


def test_a_toured_host_with_no_other_cue_word():
    found, _ = events("On March 5, officials of Westbrook University toured Zentrix in Oslo. Zentrix makes batteries.",
                      published="2023-03-08")
    assert found == [("visit", ["Westbrook University", "Zentrix"], "2023-03-05")]


def test_headed_for_something_not_named_is_no_trip():
    found, _ = events("Norland Group is headed for a merger with Kestrel Motors, analysts said.")
    assert found == []


def test_an_announced_consortium_is_set_up_but_announced_results_are_not():
    found, _ = events("Norland University announced a $12 million nanotech consortium comprised of itself, several "
                      "industry partners, and two other universities - Tufts Polytechnic University and Kestrel "
                      "University.")
    assert found == [("joint_entity", ["Kestrel University", "Norland University", "Tufts Polytechnic University"],
                      None)]
    found, _ = events("Norland Group announced the results of its joint venture with Kestrel Motors on March 5.")
    assert found == []


def test_a_listed_research_body_is_a_founder_and_the_named_center_the_entity():
    text = ("Westbrook University Business Forum\n\nThe Business Forum, organized on November 9 by Westbrook "
            "University and Norland University, hosted 300 guests.\n\nAt the forum, the Hydrogen Flagship launch "
            "opened the collaboration of hydrogen research with Westbrook University, Norland University, the "
            "Kestria Technical Research Centre and the Joint Center for Future Fuels, established by Orion Labs.")
    _, result = events(text, published="2022-11-20")
    ev = [e for e in result.events if e.type == "joint_entity"]
    assert [(sorted(e.parties), e.date, e.entity) for e in ev] == [
        (["Kestria Technical Research Centre", "Norland University", "Westbrook University"], "2022-11-09",
         "Joint Center for Future Fuels")]


def test_a_tour_over_a_date_range_dates_every_host_by_its_first_day():
    # CONVENTIONS 8: a range is its first day, for every host the sentence names
    text = ("From May 3 to 9, a delegation of Kaifeng University paid a working visit to Akron Polytechnic "
            "University, Stroudsburg University and Windsor Institute of Technology.")
    found, _ = events(text, published="2019-05-25")
    assert sorted(found, key=str) == sorted([
        ("visit", ["Akron Polytechnic University", "Kaifeng University"], "2019-05-03"),
        ("visit", ["Kaifeng University", "Stroudsburg University"], "2019-05-03"),
        ("visit", ["Kaifeng University", "Windsor Institute of Technology"], "2019-05-03"),
    ], key=str)


def test_a_delegation_led_to_visit_several_hosts_is_a_visit_of_each():
    text = ("On May 4, Tomas Lind, President of Orvelle University, led a delegation to visit Dunmore "
            "University, Kessling Institute of Technology and Pellham Polytechnic.")
    found, _ = events(text, published="2024-05-10")
    assert sorted(f[:2] for f in found) == [
        ("visit", ["Dunmore University", "Orvelle University"]),
        ("visit", ["Kessling Institute of Technology", "Orvelle University"]),
        ("visit", ["Orvelle University", "Pellham Polytechnic"]),
    ]


def test_an_invitation_to_visit_is_no_visit():
    found, _ = events("Orvelle University and Dunmore University signed an agreement on May 4. The president "
                      "invited the Dunmore team to visit Orvelle University next year.")
    assert [f[0] for f in found] == ["agreement"]


def test_a_delegation_led_to_a_host_for_a_visit_is_a_visit():
    text = ("On May 4, Tomas Lind, President of Orvelle University, led a delegation to Dunmore University "
            "for a visit.")
    found, _ = events(text, published="2024-05-10")
    assert found == [("visit", ["Dunmore University", "Orvelle University"], "2024-05-04")]


def test_the_annual_meeting_of_a_joint_institute_is_a_meeting_of_its_parents():
    text = ("On May 4, the annual meeting of the Orvelle-Dunmore Joint Institute was held at Orvelle "
            "University. The institute was set up by Orvelle University and Dunmore Labs in 2019.")
    found, _ = events(text, published="2024-05-10")
    assert ("meeting", ["Dunmore Labs", "Orvelle University"], "2024-05-04") in found


def test_an_alliance_launched_takes_its_founding_members_from_the_next_sentence():
    text = ("On May 4, the Northern Cell Alliance was launched in Tromso. Its founding members are "
            "Orvelle University, Dunmore Labs, Kessling Institute of Technology and Pellham Polytechnic.")
    found, result = events(text, published="2024-05-10")
    assert found == [("joint_entity", ["Dunmore Labs", "Kessling Institute of Technology", "Orvelle University",
                                       "Pellham Polytechnic"], "2024-05-04")]
    assert result.events[0].entity == "Northern Cell Alliance"
