"""What the Airflow DAGs run, as plain functions (also callable from tests and the command line).

The DAG files in ``dags/`` only wire these together:

    check_schema ─ open_run ─ plan ─ run_batch (mapped, one per batch) ─ quality_checks ─ close_run

* the warehouse is the Airflow connection ``news_db`` when it is defined, else the default of
  :func:`etl.db.engine.database_url` (``NEWSETL_DATABASE_URL`` or the embedded PostgreSQL);
* only paths and small JSON summaries travel between tasks (XCom);
* :func:`plan_batches` caps the number of mapped tasks (:data:`MAX_BATCHES`) by making batches
  larger when an inbox is big;
* a task that fails adds its reason to ``pipeline_runs.error`` (:func:`record_failure`), so the
  run record says why it failed; the status comes from :mod:`etl.runs` and the checks from
  :mod:`etl.checks`, as for a CLI run.

``python -m etl.orchestration dag-test --inbox seeds/`` runs the ingest DAG once with
``dag.test()`` against a local Airflow metadata DB (``AIRFLOW_HOME``, default ``.airflow/``) and
prints the run's summary read back from the warehouse (this is ``make run``).

Heavy imports (spaCy, Airflow) happen inside the functions so DAG files parse quickly.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from etl.settings import REPO_ROOT

log = logging.getLogger(__name__)

CONN_ID = "news_db"
INGEST_DAG_ID = "newsetl_ingest"
MIGRATE_DAG_ID = "newsetl_migrate"
DEFAULT_SCHEDULE = "0 2 * * *"  # nightly, 02:00 UTC
MAX_BATCHES = 200  # mapped tasks per run, far below Airflow's max_map_length (1024)
DEFAULT_BATCH_SIZE = None  # None: auto_batch_size() (about one mapped task per parallel slot)
# Auto sizing: a mapped task loads the spaCy model (imports and model, about 3 s) when its
# process has not already, so it gets enough files that the load is a small share of it
# (200 files: about 20 s of pages or texts on one core), and no more than a retry should redo.
AUTO_MIN_FILES = 200
AUTO_MAX_FILES = 1000

# libpq keywords that may come from a connection's extra (anything else there is Airflow's).
_LIBPQ_KEYS = {
    "host", "hostaddr", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "sslpassword",
    "connect_timeout", "application_name", "options", "target_session_attrs", "keepalives",
    "keepalives_idle", "keepalives_interval", "keepalives_count", "gssencmode", "passfile",
    "channel_binding", "client_encoding", "service",
}


class InboxError(ValueError):
    """The inbox parameter cannot be used (missing folder, unsupported URL)."""


class DataQualityError(RuntimeError):
    """At least one data-quality check failed; the message lists them."""


class RunFailed(RuntimeError):
    """The run did not complete (a batch or a check failed); recorded in pipeline_runs."""


class UnknownConf(ValueError):
    """The run's conf holds keys that are not params of the DAG (e.g. a misspelled one)."""


# --------------------------------------------------------------------------------- parameters


def default_inbox() -> str:
    return os.environ.get("NEWSETL_INBOX") or str(REPO_ROOT / "inbox")


