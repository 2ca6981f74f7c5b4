"""run accounting: per-run file outcomes, article quality flags, run heartbeats

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00

* ``run_files``: one row per file a run saw with that run's outcome, so concurrent runs each
  account for exactly their own files (the ledger keeps one row per file with its latest
  status). Existing ledger rows are copied in for their last run.
* ``articles.quality_flags``: article-level quality problems (no title, no date, ...); they
  make a run ``partial``, never ``failed``. The view ``v_article_quality`` lists them.
* ``pipeline_runs``: ``flagged`` (articles of the run with flags), ``heartbeat_at``,
  ``holder_host`` / ``holder_pid`` so that a run whose process died is found and closed.
* ``v_articles_per_run`` gains the ``flagged`` column.

New objects are granted SELECT to the roles that can already read ``articles`` (the reader
roles made by ``newsetl db create-reader``); no role is created here, so an ordinary database
owner can run it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUALITY_VIEW = "v_article_quality"
QUALITY_VIEW_SQL = """
    SELECT a.id AS article_id,
           a.title,
           a.source_path,
           a.published,
           a.word_count,
           a.quality_flags,
           array_to_string(a.quality_flags, ', ') AS flags,
           a.run_id,
           r.run_key,
           a.created_at,
           a.updated_at
      FROM articles a
      LEFT JOIN pipeline_runs r ON r.id = a.run_id
     WHERE cardinality(a.quality_flags) > 0
"""
QUALITY_VIEW_COMMENT = (
    "One row per article with at least one quality flag (no_title, no_date, empty_extraction, "
    "replaced_bytes, removed_chars, truncated). Flagged articles are loaded; they make their run "
    "partial."
)
QUALITY_VIEW_COLUMNS = {
    "article_id": "articles.id",
    "title": "title (null or empty when flagged no_title)",
    "source_path": "locator of the file the article was loaded from",
    "published": "publication time when known",
    "word_count": "words in the body",
    "quality_flags": "the flags as an array",
    "flags": "the flags as one comma-separated string",
    "run_id": "pipeline_runs.id of the run that last wrote the article",
    "run_key": "run_key of that run",
    "created_at": "first load",
    "updated_at": "last load",
}

_PER_RUN_BASE = """
    SELECT r.id AS run_id, r.run_key, r.trigger, r.triggered_by, r.source, r.status,
           r.started_at, r.ended_at,
           extract(epoch FROM r.ended_at - r.started_at)::numeric(12, 1) AS seconds,
           r.files_seen, r.loaded, r.duplicates, r.rejected,
           (SELECT count(*) FROM articles a WHERE a.run_id = r.id)::int AS articles_now,
           r.error{extra}
      FROM pipeline_runs r
