"""Telling a lost database from an error about one row, with real psycopg2 errors."""

from __future__ import annotations

import socket

import psycopg2
import psycopg2.errors
import pytest
import sqlalchemy as sa

from etl.db.engine import check_url, shown
from etl.db.errors import database_answers, is_connection_error, is_transient, one_line
from etl.settings import SettingError


def _refused_engine() -> sa.engine.Engine:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return sa.create_engine(f"postgresql+psycopg2://u:pw@127.0.0.1:{port}/db", poolclass=sa.pool.NullPool)


def test_a_refused_connection_is_a_connection_error():
    engine = _refused_engine()
    with pytest.raises(sa.exc.OperationalError) as info:
        engine.connect()
    assert is_connection_error(info.value)
    assert one_line(info.value).startswith("OperationalError: connection to server at \"127.0.0.1\"")
    assert not database_answers(engine)


@pytest.mark.parametrize(
    ("error", "connection", "transient"),
    [
        (psycopg2.OperationalError("server closed the connection unexpectedly"), True, False),
        (psycopg2.InterfaceError("connection already closed"), True, False),
        (psycopg2.errors.DeadlockDetected("deadlock detected"), False, True),
        (psycopg2.errors.SerializationFailure("could not serialize"), False, True),
        (ValueError("A string literal cannot contain NUL (0x00) characters."), False, False),
    ],
)
def test_client_side_error_kinds(error, connection, transient):
    """Errors without a SQLSTATE (libpq's, the driver's): told apart by their type."""
    wrapped = sa.exc.DBAPIError("SELECT 1", {}, error)
    assert is_connection_error(wrapped) is connection
    assert is_transient(wrapped) is transient


def test_one_line_keeps_the_first_line_and_is_short():
    error = sa.exc.DBAPIError("SELECT 1", {}, psycopg2.errors.UniqueViolation("duplicate key\nDETAIL: x"))
    assert one_line(error) == "UniqueViolation: duplicate key"
    assert len(one_line(ValueError("x" * 1000))) == 300


def test_database_urls_are_checked_and_shown_without_password():
    assert check_url("postgresql://u:pw@h/db") == "postgresql+psycopg2://u:pw@h/db"
    assert shown("postgresql+psycopg2://u:pw@h/db") == "postgresql+psycopg2://u:***@h/db"
    for bad in ("not a url", "sqlite:///x.db", "postgresql://u@h"):
        with pytest.raises(SettingError, match="NEWSETL_DATABASE_URL"):
            check_url(bad)