def param_specs() -> dict[str, dict[str, Any]]:
    """The DAG's run parameters as JSON schema (``airflow.sdk.Param(**spec)``), with defaults."""
    return {
        "inbox": {
            "default": default_inbox(),
            "type": "string",
            "minLength": 1,
            "title": "Inbox",
            "description": "Folder (searched recursively), single file or object-storage prefix "
            "(s3://bucket/prefix) to ingest, as seen by the workers; file:// URLs are accepted. "
            "Default: NEWSETL_INBOX.",
        },
        "storage_conn_id": {
            "default": "aws_default",
            "type": "string",
            "title": "Object storage connection",
            "description": "Airflow connection for an s3:// (or other object storage) inbox, read "
            "through ObjectStoragePath; when it is not defined, the standard AWS_* environment "
            "variables of the workers are used.",
        },
        "include": {
            "default": "*",
            "type": "string",
            "minLength": 1,
            "title": "Include glob",
            "description": "Glob matched against the path relative to the inbox and the file name, "
            "e.g. *.html or 2024-*/*.txt. Only .html/.htm/.txt (and .gz) files are taken.",
        },
        "reprocess": {
            "default": False,
            "type": "boolean",
            "title": "Reprocess",
            "description": "Extract and load again files whose content is already loaded "
            "(articles updated, child rows replaced).",
        },
        "batch_size": {
            "default": DEFAULT_BATCH_SIZE,
            "type": ["null", "integer"],
            "minimum": 1,
            "maximum": 100000,
            "title": "Batch size",
            "description": f"Files per mapped task. Empty (the default): the files split over "
            f"about one task per parallel slot (NEWSETL_MAX_PARALLEL_BATCHES), {AUTO_MIN_FILES} to "
            f"{AUTO_MAX_FILES} files each, so that loading the spaCy model is a small share of a "
            f"task. Raised automatically so that a run has at most {MAX_BATCHES} batches. A task "
            f"parses NEWSETL_BATCH_SIZE files at a time.",
        },
        "max_files": {
            "default": None,
            "type": ["null", "integer"],
            "minimum": 1,
            "title": "Max files",
            "description": "Take at most this many files (in path order); empty: all.",
        },
        "dry_run": {
            "default": False,
            "type": "boolean",
            "title": "Dry run",
            "description": "Extract everything but write nothing to the warehouse.",
        },
    }


def validate_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults filled in and values checked against :func:`param_specs` (for non-Airflow callers)."""
    import jsonschema

    out = {}
    for name, spec in param_specs().items():
        schema = {k: v for k, v in spec.items() if k not in ("default", "title", "description")}
        value = params.get(name, spec["default"])
        jsonschema.validate(value, schema)
        out[name] = value
    return out


def check_conf(conf: Mapping[str, Any] | None) -> None:
    """Raise UnknownConf naming the unknown keys and listing the valid ones."""
    valid = sorted(param_specs())
    unknown = sorted(k for k in (conf or {}) if k not in valid)
    if unknown:
        raise UnknownConf(
            f"unknown conf key(s) {', '.join(map(repr, unknown))}: valid keys are {', '.join(valid)}"
        )


def max_parallel_batches() -> int:
    """Mapped batches of one run running at once (``NEWSETL_MAX_PARALLEL_BATCHES``, default 4)."""
    from etl.settings import _int

    return _int("NEWSETL_MAX_PARALLEL_BATCHES", 4)


def schedule() -> str | None:
    """Cron expression of the nightly run (``NEWSETL_SCHEDULE``; ``none`` disables it)."""
    raw = os.environ.get("NEWSETL_SCHEDULE", DEFAULT_SCHEDULE).strip()
    return None if raw.lower() in ("", "none", "off", "manual") else raw


# ---------------------------------------------------------------------------------- warehouse


def connection_url(conn: Any) -> str:
    """SQLAlchemy URL (psycopg2) of an Airflow connection of type postgres.

    A unix-socket server (like the embedded one) is a connection without host whose extra
    has ``{"host": "/path/to/socket/dir"}``; other libpq keywords in the extra (``sslmode``, …)
    and a ``sqlalchemy_query`` dict are passed on as query parameters.
    """
    from sqlalchemy.engine import URL

    extra = dict(conn.extra_dejson or {})
    query = {k: str(v) for k, v in extra.items() if k in _LIBPQ_KEYS}
    query.update({k: str(v) for k, v in (extra.get("sqlalchemy_query") or {}).items()})
    return URL.create(
        "postgresql+psycopg2",
        username=conn.login or None,
        password=conn.password or None,
        host=conn.host or None,
        port=int(conn.port) if conn.port else None,
        database=conn.schema or None,
        query=query,
    ).render_as_string(hide_password=False)


def warehouse_url(conn_id: str = CONN_ID) -> str:
    """The Airflow connection ``conn_id`` when defined, else newsetl's default warehouse."""
    from airflow.sdk import BaseHook
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        conn = BaseHook.get_connection(conn_id)
    except AirflowNotFoundException:
        from etl.db.engine import database_url

        log.info("connection %r not defined: using newsetl's default warehouse", conn_id)
        return database_url()
    return connection_url(conn)


