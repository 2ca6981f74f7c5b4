"""news_reader: created by migration 0002 with the configured password; reads, never writes.

The role is cluster-wide and every test database lives on the same embedded server, so the
migration must be idempotent and its downgrade must leave the role alone while another
database still grants it rights.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

import psycopg2.errors
import pytest
import sqlalchemy as sa

from etl.db import migrate
from etl.settings import get_settings

PASSWORD = "s3cret 'quoted' %s :pw"  # quotes, percent and colon must survive as they are
TABLES = ("pipeline_runs", "ingest_ledger", "articles", "entities", "article_entities", "quotes",
          "casualties")
VIEWS = ("v_casualty_figures", "v_casualties_daily", "v_casualties_daily_all", "v_top_entities",
         "v_entity_cooccurrence", "v_quotes_by_speaker", "v_top_speakers",
         "v_articles_per_source", "v_articles_per_run", "v_rejected_files")


def _migrate_with_password(url: str, password: str | None, revision: str = "head") -> None:
    with pytest.MonkeyPatch.context() as mp:
        if password is None:
            mp.delenv("NEWSETL_READER_PASSWORD", raising=False)
        else:
            mp.setenv("NEWSETL_READER_PASSWORD", password)
        get_settings.cache_clear()
        try:
            migrate.upgrade(revision, url=url)
        finally:
            get_settings.cache_clear()
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def db_url(fresh_db_url):
    _migrate_with_password(fresh_db_url, PASSWORD)
    admin = sa.create_engine(fresh_db_url)
    with admin.begin() as conn:  # one row per table to read, update and delete
        run_id = conn.execute(sa.text(
            "INSERT INTO pipeline_runs (run_key, trigger) VALUES ('r1', 'test') RETURNING id")).scalar()
        conn.execute(sa.text(
            "INSERT INTO articles (content_sha256, source_path, format, body, word_count,"
            " extractor_version, run_id) VALUES ('x', 'a.txt', 'text', 'Body.', 1, 'v', :r)"),
            {"r": run_id})
    admin.dispose()
    return fresh_db_url


@pytest.fixture(scope="module")
def reader(db_url):
    url = sa.engine.make_url(db_url).set(username="news_reader", password=PASSWORD)
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    yield engine
    engine.dispose()


def _scram_matches(verifier: str, password: str) -> bool:
    """Check a SCRAM-SHA-256 verifier from pg_authid against a password (RFC 5802/7677)."""
    method, rest = verifier.split("$", 1)
    assert method == "SCRAM-SHA-256"
    params, keys = rest.split("$")
    iterations, salt = params.split(":")
    stored_key, server_key = (base64.b64decode(k) for k in keys.split(":"))
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    return (hashlib.sha256(client_key).digest() == stored_key
            and hmac.new(salted, b"Server Key", hashlib.sha256).digest() == server_key)


def _denied(engine, sql: str) -> None:
    with pytest.raises(sa.exc.ProgrammingError) as info, engine.begin() as conn:
        conn.execute(sa.text(sql))
    assert isinstance(info.value.orig, psycopg2.errors.InsufficientPrivilege), info.value


def test_role_logs_in_with_the_configured_password(db_url, reader):
    admin = sa.create_engine(db_url)
    try:
        with admin.connect() as conn:
            can_login, verifier = conn.execute(sa.text(
                "SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = 'news_reader'")).one()
    finally:
        admin.dispose()
    assert can_login
    assert _scram_matches(verifier, PASSWORD)
    assert not _scram_matches(verifier, "wrong")
    with reader.connect() as conn:
        assert conn.execute(sa.text("SELECT current_user")).scalar() == "news_reader"


def test_reader_selects_every_view_and_table(reader):
    with reader.connect() as conn:
        for name in VIEWS + TABLES:
            conn.execute(sa.text(f"SELECT * FROM {name} LIMIT 5")).all()
        assert conn.execute(sa.text("SELECT count(*) FROM articles")).scalar() == 1
        assert conn.execute(sa.text("SELECT sum(articles) FROM v_articles_per_source")).scalar() == 1


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO pipeline_runs (run_key, trigger) VALUES ('r2', 'test')",
        (
            "INSERT INTO articles (content_sha256, source_path, format, body, word_count,"
            " extractor_version) VALUES ('y', 'b.txt', 'text', 'B.', 1, 'v')"
        ),
        "UPDATE articles SET title = 'changed'",
        "UPDATE pipeline_runs SET status = 'failed'",
        "DELETE FROM articles",
        "DELETE FROM pipeline_runs",
        "TRUNCATE articles",
        "CREATE TABLE public.scratch (id int)",
        "CREATE VIEW public.v_scratch AS SELECT 1 AS one",
        "CREATE SCHEMA scratch",
        "DROP VIEW v_casualties_daily",
        "ALTER TABLE articles ADD COLUMN x int",
        "SELECT * FROM alembic_version",
    ],
)
def test_reader_cannot_write_create_or_read_beyond_its_grants(reader, sql):
    _denied(reader, sql)


def test_upgrade_without_password_leaves_an_existing_role_alone(fresh_db_url, tmp_path):
    """A second database migrated with no password: the role keeps its login and password."""
    from tests.conftest import _drop_database, _new_database

    name, other = _new_database("t_reader_other")
    try:
        _migrate_with_password(other, None)
        admin = sa.create_engine(other)
        with admin.connect() as conn:
            can_login, verifier = conn.execute(sa.text(
                "SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = 'news_reader'")).one()
            granted = conn.execute(sa.text(
                "SELECT has_table_privilege('news_reader', 'v_top_speakers', 'SELECT')")).scalar()
        admin.dispose()
        assert can_login and _scram_matches(verifier, PASSWORD)
        assert granted

        # Downgrading the other database revokes there, and keeps the role: the module's
        # database still grants it rights.
        migrate.downgrade("0001", url=other)
        admin = sa.create_engine(fresh_db_url)
        with admin.connect() as conn:
            assert conn.execute(sa.text(
                "SELECT count(*) FROM pg_roles WHERE rolname = 'news_reader'")).scalar() == 1
        admin.dispose()
        # Up again (idempotent: the role exists), then down to base: no error either way.
        _migrate_with_password(other, None)
        migrate.downgrade("base", url=other)
    finally:
        _drop_database(name)


def test_reader_still_reads_after_the_other_database_went_down(reader):
    with reader.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM v_articles_per_run")).scalar() == 1


def test_report_command_runs_as_news_reader(reader, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from etl.cli import main

    monkeypatch.setenv("NEWSETL_DATABASE_URL", reader.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(main, ["report", "--html", str(tmp_path / "r.html")])
        assert result.exit_code == 0, result.output
        result = CliRunner().invoke(main, ["report"])
        assert result.exit_code == 0, result.output
        assert "Articles per source" in result.output
    finally:
        monkeypatch.delenv("NEWSETL_DATABASE_URL")
        get_settings.cache_clear()
