"""The web app and JSON API over a knowledge base (optional extra: ``partnergraph[web]``).

It sits beside the CLI on the library's read API (`query.py`): routes turn HTTP parameters
into query calls and query results into JSON or pages; no SQL here. Every request gets its
own read-only SQLite connection, so the server never writes unless it was started with
``--allow-edits`` (merge and split then open a writable connection for that request only).
Only this package imports FastAPI.
"""

from __future__ import annotations


def create_app(db: str, *, allow_edits: bool = False):
    """The ASGI app serving `db` (see `partnergraph serve`)."""
    from partnergraph.web.app import create_app as create

    return create(db, allow_edits=allow_edits)