def _engine(url: str | None):
    from etl.db.engine import get_engine

    return get_engine(url)


def check_schema(url: str | None = None) -> str:
    """Revision of the warehouse; raises SchemaNotAtHead (clear message) unless it is at head."""
    from etl.db import migrate

    revision = migrate.assert_at_head(url)
    log.info("warehouse schema at head (%s)", revision)
    return revision


def migrate_to_head(url: str | None = None) -> str:
    """The explicit migration step (``newsetl_migrate`` DAG): upgrade to head, return revision."""
    from etl.db import migrate

    migrate.upgrade("head", url=url)
    revision = migrate.current_revision(url)
    log.info("warehouse migrated to %s", revision)
    return revision


# ---------------------------------------------------------------------------------------- runs


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
    engine = _engine(url)
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


def record_failure(key: str, step: str, exc: BaseException, url: str | None = None) -> None:
    """Add ``step: reason`` to the run's error (best effort: the database may be the problem)."""
    from etl.db.errors import one_line
    from etl.runs import note_failure

    try:
        note_failure(_engine(url), key, f"{step}: {one_line(exc)}")
    except Exception as inner:  # noqa: BLE001 -- never hide the task's own failure
        log.warning("could not record the failure of %s on run %s: %s", step, key, inner)


def resolve_inbox(inbox: str) -> Path | str:
    """Local path (or object-storage URL) of the inbox parameter; InboxError when unusable."""
    from etl.ingest.objects import OBJECT_PROTOCOLS

    inbox = inbox.strip()
    if "://" in inbox:
        scheme, _, rest = inbox.partition("://")
        if scheme.lower() in OBJECT_PROTOCOLS:
            return inbox
        if scheme.lower() != "file":
            raise InboxError(
                f"inbox {inbox!r}: {scheme}:// URLs are not supported; give a folder path the "
                f"workers can read or an object-storage URL ({', '.join(OBJECT_PROTOCOLS)})"
            )
        inbox = rest
    path = Path(inbox).expanduser()
    if not path.exists():
        raise InboxError(f"inbox not found: {path} (the path must exist where the tasks run)")
    return path


def plan_batches(
    inbox: str,
    include: str | Sequence[str] = "*",
    *,
    batch_size: int | None = DEFAULT_BATCH_SIZE,
    max_files: int | None = None,
    max_batches: int = MAX_BATCHES,
    storage_conn_id: str | None = None,
) -> dict[str, Any]:
    """Discover the inbox's sources and split their locators into at most ``max_batches`` batches
    of ``batch_size`` (None: :func:`auto_batch_size`).

    Locators are file paths, WARC records (``FILE#offset=N``), JSON lines (``FILE#line=N``) or
    object URLs: only these strings travel through XCom, never payloads.
    """
    from etl.ingest import discover

    if batch_size is not None and batch_size < 1:
        raise ValueError("batch_size must be ≥ 1")
    root = resolve_inbox(inbox)
    use_storage_connection([str(root)], storage_conn_id)
    patterns = [include] if isinstance(include, str) else list(include)
    try:
        paths = discover(root, patterns)
    except FileNotFoundError as exc:
        raise InboxError(f"{exc} (the path must exist where the tasks run)") from exc
    if max_files is not None:
        paths = paths[:max_files]
    batch_size = batch_size or auto_batch_size(len(paths))
    size = max(batch_size, math.ceil(len(paths) / max_batches)) if paths else batch_size
    if size != batch_size:
        log.info("%d files: batch size raised from %d to %d (at most %d batches)", len(paths), batch_size, size, max_batches)
    batches = [paths[i : i + size] for i in range(0, len(paths), size)]
    log.info("%d files under %s in %d batches of up to %d", len(paths), root, len(batches), size)
    return {"inbox": str(root), "files": len(paths), "batch_size": size, "batches": batches}


