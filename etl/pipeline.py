"""Runs batches of paths through ingest → clean → nlp → extract (→ load).

The CLI, the tests and the Airflow DAG all call these functions.

One file's failure is that file's failure: whatever a file raises while it is read, cleaned,
parsed, extracted or loaded ends in the ledger as ``rejected`` with a one-line reason, and the
batch goes on. Only the loss of the database stops a batch (:class:`DatabaseLost`); what was
committed before stays committed, and a rerun completes the rest.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from sqlalchemy.engine import Engine

from etl import nlp
from etl.checks import FlagSummary
from etl.clean import clean
from etl.db.engine import get_engine
from etl.db.errors import (
    DatabaseLost,
    is_connection_error,
    is_transient,
    one_line,
    wait_for_database,
)
from etl.enrich import enrich
from etl.extract import extract_all
from etl.extract.casualties.headline import parse_headlines
from etl.ingest import apply_meta, discover, expand, read_source
from etl.load import (
    LoadOutcome,
    existing_articles,
    load_article,
    record_duplicate,
    record_rejected,
    storable,
)
from etl.models import Article, SourceFile
from etl.runs import Heartbeat, close_dead_runs, finish_run, start_run
from etl.settings import get_settings
from etl.version import EXTRACTOR_VERSION

log = logging.getLogger(__name__)

# PostgreSQL cannot store NUL in text, nor lone surrogates (they are not UTF-8).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_PARSE_CHARS = 1_000_000  # spaCy's own default limit: a longer body is not parsed
LOAD_ATTEMPTS = 3  # a deadlock or a dropped connection (with the server back) is tried again


@dataclass
class Extracted:
    """One file's outcome: an article, or the reason it was rejected."""

    source: SourceFile
    article: Article | None = None
    error: str | None = None


def read_sources(locators: Iterable[str]) -> list[SourceFile]:
    """The reading step: ``etl.ingest.read_source`` for each locator, never raising."""
    out = []
    for locator in locators:
        try:
            src = read_source(locator)
        except Exception as exc:  # a reader crash is that file's failure
            log.exception("reading %s failed", locator)
            src = SourceFile(path=str(locator), sha256="", size=0, error=f"unreadable: {one_line(exc)}")
        out.append(storable_source(src))
    return out


def storable_source(src: SourceFile) -> SourceFile:
    """Remove what PostgreSQL cannot store from the text (counted in ``removed_chars``)."""
    if src.text and UNSTORABLE.search(src.text):
        text, removed = UNSTORABLE.subn("", src.text)
        src = dataclasses.replace(src, text=text, removed_chars=src.removed_chars + removed)
    return src


def _too_long(body: str) -> str | None:
    limit = get_settings().max_article_words
    words = len(body.split())
    if words > limit:
        return f"too long: {words} words (limit {limit}, NEWSETL_MAX_ARTICLE_WORDS)"
    if len(body) > MAX_PARSE_CHARS:
        return f"too long for the parser: {len(body)} characters in {words} words (limit {MAX_PARSE_CHARS})"
    return None


def _clean_one(src: SourceFile) -> tuple[Article | None, str | None]:
    try:
        doc = apply_meta(clean(src), src.meta)  # container metadata (crawler, WARC) wins
    except ValueError as exc:
        return None, str(exc)
    except Exception as exc:  # a parser crash on one file must not stop the run
        log.exception("cleaning failed for %s", src.path)
        return None, f"unparseable: {one_line(exc)}"
    reason = _too_long(doc.body)
    if reason:
        return None, reason
    return Article(
        source_path=src.path,
        sha256=src.sha256,
        format=src.format or "text",
        doc=doc,
        extractor_version=f"{EXTRACTOR_VERSION}+{nlp.model_version()}",
    ), None


def _cleaned(sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Article | None, str | None]]:
    for src in sources:
        if src.error:
            yield src, None, src.error
        else:
            yield src, *_clean_one(src)


