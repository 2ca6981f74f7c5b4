"""Pipeline throughput and memory: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_pipeline.py [--copies 200] [--load]

Extracts COPIES variants of the seed and the fixture articles (each made distinct so nothing is
a duplicate) through clean → spaCy → extract, and with --load also loads them into a
throw-away database on the embedded PostgreSQL. Prints articles/s, words/s and peak RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from etl import nlp  # noqa: E402
from etl.ingest import read_source  # noqa: E402
from etl.models import SourceFile  # noqa: E402
from etl.pipeline import extract_sources  # noqa: E402


def corpus(copies: int) -> list[SourceFile]:
    bases = [read_source(p) for p in [REPO / "seeds" / "000_2b52cb3e110e3771.txt",
                                       *sorted((REPO / "tests" / "fixtures" / "articles").iterdir())]]
    out = []
    for i in range(copies):
        b = bases[i % len(bases)]
        text = b.text + f"\n\n(bench copy {i})\n" if b.format == "text" else b.text.replace("</body>", f"<p>copy {i}</p></body>")
        out.append(SourceFile(path=f"{b.path}#{i}", sha256=hashlib.sha256(text.encode()).hexdigest(),
                              size=len(text), format=b.format, encoding="utf-8", text=text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--load", action="store_true", help="also load into a throw-away database")
    args = ap.parse_args()

    t0 = time.perf_counter()
    nlp.get_nlp()
    print(f"model load             {time.perf_counter() - t0:8.2f} s")
    sources = corpus(args.copies)
    t0 = time.perf_counter()
    items = list(extract_sources(sources, batch_size=args.batch_size))
    dt = time.perf_counter() - t0
    words = sum(i.article.word_count for i in items if i.article)
    print(f"articles extracted     {len(items):8d}")
    print(f"extraction             {len(items) / dt:8.1f} articles/s  {words / dt:10.0f} words/s")
    if args.load:
        from etl.db import migrate
        from etl.db.embedded import drop_database, ensure_database
        from etl.db.engine import get_engine
        from etl.load import load_article
        from etl.settings import get_settings

        pgdata = get_settings().pgdata
        url = ensure_database(pgdata, "bench_pipeline")
        try:
            migrate.upgrade("head", url=url)
            engine = get_engine(url)
            t0 = time.perf_counter()
            for item in items:
                load_article(engine, item.source, item.article, None)
            dt = time.perf_counter() - t0
            print(f"load                   {len(items) / dt:8.1f} articles/s")
            engine.dispose()
        finally:
            drop_database(pgdata, "bench_pipeline")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS               {peak:8.0f} MiB")


if __name__ == "__main__":
    main()
