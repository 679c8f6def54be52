"""Topics are whole phrases or absent (issue 10): no cut word, no lone function word, no clause
opened by a verb, no pointer to a list that follows. Invented bodies, texts written here."""

from __future__ import annotations

from partnergraph import extract


def _topics(text: str) -> list[str]:
    rec = extract(text, published="2024-06-01")
    assert rec.events, "the test text must give an event"
    out = [t for e in rec.events for t in e.topics]
    for e in rec.events:
        for span in e.evidence:
            if span.field == "topic":
                assert rec.text[span.start:span.end] in e.topics
    return out


def test_a_list_cut_by_the_length_cap_loses_its_cut_item():
    fields = ", ".join(["agriculture", "the environment", "mineral resources", "oil and gas", "tourism",
                        "telecommunications", "information and communication technologies"])
    text = (f"Linhai University signed an agreement with Brightwave Group on cooperation in the fields of "
            f"{fields}, transport and maritime cooperation, trade and industry.")
    topics = _topics(text)
    assert "agriculture" in topics
    assert all(t in text.split("fields of ", 1)[1] for t in topics)
    assert not any(t in ("mar", "marit", "maritime coop") for t in topics)
    for t in topics:  # every topic ends where a word ends
        end = text.index(t) + len(t)
        assert not text[end].isalpha(), t


def test_no_function_word_topic():
    topics = _topics("Linhai University signed an agreement with Brightwave Group to promote cooperation in "
                     "the fields of science, culture and higher education, and to set up a joint office.")
    assert topics == ["science", "culture", "higher education"]


def test_a_verb_opening_the_phrase_is_no_part_of_the_field():
    topics = _topics("Linhai University signed an agreement with Brightwave Group on cooperation in "
                     "promoting vocational education.")
    assert topics == ["vocational education"]
    topics = _topics("Linhai University signed an agreement with Brightwave Group on cooperation in "
                     "drawing a roadmap for the region.")
    assert topics == []


def test_a_pointer_to_the_following_list_is_no_topic():
    topics = _topics("Linhai University signed an agreement with Brightwave Group focusing on the "
                     "following key contents: staff exchange and training.")
    assert "following key contents" not in topics


def test_chinese_count_of_fields_is_not_part_of_the_last_field():
    topics = _topics("6月16日,北岭大学与海川集团签署战略合作协议,双方将在市政基础设施建设和服务等多领域展开合作。")
    assert topics == ["市政基础设施建设", "服务"]
    topics = _topics("6月16日,北岭大学与海川集团签署协议,双方将在人才培养、科技研发等四个方面开展合作。")
    assert topics == ["人才培养", "科技研发"]


def test_chinese_verb_opening_a_field_is_skipped():
    topics = _topics("6月16日,北岭大学与海川集团签署协议,双方将在共同促进贸易安全、提升教学质量等方面开展合作。")
    assert topics == ["贸易安全", "教学质量"]


def test_chinese_zhizai_is_no_zai():
    topics = _topics("6月16日,北岭大学与海川集团签署协议,旨在汇聚两岸工业领域的行业力量。")
    assert topics == []
