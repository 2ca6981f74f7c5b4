"""One settings object, read once from ``NEWSETL_*`` environment variables.

A value that cannot be used raises :class:`SettingError`, whose message names the variable,
the value and what is expected (the command line prints it in one line, without traceback).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# A PostgreSQL role name newsetl creates or grants to: a plain lower-case identifier.
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class SettingError(ValueError):
    """A NEWSETL_* variable holds a value that cannot be used."""

    def __init__(self, name: str, message: str):
        super().__init__(f"{name} {message}")
        self.name = name
        self.hint = f"fix or unset {name} (the README's Configuration table lists every setting)"


MIB = 1024 * 1024


@dataclass(frozen=True)
class IngestLimits:
    """Size limits of the ingest stage (bytes); each one is an environment variable."""

    max_file_bytes: int = 20 * MIB  # NEWSETL_MAX_FILE_BYTES: one article file or object as stored
    max_decompressed_bytes: int = 20 * MIB  # NEWSETL_MAX_DECOMPRESSED_BYTES: what one .gz may expand to
    max_record_bytes: int = 20 * MIB  # NEWSETL_MAX_RECORD_BYTES: one WARC payload or JSON line/object


def ingest_limits() -> IngestLimits:
    d = IngestLimits()
    return IngestLimits(
        max_file_bytes=_int("NEWSETL_MAX_FILE_BYTES", d.max_file_bytes),
        max_decompressed_bytes=_int("NEWSETL_MAX_DECOMPRESSED_BYTES", d.max_decompressed_bytes),
        max_record_bytes=_int("NEWSETL_MAX_RECORD_BYTES", d.max_record_bytes),
    )


@dataclass(frozen=True)
class Settings:
    database_url: str | None  # NEWSETL_DATABASE_URL; None → embedded PostgreSQL
    pgdata: Path  # NEWSETL_PGDATA: data folder of the embedded PostgreSQL
    database_name: str  # NEWSETL_DATABASE_NAME: database created on the embedded server
    migrations_dir: Path  # NEWSETL_MIGRATIONS_DIR
    batch_size: int  # NEWSETL_BATCH_SIZE: articles per spaCy batch
    reader_password: str | None  # NEWSETL_READER_PASSWORD: password given to the reader role
    reader_role: str  # NEWSETL_READER_ROLE: name of the read-only role of this warehouse
    max_article_words: int  # NEWSETL_MAX_ARTICLE_WORDS: longer articles are rejected
    heartbeat_seconds: int  # NEWSETL_HEARTBEAT_SECONDS: a running run's heartbeat period
    run_stale_minutes: int  # NEWSETL_RUN_STALE_MINUTES: no heartbeat for this long → run died
    connect_timeout: int  # NEWSETL_CONNECT_TIMEOUT: seconds to wait for the warehouse
    workers: int = 1  # NEWSETL_WORKERS: worker processes of `newsetl run` (default: the cores)
    ingest: IngestLimits = field(default_factory=lambda: ingest_limits())  # NEWSETL_MAX_*_BYTES


def _int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.strip().replace("_", ""))
    except ValueError:
        raise SettingError(name, f"must be a whole number ≥ {minimum}, got {raw!r}") from None
    if value < minimum:
        raise SettingError(name, f"must be a whole number ≥ {minimum}, got {raw!r}")
    return value


def _role(name: str, default: str) -> str:
    raw = (os.environ.get(name) or "").strip() or default
    if not ROLE_NAME.match(raw):
        raise SettingError(name, f"must be a lower-case PostgreSQL role name (a-z, 0-9, _), got {raw!r}")
    return raw


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("NEWSETL_DATABASE_URL") or None,
        pgdata=Path(os.environ.get("NEWSETL_PGDATA") or REPO_ROOT / ".pgdata").resolve(),
        database_name=os.environ.get("NEWSETL_DATABASE_NAME") or "newsetl",
        migrations_dir=Path(os.environ.get("NEWSETL_MIGRATIONS_DIR") or REPO_ROOT / "migrations"),
        batch_size=_int("NEWSETL_BATCH_SIZE", 16),
        reader_password=os.environ.get("NEWSETL_READER_PASSWORD") or None,
        reader_role=_role("NEWSETL_READER_ROLE", "news_reader"),
        max_article_words=_int("NEWSETL_MAX_ARTICLE_WORDS", 50_000),
        heartbeat_seconds=_int("NEWSETL_HEARTBEAT_SECONDS", 30),
        run_stale_minutes=_int("NEWSETL_RUN_STALE_MINUTES", 60),
        connect_timeout=_int("NEWSETL_CONNECT_TIMEOUT", 10),
        workers=_int("NEWSETL_WORKERS", cores()),
    )


def cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
