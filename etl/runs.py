"""Pipeline runs: their record, heartbeat, per-run file counts, status, and closing dead ones.

* A run's counts come from ``run_files`` (one row per file the run saw, with that run's
  outcome), so runs that overlap in time each count exactly their own files.
* Status, the same for the CLI and the DAG: ``failed`` when the run did not complete (an
  error), ``partial`` when files were rejected or loaded articles carry quality flags,
  ``success`` otherwise.
* A running run shows signs of life: ``heartbeat_at`` (a thread refreshes it every
  ``NEWSETL_HEARTBEAT_SECONDS``) and, for a CLI run, the host and pid of its process. A run
  whose process is gone (same host, pid dead) or whose heartbeat is older than
  ``NEWSETL_RUN_STALE_MINUTES`` is closed as ``failed`` by the next run or by ``newsetl runs``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from collections.abc import Mapping
from typing import Self

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine

from etl.db.schema import articles, pipeline_runs, run_files
from etl.settings import get_settings

log = logging.getLogger(__name__)

COUNT_KEYS = ("files_seen", "loaded", "duplicates", "rejected", "flagged")
PID_CLOCK_SLACK = 60  # seconds: a process created this long after its run started is not its holder


def start_run(
    engine: Engine,
    run_key: str,
    trigger: str,
    *,
    triggered_by: str | None = None,
    source: str | None = None,
    params: dict | None = None,
    holder: bool = False,
) -> int:
    """Create (or, for a retried Airflow task, reopen) the run record; returns its id.

    ``holder``: this process runs the whole run (CLI), so its host and pid are recorded.
    """
    values = {
        "run_key": run_key, "trigger": trigger, "triggered_by": triggered_by, "source": source,
        "params": params or {}, "heartbeat_at": sa.func.now(),
        "holder_host": socket.gethostname() if holder else None,
        "holder_pid": os.getpid() if holder else None,
    }
    stmt = pg_insert(pipeline_runs).values(**values)
    reopened = {k: stmt.excluded[k] for k in ("params", "source", "heartbeat_at", "holder_host", "holder_pid")}
    stmt = stmt.on_conflict_do_update(
        index_elements=["run_key"],
        set_={**reopened, "status": "running", "ended_at": None, "error": None},
    ).returning(pipeline_runs.c.id)
    with engine.begin() as conn:
        return conn.execute(stmt).scalar_one()


def beat(engine: Engine, run_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            pipeline_runs.update()
            .where(pipeline_runs.c.id == run_id, pipeline_runs.c.status == "running")
            .values(heartbeat_at=sa.func.now())
        )


class Heartbeat:
    """Context manager: refreshes the run's ``heartbeat_at`` from a daemon thread."""

    def __init__(self, engine: Engine, run_id: int | None, every: float | None = None):
        self.engine, self.run_id = engine, run_id
        self.every = every or get_settings().heartbeat_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"newsetl-heartbeat-{run_id}", daemon=True)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            try:
                beat(self.engine, self.run_id)
            except Exception as exc:  # noqa: BLE001 -- the main thread notices a lost database
                log.debug("heartbeat of run %s failed: %s", self.run_id, exc)

    def __enter__(self) -> Self:
        if self.run_id is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)


# ------------------------------------------------------------------------------ counts, status


def run_counts(conn: Connection, run_id: int) -> dict[str, int]:
    """What run ``run_id`` recorded: files per final status and flagged articles it loaded."""
    rows = conn.execute(
        sa.select(run_files.c.status, sa.func.count()).where(run_files.c.run_id == run_id).group_by(run_files.c.status)
    ).all()
    by_status = dict(rows)
    flagged = conn.execute(
        sa.select(sa.func.count(sa.distinct(articles.c.id)))
        .select_from(run_files.join(articles, articles.c.id == run_files.c.article_id))
        .where(run_files.c.run_id == run_id, run_files.c.status == "loaded",
               sa.func.cardinality(articles.c.quality_flags) > 0)
    ).scalar_one()
    return {
        "files_seen": sum(by_status.values()),
        "loaded": by_status.get("loaded", 0),
        "duplicates": by_status.get("duplicate", 0),
        "rejected": by_status.get("rejected", 0),
        "flagged": flagged,
    }


def run_status(counts: Mapping[str, int], error: str | None = None) -> str:
    """failed (did not complete) / partial (rejected files or flagged articles) / success."""
    if error:
        return "failed"
    return "partial" if counts.get("rejected") or counts.get("flagged") else "success"


