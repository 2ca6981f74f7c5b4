"""DAG files import cleanly and quickly; the ingest DAG's shape, schedule, retries and params."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from tests.support import REPO

pytestmark = pytest.mark.dags

PARSE_BUDGET_S = 5.0  # per file; Airflow's own import timeout is 30 s

_PARSE_PROBE = """
import json, sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1], safe_mode=False)
print(json.dumps({
    "errors": {k: str(v) for k, v in bag.import_errors.items()},
    "dags": sorted(bag.dag_ids),
    "seconds": {s.file.rsplit("/", 1)[-1]: s.duration.total_seconds() for s in bag.dagbag_stats},
    "heavy": sorted(m for m in ("spacy", "trafilatura", "etl.pipeline", "etl.nlp") if m in sys.modules),
}))
"""


def test_dag_files_import_without_errors_within_the_parse_budget(airflow_home):
    out = subprocess.run(
        [sys.executable, "-c", _PARSE_PROBE, str(REPO / "dags")],
        check=True, capture_output=True, text=True, cwd=REPO,
    ).stdout
    report = json.loads(out.strip().splitlines()[-1])
    print("\nparse time per DAG file:", {k: f"{v:.3f} s" for k, v in report["seconds"].items()})
    assert report["errors"] == {}
    assert report["dags"] == ["newsetl_ingest", "newsetl_migrate"]
    assert set(report["seconds"]) == {"newsetl_ingest.py", "newsetl_migrate.py"}
    assert all(s < PARSE_BUDGET_S for s in report["seconds"].values()), report["seconds"]
    # Parsing must not load the NLP stack: that happens in the tasks.
    assert report["heavy"] == []


def test_ingest_dag_shape(dagbag):
    dag = dagbag.get_dag("newsetl_ingest")
    assert {t.task_id for t in dag.tasks} == {
        "check_schema", "open_run", "plan", "process_batch", "quality_checks", "close_run",
    }

    def down(task_id):
        return set(dag.get_task(task_id).downstream_task_ids)

    assert down("check_schema") == {"open_run"}
    # plan runs after open_run, so that a failure to plan is recorded on the run
    assert down("open_run") == {"plan", "process_batch", "quality_checks", "close_run"}
    assert down("plan") == {"process_batch", "quality_checks", "close_run"}
    assert down("process_batch") == {"quality_checks", "close_run"}
    assert down("quality_checks") == {"close_run"}
    assert down("close_run") == set()

    batch = dag.get_task("process_batch")
    assert batch.is_mapped  # one mapped task instance per batch of paths
    assert batch.partial_kwargs["max_active_tis_per_dagrun"] == 4  # bounded spaCy memory
    assert dag.get_task("close_run").trigger_rule == "all_done"  # records failed runs too
    for task_id in ("check_schema", "open_run", "process_batch", "quality_checks", "close_run"):
        task = dag.get_task(task_id)
        retries = task.partial_kwargs["retries"] if task.is_mapped else task.retries
        backoff = (
            task.partial_kwargs["retry_exponential_backoff"] if task.is_mapped else task.retry_exponential_backoff
        )
        assert retries >= 2 and backoff > 1, task_id
    assert dag.get_task("plan").retries == 0  # a missing inbox does not get better by waiting


def test_ingest_dag_schedule(dagbag):
    from airflow.sdk import CronTriggerTimetable

    dag = dagbag.get_dag("newsetl_ingest")
    assert isinstance(dag.timetable, CronTriggerTimetable)
    assert dag.timetable.expression == "0 2 * * *"
    assert str(dag.timetable.timezone) == "UTC"
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.start_date == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

    migrate = dagbag.get_dag("newsetl_migrate")
    assert type(migrate.timetable).__name__ == "NullTimetable"  # manual only
    assert [t.task_id for t in migrate.tasks] == ["upgrade_to_head"]


def test_ingest_dag_params_and_their_validation(dagbag):
    from airflow.sdk.exceptions import ParamValidationError

    params = dagbag.get_dag("newsetl_ingest").params
    assert set(params.keys()) == {
        "inbox", "include", "reprocess", "batch_size", "max_files", "dry_run", "storage_conn_id",
    }
    defaults = params.validate()
    assert defaults["include"] == "*"
    assert defaults["reprocess"] is False and defaults["dry_run"] is False
    assert defaults["batch_size"] is None and defaults["max_files"] is None  # None: sized by the plan
    for name in params:  # shown in the trigger form with a title and a description
        param = params.get_param(name)
        assert param.schema.get("title") and param.description, name

    def with_conf(**conf):
        merged = copy.deepcopy(params)
        for key, value in conf.items():
            merged[key] = value
        return merged.validate()

    assert with_conf(batch_size=1, max_files=5, reprocess=True)["max_files"] == 5
    for bad in ({"batch_size": 0}, {"batch_size": "ten"}, {"max_files": 0}, {"reprocess": "yes"}, {"inbox": ""}):
        with pytest.raises(ParamValidationError):
            with_conf(**bad)


def test_schedule_comes_from_newsetl_schedule(airflow_home):
    probe = (
        "import sys\nfrom airflow.dag_processing.dagbag import DagBag\n"
        "bag = DagBag(dag_folder=sys.argv[1], safe_mode=False)\n"
        "t = bag.get_dag('newsetl_ingest').timetable\n"
        "print(type(t).__name__, getattr(t, 'expression', None), getattr(t, 'timezone', None))\n"
    )
    env = {**os.environ, "NEWSETL_SCHEDULE": "30 4 * * 1-5"}
    out = subprocess.run(
        [sys.executable, "-c", probe, str(REPO / "dags")], check=True, capture_output=True, text=True, env=env
    ).stdout.strip().splitlines()[-1]
    assert out == "CronTriggerTimetable 30 4 * * 1-5 UTC"
