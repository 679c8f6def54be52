"""The learned layer's event decisions on hand-made scores: another type for a pair the rules
hold, a rule event's parties the pairs model finds no partner for, and the type cues a pair's
features carry."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import Context, pair_features
from partnergraph.learn.decide import decide, maximal_cliques
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS
from partnergraph.documents.prepare import prepare
from partnergraph.models import Organization, Span


def _context(text: str, published: str | None = None) -> Context:
    doc = prepare(text, id="t", published=published)
    return Context.build(doc, RuleBackend().extract(doc))


def _scores(ctx: Context, pairs: dict[tuple[str, str, str], float], document: float = 0.9):
    ix = ctx.index
    pair_p = {}
    for (a, b, t), v in pairs.items():
        i, j = sorted((ix[a], ix[b]))
        pair_p[(i, j, t)] = v
    # the rules' events kept, the proposed ones (learn/proposals.py) not: these tests are the rules' events'
    events = [0.9] * len(ctx.rules.events) + [0.0] * len(ctx.proposed)
    return [0.9] * len(ctx.orgs), pair_p, events, [None] * len(ctx.rules.people), document


LM = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, pairs=0.5, events=0.5))
SIGNING = ("Harlow University and Stennis Institute of Technology signed a memorandum of understanding "
           "on 3 May 2024 in Harlow.")


def test_a_pair_the_rules_hold_gets_another_type_only_above_the_extra_threshold():
    ctx = _context(SIGNING)
    assert [e.type for e in ctx.rules.events] == ["agreement"]
    scores = _scores(ctx, {("Harlow University", "Stennis Institute of Technology", "agreement"): 0.95,
                           ("Harlow University", "Stennis Institute of Technology", "visit"): 0.8})
    off = decide(ctx, LM, scores)
    assert [e.type for e in off.events] == ["agreement"]  # the rules' reading stands (extra off)
    on = decide(ctx, LM, scores, {"extra": 0.7})
    assert sorted(e.type for e in on.events) == ["agreement", "visit"]
    assert all(e.evidence for e in on.events)
    high = decide(ctx, LM, scores, {"extra": 0.9})
    assert [e.type for e in high.events] == ["agreement"]


def test_a_party_with_no_partner_of_the_type_leaves_the_rule_event():
    ctx = _context("Harlow University, a member of Corvale University Alliance, signed a memorandum of "
                   "understanding with Stennis Institute of Technology on 3 May 2024.")
    [ev] = ctx.rules.events
    assert len(ev.parties) == 3
    names = sorted(ev.parties)
    scores = _scores(ctx, {("Harlow University", "Stennis Institute of Technology", "agreement"): 0.9,
                           ("Corvale University Alliance", "Harlow University", "agreement"): 0.01,
                           ("Corvale University Alliance", "Stennis Institute of Technology", "agreement"): 0.02})
    assert sorted(decide(ctx, LM, scores).events[0].parties) == names  # off: the rules' parties
    [kept] = decide(ctx, LM, scores, {"party": 0.1}).events
    assert sorted(kept.parties) == ["Harlow University", "Stennis Institute of Technology"]
    # fewer than two parties left: the rule event goes (the pair's own score may still make one)
    assert not [e for e in decide(ctx, LM, scores, {"party": 0.95}).events if e.stage.startswith("rules")]


def test_signatories_listed_together_before_the_trigger_all_stay():
    ctx = _context("Harlow University, Stennis Institute of Technology and Corvale Analytics signed a joint "
                   "memorandum of understanding on 3 May 2024.")
    [ev] = ctx.rules.events
    assert len(ev.parties) == 3
    low = _scores(ctx, {("Harlow University", "Stennis Institute of Technology", "agreement"): 0.05,
                        ("Corvale Analytics", "Harlow University", "agreement"): 0.01,
                        ("Corvale Analytics", "Stennis Institute of Technology", "agreement"): 0.02})
    [kept] = decide(ctx, LM, low, {"party": 0.3}).events
    assert sorted(kept.parties) == sorted(ev.parties)


def test_signatories_listed_after_the_trigger_or_with_an_acronym_all_stay():
    for text in ("A memorandum of understanding was signed on 3 May 2024 by Harlow University, Stennis "
                 "Institute of Technology and the Corvale Chamber of Commerce.",
                 "Harlow University (HU), Stennis Institute of Technology and Corvale Analytics signed a "
                 "memorandum on 3 May 2024."):
        ctx = _context(text)
        [ev] = ctx.rules.events
        assert len(ev.parties) == 3, ev.parties
        [kept] = decide(ctx, LM, _scores(ctx, {}), {"party": 0.3}).events
        assert sorted(kept.parties) == sorted(ev.parties)


def test_a_visit_told_apart_from_the_signing_is_a_cue_of_the_pair():
    ctx = _context("A delegation led by President Mara Quill of Harlow University visited Stennis Institute of "
                   "Technology on 2 May 2024.\nThe next day Harlow University signed a memorandum on student "
                   "exchange with its host.")
    ix = ctx.index
    f = pair_features(ctx, ix["Harlow University"], ix["Stennis Institute of Technology"])
    assert f.get("cue_visit=both") == 1.0
    assert f.get("cue_agreement=one") == 1.0
    assert "cue_joint_entity=both" not in f and "cue_joint_entity=one" not in f


def _with_tagged_reading(text: str, name: str) -> Context:
    """The rules' context plus the tagger's other reading `name` (stage "tagger") where it is written."""
    doc = prepare(text, id="t")
    rules = RuleBackend().extract(doc)
    at = text.find(name)
    other = Organization(name=name, kind="company", stage="tagger", confidence=0.5,
                         evidence=[Span(start=at, end=at + len(name), field="name")])
    return Context.build(doc, rules, list(rules.organizations) + [other])


def test_the_taggers_longer_reading_of_a_rule_party_makes_no_second_event():
    park = "Harlow Mining Group Quarry Park"
    ctx = _with_tagged_reading("A delegation of Stennis Institute of Technology visited Harlow Mining Group on "
                               "3 May 2024.\nThe delegation toured the Harlow Mining Group Quarry Park with its "
                               "hosts.", park)
    assert [e.parties for e in ctx.rules.events] == [["Stennis Institute of Technology", "Harlow Mining Group"]]
    org_p, pair_p, event_p, posts, doc_p = _scores(ctx, {
        ("Stennis Institute of Technology", "Harlow Mining Group", "visit"): 0.9,
        ("Stennis Institute of Technology", park, "visit"): 0.8,
        ("Harlow Mining Group", park, "visit"): 0.7})  # a name and the longer name holding it
    ix = ctx.index
    org_p[ix[park]] = 0.6
    events = decide(ctx, LM, (org_p, pair_p, event_p, posts, doc_p)).events
    assert [sorted(e.parties) for e in events] == [["Harlow Mining Group", "Stennis Institute of Technology"]]
    # the organizations model prefers the tagger's reading: its pair is an event of its own
    org_p[ix[park]] = 0.95
    events = decide(ctx, LM, (org_p, pair_p, event_p, posts, doc_p)).events
    assert sorted(sorted(e.parties) for e in events) == [
        ["Harlow Mining Group", "Stennis Institute of Technology"], [park, "Stennis Institute of Technology"]]


def test_a_meeting_the_pairs_model_finds_no_partners_in_keeps_the_rules_parties():
    ctx = _context("Representatives of Harlow University attended the symposium of the Corvale Alliance "
                   "organized by Stennis Institute of Technology on 3 May 2024.")
    [ev] = ctx.rules.events
    assert ev.type == "meeting" and len(ev.parties) == 3
    [kept] = decide(ctx, LM, _scores(ctx, {}), {"party": 0.3}).events
    assert sorted(kept.parties) == sorted(ev.parties)
    # the odd one out still leaves when the others are partners
    scores = _scores(ctx, {("Harlow University", "Stennis Institute of Technology", "meeting"): 0.8})
    [kept] = decide(ctx, LM, scores, {"party": 0.3}).events
    assert sorted(kept.parties) == ["Harlow University", "Stennis Institute of Technology"]


def test_a_pair_told_only_as_a_plan_makes_no_event():
    plan = _context("On 3 May 2024 Harlow Mining Group said it plans to sign a supply contract with Stennis "
                    "Institute of Technology.")
    done = _context("On 3 May 2024 Harlow Mining Group supplied ore to Stennis Institute of Technology for its "
                    "laboratories.")
    for ctx, made in ((plan, 0), (done, 1)):
        assert not ctx.rules.events
        scores = _scores(ctx, {("Harlow Mining Group", "Stennis Institute of Technology", "agreement"): 0.9})
        assert len(decide(ctx, LM, scores).events) == made


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)).filter(lambda e: e[0] != e[1])
                .map(lambda e: tuple(sorted(e))), max_size=30))
def test_maximal_cliques_are_those_networkx_finds(edges):
    # the groups of organizations kept pairwise are the graph's maximal cliques, as networkx's
    # find_cliques (which decide used before) gives them
    import networkx as nx

    expected = {frozenset(c) for c in nx.find_cliques(nx.Graph(edges))}
    got = maximal_cliques(edges)
    assert len(got) == len(expected) and {frozenset(c) for c in got} == expected


def test_a_new_event_in_an_undated_sentence_takes_the_articles_lead_date():
    # 2024-05-09 is a Thursday: the lead's "on Wednesday" is the day before
    ctx = _context("Harlow University and Stennis Institute of Technology signed a memorandum on Wednesday.\n\n"
                   "Harlow Mining Group supplied ore to Stennis Institute of Technology for its laboratories.",
                   published="2024-05-09")
    scores = _scores(ctx, {("Harlow Mining Group", "Stennis Institute of Technology", "agreement"): 0.9})
    made = [e for e in decide(ctx, LM, scores).events if "Harlow Mining Group" in e.parties]
    assert [(e.date, ctx.doc.text[s.start:s.end]) for e in made for s in e.evidence if s.field == "date"] \
        == [("2024-05-08", "Wednesday")]


def test_an_article_the_documents_model_finds_no_cooperation_story_in_reports_no_event():
    ctx = _context(SIGNING + "\nHarlow Mining Group supplied ore to Stennis Institute of Technology.")
    assert ctx.rules.events
    pairs = {("Harlow Mining Group", "Stennis Institute of Technology", "agreement"): 0.9}
    told = decide(ctx, LM, _scores(ctx, pairs, document=0.35), {"document": 0.3})
    assert len(told.events) == 2
    # below the gate: neither the rules' signing nor the pair's new event, and the parties are
    # kept as organizations only by their own scores
    quiet = decide(ctx, LM, _scores(ctx, pairs, document=0.25), {"document": 0.3})
    assert quiet.events == [] and {o.name for o in quiet.organizations} == {o.name for o in told.organizations}
    # the gate is off by default
    assert len(decide(ctx, LM, _scores(ctx, pairs, document=0.0)).events) == 2


def test_a_rule_event_the_events_model_doubts_stands_when_the_pairs_model_backs_it():
    ctx = _context("6月3日,青川市人民政府市长李强一行到北岭电子科技有限公司参观考察,详细了解了公司的研发情况。")
    [ev] = ctx.rules.events
    assert ev.type == "visit" and len(ev.parties) == 2
    org_p, pair_p, _, post_p, doc_p = _scores(
        ctx, {("青川市人民政府", "北岭电子科技有限公司", "visit"): 0.4,
              ("青川市人民政府", "北岭电子科技有限公司", "agreement"): 0.9})
    scores = (org_p, pair_p, [0.3], post_p, doc_p)  # the events model doubts it (below .5)
    th = {"extra": 1.01}  # the agreement pair makes no event beside the rules' visit
    assert not [e for e in decide(ctx, LM, scores, th).events if e.type == "visit"]  # off by default
    [kept] = [e for e in decide(ctx, LM, scores, dict(th, backed=0.35)).events if e.type == "visit"]
    assert kept.stage == "rules+learned" and sorted(kept.parties) == sorted(ev.parties)
    assert kept.confidence == 0.3  # the events model's score, as for any kept rule event
    # below the backed threshold, or backed only as partners of another type: dropped
    assert not [e for e in decide(ctx, LM, scores, dict(th, backed=0.45)).events if e.type == "visit"]
    other = (org_p, {k: v for k, v in pair_p.items() if k[2] != "visit"}, [0.3], post_p, doc_p)
    assert not [e for e in decide(ctx, LM, other, dict(th, backed=0.35)).events if e.type == "visit"]


def test_a_longer_reading_the_organizations_model_prefers_is_the_rule_events_party():
    # the rules cut "Ministry of Land"; its extended reading holds every mention of it
    longer = "Ministry of Land, Infrastructure and Transport"
    ctx = _with_tagged_reading("Harlow University signed a memorandum of understanding with the Ministry of Land, "
                               "Infrastructure and Transport on 3 May 2024.", longer)
    assert [e.parties for e in ctx.rules.events] == [["Harlow University", "Ministry of Land"]]
    org_p, pair_p, event_p, posts, doc_p = _scores(ctx, {})
    ix = ctx.index
    org_p[ix["Ministry of Land"]], org_p[ix[longer]] = 0.2, 0.8
    out = decide(ctx, LM, (org_p, pair_p, event_p, posts, doc_p))
    assert [e.parties for e in out.events] == [["Harlow University", longer]]
    assert sorted(o.name for o in out.organizations) == ["Harlow University", longer]
    # the model prefers the rules' reading: it stands
    org_p[ix["Ministry of Land"]], org_p[ix[longer]] = 0.8, 0.6
    out = decide(ctx, LM, (org_p, pair_p, event_p, posts, doc_p))
    assert [e.parties for e in out.events] == [["Harlow University", "Ministry of Land"]]


def test_a_party_the_organizations_model_would_not_keep_leaves_a_list_of_three_or_more():
    # a party the pairs model partners (a fragment of a name cut in two, say) leaves when the
    # organizations model would not keep it; the event keeps the other two
    ctx = _context("Harlow University, a member of Corvale University Alliance, signed a memorandum of "
                   "understanding with Stennis Institute of Technology on 3 May 2024.")
    [ev] = ctx.rules.events
    weak = ctx.index["Corvale University Alliance"]
    org_p, pair_p, event_p, post_p, doc_p = _scores(ctx, {
        ("Harlow University", "Stennis Institute of Technology", "agreement"): 0.9,
        ("Corvale University Alliance", "Harlow University", "agreement"): 0.9})
    scores = (org_p, pair_p, event_p, post_p, doc_p)
    [kept] = decide(ctx, LM, scores, {"party": 0.3}).events
    assert sorted(kept.parties) == sorted(ev.parties)
    org_p[weak] = 0.2
    [kept] = decide(ctx, LM, scores, {"party": 0.3}).events
    assert sorted(kept.parties) == ["Harlow University", "Stennis Institute of Technology"]
    [kept] = decide(ctx, LM, scores, {"party": 0.3, "orgs": 0.1}).events
    assert sorted(kept.parties) == sorted(ev.parties)
    # its pairs stay the rules': a high pair score does not make them an event of their own
    assert len(decide(ctx, LM, scores, {"party": 0.3}).events) == 1
    # a list of five, named apart from the trigger, loses it too
    five = _context("Harlow University, Stennis Institute of Technology, Corvale Analytics, Orla Bank and "
                    "Tennford Labs, five members of the northern research network, signed a joint memorandum "
                    "of understanding on 3 May 2024.")
    [ev] = five.rules.events
    assert len(ev.parties) == 5, ev.parties
    org_p, pair_p, event_p, post_p, doc_p = _scores(five, {})
    org_p[five.index["Orla Bank"]] = 0.2
    [kept] = decide(five, LM, (org_p, pair_p, event_p, post_p, doc_p)).events
    assert sorted(kept.parties) == sorted(set(ev.parties) - {"Orla Bank"})


def test_a_signatory_listed_beside_the_trigger_stays_whatever_the_organizations_model_says():
    # a bare name of a member list ("Orla", "du") that the organizations model doubts
    ctx = _context("Harlow University and Stennis Institute of Technology signed a memorandum of understanding "
                   "with Corvale Analytics, Orla Bank and Tennford Labs in the presence of officials on 3 May 2024.")
    [ev] = ctx.rules.events
    org_p, pair_p, event_p, post_p, doc_p = _scores(ctx, {})
    org_p[ctx.index["Orla Bank"]] = 0.2
    [kept] = decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p), {"party": 0.3}).events
    assert sorted(kept.parties) == sorted(ev.parties)


def test_an_event_of_two_one_of_whom_the_organizations_model_would_not_keep_is_not_reported():
    ctx = _context(SIGNING)
    [ev] = ctx.rules.events
    org_p, pair_p, event_p, post_p, doc_p = _scores(
        ctx, {("Harlow University", "Stennis Institute of Technology", "agreement"): 0.9})
    assert [e.parties for e in decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p)).events] == [ev.parties]
    org_p[ctx.index["Stennis Institute of Technology"]] = 0.2
    # nor does its pair make an event of its own on the pairs model's score
    assert not decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p)).events
    assert decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p), {"orgs": 0.1}).events


def test_an_event_of_two_stays_when_a_party_scores_just_under_the_organizations_threshold():
    # a keyword-less company the organizations model doubts a little is still a signatory: the
    # orgs threshold is chosen for organizations, and only a party far under it is no organization
    ctx = _context(SIGNING)
    [ev] = ctx.rules.events
    org_p, pair_p, event_p, post_p, doc_p = _scores(
        ctx, {("Harlow University", "Stennis Institute of Technology", "agreement"): 0.9})
    org_p[ctx.index["Stennis Institute of Technology"]] = 0.45
    assert [e.parties for e in decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p)).events] == [ev.parties]
    assert not decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p), {"orgs": 0.95}).events


def test_a_chinese_event_of_two_is_the_events_models_to_decide_whatever_the_organizations_score():
    # Chinese short forms and brand names score low as organizations yet sign (on zh val the
    # English pruning cut real parties), so the organizations score drops no Chinese party
    ctx = _context("2024年5月3日,哈洛大学与斯坦尼斯科技有限公司签署战略合作协议。")
    [ev] = ctx.rules.events
    org_p, pair_p, event_p, post_p, doc_p = _scores(ctx, {})
    for p in ev.parties:
        org_p[ctx.index[p]] = 0.05
    assert [e.parties for e in decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p)).events] == [ev.parties]


def test_the_list_after_with_in_the_trigger_s_clause_stays_whatever_the_organizations_model_says():
    # the other side of the signing, named after a description ("two local energy firms --")
    ctx = _context("Harlow University and Stennis Institute of Technology signed a memorandum of understanding "
                   "with two local energy firms -- Corvale Energy Company and Orla Power Corporation -- on 3 May 2024.")
    [ev] = ctx.rules.events
    assert len(ev.parties) == 4
    org_p, pair_p, event_p, post_p, doc_p = _scores(ctx, {})
    org_p[ctx.index["Orla Power Corporation"]] = 0.2
    [kept] = decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p)).events
    assert sorted(kept.parties) == sorted(ev.parties)
    # a list past the clause's end is no side of it
    ctx = _context("Harlow University and Stennis Institute of Technology signed a memorandum of understanding "
                   "on 3 May 2024; officials of Corvale Energy Company and Orla Power Corporation came along with them.")
    org_p, pair_p, event_p, post_p, doc_p = _scores(ctx, {})
    if "Orla Power Corporation" in ctx.index:
        org_p[ctx.index["Orla Power Corporation"]] = 0.2
    assert all("Orla Power Corporation" not in e.parties for e in decide(ctx, LM, (org_p, pair_p, event_p, post_p, doc_p)).events)