def _parsed(bodies: list[str], batch_size: int) -> Iterator[object]:
    """spaCy Docs in input order, ``batch_size`` at a time; an Exception in place of a body
    the parser failed on (the rest of its chunk is parsed one by one)."""
    for i in range(0, len(bodies), batch_size):
        chunk = bodies[i : i + batch_size]
        try:
            yield from list(nlp.parse(chunk, batch_size=batch_size))
            continue
        except Exception:  # noqa: BLE001 -- find the body that fails, parse the others
            log.warning("parsing a chunk of %d bodies failed: parsing them one by one", len(chunk))
        for body in chunk:
            try:
                yield nlp.parse_one(body)
            except Exception as exc:  # noqa: BLE001
                yield exc


def _parse_headlines(titles: list[str | None]) -> None:
    """The casualty extractor reads headlines: parse the batch's in one go (never fatal)."""
    try:
        parse_headlines(titles)
    except Exception:  # each headline is then parsed alone, under its article's guard
        log.warning("parsing the batch's headlines together failed", exc_info=True)


def extract_sources(sources: Iterable[SourceFile], batch_size: int = 16) -> Iterator[Extracted]:
    """Clean, parse (``nlp.pipe`` over the batch) and extract; yields in input order.

    The spaCy model is loaded only when there is something to parse.
    """
    staged = list(_cleaned(sources))
    docs = _parsed([art.doc.body for _, art, _ in staged if art is not None], batch_size)
    _parse_headlines([art.doc.title for _, art, _ in staged if art is not None])
    for src, art, err in staged:
        if art is None:
            yield Extracted(src, None, err)
            continue
        spacy_doc = next(docs)
        if isinstance(spacy_doc, Exception):
            yield Extracted(src, None, f"parsing failed: {one_line(spacy_doc)}")
            continue
        spacy_doc.user_data["title"] = art.doc.title  # the casualty extractor reads headlines
        try:
            art.entities, art.quotes, art.casualties = extract_all(spacy_doc)
            enrich(src, art)  # dates, places, names, story print (derived; may stay null)
        except Exception as exc:
            log.exception("extraction failed for %s", src.path)
            yield Extracted(src, None, f"extraction failed: {one_line(exc)}")
            continue
        yield Extracted(src, art, None)


def extract_paths(paths: Iterable[str], batch_size: int = 16) -> Iterator[Extracted]:
    """Extract every path, ``batch_size`` files at a time (bounded memory for long lists)."""
    batch: list[str] = []
    for path in (loc for p in paths for loc in expand(str(p))):  # WARC / JSON lines: their records
        batch.append(path)
        if len(batch) >= batch_size:
            yield from extract_sources(read_sources(batch), batch_size)
            batch = []
    if batch:
        yield from extract_sources(read_sources(batch), batch_size)


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


