"""A folder of news-please JSON files and a JSON-lines file with a broken line."""

from __future__ import annotations

import gzip
import json

import pytest
import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger
from etl.runner import run
from tests.sources_support import article, newsplease_object
from tests.support import table_counts

pytestmark = [pytest.mark.integration]


@pytest.fixture(scope="module")
def json_inbox(tmp_path_factory):
    root = tmp_path_factory.mktemp("json_inbox")
    (root / "2024").mkdir()
    for i in range(6):  # one JSON per article, as news-please writes them; two carry the HTML
        (root / "2024" / f"{i}.json").write_text(json.dumps(newsplease_object(article(i), with_html=i >= 4)))
    lines = [json.dumps(newsplease_object(article(i))) for i in range(10, 14)]
    lines.insert(2, '{"title": "Half a line", "maintext": "the crawler stopped writing')
    (root / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return root


@pytest.fixture(scope="module")
def first_run(warehouse, json_inbox):
    """The first run over the inbox (each xdist worker that needs it makes its own)."""
    return run(str(json_inbox), engine=warehouse, trigger="test")


def test_every_valid_article_loads_with_the_crawlers_title_date_and_url(warehouse, json_inbox, first_run):
    result = first_run
    s = result.summary
    assert (s.files_seen, s.loaded, s.rejected) == (6 + 5, 10, 1)
    ((path, reason),) = s.rejected_files
    assert path.endswith("feed.jsonl.gz#line=3")
    assert reason.startswith("malformed JSON on line 3:")
    with warehouse.connect() as conn:
        rows = conn.execute(
            sa.select(articles.c.url, articles.c.title, articles.c.published, articles.c.published_source,
                      articles.c.author,
                      articles.c.site_name, articles.c.language, articles.c.format, ingest_ledger.c.fetched_at)
            .join(ingest_ledger, ingest_ledger.c.article_id == articles.c.id)
        ).mappings().all()
    by_url = {r["url"]: r for r in rows}
    for i in [*range(6), *range(10, 14)]:
        art, row = article(i), by_url[article(i).url]
        assert row["title"] == art.title
        assert row["published"].replace(tzinfo=None) == art.published.replace(tzinfo=None)
        assert row["published_source"] == "crawler"
        assert (row["author"], row["site_name"], row["language"]) == (
            "Valley Courier staff", "courier.example.org", "en")
        assert row["format"] == ("html" if i in (4, 5) else "text")
        assert row["fetched_at"] is not None


def test_a_rerun_adds_no_rows(warehouse, json_inbox, first_run):
    before = table_counts(warehouse)
    again = run(str(json_inbox), engine=warehouse, trigger="test")
    assert (again.summary.loaded, again.summary.duplicates, again.summary.rejected) == (0, 10, 1)
    after = table_counts(warehouse)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after.pop("run_files") == before.pop("run_files") + again.summary.files_seen  # the run's own record
    assert after == before
