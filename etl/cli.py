"""``newsetl`` command line."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys

import click

from etl.serialize import article_record, error_record


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More logging on stderr (-v info, -vv debug).")
def main(verbose: int) -> None:
    """newsetl: news article files to PostgreSQL tables.

    Cleans HTML and plain-text articles, extracts entities, quotes and casualty figures, and
    loads them into a PostgreSQL warehouse whose schema is owned by Alembic migrations.
    Set NEWSETL_DATABASE_URL to use your own database; otherwise an embedded PostgreSQL in
    .pgdata/ is started.
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--jsonl", is_flag=True, default=True, help="One JSON object per file per line (default).")
@click.option("--batch-size", default=16, show_default=True, help="Articles per spaCy batch.")
def extract(files: tuple[str, ...], jsonl: bool, batch_size: int) -> None:
    """Extract FILES and print the JSON contract, one line per file; no database involved."""
    from etl.pipeline import extract_paths

    out = sys.stdout
    for item in extract_paths(files, batch_size=batch_size):
        if item.article is None:
            record = error_record(item.source.path, item.error or "unknown error")
        else:
            record = article_record(item.article)
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
@click.option("--no-progress", is_flag=True, help="No progress bar (it is also off when stderr is not a terminal).")
def run_cmd(inbox, include, exclude, reprocess, dry_run, batch_size, max_files, no_progress) -> None:
    """Ingest INBOX (a folder, searched recursively, one file, or s3://bucket/prefix) into the warehouse.

    Takes .html, .htm, .txt, WARC (.warc, .arc: one source per HTML response record) and
    crawler JSON (.json, .jsonl: one source per object / line), and their .gz forms. Object
    storage credentials come from the standard AWS_* environment variables. Every source
    gets a ledger row: loaded, duplicate (content already loaded) or rejected (with the
    reason). With the embedded
    database the schema is migrated to head first; with NEWSETL_DATABASE_URL run
    `newsetl db upgrade` yourself.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from etl.db import migrate
    from etl.pipeline import run

    console = _console()
    # A terminated run (kill, CI timeout) is recorded as failed rather than left "running".
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if not dry_run:
        if _uses_embedded_db():
            migrate.upgrade("head")
        else:
            try:
                migrate.assert_at_head()
            except migrate.SchemaNotAtHead as exc:
                raise click.ClickException(str(exc)) from exc

    progress = Progress(
        TextColumn("[bold]newsetl run"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        console=console,
        disable=no_progress or not console.is_terminal,
        transient=True,
    )
    with progress:
        task = progress.add_task("files", total=None)
        result = run(
            inbox,
            include=include,
            exclude=exclude,
            reprocess=reprocess,
            dry_run=dry_run,
            batch_size=batch_size,
            max_files=max_files,
            on_start=lambda n: progress.update(task, total=n),
            on_file=lambda path, status: progress.advance(task),
        )
    _print_summary(result)
    if result.summary.files_seen == 0:
        console.print(f"[yellow]no article files (.html/.htm/.txt, WARC, JSON; .gz too) found under {inbox}")


def _print_summary(result) -> None:
    from rich.console import Console
    from rich.table import Table

    s = result.summary
    table = Table(title=f"newsetl run {result.run_key}" + (" (dry run: nothing written)" if s.dry_run else ""))
    for col in ("files seen", "loaded" if not s.dry_run else "extracted", "duplicates", "rejected", "seconds", "status"):
        table.add_column(col, justify="right")
    table.add_row(
        str(s.files_seen), str(s.loaded), str(s.duplicates), str(s.rejected), f"{result.seconds:.1f}", result.status
    )
    out = Console()
    out.print(table)
    for path, reason in s.rejected_files:
        out.print(f"  rejected {path}: {reason}")


@main.command()
@click.option("--html", "html_file", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write a self-contained HTML report with charts to this file instead.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True,
              help="Rows per table.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="First day (YYYY-MM-DD) of the dated sections: casualties, figures, stories, entities, speakers.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last day (YYYY-MM-DD), inclusive.")
def report(html_file: str | None, limit: int, since, until) -> None:
    """Print the reporting views (v_*) as tables, or write an HTML report with --html FILE.

    Shows a data-quality panel, articles per source and per run, casualties by day, place and
    category (each story once), the largest figures with their articles, stories carried by
    several sources, top entities, entity co-occurrence, most-quoted speakers and rejected
    files. A figure's day is its event date, else its article's publication day.
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
    period = reporting.Period(since and since.date(), until and until.date())
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


@db.command()
def url() -> None:
    """Print the warehouse URL in use (starts the embedded server when needed)."""
    from etl.db.engine import database_url

    click.echo(database_url())


if __name__ == "__main__":
    main()
