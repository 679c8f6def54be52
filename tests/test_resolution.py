"""Resolution across documents: each rule, its traps, its explanation, and user overrides.

Records are written here (not extracted), so each test pins one rule whatever the engines do.
"""

from __future__ import annotations

import pytest

from partnergraph.ingest import ingest_extractions
from partnergraph.models import Event, Extraction, Organization, Person, Provenance
from partnergraph.query import find_org, partners
from partnergraph.resolution.explain import merge, split, why
from partnergraph.resolution.names import is_short_form, name_key, unit_difference
from partnergraph.store import open_store

PROV = Provenance(backend="test", version="0")


def ex(id, orgs, events=(), people=(), published=None, text=None):
    """An extraction: orgs as (name, aliases, kind); events as (type, date, parties)."""
    return Extraction(
        id=id, text=text or f"article {id}", published=published, provenance=PROV,
        organizations=[Organization(name=n, aliases=list(a), kind=k) for n, a, k in orgs],
        events=[Event(type=t, date=d, parties=list(p)) for t, d, p in events],
        people=[Person(name=n, title=t, org=o) for n, t, o in people],
    )


@pytest.fixture
def store():
    s = open_store(":memory:")
    yield s
    s.close()


def entity_of(store, name):
    return find_org(store, name).id


# -- names ------------------------------------------------------------------------------------
@pytest.mark.parametrize("a,b", [
    ("Zhejiang Huayou Cobalt Co., Ltd.", "zhejiang huayou cobalt"),
    ("The Huazhong University of Science and Technology", "Huazhong University of Science & Technology"),
    ("LG Energy Solution, Ltd.", "LG ENERGY SOLUTION"),
    ("浙江华友钴业股份有限公司", "浙江華友鈷業"),
    ("华中 科技 大学", "华中科技大学"),
    ("Acme Inc.", "ACME"),
])
def test_name_key_ignores_case_article_punctuation_legal_form_and_script(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [
    ("Wuhan University", "Wuhan University of Technology"),
    ("X Group", "X"),  # a group is not its namesake company: "Group" is not a legal form
    ("华中科技大学", "华中科技大学材料学院"),
])
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_of_a_bare_legal_form_is_not_empty():
    assert name_key("Inc.") == "inc"
    assert name_key(name_key("Co., Ltd.")) == name_key("Co., Ltd.")


def test_short_forms_and_unit_differences():
    assert is_short_form("HUST") and is_short_form("华科") and not is_short_form("Wuhan University")
    assert unit_difference("Wuhan University", "Wuhan University of Technology")
    assert unit_difference("Huazhong University of Science and Technology",
                           "School of Materials Science, Huazhong University of Science and Technology")
    assert unit_difference("Huayou Cobalt", "Zhejiang Huayou Cobalt Co., Ltd.") is None
    assert unit_difference("华中科技大学", "华中科技大学材料学院")
    assert unit_difference("中国科学院", "中国科学院大学")
    assert unit_difference("冀唐学院", "华北理工大学冀唐学院") is None  # a parent qualifies, same body
    assert unit_difference("Chinese Academy of Sciences", "Institute of Physics, Chinese Academy of Sciences")
    assert unit_difference("Peking University", "Peking University Third Hospital")
    assert unit_difference("Dual-Carbon Intelligence Joint Laboratory",
                           "USTC-Daqo Group Dual-Carbon Intelligence Joint Laboratory") is None


# -- organizations ----------------------------------------------------------------------------
HUST = "Huazhong University of Science and Technology"


def test_acronym_in_one_article_joins_full_name_in_others(store):
    ingest_extractions(store, [
        ex("a", [(HUST, ["HUST", "华中科技大学"], "university")]),
        ex("b", [("HUST", [], "other")]),
        ex("c", [("华中科技大学", [], "university")]),
        ex("d", [("the Huazhong University of Science & Technology", [], "university")]),
        ex("e", [(HUST, [], "university")]),
    ])
    ids = {entity_of(store, n) for n in (HUST, "HUST", "华中科技大学", "华中科技大學")}
    assert len(ids) == 1
    _id, _key, name, kind, n_docs = store.entity(ids.pop())
    assert (kind, n_docs) == ("university", 5)
    assert name == HUST  # a full name is shown rather than the acronym


def test_legal_form_or_not_is_one_company(store):
    ingest_extractions(store, [
        ex("a", [("Zhejiang Huayou Cobalt Co., Ltd.", [], "company")]),
        ex("b", [("Zhejiang Huayou Cobalt", [], "company")]),
    ])
    assert entity_of(store, "Zhejiang Huayou Cobalt Co., Ltd.") == entity_of(store, "zhejiang huayou cobalt")
    assert why(store, "Zhejiang Huayou Cobalt Co., Ltd.", "Zhejiang Huayou Cobalt").steps[0].startswith("same-key")


