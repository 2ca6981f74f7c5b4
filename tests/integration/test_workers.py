"""``newsetl run --workers N``: the same rows as one process, and no file lost when a worker dies.

Real worker processes (spawn, each with its own spaCy model) against real databases on the
embedded PostgreSQL. The crash is a real SIGKILL sent to a worker process, timed by the test.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl.checks import failures, integrity_checks
from etl.pipeline import BatchSummary
from etl.runner import run
from etl.runs import start_run
from etl.workers import Options, Pool

pytestmark = [pytest.mark.integration, pytest.mark.slow]

TOWNS = ["Port Kell", "Arden Vale", "Brisk Harbour", "Mallow Cross", "Tern Bay", "Ostry"]
ARTICLE = """{n} hurt as storm hits {town}

{upper} (Reuters) - At least {n} people were injured when a storm tore through {town} on
Tuesday, the mayor of {town}, Ines Marr, said.

"We have never seen wind like this," Marr told reporters. Police said two people were missing.

Council official Tomas Brel said {n} homes had lost their roofs.
"""


def _inbox(folder: Path) -> Path:
    """Six articles, two copies of the first (same content), one empty file."""
    for i, town in enumerate(TOWNS):
        (folder / f"a{i}.txt").write_text(ARTICLE.format(n=i + 3, town=town, upper=town.upper()))
    text = (folder / "a0.txt").read_text()
    (folder / "copy1.txt").write_text(text)
    (folder / "copy2.txt").write_text(text)
    (folder / "empty.txt").write_text("")
    return folder


def _rows(engine) -> dict:
    """Everything a run writes, without ids (which differ between databases).

    Statuses are per content, not per path: of the three copies of one article, which one is
    loaded (and which two are duplicates) depends on which worker commits first.
    """
    q = {
        "articles": "SELECT content_sha256, title, word_count, quality_flags FROM articles",
        "paths": "SELECT path, sha256 FROM ingest_ledger",
        "ledger": "SELECT sha256, status, reason IS NULL FROM ingest_ledger",
        "run_files": "SELECT l.sha256, f.status FROM run_files f JOIN ingest_ledger l ON l.id = f.ledger_id",
        "entities": "SELECT a.content_sha256, e.name, e.type, m.mention_count FROM article_entities m"
                    " JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id",
        "quotes": "SELECT a.content_sha256, q.text, q.speaker, q.kind FROM quotes q JOIN articles a ON a.id = q.article_id",
        "casualties": "SELECT a.content_sha256, c.category, c.count, c.count_min FROM casualties c"
                      " JOIN articles a ON a.id = c.article_id",
    }
    with engine.connect() as conn:
        return {k: sorted(map(tuple, conn.execute(sa.text(sql)))) for k, sql in q.items()}


@pytest.fixture(scope="module")
def second_warehouse():
    import uuid

    from etl.db import migrate
    from etl.db.embedded import drop_database, ensure_database
    from etl.db.engine import get_engine
    from etl.settings import get_settings

    name = f"t_workers_b_{uuid.uuid4().hex[:8]}"
    url = ensure_database(get_settings().pgdata, name)
    migrate.upgrade("head", url=url)
    engine = get_engine(url)
    yield engine
    engine.dispose()
    drop_database(get_settings().pgdata, name)


def test_two_workers_write_the_same_rows_as_one(tmp_path, warehouse, second_warehouse):
    inbox = _inbox(tmp_path)
    one = run(str(inbox), engine=warehouse, trigger="test", batch_size=2, workers=1)
    seen = []
    two = run(str(inbox), engine=second_warehouse, trigger="test", batch_size=2, workers=2,
              on_file=lambda path, status: seen.append((path, status)))
    assert (one.status, two.status) == ("partial", "partial")  # the empty file is rejected
    for r in (one, two):
        assert (r.summary.files_seen, r.summary.loaded, r.summary.duplicates, r.summary.rejected) == (9, 6, 2, 1)
    assert sorted(p for p, _ in seen) == sorted(str(p) for p in inbox.iterdir())  # the progress bar saw all
    assert _rows(warehouse) == _rows(second_warehouse)
    again = run(str(inbox), engine=second_warehouse, trigger="test", batch_size=2, workers=2)
    assert (again.summary.loaded, again.summary.duplicates, again.summary.rejected) == (0, 8, 1)


class _KillOnGive(Pool):
    """The real pool; the test sends SIGKILL to the worker that is handed ``victim``."""

    victim = ""

    def _give(self, worker, pending):
        super()._give(worker, pending)
        if worker.batch is not None and self.victim in worker.batch.paths:
            os.kill(worker.process.pid, signal.SIGKILL)


def test_a_dead_worker_loses_no_file(tmp_path, warehouse):
    inbox = _inbox(tmp_path)
    for i in range(4):
        (inbox / f"b{i}.txt").write_text(ARTICLE.format(n=20 + i, town="Ostry", upper="OSTRY") + f"\nUpdate {i}.\n")
    paths = sorted(str(p) for p in inbox.iterdir())
    run_id = start_run(warehouse, "workers-crash", "test")
    summary = BatchSummary()
    pool = _KillOnGive(Options(warehouse.url.render_as_string(hide_password=False), run_id, False, False, 3),
                       2, summary, None, warehouse)
    pool.victim = str(inbox / "a3.txt")
    pool.run(paths)

    with warehouse.connect() as conn:
        outcome = dict(conn.execute(sa.text(
            "SELECT l.path, f.status || ': ' || coalesce(f.reason, '') FROM run_files f"
            " JOIN ingest_ledger l ON l.id = f.ledger_id WHERE f.run_id = :r"), {"r": run_id}).all())
        assert failures(integrity_checks(conn, run_id, len(paths), summary.to_dict())) is None
    assert sorted(outcome) == paths  # every file has this run's final status
    assert outcome[pool.victim].startswith("rejected: worker process killed by SIGKILL while processing this file")
    assert summary.files_seen == len(paths) and summary.rejected == 2  # the victim and the empty file
    assert all(not v.startswith("rejected") for p, v in outcome.items() if p not in (pool.victim, str(inbox / "empty.txt")))