def auto_batch_size(files: int, slots: int | None = None) -> int:
    """Files per mapped task when the run does not say: ``files`` split over the ``slots``
    (default :func:`max_parallel_batches`) tasks that run at once, within
    [:data:`AUTO_MIN_FILES`, :data:`AUTO_MAX_FILES`]."""
    slots = slots or max_parallel_batches()
    return min(AUTO_MAX_FILES, max(AUTO_MIN_FILES, math.ceil(files / max(1, slots))))


def use_storage_connection(locators: Sequence[str], conn_id: str | None) -> None:
    """Read the object-storage locators among ``locators`` through the Airflow connection ``conn_id``."""
    from etl.ingest import objects

    if not conn_id:
        return
    first_of: dict[str, str] = {}  # protocol → one object URL of it
    for loc in locators:
        if objects.is_remote(loc):
            first_of.setdefault(objects.split(loc)[0], loc)
    for url in first_of.values():
        objects.attach_connection(url, conn_id)


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
    engine = None if dry_run else _engine(url)
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


# ------------------------------------------------------------------------------ quality checks


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

    with _engine(url).connect() as conn:
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


# ------------------------------------------------------------------------------------- closing


def _run_id_of(key: str | None, url: str | None) -> int | None:
    """The run's id from its key (when open_run failed after recording it)."""
    if key is None:
        return None
    import sqlalchemy as sa

    from etl.db.schema import pipeline_runs

    try:
        with _engine(url).connect() as conn:
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

    ``batches`` is the plan (:func:`plan_batches`' ``batches``). Runs even when upstream tasks
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

        status = finish_run(_engine(url), run_id, error=error)
        with _engine(url).connect() as conn:
            counts, flagged = run_counts(conn, run_id), flagged_articles(conn, run_id)
            error = _recorded_error(conn, run_id) if error else None
    result = {
        "run_id": run_id, "status": status, **counts,
        "rejected_files": [list(x) for x in total.rejected_files], "flagged_articles": [list(x) for x in flagged],
        "error": error, "dry_run": dry_run,
    }
    log.info(
        "newsetl run %s: %s — %d files, %d %s, %d duplicates, %d rejected, %d flagged%s",
        run_id if run_id is not None else "(not recorded)", status, counts["files_seen"], counts["loaded"],
        "extracted" if dry_run else "loaded", counts["duplicates"], counts["rejected"], counts["flagged"],
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


# ------------------------------------------------------------------------------ summary output


def run_summary(run_key_: str | None = None, url: str | None = None) -> str:
    """Text summary of a run (default: the latest) read back from the warehouse."""
    import sqlalchemy as sa

    from etl.checks import capped_lines, flagged_articles
    from etl.db.schema import ingest_ledger, metadata, pipeline_runs, run_files

    engine = _engine(url)
    with engine.connect() as conn:
        q = sa.select(pipeline_runs)
        q = q.where(pipeline_runs.c.run_key == run_key_) if run_key_ else q.order_by(pipeline_runs.c.id.desc())
        run = conn.execute(q.limit(1)).mappings().first()
        if run is None:
            return "no run recorded" + (f" under {run_key_}" if run_key_ else "")
        seconds = (run["ended_at"] - run["started_at"]).total_seconds() if run["ended_at"] else float("nan")
        lines = [
            f"run {run['id']}  {run['run_key']}",
            f"  trigger {run['trigger']} by {run['triggered_by'] or '-'}, source {run['source']}",
            (f"  status {run['status']}: {run['files_seen']} files seen, {run['loaded']} loaded, "
             f"{run['duplicates']} duplicates, {run['rejected']} rejected, {run['flagged']} flagged, "
             f"{seconds:.1f} s"),
        ]
        if run["error"]:
            lines.append(f"  error: {run['error']}")
        rejected = conn.execute(
            sa.select(ingest_ledger.c.path, run_files.c.reason)
            .select_from(run_files.join(ingest_ledger, ingest_ledger.c.id == run_files.c.ledger_id))
            .where(run_files.c.run_id == run["id"], run_files.c.status == "rejected")
            .order_by(ingest_ledger.c.path)
        ).all()
        lines += capped_lines("rejected", rejected, len(rejected), "the table run_files")
        lines += capped_lines("flagged", flagged_articles(conn, run["id"]), run["flagged"] or 0, "the view v_article_quality")
        counts = {
            name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for name, t in metadata.tables.items()
        }
        lines.append("  warehouse rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return "\n".join(lines)


# --------------------------------------------------------------------------- dag.test() runner


def airflow_env(home: str | os.PathLike | None = None) -> dict[str, str]:
    """Environment for a local Airflow: AIRFLOW_HOME, this repo's dags/, no examples."""
    home = Path(home or os.environ.get("AIRFLOW_HOME") or REPO_ROOT / ".airflow").resolve()
    return {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO_ROOT / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    }


def migrate_metadata_db(force: bool = False) -> None:
    """``airflow db migrate`` for AIRFLOW_HOME (SQLite by default), once per Airflow version."""
    import subprocess
    from importlib.metadata import version

    home = Path(os.environ.get("AIRFLOW_HOME") or REPO_ROOT / ".airflow")
    marker = home / f".newsetl-metadata-migrated-{version('apache-airflow')}"
    if marker.exists() and not force:
        return
    t0 = time.monotonic()
    print(f"airflow db migrate (metadata DB in {home}) ...", flush=True)
    subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True, stdout=subprocess.DEVNULL)
    home.mkdir(parents=True, exist_ok=True)
    marker.touch()
    print(f"airflow metadata DB migrated in {time.monotonic() - t0:.1f} s", flush=True)


def load_dag(dag_id: str = INGEST_DAG_ID):
    """The DAG object from this repo's dags/ folder."""
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO_ROOT / "dags"), safe_mode=False)
    if bag.import_errors:
        raise RuntimeError(f"DAG import errors: {bag.import_errors}")
    return bag.get_dag(dag_id)


