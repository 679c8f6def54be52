"""The English name tagger's tokens and features, and the tagger's other boundaries as candidates
(invented text)."""

from __future__ import annotations

from partnergraph.documents import prepare
from partnergraph.learn.candidates import Context, org_features
from partnergraph.learn.names import (
    extend_coordinated,
    government_of,
    is_acronym,
    join_tagged,
    link_acronyms,
    link_governments,
)
from partnergraph.learn.places import place_forms, place_named
from partnergraph.learn.tagger import NameLexicon, _gazetteer_tags, features, lower_words, name_lexicon, token_spans
from partnergraph.models import Extraction, Organization, Provenance, Span


def _words(text):
    return [text[s:e] for s, e in token_spans(text, 0, len(text), "en")]


def test_punctuation_is_its_own_token_so_a_name_can_end_before_it():
    text = "Kestrel's team met Lumio-Vance and NASENI."
    assert _words(text) == ["Kestrel", "'", "s", "team", "met", "Lumio", "-", "Vance", "and", "NASENI", "."]


def test_place_names_of_several_words_are_tagged_begin_inside():
    places = frozenset({("South", "Korea"), ("Korea",)})
    assert _gazetteer_tags(["in", "South", "Korea", "and", "Korea"], places) == ["O", "B", "I", "O", "B"]


def test_word_list_and_document_features():
    text = "Minister Dr Orla Penn of Norvania visited South Korea. Agriculture matters; agriculture grows."
    toks = token_spans(text, 0, len(text), "en")
    lex = name_lexicon("en")
    feats = dict(zip([text[s:e] for s, e in toks],
                     ([x.decode() for x in f] for f in features(text, toks, "en", [], lex, 0, lower_words(text)))))
    assert "titlew" in feats["Minister"]
    assert "honor" in feats["Dr"] and "honor-1" in feats["Orla"]
    assert "placeB" in feats["South"] and "placeI" in feats["Korea"]
    assert "lowerdoc" in feats["Agriculture"]  # the text also writes it in lower case
    assert "lowerdoc" not in feats["Penn"]


def test_lower_words_are_whole_lower_case_words():
    assert lower_words("Brindle and brindle-made QuartzCo tools") == frozenset({"and", "brindle", "made", "tools"})


def test_features_need_no_word_lists():
    text = "Kestrel signed with Lumio."
    toks = token_spans(text, 0, len(text), "en")
    feats = features(text, toks, "en", [(0, 7)], NameLexicon(heads=frozenset()), 7)
    assert feats[0][0] == b"rule=B" and len(feats) == len(toks)


def _doc_with_rule_org(text, name, start, lang="en"):
    doc = prepare(text, id="t", lang=lang)
    org = Organization(name=name, kind="company", evidence=[Span(start=start, end=start + len(name), field="name")])
    return doc, org


def test_the_taggers_other_boundary_is_a_candidate_of_its_own():
    text = "Brindle Engineering & Construction signed with Lumio."
    doc, org = _doc_with_rule_org(text, "Brindle Engineering", 0)
    orgs = join_tagged(doc, [org], [(0, 34, "ORG")], None, "en")
    assert [o.name for o in orgs] == ["Brindle Engineering", "Brindle Engineering & Construction"]
    assert orgs[1].stage == "tagger"
    assert [(s.start, s.end) for s in orgs[1].evidence] == [(0, 34)]


def test_the_same_boundary_as_the_rules_adds_nothing():
    text = "Brindle Engineering signed with Lumio."
    doc, org = _doc_with_rule_org(text, "Brindle Engineering", 0)
    assert [o.name for o in join_tagged(doc, [org], [(0, 19, "ORG")], None, "en")] == ["Brindle Engineering"]


def test_other_boundaries_are_english_only():
    text = "北辰科技有限公司与星河大学签约。"
    doc, org = _doc_with_rule_org(text, "北辰科技", 0, lang="zh")
    assert [o.name for o in join_tagged(doc, [org], [(0, 8, "ORG")], None, "zh")] == ["北辰科技"]


