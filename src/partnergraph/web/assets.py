"""Where the JavaScript libraries the app serves come from: the npm packages pinned in
`web/assets/package.json` and `package-lock.json` (Cytoscape.js for the graph, Swagger UI for
the API docs), installed by `make` with ``npm ci`` into `web/assets/node_modules/`; never
copied into the repository, never loaded from a CDN."""

from __future__ import annotations

import json
import os
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
MODULES = ASSETS / "node_modules"
# the files the app serves under /vendor/NAME: (npm package, path inside it, media type)
VENDOR = {
    "cytoscape.min.js": ("cytoscape", "dist/cytoscape.min.js", "text/javascript"),
    "swagger-ui-bundle.js": ("swagger-ui-dist", "swagger-ui-bundle.js", "text/javascript"),
    "swagger-ui.css": ("swagger-ui-dist", "swagger-ui.css", "text/css"),
}
INSTALL_HINT = ("install them with `make` (or `npm ci --prefix src/partnergraph/web/assets`); "
                "that needs Node.js's npm (Debian: apt-get install npm)")


def vendor_file(name: str) -> tuple[Path, str] | None:
    """(path, media type) of a served library file when it is installed, else None.
    $PARTNERGRAPH_WEB_ASSETS names another node_modules folder."""
    if name not in VENDOR:
        return None
    package, inner, media = VENDOR[name]
    root = Path(os.environ.get("PARTNERGRAPH_WEB_ASSETS", MODULES))
    path = root / package / inner
    return (path, media) if path.is_file() else None


def missing() -> list[str]:
    """The served files that are not installed."""
    return [name for name in VENDOR if vendor_file(name) is None]


def pinned_versions() -> dict[str, str]:
    """package → version, as package.json pins them."""
    return json.loads((ASSETS / "package.json").read_text(encoding="utf-8"))["dependencies"]


def installed_version(package: str) -> str | None:
    manifest = Path(os.environ.get("PARTNERGRAPH_WEB_ASSETS", MODULES)) / package / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")
