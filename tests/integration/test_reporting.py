"""Reporting views, the report command and the example queries of docs/reporting.md.

The three fixture articles are loaded by the real pipeline (plus two bad files for the
ledger); tests/fixtures/reporting/rows.sql then adds entity, quote and casualty rows with
invented names, so the expected numbers do not depend on the extractors.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from rich.console import Console

from etl import report
from etl.runner import run
from tests.support import ARTICLES, FIXTURES, REPO

ROWS_SQL = FIXTURES / "reporting" / "rows.sql"
DOC = REPO / "docs" / "reporting.md"

VIEWS = (
    "v_casualty_figures",
    "v_casualties_daily",
    "v_casualties_daily_all",
    "v_top_entities",
    "v_entity_cooccurrence",
    "v_quotes_by_speaker",
    "v_top_speakers",
    "v_articles_per_source",
    "v_articles_per_run",
    "v_rejected_files",
)


@pytest.fixture(scope="module")
def loaded(warehouse, tmp_path_factory):
    """The fixture articles loaded by the pipeline, with an empty and a binary file rejected."""
    inbox = tmp_path_factory.mktemp("reporting_inbox")
    for path in ARTICLES.iterdir():
        shutil.copy(path, inbox / path.name)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 20)
    result = run(str(inbox), engine=warehouse, trigger="test")
    assert (result.summary.loaded, result.summary.rejected) == (3, 2)
    return warehouse


@pytest.fixture(scope="module")
def db(loaded):
    """``loaded`` plus the deterministic rows of tests/fixtures/reporting/rows.sql, and the
    read-only role ``news_reader`` granted on it (``newsetl db create-reader``)."""
    from etl.db.roles import create_reader

    with loaded.begin() as conn:
        _raw(conn, ROWS_SQL.read_text())
    create_reader(loaded, "news_reader")
    return loaded


def _raw(conn, sql: str):
    """Run SQL text as is (no parameter interpolation, so '%' needs no escaping)."""
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        cursor.execute(sql)
        return cursor.fetchall() if cursor.description else None
    finally:
        cursor.close()


def _rows(engine, sql: str, **params) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(sql), params).mappings()]


# ------------------------------------------------------------------------ real pipeline output


def test_views_over_real_pipeline_output_have_their_documented_shape(loaded):
    with loaded.connect() as conn:
        for view in VIEWS:
            conn.execute(sa.text(f"SELECT * FROM {view}")).all()  # runs, whatever it holds
            comment = conn.execute(sa.text("SELECT obj_description(CAST(:v AS regclass), 'pg_class')"),
                                   {"v": view}).scalar()
            assert comment, f"{view} has no COMMENT ON VIEW"
            undocumented = conn.execute(
                sa.text(
                    "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:v AS regclass)"
                    " AND attnum > 0 AND NOT attisdropped"
                    " AND col_description(attrelid, attnum) IS NULL"
                ),
                {"v": view},
            ).scalars().all()
            assert undocumented == [], f"{view}: columns without COMMENT: {undocumented}"
        sources = conn.execute(sa.text("SELECT sum(articles) FROM v_articles_per_source")).scalar()
        assert sources == 3
        per_run = conn.execute(
            sa.text("SELECT files_seen, loaded, rejected, articles_now, status FROM v_articles_per_run")
        ).one()
        assert tuple(per_run) == (5, 3, 2, 3, "partial")
        rejected = conn.execute(sa.text("SELECT path, reason, reason_kind FROM v_rejected_files")).all()
        assert sorted(p.rsplit("/", 1)[-1] for p, _, _ in rejected) == ["binary.txt", "empty.txt"]
        assert all(reason and kind for _, reason, kind in rejected)
        # Entities the extractor found show up in the entity views.
        assert conn.execute(sa.text("SELECT count(*) FROM v_top_entities")).scalar() > 0


# ------------------------------------------------------------------------------ casualties


def test_casualties_daily_sums_confirmed_or_unknown_figures_with_ranges(db):
    rows = _rows(
        db,
        "SELECT day, place, category, figures, articles, total, total_min, total_max,"
        " largest_figure, ranged_figures, open_ended_figures, unconfirmed_figures, country_code"
        " FROM v_casualties_daily WHERE place IN ('Zorvia', 'Port Kell', 'Quillmere Pass')"
        " ORDER BY day, place, category",
    )
    got = [(r["day"].isoformat(), r["place"], r["category"], r["figures"], r["total"],
            r["total_min"], r["total_max"], r["largest_figure"], r["ranged_figures"],
            r["open_ended_figures"], r["unconfirmed_figures"]) for r in rows]
    # The harbor article's own extracted figures name no place: they belong to its Port Kell
    # incidents (one story, one incident per category and place), so "figures" counts them
    # while the sums count the incident's largest figure once (the widest on a tie).
    by_key = {(r[1], r[2]): r for r in got}
    assert [r for r in got if r[1] != "Port Kell"] == [
        ("2026-03-02", "Zorvia", "injured", 1, 5, 5, 5, 5, 0, 0, 0),
        ("2026-03-02", "Zorvia", "killed", 1, 2, 2, 2, 2, 0, 0, 0),
        ("2026-04-10", "Quillmere Pass", "missing", 1, 3, 3, 3, 3, 0, 0, 0),
    ]
    assert by_key[("Port Kell", "injured")][4:] == (30, 30, 40, 30, 1, 0, 0)
    # "up to 20" is unconfirmed: left out here; "at least 12" is counted once
    assert by_key[("Port Kell", "killed")][4:] == (12, 12, 12, 12, 0, 1, 0)
    assert {r["country_code"] for r in rows if r["place"] == "Zorvia"} == {"ZV"}
    # Quillmere Pass is no entity: the location as written is the place.
    assert [r["country_code"] for r in rows if r["place"] == "Quillmere Pass"] == [None]


def test_casualties_daily_all_includes_unconfirmed_figures(db):
    (row,) = _rows(
        db,
        "SELECT figures, total, total_min, total_max, largest_figure, unconfirmed_figures,"
        " unconfirmed_total FROM v_casualties_daily_all"
        " WHERE place = 'Port Kell' AND category = 'killed'",
    )
    # One incident (story, killed, Port Kell): "at least 12", "up to 20" (unconfirmed) and the
    # extractor's own "at least 12" of that article. Story-level: the largest figure, once.
    assert row == {"figures": 3, "total": 20, "total_min": 20, "total_max": 20,
                   "largest_figure": 20, "unconfirmed_figures": 1, "unconfirmed_total": 20}
    # The row-level view tells each figure's confirmation.
    conf = _rows(db, "SELECT confirmation, count(*) AS n FROM v_casualty_figures"
                     " WHERE place = 'Port Kell' GROUP BY 1 ORDER BY 1")
    assert conf == [{"confirmation": "confirmed", "n": 1}, {"confirmation": "unconfirmed", "n": 1},
                    {"confirmation": "unknown", "n": 1}]


# ------------------------------------------------------------------------------- entities


def test_top_entities_by_week_and_month(db):
    rows = _rows(
        db,
        "SELECT period_type, period_start, articles, mentions FROM v_top_entities"
        " WHERE name = 'Zorvia' ORDER BY period_type, period_start",
    )
    got = [(r["period_type"], r["period_start"].isoformat(), r["articles"], r["mentions"]) for r in rows]
    assert got == [
        ("month", "2026-03-01", 2, 5),
        ("month", "2026-04-01", 1, 1),
        ("week", "2026-03-02", 2, 5),  # Monday
        ("week", "2026-04-06", 1, 1),
    ]
    # rank 1 of every period and type has the most articles.
    bad = _rows(
        db,
        "SELECT period_type, period_start, type FROM v_top_entities GROUP BY 1, 2, 3"
        " HAVING max(articles) FILTER (WHERE rank = 1) IS DISTINCT FROM max(articles)",
    )
    assert bad == []
    (kestrel,) = _rows(db, "SELECT rank, articles, mentions FROM v_top_entities"
                           " WHERE name = 'Kestrel Aid' AND period_type = 'month'"
                           " AND period_start = '2026-04-01'")
    assert (kestrel["articles"], kestrel["mentions"]) == (1, 4)


def test_entity_cooccurrence_counts_each_pair_once(db):
    rows = _rows(
        db,
        "SELECT entity_a, entity_b, articles, paired_mentions, first_day, last_day"
        " FROM v_entity_cooccurrence"
        " WHERE 'Zorvia' IN (entity_a, entity_b) AND 'Mara Velt' IN (entity_a, entity_b)",
    )
    assert len(rows) == 1
    assert (rows[0]["articles"], rows[0]["paired_mentions"]) == (2, 3)
    assert (rows[0]["first_day"], rows[0]["last_day"]) == (dt.date(2026, 3, 2), dt.date(2026, 3, 3))
    dupes = _rows(db, "SELECT entity_a_id, entity_b_id FROM v_entity_cooccurrence"
                      " WHERE entity_a_id >= entity_b_id")
    assert dupes == []


# --------------------------------------------------------------------------------- quotes


def test_quotes_by_speaker_carry_article_title_and_date(db):
    rows = _rows(
        db,
        "SELECT q.speaker, q.speaker_as_written, q.kind, q.day, q.article_title = a.title AS same_title"
        " FROM v_quotes_by_speaker q JOIN articles a ON a.id = q.article_id"
        " WHERE q.speaker_entity_id IN (SELECT id FROM entities WHERE name = 'Mara Velt')"
        " ORDER BY q.day, q.seq",
    )
    assert [(r["speaker"], r["speaker_as_written"], r["kind"], r["day"].isoformat()) for r in rows] == [
        ("Mara Velt", "Mara Velt", "direct", "2026-03-02"),
        ("Mara Velt", "Velt", "direct", "2026-03-02"),
        ("Mara Velt", "Mara Velt", "indirect", "2026-03-03"),
    ]
    assert all(r["same_title"] for r in rows)
    (top,) = _rows(db, "SELECT quotes, direct_quotes, articles, speaker_type FROM v_top_speakers"
                       " WHERE speaker = 'Mara Velt'")
    assert top == {"quotes": 3, "direct_quotes": 2, "articles": 2, "speaker_type": "PERSON"}


# ------------------------------------------------------------------------------ the report


def test_report_prints_every_section_with_rows(db):
    console = Console(record=True, width=200)
    tables = report.print_report(db, console=console, limit=50)
    out = console.export_text()
    for table in tables:
        assert table.title in out
    assert "Most-quoted speakers, English only" in out  # the top lists say their language
    counts = {t.section.key: len(t.rows) for t in tables}
    assert all(counts[k] > 0 for k in ("sources", "runs", "casualties", "entities", "cooccurrence",
                                       "speakers", "rejected")), counts
    assert "Port Kell" in out and "Mara Velt" in out and "empty.txt" in out


def test_html_report_is_self_contained_with_four_charts(db, tmp_path):
    path = report.write_html(db, tmp_path / "report.html")
    text = path.read_text()
    assert text.startswith("<!DOCTYPE html>")
    assert "<script src=" not in text and len(text) > 3_000_000  # plotly.js is inline
    assert text.count("Plotly.newPlot(") == 4
    for title in ("Casualties by day and place", "Data quality", "Top entities", "Most-quoted speakers"):
        assert title in text
    for name in ("Port Kell", "Zorvia", "Mara Velt"):
        assert name in text


def test_report_command(db, monkeypatch, tmp_path):
    from etl.cli import main
    from etl.settings import get_settings

    monkeypatch.setenv("NEWSETL_DATABASE_URL", db.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        result = runner.invoke(main, ["report", "--limit", "5"])
        assert result.exit_code == 0, result.output
        assert "Most-quoted speakers" in result.output and "Mara Velt" in result.output
        out = tmp_path / "r.html"
        result = runner.invoke(main, ["report", "--html", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1_000_000 and "wrote" in result.output
    finally:
        monkeypatch.delenv("NEWSETL_DATABASE_URL")
        get_settings.cache_clear()


# ---------------------------------------------------------------------- docs/reporting.md


def doc_queries() -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"```sql\n(.*?)```", DOC.read_text(), re.DOTALL)]


def test_docs_hold_ten_example_queries():
    assert len(doc_queries()) == 10


@pytest.mark.parametrize("index", range(10))
def test_doc_query_runs_as_news_reader_and_returns_rows(db, index):
    sql = doc_queries()[index]
    with db.connect() as conn, conn.begin():
        _raw(conn, "SET LOCAL ROLE news_reader")
        rows = _raw(conn, sql)
    assert rows, f"example query {index + 1} returned no rows on the fixture data:\n{sql}"


def test_report_since_until_bounds_the_dated_sections(db):
    console = Console(record=True, width=250)
    period = report.Period(dt.date(2026, 3, 3), dt.date(2026, 3, 3))
    tables = {t.section.key: t for t in report.print_report(db, console=console, limit=50, period=period)}
    days = {row[0] for row in tables["casualties"].rows}
    assert days == {dt.date(2026, 3, 3)}
    assert "Data quality" in console.export_text()
    (link,) = {row[-1] for row in tables["figures"].rows if row[2] == "Port Kell"}
    assert link.endswith("harbor_blast.txt")  # no URL: the file the article was read from


def test_report_command_takes_since_and_until(db, monkeypatch, tmp_path):
    from etl.cli import main
    from etl.settings import get_settings

    monkeypatch.setenv("NEWSETL_DATABASE_URL", db.url.render_as_string(hide_password=False))
    get_settings.cache_clear()
    try:
        out = tmp_path / "r.html"
        result = CliRunner().invoke(main, ["report", "--since", "2026-04-01", "--html", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_text()
        assert "2026-04-01 to …" in text and "harbor_blast" not in text.split("Largest figures")[1]
        bad = CliRunner().invoke(main, ["report", "--since", "April"])
        assert bad.exit_code != 0 and "%Y-%m-%d" in bad.output
    finally:
        monkeypatch.delenv("NEWSETL_DATABASE_URL")
        get_settings.cache_clear()
