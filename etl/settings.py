"""One settings object, read once from ``NEWSETL_*`` environment variables."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


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
    reader_password: str | None  # NEWSETL_READER_PASSWORD: password of the news_reader role
    ingest: IngestLimits = field(default_factory=lambda: ingest_limits())  # NEWSETL_MAX_*_BYTES


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc
    if value < 1:
        raise ValueError(f"{name} must be ≥ 1, got {value}")
    return value


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("NEWSETL_DATABASE_URL") or None,
        pgdata=Path(os.environ.get("NEWSETL_PGDATA") or REPO_ROOT / ".pgdata").resolve(),
        database_name=os.environ.get("NEWSETL_DATABASE_NAME") or "newsetl",
        migrations_dir=Path(os.environ.get("NEWSETL_MIGRATIONS_DIR") or REPO_ROOT / "migrations"),
        batch_size=_int("NEWSETL_BATCH_SIZE", 16),
        reader_password=os.environ.get("NEWSETL_READER_PASSWORD") or None,
    )
