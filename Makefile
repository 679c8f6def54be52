# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: run test eval bench docs lint clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m partnergraph extract samples/ --format table
	$(PY) -m partnergraph ingest samples/
	$(PY) -m partnergraph stats
	$(PY) -m partnergraph events

test: $(STAMP)
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
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