def _joined(*errors: str | None) -> str | None:
    parts: list[str] = []
    for error in errors:
        for part in (error or "").split("; "):
            if part and part not in parts:
                parts.append(part)
    return "; ".join(parts) or None


def finish_run(engine: Engine, run_id: int, *, error: str | None = None) -> str:
    """Store the run's counts (from run_files) and final status; returns the status.

    ``error`` is added to any failure a task already recorded on the run.
    """
    with engine.begin() as conn:
        counts = run_counts(conn, run_id)
        recorded = conn.execute(sa.select(pipeline_runs.c.error).where(pipeline_runs.c.id == run_id)).scalar()
        error = _joined(recorded, error) if error else None
        status = run_status(counts, error)
        conn.execute(
            pipeline_runs.update()
            .where(pipeline_runs.c.id == run_id)
            .values(**counts, status=status, error=error, ended_at=sa.func.now(), heartbeat_at=sa.func.now())
        )
    return status


def note_failure(engine: Engine, run_key: str, message: str) -> None:
    """Add a task's failure reason to the run's ``error`` (kept by :func:`finish_run`)."""
    with engine.begin() as conn:
        recorded = conn.execute(
            sa.select(pipeline_runs.c.error).where(pipeline_runs.c.run_key == run_key)
        ).scalar()
        conn.execute(
            pipeline_runs.update().where(pipeline_runs.c.run_key == run_key).values(error=_joined(recorded, message))
        )


# ------------------------------------------------------------------------------- dead runs


def _holder_alive(pid: int, started_at: dt.datetime) -> bool:
    import psutil

    try:
        proc = psutil.Process(pid)
        if proc.status() == psutil.STATUS_ZOMBIE:
            return False
        return proc.create_time() <= started_at.timestamp() + PID_CLOCK_SLACK
    except psutil.Error:
        return False


def _death(run: Mapping, stale_minutes: int, host: str) -> str | None:
    """Why ``run`` (status running) is dead, or None when it may still be alive."""
    if run["holder_pid"] and run["holder_host"] == host:  # its process tells, not the heartbeat
        pid = run["holder_pid"]
        if pid != os.getpid() and not _holder_alive(pid, run["started_at"]):
            return f"process died: pid {pid} on {host} is gone"
        return None
    if run["idle_minutes"] > stale_minutes:
        return (
            f"no heartbeat for {run['idle_minutes']:.0f} min (NEWSETL_RUN_STALE_MINUTES={stale_minutes}): "
            "its process died or hung"
        )
    return None


def close_dead_runs(engine: Engine, *, found_by: str, stale_minutes: int | None = None) -> list[tuple[int, str]]:
    """Close every ``running`` run whose process is gone as ``failed``; returns (id, reason)."""
    stale_minutes = stale_minutes or get_settings().run_stale_minutes
    idle = sa.func.extract("epoch", sa.func.now() - sa.func.coalesce(pipeline_runs.c.heartbeat_at,
                                                                      pipeline_runs.c.started_at)) / 60
    with engine.connect() as conn:
        running = conn.execute(
            sa.select(pipeline_runs.c.id, pipeline_runs.c.holder_host, pipeline_runs.c.holder_pid,
                      pipeline_runs.c.started_at, idle.label("idle_minutes"))
            .where(pipeline_runs.c.status == "running")
        ).mappings().all()
    closed = []
    host = socket.gethostname()
    for run in running:
        reason = _death(run, stale_minutes, host)
        if reason is None:
            continue
        reason = f"{reason} (closed by {found_by})"
        with engine.begin() as conn:
            counts = run_counts(conn, run["id"])
            done = conn.execute(
                pipeline_runs.update()
                .where(pipeline_runs.c.id == run["id"], pipeline_runs.c.status == "running")
                .values(**counts, status="failed", error=reason, ended_at=sa.func.now())
            ).rowcount
        if done:
            log.info("run %s closed as failed: %s", run["id"], reason)
            closed.append((run["id"], reason))
    return closed


def recent_runs(engine: Engine, limit: int = 20) -> list[Mapping]:
    with engine.connect() as conn:
        return conn.execute(
            sa.select(pipeline_runs).order_by(pipeline_runs.c.id.desc()).limit(limit)
        ).mappings().all()
