# One command builds and serves the site, one runs every test.
#   make site    install, extract, build the dataset and the site into site/
#   make serve   the same, then preview on http://127.0.0.1:8000/
#   make test    lint, then every test (in two processes, one a core): extraction, dataset, site, accessibility
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup data data-check dataset site serve release test lint benchmark requirements clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c requirements.txt -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(STAMP)
	tools/install-system-packages.sh

data: setup
	$(BIN)/stand extract

data-check: setup
	$(BIN)/stand extract --check

dataset: data
	$(BIN)/stand dataset

site: data node_modules/.installed
	$(BIN)/stand site

serve: site
	$(BIN)/stand serve

release: data node_modules/.installed
	$(BIN)/stand release

lint: setup
	$(BIN)/ruff format --check src tests
	$(BIN)/ruff check src tests

test: lint node_modules/.installed
	tools/install-system-packages.sh --test
	$(BIN)/python -m pytest -n 2 --dist loadfile

benchmark: setup node_modules/.installed
	$(BIN)/python scripts/benchmark.py

# Re-pin every package after changing pyproject.toml's dependencies (needs the registry).
requirements:
	rm -rf .cache/requirements-venv
	$(PYTHON) -m venv .cache/requirements-venv
	.cache/requirements-venv/bin/pip install --quiet -e ".[test]"
	{ sed -n '1,3p' requirements.txt; .cache/requirements-venv/bin/pip freeze --exclude-editable; } > requirements.tmp
	mv requirements.tmp requirements.txt

clean:
	rm -rf site build .cache
