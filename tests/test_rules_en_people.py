"""English people rules: name, title and organization of each post."""

from __future__ import annotations

import partnergraph


def people(text, **kw):
    result = partnergraph.extract(text, lang="en", **kw)
    return {(p.name, p.org): p for p in result.people}, result


def test_name_comma_title_of_org():
    found, _ = people("Mr. Zhao Lei, Chairman of Norland Group, and Ms. Amy Hart, President of Westbrook "
                      "University, attended.")
    assert found[("Zhao Lei", "Norland Group")].title == "Chairman"
    assert found[("Amy Hart", "Westbrook University")].title == "President"


def test_org_title_name():
    found, _ = people("Westbrook University and Norland Group signed an agreement. NLG Chairman Zhao Lei "
                      "and Westbrook President Amy Hart attended. Norland Group (NLG) was founded in 1990.")
    assert ("Zhao Lei", "Norland Group") in found
    assert ("Amy Hart", "Westbrook University") in found


def test_title_name_of_org():
    found, _ = people("Vice President Kim Soo-jin of Daelim Motors visited Ashford University.")
    assert found[("Kim Soo-jin", "Daelim Motors")].title == "Vice President"


def test_title_of_org_comma_name():
    found, _ = people("Vice President of Daelim Motors, Kim Soo-jin, visits Ashford University.")
    assert ("Kim Soo-jin", "Daelim Motors") in found


def test_honorifics_are_stripped_and_upper_case_family_names_kept():
    found, _ = people("A delegation led by Prof. Dr. ZHAO Guoxiang, President of Kaifeng University, came.")
    assert ("ZHAO Guoxiang", "Kaifeng University") in found


def test_two_posts_are_two_entries():
    found, _ = people("Dr. Wang Tao, President of Eastlake University and academician of Chinese Academy of "
                      "Engineering, spoke.")
    assert found[("Wang Tao", "Eastlake University")].title == "President"
    assert found[("Wang Tao", "Chinese Academy of Engineering")].title == "academician"


def test_attendee_list_inherits_the_organization():
    found, _ = people("Professor Li Na, President of Ridgeview University, Professor Chen Bo, Vice President, "
                      "and Hu Min, Dean of School of Law, attended.")
    assert ("Li Na", "Ridgeview University") in found
    assert ("Chen Bo", "Ridgeview University") in found
    assert ("Hu Min", "School of Law") in found


def test_title_name_does_not_take_the_article_organization():
    # GUIDELINES: `org` is null when the text leaves it open; the most-mentioned org is no evidence
    found, _ = people("Soochow Polytechnic University signed an agreement with Kent Group. "
                      "President Xiong Wei said the deal matters for Soochow Polytechnic University.")
    assert ("Xiong Wei", None) in found


def test_outer_organization_of_a_department_post():
    found, _ = people("Wei Wang, Director of Research Department of Polar Aerospace Corporation, signed.")
    post = found[("Wei Wang", "Polar Aerospace Corporation")]
    assert post.title == "Director of Research Department"


def test_on_behalf_of():
    found, _ = people("On behalf of Wujin District Government, Secretary Li Ping expressed thanks.")
    assert ("Li Ping", "Wujin District Government") in found


def test_title_chain_names_each_post_once():
    text = ("Present were Group President Chen Hong, Group Vice President and President of Huaxin "
            "Materials Group Chen Yao, and Vice President of Huaxin Recycling Group Bao Li.")
    found, _ = people(text)
    assert ("Chen Yao", "Huaxin Materials Group") in found
    assert ("Bao Li", "Huaxin Recycling Group") in found
    assert [p.title for (name, _), p in found.items() if name == "Chen Hong"] == ["Group President"]


def test_evidence_marks_name_title_and_org():
    text = "Mr. Zhao Lei, Chairman of Norland Group, attended."
    _, result = people(text)
    spans = {s.field: text[s.start:s.end] for s in result.people[0].evidence}
    assert spans == {"name": "Zhao Lei", "title": "Chairman", "org": "Norland Group"}


