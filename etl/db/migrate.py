"""Alembic, driven from newsetl: ``newsetl db upgrade|downgrade|current``.

Migrations take an advisory lock on the warehouse, so two processes that migrate at the same
time take turns (the second finds the schema at head and does nothing). A warehouse at a
revision this code does not know (migrated by newer code) is refused with advice, not a
traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from etl.db.engine import database_url, get_engine
from etl.db.errors import is_permission_error, one_line
from etl.settings import REPO_ROOT, get_settings

_LOCK = "SELECT pg_advisory_lock(hashtext('newsetl:migrate'))"
_UNLOCK = "SELECT pg_advisory_unlock(hashtext('newsetl:migrate'))"


class SchemaNotAtHead(RuntimeError):
    """The warehouse is behind the code: run ``newsetl db upgrade``."""


class UnknownRevision(SchemaNotAtHead):
    """The warehouse is at a revision this code does not know (newer code migrated it)."""


class MigrationPermissionError(RuntimeError):
    """The migrating user lacks a privilege; retrying will not help."""


def alembic_config(url: str | None = None) -> Config:
    ini = REPO_ROOT / "alembic.ini"
    cfg = Config(str(ini)) if ini.exists() else Config()
    cfg.set_main_option("script_location", str(get_settings().migrations_dir))
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    cfg.attributes["configure_logging"] = False
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config("postgresql+psycopg2://unused/"))


def head_revision() -> str | None:
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in _scripts().walk_revisions()}


def current_revision(url: str | None = None) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _unknown(current: str) -> UnknownRevision:
    return UnknownRevision(
        f"the warehouse is at revision {current}, which this newsetl does not know (newer code "
        f"migrated it; this code's head is {head_revision()}): run the newer newsetl, or downgrade "
        f"the warehouse with it to {head_revision()} first"
    )


@contextlib.contextmanager
def migration_lock(url: str) -> Iterator[None]:
    """Hold the warehouse's migration advisory lock (one migrating process at a time)."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(_LOCK))
            conn.commit()
            try:
                yield
            finally:
                conn.execute(sa.text(_UNLOCK))
                conn.commit()
    finally:
        engine.dispose()


def _run(step, url: str | None, revision: str) -> None:
    url = url or database_url()
    with migration_lock(url):
        current = current_revision(url)
        if current is not None and current not in known_revisions():
            raise _unknown(current)
        try:
            step(alembic_config(url), revision)
        except sa.exc.DBAPIError as exc:
            if is_permission_error(exc):
                raise MigrationPermissionError(
                    f"permission denied while migrating ({one_line(exc)}): the migrating user must "
                    "own the database and its schema public"
                ) from exc
            raise


def upgrade(revision: str = "head", url: str | None = None) -> None:
    _run(command.upgrade, url, revision)


def downgrade(revision: str = "-1", url: str | None = None) -> None:
    _run(command.downgrade, url, revision)


def assert_at_head(url: str | None = None) -> str:
    """Raise SchemaNotAtHead (or UnknownRevision) with advice unless the warehouse is at head."""
    current, head = current_revision(url), head_revision()
    if current is not None and current not in known_revisions():
        raise _unknown(current)
    if current != head:
        raise SchemaNotAtHead(
            f"warehouse schema is at revision {current or 'none (empty database)'}, "
            f"code expects {head}: run `newsetl db upgrade` first"
        )
    return current
