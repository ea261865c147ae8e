# Two entry points (see README): `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXAMPLE := examples/kog-sitzung-2026-03-12.docx

export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install run test test-fast train clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Process the bundled example minutes through the inbox flow into outbox/.
run: $(STAMP)
	mkdir -p inbox outbox
	cp $(EXAMPLE) inbox/
	$(BIN)/protokollant run --inbox inbox --outbox outbox
	@echo "Bericht: outbox/kog-sitzung-2026-03-12/kog-sitzung-2026-03-12.html"

## Install and run the whole test suite (system programs for two test modules first).
test: $(STAMP)
	bash scripts/install_system_deps.sh
	$(BIN)/python -m pytest -q

## The fast subset (no Prefect server, browser, PostgreSQL, crash replays; well under a minute).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not heavy"

## Retrain the sentence-role model (models/roles/) from corpus/src, with the cross-source table.
train: $(STAMP)
	$(BIN)/python scripts/train_roles.py --cross-source

clean:
	rm -rf $(VENV) build *.egg-info