def test_org_features_say_how_the_tagger_read_the_mentions():
    text = "Brindle Engineering & Construction signed with Lumio. Orla Penn spoke."
    doc, org = _doc_with_rule_org(text, "Brindle Engineering", 0)
    lumio = Organization(name="Lumio", kind="company", evidence=[Span(start=47, end=52, field="name")])
    penn = Organization(name="Orla Penn", kind="company", evidence=[Span(start=54, end=63, field="name")])
    tagged = [(0, 34, "ORG"), (47, 52, "ORG"), (54, 63, "PER")]
    rules = Extraction(id="t", lang="en", text=text, provenance=Provenance(backend="rules", version="test"),
                       organizations=[org, lumio, penn])
    orgs = join_tagged(doc, rules.organizations, tagged, None, "en")
    ctx = Context.build(doc, rules, orgs, tagged)
    brindle, lum, person, variant = (org_features(ctx, i) for i in range(4))
    assert "tag_cross" in brindle and "tag_exact=none" in brindle and "overlaps_org" in brindle
    assert "tag_exact=all" in lum and "tag_cross" not in lum and "overlaps_org" not in lum
    assert "tag_person" in person
    assert "tag_exact=all" in variant and "overlaps_org" in variant


def test_a_name_written_alone_that_is_a_word_of_a_tagged_person_s_name_is_told():
    # "Dr. Penn signed": the rules took the surname of Orla Penn, whom the tagger reads, for an organization
    text = "Orla Penn, rector of Lumio University, spoke.\nDr. Penn signed the memorandum with Lumio University."
    lumio = Organization(name="Lumio University", kind="university",
                         evidence=[Span(start=text.index("Lumio"), end=text.index("Lumio") + 16, field="name")])
    at = text.index("Penn signed")
    penn = Organization(name="Penn", kind="company", evidence=[Span(start=at, end=at + 4, field="name")])
    doc = prepare(text, id="t")
    rules = Extraction(id="t", lang="en", text=text, provenance=Provenance(backend="rules", version="test"),
                       organizations=[lumio, penn])
    ctx = Context.build(doc, rules, rules.organizations, [(0, 9, "PER")])
    assert "person_word" in org_features(ctx, 1) and "person_word" not in org_features(ctx, 0)
    assert "person_word" not in org_features(Context.build(doc, rules, rules.organizations, []), 1)


def test_a_signing_with_a_person_s_name_word_the_organizations_model_would_not_keep_is_no_event():
    from types import SimpleNamespace

    from partnergraph.learn.decide import decide
    from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
    from partnergraph.models import Event

    text = "Orla Penn, rector of Lumio University, spoke.\nDr. Penn signed the memorandum with Kestrel Group."
    at, signed, kestrel = text.index("Penn signed"), text.index("signed"), text.index("Kestrel")
    lumio = Organization(name="Lumio University", kind="university",
                         evidence=[Span(start=text.index("Lumio"), end=text.index("Lumio") + 16, field="name")])
    penn = Organization(name="Penn", kind="company", evidence=[Span(start=at, end=at + 4, field="name")])
    group = Organization(name="Kestrel Group", kind="company", evidence=[Span(start=kestrel, end=kestrel + 13, field="name")])
    signing = Event(type="agreement", parties=["Penn", "Kestrel Group"],
                    evidence=[Span(start=signed, end=signed + 6, field="trigger")])
    doc = prepare(text, id="t")
    rules = Extraction(id="t", lang="en", text=text, provenance=Provenance(backend="rules", version="test"),
                       organizations=[lumio, penn, group], events=[signing])
    lm = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, pairs=0.5, events=0.5, orgs=0.5))

    def events(tagged: list, penn_p: float) -> list:
        ctx = Context.build(doc, rules, rules.organizations, tagged)
        scores = ([0.9, penn_p, 0.9], {}, [0.9] * len(ctx.candidate_events), [None] * len(ctx.people), 0.9)
        return [sorted(e.parties) for e in decide(ctx, lm, scores).events]

    assert events([(0, 9, "PER")], 0.4) == []  # the tagger reads Orla Penn: "Penn" is her
    assert events([], 0.4) == [["Kestrel Group", "Penn"]]  # no person of that name: the rules' event
    assert events([(0, 9, "PER")], 0.6) == [["Kestrel Group", "Penn"]]  # kept as an organization: a party


def test_a_tagged_reading_that_opens_with_a_lower_case_word_is_not_a_name():
    # the tagger read one word too early: "of Kestrel University" as another boundary, "and
    # Lumio Labs" as a new name; neither becomes an organization
    text = "The rector of Kestrel University met delegates and Lumio Labs staff."
    doc, org = _doc_with_rule_org(text, "Kestrel University", 14)
    tagged = [(11, 32, "ORG"), (47, 61, "ORG")]
    assert [text[s:e] for s, e, _ in tagged] == ["of Kestrel University", "and Lumio Labs"]
    assert [o.name for o in join_tagged(doc, [org], tagged, None, "en")] == ["Kestrel University"]


