"""``newsetl`` command line."""

from __future__ import annotations

import json
import logging
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


if __name__ == "__main__":
    main()
