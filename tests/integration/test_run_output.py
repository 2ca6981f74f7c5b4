"""What `newsetl run` prints about a rejected file: the reason line always, its traceback only
with --debug (here or in a worker process)."""

from __future__ import annotations

import pytest

from tests.integration.test_cli import newsetl

REASON = "RecursionError: maximum recursion depth exceeded"


@pytest.fixture(scope="module")
def nested_inbox(tmp_path_factory):
    """Two JSON files nested deeper than Python's json module can read (RecursionError)."""
    inbox = tmp_path_factory.mktemp("nested")
    for name in ("deep.json", "deeper.json"):
        (inbox / name).write_text("[" * 100_000 + "]" * 100_000)
    return inbox


@pytest.mark.parametrize(("flags", "workers"), [((), "2"), (("-v",), "1"), (("--debug",), "2")])
def test_a_rejected_file_says_its_reason_and_only_debug_its_traceback(nested_inbox, flags, workers):
    out = newsetl(*flags, "run", str(nested_inbox), "--dry-run", "--no-progress", "--workers", workers,
                  "--batch-size", "1")  # two batches: with --workers 2, read in the worker processes
    assert out.returncode == 0, out.stderr
    for name in ("deep.json", "deeper.json"):
        assert f"rejected {nested_inbox / name}: unreadable: {REASON}" in out.stdout  # the summary
        logged = f"INFO etl.ingest.sources: reading {nested_inbox / name} failed: {REASON}"
        assert (logged in out.stderr) == bool(flags)  # -v, and --debug, log it as it happens
    if flags == ("--debug",):
        assert out.stderr.count("Traceback (most recent call last)") == 2
        assert "in read_document\n    return json.loads(data)" in out.stderr
    else:
        assert "Traceback" not in out.stdout + out.stderr
