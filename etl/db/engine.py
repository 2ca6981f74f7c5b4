"""Where the warehouse is: NEWSETL_DATABASE_URL, or the embedded PostgreSQL."""

from __future__ import annotations

import functools

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from etl.settings import SettingError, get_settings

URL_FORM = "postgresql://user:password@host:5432/database"


def normalise_url(url: str) -> str:
    """SQLAlchemy 2.1 maps ``postgresql://`` to psycopg 3; we ship psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix):]
    return url


def check_url(url: str, name: str = "NEWSETL_DATABASE_URL") -> str:
    """The normalised URL; SettingError (password hidden) when it is not a PostgreSQL URL."""
    normal = normalise_url(url.strip())
    try:
        parsed = sa.engine.make_url(normal)
    except sa.exc.ArgumentError:
        raise SettingError(name, f"is not a database URL (expected {URL_FORM})") from None
    if parsed.drivername != "postgresql+psycopg2":
        shown = parsed.render_as_string(hide_password=True)
        raise SettingError(name, f"must be a PostgreSQL URL ({URL_FORM}), got {shown}")
    if not parsed.database:
        raise SettingError(name, f"names no database (expected {URL_FORM})")
    return normal


def shown(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "(unparseable URL)"


def database_url() -> str:
    settings = get_settings()
    if settings.database_url:
        return check_url(settings.database_url)
    from etl.db.embedded import ensure_database

    return ensure_database(settings.pgdata, settings.database_name)


@functools.lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    connect_args = {}
    if "connect_timeout" not in sa.engine.make_url(url).query:
        connect_args["connect_timeout"] = get_settings().connect_timeout
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def get_engine(url: str | None = None) -> Engine:
    """A pooled engine for ``url`` (default: the configured warehouse); one per URL per process."""
    return _engine(check_url(url, "the database URL") if url else database_url())