def test_capitalized_bin_is_a_given_name():
    found, _ = people("Sanhua Holding Group signed the deal. Sanhua Vice President Wang Bin attended.")
    assert ("Wang Bin", "Sanhua Holding Group") in found


def test_honorific_name_of_org_without_title():
    found, _ = people("The lecture was given by Dr. Jane Hart of Westbrook University.")
    assert found[("Jane Hart", "Westbrook University")].title is None


def test_lower_case_title_and_a_possessive_after_the_name():
    found, _ = people("It is the alma mater of the current president Park Geun-hye's father.")
    assert ("Park Geun-hye", None) in found


def test_post_in_parentheses_after_the_name():
    found, _ = people("The ceremony was attended by Park Ji-min (President, Seoul Robotics Company).")
    assert found[("Park Ji-min", "Seoul Robotics Company")].title == "President"


def test_org_possessive_lower_case_title_comma_name():
    found, _ = people("Westbrook University's president, John Smith, welcomed the guests.")
    assert found[("John Smith", "Westbrook University")].title == "president"


def test_list_of_posts_after_an_organization_and_a_long_title():
    text = ("Lakeshore State University president Helen MARSH, executive vice president Carla DINO, and the "
            "Chairman of the Board of Directors of Norland Group Co., Ltd. Tao Weiming met the delegation.")
    found, _ = people(text)
    assert ("Helen MARSH", "Lakeshore State University") in found
    assert ("Carla DINO", "Lakeshore State University") in found
    assert found[("Tao Weiming", "Norland Group Co., Ltd.")].title == "Chairman of the Board of Directors"


def test_on_behalf_of_applies_only_right_before_the_post():
    found, _ = people("On behalf of Norland Group, Mr. Xu Xiang, President of Norland Group, welcomed the team "
                      "of Westbrook University led by President Bao Xin.")
    assert ("Bao Xin", "Norland Group") not in found


def test_a_title_inside_a_longer_title_claims_no_one():
    found, _ = people("Mr. Li Xiang, Executive Director of the Department of Physics, Mr. Kong Li, and Mr. Ji Heng, "
                      "Vice President of Norland Institute of Chemistry, attended.")
    assert ("Li Xiang", "Department of Physics") in found
    assert not any(name == "Kong Li" for name, _ in found)


def test_open_post_keeps_no_organization():
    found, _ = people("Ashford University and Norland Group signed an agreement on May 3. Ashford University "
                      "hosted the ceremony. Vice President Tom Reyes presided over the ceremony.")
    assert ("Tom Reyes", None) in found


def test_person_and_his_delegation_from_org():
    found, _ = people("Professor Alan Moss and his delegation from Westbrook University visited Norland Group.")
    assert ("Alan Moss", "Westbrook University") in found


def test_leaders_of_org_including():
    found, _ = people("Leaders of Norland Group, including Chairman Zhao Lei and Vice President Amy Hart, "
                      "visited Westbrook University.")
    assert ("Zhao Lei", "Norland Group") in found
    assert ("Amy Hart", "Norland Group") in found


def test_org_leaders_including():
    found, _ = people("Norland Group leaders including President Amy Hart attended the signing with Westbrook "
                      "University.")
    assert ("Amy Hart", "Norland Group") in found


def test_org_represented_by():
    found, _ = people("Westbrook University was represented by the Vice-Chancellor, Prof. Alan Moss, who signed "
                      "the MoU with Norland Group.")
    assert ("Alan Moss", "Westbrook University") in found


def test_title_of_three_fields_at_org():
    found, _ = people("said Omar Haddad, senior vice president of refining, processing and marketing at Norland "
                      "Group, after the signing.")
    assert ("Omar Haddad", "Norland Group") in found


def test_attendees_in_org_included_two_lists():
    found, _ = people("The board meeting was held on May 2. Attendees in Westbrook University included board "
                      "members Amy Hart, Provost, Tom Reyes, Treasurer, and Norland Group board members Zhao Lei, "
                      "Chairman.")
    assert ("Amy Hart", "Westbrook University") in found
    assert ("Tom Reyes", "Westbrook University") in found
    assert ("Zhao Lei", "Norland Group") in found


