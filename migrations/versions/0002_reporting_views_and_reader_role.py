"""reporting views and the read-only news_reader role

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 03:40:00

Views are plain SQL (``v_`` prefix, which migrations/env.py keeps out of autogenerate), each
documented with COMMENT ON VIEW / COLUMN. This migration used to create a cluster-wide
``news_reader`` role; it no longer touches roles, so that a database owner without CREATEROLE
can run it: ``newsetl db create-reader`` creates and grants the read-only role (etl/db/roles.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DAY = "((coalesce(a.published, a.created_at) AT TIME ZONE 'UTC')::date)"

# (name, SQL, comment on the view, {column: comment}); in dependency order.
VIEWS: list[tuple[str, str, str, dict[str, str]]] = [
    (
        "v_casualty_figures",
        f"""
        SELECT c.id AS casualty_id,
               c.article_id,
               {_DAY} AS day,
               coalesce(le.name, nullif(btrim(c.location), ''), '(unknown)') AS place,
               c.location_entity_id,
               le.country_code,
               c.category,
               c.count,
               c.count_min,
               c.count_max,
               coalesce(c.count_min, c.count) AS count_low,
               coalesce(c.count_max, c.count) AS count_high,
               c.qualifier,
               c.victims,
               c.attribution,
               c.confirmed,
               CASE WHEN c.confirmed IS NULL THEN 'unknown'
                    WHEN c.confirmed THEN 'confirmed' ELSE 'unconfirmed' END AS confirmation,
               c.sentence,
               a.title AS article_title,
               a.site_name
          FROM casualties c
          JOIN articles a ON a.id = c.article_id
          LEFT JOIN entities le ON le.id = c.location_entity_id
        """,
        ("One row per casualty figure with its article's day and a resolved place; the base of "
        "the casualty views. Includes unconfirmed figures (see column confirmation)."),
        {
            "casualty_id": "casualties.id",
            "article_id": "articles.id of the article that reports the figure",
            "day": "coalesce(articles.published, articles.created_at) as a UTC date",
            "place": "location entity name, else the location as written, else '(unknown)'",
            "location_entity_id": "entities.id of the place when resolved",
            "country_code": "ISO 3166-1 alpha-2 code of the place when it is a country",
            "category": "killed, injured, missing, kidnapped or arrested",
            "count": "the figure as stated (null when the text gives no number)",
            "count_min": "lower bound as extracted (null when the text gives none)",
            "count_max": "upper bound as extracted (null: open-ended or not given)",
            "count_low": "lower bound: count_min, else count",
            "count_high": "upper bound: count_max, else count (null: open-ended with no count)",
            "qualifier": "hedge as written: at least, more than, up to, about, ...",
            "victims": "who the victims are, as written",
            "attribution": "who reported the figure",
            "confirmed": "true/false when the text says so, null when it does not",
            "confirmation": "confirmed, unconfirmed or unknown (from confirmed)",
            "sentence": "the sentence that gives the figure",
            "article_title": "articles.title",
            "site_name": "articles.site_name",
        },
    ),
    *[
        (
            name,
            f"""
            SELECT day, place, location_entity_id, country_code, category,
                   count(*)::int AS figures,
                   count(DISTINCT article_id)::int AS articles,
                   sum(count)::bigint AS total,
                   sum(count_low)::bigint AS total_min,
                   sum(count_high)::bigint AS total_max,
                   max(coalesce(count, count_high, count_low))::int AS largest_figure,
                   count(*) FILTER (WHERE count IS NULL)::int AS figures_without_number,
                   count(*) FILTER (
                       WHERE count_min IS NOT NULL AND count_max IS NOT NULL
                         AND count_min <> count_max)::int AS ranged_figures,
                   count(*) FILTER (
                       WHERE count_min IS NOT NULL AND count_max IS NULL)::int
                       AS open_ended_figures,
                   count(*) FILTER (WHERE confirmed IS FALSE)::int AS unconfirmed_figures,
                   coalesce(sum(count) FILTER (WHERE confirmed IS FALSE), 0)::bigint
                       AS unconfirmed_total
              FROM v_casualty_figures
             {where}
             GROUP BY day, place, location_entity_id, country_code, category
            """,
            intro
            + " Sums add figures from different articles, which may tell the same event twice:"
            " largest_figure is the safer number for one event.",
            {
                "day": "coalesce(articles.published, articles.created_at) as a UTC date",
                "place": "location entity name, else the location as written, else '(unknown)'",
                "location_entity_id": "entities.id of the place when resolved",
                "country_code": "ISO 3166-1 alpha-2 code of the place when it is a country",
                "category": "killed, injured, missing, kidnapped or arrested",
                "figures": "number of casualty figures in the group",
                "articles": "number of distinct articles reporting them",
                "total": "sum of the stated counts",
                "total_min": "sum of the lower bounds (count_min, else count)",
                "total_max": "sum of the upper bounds (count_max, else count; see "
                "open_ended_figures)",
                "largest_figure": "largest single figure in the group",
                "figures_without_number": "figures whose text gives no number",
                "ranged_figures": "figures given as a range (count_min < count_max)",
                "open_ended_figures": "figures with a lower bound only (at least, more "
                "than): their count stands in for the upper bound in total_max",
                "unconfirmed_figures": "figures the text says are unconfirmed (0 in "
                "v_casualties_daily)",
                "unconfirmed_total": "sum of the stated counts of those unconfirmed figures",
            },
        )
        for name, where, intro in (
            (
                "v_casualties_daily",
                "WHERE confirmed IS NOT FALSE",
                ("Casualty figures by day, place and category, confirmed or of unknown "
                "confirmation only (figures the text says are unconfirmed are left out; "
                "see v_casualties_daily_all)."),
            ),
            (
                "v_casualties_daily_all",
                "",
                ("Casualty figures by day, place and category, including figures the text "
                "says are unconfirmed (counted apart in unconfirmed_figures/_total)."),
            ),
        )
    ],
    (
        "v_top_entities",
        f"""
        WITH mentions AS (
            SELECT p.period_type,
                   date_trunc(p.period_type, {_DAY})::date AS period_start,
                   e.id AS entity_id, e.name, e.type, e.country_code,
                   ae.article_id, ae.mention_count
              FROM article_entities ae
              JOIN entities e ON e.id = ae.entity_id
              JOIN articles a ON a.id = ae.article_id
             CROSS JOIN (VALUES ('week'), ('month')) AS p(period_type)
        )
        SELECT period_type, period_start, type, entity_id, name, country_code,
               count(DISTINCT article_id)::int AS articles,
               sum(mention_count)::bigint AS mentions,
               rank() OVER (PARTITION BY period_type, period_start, type
                            ORDER BY count(DISTINCT article_id) DESC, sum(mention_count) DESC
                           )::int AS rank
          FROM mentions
         GROUP BY period_type, period_start, type, entity_id, name, country_code
        """,
        ("Entities by period (week and month) and type, ranked by articles then mentions; "
        "filter on period_type and rank (e.g. rank <= 10) for a top list."),
        {
            "period_type": "week or month",
            "period_start": "first day of the period (weeks start on Monday; article day in UTC)",
            "type": "entity type: PERSON, ORG, GPE, LOC, NORP, FAC or EVENT",
            "entity_id": "entities.id",
            "name": "canonical entity name",
            "country_code": "ISO 3166-1 alpha-2 code for countries",
            "articles": "articles of the period that mention the entity",
            "mentions": "mentions in those articles",
            "rank": "rank within period and type (1 = most articles, ties share a rank)",
        },
    ),
    (
        "v_entity_cooccurrence",
        f"""
        SELECT ea.id AS entity_a_id, ea.name AS entity_a, ea.type AS type_a,
               eb.id AS entity_b_id, eb.name AS entity_b, eb.type AS type_b,
               count(*)::int AS articles,
               sum(LEAST(x.mention_count, y.mention_count))::bigint AS paired_mentions,
               min({_DAY}) AS first_day,
               max({_DAY}) AS last_day
          FROM article_entities x
          JOIN article_entities y ON y.article_id = x.article_id AND x.entity_id < y.entity_id
          JOIN entities ea ON ea.id = x.entity_id
          JOIN entities eb ON eb.id = y.entity_id
          JOIN articles a ON a.id = x.article_id
         GROUP BY ea.id, ea.name, ea.type, eb.id, eb.name, eb.type
        """,
        ("Pairs of entities mentioned in the same article; each unordered pair once "
        "(entity_a_id < entity_b_id)."),
        {
            "entity_a_id": "entities.id of the first entity (the smaller id)",
            "entity_a": "canonical name of the first entity",
            "type_a": "type of the first entity",
            "entity_b_id": "entities.id of the second entity",
            "entity_b": "canonical name of the second entity",
            "type_b": "type of the second entity",
            "articles": "articles mentioning both",
            "paired_mentions": "sum over those articles of the smaller mention count",
            "first_day": "earliest article day (UTC) with both",
            "last_day": "latest article day (UTC) with both",
        },
    ),
    (
        "v_quotes_by_speaker",
        f"""
        SELECT q.id AS quote_id,
               coalesce(se.name, nullif(btrim(q.speaker), ''), '(unattributed)') AS speaker,
               q.speaker AS speaker_as_written,
               q.speaker_entity_id,
               se.type AS speaker_type,
               q.kind, q.cue, q.text AS quote,
               q.article_id, q.seq,
               a.title AS article_title,
               a.published,
               {_DAY} AS day,
               a.site_name, a.url
          FROM quotes q
          JOIN articles a ON a.id = q.article_id
          LEFT JOIN entities se ON se.id = q.speaker_entity_id
        """,
        "One row per quote with its speaker, article title and date.",
        {
            "quote_id": "quotes.id",
            "speaker": "speaker entity name, else the speaker as written, else '(unattributed)'",
            "speaker_as_written": "quotes.speaker as found in the text",
            "speaker_entity_id": "entities.id of the speaker when resolved",
            "speaker_type": "entity type of the speaker (PERSON, ORG, ...)",
            "kind": "direct, indirect or mixed",
            "cue": "reporting verb (said, told, ...)",
            "quote": "the quoted text",
            "article_id": "articles.id",
            "seq": "order of the quote in the article",
            "article_title": "articles.title",
            "published": "articles.published (null when unknown)",
            "day": "coalesce(published, created_at) as a UTC date",
            "site_name": "articles.site_name",
            "url": "articles.url",
        },
    ),
    (
        "v_top_speakers",
        """
        SELECT speaker, speaker_entity_id, speaker_type,
               count(*)::int AS quotes,
               count(*) FILTER (WHERE kind = 'direct')::int AS direct_quotes,
               count(DISTINCT article_id)::int AS articles,
               min(day) AS first_day,
               max(day) AS last_day
          FROM v_quotes_by_speaker
         GROUP BY speaker, speaker_entity_id, speaker_type
        """,
        "Quote counts per speaker (most-quoted speakers: ORDER BY quotes DESC).",
        {
            "speaker": "speaker entity name, else the speaker as written, else '(unattributed)'",
            "speaker_entity_id": "entities.id of the speaker when resolved",
            "speaker_type": "entity type of the speaker",
            "quotes": "quotes attributed to the speaker",
            "direct_quotes": "of which direct quotes",
            "articles": "articles quoting the speaker",
            "first_day": "earliest article day (UTC)",
            "last_day": "latest article day (UTC)",
        },
    ),
    (
        "v_articles_per_source",
        f"""
        SELECT coalesce(nullif(btrim(a.site_name), ''), nullif(btrim(a.agency), ''), '(unknown)')
                   AS source,
               count(*)::int AS articles,
               count(*) FILTER (WHERE a.format = 'html')::int AS html_articles,
               count(*) FILTER (WHERE a.format = 'text')::int AS text_articles,
               sum(a.word_count)::bigint AS words,
               min({_DAY}) AS first_day,
               max({_DAY}) AS last_day,
               max(a.updated_at) AS last_loaded_at
          FROM articles a
         GROUP BY 1
        """,
        "Articles per source: the site name, else the news agency, else '(unknown)'.",
        {
            "source": "articles.site_name, else articles.agency, else '(unknown)'",
            "articles": "distinct articles (by content) from the source",
            "html_articles": "of which loaded from HTML",
            "text_articles": "of which loaded from plain text",
            "words": "total words in their bodies",
            "first_day": "earliest article day (published, else loaded; UTC)",
            "last_day": "latest article day (published, else loaded; UTC)",
            "last_loaded_at": "last time an article of the source was written",
        },
    ),
    (
        "v_articles_per_run",
        """
        SELECT r.id AS run_id, r.run_key, r.trigger, r.triggered_by, r.source, r.status,
               r.started_at, r.ended_at,
               extract(epoch FROM r.ended_at - r.started_at)::numeric(12, 1) AS seconds,
               r.files_seen, r.loaded, r.duplicates, r.rejected,
               (SELECT count(*) FROM articles a WHERE a.run_id = r.id)::int AS articles_now,
               r.error
          FROM pipeline_runs r
        """,
        "One row per pipeline run with its counts and the articles it last wrote.",
        {
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
        },
    ),
    (
        "v_rejected_files",
        """
        SELECT l.id AS ledger_id, l.path, l.sha256, l.size, l.format, l.encoding,
               l.reason,
               split_part(l.reason, ':', 1) AS reason_kind,
               l.times_seen, l.first_seen_at, l.last_seen_at,
               l.last_run_id, r.run_key AS last_run_key
          FROM ingest_ledger l
          LEFT JOIN pipeline_runs r ON r.id = l.last_run_id
         WHERE l.status = 'rejected'
        """,
        "Files the ingest ledger rejected, with the reason.",
        {
            "ledger_id": "ingest_ledger.id",
            "path": "file path as seen",
            "sha256": "content hash ('' when the file could not be read)",
            "size": "size in bytes",
            "format": "html or text when it could be told",
            "encoding": "detected encoding",
            "reason": "why the file was rejected",
            "reason_kind": "the reason up to its first colon, for grouping",
            "times_seen": "how many runs saw the file",
            "first_seen_at": "first time seen",
            "last_seen_at": "last time seen",
            "last_run_id": "pipeline_runs.id of the last run that saw it",
            "last_run_key": "run_key of that run",
        },
    ),
]

VIEW_NAMES = [name for name, *_ in VIEWS]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    for name, sql, comment, columns in VIEWS:
        op.execute(f"CREATE VIEW {name} AS {sql}")
        op.execute(f"COMMENT ON VIEW {name} IS {_literal(comment)}")
        for column, text in columns.items():
            op.execute(f"COMMENT ON COLUMN {name}.{column} IS {_literal(text)}")
    # No role here: an ordinary database owner (no CREATEROLE) must be able to migrate. The
    # read-only role is a separate step, `newsetl db create-reader` (etl/db/roles.py).


def downgrade() -> None:
    # Privileges on the views go with them; roles are left alone (see `newsetl db create-reader`).
    for name in reversed(VIEW_NAMES):
        op.execute(f"DROP VIEW IF EXISTS {name}")
