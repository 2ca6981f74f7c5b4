"""Runs batches of paths through ingest → clean → nlp → extract (→ load).

The CLI, the tests and the Airflow DAG all call these functions.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from etl import nlp
from etl.clean import clean
from etl.db.engine import get_engine
from etl.enrich import enrich
from etl.extract import extract_all
from etl.ingest import apply_meta, discover, expand, read_source
from etl.load import existing_articles, finish_run, load_article, record_duplicate, record_rejected, start_run
from etl.models import Article, SourceFile
from etl.settings import get_settings
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
            doc = apply_meta(clean(src), src.meta)  # container metadata (crawler, WARC) wins
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
        spacy_doc.user_data["title"] = art.doc.title  # the casualty extractor reads headlines
        try:
            art.entities, art.quotes, art.casualties = extract_all(spacy_doc)
            enrich(src, art)  # dates, places, names, story print (derived; may stay null)
        except Exception as exc:
            log.exception("extraction failed for %s", src.path)
            yield Extracted(src, None, f"extraction failed: {type(exc).__name__}: {exc}")
            continue
        yield Extracted(src, art, None)


def extract_paths(paths: Iterable[str], batch_size: int = 16) -> Iterator[Extracted]:
    """Extract every path, ``batch_size`` files at a time (bounded memory for long lists)."""
    batch: list[str] = []
    for path in (loc for p in paths for loc in expand(str(p))):  # WARC / JSON lines: their records
        batch.append(path)
        if len(batch) >= batch_size:
            yield from extract_sources((read_source(p) for p in batch), batch_size)
            batch = []
    if batch:
        yield from extract_sources((read_source(p) for p in batch), batch_size)


# ------------------------------------------------------------------------------ with the warehouse


@dataclass
class BatchSummary:
    """Counts of one batch or run; JSON-friendly so it can travel through Airflow's XCom."""

    files_seen: int = 0
    loaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejected_files: list[tuple[str, str]] = field(default_factory=list)
    dry_run: bool = False

    def add(self, other: BatchSummary) -> BatchSummary:
        self.files_seen += other.files_seen
        self.loaded += other.loaded
        self.duplicates += other.duplicates
        self.rejected += other.rejected
        self.rejected_files += other.rejected_files
        return self

    def count(self, status: str, path: str, reason: str | None = None) -> None:
        self.files_seen += 1
        if status == "loaded":
            self.loaded += 1
        elif status == "duplicate":
            self.duplicates += 1
        else:
            self.rejected += 1
            self.rejected_files.append((path, reason or "unknown"))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> BatchSummary:
        data = dict(data)
        data["rejected_files"] = [tuple(x) for x in data.get("rejected_files", [])]
        return cls(**data)