def dag_test(conf: Mapping[str, Any] | None = None, dag_id: str = INGEST_DAG_ID):
    """Run the DAG once in this process with ``dag.test()``; returns the DagRun."""
    return load_dag(dag_id).test(run_conf=dict(conf or {}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.orchestration", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("dag-test", help="run the ingest DAG once with dag.test() and print the summary")
    t.add_argument("--inbox", required=True)
    t.add_argument("--conf", default="{}", help="more DAG params as JSON, e.g. '{\"reprocess\": true}'")
    t.add_argument("--migrate-metadata", action=argparse.BooleanOptionalAction, default=True,
                   help="run `airflow db migrate` first (default: yes)")
    s = sub.add_parser("summary", help="print the summary of a run from the warehouse")
    s.add_argument("--run-key", default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    if args.cmd == "summary":
        print(run_summary(args.run_key))
        return 0

    for k, v in airflow_env().items():
        os.environ.setdefault(k, v)
    if args.migrate_metadata:
        migrate_metadata_db()
    import warnings

    warnings.filterwarnings("ignore", message=r".*httpx.*starlette\.testclient")
    inbox = args.inbox if "://" in args.inbox else str(Path(args.inbox).resolve())
    conf = {**json.loads(args.conf), "inbox": inbox}
    t0 = time.monotonic()
    dr = dag_test(conf)
    state = str(getattr(dr.state, "value", dr.state))
    print(f"DAG {dr.dag_id} run {dr.run_id}: {state} in {time.monotonic() - t0:.1f} s")
    if conf.get("dry_run"):
        print("dry run: nothing written to the warehouse")
    else:
        try:
            print(run_summary(run_key(dr.dag_id, dr.run_id), url=_warehouse_url_outside_airflow()))
        except Exception as exc:  # noqa: BLE001 -- e.g. not migrated: the DAG run logged why
            print(f"no summary in the warehouse: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    return 0 if state == "success" else 1


def _warehouse_url_outside_airflow() -> str | None:
    """``news_db`` from AIRFLOW_CONN_NEWS_DB when set (what the tasks used), else the default."""
    raw = os.environ.get(f"AIRFLOW_CONN_{CONN_ID.upper()}")
    if not raw:
        return None
    return warehouse_url()


if __name__ == "__main__":
    sys.exit(main())
