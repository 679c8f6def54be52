"""English organization rules: one short text of our own per rule."""

from __future__ import annotations

import partnergraph


def orgs(text, **kw):
    result = partnergraph.extract(text, lang="en", **kw)
    return {o.name: o for o in result.organizations}, result


def test_head_final_and_head_initial_names():
    found, _ = orgs("Officials of Qinghai Mining Group met the University of Science and Technology of "
                    "Liaoning on Monday.")
    assert "Qinghai Mining Group" in found
    assert "University of Science and Technology of Liaoning" in found
    assert found["Qinghai Mining Group"].kind == "company"
    assert found["University of Science and Technology of Liaoning"].kind == "university"


def test_and_splits_two_names_but_not_a_field_pair():
    found, _ = orgs("Talks between Lakeside University and Norland Group covered the School of Materials "
                    "and Chemical Engineering.")
    assert {"Lakeside University", "Norland Group", "School of Materials and Chemical Engineering"} <= set(found)


def test_title_cuts_a_name():
    found, _ = orgs("Mr. Lin Bo, Chairman of Tidewater Holdings, spoke.")
    assert "Tidewater Holdings" in found
    assert not any("Chairman" in n for n in found)


def test_acronym_in_parentheses_and_later_use():
    found, result = orgs("Northern Plains Energy Corporation (NPEC) opened an office. NPEC said it was pleased.")
    org = found["Northern Plains Energy Corporation"]
    assert "NPEC" in org.aliases
    quoted = {result.text[s.start:s.end] for s in org.evidence}
    assert quoted == {"Northern Plains Energy Corporation", "NPEC"}


def test_quoted_acronym_definition():
    found, _ = orgs('Ridge Transport Investment Corporation ("RTIC") signed a memorandum with Valeport '
                    'University.')
    assert "RTIC" in found["Ridge Transport Investment Corporation"].aliases


def test_legal_suffix_chain_and_place_in_parentheses():
    found, _ = orgs("Chairman Zhou of ORCA New Materials Technology (Wuhu) Co., Ltd. attended.")
    assert "ORCA New Materials Technology (Wuhu) Co., Ltd." in found


def test_short_form_is_an_alias():
    found, _ = orgs("Marlow University and Brightwave Group signed an agreement. Brightwave will fund labs "
                    "and Marlow will train engineers.")
    assert "Brightwave" in found["Brightwave Group"].aliases
    assert "Marlow" in found["Marlow University"].aliases


def test_initials_make_an_acronym_alias():
    found, _ = orgs("HNUT and Pearl Shipping Company signed a deal. Hunan Normal University of Technology "
                    "hosted the event.")
    assert "HNUT" in found["Hunan Normal University of Technology"].aliases


def test_headless_name_in_an_organization_slot():
    found, _ = orgs("A delegation led by Vice President Park Ji-ho of KESCO visited Orland University. "
                    "KESCO Chairman Lee Min praised the visit.")
    assert "KESCO" in found


def test_headless_names_as_signing_parties():
    found, _ = orgs("Zentra, Volkane and PETRIX signed a memorandum of understanding on Monday.")
    assert {"Zentra", "Volkane", "PETRIX"} <= set(found)


def test_venues_and_generic_references_are_not_organizations():
    found, _ = orgs("The signing took place in the Grand Exchange Centre at Riverside Industrial Park. "
                    "The university and the company thanked the provincial government.")
    assert found == {}


def test_quoted_alliance_name():
    found, _ = orgs('Members of the "Blue Sky" Alliance met in Chengdu.')
    assert '"Blue Sky" Alliance' in found
    assert found['"Blue Sky" Alliance'].kind == "alliance"


def test_province_needs_its_of_tail():
    found, _ = orgs("The Province of Ontario signed an agreement with Maple Institute in Hubei Province.")
    assert "Province of Ontario" in found
    assert "Hubei Province" not in found


def test_peoples_government():
    found, _ = orgs("Westfield Group signed a framework agreement with Haidian District People's Government.")
    assert "Haidian District People's Government" in found
    assert found["Haidian District People's Government"].kind == "government"