def test_a_name_with_a_capital_inside_its_first_word_is_kept():
    text = "Kestrel University signed with eLumio."
    doc, org = _doc_with_rule_org(text, "Kestrel University", 0)
    assert [o.name for o in join_tagged(doc, [org], [(31, 37, "ORG")], None, "en")] == ["Kestrel University", "eLumio"]


def _org_at(text, name, stage=None):
    at = text.index(name)
    return Organization(name=name, kind="government", stage=stage,
                        evidence=[Span(start=at, end=at + len(name), field="name")])


def test_a_name_read_short_of_its_coordinated_complement_gets_the_longer_reading():
    text = ("Harlow University signed with the Ministry of Land, Infrastructure and Transport. The Stennis "
            "Centre for Quantum Computation and Intelligent Systems and Brindle University & Research "
            "joined. The University of Sydney and Lumio University met; Corvale College and Vance Labs "
            "too, as did the Office of Trade, Seoul. The School of Mining and Professor Lin, the Bureau of Ports "
            "and Prof Orla Penn, the Agency for Trade and Norvania's envoy spoke.")
    doc = prepare(text, id="t", lang="en")
    rules = [_org_at(text, n) for n in ("Harlow University", "Ministry of Land", "Stennis Centre for Quantum Computation",
                                        "Brindle University", "University of Sydney", "Lumio University",
                                        "Corvale College", "Office of Trade", "School of Mining",
                                        "Bureau of Ports", "Agency for Trade")]
    orgs = extend_coordinated(doc, rules, None)
    new = [o for o in orgs[len(rules):]]
    assert [o.name for o in new] == [
        "Ministry of Land, Infrastructure and Transport",
        "Stennis Centre for Quantum Computation and Intelligent Systems",
        "Brindle University & Research"]  # "& Research": joined by "&" to a name with no complement
    assert all(o.stage == "extended" for o in new)
    # another name stops it ("and Lumio University"); "and Vance Labs" joins no complement; a
    # comma alone ("Office of Trade, Seoul") joins nothing; nor does a title, an honorific or a
    # possessive after "and"
    lumio = next(o for o in new if o.name.startswith("Ministry"))
    assert [(s.start, s.end) for s in lumio.evidence] == [(34, 80)]


def test_org_features_tell_an_extended_reading_and_the_name_it_extends():
    text = "Harlow University signed with the Ministry of Land, Infrastructure and Transport."
    doc = prepare(text, id="t", lang="en")
    rules = Extraction(id="t", lang="en", text=text, provenance=Provenance(backend="rules", version="test"),
                       organizations=[_org_at(text, "Harlow University"), _org_at(text, "Ministry of Land")])
    orgs = extend_coordinated(doc, rules.organizations, None)
    ctx = Context.build(doc, rules, orgs, [])
    harlow, short, longer = (org_features(ctx, i) for i in range(3))
    assert "extended_by" in short and "extended_by" not in harlow
    assert longer.get("src=extended") == 1.0 and longer.get("ext_words=<=2") == 1.0 and "ext_comma" in longer
    assert "ext_head" not in longer


def _tagged(text, name, at=None):
    at = text.index(name) if at is None else at
    return Organization(name=name, kind="other", stage="tagger",
                        evidence=[Span(start=at, end=at + len(name), field="name")])


def test_an_acronym_the_tagger_found_is_the_alias_of_the_name_it_spells():
    text = "The Norvale Technical Universities Network signed with Lumio. NTUN will train engineers."
    doc = prepare(text, id="t", lang="en")
    orgs = link_acronyms(doc, [_tagged(text, "Norvale Technical Universities Network"), _tagged(text, "NTUN")])
    assert [(o.name, o.aliases) for o in orgs] == [("Norvale Technical Universities Network", ["NTUN"])]
    assert [s.field for s in orgs[0].evidence] == ["name", "alias"]


def test_a_full_name_the_tagger_found_is_the_alias_of_the_rules_acronym():
    text = "NTUN signed with Lumio. The Norvale Technical Universities Network was set up in 2001."
    doc = prepare(text, id="t", lang="en")
    rule = Organization(name="NTUN", kind="other", evidence=[Span(start=0, end=4, field="name")])
    orgs = link_acronyms(doc, [rule, _tagged(text, "Norvale Technical Universities Network")])
    assert [(o.name, o.aliases) for o in orgs] == [("NTUN", ["Norvale Technical Universities Network"])]


