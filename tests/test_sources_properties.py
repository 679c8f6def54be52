"""Hypothesis: web sources never raise anything but `SourceError` on arbitrary input, and
the relevance scan agrees with a plain substring search."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnergraph.documents.html import html_to_text
from partnergraph.documents.neardup import signature, similarity
from partnergraph.documents.relevance import first_trigger, html_words
from partnergraph.errors import SourceError
from partnergraph.models import RawDocument, SourceFailure
from partnergraph.sources.feeds import parse_feed
from partnergraph.sources.jsonl import read_jsonl_file

MARKUP = st.text(alphabet=st.sampled_from(list("<>/=\"' &;#!-pdivscrptaly合作\n") + list(string.ascii_letters)),
                 max_size=400)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(MARKUP)
def test_html_to_text_returns_text_or_a_source_error(markup):
    try:
        page = html_to_text(markup)
    except SourceError:
        return
    assert page.text.strip()


@FAST
@given(st.binary(max_size=300))
def test_feed_parser_never_raises_other_errors(data):
    try:
        items = parse_feed(data, "fuzz.rss")
    except SourceError:
        return
    assert all(isinstance(i, RawDocument) for i in items)


@FAST
@given(st.lists(st.binary(max_size=80), max_size=6))
def test_jsonl_reader_reports_bad_lines_instead_of_raising(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("j") / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines))
    for item in read_jsonl_file(path):
        assert isinstance(item, (RawDocument, SourceFailure))


@FAST
@given(st.text(max_size=300))
def test_scan_finds_a_trigger_only_where_the_text_has_it(text):
    word = first_trigger(text)
    assert word is None or word in text.casefold()
    assert isinstance(html_words(text), str)


@FAST
@given(st.text(min_size=1, max_size=300))
def test_a_text_is_its_own_near_duplicate(text):
    sig = signature(text)
    assert sig is None or similarity(sig, signature(text)) == 1.0
