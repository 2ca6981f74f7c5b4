"""Bad files never stop a run, and the ledger accounts for every file with its reason."""

from __future__ import annotations

import gzip
import shutil

import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger
from etl.runner import run
from tests.support import SEED, table_counts

LATIN1_ARTICLE = (
    "Café owners in São Brás protest new curfew\n\n"
    "LISBON (Lusa) - Owners of cafés in the town of São Brás de Alportel closed their doors on "
    "Friday in protest against a curfew that forces them to shut at 20:00, the mayor's office said.\n\n"
    '"We cannot survive on mornings alone," said café owner João Simões, 54.\n\n'
    "The curfew, in force since March, costs each café about 1,500 euros a month, the owners' "
    "association said. Police detained three protesters who blocked the main road.\n"
)


def _inbox(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.html").write_text("   \n\n  ")
    (inbox / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (inbox / "latin1.txt").write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    shutil.copy(SEED, inbox / "seed.txt")
    shutil.copy(SEED, inbox / "sub" / "copy-of-seed.txt")
    (inbox / "sub" / "seed-again.txt.gz").write_bytes(gzip.compress(SEED.read_bytes()))
    (inbox / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    (inbox / "notes.md").write_text("not an article format: skipped by discovery")
    return inbox


def test_bad_files_are_rejected_with_reasons_and_the_run_goes_on(warehouse, tmp_path):
    inbox = _inbox(tmp_path)
    result = run(str(inbox), engine=warehouse, trigger="test")
    s = result.summary
    assert s.files_seen == 8
    assert (s.loaded, s.duplicates, s.rejected) == (2, 2, 4)
    assert result.status == "partial"

    with warehouse.connect() as conn:
        rows = conn.execute(sa.select(ingest_ledger.c.path, ingest_ledger.c.status, ingest_ledger.c.reason,
                                      ingest_ledger.c.encoding)).all()
        titles = set(conn.execute(sa.select(articles.c.title)).scalars())
    by_name = {path.rsplit("/", 1)[-1]: (status, reason, enc) for path, status, reason, enc in rows}
    assert len(by_name) == 8, "every file has exactly one ledger row"
    assert by_name["empty.txt"][:2] == ("rejected", "empty file")
    assert by_name["blank.html"][:2] == ("rejected", "empty file")
    assert by_name["binary.txt"][0] == "rejected" and "binary" in by_name["binary.txt"][1]
    assert by_name["broken.txt.gz"][0] == "rejected" and "gzip" in by_name["broken.txt.gz"][1]
    assert by_name["latin1.txt"][0] == "loaded" and by_name["latin1.txt"][2] not in ("utf-8", None)
    statuses = sorted(by_name[n][0] for n in ("seed.txt", "copy-of-seed.txt", "seed-again.txt.gz"))
    assert statuses == ["duplicate", "duplicate", "loaded"]
    for name in ("copy-of-seed.txt", "seed-again.txt.gz", "seed.txt"):
        if by_name[name][0] == "duplicate":
            assert "already loaded as article" in by_name[name][1]
    assert "Café owners in São Brás protest new curfew" in titles


def test_rerun_of_the_bad_folder_adds_no_rows(warehouse, tmp_path):
    inbox = _inbox(tmp_path)
    run(str(inbox), engine=warehouse, trigger="test")
    before = table_counts(warehouse)
    again = run(str(inbox), engine=warehouse, trigger="test")
    assert again.summary.loaded == 0 and again.summary.rejected == 4
    after = table_counts(warehouse)
    assert after.pop("pipeline_runs") == before.pop("pipeline_runs") + 1
    assert after.pop("run_files") == before.pop("run_files") + 8
    assert after == before


def test_include_exclude_and_max_files(warehouse, tmp_path):
    inbox = _inbox(tmp_path)
    only_gz = run(str(inbox), engine=warehouse, trigger="test", include=["*.gz"], dry_run=True)
    assert only_gz.summary.files_seen == 2 and only_gz.run_id is None
    no_sub = run(str(inbox), engine=warehouse, trigger="test", exclude=["sub/*"], max_files=3, dry_run=True)
    assert no_sub.summary.files_seen == 3