def test_an_acronym_in_brackets_after_a_name_need_not_spell_every_word():
    text = "Kestrel Centre for Advanced Excellence (KCE) signed with Lumio."
    doc = prepare(text, id="t", lang="en")
    orgs = link_acronyms(doc, [_tagged(text, "Kestrel Centre for Advanced Excellence"), _tagged(text, "KCE")])
    assert [(o.name, o.aliases) for o in orgs] == [("Kestrel Centre for Advanced Excellence", ["KCE"])]
    # without the brackets the initials must be exact ("KCAE" is not "KCE")
    text = "Kestrel Centre for Advanced Excellence signed with Lumio. KCE spoke."
    doc = prepare(text, id="t", lang="en")
    orgs = link_acronyms(doc, [_tagged(text, "Kestrel Centre for Advanced Excellence"), _tagged(text, "KCE")])
    assert len(orgs) == 2


def test_an_acronym_two_names_spell_links_to_neither():
    text = "Norvale Technical Union and Nordic Trade Union met. NTU spoke."
    doc = prepare(text, id="t", lang="en")
    orgs = link_acronyms(doc, [_tagged(text, "Norvale Technical Union"), _tagged(text, "Nordic Trade Union"),
                               _tagged(text, "NTU")])
    assert [o.name for o in orgs] == ["Norvale Technical Union", "Nordic Trade Union", "NTU"]


def test_a_word_with_two_capitals_is_no_acronym():
    assert is_acronym("MTUN") and is_acronym("CoE") and is_acronym("E.U.")
    assert not is_acronym("YoungPoong") and not is_acronym("Lumio") and not is_acronym("A")


def test_the_taggers_reading_with_a_legal_suffix_is_no_other_reading():
    text = "Brindle Group Plc signed with Lumio."
    doc, org = _doc_with_rule_org(text, "Brindle Group", 0)
    assert [o.name for o in join_tagged(doc, [org], [(0, 17, "ORG")], None, "en")] == ["Brindle Group"]


def test_a_tagged_english_name_leaves_a_dash_and_an_open_bracket_out():
    text = "Kobe Tin Ltd — signed with the Kestrel Charity (KC) today."
    doc = prepare(text, id="t", lang="en")
    orgs = join_tagged(doc, [], [(0, 14, "ORG"), (31, 50, "ORG")], None, "en")
    assert [o.name for o in orgs] == ["Kobe Tin Ltd", "Kestrel Charity"]


def test_a_country_and_its_government_are_one_organization():
    text = "Norway and Lumio signed. The Norwegian government welcomed it."
    gov = Organization(name="Norwegian government", kind="government",
                       evidence=[Span(start=text.index("Norwegian"), end=text.index(" welcomed"), field="name")])
    orgs = link_governments([gov, _tagged(text, "Norway"), _tagged(text, "Lumio")])
    assert [(o.name, o.aliases) for o in orgs] == [("Norwegian government", ["Norway"]), ("Lumio", [])]
    assert government_of("South Korean Government") == "South Korean"
    assert government_of("Kestrel government") is None and government_of("Norway") is None
    assert (place_named("Norwegian"), place_named("South Korean"), place_named("Chinese"), place_named("French"),
            place_named("British"), place_named("Turkmen"), place_named("Asian")) == (
        "Norway", "South Korea", "China", "France", "United Kingdom", "Turkmenistan", None)


def test_one_reader_names_the_country_of_an_adjective_by_the_form_the_text_uses():
    # "French" shares too few letters with France for a guess from the spelling; "British" is no
    # prefix of British Columbia's government; "Korean" is South Korea, which a text calls Korea
    text = "France, Britain and Korea signed. The French government, the British Government and the Korean government welcomed it."
    orgs = link_governments([_tagged(text, "French government"), _tagged(text, "France"),
                             _tagged(text, "British Government"), _tagged(text, "Britain"),
                             _tagged(text, "Korean government"), _tagged(text, "Korea")])
    assert [(o.name, o.aliases) for o in orgs] == [
        ("French government", ["France"]), ("British Government", ["Britain"]), ("Korean government", ["Korea"])]
    assert place_forms("South Korea") == ("South Korea", "Korea") and place_forms("Kestrel") == ("Kestrel",)


def test_an_adjective_is_its_own_country_s_only():
    text = "Norway and Nigeria signed. The Nigerian government welcomed it."
    gov = _tagged(text, "Nigerian government")
    orgs = link_governments([gov, _tagged(text, "Norway"), _tagged(text, "Nigeria")])
    assert [(o.name, o.aliases) for o in orgs] == [("Nigerian government", ["Nigeria"]), ("Norway", [])]