class _Recorder:
    """Writes each file's outcome, with the policy: row errors reject the file, transient
    errors are tried again, a lost database raises :class:`DatabaseLost`."""

    def __init__(self, engine: Engine, run_id: int | None, summary: BatchSummary, on_file):
        self.engine, self.run_id, self.summary, self.on_file = engine, run_id, summary, on_file

    def done(self, src: SourceFile, outcome: LoadOutcome) -> LoadOutcome:
        self.summary.count(outcome.status, storable(src.path), outcome.reason)  # printable, as stored
        if self.on_file:
            self.on_file(src.path, outcome.status)
        return outcome

    def _lost_unless_back(self, exc: BaseException) -> None:
        if not wait_for_database(self.engine):
            raise DatabaseLost(f"the warehouse stopped answering: {one_line(exc)}") from exc

    def write(self, src: SourceFile, action: Callable[[], LoadOutcome]) -> LoadOutcome:
        """``action`` (a load or a ledger write); a row error rejects ``src`` instead."""
        for attempt in range(1, LOAD_ATTEMPTS + 1):
            try:
                return self.done(src, action())
            except DatabaseLost:
                raise
            except Exception as exc:  # noqa: BLE001 -- sorted out below
                error = exc
                if is_connection_error(exc):
                    self._lost_unless_back(exc)
                elif not is_transient(exc):
                    break
                log.info("%s: attempt %d failed (%s), trying again", src.path, attempt, one_line(exc))
        log.warning("%s: load failed: %s", src.path, one_line(error))
        return self.reject(src, f"load failed: {one_line(error)}")

    def reject(self, src: SourceFile, reason: str) -> LoadOutcome:
        try:
            return self.done(src, record_rejected(self.engine, src, reason, self.run_id))
        except Exception as exc:  # noqa: BLE001
            if is_connection_error(exc):
                self._lost_unless_back(exc)
                return self.done(src, record_rejected(self.engine, src, reason, self.run_id))
            # The file's own fields cannot be stored (e.g. a locator too long for the index).
            short = dataclasses.replace(src, path=src.path[:1000])
            why = reason if one_line(exc) in reason else f"{reason}; {one_line(exc)}"
            return self.done(src, record_rejected(self.engine, short, f"{why} (locator cut to 1000 characters)",
                                                  self.run_id))

    def lookup(self, hashes: list[str]) -> dict[str, int]:
        try:
            return existing_articles(self.engine, hashes)
        except Exception as exc:
            if not is_connection_error(exc):
                raise
            self._lost_unless_back(exc)
            return existing_articles(self.engine, hashes)


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
    """Ingest, clean, extract and load one batch of locators; every file ends in the ledger.

    Files whose content is already loaded skip extraction (unless ``reprocess``). A file that
    fails anywhere is recorded as rejected with the reason, and the batch goes on. With
    ``dry_run`` everything is extracted and counted but nothing is written. Raises
    :class:`DatabaseLost` (with ``.summary``, what this batch committed) when the warehouse
    stops answering.
    """
    batch_size = batch_size or get_settings().batch_size
    summary = BatchSummary(dry_run=dry_run)
    sources = read_sources(paths)  # the reading step
    if dry_run:
        for item in extract_sources(sources, batch_size):
            summary.count("rejected" if item.article is None else "loaded", storable(item.source.path), item.error)
            if on_file:
                on_file(item.source.path, "rejected" if item.article is None else "loaded")
        return summary
    rec = _Recorder(engine or get_engine(), run_id, summary, on_file)
    try:
        _load_batch(rec, sources, reprocess, batch_size)
    except DatabaseLost as exc:
        exc.summary = summary
        raise
    return summary


