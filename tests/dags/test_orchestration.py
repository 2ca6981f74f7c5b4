"""The task functions of etl.orchestration, without Airflow's scheduler."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from etl.orchestration import closing, connection, parameters, planning, tasks
from etl.orchestration.summary import run_summary
from tests.support import ARTICLES

pytestmark = pytest.mark.dags


class _Conn:  # the attributes of an Airflow Connection that connection_url reads
    def __init__(self, **kw):
        self.host, self.port, self.login, self.password, self.schema = (
            kw.get("host"), kw.get("port"), kw.get("login"), kw.get("password"), kw.get("schema"),
        )
        self.extra_dejson = kw.get("extra", {})


def test_connection_url_for_a_tcp_server_and_for_a_unix_socket():
    tcp = connection.connection_url(
        _Conn(host="warehouse", port=5432, login="news", password="p@ss", schema="newsetl",
              extra={"sslmode": "require", "cursor": "dictcursor"})
    )
    url = sa.engine.make_url(tcp)
    assert (url.drivername, url.host, url.port, url.username, url.password, url.database) == (
        "postgresql+psycopg2", "warehouse", 5432, "news", "p@ss", "newsetl",
    )
    assert dict(url.query) == {"sslmode": "require"}  # Airflow-only extras are dropped
    sock = sa.engine.make_url(connection.connection_url(_Conn(login="postgres", schema="x", extra={"host": "/tmp/pg"})))
    assert sock.host is None and dict(sock.query) == {"host": "/tmp/pg"} and sock.database == "x"


def test_plan_keeps_the_number_of_mapped_tasks_bounded(tmp_path):
    for i in range(450):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Headline {i}\n\nBody {i}.\n")
    (tmp_path / "notes.md").write_text("not an article")
    plan = planning.plan_batches(str(tmp_path), batch_size=1)
    assert plan["files"] == 450 and plan["batch_size"] == 3
    assert len(plan["batches"]) == 150 <= planning.MAX_BATCHES
    assert [p for b in plan["batches"] for p in b] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    small = planning.plan_batches(f"file://{tmp_path}", include="a00*", batch_size=4, max_files=7)
    assert small["files"] == 7 and [len(b) for b in small["batches"]] == [4, 3]
    # Only paths travel through XCom: the plan is plain JSON.
    assert json.loads(json.dumps(plan)) == plan


def test_batches_are_sized_so_the_model_load_is_a_small_share(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSETL_MAX_PARALLEL_BATCHES", "2")
    assert planning.auto_batch_size(1000) == 500  # one task per parallel slot
    assert planning.auto_batch_size(50) == planning.AUTO_MIN_FILES  # never tiny tasks: one task of 50
    assert planning.auto_batch_size(10**6) == planning.AUTO_MAX_FILES
    assert planning.auto_batch_size(1000, slots=8) == planning.AUTO_MIN_FILES
    for i in range(450):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Headline {i}\n\nBody {i}.\n")
    plan = planning.plan_batches(str(tmp_path))  # batch_size None: the default
    assert plan["batch_size"] == 225 and [len(b) for b in plan["batches"]] == [225, 225]


def test_inbox_urls_and_missing_folders_are_refused_clearly(tmp_path):
    with pytest.raises(planning.InboxError, match="http:// URLs are not supported"):
        planning.plan_batches("http://example.org/inbox")
    assert planning.resolve_inbox("s3://bucket/inbox") == "s3://bucket/inbox"  # read in tests/dags/test_dag_sources.py
    with pytest.raises(planning.InboxError, match="inbox not found"):
        planning.plan_batches(str(tmp_path / "missing"))
    assert planning.plan_batches(str(ARTICLES))["files"] == 3


def test_params_validation_outside_airflow():
    import jsonschema

    assert parameters.validate_params({"inbox": "x"})["batch_size"] == planning.DEFAULT_BATCH_SIZE
    with pytest.raises(jsonschema.ValidationError):
        parameters.validate_params({"inbox": "x", "batch_size": 0})


def test_schedule_is_configurable(monkeypatch):
    monkeypatch.delenv("NEWSETL_SCHEDULE", raising=False)
    assert parameters.schedule() == "0 2 * * *"
    monkeypatch.setenv("NEWSETL_SCHEDULE", "30 4 * * 1-5")
    assert parameters.schedule() == "30 4 * * 1-5"
    monkeypatch.setenv("NEWSETL_SCHEDULE", "none")
    assert parameters.schedule() is None


def test_close_run_without_a_plan_reports_what_failed():
    with pytest.raises(closing.RunFailed, match="nothing was processed"):
        closing.close_run(None, None, None, None)
    result = closing.close_run(None, [["a.txt"]], [{"files_seen": 1, "loaded": 1}], {}, dry_run=True)
    assert result["status"] == "dry-run" and result["loaded"] == 1
    with pytest.raises(closing.RunFailed, match="1 of 2 batches failed"):
        closing.close_run(None, [["a"], ["b"]], [{"files_seen": 1, "loaded": 1}], None, dry_run=True)


def test_unknown_conf_keys_are_refused_with_the_valid_ones():
    parameters.check_conf({"inbox": "x", "batch_size": 3})
    with pytest.raises(parameters.UnknownConf) as info:
        parameters.check_conf({"inbox": "x", "batchsize": 5, "dryrun": True})
    message = str(info.value)
    assert message.startswith("unknown conf key(s) 'batchsize', 'dryrun': valid keys are ")
    assert message.endswith("batch_size, dry_run, inbox, include, max_files, reprocess, storage_conn_id")


@pytest.mark.integration
def test_task_functions_chained_by_hand_and_a_failing_check(warehouse, fresh_db_url):
    """The DAG's tasks as plain calls (what a CLI or a test can do), then a corrupted run."""
    from etl.db.schema import run_files

    connection.check_schema(fresh_db_url)
    params = parameters.validate_params({"inbox": str(ARTICLES), "batch_size": 2})
    run_id = tasks.open_run("test:by-hand", "test", "pytest", params, url=fresh_db_url)
    plan = planning.plan_batches(params["inbox"], params["include"], batch_size=params["batch_size"])
    summaries = [tasks.run_batch(b, run_id, batch_size=2, url=fresh_db_url) for b in plan["batches"]]
    checks = tasks.quality_checks(run_id, plan["files"], summaries, url=fresh_db_url)
    assert set(checks) == {
        "every file has a final ledger status", "no orphan rows", "counts consistent with the ledger",
    }
    result = closing.close_run(run_id, plan["batches"], summaries, checks, url=fresh_db_url)
    # Two of the fixture articles carry no date: loaded and flagged, so the run is partial.
    assert (result["status"], result["files_seen"], result["loaded"], result["flagged"]) == ("partial", 3, 3, 2)
    assert [flags for _, flags in result["flagged_articles"]] == ["no_date", "no_date"]
    summary = run_summary("test:by-hand", url=fresh_db_url)
    assert "status partial: 3 files seen, 3 loaded, 0 duplicates, 0 rejected, 2 flagged" in summary
    assert "flagged " + str(ARTICLES / "border_clash.txt") + ": no_date" in summary

    with pytest.raises(tasks.DataQualityError, match="every file has a final ledger status"):
        tasks.quality_checks(run_id, plan["files"] + 1, summaries, url=fresh_db_url)
    with warehouse.begin() as conn:  # a file of the run loses its outcome
        conn.execute(sa.delete(run_files).where(
            run_files.c.ledger_id == sa.select(sa.func.min(run_files.c.ledger_id)).scalar_subquery()))
    with pytest.raises(tasks.DataQualityError, match="counts consistent with the ledger"):
        tasks.quality_checks(run_id, plan["files"], summaries, url=fresh_db_url)
    # A batch that never reported: the run is recorded as failed, and close_run raises.
    with pytest.raises(closing.RunFailed, match="1 of 2 batches failed"):
        closing.close_run(run_id, plan["batches"], summaries[:1], checks, url=fresh_db_url)
    with warehouse.connect() as conn:
        row = conn.execute(sa.text("SELECT status, error FROM pipeline_runs WHERE id = :r"), {"r": run_id}).one()
    assert row.status == "failed" and "1 of 2 batches failed" in row.error


