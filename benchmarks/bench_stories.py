"""Issue 13 acceptance numbers on our own corpus (tests/stories_corpus.py): publication and
event dates, planted wire copies (pairwise precision/recall), story-level sums vs a hand count.

    .venv/bin/python benchmarks/bench_stories.py [--stories 100] [--keep DIR] [--html report.html]

Builds the corpus, loads it into a new database on the embedded PostgreSQL (dropped at the
end unless --keep-db), prints the numbers as JSON and optionally writes the HTML report.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from etl.db import migrate
from etl.db.embedded import drop_database, ensure_database
from etl.db.engine import get_engine
from etl.runner import run
from etl.settings import get_settings
from tests.stories_corpus import build, measure


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=100)
    ap.add_argument("--keep", help="write the corpus into this folder (kept)")
    ap.add_argument("--html", help="also write `newsetl report --html` of the loaded corpus here")
    ap.add_argument("--keep-db", action="store_true", help="keep the database; print its URL")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="stories_corpus_"))
    build(folder, stories=args.stories)
    name = f"bench_stories_{uuid.uuid4().hex[:8]}"
    url = ensure_database(get_settings().pgdata, name)
    try:
        migrate.upgrade("head", url=url)
        engine = get_engine(url)
        t0 = time.monotonic()
        result = run(str(folder), engine=engine, trigger="test", include=("*.html", "*.txt"))
        numbers = {"load_seconds": round(time.monotonic() - t0, 1), "loaded": result.summary.loaded,
                   **measure(engine, folder)}
        print(json.dumps(numbers, indent=1, default=str))
        if args.html:
            from etl import report

            report.write_html(engine, args.html)
            print(f"wrote {args.html}")
        engine.dispose()
    finally:
        if args.keep_db:
            print(f"database kept: {url}")
        else:
            drop_database(get_settings().pgdata, name)


if __name__ == "__main__":
    main()
