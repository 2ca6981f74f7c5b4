"""SQLAlchemy Core tables of the warehouse.

Alembic migrations (``migrations/``) own the schema; this metadata mirrors them and a test
keeps the two in step (autogenerate must find nothing). Production code never calls
``create_all``.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, JSONB

from etl.models import (
    CASUALTY_CATEGORIES,
    ENTITY_TYPES,
    FILE_FORMATS,
    LEDGER_STATUSES,
    QUALITY_FLAGS,
    QUOTE_KINDS,
)

DATE_PRECISIONS = ("day", "week", "month")
PLACE_BASES = ("location", "dateline")

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

RUN_STATUSES = ("running", "success", "partial", "failed")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _created() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def _event_date_columns() -> list[sa.Column]:
    """0005: when a figure or quote happened, resolved from the text (etl.enrich.event_dates)."""
    return [
        sa.Column("event_date", sa.Date, comment="first day of the period the text names"),
        sa.Column("event_date_precision", sa.Text, comment="day, week or month"),
        sa.Column("event_date_text", sa.Text, comment="the time expression as written"),
    ]


def _updated() -> sa.Column:
    return sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


pipeline_runs = sa.Table(
    "pipeline_runs",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("run_key", sa.Text, nullable=False, comment="CLI run id or Airflow dag_id/run_id"),
    sa.Column("trigger", sa.Text, nullable=False, comment="cli, scheduled, manual, test, ..."),
    sa.Column("triggered_by", sa.Text, comment="user or system that started the run"),
    sa.Column("source", sa.Text, comment="inbox path or URL"),
    sa.Column("params", JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("status", sa.Text, nullable=False, server_default="running"),
    sa.Column("files_seen", sa.Integer, nullable=False, server_default="0"),
    sa.Column("loaded", sa.Integer, nullable=False, server_default="0"),
    sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rejected", sa.Integer, nullable=False, server_default="0"),
    sa.Column("error", sa.Text),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("ended_at", sa.DateTime(timezone=True)),
    sa.Column("flagged", sa.Integer, nullable=False, server_default="0",
              comment="articles loaded by the run with quality flags (see v_article_quality)"),
    sa.Column("heartbeat_at", sa.DateTime(timezone=True),
              comment="last sign of life of a running run; a stale one is closed as failed"),
    sa.Column("holder_host", sa.Text, comment="host of the process running a CLI run"),
    sa.Column("holder_pid", sa.Integer, comment="pid of the process running a CLI run"),
    sa.UniqueConstraint("run_key"),
    sa.CheckConstraint(_in("status", RUN_STATUSES), name="status"),
    sa.CheckConstraint("files_seen >= 0 AND loaded >= 0 AND duplicates >= 0 AND rejected >= 0", name="counts"),
    sa.CheckConstraint("flagged >= 0", name="flagged"),
    comment="One row per pipeline run (CLI or Airflow) with its parameters and outcome counts.",
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("content_sha256", sa.String(64), nullable=False, comment="sha256 of the file content"),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("format", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("published", sa.DateTime(timezone=True)),
    sa.Column("dateline", sa.Text),
    sa.Column("agency", sa.Text),
    sa.Column("site_name", sa.Text),
    sa.Column("language", sa.String(8)),
    sa.Column("captions", ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'::text[]")),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("word_count", sa.Integer, nullable=False),
    sa.Column("extractor_version", sa.Text, nullable=False),
    sa.Column("run_id", sa.BigInteger, sa.ForeignKey("pipeline_runs.id", ondelete="SET NULL")),
    _created(),
    _updated(),
    sa.Column(
        "quality_flags",
        ARRAY(sa.Text),
        nullable=False,
        server_default=sa.text("'{}'::text[]"),
        comment="article-level quality problems: " + ", ".join(QUALITY_FLAGS),
    ),
    # 0005: provenance of `published`, and the story (wire copies) the article belongs to.
    sa.Column("published_source", sa.Text,
              comment="where published came from: html-meta, crawler, text-line, dateline"),
    sa.Column("story_id", sa.BigInteger,
              comment="id of the story's first article; copies of one story share it"),
    sa.Column("story_similarity", sa.REAL,
              comment="similarity to the article it was matched to (null: first of its story)"),
    sa.Column("minhash", sa.LargeBinary, comment="MinHash signature of the body (etl.enrich.stories)"),
    sa.Column("shingle_count", sa.Integer, comment="distinct 5-word shingles of the body"),
    # 0007: the language's confidence, and whether a pipeline of it exists (etl.lang).
    sa.Column("language_confidence", sa.REAL,
              comment="confidence of the body's language identification (null: declared or unknown)"),
    sa.Column("language_unsupported", sa.Boolean, nullable=False, server_default=sa.false(),
              comment="no pipeline for its language: loaded with its metadata, not parsed"),
    sa.UniqueConstraint("content_sha256"),
    sa.CheckConstraint(_in("format", FILE_FORMATS), name="format"),
    sa.CheckConstraint("word_count >= 0", name="word_count"),
    sa.Index(None, "published"),
    sa.Index(None, "site_name"),
    sa.Index(None, "run_id"),
    sa.Index(None, "quality_flags", postgresql_using="gin"),
    sa.Index(None, "story_id"),
    sa.Index(None, "language"),
    comment="One row per distinct article content.",
)

story_buckets = sa.Table(
    "story_buckets",
    metadata,
    sa.Column("band", sa.SmallInteger, primary_key=True),
    sa.Column("bucket", sa.BigInteger, primary_key=True, comment="hash of the band's MinHash values"),
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Index(None, "article_id"),
    comment="LSH index of the articles' MinHash signatures: articles sharing a bucket are "
    "candidate copies of one story.",
)

ingest_ledger = sa.Table(
    "ingest_ledger",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, comment="'' when the file could not be read"),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("format", sa.Text),
    sa.Column("encoding", sa.Text),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("reason", sa.Text),
    # source kinds (migration 0004): container metadata and decoding repairs
    sa.Column("url", sa.Text, comment="URL the container gave (WARC-Target-URI, crawler url, object URL)"),
    sa.Column("fetched_at", sa.DateTime(timezone=True), comment="when it was fetched (WARC-Date, crawler date_download)"),
    sa.Column("etag", sa.Text, comment="ETag of the object (object storage)"),
    sa.Column("object_version", sa.Text, comment="version id of the object (versioned buckets)"),
    sa.Column("replaced_bytes", sa.Integer, nullable=False, server_default="0",
              comment="invalid byte sequences decoded as U+FFFD"),
    sa.Column("removed_chars", sa.Integer, nullable=False, server_default="0",
              comment="NUL and other control characters removed from the text"),
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("first_run_id", sa.BigInteger, sa.ForeignKey("pipeline_runs.id", ondelete="SET NULL")),
    sa.Column("last_run_id", sa.BigInteger, sa.ForeignKey("pipeline_runs.id", ondelete="SET NULL")),
    sa.Column("times_seen", sa.Integer, nullable=False, server_default="1"),
    sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.UniqueConstraint("path", "sha256"),
    sa.CheckConstraint(_in("status", LEDGER_STATUSES), name="status"),
    sa.CheckConstraint("size >= 0 AND times_seen >= 1", name="counts"),
    sa.CheckConstraint("status <> 'rejected' OR reason IS NOT NULL", name="rejected_has_reason"),
    sa.CheckConstraint("replaced_bytes >= 0 AND removed_chars >= 0", name="repairs"),
    sa.Index(None, "status"),
    sa.Index(None, "sha256"),
    sa.Index(None, "last_run_id"),
    sa.Index(None, "article_id"),
    comment="One row per file seen (path + content); status of its latest processing.",
)

run_files = sa.Table(
    "run_files",
    metadata,
    sa.Column("run_id", sa.BigInteger, sa.ForeignKey("pipeline_runs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("ledger_id", sa.BigInteger, sa.ForeignKey("ingest_ledger.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.CheckConstraint(_in("status", LEDGER_STATUSES), name="status"),
    sa.CheckConstraint("status <> 'rejected' OR reason IS NOT NULL", name="rejected_has_reason"),
    sa.Index(None, "ledger_id"),
    sa.Index(None, "article_id"),
    comment="One row per file a run saw, with that run's outcome (the ledger keeps the latest one).",
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("name", sa.Text, nullable=False, comment="canonical name"),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2 for countries"),
    _created(),
    sa.UniqueConstraint("name", "type"),
    sa.CheckConstraint(_in("type", ENTITY_TYPES), name="type"),
    sa.CheckConstraint("length(name) > 0", name="name"),
    comment="One row per real-world named entity (canonical name and type).",
)

article_entities = sa.Table(
    "article_entities",
    metadata,
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("entity_id", sa.BigInteger, sa.ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("mention_count", sa.Integer, nullable=False),
    sa.Column("offsets", JSONB, nullable=False, comment="[[start, end], ...] into articles.body"),
    sa.Column("aliases", ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'::text[]")),
    sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2 of the place in this article"),
    sa.Column("admin1", sa.Text, comment="ISO 3166-2 first-level region of the place in this article"),
    sa.CheckConstraint("mention_count >= 1", name="mention_count"),
    sa.Index(None, "entity_id"),
    comment="Mentions of an entity in an article.",
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False, comment="order in the article"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_entity_id", sa.BigInteger, sa.ForeignKey("entities.id", ondelete="SET NULL")),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("cue", sa.Text),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    *_event_date_columns(),
    sa.Column("speaker_normalized", sa.Text, comment="speaker with case, titles and articles folded"),
    sa.UniqueConstraint("article_id", "seq"),
    sa.CheckConstraint(_in("kind", QUOTE_KINDS), name="kind"),
    sa.CheckConstraint(_in("event_date_precision", DATE_PRECISIONS), name="event_date_precision"),
    sa.CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
    sa.Index(None, "speaker_entity_id"),
    sa.Index(None, "speaker"),
    sa.Index(None, "speaker_normalized"),
    comment="Direct, mixed and indirect quotes with their resolved speaker.",
)

casualties = sa.Table(
    "casualties",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False, comment="order in the article"),
    sa.Column("category", sa.Text, nullable=False),
    sa.Column("count", sa.Integer, comment="null when the text gives no number"),
    sa.Column("count_min", sa.Integer),
    sa.Column("count_max", sa.Integer),
    sa.Column("qualifier", sa.Text, comment="hedge as written: at least, more than, up to, ..."),
    sa.Column("victims", sa.Text),
    sa.Column("attribution", sa.Text, comment="who reported the figure"),
    sa.Column("confirmed", sa.Boolean, comment="false when the text says it could not be confirmed"),
    sa.Column("location", sa.Text),
    sa.Column("location_entity_id", sa.BigInteger, sa.ForeignKey("entities.id", ondelete="SET NULL")),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("mentions", JSONB, nullable=False, comment="[[start, end], ...] of every telling"),
    *_event_date_columns(),
    sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2 of where it happened"),
    sa.Column("admin1", sa.Text, comment="ISO 3166-2 first-level region of where it happened"),
    sa.Column("place_basis", sa.Text, comment="location (the figure's place) or dateline"),
    sa.Column("attribution_normalized", sa.Text, comment="attribution with case, titles, articles folded"),
    sa.Column("incident_id", sa.BigInteger, sa.ForeignKey("incidents.id", ondelete="SET NULL"),
              comment="the incident this figure belongs to"),
    sa.UniqueConstraint("article_id", "seq"),
    sa.CheckConstraint(_in("event_date_precision", DATE_PRECISIONS), name="event_date_precision"),
    sa.CheckConstraint(_in("place_basis", PLACE_BASES), name="place_basis"),
    sa.CheckConstraint(_in("category", CASUALTY_CATEGORIES), name="category"),
    sa.CheckConstraint(
        "(count IS NULL OR count >= 0) AND (count_min IS NULL OR count_min >= 0)"
        " AND (count_max IS NULL OR count_max >= 0)"
        " AND (count_min IS NULL OR count_max IS NULL OR count_min <= count_max)",
        name="counts",
    ),
    sa.CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="offsets"),
    sa.Index(None, "category"),
    sa.Index(None, "location_entity_id"),
    sa.Index(None, "event_date"),
    sa.Index(None, "country_code"),
    sa.Index(None, "incident_id"),
    comment="Casualty figures (killed, injured, missing, kidnapped, arrested) per article.",
)


def _figures(what: str) -> list[sa.Column]:
    return [sa.Column(c, sa.Integer, comment=f"{c}: {what}") for c in CASUALTY_CATEGORIES]


# 0006: one row per real-world event and one per article's account of it (etl.incidents).
incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("event_date", sa.Date, comment="when it happened (first day of the period)"),
    sa.Column("event_date_precision", sa.Text, comment="day, week or month"),
    sa.Column("place", sa.Text, comment="town or place its reports name"),
    sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2"),
    sa.Column("admin1", sa.Text, comment="ISO 3166-2 first-level region"),
    *_figures("the incident's own figure, chosen from its reports (never a sum)"),
    _created(),
    _updated(),
    sa.CheckConstraint(_in("event_date_precision", DATE_PRECISIONS), name="event_date_precision"),
    sa.Index(None, "event_date"),
    sa.Index(None, "admin1"),
    comment="One row per real-world event; its reports in incident_reports.",
)

incident_reports = sa.Table(
    "incident_reports",
    metadata,
    sa.Column("article_id", sa.BigInteger, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("seq", sa.SmallInteger, primary_key=True, comment="the article's n-th incident"),
    sa.Column("incident_id", sa.BigInteger, sa.ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("event_date", sa.Date, comment="event date this report gives"),
    sa.Column("event_date_precision", sa.Text, comment="day, week or month"),
    sa.Column("published", sa.DateTime(timezone=True), comment="the article's publication"),
    sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2"),
    sa.Column("admin1", sa.Text, comment="ISO 3166-2 first-level region"),
    sa.Column("place", sa.Text, comment="the town or place the report names first"),
    sa.Column("places", ARRAY(sa.Text), nullable=False, comment="places named, folded"),
    sa.Column("names", ARRAY(sa.Text), nullable=False, comment="people named, folded"),
    sa.Column("ages", ARRAY(sa.Integer), nullable=False, comment="ages given"),
    *_figures("this report's figure for the incident"),
    sa.Column("hedged", ARRAY(sa.Text), nullable=False,
              comment="categories whose figure is hedged (at least, about) or unconfirmed"),
    sa.Column("score", sa.Float, comment="evidence score that linked it (null: it started the incident)"),
    sa.CheckConstraint(_in("event_date_precision", DATE_PRECISIONS), name="event_date_precision"),
    sa.Index(None, "incident_id"),
    sa.Index(None, "event_date"),
    comment="One article's account of one incident: the evidence linking compares.",
)
