"""Which warehouse the tasks use, and whether its schema is at head.

The warehouse is the Airflow connection ``news_db`` (:data:`CONN_ID`) when it is defined, else
the default of :func:`etl.db.engine.database_url` (``NEWSETL_DATABASE_URL`` or the embedded
PostgreSQL). The ingest DAG only checks the schema (:func:`check_schema`); the migrate DAG
upgrades it (:func:`migrate_to_head`).
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

CONN_ID = "news_db"
# libpq keywords that may come from a connection's extra (anything else there is Airflow's).
_LIBPQ_KEYS = {
    "host", "hostaddr", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "sslpassword",
    "connect_timeout", "application_name", "options", "target_session_attrs", "keepalives",
    "keepalives_idle", "keepalives_interval", "keepalives_count", "gssencmode", "passfile",
    "channel_binding", "client_encoding", "service",
}


def connection_url(conn: Any) -> str:
    """SQLAlchemy URL (psycopg2) of an Airflow connection of type postgres.

    A unix-socket server (like the embedded one) is a connection without host whose extra
    has ``{"host": "/path/to/socket/dir"}``; other libpq keywords in the extra (``sslmode``, …)
    and a ``sqlalchemy_query`` dict are passed on as query parameters.
    """
    from sqlalchemy.engine import URL

    extra = dict(conn.extra_dejson or {})
    query = {k: str(v) for k, v in extra.items() if k in _LIBPQ_KEYS}
    query.update({k: str(v) for k, v in (extra.get("sqlalchemy_query") or {}).items()})
    return URL.create(
        "postgresql+psycopg2",
        username=conn.login or None,
        password=conn.password or None,
        host=conn.host or None,
        port=int(conn.port) if conn.port else None,
        database=conn.schema or None,
        query=query,
    ).render_as_string(hide_password=False)


def warehouse_url(conn_id: str = CONN_ID) -> str:
    """The Airflow connection ``conn_id`` when defined, else newsetl's default warehouse."""
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn = BaseHook.get_connection(conn_id)
    except AirflowNotFoundException:
        from etl.db.engine import database_url

        log.info("connection %r not defined: using newsetl's default warehouse", conn_id)
        return database_url()
    return connection_url(conn)


def warehouse_engine(url: str | None):
    """The pooled engine of ``url`` (None: newsetl's default warehouse), one per URL per process."""
    from etl.db.engine import get_engine

    return get_engine(url)


def check_schema(url: str | None = None) -> str:
    """Revision of the warehouse; raises SchemaNotAtHead (clear message) unless it is at head."""
    from etl.db import migrate

    revision = migrate.assert_at_head(url)
    log.info("warehouse schema at head (%s)", revision)
    return revision


def migrate_to_head(url: str | None = None) -> str:
    """The explicit migration step (``newsetl_migrate`` DAG): upgrade to head, return revision."""
    from etl.db import migrate

    migrate.upgrade("head", url=url)
    revision = migrate.current_revision(url)
    log.info("warehouse migrated to %s", revision)
    return revision
