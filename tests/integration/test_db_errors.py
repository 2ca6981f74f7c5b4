"""Real server errors: about a row (the file is rejected) or about the connection (ping)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from etl.db.errors import is_connection_error, is_permission_error, is_transient, wait_for_database


def _error(engine, sql: str) -> sa.exc.DBAPIError:
    with pytest.raises(sa.exc.DBAPIError) as info, engine.begin() as conn:
        conn.exec_driver_sql(sql)
    return info.value


def test_row_errors_are_not_connection_errors(warehouse):
    warehouse_rows = [
        "INSERT INTO pipeline_runs (run_key, trigger) VALUES ('dup', 't'), ('dup', 't')",  # unique violation
        "INSERT INTO pipeline_runs (run_key, trigger, status) VALUES ('x', 't', 'odd')",  # check violation
        ("INSERT INTO ingest_ledger (path, sha256, size, status, reason) "  # index row too large
         "SELECT string_agg(md5(random()::text), ''), '', 0, 'rejected', 'r' FROM generate_series(1, 200)"),
        "SELECT 1/0",
    ]
    for sql in warehouse_rows:
        error = _error(warehouse, sql)
        assert not is_connection_error(error) and not is_transient(error), error


def test_a_terminated_backend_is_a_connection_error_and_the_database_still_answers(warehouse):
    error = _error(warehouse, "SELECT pg_terminate_backend(pg_backend_pid())")
    assert is_connection_error(error)
    assert wait_for_database(warehouse, delays=(0.1,))


def test_permission_errors(warehouse):
    error = _error(warehouse, "SET LOCAL ROLE pg_read_all_data; CREATE TABLE nope (id int)")
    assert is_permission_error(error) and not is_connection_error(error)
