# newsetl — `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
UV := $(PYTHON) -m uv
export AIRFLOW__CORE__LOAD_EXAMPLES ?= False

# Local Airflow (make run, make airflow): metadata DB in .airflow/, DAGs from dags/.
AIRFLOW_LOCAL := AIRFLOW_HOME=$(CURDIR)/.airflow AIRFLOW__CORE__DAGS_FOLDER=$(CURDIR)/dags
# make airflow AIRFLOW_PORT=8081: the UI/API port and the base URL the UI calls must agree.
# Airflow also listens on 8793 (worker log server) and 8794 (triggerer log server).
AIRFLOW_PORT ?= 8080
AIRFLOW_LOG_PORT ?= 8793
AIRFLOW_TRIGGER_LOG_PORT ?= 8794

.PHONY: setup run airflow celery-demo test lint bench bench-ner clean-db help

help:
	@echo "make run    set up, then run the Airflow DAG once (dag.test) over seeds/ into the embedded PostgreSQL"
	@echo "            and print the run summary from the database"
	@echo "make airflow  the Airflow UI locally (airflow standalone, http://localhost:8080), DAGs from dags/;"
	@echo "            another port: make airflow AIRFLOW_PORT=8081 (AIRFLOW_LOG_PORT=8793 for the log server)"
	@echo "make celery-demo  Airflow with the CeleryExecutor and two workers on this machine (Debian's redis and"
	@echo "            PostgreSQL, installed when missing), one DAG run over a demo inbox, then everything stopped"
	@echo "make test   set up, then run the whole test suite"
	@echo "make setup  create .venv/ with every dependency from uv.lock"
	@echo "make bench  throughput: spaCy floor vs newsetl run (1 and N workers) vs the DAG, stages, scaling"
	@echo "            (1,000 invented articles, about 15 min; BENCH_N=200 for a quick run)"

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen --extra dev --python 3.11
	@touch $@

# The explicit migration step, then one DAG run with dag.test() against the embedded warehouse
# (news_db unset on purpose) and a local SQLite Airflow metadata DB; prints the run's summary.
run: setup
	env -u AIRFLOW_CONN_NEWS_DB $(VENV)/bin/newsetl db upgrade
	env -u AIRFLOW_CONN_NEWS_DB $(AIRFLOW_LOCAL) AIRFLOW__LOGGING__LOGGING_LEVEL=$${AIRFLOW__LOGGING__LOGGING_LEVEL:-WARNING} \
		$(VENV)/bin/python -m etl.orchestration dag-test --inbox seeds/

# Airflow UI without Docker: scheduler, dag-processor, triggerer and api-server in one process.
# Warehouse: the connection news_db if you define it, else the embedded PostgreSQL (.pgdata/).
# Login: user `admin`, password printed at start (.airflow/simple_auth_manager_passwords.json.generated).
airflow: setup
	$(VENV)/bin/newsetl db upgrade
	$(AIRFLOW_LOCAL) NEWSETL_INBOX=$${NEWSETL_INBOX:-$(CURDIR)/seeds} PATH=$(CURDIR)/$(VENV)/bin:$$PATH \
		AIRFLOW__API__PORT=$(AIRFLOW_PORT) AIRFLOW__API__BASE_URL=http://localhost:$(AIRFLOW_PORT) \
		AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT=$(AIRFLOW_LOG_PORT) \
		AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT=$(AIRFLOW_TRIGGER_LOG_PORT) \
		$(VENV)/bin/airflow standalone

# Scale-out without Docker: the topology of docker-compose.yml (metadata PostgreSQL, Redis, warehouse
# PostgreSQL, api-server, scheduler, dag-processor, triggerer) with two Celery workers.
celery-demo: setup
	$(VENV)/bin/python scripts/celery_demo.py

test: setup
	$(VENV)/bin/python -m pytest

lint: setup
	$(VENV)/bin/ruff check etl dags tests migrations scripts benchmarks

# Throughput (docs/performance.md): floor vs newsetl run (1 and N workers) vs the DAG, stages,
# scaling, on 1,000 invented articles; `make bench BENCH_N=200` is a quick smoke run.
bench: setup
	BENCH_N=$(BENCH_N) $(VENV)/bin/python benchmarks/bench_pipeline.py

bench-ner: setup
	$(VENV)/bin/python benchmarks/bench_ner.py

clean-db:
	rm -rf .pgdata
