"""event dates, places, stories, normalised names; reporting views that use them

Revision ID: 0005
Revises: 0004 (re-chained after 0004_source_kinds when merging main into i14-ingest)
Create Date: 2026-12-01 10:00:00

Columns: articles.published_source and the story columns (story_id, story_similarity, minhash,
shingle_count); casualties and quotes get event_date (+ precision, the expression), casualties
country_code / admin1 / place_basis / attribution_normalized, quotes speaker_normalized,
article_entities the place's country_code / admin1 in that article. Table story_buckets is the
LSH index of wire copies (etl.enrich.stories).

Views: the casualty, entity, quote and source views of 0002 are replaced (DROP + CREATE, their
columns change): days are the event date, else the publication date, else null — never the
load day, which stays available as load_day; casualty sums count each story once. New views:
v_stories, v_entity_types, v_data_quality. The downgrade restores 0002's views as they were.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READER = "news_reader"

_PUB_DAY = "((a.published AT TIME ZONE 'UTC')::date)"
_LOAD_DAY = "((a.created_at AT TIME ZONE 'UTC')::date)"
_SOURCE = (
    "coalesce(nullif(btrim(a.site_name), ''),"
    " CASE WHEN a.url ~ '^https?://' THEN"
    " regexp_replace(a.url, '^https?://(www[.])?([^/?#]+).*$', '\\2') END,"
    " nullif(btrim(a.agency), ''), '(unknown)')"
)
_STORY = "coalesce(a.story_id, a.id)"
_PRECISION_CHECK = "event_date_precision IN ('day', 'week', 'month')"

# --------------------------------------------------------------------------------- the views

# The figure a story's incident counts: the largest, then the widest, then the latest.
_LARGEST = ("coalesce(b.count, b.count_high, b.count_low) DESC NULLS LAST, b.count_high DESC NULLS LAST,"
            " b.published DESC NULLS LAST, b.article_id DESC, b.casualty_id")

_FIGURES_SQL = f"""
WITH base AS (
    SELECT c.id AS casualty_id, c.article_id, {_STORY} AS story_id,
           coalesce(c.event_date, {_PUB_DAY}) AS day,
           CASE WHEN c.event_date IS NOT NULL THEN 'event'
                WHEN a.published IS NOT NULL THEN 'published' END AS day_basis,
           c.event_date, c.event_date_precision, c.event_date_text,
           {_PUB_DAY} AS published_day, {_LOAD_DAY} AS load_day,
           coalesce(le.name, nullif(btrim(c.location), ''), '(unknown)') AS place,
           c.location_entity_id,
           coalesce(c.country_code, le.country_code) AS country_code,
           c.admin1, c.place_basis, c.category, c.count, c.count_min, c.count_max,
           coalesce(c.count_min, c.count) AS count_low,
           coalesce(c.count_max, c.count) AS count_high,
           c.qualifier, c.victims, c.attribution, c.attribution_normalized, c.confirmed,
           CASE WHEN c.confirmed IS NULL THEN 'unknown'
                WHEN c.confirmed THEN 'confirmed' ELSE 'unconfirmed' END AS confirmation,
           c.sentence, a.title AS article_title, a.site_name, a.url AS article_url,
           a.source_path, {_SOURCE} AS source, a.published,
           (c.location IS NULL OR btrim(c.location) = '' OR le.country_code IS NOT NULL)
               AS coarse
      FROM casualties c
      JOIN articles a ON a.id = c.article_id
      LEFT JOIN entities le ON le.id = c.location_entity_id
),
main_place AS (
    SELECT DISTINCT ON (story_id, category) story_id, category, place, country_code
      FROM base WHERE NOT coarse
     ORDER BY story_id, category, coalesce(count, count_high, count_low) DESC NULLS LAST, casualty_id
),
incidents AS (
    SELECT b.casualty_id,
           CASE WHEN b.coarse AND m.place IS NOT NULL
                     AND (b.country_code IS NULL OR m.country_code IS NULL
                          OR b.country_code = m.country_code)
                THEN m.place ELSE b.place END AS incident_place
      FROM base b LEFT JOIN main_place m ON m.story_id = b.story_id AND m.category = b.category
),
ranked AS (
    SELECT b.casualty_id, i.incident_place,
           first_value(b.casualty_id) OVER (
               PARTITION BY b.story_id, b.category, i.incident_place
               ORDER BY b.confirmed IS NOT FALSE DESC, {_LARGEST}) AS counted_id,
           first_value(b.casualty_id) OVER (
               PARTITION BY b.story_id, b.category, i.incident_place
               ORDER BY {_LARGEST}) AS counted_id_all
      FROM base b JOIN incidents i USING (casualty_id)
)
SELECT b.casualty_id, b.article_id, b.story_id, b.day, b.day_basis, b.event_date,
       b.event_date_precision, b.event_date_text, b.published_day, b.load_day, b.place,
       r.incident_place, b.location_entity_id, b.country_code, b.admin1, b.place_basis,
       b.category, b.count,
       b.count_min, b.count_max, b.count_low, b.count_high, b.qualifier, b.victims,
       b.attribution, b.attribution_normalized, b.confirmed, b.confirmation,
       (r.counted_id = b.casualty_id AND b.confirmed IS NOT FALSE) AS story_counted,
       (r.counted_id_all = b.casualty_id) AS story_counted_all,
       r.counted_id AS counted_figure_id, r.counted_id_all AS counted_figure_id_all,
       b.sentence, b.article_title, b.site_name, b.article_url, b.source_path, b.source
  FROM base b
  JOIN ranked r USING (casualty_id)
