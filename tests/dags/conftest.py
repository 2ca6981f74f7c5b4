"""Airflow for the DAG tests: a throw-away AIRFLOW_HOME with a migrated SQLite metadata DB.

The environment is set when this file is imported, i.e. before any test imports Airflow
(Airflow reads its configuration once, at import time). The home goes to /dev/shm when it
exists: SQLite's many fsyncs during `airflow db migrate` are slow on a busy disk.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pytest
import sqlalchemy as sa

from tests.support import REPO

_shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
AIRFLOW_HOME = tempfile.mkdtemp(prefix="newsetl-airflow-", dir=_shm)
atexit.register(shutil.rmtree, AIRFLOW_HOME, True)
os.environ["AIRFLOW_HOME"] = AIRFLOW_HOME
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(REPO / "dags")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{AIRFLOW_HOME}/airflow.db"
os.environ.pop("AIRFLOW_CONN_NEWS_DB", None)  # each test says which warehouse it uses
os.environ.pop("NEWSETL_SCHEDULE", None)


def airflow_conn(url: str) -> str:
    """AIRFLOW_CONN_NEWS_DB value (JSON form) for a SQLAlchemy URL, unix sockets included."""
    u = sa.engine.make_url(url)
    extra = {k: v for k, v in u.query.items()}
    return json.dumps(
        {
            "conn_type": "postgres",
            "host": u.host,
            "port": u.port,
            "login": u.username,
            "password": u.password or None,
            "schema": u.database,
            "extra": extra,
        }
    )


@pytest.fixture(scope="session")
def airflow_home():
    """The metadata DB migrated once per test session (`airflow db migrate`)."""
    if "airflow.settings" in sys.modules:
        from airflow import settings

        if AIRFLOW_HOME not in str(settings.SQL_ALCHEMY_CONN):
            pytest.fail("Airflow was imported before tests/dags/conftest.py set AIRFLOW_HOME")
    t0 = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"],
        check=True,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    print(f"\nairflow db migrate: {time.monotonic() - t0:.1f} s in {AIRFLOW_HOME}")
    root_handlers = list(logging.root.handlers)
    yield AIRFLOW_HOME
    # Importing Airflow adds a stdout handler to the root logger; once pytest has closed its
    # captured stdout, atexit hooks that log (the embedded server's cleanup) would print errors.
    for handler in [h for h in logging.root.handlers if h not in root_handlers]:
        logging.root.removeHandler(handler)
    shutil.rmtree(AIRFLOW_HOME, ignore_errors=True)


@pytest.fixture(scope="module")
def dagbag(airflow_home):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(REPO / "dags"), safe_mode=False)
