"""Incidents kept up to date at load time, in the loading article's transaction.

A new article's report (etl.incidents.evidence) is compared with the reports already loaded
that blocking allows (same country, compatible region, event within WINDOW_DAYS:
an indexed query on incident_reports); every report it is linked to (etl.incidents.scoring)
brings its incident, and those incidents become one — so the incidents are the connected
components of the linked pairs, whatever order the reports were loaded in (three nightly runs
give the incidents of one run). Without a link the report starts an incident of its own.

Concurrency: the transaction first takes a transaction-scoped advisory lock on the report's
country, so two loaders of reports of one event link one after the other and the second sees
the first's report. Reprocessing an article removes its reports and relinks the reports of
its former incidents (removing a report may split an incident), then links its new report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.incidents import lexicon as lx
from etl.incidents.evidence import Report, report_of
from etl.incidents.figures import incident_figures
from etl.incidents.scoring import linked, score
from etl.models import Article

LOCK_NAMESPACE = 0x1C1D  # first key of pg_advisory_xact_lock(int, int) for incident linking
_REPORT_COLUMNS = ("event_date", "event_date_precision", "published", "country_code", "admin1", "place",
                   "places", "names", "ages", "hedged", *lx.CATEGORIES)


def _lock(conn: Connection, country: str | None) -> None:
    key = int.from_bytes(hashlib.blake2b((country or "").encode(), digest_size=4).digest(), "little", signed=True)
    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:ns, :k)"), {"ns": LOCK_NAMESPACE, "k": key})


def _report(row) -> Report:
    figures = {c: getattr(row, c) for c in lx.CATEGORIES if getattr(row, c) is not None}
    return Report(row.event_date, row.event_date_precision, row.published, row.country_code, row.admin1,
                  row.place, list(row.places), list(row.names), list(row.ages), figures, list(row.hedged))


def _candidates(conn: Connection, article_id: int, report: Report) -> list[tuple[int, Report]]:
    """(incident, report) of other articles that blocking allows."""
    day = report.day
    rows = conn.execute(sa.text(
        "SELECT r.*"
        "  FROM incident_reports r WHERE r.article_id <> :id"
        "   AND coalesce(r.event_date, (r.published AT TIME ZONE 'UTC')::date) BETWEEN :lo AND :hi"
        "   AND (CAST(:country AS text) IS NULL OR r.country_code IS NULL OR r.country_code = :country)"
        " ORDER BY r.incident_id, r.article_id, r.seq"),
        {"id": article_id, "lo": day - dt.timedelta(days=lx.FAR_DAYS),
         "hi": day + dt.timedelta(days=lx.FAR_DAYS), "country": report.country_code, })
    return [(row.incident_id, _report(row)) for row in rows]


def _insert_report(conn: Connection, article_id: int, seq: int, incident_id: int, report: Report,
                   best: float | None) -> None:
    values = {name: getattr(report, name, None) for name in _REPORT_COLUMNS if name not in lx.CATEGORIES}
    values.update({c: report.figures.get(c) for c in lx.CATEGORIES})
    conn.execute(sa.text(
        f"INSERT INTO incident_reports (article_id, seq, incident_id, score, {', '.join(_REPORT_COLUMNS)})"
        f" VALUES (:article_id, :seq, :incident_id, :score, {', '.join(':' + c for c in _REPORT_COLUMNS)})"),
        {**values, "article_id": article_id, "seq": seq, "incident_id": incident_id, "score": best})
    if report.members:
        conn.execute(sa.text("UPDATE casualties SET incident_id = :inc WHERE article_id = :id"
                             " AND seq = ANY(CAST(:seqs AS int[]))"),
                     {"inc": incident_id, "id": article_id, "seqs": report.members})


def _merge(conn: Connection, keep: int, others: list[int]) -> None:
    """Move the reports and figures of ``others`` into incident ``keep`` and drop them."""
    if not others:
        return
    params = {"keep": keep, "others": others}
    conn.execute(sa.text("UPDATE incident_reports SET incident_id = :keep WHERE incident_id = ANY(:others)"), params)
    conn.execute(sa.text("UPDATE casualties SET incident_id = :keep WHERE incident_id = ANY(:others)"), params)
    conn.execute(sa.text("DELETE FROM incidents WHERE id = ANY(:others)"), params)


def refresh(conn: Connection, incident_id: int) -> None:
    """Recompute the incident's date, place and figures from its reports (figures.py's rule)."""
    rows = conn.execute(sa.text("SELECT * FROM incident_reports WHERE incident_id = :i"), {"i": incident_id}).all()
    if not rows:
        conn.execute(sa.text("DELETE FROM incidents WHERE id = :i"), {"i": incident_id})
        return
    reports = [_report(r) for r in rows]
    figures = incident_figures(reports)
    dated = Counter(r.event_date for r in reports if r.event_date)
    event = min(dated, key=lambda d: (-dated[d], d)) if dated else None
    days = Counter(r.day for r in reports if r.day)
    day = event or (min(days, key=lambda d: (-days[d], d)) if days else None)

    def mode(name):
        seen = Counter(getattr(r, name) for r in reports if getattr(r, name))
        return min(seen, key=lambda v: (-seen[v], v)) if seen else None
    conn.execute(sa.text(
        "UPDATE incidents SET event_date = :day, event_date_precision = :precision, place = :place,"
        " country_code = :country, admin1 = :admin1, killed = :killed, injured = :injured,"
        " missing = :missing, kidnapped = :kidnapped, arrested = :arrested, updated_at = now()"
        " WHERE id = :i"),
        {"i": incident_id, "day": day, "precision": "day" if event else None, "place": mode("place"),
         "country": mode("country_code"), "admin1": mode("admin1"), **figures})


def link_report(conn: Connection, article_id: int, seq: int, report: Report) -> int:
    """Link one report (its country locked by the caller); returns its incident."""
    if report.day is None:
        candidates = []
    else:
        candidates = [(i, r) for i, r in _candidates(conn, article_id, report) if linked(report, r)]
    incidents = sorted({i for i, _ in candidates})
    best = max((score(report, r) for _, r in candidates), default=None)
    if incidents:
        keep = incidents[0]
        _merge(conn, keep, incidents[1:])
    else:
        keep = conn.execute(sa.text("INSERT INTO incidents DEFAULT VALUES RETURNING id")).scalar_one()
    _insert_report(conn, article_id, seq, keep, report, best)
    refresh(conn, keep)
    return keep


def unlink_article(conn: Connection, article_id: int) -> None:
    """Remove the article's reports; the rest of their incidents are linked again from scratch."""
    gone = conn.execute(sa.text("DELETE FROM incident_reports WHERE article_id = :id RETURNING incident_id"),
                        {"id": article_id}).scalars().all()
    for incident_id in sorted(set(gone)):
        rows = conn.execute(sa.text("SELECT * FROM incident_reports WHERE incident_id = :i"
                                    " ORDER BY published NULLS FIRST, article_id, seq"), {"i": incident_id}).all()
        seqs = dict(conn.execute(sa.text("SELECT article_id, array_agg(seq ORDER BY seq) FROM casualties"
                                         " WHERE incident_id = :i GROUP BY article_id"), {"i": incident_id}).all())
        conn.execute(sa.text("DELETE FROM incidents WHERE id = :i"), {"i": incident_id})  # cascades to reports
        for row in rows:
            report = _report(row)
            report.members = list(seqs.get(row.article_id, []))
            link_report(conn, row.article_id, row.seq, report)


def link_article(conn: Connection, article_id: int, article: Article, published: dt.datetime | None,
                 *, replace: bool = False) -> int | None:
    """The article's report joins or starts an incident (in the caller's transaction)."""
    report = report_of(article, published)
    if report is None and not replace:
        return None
    countries = {report.country_code if report else None}
    if replace:
        countries |= set(conn.execute(sa.text("SELECT DISTINCT country_code FROM incident_reports"
                                              " WHERE article_id = :id"), {"id": article_id}).scalars())
    for country in sorted(countries, key=lambda c: c or ""):
        _lock(conn, country)
    if replace:
        unlink_article(conn, article_id)
    return link_report(conn, article_id, 0, report) if report else None
