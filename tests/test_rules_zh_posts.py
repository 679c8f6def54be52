"""Chinese people the rules record: surnames the name reader knows, and the bare leaders of a level
of government (市领导王刚) read but not recorded as posts."""

from __future__ import annotations

from partnergraph.extraction.backend import load_backend
from partnergraph.pipeline import extract


def _people(text: str) -> set[tuple[str, str | None, str | None]]:
    out = extract(text, backend=load_backend("rules"), lang="zh")
    return {(p.name, p.title, p.org) for p in out.people}


def test_common_surnames_missing_before_are_names():
    text = "江岭大学副校长傅明远主持仪式,海川集团董事长洪立新、总经理萧文宇和赖国平教授出席。"
    got = {name for name, _, _ in _people(text)}
    assert {"傅明远", "洪立新", "萧文宇", "赖国平"} <= got


def test_a_traditional_surname_reads_as_its_simplified_form():
    assert ("蕭文宇", "董事長", "海川集團") in _people("海川集團董事長蕭文宇出席簽約儀式。")


def test_a_bare_leader_of_a_level_of_government_is_no_recorded_post():
    got = _people("市领导王刚、李华出席签约仪式,江岭大学校长林晓峰致辞。")
    assert got == {("林晓峰", "校长", "江岭大学")}


def test_a_leader_with_a_post_of_their_own_is_recorded():
    got = _people("溪山市副市长王刚出席签约仪式。")
    assert {name for name, _, _ in got} == {"王刚"}


def test_a_spokesperson_a_chief_executive_and_a_counsellor_are_posts():
    got = _people("江岭市政府发言人林晓峰表示,特区行政长官周明远出席,江岭大学辅导员洪立新主持。")
    assert {(name, title) for name, title, _ in got} >= {("林晓峰", "发言人"), ("周明远", "行政长官"),
                                                          ("洪立新", "辅导员")}


def test_posts_of_taiwans_universities_and_a_deputy_director_of_an_administration():
    got = _people("江嶺科技大學研發長林曉峰、教務長周明遠出席,海川集團執行長洪立新與新聞出版總署副署長萧文宇致詞。")
    assert {(name, title) for name, title, _ in got} >= {("林曉峰", "研發長"), ("周明遠", "教務長"),
                                                          ("洪立新", "執行長"), ("萧文宇", "副署長")}


def test_a_signing_that_is_long_term_holds_no_post():
    assert _people("双方签署长期合作协议。") == set()


def test_a_teacher_a_cadre_and_an_assistant_to_a_president_are_posts():
    got = _people("江岭大学法学院教师林晓峰、综合办公室干部周明远与海川银行行长助理洪立新出席。")
    assert {(name, title) for name, title, _ in got} >= {("林晓峰", "教师"), ("周明远", "干部"),
                                                          ("洪立新", "行长助理")}


def test_a_name_ends_before_today():
    got = _people("江嶺大學校長談哲敏今(13)日率團到訪,海川集团董事长周明远今天表示欢迎。")
    assert {name for name, _, _ in got} == {"談哲敏", "周明远"}


def test_a_post_in_latin_letters():
    got = _people("海川集团常务董事、终端BG CEO周明远致辞,星纪集团中国区CMO林晓峰表示感谢。")
    assert {(name, title) for name, title, _ in got} >= {("周明远", "CEO"), ("林晓峰", "CMO")}


def test_a_post_read_beside_a_name_cuts_no_organizations_name():
    out = extract("江岭大学教师发展中心与中国浦东干部学院签署合作协议。", backend=load_backend("rules"), lang="zh")
    assert {"江岭大学教师发展中心", "中国浦东干部学院"} <= {o.name for o in out.organizations}


def test_a_name_of_parts_joined_by_a_middle_dot_is_read_whole():
    # the transliteration characters read 艾尔肯 alone; the dotted parts hold the whole name
    got = {name for name, _, _ in _people("江岭自治区主席艾尔肯·吐尼亚孜出席，副主席努尔兰·阿不都满金在会上讲话。")}
    assert {"艾尔肯·吐尼亚孜", "努尔兰·阿不都满金"} <= got
    assert "艾尔肯" not in got and "努尔兰" not in got
    # a Western name stops where the transliteration characters stop (访华 is no part of it)
    got = {name for name, _, _ in _people("北方国外长穆罕默德·阿里访华期间会见了海川集团董事长洪立新。")}
    assert "穆罕默德·阿里" in got


