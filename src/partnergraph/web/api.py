"""The JSON API (`/api/...`): each route validates its parameters and makes one call to the
read API in `query.py`; its OpenAPI description is served at `/api/openapi.json` and
browsable at `/api/docs`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse

from partnergraph import query
from partnergraph.models import EventType, Lang, OrgKind
from partnergraph.store import Store
from partnergraph.web.app import ReadStore

router = APIRouter(prefix="/api")

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Since = Annotated[str | None, Query(pattern=DATE, description="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(pattern=DATE, description="Up to this date, inclusive.")]
Type = Annotated[EventType | None, Query(description="Event type.")]
Kind = Annotated[OrgKind | None, Query(description="Organization kind.")]
Language = Annotated[Lang | None, Query(description="Only events reported by articles in this language.")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip (pagination).")]
OrgId = Annotated[int, Path(ge=1, le=2**62, description="Organization id (from search or suggest).")]
Text = Annotated[str, Query(min_length=1, max_length=200)]


@router.get("/status", summary="What the store holds and whether it is up to date")
def status(request: Request, store: Store = ReadStore) -> dict:
    return {"counts": query.stats(store), "stale": request.state.stale,
            "edits": request.app.state.allow_edits}


@router.get("/suggest", response_model=list[query.Suggestion],
            summary="Organizations whose name or alias (any language) matches what was typed")
def suggest(q: Text, store: Store = ReadStore, limit: Annotated[int, Query(ge=1, le=50)] = 10):
    return query.suggest(store, q, limit=limit)


@router.get("/orgs", response_model=list[query.OrgActivity],
            summary="Organizations ranked by number of distinct partners")
def organizations(store: Store = ReadStore, kind: Kind = None, partner_kind: Kind = None,
                  type: Type = None, since: Since = None, until: Until = None,
                  min_partners: Annotated[int, Query(ge=1, le=100_000)] = 1,
                  limit: Limit = 100, offset: Offset = 0):
    return query.organizations(store, kind=kind, partner_kind=partner_kind, type=type,
                               since=since, until=until, min_partners=min_partners,
                               limit=limit, offset=offset)


@router.get("/orgs/{org_id}", response_model=query.OrgProfile,
            summary="An organization: names and aliases, kind, partners, timeline, people")
def org(org_id: OrgId, store: Store = ReadStore,
        limit: Annotated[int, Query(ge=1, le=1000, description="Partners, events, people shown.")] = 100):
    return query.org(store, org_id, limit=limit)


@router.get("/orgs/{org_id}/partners", response_model=list[query.Partner],
            summary="Who an organization cooperated with, by number of events")
def partners(org_id: OrgId, store: Store = ReadStore, since: Since = None, until: Until = None,
             type: Type = None, limit: Limit = 100, offset: Offset = 0,
             evidence: Annotated[int, Query(ge=0, le=20, description="Shared events quoted per partner.")] = 0):
    return query.partners(store, org_id, since=since, until=until, type=type, limit=limit,
                          offset=offset, evidence=evidence)


@router.get("/orgs/{org_id}/people", response_model=list[query.PersonRow],
            summary="The people articles name at an organization, with their titles")
def people(org_id: OrgId, store: Store = ReadStore, limit: Limit = 100):
    return query.people(store, org_id, limit=limit)


@router.get("/orgs/{org_id}/explain", response_model=list[query.AliasExplanation],
            summary="Why each name of an organization was joined to it")
def explain(org_id: OrgId, store: Store = ReadStore):
    return query.explain_org(store, org_id)


@router.get("/people", response_model=list[query.PersonMatch],
            summary="People whose name contains the text, with their organization and titles")
def find_people(q: Text, store: Store = ReadStore, limit: Limit = 20, offset: Offset = 0):
    return query.find_people(store, q, limit=limit, offset=offset)


@router.get("/events", response_model=list[query.EventRow],
            summary="Cooperation events, oldest first, with their sources")
def events(store: Store = ReadStore,
           org: Annotated[int | None, Query(ge=1, description="Only events this organization is party to.")] = None,
           with_org: Annotated[int | None, Query(ge=1, alias="with", description="And this one too.")] = None,
           type: Type = None, since: Since = None, until: Until = None,
           topic: Annotated[str | None, Query(max_length=200)] = None, kind: Kind = None,
           lang: Language = None, limit: Limit = 100, offset: Offset = 0,
           evidence: Annotated[bool, Query(description="Quote the sentence behind each event.")] = False):
    return query.events(store, org=org, with_org=with_org, type=type, since=since, until=until,
                        topic=topic, kind=kind, lang=lang, limit=limit, offset=offset,
                        evidence=evidence)


@router.get("/events/{event_id}", response_model=query.EventDetail,
            summary="One event with every report's text, cut into pieces at the evidence")
def event(event_id: Annotated[int, Path(ge=1, le=2**62)], store: Store = ReadStore):
    return query.event(store, event_id)


@router.get("/graph", response_model=query.Graph,
            summary="The partnership graph: organizations, and one edge per partner pair with "
                    "the ids of its events and articles")
def graph(request: Request, store: Store = ReadStore, since: Since = None, until: Until = None,
          type: Type = None, lang: Language = None, kind: Kind = None,
          focus: Annotated[int | None, Query(ge=1, description="An organization and its partners only.")] = None,
          limit: Annotated[int, Query(ge=1, le=5000, description="Most active organizations shown.")] = 100):
    return request.app.state.answers.get(
        ("graph", since, until, type, lang, kind, focus, limit),
        lambda: query.graph(store, since=since, until=until, type=type, lang=lang, kind=kind,
                            focus=focus, limit=limit))


@router.get("/search", response_model=list[query.SearchHit],
            summary="Full-text search over the stored articles (English and Chinese)")
def search(q: Text, store: Store = ReadStore, limit: Annotated[int, Query(ge=1, le=200)] = 20,
           offset: Offset = 0):
    return query.search(store, q, limit=limit, offset=offset)


def _edits_allowed(request: Request, token: str) -> None:
    import secrets

    if not request.app.state.allow_edits:
        raise HTTPException(403, "this server is read-only: start it with "
                                 "`partnergraph serve --allow-edits` to merge or split")
    if not secrets.compare_digest(token, request.app.state.edit_token):
        raise HTTPException(403, "the form is out of date: reload the page and try again")


@router.post("/merge", response_class=HTMLResponse, include_in_schema=False)
def merge(request: Request, a: Annotated[str, Form(min_length=1, max_length=500)],
          b: Annotated[str, Form(min_length=1, max_length=500)],
          token: Annotated[str, Form(max_length=100)]):
    """Join two names (only with --allow-edits); back to the explain page."""
    from partnergraph.web.pages import edit_done

    _edits_allowed(request, token)
    return edit_done(request, "merge", a, b)


@router.post("/split", response_class=HTMLResponse, include_in_schema=False)
def split(request: Request, a: Annotated[str, Form(min_length=1, max_length=500)],
          token: Annotated[str, Form(max_length=100)]):
    """Detach a name (only with --allow-edits); back to the explain page."""
    from partnergraph.web.pages import edit_done

    _edits_allowed(request, token)
    return edit_done(request, "split", a, None)
