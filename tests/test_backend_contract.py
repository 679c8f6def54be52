"""Every installed backend: spans lie inside the text, evidence quotes the text, provenance is set."""

import pytest

from partnergraph import extract
from partnergraph.documents.normalize import match_view
from partnergraph.errors import BackendUnavailable
from partnergraph.extraction.backend import available_backends, load_backend, validate
from partnergraph.models import Event, Extraction, Organization, Provenance, Span

TEXTS = [
    ("en", "Alpha University and Beta Group Co., Ltd. signed a strategic cooperation agreement on "
           "March 3, 2024. President Jane Roe of Alpha University attended the ceremony."),
    ("zh", "3月3日,东湖大学与华星电子集团有限公司签署战略合作协议。东湖大学校长王建国出席签约仪式。"),
    ("en", ""),
    ("en", "(((((((( ]]]]] Inc. Inc. Inc. University University"),
]


@pytest.mark.parametrize("name", available_backends())
@pytest.mark.parametrize("lang,text", TEXTS)
def test_evidence_quotes_the_text(name, lang, text):
    rec = extract(text, lang=lang, backend=name)
    assert rec.provenance.backend == name and rec.provenance.version
    n = len(rec.text)
    for item in [*rec.organizations, *rec.people, *rec.events]:
        for span in item.evidence:
            assert 0 <= span.start <= span.end <= n
    view = match_view(rec.text)
    for org in rec.organizations:
        quoted = {" ".join(view[s.start:s.end].split()) for s in org.evidence}
        forms = {" ".join(match_view(f).split()) for f in [org.name, *org.aliases]}
        assert quoted & forms, (org.name, quoted)
    for person in rec.people:
        quoted = {" ".join(view[s.start:s.end].split()) for s in person.evidence}
        assert any(person.name in q or q in person.name for q in quoted), person


def test_validate_drops_items_pointing_outside_the_text():
    rec = Extraction(
        id="x", text="short", provenance=Provenance(backend="t", version="0"),
        organizations=[Organization(name="A", evidence=[Span(start=0, end=99)])],
        events=[Event(type="visit", parties=["A", "B"], evidence=[Span(start=0, end=5)])],
    )
    out = validate(rec)
    assert out.organizations == [] and len(out.events) == 1
    assert "outside the text" in out.warnings[0]


def test_unknown_backend_lists_choices():
    with pytest.raises(BackendUnavailable) as err:
        load_backend("no-such-backend")
    assert "rules" in err.value.hint


def test_a_backend_once_built_is_frozen_out_of_the_cyclic_collector(monkeypatch):
    """What lives as long as the process (modules, lexicons, the model) is no longer walked by
    every full collection: loading a backend freezes the objects alive then."""
    import gc

    from partnergraph.extraction import backend as registry

    monkeypatch.setattr(registry, "_loaded", {})
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        built = load_backend("rules")
        assert gc.get_freeze_count() > 0
        assert load_backend("rules") is built  # built once per process and settings
    finally:
        gc.freeze()  # as the other tests' backends left it
