"""Configuration errors: at most two lines, what is wrong and what to do, no traceback.

Each case is run as a user runs it (a subprocess), once without and once with ``--debug``.
"""

from __future__ import annotations

import socket

import pytest
import sqlalchemy as sa

from tests.integration.test_cli import newsetl


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def _assert_two_lines(result, *expected: str) -> list[str]:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    print("\n".join(lines))
    assert result.returncode != 0
    assert 1 <= len(lines) <= 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout.strip() == ""
    for text in expected:
        assert text in result.stderr, result.stderr
    return lines


@pytest.fixture(scope="module")
def newer_db(fresh_db_url):
    """A warehouse whose alembic_version is a revision this code does not know."""
    assert newsetl("db", "upgrade", env={"NEWSETL_DATABASE_URL": fresh_db_url}).returncode == 0
    engine = sa.create_engine(fresh_db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0042_from_the_future'"))
    engine.dispose()
    return fresh_db_url


def test_unreachable_database():
    url = f"postgresql://news:secret@127.0.0.1:{_closed_port()}/newsetl"
    lines = _assert_two_lines(newsetl("run", "seeds/", env={"NEWSETL_DATABASE_URL": url}),
                              "cannot connect to the warehouse", "Connection refused", "NEWSETL_DATABASE_URL")
    assert "secret" not in "\n".join(lines)  # the password is hidden


@pytest.mark.parametrize("url", ["postgres//news@localhost/newsetl", "mysql://news@localhost/newsetl",
                                 "postgresql://news@localhost"])
def test_malformed_database_url(url):
    _assert_two_lines(newsetl("run", "seeds/", env={"NEWSETL_DATABASE_URL": url}),
                      "NEWSETL_DATABASE_URL", "postgresql://user:password@host:5432/database")


@pytest.mark.parametrize(("name", "value"), [("NEWSETL_BATCH_SIZE", "abc"), ("NEWSETL_BATCH_SIZE", "0"),
                                             ("NEWSETL_MAX_ARTICLE_WORDS", "lots"),
                                             ("NEWSETL_READER_ROLE", "Robert'); DROP")])
def test_bad_setting_value(name, value):
    _assert_two_lines(newsetl("run", "seeds/", env={name: value}), name, repr(value), f"fix or unset {name}")


def test_database_at_an_unknown_newer_revision(newer_db):
    env = {"NEWSETL_DATABASE_URL": newer_db}
    for command in (("run", "seeds/"), ("db", "upgrade"), ("runs",)):
        _assert_two_lines(newsetl(*command, env=env), "revision 0042_from_the_future", "newer")


def test_debug_shows_the_traceback():
    result = newsetl("--debug", "run", "seeds/", env={"NEWSETL_BATCH_SIZE": "abc"})
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "SettingError: NEWSETL_BATCH_SIZE" in result.stderr
