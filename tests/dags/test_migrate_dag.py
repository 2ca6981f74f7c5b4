"""The migrate DAG does not retry what waiting cannot fix: a user without the privileges."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from tests.dags.conftest import airflow_conn

pytestmark = [pytest.mark.dags, pytest.mark.integration, pytest.mark.slow]


@pytest.fixture
def not_the_owner(fresh_db_url):
    """A role that may connect to the fresh database but owns nothing and may create nothing."""
    role = f"nobody_{uuid.uuid4().hex[:8]}"
    database = sa.engine.make_url(fresh_db_url).database
    admin = sa.create_engine(fresh_db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(sa.text(f'GRANT CONNECT ON DATABASE "{database}" TO {role}'))
    yield sa.engine.make_url(fresh_db_url).set(username=role).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP OWNED BY {role}"))
        conn.execute(sa.text(f"DROP ROLE {role}"))
    admin.dispose()


def test_a_permission_error_fails_the_migration_at_once(dagbag, not_the_owner, monkeypatch):
    monkeypatch.setenv("AIRFLOW_CONN_NEWS_DB", airflow_conn(not_the_owner))
    dr = dagbag.get_dag("newsetl_migrate").test()
    (ti,) = dr.get_task_instances()
    print(ti.state, ti.try_number)
    assert dr.state == "failed"
    assert ti.state == "failed" and ti.try_number == 1  # failed for good, no retry scheduled
