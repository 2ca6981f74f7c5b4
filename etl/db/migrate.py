"""Alembic, driven from newsetl: ``newsetl db upgrade|downgrade|current|check``."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from etl.db.engine import database_url, get_engine
from etl.settings import REPO_ROOT, get_settings


def alembic_config(url: str | None = None) -> Config:
    ini = REPO_ROOT / "alembic.ini"
    cfg = Config(str(ini)) if ini.exists() else Config()
    cfg.set_main_option("script_location", str(get_settings().migrations_dir))
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    cfg.attributes["configure_logging"] = False
    return cfg


def upgrade(revision: str = "head", url: str | None = None) -> None:
    command.upgrade(alembic_config(url), revision)


def downgrade(revision: str = "-1", url: str | None = None) -> None:
    command.downgrade(alembic_config(url), revision)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("postgresql+psycopg2://unused/")).get_current_head()


def current_revision(url: str | None = None) -> str | None:
    with get_engine(url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


class SchemaNotAtHead(RuntimeError):
    pass


def assert_at_head(url: str | None = None) -> str:
    """Raise SchemaNotAtHead with a clear message unless the warehouse is migrated to head."""
    current, head = current_revision(url), head_revision()
    if current != head:
        raise SchemaNotAtHead(
            f"warehouse schema is at revision {current or 'none (empty database)'}, "
            f"code expects {head}: run `newsetl db upgrade` first"
        )
    return current