def test_reading_a_dotted_name_takes_linear_time():
    import time

    text = "江岭大学校长" + "艾·" * 20_000 + "。"
    t0 = time.perf_counter()
    _people(text)
    assert time.perf_counter() - t0 < 5


def test_a_dotted_name_ends_before_a_verb():
    got = {name for name, _, _ in _people("江岭自治区副主席铁力瓦尔迪·阿不都热西提签署协议。")}
    assert "铁力瓦尔迪·阿不都热西提" in got


def test_a_general_secretary_after_a_name_is_read_after_a_verb_of_carrying_out():
    # 总书记 is a post (it was 书记 with 总 glued to the name); after 落实 or 学习 a name may open,
    # and 关于 may follow it
    got = _people("江岭大学校长傅明远指出，要深入贯彻落实周明远总书记关于教育的重要论述。")
    assert ("周明远", "总书记", None) in got
    got = _people("傅明远在致辞中指出,周明远总书记高度重视文化工作。")
    assert ("周明远", "总书记", None) in got
    assert ("王嘉毅", "副部长、总督学", "教育部") in _people("教育部副部长、总督学王嘉毅出席会议。")


def test_come_to_a_place_is_no_name_after_a_post():
    # 来 is a surname too; 来宁 (to come to Ningxia) after 总书记 is a verb
    got = _people("此次合作对落实周明远总书记来宁讲话精神具有重要意义，江岭市市长来京考察。")
    assert {name for name, _, _ in got} == {"周明远"}


def test_a_tibetan_name_has_no_surname_and_four_characters():
    got = _people("江岭大学党委副书记、校长洛桑次仁,党委副书记巴桑旺堆,副校长扎西卓玛出席,会上，白玛多吉书记讲话。")
    assert {name for name, _, _ in got} >= {"洛桑次仁", "巴桑旺堆", "扎西卓玛", "白玛多吉"}
    assert not {"洛桑", "巴桑"} & {name for name, _, _ in got}


def test_a_given_name_may_open_with_hui_yue_or_qi_but_a_name_ends_there():
    got = _people("江岭市委常委、政法委书记邢会义,江岭大学教师靳月超、副校长陈其远出席，副市长李强会见了客人。")
    assert {name for name, _, _ in got} >= {"邢会义", "靳月超", "陈其远", "李强"}
    assert "李强会" not in {name for name, _, _ in got}


def test_an_appointment_and_a_removal_in_a_personnel_notice():
    got = _people("会议宣布:林晓峰同志任海川集团副董事长,不再担任海川集团总经理职务;"
                  "周明远同志担任江岭集团副总会计师、海川集团监事会主席;免去傅明远的江岭集团董事长职务。")
    assert {("林晓峰", "副董事长", "海川集团"), ("周明远", "副总会计师", "江岭集团"),
            ("周明远", "监事会主席", "海川集团"), ("傅明远", "董事长", "江岭集团")} <= got
    assert not {name for name, _, _ in _people("他表示,王刚任职期间工作出色。")}
    import time

    for unit in ("免去林晓峰的", "林晓峰同志任海川集团董事长、", ";周明远任"):
        t0 = time.perf_counter()
        _people("会议宣布:" + unit * 5_000 + "。")
        assert time.perf_counter() - t0 < 10


def test_a_deputy_minister_a_special_assistant_a_committee_member_and_a_delegations_head():
    got = _people("溪山市教育局政務次長林曉峰、江岭大学校长特别助理周明远、江岭商会中央执委洪立新"
                  "与溪山工商访问团团长萧文宇出席。")
    assert {(name, title) for name, title, _ in got} >= {
        ("林曉峰", "政務次長"), ("周明远", "校长特别助理"), ("洪立新", "执委"), ("萧文宇", "团长")}


def test_a_customs_head_and_a_long_talk_or_a_related_long_term_plan_hold_no_post():
    from partnergraph.learn.people import title_near

    text = "溪山海关关长林晓峰表示"
    assert title_near(text, 6, 9, "zh") == (2, 6)
    assert _people("双方有一次长谈,推进相关长期合作。") == set()
