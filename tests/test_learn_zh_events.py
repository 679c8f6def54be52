"""Chinese events in the learned layer (invented texts): the features that tell the events
model how a rule event's parties stand around its trigger, kept pairs of one list made one
event, and events proposed over every candidate (learn/proposals.py)."""

from __future__ import annotations

from types import SimpleNamespace

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from learn_contexts import with_candidates
from partnergraph.learn.candidates import Context, event_features
from partnergraph.learn.decide import decide
from partnergraph.learn.modelfile import DEFAULT_THRESHOLDS


def _context(text: str) -> Context:
    doc = prepare(text, id="t")
    return Context.build(doc, RuleBackend().extract(doc))


def _sides(text: str) -> list[tuple[list[str], dict[str, float]]]:
    ctx = _context(text)
    return [(sorted(ev.parties), {k: v for k, v in event_features(ctx, k).items()
                                  if k.startswith(("with_side=", "counted_list", "each", "trigger_events="))})
            for k, ev in enumerate(ctx.rules.events)]


def test_a_signing_of_two_named_sides_has_a_party_on_each_side():
    [(parties, f)] = _sides("3月5日,星河科技有限公司与江南理工大学签署战略合作协议。")
    assert parties == ["星河科技有限公司", "江南理工大学"]
    assert f["with_side=both"] == 1.0 and f["with_side=both|type=agreement"] == 1.0


def test_a_list_after_an_unnamed_side_is_one_side_only():
    # 有关单位 is no organization: the rules' event is the list, which signed with those units, not
    # with itself (我市, 我校, 市政府 the article names nowhere make no rule event at all:
    # test_rules_zh_unnamed_side.py)
    [(parties, f)] = _sides("3月5日,有关单位与星河银行江南省分行、远川银行江南省分行、海岳银行江南省分行"
                            "举行全面合作签约仪式。")
    assert len(parties) == 3
    assert "with_side=after_only" in f and "with_side=both" not in f


def test_a_counted_list_before_the_other_side_is_one_side_only():
    [(parties, f)] = _sides("3月5日,星河科技有限公司、远川电子有限公司等6家企业与该校签署产学合作协议。")
    assert parties == ["星河科技有限公司", "远川电子有限公司"]
    assert "with_side=before_only" in f and "counted_list" in f


def test_three_parties_on_two_sides_and_the_gong_tong_of_jointly_is_no_connective():
    # 共同 holds 同, which is not read as "with"
    [(parties, f)] = _sides("3月5日,星河科技有限公司与江南理工大学、远川电子有限公司共同签署三方合作协议。")
    assert len(parties) == 3
    assert "with_side=both" in f and "counted_list" not in f and "each" not in f


def test_signings_one_to_one_are_told_with_their_trigger_count():
    got = _sides("3月5日,星河科技有限公司、远川电子有限公司分别与江南理工大学签署合作协议。")
    assert len(got) == 2
    for _, f in got:
        assert "each" in f and "trigger_events=<=2" in f and "with_side=both" in f


def test_english_events_get_none_of_these_features():
    ctx = _context("Harlow University and Stennis Institute of Technology signed a memorandum of "
                   "understanding on 3 May 2024.")
    [ev] = ctx.rules.events
    assert not any(k.startswith(("with_side", "counted_list", "each", "trigger_events", "parties_before"))
                   for k in event_features(ctx, 0))


# ---- grouping kept pairs into events ---------------------------------------------------------

LM = SimpleNamespace(thresholds=dict(DEFAULT_THRESHOLDS, pairs=0.5, events=0.5))


def _decide(text: str, kept: list[tuple[str, str, str]]) -> list[tuple[str, list[str]]]:
    """The events decided when the pairs model keeps `kept` (.8) and the events model drops
    every rule event (.1)."""
    ctx = _context(text)
    ix = ctx.index
    pair_p = {}
    for a, b, t in kept:
        i, j = sorted((ix[a], ix[b]))
        pair_p[(i, j, t)] = 0.8
    scores = ([0.9] * len(ctx.orgs), pair_p, [0.1] * len(ctx.rules.events), [None] * len(ctx.rules.people), 0.9)
    return sorted((e.type, sorted(e.parties)) for e in decide(ctx, LM, scores).events)


