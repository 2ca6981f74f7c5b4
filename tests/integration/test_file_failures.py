"""One file's failure is that file's failure: rejected with a one-line reason, the batch goes on.

Every case is real: a NUL byte deep in a text file, a row the database refuses (a trigger of
this test database raises for one title), an article over the word limit, a file name that is
not UTF-8, a locator too long for the ledger's index.
"""

from __future__ import annotations

import random
import string

import pytest
import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger, run_files
from etl.runner import run
from etl.settings import get_settings

REFUSED_TITLE = "Harbour board refuses to publish its accounts"
ARTICLE = """{title}

PORT KELL — The harbour board of Port Kell said on Monday that it would not publish its
accounts for the second year in a row, angering the town council.

"We asked three times and got nothing," said councillor Ines Marr, who chairs the finance
committee.

The board said the figures were still being audited and would be released in the spring.
"""

TRIGGER = """
CREATE FUNCTION refuse_one_title() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.title = '{title}' THEN
        RAISE EXCEPTION 'refused by the test trigger';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER refuse_one_title BEFORE INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION refuse_one_title();
"""


@pytest.fixture(scope="module")
def refusing_warehouse(warehouse):
    with warehouse.begin() as conn:
        conn.exec_driver_sql(TRIGGER.format(title=REFUSED_TITLE))
    return warehouse


@pytest.fixture
def word_limit(monkeypatch):
    monkeypatch.setenv("NEWSETL_MAX_ARTICLE_WORDS", "2000")
    get_settings.cache_clear()
    yield 2000
    monkeypatch.delenv("NEWSETL_MAX_ARTICLE_WORDS")
    get_settings.cache_clear()


def _long_dir(root, length: int = 2900):
    rng = random.Random(7)  # random names: pglz cannot compress them below the index limit
    path = root
    while len(str(path).encode()) < length:
        path = path / "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(200))
    path.mkdir(parents=True)
    return path


def _inbox(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    deep = ARTICLE.format(title="Harbour board meets behind closed doors") + "".join(
        f"\nAt meeting {i} the board heard from {i + 2} captains about mooring fees, dredging and the\n"
        f"state of the north quay, and adjourned after {i + 40} minutes without a vote.\n" for i in range(60))
    assert len(deep) > 9000, "the NUL byte must sit after the first 8 KiB"
    (inbox / "nul_deep.txt").write_text(deep[:9000] + "\x00" + deep[9000:])
    (inbox / "refused.txt").write_text(ARTICLE.format(title=REFUSED_TITLE))
    (inbox / "refused-copy.txt").write_text(ARTICLE.format(title=REFUSED_TITLE))
    (inbox / "fine.txt").write_text(ARTICLE.format(title="Harbour board delays its accounts again"))
    (inbox / "long.txt").write_text(ARTICLE.format(title="A very long one") + "More words here. " * 800)
    with open(inbox.as_posix().encode() + b"/caf\xe9 \xff name.txt", "w") as f:
        f.write(ARTICLE.format(title="Harbour board names a new chair"))
    (_long_dir(inbox) / "deep.txt").write_text(ARTICLE.format(title="Deep in the folders"))
    return inbox


def test_each_failure_stays_with_its_file(refusing_warehouse, tmp_path, word_limit):
    inbox = _inbox(tmp_path)
    result = run(str(inbox), engine=refusing_warehouse, trigger="test", batch_size=16)
    s = result.summary
    reasons = {path.rsplit("/", 1)[-1][:40]: reason for path, reason in s.rejected_files}
    print(result.status, s, reasons)
    assert (s.files_seen, s.loaded, s.rejected) == (7, 3, 4)
    assert result.status == "partial" and result.error is None  # the checks pass
    # refused-copy.txt comes first in path order: it meets the trigger, its copy follows it
    assert reasons["refused-copy.txt"] == "load failed: RaiseException: refused by the test trigger"
    assert reasons["refused.txt"].startswith("same content as ") and reasons["refused.txt"].endswith(
        "refused-copy.txt, which was rejected")
    assert reasons["long.txt"].startswith("too long: ") and "(limit 2000, NEWSETL_MAX_ARTICLE_WORDS)" in reasons[
        "long.txt"]
    assert reasons["deep.txt"].startswith("load failed: ProgramLimitExceeded: index row size")

    with refusing_warehouse.connect() as conn:
        loaded = {path.rsplit("/", 1)[-1]: (flags, body) for path, flags, body in conn.execute(
            sa.select(articles.c.source_path, articles.c.quality_flags, articles.c.body))}
        ledger = conn.execute(sa.select(sa.func.count()).select_from(ingest_ledger)).scalar()
        per_run = conn.execute(sa.select(sa.func.count()).select_from(run_files)
                               .where(run_files.c.run_id == result.run_id)).scalar()
    assert ledger == per_run == 7, "every file has one ledger row, even the one with the long locator"
    nul_flags, nul_body = loaded["nul_deep.txt"]
    assert "removed_chars" in nul_flags and "\x00" not in nul_body
    assert "fine.txt" in loaded
    (odd_name,) = [name for name in loaded if name.endswith(" name.txt")]
    assert odd_name == "caf\\xe9 \\xff name.txt"  # stored in a printable form, not lost
