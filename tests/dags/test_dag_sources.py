"""The ingest DAG over an s3:// inbox (moto's server on 127.0.0.1, credentials from the Airflow
connection ``aws_default``) loads the same rows as over the same files in a folder; its plan
lists WARC records and JSON lines as locators."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger
from etl.orchestration import planning
from tests.dags.conftest import airflow_conn
from tests.sources_support import MOTO_ENV, MotoServer, mixed_inbox, upload_folder

pytestmark = [pytest.mark.dags, pytest.mark.integration, pytest.mark.slow]
PREFIX = "s3://dag-inbox/nightly"


@pytest.fixture(scope="module")
def s3_inbox(tmp_path_factory):
    server = MotoServer()
    folder = tmp_path_factory.mktemp("dag_s3_inbox")
    mixed_inbox(folder)
    upload_folder(server.s3fs(), folder, PREFIX)
    yield server, folder
    server.stop()


@pytest.fixture
def env(fresh_db_url, s3_inbox, monkeypatch):
    from etl.ingest import objects

    server, _ = s3_inbox
    monkeypatch.setenv("AIRFLOW_CONN_NEWS_DB", airflow_conn(fresh_db_url))
    for name in (*MOTO_ENV, "AWS_ENDPOINT_URL"):  # only the connection knows the credentials
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AIRFLOW_CONN_AWS_DEFAULT", json.dumps({
        "conn_type": "aws", "login": MOTO_ENV["AWS_ACCESS_KEY_ID"], "password": MOTO_ENV["AWS_SECRET_ACCESS_KEY"],
        "extra": {"endpoint_url": server.url, "region_name": "us-east-1"},
    }))
    objects._filesystems.pop("s3", None)
    yield fresh_db_url
    objects._filesystems.pop("s3", None)


def _rows(url: str, root: str) -> tuple[set, set]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            ledger = {(r.path.replace(root, "ROOT", 1), r.sha256, r.status, r.reason)
                      for r in conn.execute(sa.select(ingest_ledger))}
            arts = {(r.source_path.replace(root, "ROOT", 1), r.content_sha256, r.title, r.body, r.url)
                    for r in conn.execute(sa.select(articles))}
        return ledger, arts
    finally:
        engine.dispose()


def test_the_plan_lists_records_and_lines_as_locators(s3_inbox):
    _server, folder = s3_inbox
    plan = planning.plan_batches(str(folder), batch_size=4)
    flat = [p for b in plan["batches"] for p in b]
    assert sum("#offset=" in p for p in flat) == 5 + 3 and sum("#line=" in p for p in flat) == 4
    assert json.loads(json.dumps(plan)) == plan and max(len(b) for b in plan["batches"]) == 4


def test_dag_over_s3_loads_the_same_rows_as_over_the_folder(dagbag, env, s3_inbox):
    from etl.db import migrate

    _server, folder = s3_inbox
    migrate.upgrade("head", url=env)
    dag = dagbag.get_dag("newsetl_ingest")
    dr = dag.test(run_conf={"inbox": str(folder), "batch_size": 5})
    assert str(dr.state) in ("success", "DagRunState.SUCCESS")
    from_folder = _rows(env, str(folder))
    engine = sa.create_engine(env)
    with engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE pipeline_runs, ingest_ledger, articles, entities, article_entities, "
                             "quotes, casualties RESTART IDENTITY CASCADE"))
    engine.dispose()
    dr = dag.test(run_conf={"inbox": PREFIX, "batch_size": 5, "storage_conn_id": "aws_default"})
    assert str(dr.state) in ("success", "DagRunState.SUCCESS")
    from_s3 = _rows(env, PREFIX)
    assert from_s3 == from_folder
    assert len(from_s3[1]) == 14 and len(from_s3[0]) == 6 + 8 + 1 + 4


def test_without_the_connection_the_workers_aws_variables_are_used(dagbag, env, s3_inbox, monkeypatch):
    from etl.db import migrate
    from etl.ingest import objects

    server, _folder = s3_inbox
    migrate.upgrade("head", url=env)
    monkeypatch.delenv("AIRFLOW_CONN_AWS_DEFAULT")
    for name, value in server.env.items():
        monkeypatch.setenv(name, value)
    objects._filesystems.pop("s3", None)
    dr = dagbag.get_dag("newsetl_ingest").test(run_conf={"inbox": PREFIX, "batch_size": 10})
    assert str(dr.state) in ("success", "DagRunState.SUCCESS")
    ledger, arts = _rows(env, PREFIX)
    assert len(arts) == 14 and len(ledger) == 6 + 8 + 1 + 4