"""

_FIGURES_COLUMNS = {
    "casualty_id": "casualties.id",
    "article_id": "articles.id of the article that reports the figure",
    "story_id": "the article's story (copies of one wire story share it; articles.story_id, "
    "else the article's own id)",
    "day": "event_date, else the publication day (UTC); null when neither is known (never the "
    "load day)",
    "day_basis": "event (day is the event date), published (the publication day) or null",
    "event_date": "first day of the period the text names for the figure (casualties.event_date)",
    "event_date_precision": "day, week or month",
    "event_date_text": "the time expression the event date was read from",
    "published_day": "articles.published as a UTC date",
    "load_day": "the day the article was loaded (articles.created_at, UTC): not an event date",
    "place": "location entity name, else the location as written, else '(unknown)'",
    "incident_place": "the place of the incident within its story: the figure's place; a figure "
    "that names no place, or only a country, belongs to the place of the story's largest figure "
    "of that category that names a town or region (when in the same country)",
    "location_entity_id": "entities.id of the place when resolved",
    "country_code": "ISO 3166-1 alpha-2 code of where it happened (gazetteer), else of the "
    "location entity when it is a country",
    "admin1": "ISO 3166-2 code of the first-level region, when unambiguous",
    "place_basis": "location (the figure's own place) or dateline (the article's dateline, "
    "used when the figure names no place and every place of the article is in that country)",
    "category": "killed, injured, missing, kidnapped or arrested",
    "count": "the figure as stated (null when the text gives no number)",
    "count_min": "lower bound as extracted (null when the text gives none)",
    "count_max": "upper bound as extracted (null: open-ended or not given)",
    "count_low": "lower bound: count_min, else count",
    "count_high": "upper bound: count_max, else count (null: open-ended with no count)",
    "qualifier": "hedge as written: at least, more than, up to, about, ...",
    "victims": "who the victims are, as written",
    "attribution": "who reported the figure, as written",
    "attribution_normalized": "attribution with case, titles and leading articles folded",
    "confirmed": "true/false when the text says so, null when it does not",
    "confirmation": "confirmed, unconfirmed or unknown (from confirmed)",
    "story_counted": "counted in story-level sums of confirmed-or-unknown figures: per story, "
    "category and incident_place, the largest figure (ties: latest published article, then "
    "latest loaded); false for unconfirmed figures",
    "story_counted_all": "the same over all figures (unconfirmed included)",
    "counted_figure_id": "casualty_id of the figure counted for this figure's incident "
    "(story, category, incident_place), among confirmed-or-unknown figures first",
    "counted_figure_id_all": "the same over all figures",
    "sentence": "the sentence that gives the figure",
    "article_title": "articles.title",
    "site_name": "articles.site_name",
    "article_url": "articles.url",
    "source_path": "articles.source_path (file or locator the article was read from)",
    "source": "site name, else the URL's host, else the agency, else '(unknown)'",
}


def _daily(name: str, suffix: str, where: str, intro: str):
    counted = f"f.casualty_id = f.counted_figure_id{suffix}"
    sql = f"""
        WITH f AS (SELECT * FROM v_casualty_figures {where})
        SELECT k.day, k.incident_place AS place, k.location_entity_id, k.country_code, k.admin1,
               k.category,
               count(*)::int AS figures,
               count(*) FILTER (WHERE {counted})::int AS figures_counted,
               count(DISTINCT f.article_id)::int AS articles,
               count(DISTINCT f.story_id)::int AS stories,
               count(DISTINCT f.source)::int AS sources,
               sum(f.count) FILTER (WHERE {counted})::bigint AS total,
               sum(f.count_low) FILTER (WHERE {counted})::bigint AS total_min,
               sum(f.count_high) FILTER (WHERE {counted})::bigint AS total_max,
               max(coalesce(f.count, f.count_high, f.count_low))::int AS largest_figure,
               count(*) FILTER (WHERE {counted} AND f.count IS NULL)::int AS figures_without_number,
               count(*) FILTER (WHERE {counted} AND f.count_min IS NOT NULL
                                  AND f.count_max IS NOT NULL AND f.count_min <> f.count_max
                               )::int AS ranged_figures,
               count(*) FILTER (WHERE {counted} AND f.count_min IS NOT NULL AND f.count_max IS NULL
                               )::int AS open_ended_figures,
               count(*) FILTER (WHERE {counted} AND f.confirmed IS FALSE)::int AS unconfirmed_figures,
               coalesce(sum(f.count) FILTER (WHERE {counted} AND f.confirmed IS FALSE), 0)::bigint
                   AS unconfirmed_total,
               count(*) FILTER (WHERE f.day_basis = 'event')::int AS figures_with_event_date
          FROM f JOIN f AS k ON k.casualty_id = f.counted_figure_id{suffix}
         GROUP BY k.day, k.incident_place, k.location_entity_id, k.country_code, k.admin1, k.category
    """
    columns = {
        "day": "day of the counted figure of each incident: its event date, else its article's "
        "publication day (UTC); null when neither is known",
        "place": "the incident's place (v_casualty_figures.incident_place)",
        "location_entity_id": "entities.id of the place when resolved",
        "country_code": "ISO 3166-1 alpha-2 code of where it happened",
        "admin1": "ISO 3166-2 first-level region, when unambiguous",
        "category": "killed, injured, missing, kidnapped or arrested",
        "figures": "casualty figures of the group's incidents, copies of one story included",
        "figures_counted": "figures counted in the sums: one per incident (story, category, "
        "incident place), the largest",
        "articles": "distinct articles reporting them",
        "stories": "distinct stories (wire copies grouped) reporting them",
        "sources": "distinct sources (site, URL host or agency) that carried them",
        "total": "story-level sum of the stated counts: each story counted once",
        "total_min": "story-level sum of the lower bounds (count_min, else count)",
        "total_max": "story-level sum of the upper bounds (count_max, else count; see "
        "open_ended_figures)",
        "largest_figure": "largest single figure in the group",
        "figures_without_number": "counted figures whose text gives no number",
        "ranged_figures": "counted figures given as a range (count_min < count_max)",
        "open_ended_figures": "counted figures with a lower bound only (at least, more than): "
        "their count stands in for the upper bound in total_max",
        "unconfirmed_figures": "counted figures the text says are unconfirmed (0 in "
        "v_casualties_daily)",
        "unconfirmed_total": "sum of the stated counts of those unconfirmed figures",
        "figures_with_event_date": "figures whose day is their own event date (the others "
        "fall back on the publication day)",
    }
    return name, sql, intro, columns


_TOP_ENTITIES_SQL = f"""
WITH voted AS (SELECT name, type FROM v_entity_types),
mentions AS (
    SELECT p.period_type,
           date_trunc(p.period_type, {_PUB_DAY})::date AS period_start,
           e.name, v.type, ae.article_id, ae.mention_count, e.id AS entity_id, e.type AS own_type,
           e.country_code
      FROM article_entities ae
      JOIN entities e ON e.id = ae.entity_id
      JOIN voted v ON v.name = e.name
      JOIN articles a ON a.id = ae.article_id
     CROSS JOIN (VALUES ('week'), ('month')) AS p(period_type)
)
SELECT period_type, period_start, type,
       coalesce(min(entity_id) FILTER (WHERE own_type = type), min(entity_id)) AS entity_id,
       name, max(country_code) AS country_code,
       count(DISTINCT article_id)::int AS articles,
       sum(mention_count)::bigint AS mentions,
       rank() OVER (PARTITION BY period_type, period_start, type
                    ORDER BY count(DISTINCT article_id) DESC, sum(mention_count) DESC)::int AS rank
  FROM mentions
 GROUP BY period_type, period_start, type, name
