"""Two ``dag-test`` processes at once over one inbox: both complete, each counts its own files.

The two runs race on every article: each article is loaded by exactly one of them, the other
records the file as a duplicate; ``run_files`` lets each run account for exactly the files it
saw, so both pass their integrity checks and end ``partial`` (one empty file is rejected).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa

from etl.db.schema import pipeline_runs
from tests.dags.conftest import airflow_conn
from tests.support import ARTICLES, FIXTURES, REPO, table_counts

pytestmark = [pytest.mark.dags, pytest.mark.integration, pytest.mark.slow]

TOWNS = ("Arlen", "Brisk", "Codmere", "Dunhallow", "Eskby", "Farrow", "Glenmoor", "Hathe", "Ivel", "Jorvik Mill")
TEMPLATE = """Storm floods {n} homes in {town}

{upper} — Heavy rain flooded {n} homes in {town} overnight and two people were injured when a
roof collapsed, the county fire service said on Sunday.

"The water rose faster than anyone expected," said Mira Olsen, a volunteer with the local
rescue team in {town}.

Crews pumped water from {k} streets, and the council opened the school hall for families
who had to leave their homes.
"""


@pytest.fixture
def inbox(tmp_path):
    """16 files: 3 fixture articles, a copy, an empty file, an untitled one, 10 written here."""
    root = tmp_path / "inbox"
    shutil.copytree(ARTICLES, root)
    shutil.copytree(FIXTURES / "dag_inbox", root, dirs_exist_ok=True)
    for i, town in enumerate(TOWNS):
        (root / f"storm_{i:02d}.txt").write_text(TEMPLATE.format(n=12 + i, k=3 + i, town=town, upper=town.upper()))
    return root


def _dag_test(inbox, env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "etl.orchestration", "dag-test", "--inbox", str(inbox), "--conf",
         '{"batch_size": 2}', "--no-migrate-metadata"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def test_two_dag_test_runs_at_once_account_for_their_own_files(airflow_home, warehouse, fresh_db_url, inbox, tmp_path):
    env = {**os.environ, "AIRFLOW_CONN_NEWS_DB": airflow_conn(fresh_db_url),
           "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING"}
    # Each process gets its own copy of the migrated Airflow metadata DB: SQLite takes one writer
    # at a time (a deployment shares one PostgreSQL); the race under test is the warehouse's.
    procs = []
    for i in range(2):
        home = tmp_path / f"airflow{i}"
        shutil.copytree(airflow_home, home)
        procs.append(_dag_test(inbox, {**env, "AIRFLOW_HOME": str(home),
                                       "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home}/airflow.db"}))
    outputs = [p.communicate(timeout=900)[0] for p in procs]
    for p, out in zip(procs, outputs, strict=True):
        print(out[-1500:])
        assert p.returncode == 0, out
    with warehouse.connect() as conn:
        runs = conn.execute(sa.select(pipeline_runs).order_by(pipeline_runs.c.id)).mappings().all()
    assert len(runs) == 2
    for run in runs:
        assert run["status"] == "partial" and run["error"] is None
        assert (run["files_seen"], run["rejected"], run["loaded"] + run["duplicates"]) == (16, 1, 15)
    # Each of the 14 distinct articles was loaded by exactly one run.
    assert sum(run["loaded"] for run in runs) == 14
    assert sum(run["flagged"] for run in runs) == 13  # 12 articles without date, 1 without title
    counts = table_counts(warehouse)
    assert (counts["articles"], counts["ingest_ledger"], counts["run_files"]) == (14, 16, 32)
