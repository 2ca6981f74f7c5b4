"""The schema is the migrations: up, down, up again, and no drift from the metadata."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from etl.db import migrate
from etl.db.schema import metadata


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(fresh_db_url):
    migrate.upgrade("head", url=fresh_db_url)
    assert set(metadata.tables) <= _tables(fresh_db_url)
    assert migrate.current_revision(fresh_db_url) == migrate.head_revision()

    migrate.downgrade("base", url=fresh_db_url)
    assert _tables(fresh_db_url) == {"alembic_version"}
    assert migrate.current_revision(fresh_db_url) is None

    migrate.upgrade("head", url=fresh_db_url)
    assert set(metadata.tables) <= _tables(fresh_db_url)


def test_metadata_and_migrations_do_not_drift(fresh_db_url):
    migrate.upgrade("head", url=fresh_db_url)
    engine = sa.create_engine(fresh_db_url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "include_object": lambda obj, name, type_, reflected, compare_to: not (
                        type_ == "table" and name == "alembic_version"
                    ),
                },
            )
            diff = compare_metadata(ctx, metadata)
    finally:
        engine.dispose()
    assert diff == [], f"schema.py and migrations differ: {diff}"


def test_assert_at_head_explains_an_unmigrated_database(fresh_db_url):
    migrate.downgrade("base", url=fresh_db_url)
    try:
        migrate.assert_at_head(fresh_db_url)
    except migrate.SchemaNotAtHead as exc:
        assert "newsetl db upgrade" in str(exc)
    else:
        raise AssertionError("an empty database passed the head check")
    migrate.upgrade("head", url=fresh_db_url)
    assert migrate.assert_at_head(fresh_db_url) == migrate.head_revision()