def _load_batch(rec: _Recorder, sources: list[SourceFile], reprocess: bool, batch_size: int) -> None:
    readable = [s for s in sources if not s.error]
    known = {} if reprocess else rec.lookup(sorted({s.sha256 for s in readable}))
    first_of: dict[str, SourceFile] = {}  # content hash → the file of this batch that loads it
    later_copies: list[SourceFile] = []
    for src in sources:
        if src.error:
            rec.reject(src, src.error)
        elif src.sha256 in known:
            rec.write(src, lambda s=src: record_duplicate(rec.engine, s, known[s.sha256], rec.run_id))
        elif src.sha256 in first_of:
            later_copies.append(src)  # same content twice in this batch: load it once
        else:
            first_of[src.sha256] = src

    loaded_ids: dict[str, int] = {}
    for item in extract_sources(list(first_of.values()), batch_size):
        src, art = item.source, item.article
        if art is None:
            outcome = rec.reject(src, item.error or "unknown error")
        else:
            outcome = rec.write(src, lambda s=src, a=art: load_article(rec.engine, s, a, rec.run_id, reprocess=reprocess))
        if outcome.article_id is not None:
            loaded_ids[src.sha256] = outcome.article_id

    for src in later_copies:
        if src.sha256 in loaded_ids:
            rec.write(src, lambda s=src: record_duplicate(rec.engine, s, loaded_ids[s.sha256], rec.run_id))
        else:
            rec.reject(src, f"same content as {first_of[src.sha256].path}, which was rejected")


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
    flags: FlagSummary = field(default_factory=FlagSummary)  # quality flags of the loaded articles
    error: str | None = None
    closed_runs: list[tuple[int, str]] = field(default_factory=list)  # dead runs this run closed


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
    workers: int | None = None,
) -> RunResult:
    """A whole run over an inbox folder: discover, process in batches, check, record the run.

    ``workers`` (default ``NEWSETL_WORKERS``, else the number of cores): batches run in that
    many processes (:mod:`etl.workers`); 1 runs them in this process.

    Raises :class:`DatabaseLost` (with ``.summary`` and ``.run_id``) when the warehouse stops
    answering; the run stays ``running`` until the next run or ``newsetl runs`` closes it.
    """
    t0 = time.monotonic()
    batch_size = batch_size or get_settings().batch_size
    workers = workers or get_settings().workers
    paths = discover(inbox, include, exclude)
    if max_files is not None:
        paths = paths[:max_files]
    run_key = run_key or f"{trigger}-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    params = {
        "inbox": str(inbox), "include": list(include), "exclude": list(exclude), "reprocess": reprocess,
        "dry_run": dry_run, "batch_size": batch_size, "max_files": max_files, "workers": workers,
    }
    if on_start:
        on_start(len(paths))
    summary = BatchSummary(dry_run=dry_run)
    if dry_run:
        _batches(None, None, paths, summary, reprocess=reprocess, dry_run=True, batch_size=batch_size,
                 on_file=on_file, workers=workers)
        return RunResult(None, run_key, "dry-run", summary, time.monotonic() - t0)

    engine = engine or get_engine()
    closed = close_dead_runs(engine, found_by=f"run {run_key}")
    run_id = start_run(engine, run_key, trigger, triggered_by=triggered_by, source=str(inbox), params=params,
                       holder=True)
    _process_all(engine, run_id, paths, summary, reprocess=reprocess, batch_size=batch_size, on_file=on_file,
                 workers=workers)
    from etl.checks import failures, flag_summary, integrity_checks

    with engine.connect() as conn:
        error = failures(integrity_checks(conn, run_id, len(paths), summary.to_dict()))
        flags = flag_summary(conn, run_id)
    status = finish_run(engine, run_id, error=error)
    return RunResult(run_id, run_key, status, summary, time.monotonic() - t0, flags, error, closed)


def _process_all(engine: Engine, run_id: int, paths: Sequence[str], summary: BatchSummary, **kw) -> None:
    """Every batch of the run; an interruption (signal, bug) is recorded as the run's failure."""
    try:
        with Heartbeat(engine, run_id):
            _batches(engine, run_id, paths, summary, **kw)
    except DatabaseLost as exc:
        summary.add(getattr(exc, "summary", BatchSummary()))
        exc.summary, exc.run_id = summary, run_id
        raise
    except BaseException as exc:
        try:
            finish_run(engine, run_id, error=interruption(exc))
        except Exception as inner:  # noqa: BLE001 -- keep the original exception
            log.warning("could not record the end of run %s: %s", run_id, one_line(inner))
        raise


def _batches(engine: Engine | None, run_id: int | None, paths: Sequence[str], summary: BatchSummary, *,
             workers: int, **kw) -> None:
    """Every batch, here or on ``workers`` worker processes (when there is more than one batch)."""
    if workers > 1 and len(paths) > kw["batch_size"]:
        from etl.workers import Options, Pool, registered_filesystems

        url = None if kw.get("dry_run") else engine.url.render_as_string(hide_password=False)
        options = Options(url, run_id, kw.get("reprocess", False), kw.get("dry_run", False), kw["batch_size"],
                          registered_filesystems())
        Pool(options, workers, summary, kw.get("on_file"), engine).run(paths)
        return
    for chunk in batches(paths, kw["batch_size"]):
        summary.add(process_batch(chunk, run_id, engine=engine, **kw))


def interruption(exc: BaseException) -> str:
    """One line saying why a run stopped early."""
    import signal

    if isinstance(exc, SystemExit) and isinstance(exc.code, int) and exc.code > 128:
        try:
            name = signal.Signals(exc.code - 128).name
        except ValueError:
            name = f"signal {exc.code - 128}"
        return f"terminated by {name}"
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl-C)"
    return f"stopped by {one_line(exc)}"
