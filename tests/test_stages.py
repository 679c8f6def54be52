"""The rule engines' seams: the shared mention record, a mention finder and a party chooser
plugged in as stages, and `process_many` with a backend's `extract_many`. Texts are invented."""

from __future__ import annotations

import re

import pytest

from partnergraph import extract, process_many
from partnergraph.documents import prepare
from partnergraph.errors import ConfigError
from partnergraph.extraction import backend as backend_module
from partnergraph.extraction.backend import load_backend
from partnergraph.extraction.rules import RuleBackend
from partnergraph.extraction.stages import Mention, PartyCandidates, RuleParties, mentions
from partnergraph.models import Extraction, Provenance

EN = ("Kestrel Dynamics signed a cooperation agreement with Lumio University and Harbor Institute of "
      "Technology in Oslo on March 3, 2024.\nThe agreement covers battery research.")
ZH_VISIT = "2024年3月5日，蓝鲸董事长王明到青川大学考察交流。"


class WordFinder:
    """Every occurrence of some words: the simplest mention finder a user could write."""

    def __init__(self, words, name="word-list", kind=None):
        self.words, self.name, self.kind = words, name, kind

    def find(self, document):
        return [Mention(m.start(), m.end(), kind=self.kind)
                for w in self.words for m in re.finditer(re.escape(w), document.text)]


class FirstTwo:
    name = "first-two"

    def choose(self, document, candidates: PartyCandidates):
        return candidates.chosen[:2]


def test_mention_finder_names_a_party_the_rules_miss_en():
    plain = extract(EN, lang="en", backend=RuleBackend())
    assert "Kestrel Dynamics" not in {o.name for o in plain.organizations}
    ex = extract(EN, lang="en", backend=RuleBackend({"mention_finders": (WordFinder(["Kestrel Dynamics"]),)}))
    found = next(o for o in ex.organizations if o.name == "Kestrel Dynamics")
    assert found.stage == "word-list"
    assert [EN[s.start:s.end] for s in found.evidence] == ["Kestrel Dynamics"]
    (ev,) = ex.events
    assert ev.type == "agreement" and ev.parties[0] == "Kestrel Dynamics" and len(ev.parties) == 3
    assert all(o.stage is None for o in ex.organizations if o.name != "Kestrel Dynamics")


def test_mention_finder_names_a_party_the_rules_miss_zh():
    assert extract(ZH_VISIT, lang="zh", backend=RuleBackend()).events == []
    finder = WordFinder(["蓝鲸"], kind="company")
    ex = extract(ZH_VISIT, lang="zh", backend=RuleBackend({"mention_finders": (finder,)}))
    assert [(o.name, o.kind, o.stage) for o in ex.organizations if o.name == "蓝鲸"] == [("蓝鲸", "company", "word-list")]
    assert [(e.type, e.parties) for e in ex.events] == [("visit", ["蓝鲸", "青川大学"])]
    assert [(p.name, p.org) for p in ex.people] == [("王明", "蓝鲸")]


def test_a_name_the_rules_already_have_stays_theirs():
    ex = extract(EN, lang="en", backend=RuleBackend({"mention_finders": (WordFinder(["Lumio University"]),)}))
    assert next(o for o in ex.organizations if o.name == "Lumio University").stage is None
    assert ex == extract(EN, lang="en", backend=RuleBackend())


def test_a_finder_span_outside_the_text_is_ignored():
    class Wild:
        name = "wild"

        def find(self, document):
            return [Mention(-5, 3), Mention(10, 10**6), Mention(4, 2), Mention(0, 1)]

    for text, lang in ((EN, "en"), (ZH_VISIT, "zh")):
        ex = extract(text, lang=lang, backend=RuleBackend({"mention_finders": (Wild(),)}))
        assert ex.warnings == []
        assert all(0 <= s.start <= s.end <= len(text) for o in ex.organizations for s in o.evidence)


def test_party_chooser_changes_parties_and_records_itself():
    ex = extract(EN, lang="en", backend=RuleBackend({"mention_finders": (WordFinder(["Kestrel Dynamics"]),),
                                                     "party_chooser": FirstTwo()}))
    (ev,) = ex.events
    assert ev.parties == ["Kestrel Dynamics", "Lumio University"] and ev.stage == "first-two"
    quoted = [EN[s.start:s.end] for s in ev.evidence if s.field == "party"]
    assert quoted == ["Kestrel Dynamics", "Lumio University"]
    assert [EN[s.start:s.end] for s in ev.evidence if s.field == "trigger"]  # the rest of the evidence stays