def test_reordered_and_cut_forms_merge():
    found, _ = orgs("Leaders of the Institute of Marine Research spoke. The Marine Research Institute has "
                    "forty staff.")
    assert "Marine Research Institute" in found["Institute of Marine Research"].aliases


def test_headline_title_case_stops_at_verbs():
    text = ("Harbin Polytechnic University Signs Agreement with Sunrise Group\n\n"
            "Harbin Polytechnic University signed an agreement with Sunrise Group on May 3.")
    found, _ = orgs(text)
    assert {"Harbin Polytechnic University", "Sunrise Group"} == set(found)


def test_evidence_quotes_the_text_with_curly_quotes():
    text = "Officials of Chang\u2019an Mining Group visited \u201cGreenleaf\u201d Institute of Botany."
    found, result = orgs(text)
    for org in result.organizations:
        for span in org.evidence:
            assert 0 <= span.start < span.end <= len(text)
    assert "Chang'an Mining Group" in found


def test_a_person_before_a_verb_is_no_organization():
    found, _ = orgs("Executive vice president ZHAO Guoxiang of Kaifeng University led the trip. ZHAO Guoxiang "
                    "visited Akron Polytechnic University and met with its president.")
    assert "ZHAO Guoxiang" not in found
    assert {"Kaifeng University", "Akron Polytechnic University"} <= set(found)


def test_a_name_with_a_nationality_word_in_a_subject_slot():
    found, _ = orgs("German U15 met with the French partner organisation Udice in Paris. German U15 and Udice "
                    "signed a joint declaration.")
    assert {"German U15", "Udice"} <= set(found)


def test_acronym_beside_a_known_name_and_a_number_in_a_name():
    found, _ = orgs("In terms of training, UEH and Military Hospital 175 will work with each other.")
    assert {"UEH", "Military Hospital 175"} <= set(found)


def test_ampersand_joins_inside_a_name_and_an_acronym_spells_the_whole_run():
    found, _ = orgs("Mr. Woo, Director of Job Creation & Employment Division of KOSME, spoke. Officials of the "
                    "Council of Arctic and Nordic Nations (CANN) attended.")
    assert "Job Creation & Employment Division" in found
    assert "CANN" in found["Council of Arctic and Nordic Nations"].aliases


def test_units_of_an_unnamed_organization_are_not_organizations():
    found, _ = orgs("Managers of the Group's Information Department and Technology Department attended with "
                    "Westbrook University.")
    assert set(found) == {"Westbrook University"}


def test_name_without_its_legal_form_is_found_again():
    found, _ = orgs("Toyota Motor Corp and Panasonic Corp said they would cooperate. Panasonic will "
                         "transfer plants.")
    assert "Panasonic" in found["Panasonic Corp"].aliases
    assert len(found["Panasonic Corp"].evidence) == 2


def test_chinese_name_in_parentheses_is_an_alias():
    result = partnergraph.extract("Westbrook University (西溪大学) signed an agreement with Norland Group（北岭集团）"
                                  "on May 5, 2023. The deal lets 西溪大学 students intern at Norland Group.",
                                  lang="en")
    orgs = {o.name: o for o in result.organizations}
    assert "西溪大学" in orgs["Westbrook University"].aliases
    assert "北岭集团" in orgs["Norland Group"].aliases
    assert sum(e.field == "alias" for e in orgs["Westbrook University"].evidence) == 2
    assert "西溪大学" not in orgs and "北岭集团" not in orgs


def test_place_as_party_is_its_named_government():
    found, result = orgs("Lanxi and Norland Group signed a cooperation agreement on May 3. "
                         "The Lanxi government will help Norland Group build a plant.")
    assert "Lanxi" in found["Lanxi government"].aliases
    assert "Lanxi" not in found
    assert [sorted(e.parties) for e in result.events] == [["Lanxi government", "Norland Group"]]


def test_listed_place_as_party_without_government_is_no_company():
    found, _ = orgs("Tianjin and Norland Group signed a cooperation agreement on May 3.")
    assert "Tianjin" not in found


