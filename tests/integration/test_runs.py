"""Run records: dead runs are found (holder pid gone, heartbeat stale) and closed as failed;
live ones are left alone; the status rule is the same for the CLI and the DAG."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import sqlalchemy as sa

from etl.db.schema import pipeline_runs
from etl.runs import Heartbeat, close_dead_runs, run_status, start_run


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _run(engine, key: str, **values) -> int:
    run_id = start_run(engine, key, "test")
    if not values:
        return run_id
    with engine.begin() as conn:
        conn.execute(pipeline_runs.update().where(pipeline_runs.c.id == run_id).values(**values))
    return run_id


def _row(engine, run_id: int):
    with engine.connect() as conn:
        return conn.execute(sa.select(pipeline_runs).where(pipeline_runs.c.id == run_id)).mappings().one()


def test_dead_runs_are_closed_and_live_ones_left_alone(warehouse):
    host = socket.gethostname()
    stale = sa.text("now() - interval '3 hours'")
    dead = _run(warehouse, "dead-holder", holder_host=host, holder_pid=_dead_pid())
    alive = _run(warehouse, "live-holder", holder_host=host, holder_pid=os.getpid(), heartbeat_at=stale)
    elsewhere = _run(warehouse, "other-host", holder_host="another-host", holder_pid=1, heartbeat_at=stale)
    quiet = _run(warehouse, "airflow:quiet", heartbeat_at=stale)
    recent = _run(warehouse, "airflow:recent")
    closed = dict(close_dead_runs(warehouse, found_by="the test", stale_minutes=60))
    assert set(closed) == {dead, elsewhere, quiet}
    assert closed[dead].startswith("process died: pid ") and closed[dead].endswith("(closed by the test)")
    assert closed[quiet].startswith("no heartbeat for 180 min (NEWSETL_RUN_STALE_MINUTES=60)")
    for run_id, reason in closed.items():
        row = _row(warehouse, run_id)
        assert row["status"] == "failed" and row["ended_at"] is not None and row["error"] == reason
    for run_id in (alive, recent):  # this process is alive; a fresh heartbeat is alive
        assert _row(warehouse, run_id)["status"] == "running"
    assert close_dead_runs(warehouse, found_by="the test", stale_minutes=60) == []


def test_heartbeat_refreshes_a_running_run(warehouse):
    run_id = _run(warehouse, "beating", heartbeat_at=sa.text("now() - interval '1 hour'"))
    before = _row(warehouse, run_id)["heartbeat_at"]
    with Heartbeat(warehouse, run_id, every=0.2):
        import time

        time.sleep(1.0)
    assert _row(warehouse, run_id)["heartbeat_at"] > before


def test_status_rule():
    assert run_status({"rejected": 0, "flagged": 0}) == "success"
    assert run_status({"rejected": 1, "flagged": 0}) == "partial"
    assert run_status({"rejected": 0, "flagged": 2}) == "partial"
    assert run_status({"rejected": 0, "flagged": 0}, error="a batch failed") == "failed"
