"""What the Airflow DAGs run, as plain functions (also callable from tests and the command line).

The DAG files in ``dags/`` only wire these together:

    check_schema ─┬─ open_run ─┐
                  └─ plan ─────┴─ run_batch (mapped, one per batch) ─ quality_checks ─ close_run

* the warehouse is the Airflow connection ``news_db`` when it is defined, else the default of
  :func:`etl.db.engine.database_url` (``NEWSETL_DATABASE_URL`` or the embedded PostgreSQL);
* only paths and small JSON summaries travel between tasks (XCom);
* :func:`plan_batches` caps the number of mapped tasks (:data:`MAX_BATCHES`) by making batches
  larger when an inbox is big.

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
DEFAULT_BATCH_SIZE = 50
FINAL_STATUSES = ("loaded", "duplicate", "rejected")

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
            "type": "integer",
            "minimum": 1,
            "maximum": 100000,
            "title": "Batch size",
            "description": f"Files per mapped task (and per spaCy batch). Raised automatically "
            f"so that a run has at most {MAX_BATCHES} batches.",
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
    key: str, trigger: str, triggered_by: str | None, params: Mapping[str, Any], url: str | None = None
) -> int | None:
    """Record the run in pipeline_runs (a retry reuses the row); None for a dry run (nothing written)."""
    from etl.load import start_run

    if params.get("dry_run"):
        log.info("dry run: the run is not recorded in pipeline_runs")
        return None
    run_id = start_run(
        _engine(url), key, trigger, triggered_by=triggered_by, source=str(params.get("inbox")), params=dict(params)
    )
    log.info("pipeline run %s recorded as id %s", key, run_id)
    return run_id


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
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_files: int | None = None,
    max_batches: int = MAX_BATCHES,
    storage_conn_id: str | None = None,
) -> dict[str, Any]:
    """Discover the inbox's sources and split their locators into at most ``max_batches`` batches.

    Locators are file paths, WARC records (``FILE#offset=N``), JSON lines (``FILE#line=N``) or
    object URLs: only these strings travel through XCom, never payloads.
    """
    from etl.ingest import discover

    if batch_size < 1:
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
    size = max(batch_size, math.ceil(len(paths) / max_batches)) if paths else batch_size
    if size != batch_size:
        log.info("%d files: batch size raised from %d to %d (at most %d batches)", len(paths), batch_size, size, max_batches)
    batches = [paths[i : i + size] for i in range(0, len(paths), size)]
    log.info("%d files under %s in %d batches of up to %d", len(paths), root, len(batches), size)
    return {"inbox": str(root), "files": len(paths), "batch_size": size, "batches": batches}


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
    batch_size: int = DEFAULT_BATCH_SIZE,
    url: str | None = None,
    storage_conn_id: str | None = None,
) -> dict[str, Any]:
    """One mapped task: :func:`etl.pipeline.process_batch`; returns the JSON summary."""
    from etl.pipeline import process_batch

    use_storage_connection(paths, storage_conn_id)
    engine = None if dry_run else _engine(url)
    spacy_batch = max(1, min(batch_size, 64))
    summary = process_batch(
        list(paths), run_id, engine=engine, reprocess=reprocess, dry_run=dry_run, batch_size=spacy_batch
    )
    log.info(
        "batch of %d: %d loaded, %d duplicates, %d rejected",
        summary.files_seen, summary.loaded, summary.duplicates, summary.rejected,
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


def _scalar(conn, sql: str, **params) -> int:
    import sqlalchemy as sa

    return int(conn.execute(sa.text(sql), params).scalar_one() or 0)


_ORPHANS = {
    "article_entities without article": "SELECT count(*) FROM article_entities c "
    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    "article_entities without entity": "SELECT count(*) FROM article_entities c "
    "WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.entity_id)",
    "quotes without article": "SELECT count(*) FROM quotes c "
    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    "quotes with a missing speaker entity": "SELECT count(*) FROM quotes c WHERE c.speaker_entity_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.speaker_entity_id)",
    "casualties without article": "SELECT count(*) FROM casualties c "
    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    "casualties with a missing location entity": "SELECT count(*) FROM casualties c WHERE c.location_entity_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.location_entity_id)",
    "ledger rows pointing to a missing article": "SELECT count(*) FROM ingest_ledger l WHERE l.article_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.article_id)",
}


def quality_checks(
    run_id: int | None,
    files_planned: int,
    summaries: Iterable[Mapping[str, Any] | None],
    *,
    url: str | None = None,
    raise_on_failure: bool = True,
) -> dict[str, dict[str, Any]]:
    """Data-quality checks of run ``run_id``; ``{check: {"ok": bool, "detail": str}}``.

    * every file of the run has one ledger row with a final status (rejected ones with a reason,
      loaded/duplicate ones with their article);
    * no article of the run without a title or a body;
    * no orphan child rows anywhere (entity mentions, quotes, casualties, ledger → article);
    * the batches' counts agree with the ledger and the articles table.
    Raises DataQualityError listing the failed checks (unless ``raise_on_failure`` is false).
    """
    if run_id is None:
        log.info("dry run: nothing was written, no data-quality checks")
        return {}
    import sqlalchemy as sa

    total = combine(summaries)
    results: dict[str, dict[str, Any]] = {}

    def check(name: str, ok: bool, detail: str) -> None:
        results[name] = {"ok": bool(ok), "detail": detail}
        (log.info if ok else log.error)("check %-40s %s  %s", name, "ok" if ok else "FAILED", detail)

    with _engine(url).connect() as conn:
        ledger = {
            status: n
            for status, n in conn.execute(
                sa.text("SELECT status, count(*) FROM ingest_ledger WHERE last_run_id = :r GROUP BY status"),
                {"r": run_id},
            )
        }
        ledger_rows = sum(ledger.values())
        not_final = sum(n for s, n in ledger.items() if s not in FINAL_STATUSES)
        incomplete = _scalar(
            conn,
            "SELECT count(*) FROM ingest_ledger WHERE last_run_id = :r AND ("
            "(status = 'rejected' AND coalesce(reason, '') = '') OR "
            "(status IN ('loaded', 'duplicate') AND article_id IS NULL))",
            r=run_id,
        )
        check(
            "every file has a final ledger status",
            ledger_rows == files_planned and not_final == 0 and incomplete == 0,
            f"{files_planned} files planned, {ledger_rows} ledger rows of this run "
            f"({', '.join(f'{s} {n}' for s, n in sorted(ledger.items())) or 'none'}), "
            f"{not_final} without a final status, {incomplete} without reason/article",
        )
        untitled = _scalar(
            conn,
            "SELECT count(*) FROM articles a WHERE (a.run_id = :r OR a.id IN "
            "(SELECT article_id FROM ingest_ledger WHERE last_run_id = :r AND article_id IS NOT NULL)) "
            "AND (a.title IS NULL OR btrim(a.title) = '' OR btrim(a.body) = '')",
            r=run_id,
        )
        check("no article without title or body", untitled == 0, f"{untitled} articles of this run lack one")
        orphans = {name: _scalar(conn, sql) for name, sql in _ORPHANS.items()}
        bad = {k: v for k, v in orphans.items() if v}
        check("no orphan rows", not bad, ", ".join(f"{k}: {v}" for k, v in bad.items()) or "none")
        run_articles = _scalar(conn, "SELECT count(*) FROM articles WHERE run_id = :r", r=run_id)
        in_ledger_ok = ledger.get("loaded", 0) + ledger.get("duplicate", 0)
        consistent = (
            total.files_seen == ledger_rows
            and total.rejected == ledger.get("rejected", 0)
            and total.loaded + total.duplicates == in_ledger_ok
            # a retried batch may count as duplicates what its first attempt loaded
            and total.loaded <= run_articles <= total.loaded + total.duplicates
        )
        check(
            "counts consistent with the ledger",
            consistent,
            f"batches: {total.files_seen} files, {total.loaded} loaded, {total.duplicates} duplicates, "
            f"{total.rejected} rejected; ledger: {ledger_rows} rows, {in_ledger_ok} loaded/duplicate, "
            f"{ledger.get('rejected', 0)} rejected; {run_articles} articles written by this run",
        )
    failed = [f"{name} ({r['detail']})" for name, r in results.items() if not r["ok"]]
    if failed and raise_on_failure:
        raise DataQualityError("data-quality checks failed: " + "; ".join(failed))
    return results


# ------------------------------------------------------------------------------------- closing


def close_run(
    run_id: int | None,
    batches: Sequence[Sequence[str]] | None,
    summaries: Iterable[Mapping[str, Any] | None] | None,
    checks: Mapping[str, Any] | None,
    *,
    dry_run: bool = False,
    url: str | None = None,
) -> dict[str, Any]:
    """Store the run's counts and status in pipeline_runs, log a summary; RunFailed if incomplete.

    ``batches`` is the plan (:func:`plan_batches`' ``batches``). Runs even when upstream tasks
    failed: a missing plan, missing batch summaries or missing
    check results mean the run failed, and that is recorded before raising.
    """
    from etl.load import finish_run

    summaries = [s for s in (summaries or []) if s]
    total = combine(summaries, dry_run=dry_run)
    errors = []
    if run_id is None and not dry_run:
        errors.append("the schema check or the run record failed: nothing was processed or recorded")
    elif batches is None:
        errors.append("discovering the inbox failed")
    else:
        n, files = len(batches), sum(len(b) for b in batches)
        if len(summaries) < n or total.files_seen < files:
            errors.append(f"{n - len(summaries)} of {n} batches failed")
        elif not dry_run and checks is None:
            errors.append("data-quality checks failed")
    error = "; ".join(errors) or None

    if dry_run:
        status = "failed" if error else "dry-run"
    elif run_id is None:
        status = "failed"
    else:
        status = finish_run(
            _engine(url), run_id, files_seen=total.files_seen, loaded=total.loaded,
            duplicates=total.duplicates, rejected=total.rejected, error=error,
        )
    result = {
        "run_id": run_id,
        "status": status,
        "files_seen": total.files_seen,
        "loaded": total.loaded,
        "duplicates": total.duplicates,
        "rejected": total.rejected,
        "rejected_files": [list(x) for x in total.rejected_files],
        "error": error,
        "dry_run": dry_run,
    }
    log.info(
        "newsetl run %s: %s — %d files, %d %s, %d duplicates, %d rejected%s",
        run_id if run_id is not None else "(not recorded)", status, total.files_seen, total.loaded,
        "extracted" if dry_run else "loaded", total.duplicates, total.rejected, f" — {error}" if error else "",
    )
    for path, reason in total.rejected_files[:100]:
        log.info("  rejected %s: %s", path, reason)
    if error:
        raise RunFailed(f"newsetl run {status}: {error}")
    return result


# ------------------------------------------------------------------------------ summary output


def run_summary(run_key_: str | None = None, url: str | None = None) -> str:
    """Text summary of a run (default: the latest) read back from the warehouse."""
    import sqlalchemy as sa

    from etl.db.schema import ingest_ledger, metadata, pipeline_runs

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
            f"{run['duplicates']} duplicates, {run['rejected']} rejected, {seconds:.1f} s"),
        ]
        if run["error"]:
            lines.append(f"  error: {run['error']}")
        rejected = conn.execute(
            sa.select(ingest_ledger.c.path, ingest_ledger.c.reason)
            .where(ingest_ledger.c.last_run_id == run["id"], ingest_ledger.c.status == "rejected")
            .order_by(ingest_ledger.c.path)
        ).all()
        lines += [f"  rejected {p}: {r}" for p, r in rejected]
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