def test_listed_place_maps_to_the_government_the_text_names():
    found, _ = orgs("Norland Group signed an agreement with Tianjin Municipal Government on May 3. "
                    "Norland Group and Tianjin signed a second deal.")
    assert "Tianjin" in found["Tianjin Municipal Government"].aliases


def test_two_heads_joined_at_the_end_are_one_name():
    found, _ = orgs("Westbrook University signed an MoU with Lanford Medical College and Hospital (LMCH). "
                    "Norland Group signed a deal with the Ministry of Fisheries and Waterways.")
    assert "LMCH" in found["Lanford Medical College and Hospital"].aliases
    assert "Ministry of Fisheries and Waterways" in found
    assert "Westbrook University" in found


def test_and_between_two_named_bodies_still_splits():
    found, _ = orgs("Lanford Medical College and Institute of Physics signed an agreement.")
    assert "Lanford Medical College" in found
    assert "Institute of Physics" in found


def test_name_after_a_noun_of_its_kind():
    found, _ = orgs("Global pharmaceutical company Norvix announced a venture. Fortune 500 companies including "
                    "Kestrel, Arvane-Holt, and several banks joined.")
    assert {"Norvix", "Kestrel", "Arvane-Holt"} <= set(found)


def test_possessive_before_a_titled_person():
    found, result = orgs("Norvix launched a phone on Monday. Norvix's Ryan Bale, director of marketing, spoke.")
    assert "Norvix" in found
    assert ("Ryan Bale", "Norvix") in {(p.name, p.org) for p in result.people}


def test_acronyms_listed_after_a_known_name():
    found, _ = orgs("Norland Group, LMU and TUM signed a joint statement.")
    assert {"Norland Group", "LMU", "TUM"} <= set(found)


def test_acronym_not_spelling_the_cut_name_takes_the_words_before_and():
    found, _ = orgs("The Korea SMEs and Startups Agency (KOSME) signed an MoU with Westbrook University. KOSME "
                    "will fund it.")
    assert "KOSME" in found["Korea SMEs and Startups Agency"].aliases


def test_and_between_two_names_with_an_acronym_still_splits():
    found, _ = orgs("Lanford Institute and Westbrook University (WU) signed an MoU.")
    assert "Lanford Institute" in found and "WU" in found["Westbrook University"].aliases


def test_hereinafter_acronym():
    found, _ = orgs("Westbrook University (hereinafter WBU) signed an MoU with Norland Group. WBU will host "
                    "students.")
    assert found["Westbrook University"].aliases == ["WBU"]


def test_assembly_is_a_head_noun():
    found, _ = orgs("The Legislative Assembly of the State of Lanford also took part in the agreement with "
                    "Westbrook University.")
    assert found["Legislative Assembly of the State of Lanford"].kind == "government"


def test_syllable_acronym_is_an_alias_when_one_name_fits():
    found, _ = orgs("Delegates of Kaiyuan University visited Norland Group. KYU and Norland Group signed "
                    "an agreement.")
    assert found["Kaiyuan University"].aliases == ["KYU"]
    assert "KYU" not in found


def test_syllable_acronym_fitting_two_names_stays_apart():
    found, _ = orgs("Kaiyuan University and Kaiyang University met Norland Group. KYU spoke.")
    assert "KYU" not in found["Kaiyuan University"].aliases
    assert "KYU" not in found["Kaiyang University"].aliases


def test_lead_word_with_the_rest_as_initials_is_an_alias():
    found, _ = orgs("The Westbrook-Norland Joint Institute was founded in 2006. Tom Reyes, Dean of "
                    "Westbrook-Norland JI, spoke.")
    assert "Westbrook-Norland JI" in found["Westbrook-Norland Joint Institute"].aliases
    assert "JI" not in found and "Westbrook-Norland" not in found


def test_initials_after_a_prefixed_use_stand_alone_for_the_same_body():
    found, _ = orgs("The Westbrook-Norland Joint Institute was founded in 2006. Tom Reyes, Dean of "
                    "Westbrook-Norland JI, spoke. JI has 3,000 students.")
    assert "JI" in found["Westbrook-Norland Joint Institute"].aliases
    assert "JI" not in found


