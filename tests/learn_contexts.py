"""A learned-layer context over invented text with organizations the rules did not read added
(a place, a country, a name only the tagger finds), for the proposal tests of both languages."""

from __future__ import annotations

from partnergraph.documents.prepare import prepare
from partnergraph.extraction.rules import RuleBackend
from partnergraph.learn.candidates import Context
from partnergraph.models import Organization, Span


def with_candidates(text: str, extra: list[tuple[str, str]]) -> Context:
    """The context with `extra` organizations as (name, stage), named wherever they are written:
    a "place" is a government, anything else a company."""
    doc = prepare(text, id="t")
    rules = RuleBackend().extract(doc)
    orgs = list(rules.organizations)
    for name, stage in extra:
        at = [k for k in range(len(text)) if text.startswith(name, k)]
        orgs.append(Organization(name=name, kind="government" if stage == "place" else "company", stage=stage,
                                 evidence=[Span(start=k, end=k + len(name), field="name") for k in at]))
    return Context.build(doc, rules, orgs)
