"""incidents: the reports of one real-world event linked, its figures counted once

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 03:00:00

Tables: ``incidents`` (one row per real-world event: event date + precision, place, country,
region, and per category the incident's own figure, chosen from its reports by
etl.incidents.figures — never a sum) and ``incident_reports`` (one row per article's account
of an incident: the evidence the linker compares — event date, places, names, ages — and that
report's own figures). ``casualties.incident_id`` links each figure that belongs to an incident.

Views: ``v_incidents`` (incident, event date, place, country, region, figures, articles,
stories, sources, first and last report) and ``v_incidents_daily`` (per event day, region and
category: incidents and their figures summed, each incident once).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import ARRAY

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READER = "news_reader"
CATEGORIES = ("killed", "injured", "missing", "kidnapped", "arrested")
_PRECISION = "event_date_precision IN ('day', 'week', 'month')"
_SOURCE = (
    "coalesce(nullif(btrim(a.site_name), ''),"
    " CASE WHEN a.url ~ '^https?://' THEN"
    " regexp_replace(a.url, '^https?://(www[.])?([^/?#]+).*$', '\\2') END,"
    " nullif(btrim(a.agency), ''), '(unknown)')"
)


def _figures(what: str) -> list[sa.Column]:
    return [sa.Column(c, sa.Integer, comment=f"{c}: {what}") for c in CATEGORIES]


_V_INCIDENTS = f"""
SELECT i.id AS incident_id, i.event_date, i.event_date_precision, i.place, i.country_code,
       i.admin1, i.killed, i.injured, i.missing, i.kidnapped, i.arrested,
       count(DISTINCT r.article_id)::int AS articles,
       count(DISTINCT coalesce(a.story_id, a.id))::int AS stories,
       count(DISTINCT {_SOURCE})::int AS sources,
       min(a.published) AS first_report, max(a.published) AS last_report,
       array_agg(DISTINCT a.url) FILTER (WHERE a.url IS NOT NULL) AS urls
  FROM incidents i
  JOIN incident_reports r ON r.incident_id = i.id
  JOIN articles a ON a.id = r.article_id
 GROUP BY i.id
"""

_V_INCIDENTS_COLUMNS = {
    "incident_id": "incidents.id",
    "event_date": "the day (or first day of the week/month) the event happened",
    "event_date_precision": "day, week or month",
    "place": "the town or place its reports name, else the region",
    "country_code": "ISO 3166-1 alpha-2",
    "admin1": "ISO 3166-2 first-level region",
    "killed": "the incident's own figure (latest confirmed report; a rising toll's last value)",
    "injured": "the incident's own figure, chosen as killed",
    "missing": "the incident's own figure", "kidnapped": "the incident's own figure",
    "arrested": "the incident's own figure",
    "articles": "articles reporting it", "stories": "stories (wire copies grouped) reporting it",
    "sources": "distinct sources (site, URL host or agency) reporting it",
    "first_report": "earliest publication of a report", "last_report": "latest publication",
    "urls": "the reports' URLs",
}

_V_INCIDENTS_DAILY = """
SELECT i.event_date AS day, i.country_code, i.admin1, c.category,
       count(*)::int AS incidents,
       sum(c.n)::bigint AS total
  FROM incidents i
 CROSS JOIN LATERAL (VALUES ('killed', i.killed), ('injured', i.injured), ('missing', i.missing),
                            ('kidnapped', i.kidnapped), ('arrested', i.arrested)) AS c(category, n)
 WHERE c.n IS NOT NULL
 GROUP BY i.event_date, i.country_code, i.admin1, c.category
