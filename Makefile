# newsetl — `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
UV := $(PYTHON) -m uv
export AIRFLOW__CORE__LOAD_EXAMPLES ?= False

.PHONY: setup run test lint bench clean-db help

help:
	@echo "make run    set up, then ingest seeds/ into the embedded PostgreSQL and print the summary"
	@echo "make test   set up, then run the whole test suite"
	@echo "make setup  create .venv/ with every dependency from uv.lock"

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen --extra dev --python 3.11
	@touch $@

run: setup
	$(VENV)/bin/newsetl db upgrade
	$(VENV)/bin/newsetl run seeds/

test: setup
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check etl dags tests migrations

bench: setup
	$(VENV)/bin/python benchmarks/bench_ner.py

clean-db:
	rm -rf .pgdata
