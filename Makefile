# partnergraph — two commands do all the set-up on a fresh machine:
#   make demo   create .venv, install, build the examples into .partnergraph/store (the
#               default store, so the README's commands work next), answer questions, write out/
#   make test   install what the tests need and run them
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
STORE  := .partnergraph/store
PG     := $(BIN)/partnergraph --store $(STORE)
# package folders: a new file in them needs a re-install (strict editable mode)
SOURCES := $(shell find graph ontology queries visualize -type f -not -path '*/__pycache__/*' 2>/dev/null)

.PHONY: demo test quick lint typecheck bench clean install

install: $(STAMP)

$(STAMP): pyproject.toml $(SOURCES)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]' --config-settings editable_mode=strict
	@touch $@

demo: $(STAMP)
	$(PG) build examples/
	@echo
	@echo "== Partners of KS (from both example documents)"
	$(PG) query partners --param org=KS --format table
	@echo "== Projects"
	$(PG) query projects --format table
	@echo "== Events"
	$(PG) query events --format table
	$(PG) draw -o $(OUT)/network.html
	$(PG) export -o $(OUT)/graph.ttl
	@echo
	@echo "Done. The network page is $(OUT)/network.html (open it in a browser);"
	@echo "the Turtle is $(OUT)/graph.ttl; the store is $(STORE)."

test: $(STAMP)
	.ci/system-packages
	$(BIN)/python -m pytest

quick: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy graph ontology queries visualize

bench: $(STAMP)
	$(BIN)/python benchmarks/extraction.py

clean:
	rm -rf $(OUT) .partnergraph build *.egg-info .pytest_cache .mypy_cache .ruff_cache $(STAMP)