def test_a_region_is_no_organization():
    found, _ = orgs("Munich will host guests, including Bavaria’s Minister President Dr. Amy Hart. Norland "
                    "Group, TNO and Westbrook University aim to establish an Institute for Smart Machines "
                    "in Bavaria to find solutions.")
    assert "Bavaria" not in found
    assert {"Norland Group", "Westbrook University", "Institute for Smart Machines"} <= set(found)


def test_more_head_nouns():
    found, _ = orgs("The World Trade Organization, the United Nations and Norland Technologies met the Fibre "
                    "and Particle Engineering Research Unit of Westbrook University.")
    assert {"World Trade Organization", "United Nations", "Norland Technologies",
            "Fibre and Particle Engineering Research Unit", "Westbrook University"} <= set(found)
    assert found["Norland Technologies"].kind == "company"


def test_place_in_parentheses_inside_a_legal_name():
    found, _ = orgs("Norland Group (Kenya) Co., Ltd. signed with Westbrook University.")
    assert "Norland Group (Kenya) Co., Ltd." in found
    assert not any(name.startswith("Kenya") for name in found)


def test_foreign_university_heads_and_electronics():
    found, _ = orgs("Universiti Kenanga and Daelim Electronics signed an MoU.")
    assert found["Universiti Kenanga"].kind == "university"
    assert found["Daelim Electronics"].kind == "company"


def test_hyphenated_german_head_and_its_lead_word_alone():
    found, res = orgs("A statement by the Norland-Gesellschaft, KLMU and TUMB was signed. Norland president "
                      "Prof. Amy Hart spoke.")
    assert found["Norland-Gesellschaft"].aliases == ["Norland"]
    assert {"KLMU", "TUMB"} <= set(found)
    assert [(p.name, p.org) for p in res.people] == [("Amy Hart", "Norland-Gesellschaft")]


def test_abbreviated_headline_form_is_the_same_body():
    found, _ = orgs("Norland Nitrite and National Chem Lab in research pact\n\nNorland Nitrite Limited and the "
                    "National Chemical Laboratory (NCL), Pune signed an MoU.")
    assert "National Chem Lab" in found["National Chemical Laboratory"].aliases
    assert "Norland Nitrite Limited" in found


def test_an_acronym_loosely_fitting_two_names_keeps_them_apart():
    found, _ = orgs("Norland Nitrite Limited and the National Chemical Laboratory (NCL) signed an MoU.")
    assert {"Norland Nitrite Limited", "National Chemical Laboratory"} <= set(found)
    assert found["National Chemical Laboratory"].aliases == ["NCL"]


def test_a_comma_list_of_fields_spelled_by_the_acronym_goes_on_the_name():
    found, res = orgs("Ashford Chamber of Commerce, Industries, Mines and Agriculture (ACCIMA) signed an MoU with "
                      "Norland Group. Amy Hart, ACCIMA deputy head for international affairs, spoke.")
    full = "Ashford Chamber of Commerce, Industries, Mines and Agriculture"
    assert found[full].aliases == ["ACCIMA"]
    assert [(p.name, p.org) for p in res.people] == [("Amy Hart", full)]


def test_a_comma_list_of_names_is_not_one_name():
    found, _ = orgs("Norland Group, Westbrook University and Daelim Motors (NWD) met.")
    assert {"Norland Group", "Westbrook University", "Daelim Motors"} <= set(found)


def test_a_place_government_in_lower_case_is_an_organization_wherever_it_stands():
    import partnergraph

    for text, gov in [
        ("Norland Group and Qinghe municipal government signed an agreement on May 3.", "Qinghe municipal government"),
        ("Norland Group and the Lanshan provincial government signed an agreement on May 3.",
         "Lanshan provincial government"),
        ("Officials of the Hefei city government visited Norland Group on May 3.", "Hefei city government"),
    ]:
        r = partnergraph.extract(text, published="2024-05-05", lang="en")
        assert {o.name: o.kind for o in r.organizations}.get(gov) == "government", text
        assert [set(e.parties) for e in r.events] == [{"Norland Group", gov}], text