def test_in_org_the_participants_included():
    found, _ = people("In Norland Group, the participants included President Zhao Lei and Vice President "
                      "Amy Hart.")
    assert ("Zhao Lei", "Norland Group") in found
    assert ("Amy Hart", "Norland Group") in found


def test_hosts_met_at_their_organization():
    found, _ = people("At Westbrook University, the delegation met with President Amy Hart and Dean Tom Reyes. "
                      "During the visit to Norland Group, the guests talked to the president Zhao Lei.")
    assert ("Amy Hart", "Westbrook University") in found
    assert ("Tom Reyes", "Westbrook University") in found
    assert ("Zhao Lei", "Norland Group") in found


def test_title_of_a_field_before_the_name_and_comma_and_list():
    found, _ = people("Westbrook University president Amy Hart, executive vice president Tom Reyes, and vice "
                      "president of foreign affairs Omar Haddad met with the delegation.")
    assert found[("Omar Haddad", "Westbrook University")].title == "vice president of foreign affairs"
    assert ("Tom Reyes", "Westbrook University") in found


def test_org_possessive_before_the_name():
    found, _ = people("Norland Group's Amy Hart, director of marketing, told the crowd.")
    assert ("Amy Hart", "Norland Group") in found


def test_degree_after_the_name():
    found, _ = people("Guests included Paul Rees M.A., CEO of Norland Group, and Professor Jane Doe, PhD, of "
                      "Westbrook University.")
    assert ("Paul Rees", "Norland Group") in found


def test_second_post_with_a_board_before_the_org():
    found, _ = people("Prof. Karl Brandt, Chairman of the Executive Board at Norland Group and Chairman of the "
                      "Senate of the Westbrook Society, spoke.")
    assert ("Karl Brandt", "Norland Group") in found
    assert found[("Karl Brandt", "Westbrook Society")].title == "Chairman of the Senate"


def test_title_with_a_parenthesis_before_the_name():
    found, _ = people("Westbrook University and Norland Group signed an agreement. Vice-Chancellor (VC) "
                      "Professor Dr Amy Hart and Pro-VC (Academic) Prof Dr Tom Reyes attended.")
    assert found[("Amy Hart", None)].title == "Vice-Chancellor"
    assert found[("Tom Reyes", None)].title == "Pro-VC"


def test_org_title_name_when_the_org_ends_in_a_title_modifier():
    found, _ = people("Westbrook University and Norland Group signed an agreement. Norland Group Chairman "
                      "Tom Reyes attended.")
    assert found[("Tom Reyes", "Norland Group")].title == "Chairman"


def test_field_minister_is_at_the_ministry_of_the_field():
    found, _ = people("Norland Group signed an agreement with the Ministry of Health. Health Minister Amy Hart "
                      "attended.")
    assert ("Amy Hart", "Ministry of Health") in found


def test_list_post_with_its_own_of_phrase_keeps_out_of_the_list():
    found, _ = people("Westbrook University signed an agreement with Norland Group on May 2. Amy Hart, president "
                      "of Westbrook University, Tom Reyes, vice chairman of the Harbour Forum, attended.")
    assert ("Tom Reyes", "Westbrook University") not in found


def test_of_the_group_is_the_one_company_named():
    found, _ = people("Westbrook University signed an agreement with Norland Group on May 2. Amy Hart, president "
                      "of Westbrook University, and Tom Reyes, vice president of the group, attended.")
    assert ("Tom Reyes", "Norland Group") in found


def test_the_universitys_title_is_the_one_university_named():
    found, _ = people("Westbrook University signed an agreement with Norland Group on May 2. The university's "
                      "President Amy Hart and the group's Chairman Tom Reyes attended.")
    assert ("Amy Hart", "Westbrook University") in found
    assert ("Tom Reyes", "Norland Group") in found


