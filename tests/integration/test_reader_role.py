"""The read-only role of a warehouse (``newsetl db create-reader``, etl/db/roles.py).

Roles are cluster-wide and every test database lives on the same embedded server, so each
test module uses role names of its own. The reader reads the tables and views, and nothing
else: no writes, no DDL, no temporary objects, no other database; its password is sent as a
SCRAM verifier and never appears in the server log, even with ``log_statement=all``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import uuid

import psycopg2.errors
import pytest
import sqlalchemy as sa

from etl.db import migrate
from etl.db.roles import ReaderRoleError, create_reader
from etl.settings import get_settings

PASSWORD = f"s3cret 'quoted' %s :pw {uuid.uuid4().hex[:6]}"  # quotes, percent, colon survive as is
TABLES = ("pipeline_runs", "ingest_ledger", "run_files", "articles", "entities", "article_entities", "quotes",
          "casualties")
VIEWS = ("v_casualty_figures", "v_casualties_daily", "v_casualties_daily_all", "v_top_entities",
         "v_entity_cooccurrence", "v_quotes_by_speaker", "v_top_speakers",
         "v_articles_per_source", "v_articles_per_run", "v_rejected_files", "v_article_quality")
ROLE = f"reader_{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def db_url(fresh_db_url):
    migrate.upgrade("head", url=fresh_db_url)
    admin = sa.create_engine(fresh_db_url)
    with admin.begin() as conn:  # one row per table to read, update and delete
        run_id = conn.execute(sa.text(
            "INSERT INTO pipeline_runs (run_key, trigger) VALUES ('r1', 'test') RETURNING id")).scalar()
        conn.execute(sa.text(
            "INSERT INTO articles (content_sha256, source_path, format, body, word_count,"
            " extractor_version, run_id, quality_flags) VALUES ('x', 'a.txt', 'text', 'Body.', 1, 'v', :r,"
            " '{no_title}')"), {"r": run_id})
    report = create_reader(admin, ROLE, PASSWORD)
    admin.dispose()
    assert report.created and report.password_set
    assert set(TABLES) | set(VIEWS) <= set(report.granted) and "alembic_version" not in report.granted
    assert report.still_open == [], "the embedded cluster is closed to PUBLIC"
    yield fresh_db_url
    _drop_role(fresh_db_url, ROLE)


def _drop_role(url: str, role: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP OWNED BY "{role}"'))
        conn.execute(sa.text(f'DROP ROLE "{role}"'))
    engine.dispose()


def _as(url: str, role: str, password: str | None = PASSWORD, database: str | None = None):
    u = sa.engine.make_url(url).set(username=role, password=password)
    if database:
        u = u.set(database=database)
    return sa.create_engine(u, poolclass=sa.pool.NullPool)


@pytest.fixture(scope="module")
def reader(db_url):
    engine = _as(db_url, ROLE)
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


def _verifier(url: str, role: str) -> tuple[bool, str | None]:
    admin = sa.create_engine(url)
    try:
        with admin.connect() as conn:
            return tuple(conn.execute(sa.text(
                "SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = :r"), {"r": role}).one())
    finally:
        admin.dispose()


def _denied(engine, sql: str) -> None:
    with pytest.raises(sa.exc.ProgrammingError) as info, engine.begin() as conn:
        conn.execute(sa.text(sql))
    assert isinstance(info.value.orig, psycopg2.errors.InsufficientPrivilege), info.value


def test_role_logs_in_with_the_configured_password(db_url, reader):
    can_login, verifier = _verifier(db_url, ROLE)
    assert can_login
    assert _scram_matches(verifier, PASSWORD)
    assert not _scram_matches(verifier, "wrong")
    with reader.connect() as conn:
        assert conn.execute(sa.text("SELECT current_user")).scalar() == ROLE


def test_reader_selects_every_view_and_table(reader):
    with reader.connect() as conn:
        for name in VIEWS + TABLES:
            conn.execute(sa.text(f"SELECT * FROM {name} LIMIT 5")).all()
        assert conn.execute(sa.text("SELECT count(*) FROM articles")).scalar() == 1
        assert conn.execute(sa.text("SELECT flags FROM v_article_quality")).scalar() == "no_title"


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO pipeline_runs (run_key, trigger) VALUES ('r2', 'test')",
        "UPDATE articles SET title = 'changed'",
        "DELETE FROM pipeline_runs",
        "TRUNCATE articles",
        "CREATE TABLE public.scratch (id int)",
        "CREATE VIEW public.v_scratch AS SELECT 1 AS one",
        "CREATE SCHEMA scratch",
        "DROP VIEW v_casualties_daily",
        "ALTER TABLE articles ADD COLUMN x int",
        "SELECT * FROM alembic_version",
        "CREATE TEMP TABLE scratch (id int)",
        "CREATE TEMPORARY VIEW v_scratch AS SELECT 1 AS one",
        "CREATE FUNCTION pg_temp.scratch() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "CREATE FUNCTION public.scratch() RETURNS int LANGUAGE sql AS 'SELECT 1'",
    ],
)
def test_reader_cannot_write_create_or_read_beyond_its_grants(reader, sql):
    _denied(reader, sql)


def test_reader_cannot_connect_to_a_database_it_was_not_granted(db_url):
    from tests.conftest import _drop_database, _new_database

    name, _other = _new_database("t_reader_not_granted")
    try:
        for database in (name, "postgres", "template1"):
            engine = _as(db_url, ROLE, database=database)
            with pytest.raises(sa.exc.OperationalError, match="permission denied for database"):
                engine.connect()
            engine.dispose()
    finally:
        _drop_database(name)


def test_password_never_reaches_the_server_log(db_url):
    """Every statement logged (log_statement=all): the verifier is there, the password is not."""
    role, password = f"{ROLE}_logged", f"pw-{uuid.uuid4().hex}"
    log_file = get_settings().pgdata / "log"
    start = log_file.stat().st_size
    logged = sa.create_engine(db_url, connect_args={"options": "-c log_statement=all"})
    try:
        create_reader(logged, role, password)
    finally:
        logged.dispose()
    time.sleep(0.5)
    with log_file.open("rb") as f:
        f.seek(start)
        written = f.read().decode("utf-8", "replace")
    assert f'ALTER ROLE "{role}" LOGIN PASSWORD \'SCRAM-SHA-256$' in written, "statements were not logged"
    assert password not in written
    assert _scram_matches(_verifier(db_url, role)[1], password)
    _drop_role(db_url, role)


def test_a_role_of_another_warehouse_keeps_its_password(db_url):
    """Another database with the same role name: no silent password change."""
    from tests.conftest import _drop_database, _new_database

    name, other = _new_database("t_reader_other")
    engine = sa.create_engine(other)
    try:
        migrate.upgrade("head", url=other)
        with pytest.raises(ReaderRoleError, match=r"already reads database\(s\) t_test_reader_role"):
            create_reader(engine, ROLE, "another password")
        assert _scram_matches(_verifier(db_url, ROLE)[1], PASSWORD)
        report = create_reader(engine, ROLE)  # grants only: allowed, the password is untouched
        assert not report.created and not report.password_set and "v_article_quality" in report.granted
        assert _scram_matches(_verifier(db_url, ROLE)[1], PASSWORD)
        migrate.downgrade("base", url=other)  # the owner downgrades with a reader granted: fine
    finally:
        engine.dispose()
        _drop_database(name)


def test_unfit_roles_are_refused(db_url):
    engine = sa.create_engine(db_url)
    try:
        for role, message in (("postgres", "cannot be the read-only role"), ("Bad-Name", "plain lower-case")):
            with pytest.raises(ReaderRoleError, match=message):
                create_reader(engine, role)
    finally:
        engine.dispose()


def test_views_of_a_later_migration_are_readable(db_url, reader):
    """Down to 0002 and up again: the recreated views are granted (default privileges, 0003)."""
    migrate.downgrade("0002", url=db_url)
    migrate.upgrade("head", url=db_url)
    with reader.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM v_article_quality")).scalar() == 0  # flags went down
        assert conn.execute(sa.text("SELECT count(*) FROM run_files")).scalar() == 0


def test_create_reader_command_with_a_configured_role_name(db_url):
    from tests.integration.test_cli import newsetl

    role = f"{ROLE}_cli"
    env = {"NEWSETL_DATABASE_URL": db_url, "NEWSETL_READER_ROLE": role}
    done = newsetl("db", "create-reader", "--password-stdin", env=env, input="from stdin\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"role {role}: created, password set, can log in; SELECT on ")
    assert _scram_matches(_verifier(db_url, role)[1], "from stdin")
    again = newsetl("db", "create-reader", env={**env, "NEWSETL_READER_PASSWORD": ""})
    assert again.returncode == 0 and f"role {role}: exists, password unchanged" in again.stdout
    _drop_role(db_url, role)


def test_report_command_runs_as_the_reader(reader, monkeypatch, tmp_path):
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
