# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# the web app's JavaScript libraries (Cytoscape.js, Swagger UI), pinned in package-lock.json
ASSETS := src/partnergraph/web/assets
ASSETS_STAMP := $(ASSETS)/node_modules/.package-lock.json
SHARED ?= ../shared

.PHONY: run test eval bench docs lint clean venv web-assets

venv: $(STAMP) $(ASSETS_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,web]'
	touch $(STAMP)

web-assets: $(ASSETS_STAMP)

$(ASSETS_STAMP): $(ASSETS)/package.json $(ASSETS)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the web app's graph library (Debian: apt-get install npm)" >&2; exit 1; }
	npm ci --prefix $(ASSETS) --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(ASSETS_STAMP)

run: venv
	$(PY) -m partnergraph extract samples/ --format table
	$(PY) -m partnergraph ingest samples/
	$(PY) -m partnergraph stats
	$(PY) -m partnergraph events --evidence
	@echo
	@echo "The knowledge base is ./partnergraph.db. To look at it in a browser, start the web app:"
	@echo "    $(VENV)/bin/partnergraph serve        # then open http://127.0.0.1:8000/  (Ctrl-C stops it)"

test: venv
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) bench/eval_dev.py --shared $(SHARED)

bench: $(STAMP)
	$(PY) bench/bench_extract.py

lint: $(STAMP)
	$(PY) -m ruff check src tests bench scripts

docs: $(STAMP)
	$(PY) -m partnergraph schema > docs/schema.json
	$(PY) scripts/gen_cli_docs.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache $(ASSETS)/node_modules
