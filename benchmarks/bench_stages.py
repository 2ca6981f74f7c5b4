"""Time per stage of the pipeline in one process: prints ms per file and shares; asserts nothing.

    NEWSETL_DATABASE_NAME=bench_stages .venv/bin/python benchmarks/bench_stages.py FOLDER [--files 300]

Runs the first FILES files of FOLDER (path order) through the same functions ``newsetl run``
calls, one stage at a time, timing each: read (``read_sources``), clean, spaCy (``nlp.parse``,
batches of 16), each extractor, enrich, load (``load_article`` into the configured warehouse,
which must be migrated and is expected to be empty). One-time costs (imports, the model, the
gazetteers) are paid before the clock starts and printed apart. Called by
``bench_pipeline.py``, also with another checkout's code (``--repo``): it uses only functions
both have.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--files", type=int, default=300)
    args = ap.parse_args()
    sys.path.insert(0, ".")

    t0 = time.perf_counter()
    from etl import nlp
    from etl.db.engine import get_engine
    from etl.enrich import enrich
    from etl.extract import extract_casualties, extract_entities, extract_quotes
    from etl.ingest import discover
    from etl.load import load_article
    from etl.pipeline import _clean_one, read_sources

    try:  # not in every checkout (--repo)
        from etl.extract.casualties.headline import parse_headlines
    except ImportError:
        parse_headlines = None

    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp.get_nlp()
    t_model = time.perf_counter() - t0
    engine = get_engine()
    paths = discover(str(args.folder), ["*"], [])[: args.files]
    spent: dict[str, float] = defaultdict(float)

    def clock(stage, fn, *a):
        t = time.perf_counter()
        out = fn(*a)
        spent[stage] += time.perf_counter() - t
        return out

    t_first = _first_use(enrich, read_sources, _clean_one, paths)
    sources = clock("read", read_sources, paths)
    cleaned = [(src, clock("clean", _clean_one, src)[0]) for src in sources]
    cleaned = [(src, art) for src, art in cleaned if art is not None]
    bodies = [art.doc.body for _, art in cleaned]
    docs = clock("spaCy", lambda: list(nlp.parse(bodies, batch_size=16)))
    if parse_headlines is not None:  # the headlines the casualty extractor reads, one batch
        clock("spaCy", parse_headlines, [art.doc.title for _, art in cleaned])
    for (src, art), doc in zip(cleaned, docs, strict=True):
        doc.user_data["title"] = art.doc.title
        art.entities = clock("entities", extract_entities, doc)
        art.quotes = clock("quotes (coref incl.)", extract_quotes, doc, art.entities)
        art.casualties = clock("casualties", extract_casualties, doc, art.entities)
        clock("enrich", enrich, src, art)
        clock("load", load_article, engine, src, art, None)
    n = len(paths)
    total = sum(spent.values())
    print(f"  one-time: imports {t_import:.1f} s, spaCy model {t_model:.1f} s, first article's lazy loads "
          f"(gazetteers, name lists) {t_first:.1f} s")
    for stage, sec in spent.items():
        print(f"  {stage:22s} {sec * 1000 / n:7.1f} ms/file  {100 * sec / total:5.1f} %")
    print(f"  {'total':22s} {total * 1000 / n:7.1f} ms/file  ({n} files, {len(docs)} parsed)")
    engine.dispose()


def _first_use(enrich, read_sources, clean_one, paths) -> float:
    """Lazy one-time loads (place gazetteer, name lists, MinHash) on one article, untimed later."""
    from etl.extract import extract_all
    from etl.nlp import get_nlp

    t0 = time.perf_counter()
    for src in read_sources(paths[:1]):
        art = clean_one(src)[0]
        if art is not None:
            doc = get_nlp()(art.doc.body)
            doc.user_data["title"] = art.doc.title
            art.entities, art.quotes, art.casualties = extract_all(doc)
            enrich(src, art)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