def test_the_universitys_title_stays_open_with_two_universities():
    found, _ = people("Westbrook University signed an agreement with Lanford University on May 2. The "
                      "university's President Amy Hart attended.")
    assert ("Amy Hart", None) in found


def test_name_comma_a_title_at_org():
    found, _ = people("Westbrook University signed a deal with Norland Group. Amy Hart, a professor at Westbrook "
                      "University, and Tom Reyes, an engineer with Norland Group, led the talks.")
    assert found[("Amy Hart", "Westbrook University")].title == "professor"
    assert found[("Tom Reyes", "Norland Group")].title == "engineer"


def test_plural_title_after_two_names_is_each_ones():
    found, _ = people("In Ridgeview University, the participants included President Zhang Wei, Chen Bo and "
                      "Hu Min, Vice Presidents.")
    assert ("Chen Bo", "Ridgeview University") in found
    assert ("Hu Min", "Ridgeview University") in found


def test_plural_title_before_two_names_with_their_organization():
    found, _ = people("Vice Presidents Chen Bo and Hu Min of Ridgeview University attended.")
    assert ("Chen Bo", "Ridgeview University") in found
    assert ("Hu Min", "Ridgeview University") in found


def test_two_names_opening_a_list_share_a_singular_title():
    found, _ = people("Guo Li, vice president of Norland Group, Yang Tao and Ma Lin, deputy general manager, "
                      "attended.")
    assert ("Yang Tao", "Norland Group") in found
    assert ("Ma Lin", "Norland Group") in found


def test_a_name_after_a_verb_does_not_share_the_next_title():
    found, _ = people("The mayor welcomed Li Ming and Zhang Wei, director of Norland Group.")
    assert ("Zhang Wei", "Norland Group") in found
    assert not any(name == "Li Ming" for name, _ in found)


def test_board_members_list_keeps_each_own_title():
    found, _ = people("Westbrook University board members Amy Hart, President, Tom Reyes, Provost, attended.")
    assert found[("Amy Hart", "Westbrook University")].title == "President"
    assert found[("Tom Reyes", "Westbrook University")].title == "Provost"


def test_month_abbreviation_as_given_name():
    found, _ = people("Jun Ni, Dean of Norland Institute, came on Jun 5.")
    assert ("Jun Ni", "Norland Institute") in found


def test_portfolio_after_of_is_part_of_the_title():
    found, _ = people("Guests included Minister of State Hubert Ansel, Federal Minister of Education and "
                      "Research Anja Keller, and others.")
    assert found[("Hubert Ansel", None)].title == "Minister of State"
    assert found[("Anja Keller", None)].title == "Minister of Education and Research"


def test_portfolio_title_prefers_a_two_word_name_after_a_place():
    found, _ = people("The Mayor of New York Eric Adams came.")
    assert ("Eric Adams", None) in found


def test_plural_group_noun_then_names_are_each_at_the_organization():
    found, _ = people("Three leaders of Norland Group Sun Hong, Zhao Yongbo, and Li Damin attended.")
    for name in ("Sun Hong", "Zhao Yongbo", "Li Damin"):
        assert found[(name, "Norland Group")].title == "leader"


def test_later_bare_org_title_names_the_open_posts_organization():
    found, _ = people("Vice-Chancellor (VC) Professor Dr Amy Hart and President of Norland University Prof Tom "
                      "Reyes signed the MoU. Westbrook University (WU) hosted it. The WU VC thanked the Norland "
                      "University President.")
    assert ("Amy Hart", "Westbrook University") in found


def test_org_title_followed_by_another_name_is_no_reference():
    found, _ = people("President Amy Hart signed. Westbrook University hosted Norland University. The Norland "
                      "University President Tom Reyes spoke.")
    assert ("Amy Hart", None) in found


def test_posts_in_parentheses_after_the_organization():
    found, _ = people("Westbrook University Research Foundation (President: Kim, Soo-Jin, Director: Lee, Ha Na) "
                      "held a ceremony with Daelim Agency (President: Park, Ji-Hoon).")
    assert found[("Kim Soo-Jin", "Westbrook University Research Foundation")].title == "President"
    assert found[("Lee Ha Na", "Westbrook University Research Foundation")].title == "Director"
    assert ("Park Ji-Hoon", "Daelim Agency") in found