"""

_V_INCIDENTS_DAILY_COLUMNS = {
    "day": "the incidents' event date (null when unknown)",
    "country_code": "ISO 3166-1 alpha-2", "admin1": "ISO 3166-2 first-level region",
    "category": "killed, injured, missing, kidnapped or arrested",
    "incidents": "incidents with a figure of this category",
    "total": "their figures summed: each incident once",
}

VIEWS = [
    ("v_incidents", _V_INCIDENTS,
     "One row per incident (the reports of one real-world event linked): its date, place, "
     "figures (chosen from its reports, never summed), articles, stories and sources.",
     _V_INCIDENTS_COLUMNS),
    ("v_incidents_daily", _V_INCIDENTS_DAILY,
     "Incident figures by event day, region and category: each incident counted once.",
     _V_INCIDENTS_DAILY_COLUMNS),
]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _reader_exists() -> bool:
    return bool(op.get_bind().execute(
        sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": READER}).scalar())


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.BigInteger(), sa.Identity(), nullable=False),
        sa.Column("event_date", sa.Date(), comment="when it happened (first day of the period)"),
        sa.Column("event_date_precision", sa.Text(), comment="day, week or month"),
        sa.Column("place", sa.Text(), comment="town or place its reports name"),
        sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2"),
        sa.Column("admin1", sa.Text(), comment="ISO 3166-2 first-level region"),
        *_figures("the incident's own figure, chosen from its reports (never a sum)"),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(_PRECISION, name=op.f("ck_incidents_event_date_precision")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        comment="One row per real-world event; its reports in incident_reports.",
    )
    op.create_index(op.f("ix_incidents_event_date"), "incidents", ["event_date"])
    op.create_index(op.f("ix_incidents_admin1"), "incidents", ["admin1"])
    op.create_table(
        "incident_reports",
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("seq", sa.SmallInteger(), nullable=False, comment="the article's n-th incident"),
        sa.Column("incident_id", sa.BigInteger(), nullable=False),
        sa.Column("event_date", sa.Date(), comment="event date this report gives"),
        sa.Column("event_date_precision", sa.Text(), comment="day, week or month"),
        sa.Column("published", sa.DateTime(timezone=True), comment="the article's publication"),
        sa.Column("country_code", sa.String(2), comment="ISO 3166-1 alpha-2"),
        sa.Column("admin1", sa.Text(), comment="ISO 3166-2 first-level region"),
        sa.Column("place", sa.Text(), comment="the town or place the report names first"),
        sa.Column("places", ARRAY(sa.Text()), nullable=False, comment="places named, folded"),
        sa.Column("names", ARRAY(sa.Text()), nullable=False, comment="people named, folded"),
        sa.Column("ages", ARRAY(sa.Integer()), nullable=False, comment="ages given"),
        *_figures("this report's figure for the incident"),
        sa.Column("hedged", ARRAY(sa.Text()), nullable=False,
                  comment="categories whose figure is hedged (at least, about) or unconfirmed"),
        sa.Column("score", sa.Float(), comment="evidence score that linked it (null: it started the incident)"),
        sa.CheckConstraint(_PRECISION, name=op.f("ck_incident_reports_event_date_precision")),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name=op.f("fk_incident_reports_article_id_articles")),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"], ondelete="CASCADE",
                                name=op.f("fk_incident_reports_incident_id_incidents")),
        sa.PrimaryKeyConstraint("article_id", "seq", name=op.f("pk_incident_reports")),
        comment="One article's account of one incident: the evidence linking compares.",
    )
    op.create_index(op.f("ix_incident_reports_incident_id"), "incident_reports", ["incident_id"])
    op.create_index(op.f("ix_incident_reports_event_date"), "incident_reports", ["event_date"])
    op.add_column("casualties", sa.Column("incident_id", sa.BigInteger(), nullable=True,
                                          comment="the incident this figure belongs to"))
    op.create_foreign_key(op.f("fk_casualties_incident_id_incidents"), "casualties", "incidents",
                          ["incident_id"], ["id"], ondelete="SET NULL")
    op.create_index(op.f("ix_casualties_incident_id"), "casualties", ["incident_id"])
    for name, sql, comment, columns in VIEWS:
        op.execute(f"CREATE VIEW {name} AS {sql}")
        op.execute(f"COMMENT ON VIEW {name} IS {_literal(comment)}")
        for column, text in columns.items():
            op.execute(f"COMMENT ON COLUMN {name}.{column} IS {_literal(text)}")
    if _reader_exists():
        names = ", ".join(["incidents", "incident_reports", *(n for n, *_ in VIEWS)])
        op.execute(f"GRANT SELECT ON {names} TO {READER}")


def downgrade() -> None:
    for name, *_ in reversed(VIEWS):
        op.execute(f"DROP VIEW {name}")
    op.drop_index(op.f("ix_casualties_incident_id"), table_name="casualties")
    op.drop_constraint(op.f("fk_casualties_incident_id_incidents"), "casualties", type_="foreignkey")
    op.drop_column("casualties", "incident_id")
    op.drop_table("incident_reports")
    op.drop_table("incidents")
