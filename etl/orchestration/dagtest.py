"""``python -m etl.orchestration``: run the ingest DAG once with ``dag.test()``, print a summary.

``dag-test --inbox seeds/`` runs the DAG in this process against a local Airflow metadata DB
(``AIRFLOW_HOME``, default ``.airflow/``) and prints the run's summary read back from the
warehouse (this is ``make run``); ``summary`` prints the summary of a recorded run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from etl.orchestration.connection import CONN_ID, warehouse_url
from etl.orchestration.parameters import INGEST_DAG_ID
from etl.orchestration.summary import run_summary
from etl.orchestration.tasks import run_key
from etl.settings import REPO_ROOT


def airflow_env(home: str | os.PathLike | None = None) -> dict[str, str]:
    """Environment for a local Airflow: AIRFLOW_HOME, this repo's dags/, no examples."""
    home = Path(home or os.environ.get("AIRFLOW_HOME") or REPO_ROOT / ".airflow").resolve()
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }


def migrate_metadata_db(force: bool = False) -> None:
    """``airflow db migrate`` for AIRFLOW_HOME (SQLite by default), once per Airflow version."""
    import subprocess
    from importlib.metadata import version

    home = Path(os.environ.get("AIRFLOW_HOME") or REPO_ROOT / ".airflow")
    marker = home / f".newsetl-metadata-migrated-{version('apache-airflow')}"
    if marker.exists() and not force:
        return
    t0 = time.monotonic()
    print(f"airflow db migrate (metadata DB in {home}) ...", flush=True)
    subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True, stdout=subprocess.DEVNULL)
    home.mkdir(parents=True, exist_ok=True)
    marker.touch()
    print(f"airflow metadata DB migrated in {time.monotonic() - t0:.1f} s", flush=True)


def load_dag(dag_id: str = INGEST_DAG_ID):
    """The DAG object from this repo's dags/ folder."""
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO_ROOT / "dags"), safe_mode=False)
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    return bag.get_dag(dag_id)


def dag_test(conf: Mapping[str, Any] | None = None, dag_id: str = INGEST_DAG_ID):
    """Run the DAG once in this process with ``dag.test()``; returns the DagRun."""
    return load_dag(dag_id).test(run_conf=dict(conf or {}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.orchestration", description="Run the ingest DAG once with dag.test() and print its summary from the warehouse.")
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("dag-test", help="run the ingest DAG once with dag.test() and print the summary")
    t.add_argument("--inbox", required=True)
    t.add_argument("--conf", default="{}", help="more DAG params as JSON, e.g. '{\"reprocess\": true}'")
    t.add_argument("--migrate-metadata", action=argparse.BooleanOptionalAction, default=True,
                   help="run `airflow db migrate` first (default: yes)")
    s = sub.add_parser("summary", help="print the summary of a run from the warehouse")
    s.add_argument("--run-key", default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.cmd == "summary":
        print(run_summary(args.run_key))
        return 0

    for k, v in airflow_env().items():
        os.environ.setdefault(k, v)
    if args.migrate_metadata:
        migrate_metadata_db()
    import warnings

    warnings.filterwarnings("ignore", message=r".*httpx.*starlette\.testclient")
    inbox = args.inbox if "://" in args.inbox else str(Path(args.inbox).resolve())
    conf = {**json.loads(args.conf), "inbox": inbox}
    t0 = time.monotonic()
    dr = dag_test(conf)
    state = str(getattr(dr.state, "value", dr.state))
    print(f"DAG {dr.dag_id} run {dr.run_id}: {state} in {time.monotonic() - t0:.1f} s")
    if conf.get("dry_run"):
        print("dry run: nothing written to the warehouse")
    else:
        try:
            print(run_summary(run_key(dr.dag_id, dr.run_id), url=_warehouse_url_outside_airflow()))
        except Exception as exc:  # noqa: BLE001 -- e.g. not migrated: the DAG run logged why
            print(f"no summary in the warehouse: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    return 0 if state == "success" else 1


def _warehouse_url_outside_airflow() -> str | None:
    """``news_db`` from AIRFLOW_CONN_NEWS_DB when set (what the tasks used), else the default."""
    raw = os.environ.get(f"AIRFLOW_CONN_{CONN_ID.upper()}")
    if not raw:
        return None
    return warehouse_url()