def test_members_of_one_list_joined_by_kept_neighbours_are_one_event():
    members = ["海岳大学", "青岚科技有限公司", "白鹭研究院", "松涛集团有限公司"]
    text = ("10月9日,星河市人民政府、远川市人民政府于当日共同发起,联合首批成员(海岳大学、青岚科技有限公司、"
            "白鹭研究院和松涛集团有限公司)成立江川城市联盟。")
    # the pairs model keeps each member with the next one only: a chain, no clique of three
    chain = [(a, b, "joint_entity") for a, b in zip(members, members[1:])]
    assert _decide(text, chain) == [("joint_entity", sorted(members))]


def test_founders_and_members_of_one_set_up_told_in_one_sentence_are_one_event():
    founders = ["星河市人民政府", "远川市人民政府"]
    members = ["海岳大学", "青岚科技有限公司", "白鹭研究院", "松涛集团有限公司"]
    text = ("10月9日,星河市人民政府、远川市人民政府于当日共同发起,联合首批成员(海岳大学、青岚科技有限公司、"
            "白鹭研究院和松涛集团有限公司)成立江川城市联盟。")
    # the pairs model keeps the first founder with each, and the founders together: two lists
    star = [(founders[0], x, "joint_entity") for x in founders[1:] + members]
    assert _decide(text, star) == [("joint_entity", sorted(founders + members))]
    # a sentence telling two set-ups keeps its pairs apart, and agreements are not grouped so
    two = "10月9日,星河大学与远川研究院共建海岳联合实验室,与青岚科技有限公司共建白鹭创新中心。"
    kept = [("星河大学", "远川研究院", "joint_entity"), ("星河大学", "青岚科技有限公司", "joint_entity")]
    assert _decide(two, kept) == [("joint_entity", ["星河大学", "远川研究院"]),
                                  ("joint_entity", ["星河大学", "青岚科技有限公司"])]
    signed = "10月9日,星河大学与远川研究院、青岚科技有限公司分别签署合作协议。"
    kept = [("星河大学", "远川研究院", "agreement"), ("星河大学", "青岚科技有限公司", "agreement")]
    assert _decide(signed, kept) == [("agreement", ["星河大学", "远川研究院"]),
                                     ("agreement", ["星河大学", "青岚科技有限公司"])]


def test_pairs_listed_with_yu_stay_one_event_per_pair():
    # A与B、C与D: the chain B-C crosses 与-pairs, which are no list of one side
    text = "大会上,星河大学与远川大学、海岳大学与青岚大学等签署合作协议。"
    kept = [("星河大学", "远川大学", "agreement"), ("远川大学", "海岳大学", "agreement"),
            ("海岳大学", "青岚大学", "agreement")]
    assert _decide(text, kept) == sorted([("agreement", ["星河大学", "远川大学"]), ("agreement", ["海岳大学", "远川大学"]),
                                          ("agreement", ["海岳大学", "青岚大学"])])


# ---- events proposed over all the candidates ----------------------------------------------------



def test_a_place_joined_by_yu_before_a_trigger_makes_a_proposed_event():
    ctx = with_candidates("3月5日,青岚省与江川工程研究院在福州签署新一轮战略合作框架协议。",
                           [("青岚省", "place"), ("江川工程研究院", "tagger")])
    assert not ctx.rules.events  # the rules read no event: they read no party here
    [ev] = ctx.proposed
    assert (ev.type, sorted(ev.parties), ev.stage) == ("agreement", ["江川工程研究院", "青岚省"], "proposed")
    assert ctx.candidate_events == ctx.proposed
    f = event_features(ctx, 0)
    assert f["proposed"] == 1.0 and f["proposed|type=agreement"] == 1.0 and f["proposed|src=place"] == 1.0
    # the events model keeps it: a new event with its sentence's date, its pair reported
    scores = ([0.9] * len(ctx.orgs), {}, [0.8], [None] * len(ctx.people), 0.9)
    [out] = decide(ctx, LM, scores).events
    assert out.stage == "proposed+learned" and out.type == "agreement" and out.date and out.date.endswith("03-05")
    scores = ([0.9] * len(ctx.orgs), {}, [0.2], [None] * len(ctx.people), 0.9)
    assert decide(ctx, LM, scores).events == []


