"""The schema is the migrations: up, down, up again, and no drift from the metadata."""

from __future__ import annotations

import pytest
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


def test_an_ordinary_owner_migrates_to_head_and_back():
    """A fresh database whose owner has no CREATEROLE/CREATEDB/superuser: up, down, up."""
    import uuid

    from etl.db.roles import ReaderRoleError, create_reader
    from tests.conftest import _drop_database, _new_database

    owner, reader = f"owner_{uuid.uuid4().hex[:8]}", f"reader_{uuid.uuid4().hex[:8]}"
    database, fresh_db_url = _new_database("t_owner")
    admin = sa.create_engine(fresh_db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE ROLE {owner} LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB"))
        conn.execute(sa.text(f'ALTER DATABASE "{database}" OWNER TO {owner}'))
    as_owner = sa.engine.make_url(fresh_db_url).set(username=owner).render_as_string(hide_password=False)
    try:
        migrate.upgrade("head", url=as_owner)
        assert migrate.current_revision(as_owner) == migrate.head_revision()
        engine = sa.create_engine(as_owner)
        with engine.connect() as conn:
            owners = set(conn.execute(sa.text(
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")).scalars())
        assert owners == {owner}
        with pytest.raises(ReaderRoleError, match="needs the CREATEROLE privilege"):
            create_reader(engine, reader)
        with admin.connect() as conn:  # what the error asks an administrator to do
            conn.execute(sa.text(f"CREATE ROLE {reader} NOLOGIN"))
        report = create_reader(engine, reader)  # the owner grants it
        assert not report.created and "articles" in report.granted
        engine.dispose()
        migrate.downgrade("base", url=as_owner)
        assert _tables(as_owner) == {"alembic_version"}
        migrate.upgrade("head", url=as_owner)
        migrate.downgrade("base", url=as_owner)
    finally:
        from etl.db.engine import _engine

        _engine.cache_clear()
        admin.dispose()
        _drop_database(database)  # the roles' privileges go with it
        server = sa.create_engine(fresh_db_url.replace(f"/{database}?", "/postgres?"), isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            for role in (reader, owner):
                conn.execute(sa.text(f"DROP ROLE IF EXISTS {role}"))
        server.dispose()

