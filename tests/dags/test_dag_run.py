"""End to end: the DAGs run with dag.test() against a fresh database on the embedded PostgreSQL.

The warehouse is given to Airflow the way users do it: the connection ``news_db`` defined by
the AIRFLOW_CONN_NEWS_DB environment variable. The tests run in order, on one database:
unmigrated → refused; migrate DAG → at head; ingest → rows, partial (a rejected file, flagged
articles); ingest again → no duplicates; invalid param or unknown conf key → refused; dry run →
nothing written. Two dag-test processes at once over one inbox each account for their files.
"""

from __future__ import annotations

import shutil
import time
from collections import defaultdict

import pytest
import sqlalchemy as sa

from etl.db.schema import ingest_ledger, pipeline_runs
from etl.orchestration import connection, tasks
from etl.orchestration.summary import run_summary
from tests.dags.conftest import airflow_conn
from tests.support import ARTICLES, FIXTURES, table_counts

pytestmark = [pytest.mark.dags, pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    """3 fixture articles (2 without date) + the same content under another path + an empty file
    + an article without title (tests/fixtures/dag_inbox/README.md)."""
    root = tmp_path_factory.mktemp("inbox")
    shutil.copytree(ARTICLES, root, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "dag_inbox", root, dirs_exist_ok=True)
    return root


@pytest.fixture
def news_db(fresh_db_url, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_NEWS_DB", airflow_conn(fresh_db_url))
    return fresh_db_url


def _run(dag, **conf):
    t0 = time.monotonic()
    dr = dag.test(run_conf=conf)
    states = defaultdict(set)
    for ti in dr.get_task_instances():
        states[ti.task_id].add(str(getattr(ti.state, "value", ti.state)))
    print(f"\n{dag.dag_id} {conf}: {dr.state} in {time.monotonic() - t0:.1f} s; {dict(states)}")
    return dr, states


def _runs(engine):
    with engine.connect() as conn:
        return conn.execute(sa.select(pipeline_runs).order_by(pipeline_runs.c.id)).mappings().all()


def test_ingest_refuses_a_warehouse_that_is_not_at_head(dagbag, news_db):
    with pytest.raises(Exception, match=r"revision none \(empty database\).*run `newsetl db upgrade` first"):
        connection.check_schema(news_db)
    dr, states = _run(dagbag.get_dag("newsetl_ingest"), inbox=str(ARTICLES))
    assert dr.state == "failed"
    assert states["check_schema"] == {"failed"}
    assert states["process_batch"] == {"upstream_failed"}
    assert states["close_run"] == {"failed"}  # ran (all_done), found nothing recorded, failed


def test_migrate_dag_brings_the_warehouse_to_head(dagbag, news_db):
    dr, _states = _run(dagbag.get_dag("newsetl_migrate"))
    assert dr.state == "success"
    assert connection.check_schema(news_db)


def test_ingest_dag_loads_the_inbox(dagbag, news_db, inbox):
    """Correct data with a rejected file and flagged articles: the run is partial, not failed."""
    from etl.db.engine import get_engine

    dr, states = _run(dagbag.get_dag("newsetl_ingest"), inbox=str(inbox), batch_size=2)
    assert dr.state == "success"
    assert states["process_batch"] == {"success"} and states["quality_checks"] == {"success"}
    assert len([ti for ti in dr.get_task_instances() if ti.task_id == "process_batch"]) == 3  # 6 files / 2

    engine = get_engine(news_db)
    counts = table_counts(engine)
    print(counts)
    assert (counts["articles"], counts["ingest_ledger"], counts["run_files"], counts["pipeline_runs"]) == (4, 6, 6, 1)
    assert counts["entities"] > 0 and counts["article_entities"] > 0
    (run,) = _runs(engine)
    assert run["run_key"] == f"airflow:newsetl_ingest/{dr.run_id}"
    assert (run["trigger"], run["triggered_by"], run["source"]) == ("manual", "dag_test", str(inbox))
    assert (run["files_seen"], run["loaded"], run["duplicates"], run["rejected"], run["flagged"]) == (6, 4, 1, 1, 3)
    assert run["status"] == "partial" and run["ended_at"] is not None and run["error"] is None
    assert run["params"]["batch_size"] == 2
    with engine.connect() as conn:
        ledger = dict(conn.execute(sa.select(ingest_ledger.c.status, sa.func.count()).group_by(ingest_ledger.c.status)).all())
        reason = conn.execute(sa.select(ingest_ledger.c.reason).where(ingest_ledger.c.status == "rejected")).scalar_one()
        flagged = dict(conn.execute(sa.text("SELECT source_path, flags FROM v_article_quality")).all())
    assert ledger == {"loaded": 4, "duplicate": 1, "rejected": 1}
    assert reason == "empty file"
    # border_clash.txt and mirror/border_clash.txt: whichever batch runs first loads the article
    assert {p.rsplit("/", 1)[-1]: f for p, f in flagged.items()} == {
        "untitled.html": "no_title", "border_clash.txt": "no_date", "harbor_blast.txt": "no_date"}
    # Re-checking the finished run through the orchestration function agrees.
    counts = {k: run[k] for k in ("files_seen", "loaded", "duplicates", "rejected")}
    assert all(c["ok"] for c in tasks.quality_checks(run["id"], 6, [counts], url=news_db).values())
    summary = run_summary(run["run_key"], url=news_db)
    assert "flagged " + str(inbox / "untitled.html") + ": no_title" in summary


def test_second_run_adds_no_duplicates(dagbag, news_db, inbox):
    from etl.db.engine import get_engine

    engine = get_engine(news_db)
    before = table_counts(engine)
    dr, _ = _run(dagbag.get_dag("newsetl_ingest"), inbox=str(inbox), batch_size=2)
    assert dr.state == "success"
    after = table_counts(engine)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after.pop("run_files") == before.pop("run_files") + 6
    assert after == before
    run = _runs(engine)[-1]
    assert (run["files_seen"], run["loaded"], run["duplicates"], run["rejected"], run["flagged"]) == (6, 0, 5, 1, 0)
    assert run["status"] == "partial"  # the empty file is rejected again
    with engine.connect() as conn:
        assert set(conn.execute(sa.select(ingest_ledger.c.times_seen)).scalars()) == {2}


def test_an_invalid_param_is_refused_by_airflow(dagbag, news_db, inbox):
    from airflow.sdk.exceptions import ParamValidationError

    from etl.db.engine import get_engine

    before = table_counts(get_engine(news_db))
    dag = dagbag.get_dag("newsetl_ingest")
    with pytest.raises(ParamValidationError, match="batch_size"):
        dag.test(run_conf={"inbox": str(inbox), "batch_size": 0})
    with pytest.raises(ParamValidationError, match="max_files"):
        dag.test(run_conf={"inbox": str(inbox), "max_files": "all"})
    assert table_counts(get_engine(news_db)) == before


def test_an_unknown_conf_key_fails_the_run_with_the_valid_keys(dagbag, news_db, inbox):
    from etl.db.engine import get_engine

    engine = get_engine(news_db)
    before = table_counts(engine)
    dr, states = _run(dagbag.get_dag("newsetl_ingest"), inbox=str(inbox), batchsize=5)
    assert dr.state == "failed"
    assert states["open_run"] == {"failed"} and states["process_batch"] == {"upstream_failed"}
    run = _runs(engine)[-1]
    assert run["status"] == "failed"
    assert run["error"].startswith("open_run: unknown conf key(s) 'batchsize': valid keys are batch_size, ")
    after = table_counts(engine)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after == before


def test_dry_run_writes_nothing(dagbag, news_db, inbox):
    from etl.db.engine import get_engine

    before = table_counts(get_engine(news_db))
    dr, _states = _run(dagbag.get_dag("newsetl_ingest"), inbox=str(inbox), dry_run=True, reprocess=True)
    assert dr.state == "success"
    assert table_counts(get_engine(news_db)) == before