"""

_ENTITY_TYPES_SQL = """
WITH votes AS (
    SELECT e.name, e.type, count(DISTINCT ae.article_id)::int AS articles,
           sum(ae.mention_count)::bigint AS mentions
      FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
     GROUP BY e.name, e.type
)
SELECT DISTINCT ON (name) name, type,
       articles AS type_articles, mentions AS votes_mentions,
       (sum(articles) OVER (PARTITION BY name))::int AS articles,
       round(articles::numeric / sum(articles) OVER (PARTITION BY name), 3) AS share,
       (count(*) OVER (PARTITION BY name))::int AS types,
       jsonb_object_agg(type, articles) OVER (PARTITION BY name) AS votes
  FROM votes
 ORDER BY name, type_articles DESC, votes_mentions DESC, type
"""

_QUOTES_SQL = f"""
SELECT q.id AS quote_id,
       coalesce(se.name, nullif(btrim(q.speaker_normalized), ''), nullif(btrim(q.speaker), ''),
                '(unattributed)') AS speaker,
       q.speaker AS speaker_as_written,
       q.speaker_normalized,
       q.speaker_entity_id,
       se.type AS speaker_type,
       q.kind, q.cue, q.text AS quote,
       q.article_id, {_STORY} AS story_id, q.seq,
       a.title AS article_title,
       a.published,
       coalesce(q.event_date, {_PUB_DAY}) AS day,
       CASE WHEN q.event_date IS NOT NULL THEN 'event'
            WHEN a.published IS NOT NULL THEN 'published' END AS day_basis,
       q.event_date, q.event_date_precision,
       {_LOAD_DAY} AS load_day,
       a.site_name, a.url, a.source_path
  FROM quotes q
  JOIN articles a ON a.id = q.article_id
  LEFT JOIN entities se ON se.id = q.speaker_entity_id
