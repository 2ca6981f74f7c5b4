"""Worker processes for ``newsetl run --workers N``: batches in N processes, one model each.

The parent (the run's holder: heartbeat, progress bar, summary) hands one batch of locators
at a time to each worker and collects what it reports. Each worker is a fresh Python process
(``spawn``: no inherited threads, sockets or pooled connections) that loads the spaCy model
once and runs :func:`etl.pipeline.process_batch` on every batch it gets, **loading its own
results** with its own connection: one transaction per article with its ledger and
``run_files`` rows, exactly as a single process does, so the database settles races between
workers as it settles them between Airflow tasks (a content hash loaded twice at once is one
article and one duplicate; story assignment takes advisory locks). Loading in the workers
rather than in one writer keeps the parent light and lets loading overlap parsing on every
core, and nothing but locators and small summaries crosses a pipe.

Batches shrink toward the end of the run (never above the batch size) so that the workers
finish together. A worker that dies (a crash in a C extension, the kernel's OOM killer, a
``kill``) loses no file: what it committed is read back from ``run_files`` and counted, every
other file of its batch is tried again alone in a new worker, and a file whose worker dies a
second time is recorded as ``rejected`` with the reason. A lost database in any worker stops
the run like in one process (:class:`etl.db.errors.DatabaseLost`).
"""

from __future__ import annotations

import logging
import math
import multiprocessing as mp
import signal
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

log = logging.getLogger(__name__)

POLL_SECONDS = 1.0  # how often the parent looks at its workers when none reports anything
STOP_SECONDS = 10.0  # how long a stopping worker gets before it is killed


@dataclass(frozen=True)
class Options:
    """What every worker needs to run a batch (picklable)."""

    url: str | None  # None: dry run, nothing written
    run_id: int | None
    reprocess: bool
    dry_run: bool
    batch_size: int
    filesystems: dict = field(default_factory=dict)  # object storage registered in the parent
    log_levels: tuple[int, int] | None = None  # the parent's (root, etl) logging levels


def registered_filesystems() -> dict:
    """The parent's object-storage file systems (an Airflow connection's, a test server's) that
    can travel to a worker; the others the worker builds itself from the AWS_* variables."""
    import pickle

    from etl.ingest import objects

    out = {}
    for protocol, fs in objects._filesystems.items():  # read only
        try:
            pickle.dumps(fs)
        except Exception:  # noqa: BLE001
            log.info("object storage %s:// stays in the parent (cannot be pickled)", protocol)
            continue
        out[protocol] = fs
    return out


# ---------------------------------------------------------------------------------- worker side


