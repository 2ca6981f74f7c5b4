"""Reruns never duplicate: identical row counts after running the seed twice."""

from __future__ import annotations

import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger, pipeline_runs
from etl.runner import run
from tests.support import REPO, table_counts


def test_running_the_seed_twice_leaves_identical_row_counts(warehouse):
    first = run(str(REPO / "seeds"), engine=warehouse, trigger="test")
    assert (first.summary.files_seen, first.summary.loaded, first.summary.rejected) == (1, 1, 0)
    after_first = table_counts(warehouse)
    assert after_first["articles"] == 1
    assert after_first["ingest_ledger"] == 1
    assert after_first["entities"] > 0

    second = run(str(REPO / "seeds"), engine=warehouse, trigger="test")
    assert (second.summary.loaded, second.summary.duplicates) == (0, 1)
    after_second = table_counts(warehouse)
    # The runs tables record the run and the file it saw; every other table is unchanged.
    assert after_second.pop("pipeline_runs") == after_first.pop("pipeline_runs") + 1
    assert after_second.pop("run_files") == after_first.pop("run_files") + 1
    assert after_second == after_first

    with warehouse.connect() as conn:
        ledger = conn.execute(sa.select(ingest_ledger)).mappings().one()
        assert ledger["status"] == "loaded" and ledger["times_seen"] == 2
        assert ledger["first_run_id"] == first.run_id and ledger["last_run_id"] == second.run_id
        runs = conn.execute(sa.select(pipeline_runs).order_by(pipeline_runs.c.id)).mappings().all()
        # The seed has no publication date: the run that loads it is partial (the article is
        # flagged no_date); the rerun loads nothing and is a success.
        assert [(r["loaded"], r["duplicates"], r["flagged"], r["status"]) for r in runs[-2:]] == [
            (1, 0, 1, "partial"), (0, 1, 0, "success")]
        flags = conn.execute(sa.select(articles.c.quality_flags)).scalar_one()
        assert flags == ["no_date"]


def test_reprocess_replaces_child_rows_without_duplicating(warehouse):
    before = table_counts(warehouse)
    with warehouse.connect() as conn:
        old_updated = conn.execute(sa.select(articles.c.updated_at)).scalar_one()
    result = run(str(REPO / "seeds"), engine=warehouse, trigger="test", reprocess=True)
    assert result.summary.loaded == 1
    after = table_counts(warehouse)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after.pop("run_files") == before.pop("run_files") + 1
    assert after == before
    with warehouse.connect() as conn:
        assert conn.execute(sa.select(articles.c.updated_at)).scalar_one() > old_updated


def test_a_retried_batch_of_the_same_run_changes_nothing(warehouse):
    from etl.load import start_run
    from etl.pipeline import process_batch
    from tests.support import SEED

    run_id = start_run(warehouse, "retry-test", "test")
    process_batch([str(SEED)], run_id, engine=warehouse)
    with warehouse.connect() as conn:
        seen = conn.execute(sa.select(ingest_ledger.c.times_seen)).scalar_one()
    before = table_counts(warehouse)
    again = process_batch([str(SEED)], run_id, engine=warehouse)  # as an Airflow retry would
    assert again.duplicates == 1
    assert table_counts(warehouse) == before
    with warehouse.connect() as conn:
        assert conn.execute(sa.select(ingest_ledger.c.times_seen)).scalar_one() == seen
