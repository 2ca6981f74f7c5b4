"""What one mapped ``process_batch`` task pays, measured in fresh processes: prints numbers.

    .venv/bin/python benchmarks/bench_batch_task.py [--files 8]

Airflow runs every mapped task in a process of its own, so each task pays the imports and the
spaCy model load before its first article. Each case below is a new Python process calling
``etl.orchestration.tasks.run_batch`` the way the task does, against a throw-away database on the
embedded PostgreSQL:

* ``new``: a batch of new articles (the model is needed);
* ``rerun``: the same batch again: every file is a duplicate, nothing to parse, so the model is
  not loaded at all (newsetl loads it only when a batch has something new to parse);
* ``rejects``: a batch of empty files: no model either.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TASK = """
import json, sys, time
t0 = time.perf_counter()
from etl import nlp
from etl.orchestration import tasks
t_import = time.perf_counter() - t0
paths, run_id, url = json.loads(sys.argv[1])
t1 = time.perf_counter()
summary = tasks.run_batch(paths, run_id, url=url)
t_batch = time.perf_counter() - t1
print(json.dumps({"import_s": t_import, "batch_s": t_batch, "model_loaded": nlp.get_nlp.cache_info().currsize > 0,
                  "loaded": summary["loaded"], "duplicates": summary["duplicates"],
                  "rejected": summary["rejected"]}))
"""


def _task(paths: list[str], run_id: int, url: str) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", TASK, json.dumps([paths, run_id, url])], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - t0
    return result


def _model_load_seconds() -> float:
    probe = "import time; t=time.perf_counter(); from etl import nlp; nlp.get_nlp(); print(time.perf_counter()-t)"
    return float(subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=8)
    args = ap.parse_args()

    from etl.db import migrate
    from etl.db.embedded import drop_database, ensure_database
    from etl.runs import start_run
    from etl.settings import get_settings

    seed = (REPO / "seeds" / "000_2b52cb3e110e3771.txt").read_text()
    name = "bench_batch_task"
    pgdata = get_settings().pgdata
    url = ensure_database(pgdata, name)
    try:
        migrate.upgrade("head", url=url)
        from etl.db.engine import get_engine

        engine = get_engine(url)
        with tempfile.TemporaryDirectory() as tmp:
            new = []
            for i in range(args.files):
                (Path(tmp) / f"a{i}.txt").write_text(seed + f"\n\nBench copy {i}.\n")
                new.append(str(Path(tmp) / f"a{i}.txt"))
            empty = []
            for i in range(args.files):
                (Path(tmp) / f"e{i}.txt").write_text("")
                empty.append(str(Path(tmp) / f"e{i}.txt"))
            print(f"spaCy import + model load in a fresh process: {_model_load_seconds():6.2f} s")
            for case, paths in (("new", new), ("rerun", new), ("rejects", empty)):
                run_id = start_run(engine, f"bench-{case}-{time.time()}", "bench")
                r = _task(paths, run_id, url)
                print(f"{case:8s} {len(paths)} files: process {r['process_s']:6.2f} s, imports {r['import_s']:5.2f} s, "
                      f"batch {r['batch_s']:6.2f} s, model loaded: {r['model_loaded']!s:5s} "
                      f"({r['loaded']} loaded, {r['duplicates']} duplicates, {r['rejected']} rejected)")
        engine.dispose()
    finally:
        drop_database(pgdata, name)


if __name__ == "__main__":
    main()
