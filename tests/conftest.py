"""Shared fixtures: a fresh database per test module on the embedded PostgreSQL."""

from __future__ import annotations

import os
import re
import uuid

import pytest

os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")


def _new_database(prefix: str) -> tuple[str, str]:
    """Create an empty database on the embedded server (or NEWSETL_TEST_ADMIN_URL's server)."""
    from etl.db.embedded import ensure_database
    from etl.settings import get_settings

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    return name, ensure_database(get_settings().pgdata, name)


def _drop_database(name: str) -> None:
    from etl.db.embedded import drop_database
    from etl.settings import get_settings

    drop_database(get_settings().pgdata, name)


@pytest.fixture(scope="module")
def fresh_db_url(request) -> str:
    """URL of a new, empty database for this test module; dropped afterwards."""
    module = re.sub(r"\W", "_", request.module.__name__.rsplit(".", 1)[-1])[:30]
    name, url = _new_database(f"t_{module}")
    yield url
    from etl.db.engine import _engine

    _engine.cache_clear()
    _drop_database(name)


@pytest.fixture(scope="module")
def warehouse(fresh_db_url):
    """A fresh database migrated to head; yields its engine."""
    from etl.db import migrate
    from etl.db.engine import get_engine

    migrate.upgrade("head", url=fresh_db_url)
    engine = get_engine(fresh_db_url)
    yield engine
    engine.dispose()
