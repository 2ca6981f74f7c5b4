"""The bodies of the ingest DAG's run tasks: open the run, process a batch, check the data.

Each takes and returns only small JSON values (ids, locators, summaries), so that XCom carries
nothing large; a batch's summary is :class:`etl.pipeline.BatchSummary` as a dict. Closing the
run is :mod:`etl.orchestration.closing`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from etl.orchestration.connection import warehouse_engine
from etl.orchestration.parameters import UnknownConf, check_conf
from etl.orchestration.planning import DEFAULT_BATCH_SIZE, use_storage_connection

log = logging.getLogger(__name__)


class DataQualityError(RuntimeError):
    """At least one data-quality check failed; the message lists them."""


def run_key(dag_id: str, run_id: str) -> str:
    return f"airflow:{dag_id}/{run_id}"


def open_run(
    key: str,
    trigger: str,
    triggered_by: str | None,
    params: Mapping[str, Any],
    url: str | None = None,
    conf: Mapping[str, Any] | None = None,
) -> int | None:
    """Record the run in pipeline_runs (a retry reuses the row); None for a dry run (nothing written).

    Runs whose process died are closed as failed first. Unknown ``conf`` keys fail the run
    (recorded with the list of valid keys) with UnknownConf.
    """
    from etl.runs import close_dead_runs, finish_run, start_run

    if params.get("dry_run"):
        check_conf(conf)
        log.info("dry run: the run is not recorded in pipeline_runs")
        return None
    engine = warehouse_engine(url)
    for run_id, reason in close_dead_runs(engine, found_by=f"run {key}"):
        log.warning("closed dead run %s: %s", run_id, reason)
    run_id = start_run(engine, key, trigger, triggered_by=triggered_by, source=str(params.get("inbox")),
                       params=dict(params))
    try:
        check_conf(conf)
    except UnknownConf as exc:
        finish_run(engine, run_id, error=f"open_run: {exc}")
        raise
    log.info("pipeline run %s recorded as id %s", key, run_id)
    return run_id


def run_batch(
    paths: Sequence[str],
    run_id: int | None,
    *,
    reprocess: bool = False,
    dry_run: bool = False,
    batch_size: int | None = DEFAULT_BATCH_SIZE,
    url: str | None = None,
    storage_conn_id: str | None = None,
) -> dict[str, Any]:
    """One mapped task: :func:`etl.pipeline.process_batch` over its locators, ``NEWSETL_BATCH_SIZE``
    (at most ``batch_size``) at a time so memory stays flat, with the run's heartbeat; returns
    the JSON summary. Logs how long loading the spaCy model took in this task process."""
    from etl import nlp
    from etl.pipeline import BatchSummary, batches, process_batch
    from etl.runs import Heartbeat
    from etl.settings import get_settings

    use_storage_connection(paths, storage_conn_id)
    engine = None if dry_run else warehouse_engine(url)
    chunk = max(1, min(batch_size or get_settings().batch_size, get_settings().batch_size))
    had_model, t0 = nlp.get_nlp.cache_info().currsize > 0, time.monotonic()
    summary = BatchSummary(dry_run=dry_run)
    with Heartbeat(engine, None if dry_run else run_id):
        for part in batches(list(paths), chunk):
            summary.add(process_batch(part, run_id, engine=engine, reprocess=reprocess, dry_run=dry_run,
                                      batch_size=chunk))
    model = ("already loaded" if had_model else "not needed (nothing new to parse)"
             if nlp.get_nlp.cache_info().currsize == 0 else "loaded by this task")
    log.info(
        "batch of %d: %d loaded, %d duplicates, %d rejected in %.1f s; spaCy model %s",
        summary.files_seen, summary.loaded, summary.duplicates, summary.rejected, time.monotonic() - t0, model,
    )
    for path, reason in summary.rejected_files:
        log.warning("rejected %s: %s", path, reason)
    return summary.to_dict()


def pulled(values: Any) -> list:
    """A mapped task's XCom values as a list (by index: iterating probes past the end)."""
    if values is None:
        return []
    try:
        return [values[i] for i in range(len(values))]
    except (TypeError, IndexError, KeyError):
        return list(values)


def combine(summaries: Iterable[Mapping[str, Any] | None], dry_run: bool = False):
    """Sum of the batch summaries (missing ones, from failed batches, are skipped)."""
    from etl.pipeline import BatchSummary

    total = BatchSummary(dry_run=dry_run)
    for s in summaries or []:
        if s:
            total.add(BatchSummary.from_dict(s))
    return total


def quality_checks(
    run_id: int | None,
    files_planned: int,
    summaries: Iterable[Mapping[str, Any] | None],
    *,
    url: str | None = None,
    raise_on_failure: bool = True,
) -> dict[str, dict[str, Any]]:
    """Integrity checks of run ``run_id`` (:func:`etl.checks.integrity_checks`).

    Raises DataQualityError listing the failed checks (unless ``raise_on_failure`` is false).
    Articles with quality flags are logged; they make the run partial, never failed.
    """
    if run_id is None:
        log.info("dry run: nothing was written, no data-quality checks")
        return {}
    from etl.checks import failures, flag_summary, integrity_checks

    with warehouse_engine(url).connect() as conn:
        results = integrity_checks(conn, run_id, files_planned, combine(summaries).to_dict())
        flags = flag_summary(conn, run_id)
    for name, r in results.items():
        (log.info if r["ok"] else log.error)("check %-40s %s  %s", name, "ok" if r["ok"] else "FAILED", r["detail"])
    log.info("%d articles of this run have quality flags (they make the run partial)", flags.total)
    for line in flags.lines():
        log.info("%s", line)
    error = failures(results)
    if error and raise_on_failure:
        raise DataQualityError(error)
    return results