@pytest.mark.integration
def test_a_failed_task_leaves_its_reason_on_the_run(warehouse, fresh_db_url, tmp_path):
    """plan fails on a missing inbox: pipeline_runs.error says so, not just 'discovering failed'."""
    params = parameters.validate_params({"inbox": str(tmp_path / "missing")})
    run_id = tasks.open_run("test:missing-inbox", "test", "pytest", params, url=fresh_db_url)
    with pytest.raises(planning.InboxError) as info:
        planning.plan_batches(params["inbox"])
    closing.record_failure("test:missing-inbox", "plan", info.value, url=fresh_db_url)
    with pytest.raises(closing.RunFailed):
        closing.close_run(run_id, None, None, None, url=fresh_db_url)
    with warehouse.connect() as conn:
        row = conn.execute(sa.text("SELECT status, error FROM pipeline_runs WHERE id = :r"), {"r": run_id}).one()
    assert row.status == "failed"
    assert row.error == f"plan: InboxError: inbox not found: {tmp_path / 'missing'} (the path must exist where " \
                        "the tasks run); discovering the inbox failed"

    # Unknown conf keys: the run is recorded, failed, with the list of valid keys.
    with pytest.raises(parameters.UnknownConf):
        tasks.open_run("test:typo", "test", "pytest", params, url=fresh_db_url, conf={"batchsize": 5})
    with warehouse.connect() as conn:
        row = conn.execute(sa.text("SELECT status, error FROM pipeline_runs WHERE run_key = 'test:typo'")).one()
    assert row.status == "failed" and row.error.startswith("open_run: unknown conf key(s) 'batchsize': valid keys")
