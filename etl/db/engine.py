"""Where the warehouse is: NEWSETL_DATABASE_URL, or the embedded PostgreSQL."""

from __future__ import annotations

import functools

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from etl.settings import get_settings


def normalise_url(url: str) -> str:
    """SQLAlchemy 2.1 maps ``postgresql://`` to psycopg 3; we ship psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix):]
    return url


def database_url() -> str:
    settings = get_settings()
    if settings.database_url:
        return normalise_url(settings.database_url)
    from etl.db.embedded import ensure_database

    return ensure_database(settings.pgdata, settings.database_name)


@functools.lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    return sa.create_engine(url, pool_pre_ping=True, future=True)


def get_engine(url: str | None = None) -> Engine:
    """A pooled engine for ``url`` (default: the configured warehouse); one per URL per process."""
    return _engine(normalise_url(url) if url else database_url())