"""

_TOP_SPEAKERS_SQL = """
SELECT speaker, min(speaker_entity_id) AS speaker_entity_id, max(speaker_type) AS speaker_type,
       count(*)::int AS quotes,
       count(*) FILTER (WHERE kind = 'direct')::int AS direct_quotes,
       count(DISTINCT article_id)::int AS articles,
       count(DISTINCT story_id)::int AS stories,
       min(day) AS first_day,
       max(day) AS last_day
  FROM v_quotes_by_speaker
 GROUP BY speaker
"""

_COOCCURRENCE_SQL = f"""
SELECT ea.id AS entity_a_id, ea.name AS entity_a, ea.type AS type_a,
       eb.id AS entity_b_id, eb.name AS entity_b, eb.type AS type_b,
       count(*)::int AS articles,
       sum(LEAST(x.mention_count, y.mention_count))::bigint AS paired_mentions,
       min({_PUB_DAY}) AS first_day,
       max({_PUB_DAY}) AS last_day
  FROM article_entities x
  JOIN article_entities y ON y.article_id = x.article_id AND x.entity_id < y.entity_id
  JOIN entities ea ON ea.id = x.entity_id
  JOIN entities eb ON eb.id = y.entity_id
  JOIN articles a ON a.id = x.article_id
 GROUP BY ea.id, ea.name, ea.type, eb.id, eb.name, eb.type