def test_generic_owner_between_name_and_title():
    found, _ = people("Westbrook University signed with Norland Group. Dr. Amy Hart, the university's Vice "
                      "President for Research, said it was good.")
    assert found[("Amy Hart", "Westbrook University")].title == "Vice President"


def test_who_is_before_the_title():
    found, _ = people("Amy Hart, who is the president of Westbrook University, said it was good.")
    assert ("Amy Hart", "Westbrook University") in found


def test_titles_joined_by_ampersand_and_a_qualifier_in_parentheses():
    found, _ = people("Amy Hart, President & CEO of Norland Group, and Tom Reyes, Vice-President "
                      "(International) of Westbrook University, spoke.")
    assert found[("Amy Hart", "Norland Group")].title == "President & CEO"
    assert found[("Tom Reyes", "Westbrook University")].title == "Vice-President (International)"


def test_a_place_after_the_title_is_the_titles():
    found, _ = people("The Chilean Ambassador to Kenya, Ana Soto, met Norland Group.")
    assert found[("Ana Soto", None)].title == "Ambassador to Kenya"


def test_more_titles():
    found, _ = people("Amy Hart, senior lecturer at Westbrook University, and Captain Tom Reyes of Norland "
                      "Group spoke.")
    assert ("Amy Hart", "Westbrook University") in found
    assert found[("Tom Reyes", "Norland Group")].title == "Captain"


def test_unit_then_parent_after_a_comma_title():
    found, _ = people("Amy Hart, Director, Centre for Energy, Westbrook University, spoke.")
    assert ("Amy Hart", "Centre for Energy") in found


def test_affiliation_without_a_title():
    found, _ = people("Amy Hart of Westbrook University and Norland Group's Tom Reyes spoke. Li Ming (Daelim "
                      "Motors) came too, and toured the Future Campus of Westbrook University.")
    assert found[("Amy Hart", "Westbrook University")].title is None
    assert ("Tom Reyes", "Norland Group") in found
    assert ("Li Ming", "Daelim Motors") in found
    assert not any(name == "Future Campus" for name, _ in found)


def test_signer_on_behalf_of_an_organization():
    found, _ = people("Amy Hart signed the agreement on behalf of Westbrook University. On behalf of Norland "
                      "Group, Tom Reyes signed it too.")
    assert ("Amy Hart", "Westbrook University") in found
    assert ("Tom Reyes", "Norland Group") in found


def test_dash_between_name_and_title():
    found, _ = people("Amy Hart – President of Westbrook University – and Tom Reyes - CEO, Norland Group, spoke.")
    assert ("Amy Hart", "Westbrook University") in found
    assert ("Tom Reyes", "Norland Group") in found


def test_delegation_members_are_affiliated():
    found, _ = people("The Westbrook University delegation included Amy Hart, Tom Reyes and Li Ming. A delegation "
                      "from Norland Group, including Ana Soto and Kim Lee, visited them.")
    for name in ("Amy Hart", "Tom Reyes", "Li Ming"):
        assert found[(name, "Westbrook University")].title is None
    assert ("Ana Soto", "Norland Group") in found and ("Kim Lee", "Norland Group") in found


def test_delegation_member_with_an_open_title_holds_it_at_the_delegations_organization():
    found, _ = people("The Westbrook University delegation included Amy Hart, Vice President, Tom Reyes and Li Ming.")
    assert found[("Amy Hart", "Westbrook University")].title == "Vice President"
    assert ("Tom Reyes", "Westbrook University") in found and ("Li Ming", "Westbrook University") in found


def test_honours_of_several_words_before_a_name_are_no_part_of_it():
    found, _ = people("The accord was signed by Professor Datuk Ts. Dr. Halimah Rosli, Vice Chancellor of "
                      "Kestrel University, and Tan Sri Arif Zulkarnain, Chairman of Lumio Group.")
    assert found[("Halimah Rosli", "Kestrel University")].title == "Vice Chancellor"
    assert ("Arif Zulkarnain", "Lumio Group") in found


