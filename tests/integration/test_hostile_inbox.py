"""Issue 10, ingest side: a hostile inbox never aborts a run and every entry gets one ledger row."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger
from etl.runner import run
from tests.sources_support import PRINTABLE_NON_UTF8_NAME, hostile_inbox
from tests.support import table_counts

pytestmark = [pytest.mark.integration]
GOOD = 5


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    cases = hostile_inbox(root, good=GOOD)
    return root, cases


@pytest.fixture(scope="module")
def first_run(warehouse, inbox):
    """The first run over the inbox (each xdist worker that needs it makes its own)."""
    return run(str(inbox[0]), engine=warehouse, trigger="test")


def _ledger(engine, root) -> dict[str, dict]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(ingest_ledger)).mappings().all()
    out = {}
    for r in rows:
        name = r["path"][len(str(root)) + 1 :]
        assert name not in out, f"two ledger rows for {name}"
        out[name] = dict(r)
    return out


def test_every_entry_has_one_ledger_row_with_a_reason(warehouse, inbox, first_run):
    root, cases = inbox
    result = first_run
    ledger = _ledger(warehouse, root)
    assert set(ledger) == set(cases) | {f"good/a{i:02d}.txt" for i in range(GOOD)}
    assert result.summary.files_seen == len(ledger)
    for name, row in ledger.items():
        assert row["status"] in ("loaded", "duplicate", "rejected"), name
        assert row["status"] != "rejected" or row["reason"], name
    reasons = {name: ledger[name]["reason"] for name in cases if ledger[name]["status"] == "rejected"}
    assert reasons == {
        "bomb.txt.gz": "too large: decompresses to more than 20971520 bytes (the limit)",
        "proc.txt": "symlink outside the inbox",
        "proc-dir": "symlink outside the inbox",
        "passwd.txt": "symlink outside the inbox",
        "loop.txt": "symlink loop",
        "x.txt": "not a regular file: FIFO (named pipe)",
    }


def test_the_readable_cases_load_with_their_repairs_counted(warehouse, inbox, first_run):
    root, _ = inbox
    ledger = _ledger(warehouse, root)
    odd_name = ledger[PRINTABLE_NON_UTF8_NAME]
    assert odd_name["status"] == "loaded" and odd_name["path"].endswith("bad\\xff\\xfename.txt")
    nul = ledger["nul-after-8k.txt"]
    assert (nul["status"], nul["removed_chars"]) == ("loaded", 1)
    bad = ledger["bad-bytes.txt"]
    assert (bad["status"], bad["encoding"], bad["replaced_bytes"]) == ("loaded", "utf-8", 3)
    with warehouse.connect() as conn:
        bodies = conn.execute(sa.select(articles.c.body, articles.c.title)).all()
        secret = conn.execute(sa.select(sa.func.count()).select_from(articles)
                              .where(articles.c.body.contains("root:x:0:0"))).scalar_one()
    assert secret == 0 and len(bodies) == GOOD + 3
    assert not any("\x00" in body for body, _ in bodies)


def test_a_rerun_adds_no_rows(warehouse, inbox, first_run):
    root, _ = inbox
    before = table_counts(warehouse)
    again = run(str(root), engine=warehouse, trigger="test")
    assert again.summary.loaded == 0 and again.summary.rejected == 6
    after = table_counts(warehouse)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after.pop("run_files") == before.pop("run_files") + again.summary.files_seen  # the run's own record
    assert after == before
