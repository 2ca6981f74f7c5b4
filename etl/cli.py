"""``newsetl`` command line.

Errors a user can fix (a bad setting, an unreachable or unmigrated warehouse, a missing
privilege) print at most two lines, what is wrong and what to do, and exit non-zero; the
traceback only with ``newsetl --debug`` (or NEWSETL_DEBUG=1).
"""

from __future__ import annotations

import json
import os
import signal
import sys

import click

from etl.serialize import article_record, error_record

EXIT_FAILED = 1  # the run failed, or a configuration error
EXIT_DATABASE_LOST = 3


def _warehouse_shown() -> str:
    from etl.db.engine import shown
    from etl.settings import get_settings

    settings = get_settings()
    if settings.database_url:
        return shown(settings.database_url)
    return f"the embedded PostgreSQL in {settings.pgdata}"


def _explain(exc: Exception) -> tuple[str, str | None]:
    """(what is wrong, what to do) for an error a user can fix; a generic pair otherwise."""
    import sqlalchemy as sa

    from etl.db import migrate
    from etl.db.errors import DatabaseLost, is_connection_error, one_line
    from etl.db.roles import ReaderRoleError
    from etl.settings import SettingError

    if isinstance(exc, SettingError):
        return str(exc), exc.hint
    if isinstance(exc, migrate.SchemaNotAtHead | ReaderRoleError | FileNotFoundError):
        return str(exc), None
    if isinstance(exc, migrate.MigrationPermissionError):
        return str(exc), "as an administrator: ALTER DATABASE <db> OWNER TO <user>; then migrate again"
    if isinstance(exc, DatabaseLost):
        return f"lost the warehouse: {exc}", "run the command again once the database is back"
    if isinstance(exc, sa.exc.DBAPIError) and is_connection_error(exc):
        return (f"cannot connect to the warehouse ({_warehouse_shown()}): {one_line(exc)}",
                "check NEWSETL_DATABASE_URL and that the server is running and reachable")
    return f"unexpected error: {one_line(exc)}", "run again with `newsetl --debug ...` for the traceback"