def _worker_main(conn: Connection, options: Options) -> None:
    """A worker's life: batches from the pipe until told to stop (None) or the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    from etl.logs import configure_worker

    configure_worker(options.log_levels)
    from etl.db.errors import DatabaseLost
    from etl.ingest import objects
    from etl.pipeline import process_batch

    for protocol, fs in options.filesystems.items():
        objects.register(protocol, fs)
    engine = None
    if options.url:
        from etl.db.engine import get_engine

        engine = get_engine(options.url)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if job is None:
            return
        batch_id, paths = job
        try:
            summary = process_batch(
                paths, options.run_id, engine=engine, reprocess=options.reprocess, dry_run=options.dry_run,
                batch_size=options.batch_size, on_file=lambda path, status, b=batch_id: conn.send(("file", b, path, status)),
            )
            conn.send(("done", batch_id, summary.to_dict()))
        except DatabaseLost as exc:
            conn.send(("lost", batch_id, exc.summary.to_dict(), str(exc)))
            return
        except BaseException as exc:  # noqa: BLE001 -- a bug: the parent fails the run with it
            conn.send(("error", batch_id, f"{type(exc).__name__}: {exc}", traceback.format_exc()))
            return


# ---------------------------------------------------------------------------------- parent side


@dataclass
class Batch:
    batch_id: int
    paths: list[str]
    retry: bool = False  # a file left over by a dead worker, tried again alone
    reported: list[tuple[str, str]] = field(default_factory=list)  # (path, status) as the worker told


@dataclass
class Worker:
    process: mp.process.BaseProcess
    conn: Connection
    batch: Batch | None = None


class WorkerError(RuntimeError):
    """A worker raised outside the per-file guards (a bug): the run fails with it."""


def death(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


class Pool:
    """Runs batches of locators on worker processes; see the module's docstring."""

    def __init__(self, options: Options, workers: int, summary, on_file: Callable[[str, str], None] | None,
                 engine=None):
        self.options, self.size, self.summary, self.on_file, self.engine = options, workers, summary, on_file, engine
        self.ctx = mp.get_context("spawn")
        self.workers: list[Worker] = []
        self.retries: deque[Batch] = deque()
        self.next_id = 0

    # -- life of the processes

    def _start(self) -> Worker:
        parent_end, child_end = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child_end, self.options), name="newsetl-worker",
                                daemon=True)
        proc.start()
        child_end.close()
        worker = Worker(proc, parent_end)
        self.workers.append(worker)
        return worker

    def close(self) -> None:
        """Stop every worker (politely, then by force); called on success and on any exit."""
        for w in self.workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in self.workers:
            w.process.join(STOP_SECONDS if w.batch is None else 0)
            if w.process.is_alive():
                w.process.terminate()
                w.process.join(STOP_SECONDS)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    # -- handing out work

    def _next_batch(self, pending: deque[str]) -> Batch | None:
        if self.retries:
            return self.retries.popleft()
        if not pending:
            return None
        # Guided sizes: large while there is plenty left, smaller at the end so workers finish together.
        size = max(1, min(self.options.batch_size, math.ceil(len(pending) / (2 * self.size))))
        self.next_id += 1
        return Batch(self.next_id, [pending.popleft() for _ in range(min(size, len(pending)))])

    def _give(self, worker: Worker, pending: deque[str]) -> None:
        batch = self._next_batch(pending)
        worker.batch = batch
        if batch is not None:
            try:
                worker.conn.send((batch.batch_id, batch.paths))
            except OSError:
                pass  # the worker is dead: its sentinel says so, and the batch is tried again

    def run(self, paths: Sequence[str]) -> None:
        """Process every locator; returns when all are settled (raises what a worker raised)."""
        from etl.pipeline import BatchSummary

        pending = deque(paths)
        try:
            for _ in range(self.size):
                self._give(self._start(), pending)
            while any(w.batch is not None for w in self.workers):
                self._step(pending, BatchSummary)
        finally:
            self.close()

    def _step(self, pending: deque[str], summary_cls) -> None:
        busy = [w for w in self.workers if w.batch is not None]
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=POLL_SECONDS)
        for w in busy:
            if w.conn in ready or w.process.sentinel in ready:
                self._drain(w, pending, summary_cls)

    def _drain(self, w: Worker, pending: deque[str], summary_cls) -> None:
        """Read what worker ``w`` reported; notice its death."""
        while w.batch is not None:
            try:
                if not w.conn.poll():
                    break
                message = w.conn.recv()
            except (EOFError, OSError):
                break
            self._handle(w, message, pending, summary_cls)
        if w.batch is not None and not w.process.is_alive():
            w.process.join()
            self._died(w, pending)

    def _handle(self, w: Worker, message: tuple, pending: deque[str], summary_cls) -> None:
        kind, batch_id = message[0], message[1]
        if kind == "file":
            w.batch.reported.append((message[2], message[3]))
            if self.on_file:
                self.on_file(message[2], message[3])
        elif kind == "done":
            self.summary.add(summary_cls.from_dict(message[2]))
            self._give(w, pending)
        elif kind == "lost":
            from etl.db.errors import DatabaseLost

            self.summary.add(summary_cls.from_dict(message[2]))
            self._count_in_flight(except_for=w)
            w.batch = None
            raise DatabaseLost(message[3])
        elif kind == "error":
            log.error("worker failed on batch %s:\n%s", batch_id, message[3])
            raise WorkerError(f"a worker failed: {message[2]}")

    def _count_in_flight(self, except_for: Worker) -> None:
        """Files other workers reported before the run stopped (their reasons are in the ledger)."""
        for w in self.workers:
            if w is not except_for and w.batch is not None:
                for path, status in w.batch.reported:
                    self.summary.count(status, path, "see the ledger")

    # -- a dead worker

    def _died(self, w: Worker, pending: deque[str]) -> None:
        batch, how = w.batch, death(w.process.exitcode)
        w.batch = None
        self.workers.remove(w)
        w.conn.close()
        settled = self._settled(batch)
        left = [p for p in batch.paths if p not in settled]
        log.warning("a worker %s during a batch of %d files: %d settled, %d to try again", how, len(batch.paths),
                    len(settled), len(left))
        if batch.retry:
            for path in left:
                self._reject(path, f"worker process {how} while processing this file (twice)")
        else:
            for path in left:
                self.next_id += 1
                self.retries.append(Batch(self.next_id, [path], retry=True))
        for idle in [x for x in self.workers if x.batch is None and x.process.is_alive()]:
            self._give(idle, pending)
        if pending or self.retries:
            self._give(self._start(), pending)

    def _settled(self, batch: Batch) -> set[str]:
        """Files of ``batch`` that have their final status in this run (counted here)."""
        if self.options.dry_run or self.engine is None:
            return set()  # nothing was written: try them all again
        from etl.load import run_outcomes, storable

        outcomes = run_outcomes(self.engine, self.options.run_id, [storable(p) for p in batch.paths])
        settled = set()
        for path in batch.paths:
            found = outcomes.get(storable(path))
            if found is not None:
                self.summary.count(found[0], storable(path), found[1])
                settled.add(path)
        return settled

    def _reject(self, path: str, reason: str) -> None:
        from etl.pipeline import read_sources

        if self.options.dry_run or self.engine is None:
            self.summary.count("rejected", path, reason)
        else:
            from etl.load import record_rejected

            src = read_sources([path])[0]
            record_rejected(self.engine, src, reason, self.options.run_id)
            self.summary.count("rejected", storable_path(path), reason)
        if self.on_file:
            self.on_file(path, "rejected")


def storable_path(path: str) -> str:
    from etl.load import storable

    return storable(path)
