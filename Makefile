# One command builds and serves the site, one runs every test.
#   make site    install, extract, build the dataset and the site into site/
#   make serve   the same, then preview on http://127.0.0.1:8000/
#   make test    every test: extraction, dataset, site build, links, accessibility
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup data data-check dataset site serve test benchmark clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(STAMP)
	tools/install-system-packages.sh

data: setup
	$(BIN)/python scripts/extract.py

data-check: setup
	$(BIN)/python scripts/extract.py --check

site: data
	$(BIN)/mkdocs build --strict --quiet

serve: site
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: setup node_modules/.installed
	tools/install-system-packages.sh --browser
	$(BIN)/python -m pytest

benchmark: setup
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site .cache