def test_the_municipal_government_with_no_place_is_no_name():
    import partnergraph

    r = partnergraph.extract("The municipal government and Norland Group signed an agreement on May 3.",
                             published="2024-05-05", lang="en")
    assert [o.name for o in r.organizations] == ["Norland Group"] and r.events == []


def test_hereinafter_quoted_acronym_is_an_alias():
    found, _ = orgs('The city signed a framework agreement with Brindlemoor Harbour Corporation (hereinafter '
                    'referred to as "BHCX"). Vice president of BHCX Ann Lo attended.')
    assert "BHCX" in found["Brindlemoor Harbour Corporation"].aliases
    assert "BHCX" not in found


def test_acronym_in_brackets_after_a_possessive_is_an_alias():
    found, _ = orgs("Students from Kestrel Learning Foundation’s (KLF) schools joined the event. The KLF "
                    "community came together.")
    assert "KLF" in found["Kestrel Learning Foundation"].aliases
    assert "KLF" not in found


def test_small_and_medium_is_one_phrase_of_a_name():
    found, _ = orgs("The Norvanian Agency for the Development of Small and Medium-Sized Enterprises signed a "
                    "memorandum with the Small and Medium Business Development Agency of Ostrava.")
    assert "Norvanian Agency for the Development of Small and Medium-Sized Enterprises" in found
    assert "Small and Medium Business Development Agency of Ostrava" in found
    assert "Medium-Sized Enterprises" not in found


def test_an_acronym_with_the_head_noun_is_the_full_name():
    found, _ = orgs("Lumio signed with the Vantor Pellis Assembly on Monday. The secretary of VP Assembly "
                    "spoke, and Kestrel Methodist Episcopal University joined; KME University said so.")
    assert "VP Assembly" in found["Vantor Pellis Assembly"].aliases
    assert "KME University" in found["Kestrel Methodist Episcopal University"].aliases
    assert "VP Assembly" not in found and "KME University" not in found


def test_belt_and_road_is_no_list_of_two_names():
    found, result = orgs("Vice-President Ade Bako, representing President Tunde Ola at the Belt and Road Initiative "
                         "Forum in Beijing, signed with Lumio Group. The 3rd Belt and Road Initiative (BRI) Forum "
                         "was hosted by China.")
    assert "Belt" not in found and "Lumio Group" in found


def test_and_the_before_two_capitalised_words_ends_an_of_tail():
    found, _ = orgs("The agreement was signed by the University of Kestrel and the Northern Marine Science "
                    "and Technology Organisation on Monday, and by the Ministry of Culture and the Arts.")
    assert {"University of Kestrel", "Northern Marine Science and Technology Organisation"} <= set(found)
    assert "Ministry of Culture and the Arts" in found  # one word after "the": the name goes on


def test_a_foreign_head_takes_every_capitalised_word_after_it():
    found, _ = orgs("Officials of Universiti Kestrel Pahang Al-Sultan Abdullah, Université Lumio 8 Vincennes-Saint-Denis "
                    "and the Universidad de Norland met on Monday.")
    assert {"Universiti Kestrel Pahang Al-Sultan Abdullah", "Université Lumio 8 Vincennes-Saint-Denis",
            "Universidad de Norland"} <= set(found)


def test_capitals_joined_by_an_ampersand_are_one_word_of_a_name():
    found, _ = orgs("Kestrel A&M University signed a deal with the Lumio R&D Centre on Monday.")
    assert "Kestrel A&M University" in found
    assert "M University" not in found


def test_asian_legal_forms_chain_after_a_place_in_parentheses():
    found, _ = orgs("Lumio Holdings (Asia) Pte Ltd signed a contract with Veltrix University on Monday. "
                    "Lumio will fund two labs.", backend="rules")
    assert "Lumio Holdings (Asia) Pte Ltd" in found
    assert "Lumio" in found["Lumio Holdings (Asia) Pte Ltd"].aliases
    assert not any(n.startswith("Asia") for n in found)


def test_a_name_never_opens_inside_brackets_it_does_not_close():
    found, _ = orgs("Staff of Quillon Holdings (Ostland) Trading Company met Veltrix University.", backend="rules")
    assert "Quillon Holdings" in found
    assert not any(")" in n.split("(")[0] for n in found)
