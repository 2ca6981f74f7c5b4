"""A WARC of 200 of our own pages plus a non-HTML, a revisit and a truncated record."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger
from etl.runner import run
from tests.sources_support import article, fetch_date, write_warc
from tests.support import table_counts

pytestmark = [pytest.mark.integration, pytest.mark.slow]
PAGES = 200


@pytest.fixture(scope="module")
def warc_inbox(tmp_path_factory):
    root = tmp_path_factory.mktemp("warc_inbox")
    extras = write_warc(root / "crawl-00001.warc.gz", [article(i) for i in range(PAGES)])
    return root, extras


@pytest.fixture(scope="module")
def first_run(warehouse, warc_inbox):
    """The first run over the WARC (each xdist worker that needs it makes its own)."""
    return run(str(warc_inbox[0]), engine=warehouse, trigger="test", batch_size=50)


def test_a_warc_loads_every_page_with_its_url_and_dates(warehouse, warc_inbox, first_run):
    _root, extras = warc_inbox
    result = first_run
    s = result.summary
    assert (s.files_seen, s.loaded, s.duplicates, s.rejected) == (PAGES + 3, PAGES, 0, 3)
    with warehouse.connect() as conn:
        loaded = conn.execute(
            sa.select(articles.c.url, articles.c.title, articles.c.published, ingest_ledger.c.fetched_at,
                      ingest_ledger.c.path, ingest_ledger.c.url.label("ledger_url"))
            .join(ingest_ledger, ingest_ledger.c.article_id == articles.c.id)
        ).mappings().all()
        rejected = conn.execute(
            sa.select(ingest_ledger.c.url, ingest_ledger.c.reason).where(ingest_ledger.c.status == "rejected")
        ).all()
    assert len(loaded) == PAGES
    by_url = {row["url"]: row for row in loaded}
    for i in range(PAGES):
        art = article(i)
        row = by_url[art.url]
        assert row["title"] == art.title and row["ledger_url"] == art.url
        assert row["published"] == art.published
        assert row["fetched_at"] == dt.datetime.fromisoformat(fetch_date(i))
        assert "#offset=" in row["path"]
    reasons = {url: reason for url, reason in rejected}
    assert reasons[extras["non_html"]] == "not HTML: response record of type image/png"
    assert reasons[extras["revisit"]].startswith("revisit record")
    assert reasons[extras["truncated"]] == "truncated record (WARC-Truncated: length)"


def test_a_rerun_adds_no_rows(warehouse, warc_inbox, first_run):
    root, _ = warc_inbox
    before = table_counts(warehouse)
    again = run(str(root), engine=warehouse, trigger="test", batch_size=50)
    assert (again.summary.loaded, again.summary.duplicates, again.summary.rejected) == (0, PAGES, 3)
    after = table_counts(warehouse)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after.pop("run_files") == before.pop("run_files") + again.summary.files_seen  # the run's own record
    assert after == before