"""

_SOURCES_SQL = f"""
SELECT coalesce(nullif(btrim(a.site_name), ''), nullif(btrim(a.agency), ''), '(unknown)')
           AS source,
       count(*)::int AS articles,
       count(DISTINCT {_STORY})::int AS stories,
       count(*) FILTER (WHERE a.format = 'html')::int AS html_articles,
       count(*) FILTER (WHERE a.format = 'text')::int AS text_articles,
       count(*) FILTER (WHERE a.published IS NULL)::int AS undated_articles,
       sum(a.word_count)::bigint AS words,
       min({_PUB_DAY}) AS first_day,
       max({_PUB_DAY}) AS last_day,
       max(a.updated_at) AS last_loaded_at
  FROM articles a
 GROUP BY 1
"""

_STORIES_SQL = f"""
SELECT {_STORY} AS story_id,
       (array_agg(a.title ORDER BY a.id))[1] AS title,
       count(*)::int AS articles,
       count(DISTINCT {_SOURCE})::int AS sources,
       array_agg(DISTINCT {_SOURCE}) AS source_names,
       min(a.published) AS first_published,
       max(a.published) AS last_published,
       min(a.id) AS first_article_id,
       min(a.story_similarity) AS min_similarity
  FROM articles a
 GROUP BY 1
"""

_QUALITY_SQL = """
SELECT (SELECT count(*) FROM articles)::int AS articles,
       (SELECT count(*) FROM articles WHERE published IS NULL)::int AS articles_without_published,
       (SELECT coalesce(jsonb_object_agg(src, n), '{}'::jsonb) FROM (
            SELECT coalesce(published_source, '(none)') AS src, count(*) AS n
              FROM articles GROUP BY 1) s) AS published_sources,
       (SELECT count(DISTINCT coalesce(story_id, id)) FROM articles)::int AS stories,
       (SELECT count(*) FROM articles a WHERE story_id IS NOT NULL AND story_id <> id)::int
           AS copies,
       count(*)::int AS figures,
       count(*) FILTER (WHERE day_basis = 'event')::int AS figures_with_event_date,
       count(*) FILTER (WHERE day_basis = 'published')::int AS figures_dated_by_publication,
       count(*) FILTER (WHERE day IS NULL)::int AS figures_without_date,
       count(*) FILTER (WHERE place = '(unknown)')::int AS figures_without_place,
       count(*) FILTER (WHERE country_code IS NULL)::int AS figures_without_country,
       count(*) FILTER (WHERE NOT story_counted_all)::int AS figures_in_copies
  FROM v_casualty_figures