def test_acronym_spelling_the_initials_joins_within_an_article(store):
    ingest_extractions(store, [ex("a", [(HUST, [], "university"), ("HUST", [], "other")])])
    assert entity_of(store, "HUST") == entity_of(store, HUST)
    assert why(store, "HUST", HUST).steps[0].startswith("acronym")


def test_similar_names_sharing_words_are_never_merged(store):
    # even an article that (wrongly) gives one as an alias of the other does not join them
    ingest_extractions(store, [
        ex("a", [("Wuhan University", [], "university")]),
        ex("b", [("Wuhan University of Technology", ["Wuhan University"], "university")]),
    ])
    assert entity_of(store, "Wuhan University") != entity_of(store, "Wuhan University of Technology")
    e = why(store, "Wuhan University", "Wuhan University of Technology")
    assert not e.same and any("different-unit" in s for s in e.steps)


def test_a_bare_name_completed_by_its_head_word_joins(store):
    ingest_extractions(store, [
        ex("a", [("Soochow University", ["Soochow"], "university")]),
        ex("b", [("Daqo Group", ["Daqo"], "company")]),
        ex("c", [("Soochow", [], "other"), ("Daqo", [], "other")]),
    ])
    assert entity_of(store, "Soochow") == entity_of(store, "Soochow University")
    assert entity_of(store, "Daqo") == entity_of(store, "Daqo Group")


def test_a_university_and_its_school_stay_apart(store):
    school = "School of Materials Science and Engineering, " + HUST
    ingest_extractions(store, [
        ex("a", [(school, [HUST], "university"), (HUST, [], "university")]),
        ex("b", [("华中科技大学材料学院", ["华中科技大学"], "university")]),
    ])
    assert entity_of(store, school) != entity_of(store, HUST)
    assert entity_of(store, "华中科技大学材料学院") != entity_of(store, "华中科技大学")


def test_ambiguous_acronym_joins_neither_full_name(store):
    ingest_extractions(store, [
        ex("a", [(HUST, ["HUST"], "university")]),
        ex("b", [("Hanoi University of Science and Technology", ["HUST"], "university")]),
    ])
    a, b = entity_of(store, HUST), entity_of(store, "Hanoi University of Science and Technology")
    assert a != b and entity_of(store, "HUST") not in (a, b)
    e = why(store, "HUST", HUST)
    assert not e.same and "ambiguous-short-form" in " ".join(e.steps)


def test_a_name_cut_out_of_two_full_names_joins_neither(store):
    ingest_extractions(store, [
        ex("a", [("邮储银行镇江市分行", ["镇江市分行"], "company")]),
        ex("b", [("农业银行镇江市分行", ["镇江市分行"], "company")]),
        ex("c", [("邮储银行总行", ["邮储银行"], "company")]),
    ])
    assert entity_of(store, "邮储银行镇江市分行") != entity_of(store, "农业银行镇江市分行")
    assert entity_of(store, "镇江市分行") not in (entity_of(store, "邮储银行镇江市分行"),
                                             entity_of(store, "农业银行镇江市分行"))
    assert entity_of(store, "邮储银行") == entity_of(store, "邮储银行总行")  # one attachment: joins
    assert "ambiguous-short-form" in " ".join(why(store, "镇江市分行", "邮储银行镇江市分行").steps)


def test_english_and_chinese_names_given_as_aliases_are_one(store):
    ingest_extractions(store, [
        ex("en", [("LG Energy Solution", ["LGES", "LG新能源"], "company")]),
        ex("zh", [("LG新能源", [], "company")]),
    ])
    assert entity_of(store, "LG新能源") == entity_of(store, "LGES") == entity_of(store, "LG Energy Solution")
    steps = why(store, "LG Energy Solution", "LG新能源").steps
    assert steps and "alias" in steps[0] and "document en" in steps[0]


def test_names_with_no_evidence_are_kept_apart_and_why_says_so(store):
    ingest_extractions(store, [ex("a", [("Alpha Robotics", [], "company"), ("Beta Motors", [], "company")])])
    e = why(store, "Alpha Robotics", "Beta Motors")
    assert not e.same and "no article" in e.steps[0]