def test_no_proposal_for_a_plan_a_pair_the_rules_hold_names_not_joined_or_a_meeting():
    plan = with_candidates("3月5日,青岚省与江川工程研究院将签署新一轮战略合作框架协议。",
                            [("青岚省", "place"), ("江川工程研究院", "tagger")])
    assert plan.proposed == []
    held = _context("3月5日,星河科技有限公司与江南理工大学签署战略合作协议。")
    assert [e.type for e in held.rules.events] == ["agreement"] and held.proposed == []
    apart = with_candidates("3月5日,青岚省代表团参观了江川工程研究院,并签署合作协议。",
                             [("青岚省", "place"), ("江川工程研究院", "tagger")])
    assert [e for e in apart.proposed if e.type == "agreement"] == []
    talks = with_candidates("3月5日,青岚省与江川工程研究院举行座谈会。", [("青岚省", "place"), ("江川工程研究院", "tagger")])
    assert talks.proposed == []  # a meeting's shape is not proposed: A与B is as often its topic or guests


def test_an_english_signing_the_rules_hold_proposes_nothing():
    ctx = _context("Harlow University and Stennis Institute of Technology signed a memorandum of "
                   "understanding on 3 May 2024.")
    assert ctx.proposed == [] and ctx.candidate_events == ctx.rules.events


def test_an_unveiling_at_a_signing_proposes_a_set_up_of_the_signing_parties():
    # the base unveiled at the signing names no party of its own: the signing's parties set it up
    for text in ("3月5日,江南理工大学与星河科技有限公司签署战略合作协议。双方将在人才培养等方面开展合作。"
                 "在签约仪式上,星河科技有限公司实习实训基地同步揭牌。",
                 "3月5日,江南理工大学与星河科技有限公司举行校企合作签约仪式。会上,王明校长与李强董事长"
                 "签订了合作协议,并举行了实践教学基地授牌仪式。"):
        ctx = _context(text)
        assert [(e.type, sorted(e.parties)) for e in ctx.rules.events] == [
            ("agreement", ["星河科技有限公司", "江南理工大学"])]
        [ev] = ctx.proposed
        assert (ev.type, sorted(ev.parties), ev.stage) == ("joint_entity", ["星河科技有限公司", "江南理工大学"], "proposed")
        f = event_features(ctx, 1)
        assert f["proposed|shape=at_signing"] == 1.0 and f["proposed|type=joint_entity"] == 1.0
    # none without a signing told where it was unveiled, for a plan, or for a set-up the rules read
    alone = _context("3月5日,江南理工大学与星河科技有限公司签署战略合作协议。随后,星河科技有限公司实习实训基地揭牌。")
    assert alone.proposed == []
    plan = _context("3月5日,江南理工大学与星河科技有限公司签署战略合作协议。在签约仪式上,双方将为实习实训基地揭牌。")
    assert plan.proposed == []
    read = _context("3月5日,江南理工大学与星河科技有限公司签署战略合作协议,并为江南理工大学星河研究院揭牌。")
    assert sorted(e.type for e in read.rules.events) == ["agreement", "joint_entity"] and read.proposed == []
    # a proposal of the first shape has its parties' spans: not this shape
    ctx = with_candidates("3月5日,青岚省与江川工程研究院在福州签署新一轮战略合作框架协议。",
                           [("青岚省", "place"), ("江川工程研究院", "tagger")])
    assert "proposed|shape=at_signing" not in event_features(ctx, 0)


