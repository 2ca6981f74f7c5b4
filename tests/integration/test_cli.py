"""The newsetl command line, run as a user runs it (subprocess, real database)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support import ARTICLES, REPO, SEED

NEWSETL = str(Path(sys.executable).parent / "newsetl")
CONTRACT_KEYS = {
    "source_path", "error", "title", "author", "published", "dateline", "agency", "site_name",
    "url", "language", "captions", "body", "entities", "quotes", "casualties",
}


def newsetl(*args: str, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [NEWSETL, *args], capture_output=True, text=True, cwd=REPO, env={**os.environ, **(env or {})}, timeout=600,
        input=input, check=False,
    )


def test_help_documents_every_command():
    out = newsetl("--help")
    assert out.returncode == 0
    for command in ("run", "extract", "db"):
        assert command in out.stdout
    for sub in (("run", "--help"), ("extract", "--help"), ("db", "--help")):
        res = newsetl(*sub)
        assert res.returncode == 0 and "Usage:" in res.stdout


def test_version_prints_package_extractor_and_schema():
    out = newsetl("--version")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [line.split(" ")[0] for line in lines] == ["newsetl", "extractor", "schema"]
    from etl.db.migrate import head_revision

    assert lines[2].split(" ")[1] == head_revision()


def test_extract_prints_the_contract_for_every_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = newsetl("extract", "--jsonl", str(SEED), *map(str, sorted(ARTICLES.iterdir())), str(empty))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 2 + len(list(ARTICLES.iterdir()))
    for record in lines:
        assert CONTRACT_KEYS <= set(record)
    seed = lines[0]
    assert seed["source_path"] == str(SEED) and seed["error"] is None
    assert (seed["dateline"], seed["agency"]) == ("SULAIMANI", "ESTA")
    assert seed["body"].startswith("The United States did not use information")
    assert "Previous Article" not in seed["body"]
    assert lines[-1]["error"] == "empty file" and lines[-1]["body"] == ""


def test_run_refuses_an_unmigrated_external_database_then_loads(fresh_db_url):
    env = {"NEWSETL_DATABASE_URL": fresh_db_url}
    refused = newsetl("run", "seeds/", env=env)
    assert refused.returncode != 0
    assert "newsetl db upgrade" in refused.stderr

    up = newsetl("db", "upgrade", env=env)
    assert up.returncode == 0, up.stderr
    done = newsetl("run", "seeds/", "--no-progress", env=env)
    assert done.returncode == 0, done.stderr
    # The seed has no publication date: loaded, flagged no_date, so the run is partial.
    assert "files seen" in done.stdout and "partial" in done.stdout
    summary_row = next(line for line in done.stdout.splitlines() if "partial" in line)
    assert [c.strip() for c in summary_row.strip("│ ").split("│")][:5] == ["1", "1", "0", "0", "1"]
    assert "flagged  seeds/000_2b52cb3e110e3771.txt: no_date" in done.stdout


def test_a_terminated_run_is_recorded_as_failed(fresh_db_url, tmp_path):
    import signal
    import time

    import sqlalchemy as sa

    env = {**os.environ, "NEWSETL_DATABASE_URL": fresh_db_url}
    assert newsetl("db", "upgrade", env={"NEWSETL_DATABASE_URL": fresh_db_url}).returncode == 0
    inbox = tmp_path / "many"
    inbox.mkdir()
    for i in range(300):
        (inbox / f"a{i:03d}.txt").write_text(SEED.read_text() + f"\n\nCopy {i}.\n")
    proc = subprocess.Popen([NEWSETL, "run", str(inbox), "--no-progress", "--batch-size", "4"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    engine = sa.create_engine(fresh_db_url)
    count_articles = sa.text("SELECT count(*) FROM articles")
    try:
        with engine.connect() as conn:
            articles_before = conn.execute(count_articles).scalar()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until this run has loaded something
            with engine.connect() as conn:
                if conn.execute(count_articles).scalar() > articles_before:
                    break
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=120)
        assert proc.returncode != 0
        with engine.connect() as conn:
            status, error = conn.execute(
                sa.text("SELECT status, error FROM pipeline_runs ORDER BY id DESC LIMIT 1")).one()
    finally:
        engine.dispose()
    assert status == "failed" and error == "terminated by SIGTERM"


def test_summary_counts_every_flag_and_lists_at_most_twenty_paths(fresh_db_url, tmp_path):
    env = {"NEWSETL_DATABASE_URL": fresh_db_url}
    assert newsetl("db", "upgrade", env=env).returncode == 0
    inbox = tmp_path / "undated"
    inbox.mkdir()
    for i in range(24):  # plain texts without a date line: every one loads, flagged no_date
        (inbox / f"note_{i:02d}.txt").write_text(
            f"Barn fire number {i} in Orrin Vale\n\nA fire destroyed {i + 2} barns in Orrin Vale, "
            f"the fire chief said on the radio. Nobody was hurt in blaze {i}.\n", encoding="utf-8")
    done = newsetl("run", str(inbox), "--no-progress", env=env)
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if "partial" in line)
    assert [c.strip() for c in row.strip("│ ").split("│")][:5] == ["24", "24", "0", "0", "24"]
    assert "flagged articles (loaded) per flag: no_date 24" in done.stdout
    listed = [line for line in done.stdout.splitlines() if line.startswith("  flagged  ")]
    assert len(listed) == 20 and listed[0].endswith("note_00.txt: no_date")
    assert "… 4 more flagged, see the view v_article_quality" in done.stdout
