"""articles' language confidence and support flag; reporting views by language

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08 03:00:00

Columns: articles.language_confidence (of the body's identification, null when the language is
the declared one or unknown) and articles.language_unsupported (no pipeline for the language:
loaded with its metadata, not parsed, no entities, quotes or casualties); an index on
articles.language.

Views (built on 0005's definitions): v_top_entities and v_top_speakers are ranked per language
(column ``language``, '(unknown)' when not identified), v_quotes_by_speaker carries the
article's language, v_data_quality counts articles per language and the unsupported ones; new
view v_articles_per_language. The downgrade restores 0005's views.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_LANG = "coalesce(a.language, '(unknown)')"
LANGUAGE_COMMENT = "articles.language (ISO 639-1), '(unknown)' when not identified"


def _module_0005():
    path = Path(__file__).with_name("0005_dates_places_stories.py")
    spec = importlib.util.spec_from_file_location("newsetl_migration_0005", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _replaced(sql: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        if old not in sql:
            raise RuntimeError(f"0007: 0005's view SQL no longer contains {old!r}")
        sql = sql.replace(old, new)
    return sql


_PER_LANGUAGE_SQL = """
SELECT coalesce(a.language, '(unknown)') AS language,
       count(*)::int AS articles,
       count(*) FILTER (WHERE a.language_unsupported)::int AS unsupported_articles,
       round(avg(a.language_confidence)::numeric, 3) AS mean_confidence,
       count(*) FILTER (WHERE a.language_confidence IS NULL)::int AS declared_or_unknown,
       sum(a.word_count)::bigint AS words,
       max(a.updated_at) AS last_loaded_at
  FROM articles a
 GROUP BY 1
"""


def views_0007():
    """0005's views with the language added, and v_articles_per_language."""
    m = _module_0005()
    by_name = {v[0]: v for v in m.VIEWS}
    name, sql, comment, cols = by_name["v_top_entities"]
    top_entities = (name, _replaced(
        sql,
        ("e.country_code\n", f"e.country_code, {_LANG} AS language\n"),
        ("SELECT period_type, period_start, type,", "SELECT language, period_type, period_start, type,"),
        ("PARTITION BY period_type, period_start, type", "PARTITION BY language, period_type, period_start, type"),
        ("GROUP BY period_type, period_start, type, name", "GROUP BY language, period_type, period_start, type, name"),
    ), comment.replace("Entities by period", "Entities by language, period") + " Filter on language "
        "too: a crawl of many languages ranks each apart.",
        {"language": LANGUAGE_COMMENT, **cols,
         "rank": "rank within language, period and type (1 = most articles, ties share a rank)"})
    name, sql, comment, cols = by_name["v_quotes_by_speaker"]
    quotes = (name, _replaced(sql, ("a.site_name, a.url, a.source_path",
                                    f"a.site_name, a.url, a.source_path, {_LANG} AS language")),
              comment, {**cols, "language": LANGUAGE_COMMENT})
    name, sql, comment, cols = by_name["v_top_speakers"]
    speakers = (name, _replaced(sql, ("SELECT speaker,", "SELECT language, speaker,"),
                                ("GROUP BY speaker", "GROUP BY language, speaker")),
                comment.replace("Quote counts per speaker", "Quote counts per language and speaker"),
                {"language": LANGUAGE_COMMENT, **cols})
    name, sql, comment, cols = by_name["v_data_quality"]
    quality = (name, _replaced(sql, (
        "       count(*)::int AS figures,",
        "       (SELECT count(*) FROM articles WHERE language_unsupported)::int\n"
        "           AS articles_language_unsupported,\n"
        "       (SELECT coalesce(jsonb_object_agg(lang, n), '{}'::jsonb) FROM (\n"
        "            SELECT coalesce(language, '(unknown)') AS lang, count(*) AS n\n"
        "              FROM articles GROUP BY 1) l) AS articles_by_language,\n"
        "       count(*)::int AS figures,")),
        comment, {**cols, "articles_language_unsupported": "articles in a language newsetl has no "
                  "pipeline for: loaded, not parsed (no entities, quotes or casualties)",
                  "articles_by_language": "{language: articles}"})
    per_language = ("v_articles_per_language", _PER_LANGUAGE_SQL,
                    "Articles per language: how many, how surely identified, and how many were "
                    "not parsed for want of a pipeline of their language.",
                    {"language": LANGUAGE_COMMENT, "articles": "articles in the language",
                     "unsupported_articles": "of which not parsed (language_unsupported)",
                     "mean_confidence": "mean identification confidence (identified bodies only)",
                     "declared_or_unknown": "of which the language is the declared one or unknown",
                     "words": "total words in their bodies",
                     "last_loaded_at": "last time an article in the language was written"})
    return m, [top_entities, quotes, speakers, quality], per_language


# Views that read the changed ones are dropped first and restored after, in 0005's order.
CHANGED = ("v_top_entities", "v_quotes_by_speaker", "v_top_speakers", "v_data_quality")


def _swap(m, new_views) -> None:
    for name in reversed([n for n in m.VIEW_NAMES if n in CHANGED]):
        op.execute(f"DROP VIEW {name}")
    m._create_views(new_views)


def upgrade() -> None:
    op.add_column("articles", sa.Column(
        "language_confidence", sa.REAL(), nullable=True,
        comment="confidence of the body's language identification (null: declared or unknown)"))
    op.add_column("articles", sa.Column(
        "language_unsupported", sa.Boolean(), nullable=False, server_default=sa.false(),
        comment="no pipeline for its language: loaded with its metadata, not parsed"))
    op.create_index(op.f("ix_articles_language"), "articles", ["language"])
    m, changed, per_language = views_0007()
    order = {n: i for i, n in enumerate(m.VIEW_NAMES)}
    _swap(m, sorted(changed, key=lambda v: order[v[0]]))
    m._create_views([per_language])


def downgrade() -> None:
    m = _module_0005()
    op.execute("DROP VIEW v_articles_per_language")
    _swap(m, [v for v in m.VIEWS if v[0] in CHANGED])
    op.drop_index(op.f("ix_articles_language"), table_name="articles")
    op.drop_column("articles", "language_unsupported")
    op.drop_column("articles", "language_confidence")