def process_batch(
    paths: Sequence[str],
    run_id: int | None = None,
    *,
    engine: Engine | None = None,
    reprocess: bool = False,
    dry_run: bool = False,
    batch_size: int | None = None,
    on_file: Callable[[str, str], None] | None = None,
) -> BatchSummary:
    """Ingest, clean, extract and load one batch of paths; every file ends in the ledger.

    Files whose content is already loaded skip extraction (unless ``reprocess``). A file that
    fails anywhere is recorded as rejected with the reason, and the batch goes on. With
    ``dry_run`` everything is extracted and counted but nothing is written.
    """
    batch_size = batch_size or get_settings().batch_size
    summary = BatchSummary(dry_run=dry_run)

    def done(path: str, status: str, reason: str | None = None) -> None:
        summary.count(status, path, reason)
        if on_file:
            on_file(path, status)

    sources = [read_source(p) for p in paths]
    if dry_run:
        for item in extract_sources(sources, batch_size):
            done(item.source.path, "rejected" if item.article is None else "loaded", item.error)
        return summary

    engine = engine or get_engine()
    readable = [s for s in sources if not s.error]
    known = {} if reprocess else existing_articles(engine, sorted({s.sha256 for s in readable}))
    first_of: dict[str, SourceFile] = {}  # content hash → the file of this batch that loads it
    later_copies: list[SourceFile] = []
    for src in sources:
        if src.error:
            done(src.path, record_rejected(engine, src, src.error, run_id).status, src.error)
        elif src.sha256 in known:
            done(src.path, record_duplicate(engine, src, known[src.sha256], run_id).status)
        elif src.sha256 in first_of:
            later_copies.append(src)  # same content twice in this batch: load it once
        else:
            first_of[src.sha256] = src

    loaded_ids: dict[str, int] = {}
    for item in extract_sources(list(first_of.values()), batch_size):
        src = item.source
        if item.article is None:
            outcome = record_rejected(engine, src, item.error or "unknown error", run_id)
        else:
            try:
                outcome = load_article(engine, src, item.article, run_id, reprocess=reprocess)
            except (sa.exc.IntegrityError, sa.exc.DataError) as exc:
                reason = f"load failed: {type(exc.orig).__name__}: {str(exc.orig).strip().splitlines()[0]}"
                log.warning("%s: %s", src.path, reason)
                outcome = record_rejected(engine, src, reason, run_id)
        if outcome.article_id is not None:
            loaded_ids[src.sha256] = outcome.article_id
        done(src.path, outcome.status, outcome.reason)

    for src in later_copies:
        if src.sha256 in loaded_ids:
            done(src.path, record_duplicate(engine, src, loaded_ids[src.sha256], run_id).status)
        else:
            reason = f"same content as {first_of[src.sha256].path}, which was rejected"
            done(src.path, record_rejected(engine, src, reason, run_id).status, reason)
    return summary


def batches(paths: Sequence[str], size: int) -> list[list[str]]:
    if size < 1:
        raise ValueError("batch size must be ≥ 1")
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]


@dataclass
class RunResult:
    run_id: int | None
    run_key: str
    status: str
    summary: BatchSummary
    seconds: float


def run(
    inbox: str,
    *,
    include: Sequence[str] = ("*",),
    exclude: Sequence[str] = (),
    reprocess: bool = False,
    dry_run: bool = False,
    batch_size: int | None = None,
    max_files: int | None = None,
    trigger: str = "cli",
    triggered_by: str | None = None,
    run_key: str | None = None,
    engine: Engine | None = None,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[str, str], None] | None = None,
) -> RunResult:
    """A whole run over an inbox folder: discover, process in batches, record the run."""
    t0 = time.monotonic()
    batch_size = batch_size or get_settings().batch_size
    paths = discover(inbox, include, exclude)
    if max_files is not None:
        paths = paths[:max_files]
    run_key = run_key or f"{trigger}-{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    params = {
        "inbox": str(inbox),
        "include": list(include),
        "exclude": list(exclude),
        "reprocess": reprocess,
        "dry_run": dry_run,
        "batch_size": batch_size,
        "max_files": max_files,
    }
    if on_start:
        on_start(len(paths))
    summary = BatchSummary(dry_run=dry_run)
    run_id = None
    if dry_run:
        for chunk in batches(paths, batch_size):
            summary.add(process_batch(chunk, dry_run=True, batch_size=batch_size, on_file=on_file))
        return RunResult(None, run_key, "dry-run", summary, time.monotonic() - t0)

    engine = engine or get_engine()
    run_id = start_run(engine, run_key, trigger, triggered_by=triggered_by, source=str(inbox), params=params)
    try:
        for chunk in batches(paths, batch_size):
            summary.add(
                process_batch(
                    chunk, run_id, engine=engine, reprocess=reprocess, batch_size=batch_size, on_file=on_file
                )
            )
    except BaseException as exc:
        finish_run(engine, run_id, **_counts(summary), error=f"{type(exc).__name__}: {exc}")
        raise
    status = finish_run(engine, run_id, **_counts(summary))
    return RunResult(run_id, run_key, status, summary, time.monotonic() - t0)


def _counts(summary: BatchSummary) -> dict[str, int]:
    return {
        "files_seen": summary.files_seen,
        "loaded": summary.loaded,
        "duplicates": summary.duplicates,
        "rejected": summary.rejected,
    }