# -- overrides --------------------------------------------------------------------------------
def test_merge_and_split_are_kept_across_reingestion(store):
    docs = [
        ex("a", [("Northwind Robotics", ["Northwind"], "company")]),
        ex("b", [("NW Robotics Lab", [], "research")]),
    ]
    ingest_extractions(store, docs)
    assert entity_of(store, "Northwind") == entity_of(store, "Northwind Robotics")
    merge(store, "NW Robotics Lab", "Northwind Robotics")
    split(store, "Northwind")
    changed = [docs[0].model_copy(update={"text": "article a, corrected"}), docs[1]]
    ingest_extractions(store, changed)
    assert entity_of(store, "NW Robotics Lab") == entity_of(store, "Northwind Robotics")
    assert entity_of(store, "Northwind") != entity_of(store, "Northwind Robotics")
    assert "user-merge" in why(store, "NW Robotics Lab", "Northwind Robotics").steps[0]
    assert "user-split" in " ".join(why(store, "Northwind", "Northwind Robotics").steps)


def test_split_cancels_an_earlier_merge(store):
    ingest_extractions(store, [ex("a", [("Alpha Robotics", [], "company"), ("Beta Motors", [], "company")])])
    merge(store, "Alpha Robotics", "Beta Motors")
    assert entity_of(store, "Alpha Robotics") == entity_of(store, "Beta Motors")
    split(store, "Beta Motors")
    assert entity_of(store, "Alpha Robotics") != entity_of(store, "Beta Motors")


# -- people -----------------------------------------------------------------------------------
def test_people_are_one_per_name_and_resolved_organization(store):
    ingest_extractions(store, [
        ex("a", [(HUST, ["HUST"], "university")], people=[("Li Hua", "President", HUST)]),
        ex("b", [("HUST", [], "university")], people=[("Li  Hua", "Professor", "HUST")]),
        ex("c", [("Wuhan University", [], "university")], people=[("Li Hua", "Dean", "Wuhan University")]),
        ex("d", [], people=[("Li Hua", "Engineer", None)]),
        ex("e", [], people=[("Li Hua", "Engineer", None)]),
    ])
    rows = store.conn.execute("SELECT name, entity_id, n_docs FROM people ORDER BY n_docs DESC").fetchall()
    assert rows[0][2] == 2 and rows[0][1] == entity_of(store, HUST)
    assert len(rows) == 4  # HUST, Wuhan University, and two with no organization


# -- events -----------------------------------------------------------------------------------
LG, HY = "LG Energy Solution", "Zhejiang Huayou Cobalt Co., Ltd."


def two_reports(date_a, date_b, type_b="agreement"):
    return [
        ex("lg-site", [(LG, ["LGES"], "company"), (HY, ["Huayou"], "company")],
           [("agreement", date_a, ["LGES", "Huayou"])], published=date_a),
        ex("hy-site", [("LG Energy Solution Ltd.", [], "company"), ("Zhejiang Huayou Cobalt", [], "company")],
           [(type_b, date_b, ["Zhejiang Huayou Cobalt", "LG Energy Solution Ltd."])], published=date_b),
    ]


def test_same_event_from_each_partys_site_a_day_apart_is_one_event(store):
    ingest_extractions(store, two_reports("2024-03-01", "2024-03-02"))
    rows = store.conn.execute("SELECT date, n_sources FROM events").fetchall()
    assert rows == [("2024-03-01", 2)]
    rules = [r for (r,) in store.conn.execute("SELECT rule FROM event_sources ORDER BY rule")]
    assert rules[0] == "first report" and "within 3 days" in rules[1]
    p = partners(store, "LGES")
    assert [(x.org.name, x.events) for x in p] == [(HY, 1)]


@pytest.mark.parametrize("a,b,expected", [
    ("2024-03-01", "2024-03-09", 2),  # a week apart: two signings
    ("2024-03", "2024-03-15", 1),     # a month and a day in it: the same one
    ("2024-03-01", "2024-03-01", 1),
])
def test_event_date_window(store, a, b, expected):
    ingest_extractions(store, two_reports(a, b))
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == expected


def test_different_types_are_different_events(store):
    ingest_extractions(store, two_reports("2024-03-01", "2024-03-01", type_b="visit"))
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2


def test_two_reports_in_one_article_stay_two_events(store):
    ingest_extractions(store, [ex("a", [(LG, [], "company"), (HY, [], "company")],
                                  [("agreement", "2024-03-01", [LG, HY]),
                                   ("agreement", "2024-03-02", [LG, HY])])])
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 2


def test_undated_report_uses_the_publication_date(store):
    docs = two_reports("2024-03-01", None)
    docs[1] = docs[1].model_copy(update={"published": "2024-03-02"})
    ingest_extractions(store, docs)
    assert store.conn.execute("SELECT date, n_sources FROM events").fetchall() == [("2024-03-01", 2)]


def test_a_date_without_a_year_is_kept_and_sorted_by_publication(store):
    ingest_extractions(store, [ex("a", [(LG, [], "company"), (HY, [], "company")],
                                  [("visit", "--05-20", [LG, HY])], published="2023-06-01")])
    assert store.conn.execute("SELECT date, sort_date FROM events").fetchall() == [("--05-20", "2023-06-01")]