class NewsetlGroup(click.Group):
    """Turns the errors of any subcommand into two lines (unless --debug)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            if ctx.params.get("debug") or os.environ.get("NEWSETL_DEBUG"):
                raise
            what, todo = _explain(exc)
            click.echo(f"newsetl: error: {what}", err=True)
            if todo:
                click.echo(f"  {todo}", err=True)
            ctx.exit(EXIT_FAILED)


def _print_version(ctx: click.Context, param, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from etl.version import version_lines

    click.echo("\n".join(version_lines()))
    ctx.exit()


@click.group(cls=NewsetlGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Print the package, extractor and schema versions and exit.")
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
@click.option("--debug", is_flag=True, help="Tracebacks: of an error, and of each rejected file (also NEWSETL_DEBUG=1).")
def main(verbose: int, debug: bool) -> None:
    """newsetl: news article files to PostgreSQL tables.

    Cleans HTML and plain-text articles, extracts entities, quotes and casualty figures, and
    loads them into a PostgreSQL warehouse whose schema is owned by Alembic migrations.
    Set NEWSETL_DATABASE_URL to use your own database; otherwise an embedded PostgreSQL in
    .pgdata/ is started.
    """
    from etl.logs import configure

    configure(verbose, debug or bool(os.environ.get("NEWSETL_DEBUG")))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--jsonl", is_flag=True, default=True, help="One JSON object per file per line (default).")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
def extract(files: tuple[str, ...], jsonl: bool, batch_size: int) -> None:
    """Extract FILES and print the JSON contract, one line per file; no database involved."""
    from etl.load import storable
    from etl.pipeline import extract_paths

    out = sys.stdout
    for item in extract_paths(files, batch_size=batch_size):
        if item.article is None:
            record = error_record(item.source.path, item.error or "unknown error")
        else:
            record = article_record(item.article)
        record["source_path"] = storable(record["source_path"])  # undecodable name bytes as \xNN
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()


def _console():
    from rich.console import Console

    return Console(stderr=True)


def _uses_embedded_db() -> bool:
    from etl.settings import get_settings

    return get_settings().database_url is None


def _inbox_argument(ctx, param, value: str) -> str:
    """A local path that exists, or an object-storage URL (s3://bucket/prefix)."""
    from etl.ingest.objects import OBJECT_PROTOCOLS

    scheme = value.partition("://")[0].lower() if "://" in value else None
    if scheme in OBJECT_PROTOCOLS:
        return value
    local = value[len("file://") :] if scheme == "file" else value
    if scheme is not None and scheme != "file":
        raise click.BadParameter(f"{scheme}:// is not supported (object storage: {', '.join(OBJECT_PROTOCOLS)})")
    if not os.path.lexists(local):
        raise click.BadParameter(f"{local!r} does not exist")
    return local


@main.command("run")
@click.argument("inbox", callback=_inbox_argument)
@click.option("--include", multiple=True, default=("*",), show_default=True, help="Glob of files to take (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of files to skip (repeatable).")
@click.option("--reprocess", is_flag=True, help="Extract and load again files whose content is already loaded.")
@click.option("--dry-run", is_flag=True, help="Extract everything but write nothing to the database.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Files per batch (default NEWSETL_BATCH_SIZE or 16).")
@click.option("--max-files", type=click.IntRange(min=1), default=None, help="Take at most this many files.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes, each with its own spaCy model (default NEWSETL_WORKERS, else the cores).")
@click.option("--no-progress", is_flag=True, help="No progress bar (it is also off when stderr is not a terminal).")
def run_cmd(inbox, include, exclude, reprocess, dry_run, batch_size, max_files, workers, no_progress) -> None:
    """Ingest INBOX (a folder, searched recursively, one file, or s3://bucket/prefix) into the warehouse.

    Takes .html, .htm, .txt, WARC (.warc, .arc: one source per HTML response record) and
    crawler JSON (.json, .jsonl: one source per object / line), and their .gz forms. Object
    storage credentials come from the standard AWS_* environment variables. Every source
    gets a ledger row: loaded, duplicate (content already loaded) or rejected (with the
    reason). With the embedded
    database the schema is migrated to head first; with NEWSETL_DATABASE_URL run
    `newsetl db upgrade` yourself.
    """
    from etl.db.errors import DatabaseLost
    from etl.settings import get_settings

    console = _console()
    # A terminated run (kill, CI timeout) is recorded as failed rather than left "running".
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    get_settings()  # a bad setting is reported before the slow imports (spaCy)
    if not dry_run:
        _ready_to_write()
    from etl.runner import run
    progress = _progress(console, no_progress)
    try:
        with progress:
            task = progress.add_task("files", total=None)
            result = run(
                inbox, include=include, exclude=exclude, reprocess=reprocess, dry_run=dry_run,
                batch_size=batch_size, max_files=max_files, workers=workers,
                on_start=lambda n: progress.update(task, total=n),
                on_file=lambda path, status: progress.advance(task),
            )
    except DatabaseLost as exc:
        _database_lost(exc)
    for run_id, reason in result.closed_runs:
        click.echo(f"closed run {run_id} as failed: {reason}")
    _print_summary(result)
    if result.summary.files_seen == 0:
        console.print(f"[yellow]no article files (.html/.htm/.txt, WARC, JSON; .gz too) found under {inbox}")
    if result.status == "failed":
        sys.exit(EXIT_FAILED)


def _ready_to_write() -> None:
    """Embedded warehouse: migrate to head (concurrent callers take turns). Else: check head."""
    from etl.db import migrate

    if _uses_embedded_db():
        migrate.upgrade("head")
    else:
        migrate.assert_at_head()


def _progress(console, no_progress: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[bold]newsetl run"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TimeElapsedColumn(), console=console, disable=no_progress or not console.is_terminal, transient=True,
    )


def _database_lost(exc) -> None:
    """One line on stderr, what was committed before the loss, a non-zero exit."""
    from etl.pipeline import BatchSummary

    s = getattr(exc, "summary", None) or BatchSummary()
    run_id = getattr(exc, "run_id", None)
    click.echo(f"newsetl: error: lost the warehouse during run {run_id}: {exc}", err=True)
    click.echo(
        f"committed before the loss: {s.files_seen} files ({s.loaded} loaded, {s.duplicates} duplicates, "
        f"{s.rejected} rejected); each article is all or nothing. Run the same command again once the "
        f"database is back: it skips what is loaded, and closes run {run_id} as failed."
    )
    sys.exit(EXIT_DATABASE_LOST)


def _print_summary(result) -> None:
    from rich.console import Console
    from rich.table import Table

    s = result.summary
    table = Table(title=f"newsetl run {result.run_key}" + (" (dry run: nothing written)" if s.dry_run else ""))
    for col in ("files seen", "loaded" if not s.dry_run else "extracted", "duplicates", "rejected", "flagged",
                "seconds", "status"):
        table.add_column(col, justify="right")
    table.add_row(str(s.files_seen), str(s.loaded), str(s.duplicates), str(s.rejected), str(result.flags.total),
                  f"{result.seconds:.1f}", result.status)
    out = Console(soft_wrap=True)
    out.print(table)
    from etl.checks import capped_lines

    lines = capped_lines("rejected", s.rejected_files, len(s.rejected_files), "the table run_files")
    if s.language_unsupported:
        lines.insert(0, f"  {s.language_unsupported} in a language without a pipeline: loaded, not parsed "
                        "(articles.language_unsupported)")
    for line in lines + result.flags.lines():
        out.print(line, markup=False, highlight=False)
    if result.error:
        out.print(f"  error: {result.error}", markup=False, highlight=False)


@main.command("runs")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Runs to list.")
def runs_cmd(limit: int) -> None:
    """List the latest runs, after closing as failed those whose process died.

    A run is dead when its process is gone (same host, pid no longer running) or when it has
    shown no sign of life for NEWSETL_RUN_STALE_MINUTES (default 60).
    """
    from rich.console import Console
    from rich.table import Table

    from etl.db import migrate
    from etl.db.engine import get_engine
    from etl.runs import close_dead_runs, recent_runs

    migrate.assert_at_head()
    engine = get_engine()
    out = Console(soft_wrap=True)
    if not out.is_terminal:
        out = Console(soft_wrap=True, width=220)  # a pipe or a file: no 80-column wrapping
    for run_id, reason in close_dead_runs(engine, found_by="`newsetl runs`"):
        out.print(f"closed run {run_id} as failed: {reason}", markup=False, highlight=False)
    table = Table(title="newsetl runs (latest first)")
    for col in ("id", "run key", "status", "started (UTC)", "seconds", "files", "loaded", "dup", "rejected",
                "flagged", "error"):
        table.add_column(col, overflow="fold")
    for r in recent_runs(engine, limit):
        seconds = f"{(r['ended_at'] - r['started_at']).total_seconds():.1f}" if r["ended_at"] else "-"
        table.add_row(str(r["id"]), r["run_key"], r["status"], f"{r['started_at']:%Y-%m-%d %H:%M:%S}", seconds,
                      *(str(r[k]) for k in ("files_seen", "loaded", "duplicates", "rejected", "flagged")),
                      (r["error"] or "")[:200])
    out.print(table)


@main.command()
@click.option("--html", "html_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write a self-contained HTML report with charts to this file instead.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Rows per table.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="First day (YYYY-MM-DD) of the dated sections: casualties, figures, stories, entities, speakers.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last day (YYYY-MM-DD), inclusive.")
@click.option("--language", default="en", show_default=True,
              help="Language (ISO 639-1) of the top entities and most-quoted speakers; 'all' for every language.")
def report(html_file: str | None, limit: int, since, until, language: str) -> None:
    """Print the reporting views (v_*) as tables, or write an HTML report with --html FILE.

    Shows a data-quality panel, articles per source and per run, casualties by day, place and
    category (each story once), the largest figures with their articles, stories carried by
    several sources, top entities, entity co-occurrence, most-quoted speakers and rejected
    files. A figure's day is its event date, else its article's publication day. The top
    lists are of one language (English by default, --language) and say so.
    """
    import sqlalchemy as sa

    from etl import report as reporting
    from etl.db import migrate
    from etl.db.engine import get_engine

    try:
        migrate.assert_at_head()
    except migrate.SchemaNotAtHead as exc:
        raise click.ClickException(str(exc)) from exc
    except sa.exc.ProgrammingError:
        pass  # e.g. news_reader, which may not read alembic_version: the views tell
    engine = get_engine()
    period = reporting.Period(since and since.date(), until and until.date(),
                              None if language.lower() == "all" else language.lower())
    if html_file:
        path = reporting.write_html(engine, html_file, limit=limit, period=period)
        click.echo(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    else:
        reporting.print_report(engine, limit=limit, period=period)


@main.group()
def db() -> None:
    """Warehouse schema (Alembic migrations) and connection."""


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """Migrate the warehouse up to REVISION (default: head)."""
    from etl.db import migrate

    migrate.upgrade(revision)
    click.echo(f"warehouse at revision {migrate.current_revision()}")
    if not _has_reader():
        click.echo("note: no read-only role can read it yet; `newsetl db create-reader` makes one")


def _has_reader() -> bool:
    import sqlalchemy as sa

    from etl.db.engine import get_engine

    sql = ("SELECT count(*) FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
           "WHERE c.oid = to_regclass('public.articles') AND a.grantee <> c.relowner")
    with get_engine().connect() as conn:
        return bool(conn.execute(sa.text(sql)).scalar())


@db.command()
@click.argument("revision", default="-1")
def downgrade(revision: str) -> None:
    """Migrate the warehouse down to REVISION (default: one step; `base` drops everything)."""
    from etl.db import migrate

    migrate.downgrade(revision)
    click.echo(f"warehouse at revision {migrate.current_revision() or 'base'}")


@db.command()
def current() -> None:
    """Print the warehouse's revision and the code's head revision."""
    from etl.db import migrate

    click.echo(f"current: {migrate.current_revision() or 'base'}\nhead:    {migrate.head_revision()}")


@db.command("create-reader")
@click.option("--role", default=None, help="Role name (default NEWSETL_READER_ROLE, else news_reader).")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin "
              "(default: NEWSETL_READER_PASSWORD; with neither, a new role cannot log in).")
@click.option("--shared", is_flag=True, help="Allow setting the password of a role that reads other databases too.")
def create_reader(role: str | None, password_stdin: bool, shared: bool) -> None:
    """Create the read-only role of this warehouse (if missing) and grant it SELECT.

    Needs CREATEROLE only to create the role or set its password; the grants need only the
    ownership of the database. Run it again after an upgrade: it is idempotent. The password
    is sent as a SCRAM verifier computed here, never as SQL text.
    """
    from etl.db.engine import get_engine
    from etl.db.roles import create_reader as create
    from etl.settings import get_settings

    settings = get_settings()
    role = role or settings.reader_role
    password = sys.stdin.readline().rstrip("\n") if password_stdin else settings.reader_password
    report = create(get_engine(), role, password or None, shared=shared)
    what = "created" if report.created else "exists"
    login = "password set, can log in" if report.password_set else "password unchanged"
    click.echo(f"role {role}: {what}, {login}; SELECT on {len(report.granted)} tables and views")
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)


@db.command()
@click.option("--libpq", is_flag=True, help="In the form psql and pg_dump take (postgresql://...), "
              "password included.")
def url(libpq: bool) -> None:
    """Print the warehouse URL in use: SQLAlchemy's form, or libpq's with --libpq.

    The embedded server is started for the command and stops when it exits, unless another
    newsetl process uses it: for a SQL shell on it, `newsetl db psql`.
    """
    from etl.db.engine import database_url, libpq_url

    click.echo(libpq_url(database_url()) if libpq else database_url())


@db.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
@click.argument("psql_args", nargs=-1, type=click.UNPROCESSED)
def psql(psql_args: tuple[str, ...]) -> None:
    """Open psql on the warehouse; PSQL_ARGS go to psql (e.g. -c 'select 1', -f FILE).

    The embedded warehouse is started by this command and held until psql exits, with the
    embedded server's own psql. A configured warehouse (NEWSETL_DATABASE_URL) gets the psql on
    PATH; its password is passed in PGPASSWORD, never on the command line.
    """
    from etl.db.shell import run_psql

    sys.exit(run_psql(psql_args))


if __name__ == "__main__":
    main()
