"""Object storage: the same inbox from a folder and from S3 (moto's server on 127.0.0.1) gives the same rows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from etl.db.schema import articles, ingest_ledger
from etl.ingest import discover, objects, read_source
from etl.runner import run
from tests.sources_support import MotoServer, mixed_inbox, upload_folder
from tests.support import REPO

pytestmark = [pytest.mark.integration, pytest.mark.slow]
PREFIX = "s3://newsetl-inbox/2024/nightly"
NEWSETL = str(Path(sys.executable).parent / "newsetl")


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    server = MotoServer()
    fs = server.s3fs()
    folder = tmp_path_factory.mktemp("s3_inbox")
    mixed_inbox(folder)
    upload_folder(fs, folder, PREFIX)
    objects.register("s3", fs)
    yield server, folder
    objects._filesystems.pop("s3", None)
    server.stop()


def _rows(engine, root: str) -> tuple[set, set]:
    def rel(path: str) -> str:
        return path.replace(root, "ROOT", 1)

    with engine.connect() as conn:
        ledger = {
            (rel(r.path), r.sha256, r.status, r.reason, r.url)
            for r in conn.execute(sa.select(ingest_ledger))
        }
        arts = {
            (rel(r.source_path), r.content_sha256, r.title, r.body, r.url, r.published, r.format)
            for r in conn.execute(sa.select(articles))
        }
    return ledger, arts


def _wipe(engine) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE pipeline_runs, ingest_ledger, articles, entities, article_entities, "
                             "quotes, casualties RESTART IDENTITY CASCADE"))


def test_discovery_and_reading_from_s3_match_the_folder(s3):
    _server, folder = s3
    local = discover(folder)
    remote = discover(PREFIX)
    assert [x.replace(PREFIX, str(folder)) for x in remote] == local
    src = read_source(next(x for x in remote if x.endswith("plain.txt")))
    assert src.error is None and src.meta["etag"] and src.sha256 == read_source(str(folder / "plain.txt")).sha256


def test_the_same_rows_from_s3_as_from_the_folder(s3, warehouse):
    _server, folder = s3
    first = run(str(folder), engine=warehouse, trigger="test")
    from_folder = _rows(warehouse, str(folder))
    _wipe(warehouse)
    second = run(PREFIX, engine=warehouse, trigger="test")
    assert (second.summary.files_seen, second.summary.loaded, second.summary.rejected) == (
        first.summary.files_seen, first.summary.loaded, first.summary.rejected)
    assert first.summary.loaded == 3 + 2 + 5 + 1 + 3
    assert _rows(warehouse, PREFIX) == from_folder
    with warehouse.connect() as conn:
        etags = conn.execute(sa.select(ingest_ledger.c.path, ingest_ledger.c.etag)).all()
    assert len(etags) == first.summary.files_seen and all(etag for _path, etag in etags)


def test_newsetl_run_with_an_s3_url(s3, fresh_db_url, warehouse):
    server, _folder = s3
    _wipe(warehouse)
    env = {**os.environ, **server.env, "NEWSETL_DATABASE_URL": fresh_db_url}
    out = subprocess.run([NEWSETL, "run", PREFIX, "--no-progress"], check=False, capture_output=True, text=True, cwd=REPO,
                         env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "partial" in out.stdout and f"rejected {PREFIX}/feed.jsonl#line=4" in out.stdout
    with warehouse.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one() == 14
    missing = subprocess.run([NEWSETL, "run", "s3://newsetl-inbox/nothing-here"], check=False, capture_output=True,
                             text=True, cwd=REPO, env=env, timeout=600)
    assert missing.returncode != 0 and "inbox not found" in missing.stderr