"""
PER_RUN_NEW = _PER_RUN_BASE.format(extra=",\n           r.flagged")
PER_RUN_OLD = _PER_RUN_BASE.format(extra="")
PER_RUN_COLUMNS_OLD = {
    "run_id": "pipeline_runs.id",
    "run_key": "CLI run id or Airflow dag_id/run_id",
    "trigger": "cli, scheduled, manual, test, ...",
    "triggered_by": "user or system that started the run",
    "source": "inbox path or URL",
    "status": "running, success, partial (files rejected) or failed",
    "started_at": "start time",
    "ended_at": "end time (null while running)",
    "seconds": "duration in seconds",
    "files_seen": "files seen by the run",
    "loaded": "files loaded as new or reprocessed articles",
    "duplicates": "files whose content was already loaded",
    "rejected": "files rejected (see v_rejected_files)",
    "articles_now": "articles whose latest write was by this run",
    "error": "error message of a failed run",
}
PER_RUN_COLUMNS_NEW = {
    **PER_RUN_COLUMNS_OLD,
    "status": "running, success, partial (files rejected or articles flagged) or failed",
    "flagged": "articles loaded by the run with quality flags (see v_article_quality)",
}
PER_RUN_COMMENT = "One row per pipeline run with its counts and the articles it last wrote."


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _view(name: str, sql: str, comment: str, columns: dict[str, str], replace: bool = False) -> None:
    op.execute(f"CREATE {'OR REPLACE ' if replace else ''}VIEW {name} AS {sql}")
    op.execute(f"COMMENT ON VIEW {name} IS {_literal(comment)}")
    for column, text in columns.items():
        op.execute(f"COMMENT ON COLUMN {name}.{column} IS {_literal(text)}")


def _grant_to_readers(*objects: str) -> None:
    """GRANT SELECT on ``objects`` to every role (but the owner) that may SELECT from articles."""
    names = ", ".join(objects)
    op.execute(
        f"""
        DO $$
        DECLARE reader text;
        BEGIN
            FOR reader IN
                SELECT DISTINCT quote_ident(r.rolname)
                  FROM pg_class c
                 CROSS JOIN LATERAL aclexplode(c.relacl) acl
                  JOIN pg_roles r ON r.oid = acl.grantee
                 WHERE c.oid = 'public.articles'::regclass
                   AND acl.privilege_type = 'SELECT'
                   AND acl.grantee <> c.relowner
            LOOP
                EXECUTE 'GRANT SELECT ON {names} TO ' || reader;
            END LOOP;
        END $$
        """
    )


def upgrade() -> None:
    op.add_column("pipeline_runs", sa.Column(
        "flagged", sa.Integer(), server_default="0", nullable=False,
        comment="articles loaded by the run with quality flags (see v_article_quality)"))
    op.add_column("pipeline_runs", sa.Column(
        "heartbeat_at", sa.DateTime(timezone=True), nullable=True,
        comment="last sign of life of a running run; a stale one is closed as failed"))
    op.add_column("pipeline_runs", sa.Column(
        "holder_host", sa.Text(), nullable=True, comment="host of the process running a CLI run"))
    op.add_column("pipeline_runs", sa.Column(
        "holder_pid", sa.Integer(), nullable=True, comment="pid of the process running a CLI run"))
    op.create_check_constraint(op.f("ck_pipeline_runs_flagged"), "pipeline_runs", "flagged >= 0")

    op.add_column("articles", sa.Column(
        "quality_flags", postgresql.ARRAY(sa.Text()), server_default=sa.text("'{}'::text[]"), nullable=False,
        comment="article-level quality problems: no_title, no_date, empty_extraction, replaced_bytes, "
        "removed_chars, truncated"))
    op.create_index(op.f("ix_articles_quality_flags"), "articles", ["quality_flags"], postgresql_using="gin")

    op.create_table(
        "run_files",
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.Column("ledger_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("article_id", sa.BigInteger(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("status IN ('loaded', 'duplicate', 'rejected')", name=op.f("ck_run_files_status")),
        sa.CheckConstraint("status <> 'rejected' OR reason IS NOT NULL", name=op.f("ck_run_files_rejected_has_reason")),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name=op.f("fk_run_files_article_id_articles"),
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["ledger_id"], ["ingest_ledger.id"], name=op.f("fk_run_files_ledger_id_ingest_ledger"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["run_id"], ["pipeline_runs.id"], name=op.f("fk_run_files_run_id_pipeline_runs"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("run_id", "ledger_id", name=op.f("pk_run_files")),
        comment="One row per file a run saw, with that run's outcome (the ledger keeps the latest one).",
    )
    op.create_index(op.f("ix_run_files_ledger_id"), "run_files", ["ledger_id"])
    op.create_index(op.f("ix_run_files_article_id"), "run_files", ["article_id"])
    # What is known of earlier runs: each ledger row's last run.
    op.execute(
        "INSERT INTO run_files (run_id, ledger_id, status, reason, article_id, recorded_at) "
        "SELECT last_run_id, id, status, reason, article_id, last_seen_at FROM ingest_ledger "
        "WHERE last_run_id IS NOT NULL"
    )

    _view(QUALITY_VIEW, QUALITY_VIEW_SQL, QUALITY_VIEW_COMMENT, QUALITY_VIEW_COLUMNS)
    _view("v_articles_per_run", PER_RUN_NEW, PER_RUN_COMMENT, PER_RUN_COLUMNS_NEW, replace=True)
    _grant_to_readers("run_files", QUALITY_VIEW)


def downgrade() -> None:
    op.execute(f"DROP VIEW IF EXISTS {QUALITY_VIEW}")
    op.execute("DROP VIEW IF EXISTS v_articles_per_run")
    _view("v_articles_per_run", PER_RUN_OLD, PER_RUN_COMMENT, PER_RUN_COLUMNS_OLD)
    _grant_to_readers("v_articles_per_run")
    op.drop_index(op.f("ix_run_files_article_id"), table_name="run_files")
    op.drop_index(op.f("ix_run_files_ledger_id"), table_name="run_files")
    op.drop_table("run_files")
    op.drop_index(op.f("ix_articles_quality_flags"), table_name="articles", postgresql_using="gin")
    op.drop_column("articles", "quality_flags")
    op.drop_constraint(op.f("ck_pipeline_runs_flagged"), "pipeline_runs", type_="check")
    for column in ("holder_pid", "holder_host", "heartbeat_at", "flagged"):
        op.drop_column("pipeline_runs", column)