def test_party_chooser_leaving_one_party_drops_the_event():
    class OnlyOne:
        name = "only-one"

        def choose(self, document, candidates):
            return candidates.chosen[:1] + ["Not An Organization Of This Text"]

    assert extract(EN, lang="en", backend=RuleBackend({"party_chooser": OnlyOne()})).events == []


def test_party_chooser_sees_every_mention_and_may_add_a_party():
    seen = []

    class AddAll:
        name = "add-all"

        def choose(self, document, candidates):
            seen.append(candidates)
            return [candidates.organizations[m.org].name for m in candidates.mentions]

    text = "Lumio University signed an agreement with Harbor Institute of Technology.\nNorvale Group was not there."
    ex = extract(text, lang="en", backend=RuleBackend({"party_chooser": AddAll()}))
    (cands,) = seen
    assert cands.trigger is not None and text[cands.trigger.start:cands.trigger.end] == "signed an agreement"
    assert [text[m.start:m.end] for m in cands.mentions] == [
        "Lumio University", "Harbor Institute of Technology", "Norvale Group"]
    assert ex.events[0].parties == ["Lumio University", "Harbor Institute of Technology", "Norvale Group"]


def test_default_stages_change_nothing():
    for text, lang in ((EN, "en"), (ZH_VISIT, "zh")):
        doc = prepare(text, id="d", lang=lang)
        assert RuleBackend({"party_chooser": RuleParties(), "mention_finders": ()}).extract(doc) == \
            RuleBackend().extract(doc)


def test_stage_settings_through_load_backend():
    chooser = FirstTwo()
    engine = load_backend("rules", {"party_chooser": chooser})
    assert engine.chooser is chooser and load_backend("rules", {"party_chooser": chooser}) is engine
    learned = load_backend("learned", {"party_chooser": chooser})
    assert learned.rules.chooser is chooser


def test_bad_stage_settings_say_what_is_valid():
    with pytest.raises(ConfigError) as err:
        RuleBackend({"mention_finder": WordFinder(["X"])})
    assert "mention_finders" in err.value.hint
    with pytest.raises(ConfigError, match="find"):
        RuleBackend({"mention_finders": (object(),)})
    with pytest.raises(ConfigError, match="choose"):
        RuleBackend({"party_chooser": object()})


def test_mentions_is_one_record_for_both_languages():
    for text, lang in ((EN, "en"), ("青川大学与星澜科技有限公司签署战略合作协议。", "zh")):
        ex = extract(text, lang=lang, backend="rules")
        found = mentions(ex.organizations)
        assert found and found == sorted(found)
        for m in found:
            org = ex.organizations[m.org]
            assert text[m.start:m.end] in [org.name, *org.aliases] and m.stage == "rules"


class _Counting:
    """A backend that counts how often it is built and how documents reach it."""

    built = 0
    calls: list[str] = []

    def __init__(self):
        type(self).built += 1
        self.name, self.version = "counting", "1"

    def extract(self, document):
        type(self).calls.append("extract")
        return Extraction(id=document.id, text=document.text, lang=document.lang,
                          provenance=Provenance(backend=self.name, version=self.version))

    def extract_many(self, documents):
        type(self).calls.append("extract_many")
        for document in documents:
            yield Extraction(id=document.id, text=document.text, lang=document.lang,
                             provenance=Provenance(backend=self.name, version=self.version))


def test_process_many_loads_once_and_streams_through_extract_many(monkeypatch):
    monkeypatch.setitem(backend_module.BUILTIN, "counting", f"{__name__}:_Counting")
    monkeypatch.setattr(backend_module, "_loaded", {})
    _Counting.built, _Counting.calls = 0, []
    docs = [prepare(f"Article {i}.", id=f"a{i}", source=f"a{i}.txt") for i in range(3)]
    first = list(process_many(docs, "counting"))
    second = list(process_many(iter(docs), "counting"))
    assert _Counting.built == 1
    assert _Counting.calls == ["extract_many", "extract_many"]
    assert [e.id for e in first] == ["a0", "a1", "a2"] and [e.source for e in second] == ["a0.txt", "a1.txt", "a2.txt"]


def test_process_many_without_extract_many_goes_one_by_one():
    class Plain:
        name, version = "plain", "1"

        def extract(self, document):
            return Extraction(id=document.id, text=document.text, provenance=Provenance(backend="plain", version="1"))

    docs = [prepare("One.", id="x"), prepare("Two.", id="y")]
    assert [e.id for e in process_many(docs, Plain())] == ["x", "y"]


@pytest.mark.parametrize("name", ["rules", "learned"])
def test_extract_many_equals_extract(name):
    engine = load_backend(name)
    docs = [prepare(EN, id="en", lang="en"), prepare(ZH_VISIT, id="zh", lang="zh")]
    assert list(engine.extract_many(docs)) == [engine.extract(d) for d in docs]
