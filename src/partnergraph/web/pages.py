"""The HTML pages: search, organization, graph, event and explain. Each page is one or two
calls to `query.py` rendered by a Jinja2 template with autoescaping on; article text reaches
the page only as escaped text, and a link only when its URL is http(s)."""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Annotated
from urllib.parse import urlsplit

import jinja2
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from partnergraph import query
from partnergraph.errors import PartnergraphError
from partnergraph.models import EVENT_TYPES, ORG_KINDS
from partnergraph.store import Store, open_store
from partnergraph.web.app import ReadStore

router = APIRouter(include_in_schema=False)

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(FsPath(__file__).parent / "templates"),
    autoescape=True,  # every template, whatever its suffix
    undefined=jinja2.StrictUndefined,
)


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address a reader may follow, else None (no javascript:,
    data: or other schemes from an article's metadata)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


ENV.filters["safe_url"] = safe_url
ENV.globals.update(EVENT_TYPES=EVENT_TYPES, ORG_KINDS=ORG_KINDS)


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    html = ENV.get_template(template).render(
        stale=getattr(request.state, "stale", None), edits=request.app.state.allow_edits,
        **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str, hint: str | None) -> HTMLResponse:
    return render(request, "error.html", status=status, title="Not found" if status == 404 else "Error",
                  message=message, hint=hint)


OrgId = Annotated[int, Path(ge=1, le=2**62)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: Store = ReadStore,
         q: Annotated[str | None, Query(max_length=200)] = None):
    q = (q or "").strip()
    suggestions = query.suggest(store, q, limit=20) if q else []
    if q and len(suggestions) == 1 and suggestions[0].org.name.casefold() == q.casefold():
        return RedirectResponse(f"/org/{suggestions[0].org.id}", status_code=303)
    hits = query.search(store, q, limit=20) if q else []
    # the front page's ranking reads every event: kept until the store changes (web/cache.py)
    top = [] if q else request.app.state.answers.get(
        ("top organizations",), lambda: query.organizations(store, limit=20))
    return render(request, "home.html", title="partnergraph", q=q, suggestions=suggestions,
                  hits=hits, top=top, counts=query.stats(store))


@router.get("/org/{org_id}", response_class=HTMLResponse)
def org(request: Request, org_id: OrgId, store: Store = ReadStore):
    profile = query.org(store, org_id, limit=100)
    return render(request, "org.html", title=profile.org.name, p=profile)


@router.get("/org/{org_id}/explain", response_class=HTMLResponse)
def explain(request: Request, org_id: OrgId, store: Store = ReadStore,
            done: Annotated[str | None, Query(max_length=500)] = None):
    ref = query.find_org(store, org_id)
    return render(request, "explain.html", title=f"Names of {ref.name}", org=ref,
                  names=query.explain_org(store, org_id), token=request.app.state.edit_token,
                  done=done)


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, store: Store = ReadStore,
          focus: Annotated[int | None, Query(ge=1, le=2**62)] = None):
    ref = query.find_org(store, focus) if focus is not None else None
    return render(request, "graph.html", title="Partnership graph", focus=ref)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Annotated[int, Path(ge=1, le=2**62)], store: Store = ReadStore):
    detail = query.event(store, event_id)
    return render(request, "event.html", title=f"{detail.event.type} {detail.event.date or ''}",
                  d=detail)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    return render(request, "apidocs.html", title="partnergraph API")


def edit_done(request: Request, action: str, a: str, b: str | None) -> Response:
    """Apply a merge or split on a writable connection (resolution runs inside it), then go
    back to the explain page of the organization `a` now belongs to."""
    from partnergraph.resolution import explain

    with open_store(request.app.state.db, create=False) as store:
        try:
            if action == "merge":
                explain.merge(store, a, b)
                message = f"merged {a!r} and {b!r}"
            else:
                explain.split(store, a)
                message = f"split {a!r} into its own organization"
        except PartnergraphError as err:
            return error_page(request, 400, err.message, err.hint)
        target = query.find_org(store, a).id
    from urllib.parse import quote

    return RedirectResponse(f"/org/{target}/explain?done={quote(message)}", status_code=303)
