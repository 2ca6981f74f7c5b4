"""How a run ends: the reasons failed tasks record, and the ``close_run`` task.

A task that fails adds ``step: reason`` to ``pipeline_runs.error`` (:func:`record_failure`), so
the run record says why it failed. :func:`close_run` runs even when upstream tasks failed: it
works out from what they returned whether the run completed (:func:`_incomplete`), stores the
counts and the status (from :mod:`etl.runs`, as for a CLI run) and raises :class:`RunFailed`
when the run did not complete.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from etl.orchestration.connection import warehouse_engine
from etl.orchestration.tasks import combine

log = logging.getLogger(__name__)


class RunFailed(RuntimeError):
    """The run did not complete (a batch or a check failed); recorded in pipeline_runs."""


def record_failure(key: str, step: str, exc: BaseException, url: str | None = None) -> None:
    """Add ``step: reason`` to the run's error (best effort: the database may be the problem)."""
    from etl.db.errors import one_line
    from etl.runs import note_failure

    try:
        note_failure(warehouse_engine(url), key, f"{step}: {one_line(exc)}")
    except Exception as inner:  # noqa: BLE001 -- never hide the task's own failure
        log.warning("could not record the failure of %s on run %s: %s", step, key, inner)


def _run_id_of(key: str | None, url: str | None) -> int | None:
    """The run's id from its key (when open_run failed after recording it)."""
    if key is None:
        return None
    import sqlalchemy as sa

    from etl.db.schema import pipeline_runs

    try:
        with warehouse_engine(url).connect() as conn:
            return conn.execute(sa.select(pipeline_runs.c.id).where(pipeline_runs.c.run_key == key)).scalar()
    except Exception as exc:  # noqa: BLE001 -- e.g. an unmigrated warehouse: nothing was recorded
        log.info("no run record for %s: %s", key, exc)
        return None


def _incomplete(opened: bool, batches, summaries, checks, dry_run: bool) -> str | None:
    """Why the run did not complete, from what the upstream tasks returned."""
    if not opened and not dry_run:
        return "the schema check or the run record failed: nothing was processed"
    if batches is None:
        return "discovering the inbox failed"
    n, files = len(batches), sum(len(b) for b in batches)
    if len(summaries) < n or combine(summaries).files_seen < files:
        return f"{n - len(summaries)} of {n} batches failed"
    if not dry_run and checks is None:
        return "data-quality checks failed"
    return None


def close_run(
    run_id: int | None,
    batches: Sequence[Sequence[str]] | None,
    summaries: Iterable[Mapping[str, Any] | None] | None,
    checks: Mapping[str, Any] | None,
    *,
    dry_run: bool = False,
    url: str | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    """Store the run's counts and status in pipeline_runs, log a summary; RunFailed if incomplete.

    ``batches`` is the plan (:func:`etl.orchestration.planning.plan_batches`' ``batches``). Runs even when upstream tasks
    failed: a missing plan, missing batch summaries or missing check results mean the run
    failed; the reasons the failed tasks recorded (:func:`record_failure`) are kept.
    """
    from etl.runs import finish_run, run_counts

    summaries = [s for s in (summaries or []) if s]
    total = combine(summaries, dry_run=dry_run)
    opened = run_id is not None
    if not opened and not dry_run:
        run_id = _run_id_of(key, url)  # open_run may have recorded the run before failing
    error = _incomplete(opened, batches, summaries, checks, dry_run)
    counts = {k: getattr(total, k) for k in ("files_seen", "loaded", "duplicates", "rejected")} | {"flagged": 0}
    flagged: list[tuple[str, str]] = []
    if dry_run:
        status = "failed" if error else "dry-run"
    elif run_id is None:
        status = "failed"
    else:
        from etl.checks import flagged_articles

        status = finish_run(warehouse_engine(url), run_id, error=error)
        with warehouse_engine(url).connect() as conn:
            counts, flagged = run_counts(conn, run_id), flagged_articles(conn, run_id)
            error = _recorded_error(conn, run_id) if error else None
    result = {
        "run_id": run_id, "status": status, **counts,
        "rejected_files": [list(x) for x in total.rejected_files], "flagged_articles": [list(x) for x in flagged],
        "error": error, "dry_run": dry_run, "language_unsupported": total.language_unsupported,
    }
    log.info(
        "newsetl run %s: %s — %d files, %d %s, %d duplicates, %d rejected, %d flagged, %d unsupported language%s",
        run_id if run_id is not None else "(not recorded)", status, counts["files_seen"], counts["loaded"],
        "extracted" if dry_run else "loaded", counts["duplicates"], counts["rejected"], counts["flagged"],
        total.language_unsupported,
        f" — {error}" if error else "",
    )
    for path, reason in total.rejected_files[:100]:
        log.info("  rejected %s: %s", path, reason)
    for path, flags in flagged:
        log.info("  flagged %s: %s", path, flags)
    if error:
        raise RunFailed(f"newsetl run {status}: {error}")
    return result


def _recorded_error(conn, run_id: int) -> str | None:
    import sqlalchemy as sa

    from etl.db.schema import pipeline_runs

    return conn.execute(sa.select(pipeline_runs.c.error).where(pipeline_runs.c.id == run_id)).scalar()