def test_an_honour_with_an_apostrophe_and_an_excellency():
    found, _ = people("Dato’ Sri Arif Zulkarnain, Chairman of Lumio Group, and Her Excellency Mariam "
                      "Osei, Ambassador of Ghana, met at Kestrel University.")
    assert {name for name, _ in found} == {"Arif Zulkarnain", "Mariam Osei"}


def test_prime_minister_and_an_interim_post_are_titles():
    found, _ = people("Prime Minister Tobias Renn came. Edmund Kwaku Ameko, Interim Vice-Chancellor, "
                      "Kestrel University, signed.")
    assert found[("Tobias Renn", None)].title == "Prime Minister"
    assert found[("Edmund Kwaku Ameko", "Kestrel University")].title == "Interim Vice-Chancellor"


def test_an_organization_in_brackets_right_after_a_name_holds_the_post():
    found, _ = people("Kestrel University (KU) and Lumio Group (LG) signed. Representing them were Professor "
                      "Datuk Dr Halimah Rosli (KU) and Professor Arif Zulkarnain (LG).")
    assert ("Halimah Rosli", "Kestrel University") in found
    assert ("Arif Zulkarnain", "Lumio Group") in found


def test_a_title_qualified_by_one_capitalized_word_after_the_name():
    found, _ = people("The delegation included Wen Jia, Admissions Officer, and Ola Berg, Marketing Director "
                      "of Kestrel University.")
    assert found[("Wen Jia", None)].title == "Officer"
    assert ("Ola Berg", "Kestrel University") in found


def test_a_portfolio_with_for_and_with_commas_before_the_name():
    found, _ = people("Commissioner for Refugees Amy Hart spoke. Minister of Higher Education, Science and "
                      "Innovation Tobias Renn and Ola Berg met at Kestrel University.")
    assert found[("Amy Hart", None)].title == "Commissioner for Refugees"
    assert found[("Tobias Renn", None)].title == "Minister of Higher Education, Science and Innovation"
    assert "Ola Berg" not in {name for name, _ in found}


def test_initials_written_together_open_a_name():
    found, _ = people("Harlow University signed with Stennis College, said D.J. Koh, CEO of Stennis College. "
                      "P.L.N.G. Rao and Odile Varga, Pro Vice-Chancellors of Harlow University, attended.")
    assert found[("D.J. Koh", "Stennis College")].title == "CEO"
    assert ("P.L.N.G. Rao", "Harlow University") in found and ("Odile Varga", "Harlow University") in found
    # a country's initials are no name
    found, _ = people("Harlow University hosted the U.S. Ambassador Amy Hart.")
    assert [name for name, _ in found] == ["Amy Hart"]


def test_particles_of_a_long_name_do_not_count_as_its_words():
    found, _ = people("Harlow University signed with Stennis College. His Highness Sheikh Tamer bin Rashid bin "
                      "Tamer Al Harbi, Deputy Ruler of Harlow, attended.")
    assert [name for name, _ in found] == ["Tamer bin Rashid bin Tamer Al Harbi"]
    # four words without particles are a name's most, as before
    found, _ = people("Harlow University met Odile Varga Lin Brand Tor Vick, CEO of Stennis Steel.")
    assert [name for name, _ in found] == ["Lin Brand Tor Vick"]


def test_a_four_word_name_right_after_a_portfolio_field():
    found, _ = people("Harlow University signed with Stennis College in the presence of Iranian Minister of Health "
                      "and Medical Education Seyyed Hasan Ghazali Hashemi.")
    assert found[("Seyyed Hasan Ghazali Hashemi", None)].title == "Minister of Health and Medical Education"
    # after a word that is no field, no four-word name is read
    found, _ = people("Harlow University met the Minister for Planning, Development and Reforms Amy Lin Hart.")
    assert "Reforms Amy Lin Hart" not in [name for name, _ in found]
