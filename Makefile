# Two commands on a fresh machine: `make run` and `make test` set everything up themselves.
VENV := .venv
BIN := $(VENV)/bin
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false

.PHONY: setup run test bench profile lint

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py newsmend/_textcore.c
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: setup
	$(BIN)/newsmend run --raw data/raw --out data/clean

# Two workers: most of the suite waits on real servers (Prefect, the translation stand-in),
# and the 2-core machine runs it in 6 minutes instead of 13.
test: setup
	$(BIN)/pytest -n 2

bench: setup
	$(BIN)/python bench/run.py

profile: setup
	$(BIN)/python bench/profile.py --tree

lint: setup
	$(BIN)/ruff check newsmend flows tests bench
