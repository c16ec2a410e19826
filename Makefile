# Two commands for a fresh clone (only Python >= 3.11 and make needed):
#   make serve   set up, build and serve the bundled portal on http://127.0.0.1:8000
#   make test    set up and run the whole test suite (what CI runs via .ci/run)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve test setup validate build schema lint format clean

serve: setup
	$(PY) -m generator serve

test: setup $(NODE_STAMP)
	$(PY) -m ruff check generator tests bench
	$(PY) -m ruff format --check generator tests bench
	$(PY) -m generator schema --check
	$(PY) -m generator town-files --check
	$(PY) -m pytest -n 2

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 oder neuer wird benötigt (gefunden: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# JavaScript used only by the tests (package.json: axe-core, ical.js), exactly as locked.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Für die Tests wird Node.js mit npm benötigt."; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

validate: setup
	$(PY) -m generator validate

build: setup
	$(PY) -m generator build --out site

schema: setup
	$(PY) -m generator schema

format: setup
	$(PY) -m ruff format generator tests bench
	$(PY) -m ruff check --fix generator tests bench

clean:
	rm -rf $(VENV) site build node_modules
