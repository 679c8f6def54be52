"""The FastAPI application: one read-only store per request, security headers on every
response, `PartnergraphError` turned into a 4xx with the message and hint."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from partnergraph.errors import ConfigError, MovedId, PartnergraphError, StoreError
from partnergraph.store import Store, open_store
from partnergraph.web.assets import vendor_file
from partnergraph.web.cache import AnswerCache

HERE = Path(__file__).parent

# Article text and names are untrusted: no inline script or style, nothing from elsewhere.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def read_store(request: Request) -> Iterator[Store]:
    """A read-only connection for this request, closed after it (FastAPI dependency)."""
    store = open_store(request.app.state.db, read_only=True)
    try:
        request.state.stale = _stale(store)
        yield store
    finally:
        store.close()


def _stale(store: Store) -> str | None:
    from partnergraph.query import staleness

    return staleness(store)


ReadStore = Depends(read_store)


# where a URL carries an organization or event id: the path segment after one of these, and
# these query parameters (/org/ID/explain, /api/events/ID, /graph?focus=ID, /api/events?org=ID)
_ID_SEGMENT_AFTER = frozenset({"org", "orgs", "event", "events"})
_ID_PARAMS = frozenset({"focus", "org", "with"})


def moved_url(request: Request, old: int, new: int) -> str:
    """The request's URL with the retired id `old` put as `new` where it names one."""
    parts = request.url.path.split("/")
    for n in range(1, len(parts)):
        if parts[n - 1] in _ID_SEGMENT_AFTER and parts[n] == str(old):
            parts[n] = str(new)
    query = [(k, str(new) if k in _ID_PARAMS and v == str(old) else v)
             for k, v in request.query_params.multi_items()]
    return "/".join(parts) + (f"?{urlencode(query)}" if query else "")


def create_app(db: str, *, allow_edits: bool = False) -> FastAPI:
    from partnergraph import __version__
    from partnergraph.web import api, pages

    if not Path(db).exists():
        raise StoreError(f"no knowledge base at {db}",
                         hint=f"run `partnergraph ingest ARTICLES --db {db}` first, or pass --db")
    with open_store(db, read_only=True):  # refuse an unreadable or older store at start-up
        pass
    app = FastAPI(
        title="partnergraph",
        version=__version__,
        description="Organizations, cooperation events and the articles they were read from. "
                    "Every event leads to the sentences it was extracted from.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    app.state.db = db
    app.state.allow_edits = allow_edits
    app.state.answers = AnswerCache(db)
    # forms that edit carry this token, so another site cannot post a merge to this server
    app.state.edit_token = secrets.token_urlsafe(24)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        start, cpu = time.perf_counter(), time.process_time()
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path == "/api/docs":
            # Swagger UI sets inline styles on the elements it draws (scripts stay 'self')
            response.headers["Content-Security-Policy"] = CSP.replace(
                "style-src 'self'", "style-src 'self' 'unsafe-inline'")
        stale = getattr(request.state, "stale", None)
        if stale:
            response.headers["X-Partnergraph-Stale"] = "1"
        # app: wall time in the app; cpu: the process's CPU time meanwhile (the request's own
        # when requests come one at a time, as in bench/bench_web.py)
        response.headers["Server-Timing"] = (f"app;dur={(time.perf_counter() - start) * 1000:.1f}, "
                                             f"cpu;dur={(time.process_time() - cpu) * 1000:.1f}")
        return response

    @app.exception_handler(PartnergraphError)
    async def library_error(request: Request, err: PartnergraphError) -> Response:
        if isinstance(err, MovedId):
            return RedirectResponse(moved_url(request, err.old, err.new), status_code=307)
        status = 400 if isinstance(err, ConfigError) else 404
        if isinstance(err, StoreError):
            status = 503
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": err.message, "hint": err.hint}, status_code=status)
        return pages.error_page(request, status, err.message, err.hint)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, err: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc'][0]}: {e['msg']}"
                    for e in err.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": "invalid request", "problems": problems},
                                status_code=422)
        return pages.error_page(request, 422, "invalid request", "; ".join(problems))

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        from partnergraph.web.assets import INSTALL_HINT, VENDOR

        found = vendor_file(name)
        if found is None:
            if name not in VENDOR:
                return Response("no such file\n", status_code=404, media_type="text/plain")
            return Response(f"/* {name} is not installed: {INSTALL_HINT} */\n",
                            status_code=503, media_type="text/plain")
        return FileResponse(found[0], media_type=found[1],
                            headers={"Cache-Control": "public, max-age=86400"})

    return app
