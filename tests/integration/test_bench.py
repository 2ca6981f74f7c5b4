"""`make bench` in its quick mode (BENCH_N): the benchmark still runs end to end and prints
every number it promises (it asserts nothing about them; docs/performance.md has them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.support import REPO

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def test_the_benchmark_runs_in_quick_mode():
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSETL_")}
    env["BENCH_N"] = "26"
    out = subprocess.run(
        [sys.executable, "benchmarks/bench_pipeline.py", "--workers", "2", "--max-load", "1000", "--wait", "0",
         "--stage-files", "6", "--scaling", "13"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=900,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    text = out.stdout
    assert "corpus: 26 files" in text
    for kind in ("floor", "cli1", "cli2", "dag"):
        assert re.search(rf"^  {kind} +[\d.]+ s +[\d.]+ files/s", text, re.M), kind
    assert re.search(r"cli 1 / floor +\d\.\d{3}", text) and re.search(r"cli 2 / cli 1 +\d\.\d{3}", text)
    assert re.search(r"dag wall / cli 1 wall +\d\.\d{3} .*statuses (success|partial)\)", text)
    assert re.search(r"peak RSS per worker, cliN +\d+ MiB", text)
    for stage in ("read", "clean", "spaCy", "entities", "casualties", "enrich", "load"):
        assert re.search(rf"^  {re.escape(stage)} .* ms/file", text, re.M), stage
    assert re.search(r"^ +13 files .* ms/file .* MiB", text, re.M) and re.search(r"^ +26 files", text, re.M)