"""

VIEWS: list[tuple[str, str, str, dict[str, str]]] = [
    ("v_casualty_figures", _FIGURES_SQL,
     ("One row per casualty figure with its day (event date, else publication day), place, "
     "country and region, story, and whether story-level sums count it. Includes "
     "unconfirmed figures (see confirmation)."), _FIGURES_COLUMNS),
    _daily("v_casualties_daily", "", "WHERE confirmed IS NOT FALSE",
           "Casualty figures by day, place and category, confirmed or of unknown confirmation "
           "only; sums count each story once (see v_casualty_figures.story_counted). Rows with "
           "a null day have neither an event date nor a publication date."),
    _daily("v_casualties_daily_all", "_all", "",
           "Casualty figures by day, place and category, including figures the text says are "
           "unconfirmed (counted apart in unconfirmed_figures/_total); each story once."),
    ("v_entity_types", _ENTITY_TYPES_SQL,
     ("One row per canonical entity name with the type most articles give it (types voted "
     "across the corpus, not only within an article)."),
     {"name": "canonical entity name", "type": "the voted type: the type of the most articles "
      "(ties: most mentions, then alphabetical)", "type_articles": "articles giving it that type",
      "articles": "articles mentioning the name with any type", "share": "type_articles / "
      "articles", "types": "number of distinct types the name was given",
      "votes": "{type: articles} for every type the name was given",
      "votes_mentions": "mentions of the name with the voted type"}),
    ("v_top_entities", _TOP_ENTITIES_SQL,
     ("Entities by period (week and month, of the publication day) and voted type, ranked by "
     "articles then mentions; undated articles have a null period_start. Filter on "
     "period_type and rank (e.g. rank <= 10) for a top list."),
     {"period_type": "week or month",
      "period_start": "first day of the period (weeks start on Monday; publication day in UTC; "
      "null for articles without a publication date)",
      "type": "voted entity type (v_entity_types): PERSON, ORG, GPE, LOC, NORP, FAC or EVENT",
      "entity_id": "entities.id of the name with the voted type",
      "name": "canonical entity name", "country_code": "ISO 3166-1 alpha-2 code for countries",
      "articles": "articles of the period that mention the entity",
      "mentions": "mentions in those articles",
      "rank": "rank within period and type (1 = most articles, ties share a rank)"}),
    ("v_entity_cooccurrence", _COOCCURRENCE_SQL,
     ("Pairs of entities mentioned in the same article; each unordered pair once "
     "(entity_a_id < entity_b_id)."),
     {"entity_a_id": "entities.id of the first entity (the smaller id)",
      "entity_a": "canonical name of the first entity", "type_a": "type of the first entity",
      "entity_b_id": "entities.id of the second entity",
      "entity_b": "canonical name of the second entity", "type_b": "type of the second entity",
      "articles": "articles mentioning both",
      "paired_mentions": "sum over those articles of the smaller mention count",
      "first_day": "earliest publication day (UTC) with both; null if none is dated",
      "last_day": "latest publication day (UTC) with both"}),
    ("v_quotes_by_speaker", _QUOTES_SQL,
     ("One row per quote with its speaker (entity, else normalised, else as written), article "
     "and day (when it was said, else the publication day)."),
     {"quote_id": "quotes.id",
      "speaker": "speaker entity name, else the normalised speaker, else as written, else "
      "'(unattributed)'",
      "speaker_as_written": "quotes.speaker as found in the text",
      "speaker_normalized": "speaker with case, titles and leading articles folded",
      "speaker_entity_id": "entities.id of the speaker when resolved",
      "speaker_type": "entity type of the speaker (PERSON, ORG, ...)",
      "kind": "direct, indirect or mixed", "cue": "reporting verb (said, told, ...)",
      "quote": "the quoted text", "article_id": "articles.id",
      "story_id": "the article's story (wire copies share it)",
      "seq": "order of the quote in the article", "article_title": "articles.title",
      "published": "articles.published (null when unknown)",
      "day": "the quote's event date (when it was said), else the publication day (UTC); "
      "null when neither is known",
      "day_basis": "event, published or null",
      "event_date": "quotes.event_date", "event_date_precision": "day, week or month",
      "load_day": "the day the article was loaded (UTC): not when it was said",
      "site_name": "articles.site_name", "url": "articles.url",
      "source_path": "articles.source_path"}),
    ("v_top_speakers", _TOP_SPEAKERS_SQL,
     ("Quote counts per speaker (most-quoted speakers: ORDER BY quotes DESC); speakers are "
     "grouped by their normalised form."),
     {"speaker": "speaker entity name, else the normalised speaker, else as written",
      "speaker_entity_id": "entities.id of the speaker when resolved",
      "speaker_type": "entity type of the speaker", "quotes": "quotes attributed to the speaker",
      "direct_quotes": "of which direct quotes", "articles": "articles quoting the speaker",
      "stories": "stories quoting the speaker (wire copies counted once)",
      "first_day": "earliest day (event date, else publication day)",
      "last_day": "latest day (event date, else publication day)"}),
    ("v_articles_per_source", _SOURCES_SQL,
     "Articles per source: the site name, else the news agency, else '(unknown)'.",
     {"source": "articles.site_name, else articles.agency, else '(unknown)'",
      "articles": "distinct articles (by content) from the source",
      "stories": "distinct stories among them (wire copies counted once)",
      "html_articles": "of which loaded from HTML", "text_articles": "of which loaded from plain text",
      "undated_articles": "of which without a publication date",
      "words": "total words in their bodies",
      "first_day": "earliest publication day (UTC); null when none is dated",
      "last_day": "latest publication day (UTC)",
      "last_loaded_at": "last time an article of the source was written"}),
    ("v_stories", _STORIES_SQL,
     "One row per story: an article and its wire copies (near-duplicates found at load time).",
     {"story_id": "articles.story_id (the id of the story's first article)",
      "title": "title of the story's first article", "articles": "articles in the story",
      "sources": "distinct sources (site, URL host or agency) that carried it",
      "source_names": "those sources", "first_published": "earliest publication time",
      "last_published": "latest publication time",
      "first_article_id": "smallest article id of the story",
      "min_similarity": "lowest similarity of a copy to the article it was matched to "
      "(null for a story of one article)"}),
    ("v_data_quality", _QUALITY_SQL,
     "One row: how much of the data the reports can place in time and space.",
     {"articles": "articles loaded", "articles_without_published": "of which without a "
      "publication date", "published_sources": "{published_source: articles}",
      "stories": "distinct stories", "copies": "articles that are copies of an earlier one",
      "figures": "casualty figures", "figures_with_event_date": "dated by their own text",
      "figures_dated_by_publication": "dated by their article's publication day",
      "figures_without_date": "with neither (day is null)",
      "figures_without_place": "whose place is '(unknown)'",
      "figures_without_country": "with no country resolved",
      "figures_in_copies": "not counted in story-level sums (copies of a counted figure)"}),
]

VIEW_NAMES = [name for name, *_ in VIEWS]
NEW_VIEWS = ("v_entity_types", "v_stories", "v_data_quality")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _reader_exists() -> bool:
    return bool(op.get_bind().execute(
        sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": READER}).scalar())


def _create_views(views) -> None:
    for name, sql, comment, columns in views:
        op.execute(f"CREATE VIEW {name} AS {sql}")
        op.execute(f"COMMENT ON VIEW {name} IS {_literal(comment)}")
        for column, text in columns.items():
            op.execute(f"COMMENT ON COLUMN {name}.{column} IS {_literal(text)}")
    if _reader_exists():
        op.execute(f"GRANT SELECT ON {', '.join(n for n, *_ in views)} TO {READER}")


def _views_0002():
    """The views as migration 0002 defined them (for the downgrade)."""
    path = Path(__file__).with_name("0002_reporting_views_and_reader_role.py")
    spec = importlib.util.spec_from_file_location("newsetl_migration_0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [v for v in module.VIEWS if v[0] in VIEW_NAMES]


def _event_date_columns(table: str) -> None:
    op.add_column(table, sa.Column("event_date", sa.Date(), nullable=True,
                                   comment="first day of the period the text names"))
    op.add_column(table, sa.Column("event_date_precision", sa.Text(), nullable=True,
                                   comment="day, week or month"))
    op.add_column(table, sa.Column("event_date_text", sa.Text(), nullable=True,
                                   comment="the time expression as written"))
    op.create_check_constraint(op.f(f"ck_{table}_event_date_precision"), table, _PRECISION_CHECK)


def _add_columns() -> None:
    article_columns = [
        ("published_source", sa.Text(), "where published came from: html-meta, crawler, text-line, dateline"),
        ("story_id", sa.BigInteger(), "id of the story's first article; copies of one story share it"),
        ("story_similarity", sa.REAL(), "similarity to the article it was matched to (null: first of its story)"),
        ("minhash", postgresql.BYTEA(), "MinHash signature of the body (etl.enrich.stories)"),
        ("shingle_count", sa.Integer(), "distinct 5-word shingles of the body"),
    ]
    for name, type_, comment in article_columns:
        op.add_column("articles", sa.Column(name, type_, nullable=True, comment=comment))
    op.create_index(op.f("ix_articles_story_id"), "articles", ["story_id"])
    op.add_column("article_entities", sa.Column(
        "country_code", sa.String(2), nullable=True, comment="ISO 3166-1 alpha-2 of the place in this article"))
    op.add_column("article_entities", sa.Column(
        "admin1", sa.Text(), nullable=True, comment="ISO 3166-2 first-level region of the place in this article"))
    _event_date_columns("quotes")
    op.add_column("quotes", sa.Column("speaker_normalized", sa.Text(), nullable=True,
                                      comment="speaker with case, titles and articles folded"))
    op.create_index(op.f("ix_quotes_speaker_normalized"), "quotes", ["speaker_normalized"])
    _event_date_columns("casualties")
    for name, type_, comment in (
        ("country_code", sa.String(2), "ISO 3166-1 alpha-2 of where it happened"),
        ("admin1", sa.Text(), "ISO 3166-2 first-level region of where it happened"),
        ("place_basis", sa.Text(), "location (the figure's place) or dateline"),
        ("attribution_normalized", sa.Text(), "attribution with case, titles, articles folded"),
    ):
        op.add_column("casualties", sa.Column(name, type_, nullable=True, comment=comment))
    op.create_check_constraint(op.f("ck_casualties_place_basis"), "casualties",
                               "place_basis IN ('location', 'dateline')")
    op.create_index(op.f("ix_casualties_event_date"), "casualties", ["event_date"])
    op.create_index(op.f("ix_casualties_country_code"), "casualties", ["country_code"])


def upgrade() -> None:
    _add_columns()
    op.create_table(
        "story_buckets",
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False, comment="hash of the band's MinHash values"),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_story_buckets_article_id_articles")),
        sa.PrimaryKeyConstraint("band", "bucket", "article_id", name=op.f("pk_story_buckets")),
        comment="LSH index of the articles' MinHash signatures: articles sharing a bucket are "
        "candidate copies of one story.",
    )
    op.create_index(op.f("ix_story_buckets_article_id"), "story_buckets", ["article_id"])
    for name in reversed([n for n in VIEW_NAMES if n not in NEW_VIEWS]):
        op.execute(f"DROP VIEW {name}")
    _create_views(VIEWS)
    if _reader_exists():
        op.execute(f"GRANT SELECT ON story_buckets TO {READER}")


def downgrade() -> None:
    for name in reversed(VIEW_NAMES):
        op.execute(f"DROP VIEW {name}")
    _create_views(_views_0002())
    op.drop_table("story_buckets")
    op.drop_index(op.f("ix_casualties_country_code"), table_name="casualties")
    op.drop_index(op.f("ix_casualties_event_date"), table_name="casualties")
    op.drop_constraint(op.f("ck_casualties_place_basis"), "casualties", type_="check")
    for name in ("attribution_normalized", "place_basis", "admin1", "country_code"):
        op.drop_column("casualties", name)
    op.drop_index(op.f("ix_quotes_speaker_normalized"), table_name="quotes")
    op.drop_column("quotes", "speaker_normalized")
    for table in ("casualties", "quotes"):
        op.drop_constraint(op.f(f"ck_{table}_event_date_precision"), table, type_="check")
        for name in ("event_date_text", "event_date_precision", "event_date"):
            op.drop_column(table, name)
    for name in ("admin1", "country_code"):
        op.drop_column("article_entities", name)
    op.drop_index(op.f("ix_articles_story_id"), table_name="articles")
    for name in ("shingle_count", "minhash", "story_similarity", "story_id", "published_source"):
        op.drop_column("articles", name)
