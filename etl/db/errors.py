"""Telling database errors apart: the warehouse is gone, or one row / one statement failed.

Only the loss of the database stops a run; an error about one file's rows rejects that file.
A connection error is only called a loss after the server has failed to answer a fresh
connection a few times (a server that restarts within seconds is not lost).
"""

from __future__ import annotations

import logging
import time

import psycopg2
import psycopg2.errors
import sqlalchemy as sa

log = logging.getLogger(__name__)

# SQLSTATE classes that mean the connection or the server, not the statement: connection
# exception, operator intervention (shutdown), insufficient resources, system error.
_SERVER_CLASSES = ("08", "57", "53", "58")
# Worth running the same transaction again: serialization failure, deadlock.
_TRANSIENT = ("40001", "40P01")
_PERMISSION = ("42501",)
PING_DELAYS = (0.5, 1.0, 2.0, 4.0)  # seconds between the pings before a loss is declared


class DatabaseLost(RuntimeError):
    """The warehouse stopped answering; what was committed before stays committed."""


def _orig(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def sqlstate(exc: BaseException) -> str | None:
    return getattr(_orig(exc), "pgcode", None)


def one_line(exc: BaseException, limit: int = 300) -> str:
    """``Type: first line of the message`` (the DBAPI error's, not SQLAlchemy's wrapper)."""
    orig = _orig(exc)
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    line = f"{type(orig).__name__}: {text}" if text else type(orig).__name__
    return line if len(line) <= limit else line[: limit - 1] + "…"


def is_connection_error(exc: BaseException) -> bool:
    """The error may mean the connection or the server is gone (to be confirmed by a ping)."""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    orig = _orig(exc)
    code = getattr(orig, "pgcode", None)
    if code:  # the server answered: its SQLSTATE says whether it is about the connection
        return code[:2] in _SERVER_CLASSES
    # No SQLSTATE: libpq's own errors (connection refused, server closed the connection, ...)
    return type(orig) is psycopg2.OperationalError or isinstance(orig, psycopg2.InterfaceError)


def is_transient(exc: BaseException) -> bool:
    return sqlstate(exc) in _TRANSIENT or isinstance(_orig(exc), psycopg2.errors.TransactionRollbackError)


def is_permission_error(exc: BaseException) -> bool:
    return sqlstate(exc) in _PERMISSION or isinstance(_orig(exc), psycopg2.errors.InsufficientPrivilege)


def database_answers(engine: sa.engine.Engine) -> bool:
    """One ``SELECT 1`` on a fresh connection."""
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except Exception as exc:  # noqa: BLE001 -- any failure means "does not answer"
        log.debug("warehouse ping failed: %s", one_line(exc))
        return False


def wait_for_database(engine: sa.engine.Engine, delays: tuple[float, ...] = PING_DELAYS) -> bool:
    """True when the warehouse answers within a few pings (about 8 s in all), else False."""
    engine.pool.dispose()  # connections of a restarted server are all dead
    for delay in (0.0, *delays):
        time.sleep(delay)
        if database_answers(engine):
            return True
    return False
