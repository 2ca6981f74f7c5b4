"""A whole run over an inbox (``newsetl run``): discover, process in batches, check, record.

The batches run here (:func:`etl.pipeline.process_batch`) or on worker processes
(:class:`etl.workers.Pool`, which runs the same function); the run is one row in
``pipeline_runs`` (:mod:`etl.runs`) with its heartbeat, counts and status, and ends with the
same data-quality checks as the Airflow DAG (:mod:`etl.checks`). The layers import downwards
only: ``runner`` → ``workers`` → ``pipeline``.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from etl.checks import FlagSummary
from etl.db.engine import get_engine
from etl.db.errors import DatabaseLost, one_line
from etl.ingest import discover
from etl.logs import levels
from etl.pipeline import BatchSummary, batches, process_batch
from etl.runs import Heartbeat, close_dead_runs, finish_run, start_run
from etl.settings import get_settings
from etl.workers import Options, Pool, registered_filesystems

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    run_id: int | None
    run_key: str
    status: str
    summary: BatchSummary
    seconds: float
    flags: FlagSummary = field(default_factory=FlagSummary)  # quality flags of the loaded articles
    error: str | None = None
    closed_runs: list[tuple[int, str]] = field(default_factory=list)  # dead runs this run closed


def run(
    inbox: str,
    *,
    include: Sequence[str] = ("*",),
    exclude: Sequence[str] = (),
    reprocess: bool = False,
    dry_run: bool = False,
    batch_size: int | None = None,
    max_files: int | None = None,
    trigger: str = "cli",
    triggered_by: str | None = None,
    run_key: str | None = None,
    engine: Engine | None = None,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[str, str], None] | None = None,
    workers: int | None = None,
) -> RunResult:
    """A whole run over an inbox folder: discover, process in batches, check, record the run.

    ``workers`` (default ``NEWSETL_WORKERS``, else the number of cores): batches run in that
    many processes (:mod:`etl.workers`); 1 runs them in this process.

    Raises :class:`DatabaseLost` (with ``.summary`` and ``.run_id``) when the warehouse stops
    answering; the run stays ``running`` until the next run or ``newsetl runs`` closes it.
    """
    t0 = time.monotonic()
    batch_size = batch_size or get_settings().batch_size
    workers = workers or get_settings().workers
    paths = discover(inbox, include, exclude)
    if max_files is not None:
        paths = paths[:max_files]
    run_key = run_key or f"{trigger}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    params = {
        "inbox": str(inbox), "include": list(include), "exclude": list(exclude), "reprocess": reprocess,
        "dry_run": dry_run, "batch_size": batch_size, "max_files": max_files, "workers": workers,
    }
    if on_start:
        on_start(len(paths))
    summary = BatchSummary(dry_run=dry_run)
    if dry_run:
        _batches(None, None, paths, summary, reprocess=reprocess, dry_run=True, batch_size=batch_size,
                 on_file=on_file, workers=workers)
        return RunResult(None, run_key, "dry-run", summary, time.monotonic() - t0)

    engine = engine or get_engine()
    closed = close_dead_runs(engine, found_by=f"run {run_key}")
    run_id = start_run(engine, run_key, trigger, triggered_by=triggered_by, source=str(inbox), params=params,
                       holder=True)
    _process_all(engine, run_id, paths, summary, reprocess=reprocess, batch_size=batch_size, on_file=on_file,
                 workers=workers)
    from etl.checks import failures, flag_summary, integrity_checks

    with engine.connect() as conn:
        error = failures(integrity_checks(conn, run_id, len(paths), summary.to_dict()))
        flags = flag_summary(conn, run_id)
    status = finish_run(engine, run_id, error=error)
    return RunResult(run_id, run_key, status, summary, time.monotonic() - t0, flags, error, closed)


def _process_all(engine: Engine, run_id: int, paths: Sequence[str], summary: BatchSummary, **kw) -> None:
    """Every batch of the run; an interruption (signal, bug) is recorded as the run's failure."""
    try:
        with Heartbeat(engine, run_id):
            _batches(engine, run_id, paths, summary, **kw)
    except DatabaseLost as exc:
        summary.add(getattr(exc, "summary", BatchSummary()))
        exc.summary, exc.run_id = summary, run_id
        raise
    except BaseException as exc:
        try:
            finish_run(engine, run_id, error=interruption(exc))
        except Exception as inner:  # noqa: BLE001 -- keep the original exception
            log.warning("could not record the end of run %s: %s", run_id, one_line(inner))
        raise


def _batches(engine: Engine | None, run_id: int | None, paths: Sequence[str], summary: BatchSummary, *,
             workers: int, **kw) -> None:
    """Every batch, here or on ``workers`` worker processes (when there is more than one batch)."""
    if workers > 1 and len(paths) > kw["batch_size"]:
        url = None if kw.get("dry_run") else engine.url.render_as_string(hide_password=False)
        options = Options(url, run_id, kw.get("reprocess", False), kw.get("dry_run", False), kw["batch_size"],
                          registered_filesystems(), levels())
        Pool(options, workers, summary, kw.get("on_file"), engine).run(paths)
        return
    for chunk in batches(paths, kw["batch_size"]):
        summary.add(process_batch(chunk, run_id, engine=engine, **kw))


def interruption(exc: BaseException) -> str:
    """One line saying why a run stopped early."""
    import signal

    if isinstance(exc, SystemExit) and isinstance(exc.code, int) and exc.code > 128:
        try:
            name = signal.Signals(exc.code - 128).name
        except ValueError:
            name = f"signal {exc.code - 128}"
        return f"terminated by {name}"
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl-C)"
    return f"stopped by {one_line(exc)}"
