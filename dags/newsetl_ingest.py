"""newsetl ingest: inbox → warehouse, nightly (02:00 UTC, NEWSETL_SCHEDULE) and on demand.

Thin wiring only: every task calls a function of ``etl.orchestration``.
Warehouse: the Airflow connection ``news_db`` (else newsetl's default warehouse).
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import CronTriggerTimetable, Param, TriggerRule, dag, task
from airflow.sdk.exceptions import AirflowFailException

from etl.orchestration import closing, connection, parameters, planning, tasks

# Database-facing tasks retry with exponential backoff (30 s, 60 s, 120 s, capped at 10 min).
DB_RETRIES = {
    "retries": 3,
    "retry_delay": dt.timedelta(seconds=30),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": dt.timedelta(minutes=10),
}

_cron = parameters.schedule()


# Tasks: thin wrappers that turn etl.orchestration's errors into Airflow's task states.


def _key(dag_run) -> str:
    return tasks.run_key(dag_run.dag_id, dag_run.run_id)


@task(**DB_RETRIES)
def check_schema() -> str:
    from etl.db.migrate import SchemaNotAtHead
    from etl.settings import SettingError

    try:
        return connection.check_schema(connection.warehouse_url())
    except (SchemaNotAtHead, SettingError) as exc:  # retrying will not fix these: fail at once
        raise AirflowFailException(f"{exc} (or trigger the {parameters.MIGRATE_DAG_ID} DAG)") from exc


@task(**DB_RETRIES)
def open_run(params=None, dag_run=None) -> int | None:
    try:
        return tasks.open_run(
            _key(dag_run),
            str(getattr(dag_run.run_type, "value", dag_run.run_type)),
            dag_run.triggering_user_name,
            dict(params),
            url=None if params["dry_run"] else connection.warehouse_url(),
            conf=dag_run.conf,
        )
    except parameters.UnknownConf as exc:
        raise AirflowFailException(str(exc)) from exc


@task
def plan(params=None, dag_run=None) -> list[list[str]]:
    try:
        return planning.plan_batches(
            params["inbox"], params["include"], batch_size=params["batch_size"], max_files=params["max_files"],
            storage_conn_id=params.get("storage_conn_id"),
        )["batches"]
    except Exception as exc:
        if not params["dry_run"]:
            closing.record_failure(_key(dag_run), "plan", exc, url=connection.warehouse_url())
        if isinstance(exc, planning.InboxError):
            raise AirflowFailException(str(exc)) from exc
        raise


# Each running batch holds a spaCy model in memory: bound how many run at once.
@task(max_active_tis_per_dagrun=planning.max_parallel_batches(), **DB_RETRIES)
def process_batch(paths: list[str], record_id: int | None, params=None, dag_run=None, ti=None) -> dict:
    url = None if params["dry_run"] else connection.warehouse_url()
    try:
        return tasks.run_batch(
            paths, record_id, reprocess=params["reprocess"], dry_run=params["dry_run"],
            batch_size=params["batch_size"], url=url, storage_conn_id=params.get("storage_conn_id"),
        )
    except Exception as exc:
        if url:
            closing.record_failure(_key(dag_run), f"process_batch[{ti.map_index}]", exc, url=url)
        raise


@task(**DB_RETRIES)
def quality_checks(record_id: int | None, batches: list[list[str]], summaries, dag_run=None) -> dict:
    files = sum(len(b) for b in batches)
    url = None if record_id is None else connection.warehouse_url()  # None: dry run, no checks
    try:
        return tasks.quality_checks(record_id, files, tasks.pulled(summaries), url=url)
    except tasks.DataQualityError as exc:
        closing.record_failure(_key(dag_run), "quality_checks", exc, url=url)
        raise AirflowFailException(str(exc)) from exc


@task(trigger_rule=TriggerRule.ALL_DONE, **DB_RETRIES)
def close_run(record_id, batches, summaries, checks, params=None, dag_run=None) -> dict:
    try:
        return closing.close_run(
            record_id,
            batches,
            tasks.pulled(summaries),
            checks,
            dry_run=params["dry_run"],
            url=None if params["dry_run"] else connection.warehouse_url(),
            key=_key(dag_run),
        )
    except closing.RunFailed as exc:
        raise AirflowFailException(str(exc)) from exc


@dag(
    dag_id=parameters.INGEST_DAG_ID,
    description="Ingest news article files from an inbox into the PostgreSQL warehouse",
    schedule=CronTriggerTimetable(_cron, timezone="UTC") if _cron else None,
    start_date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    max_active_runs=1,
    params={name: Param(**spec) for name, spec in parameters.param_specs().items()},
    default_args={"owner": "newsetl", "retries": 0},
    tags=["newsetl"],
    doc_md=__doc__,
)
def newsetl_ingest():
    schema = check_schema()
    record_id = open_run()  # id of the row in pipeline_runs
    planned = plan()
    schema >> record_id >> planned  # plan after the record, so that its failure is recorded
    summaries = process_batch.partial(record_id=record_id).expand(paths=planned)
    checks = quality_checks(record_id, planned, summaries)
    close_run(record_id, planned, summaries, checks)


newsetl_ingest()