def test_a_list_on_one_side_of_yu_proposes_each_member_with_the_other_side():
    # the rules read the list alone (the hub is a name only the tagger found): each member with it
    hub = with_candidates("3月5日,南川军分区与江南高级中学、南川市第五中学、江南师范大学附属小学等4家单位"
                           "举行共建签约仪式。", [("南川军分区", "tagger")])
    assert [sorted(e.parties) for e in hub.rules.events] == [["南川市第五中学", "江南师范大学附属小学", "江南高级中学"]]
    n = len(hub.rules.events)
    got = {(e.type, e.parties[1]): event_features(hub, n + k) for k, e in enumerate(hub.proposed)
           if e.parties[0] == "南川军分区"}
    # each signed with the hub; a set-up of them all is one entity of all (not proposed as pairs)
    assert set(got) == {("agreement", m) for m in ("江南高级中学", "南川市第五中学", "江南师范大学附属小学")} \
        | {("joint_entity", "江南高级中学")}
    assert "proposed|shape=listed" not in got[("agreement", "江南高级中学")]  # joined by 与 itself
    assert got[("agreement", "南川市第五中学")]["proposed|shape=listed"] == 1.0
    # a counted list before 与 and its other side
    counted = with_candidates("3月5日,星河科技有限公司、远川电子有限公司等11家企业与江大签署产学合作协议。",
                               [("江大", "tagger")])
    assert {tuple(e.parties) for e in counted.proposed} >= {("星河科技有限公司", "江大"), ("远川电子有限公司", "江大")}
    # pairs side by side (A与B、C与D) are no list with a hub
    pairs = with_candidates("大会上,星河大学与远川大学、海岳大学与青岚大学等签署合作协议。", [])
    assert not any("星河大学" in e.parties and "海岳大学" in e.parties for e in pairs.proposed)


def test_wo_shi_before_yu_signs_as_the_article_s_one_city():
    # 我市 is no organization, but the article's own city is (named in its title): it signs with
    # each bank; without such a city (or with two) nothing stands for it
    title = "江川市与星河银行、远川银行举行签约仪式\n"
    body = "3月29日,我市与星河银行江南省分行、远川银行江南省分行、海岳银行江南省分行举行全面合作签约仪式。"
    banks = ["星河银行江南省分行", "远川银行江南省分行", "海岳银行江南省分行"]
    ctx = with_candidates(title + body, [("江川市", "place")])
    n = len(ctx.rules.events)
    home = {e.parties[1]: event_features(ctx, n + k) for k, e in enumerate(ctx.proposed) if e.parties[0] == "江川市"}
    assert set(banks) <= set(home)
    assert all(home[b]["proposed|home"] == 1.0 for b in banks)
    assert "proposed|home" not in home["星河银行"]  # 江川市与星河银行 in the title: named itself
    none = with_candidates(body, [])
    assert none.proposed == []
    two = with_candidates("江川市、远川市代表出席。" + body, [("江川市", "place"), ("远川市", "place")])
    assert not any(set(e.parties) & {"江川市", "远川市"} for e in two.proposed)
    # 本市 inside a name (熊本市) is no reference to the article's city
    inside = with_candidates("江川市代表团访问熊本\n3月5日,熊本市与星河银行江南省分行签署合作协议。",
                              [("江川市", "place"), ("熊本市", "place")])
    assert [sorted(e.parties) for e in inside.proposed] == [["星河银行江南省分行", "熊本市"]]


def test_a_delegation_told_beside_a_signing_party_proposes_its_visit():
    # the guidelines count the visit during which an agreement is signed as an event of its own
    ctx = _context("3月5日,星河科技有限公司与江南理工大学签署战略合作协议。会前,江南理工大学校长李华会见了王明一行。")
    assert [e.type for e in ctx.rules.events] == ["agreement"]
    [ev] = ctx.proposed
    assert (ev.type, sorted(ev.parties)) == ("visit", ["星河科技有限公司", "江南理工大学"])
    f = event_features(ctx, 1)
    assert f["proposed|shape=to_sign"] == 1.0 and "proposed|shape=at_signing" not in f
    # none for a planned trip, none without a delegation, none where the rules read the visit
    plan = _context("3月5日,星河科技有限公司与江南理工大学签署战略合作协议。星河科技有限公司计划下月率团来访。")
    quiet = _context("3月5日,星河科技有限公司与江南理工大学签署战略合作协议。江南理工大学校长李华出席。")
    read = _context("3月5日,星河科技有限公司董事长王明一行来到江南理工大学考察交流。当天,星河科技有限公司与"
                    "江南理工大学签署战略合作协议。")
    assert sorted(e.type for e in read.rules.events) == ["agreement", "visit"]
    assert plan.proposed == quiet.proposed == read.proposed == []


