"""Runs batches of paths through ingest → clean → nlp → extract (→ load).

The CLI, the tests and the Airflow DAG all call these functions.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from etl import nlp
from etl.clean import clean
from etl.extract import extract_all
from etl.ingest import read_source
from etl.models import Article, SourceFile
from etl.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)


@dataclass
class Extracted:
    """One file's outcome: an article, or the reason it was rejected."""

    source: SourceFile
    article: Article | None = None
    error: str | None = None


def _cleaned(sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Article | None, str | None]]:
    for src in sources:
        if src.error:
            yield src, None, src.error
            continue
        try:
            doc = clean(src)
        except ValueError as exc:
            yield src, None, str(exc)
            continue
        except Exception as exc:  # a parser crash on one file must not stop the run
            log.exception("cleaning failed for %s", src.path)
            yield src, None, f"unparseable: {type(exc).__name__}: {exc}"
            continue
        yield src, Article(
            source_path=src.path,
            sha256=src.sha256,
            format=src.format or "text",
            doc=doc,
            extractor_version=f"{EXTRACTOR_VERSION}+{nlp.model_version()}",
        ), None


def extract_sources(sources: Iterable[SourceFile], batch_size: int = 16) -> Iterator[Extracted]:
    """Clean, parse (one ``nlp.pipe`` over the batch) and extract; yields in input order."""
    staged = list(_cleaned(sources))
    bodies = [art.doc.body for _, art, _ in staged if art is not None]
    docs = iter(nlp.parse(bodies, batch_size=batch_size))
    for src, art, err in staged:
        if art is None:
            yield Extracted(src, None, err)
            continue
        spacy_doc = next(docs)
        try:
            art.entities, art.quotes, art.casualties = extract_all(spacy_doc)
        except Exception as exc:
            log.exception("extraction failed for %s", src.path)
            yield Extracted(src, None, f"extraction failed: {type(exc).__name__}: {exc}")
            continue
        yield Extracted(src, art, None)


def extract_paths(paths: Iterable[str], batch_size: int = 16) -> Iterator[Extracted]:
    """Extract every path, ``batch_size`` files at a time (bounded memory for long lists)."""
    batch: list[str] = []
    for path in paths:
        batch.append(path)
        if len(batch) >= batch_size:
            yield from extract_sources((read_source(p) for p in batch), batch_size)
            batch = []
    if batch:
        yield from extract_sources((read_source(p) for p in batch), batch_size)
