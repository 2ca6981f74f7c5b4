"""source kinds: what the ledger knows about a WARC record, a crawler line or an object

Revision ID: 0004
Revises: 0003 (re-chained after 0003_run_accounting)
Create Date: 2026-12-01 04:00:00

The ledger key stays (path, sha256); ``path`` is now a locator (``FILE#offset=N`` for a WARC
record, ``FILE#line=N`` for a JSON line, ``s3://bucket/key`` for an object). New columns:
the source's URL and fetch date as its container gave them, the object's ETag / version, and
the repairs made while decoding (bytes replaced by U+FFFD, control characters removed).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    sa.Column("url", sa.Text, comment="URL the container gave (WARC-Target-URI, crawler url, object URL)"),
    sa.Column("fetched_at", sa.DateTime(timezone=True), comment="when it was fetched (WARC-Date, crawler date_download)"),
    sa.Column("etag", sa.Text, comment="ETag of the object (object storage)"),
    sa.Column("object_version", sa.Text, comment="version id of the object (versioned buckets)"),
    sa.Column("replaced_bytes", sa.Integer, nullable=False, server_default="0",
              comment="invalid byte sequences decoded as U+FFFD"),
    sa.Column("removed_chars", sa.Integer, nullable=False, server_default="0",
              comment="NUL and other control characters removed from the text"),
)


def upgrade() -> None:
    for column in COLUMNS:
        op.add_column("ingest_ledger", column.copy())
    op.create_check_constraint("repairs", "ingest_ledger", "replaced_bytes >= 0 AND removed_chars >= 0")


def downgrade() -> None:
    op.drop_constraint("repairs", "ingest_ledger", type_="check")
    for column in reversed(COLUMNS):
        op.drop_column("ingest_ledger", column.name)