def test_a_tagger_reading_glued_before_a_name_written_alone_signs_as_that_name():
    # the tagger reads 南川市双拥办协调南川军分区 as one name; the title writes 南川军分区 alone:
    # the name beside 与 is 南川军分区, which signs with each school, not the glued reading
    text = ("南川军分区和江南高级中学签订共建协议\n近日,南川市双拥办协调南川军分区与江南高级中学、南川市第五中学、"
            "江南师范大学附属小学等3家单位举行共建签约仪式。")
    ctx = with_candidates(text, [("南川市双拥办协调南川军分区", "tagger"), ("南川军分区", "place")])
    agreements = {tuple(e.parties) for e in ctx.proposed if e.type == "agreement"}
    assert {("南川军分区", m) for m in ("南川市第五中学", "江南师范大学附属小学")} <= agreements
    assert not any("南川市双拥办协调南川军分区" in e.parties for e in ctx.proposed)
    # a name the article never writes alone keeps the tagger's reading
    alone = with_candidates(text.split("\n")[1], [("南川市双拥办协调南川军分区", "tagger"), ("南川军分区", "place")])
    assert any("南川市双拥办协调南川军分区" in e.parties for e in alone.proposed)



def test_a_set_up_proposed_beside_a_signing_is_not_proposed_again_at_its_unveiling():
    # A与B共建… proposes the set-up; its unveiling at the signing is the same set-up, not a second one
    ctx = with_candidates("3月5日,青岚省与江川工程研究院共建联合实验室并签署合作协议,联合实验室同步揭牌。",
                           [("青岚省", "place"), ("江川工程研究院", "tagger")])
    assert sorted((e.type, tuple(sorted(e.parties))) for e in ctx.proposed) == [
        ("agreement", ("江川工程研究院", "青岚省")), ("joint_entity", ("江川工程研究院", "青岚省"))]


def test_a_delegation_named_by_the_leaders_of_signing_parties_proposes_their_visits():
    # 李华、赵刚等一行: people the rules post at two of the three parties; each of their banks
    # visited the third, the one they signed with (not each other)
    ctx = _context("3月5日,江川市人民政府与星河银行江南省分行、远川银行江南省分行签署战略合作协议。"
                   "星河银行江南省分行行长李华、远川银行江南省分行行长赵刚出席。"
                   "市委书记王明对李华、赵刚等一行来江川签约表示欢迎。")
    assert {(e.type, frozenset(e.parties)) for e in ctx.proposed} == {
        ("visit", frozenset({"星河银行江南省分行", "江川市人民政府"})),
        ("visit", frozenset({"远川银行江南省分行", "江川市人民政府"}))}
    # one leader of three parties: which of the other two the bank came to is left open
    one = _context("3月5日,江川市人民政府与星河银行江南省分行、远川银行江南省分行签署战略合作协议。"
                   "星河银行江南省分行行长李华出席。市委书记王明对李华等一行来江川签约表示欢迎。")
    assert one.proposed == []
    # of two parties, through the leader too
    two = _context("3月5日,江川市人民政府与星河银行江南省分行签署战略合作协议。星河银行江南省分行行长李华出席。"
                   "市委书记王明对李华等一行来江川签约表示欢迎。")
    assert [(e.type, sorted(e.parties)) for e in two.proposed] == [("visit", ["星河银行江南省分行", "江川市人民政府"])]


def test_a_team_led_to_sign_and_a_trip_gone_to_sign_are_delegations():
    led = _context("3月5日,江川市人民政府与星河集团签署战略合作协议。星河集团董事长李强出席。"
                   "李强表示,此次亲自率领团队来江川签约,意义重大。")
    gone = _context("江川市人民政府赴渝签署旅游合作协议\n12月1日,江川市人民政府与渝中区人民政府签署旅游合作协议。")
    assert [e.type for e in led.proposed] == [e.type for e in gone.proposed] == ["visit"]
    plan = _context("3月5日,江川市人民政府与星河集团签署战略合作协议。星河集团董事长李强出席。"
                    "李强表示,明年将率领团队来江川考察。")
    assert plan.proposed == []
