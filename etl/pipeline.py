"""Runs one batch of paths through ingest → clean → nlp → extract (→ load).

Every way of running calls :func:`process_batch`: a whole run in one process
(:mod:`etl.runner`), its worker processes (:mod:`etl.workers`) and the Airflow DAG's mapped
tasks (:mod:`etl.orchestration.tasks`). This module imports neither of them.

One file's failure is that file's failure: whatever a file raises while it is read, cleaned,
parsed, extracted or loaded ends in the ledger as ``rejected`` with a one-line reason, and the
batch goes on. Only the loss of the database stops a batch (:class:`DatabaseLost`); what was
committed before stays committed, and a rerun completes the rest.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field

from sqlalchemy.engine import Engine

from etl import nlp
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
from etl.extract.lexical import extract_lexical
from etl.ingest import apply_meta, expand, read_source
from etl.lang import DEFAULT, spec_for
from etl.load import (
    LoadOutcome,
    existing_articles,
    load_article,
    record_duplicate,
    record_rejected,
    storable,
)
from etl.logs import file_failed
from etl.models import Article, SourceFile
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
            file_failed(log, "reading", str(locator), exc)
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
        file_failed(log, "cleaning", src.path, exc)
        return None, f"unparseable: {one_line(exc)}"
    reason = _too_long(doc.body)
    if reason:
        return None, reason
    return Article(
        source_path=src.path,
        sha256=src.sha256,
        format=src.format or "text",
        doc=doc,
        extractor_version=EXTRACTOR_VERSION,  # + the model, once the language's pipeline is known
    ), None


def _cleaned(sources: Iterable[SourceFile]) -> Iterator[tuple[SourceFile, Article | None, str | None]]:
    for src in sources:
        if src.error:
            yield src, None, src.error
        else:
            yield src, *_clean_one(src)


def _parsed(bodies: list[str], batch_size: int, language: str = "en") -> Iterator[object]:
    """spaCy Docs in input order, ``batch_size`` at a time; an Exception in place of a body
    the parser failed on (the rest of its chunk is parsed one by one)."""
    for i in range(0, len(bodies), batch_size):
        chunk = bodies[i : i + batch_size]
        try:
            yield from list(nlp.parse(chunk, batch_size=batch_size, language=language))
            continue
        except Exception:  # noqa: BLE001 -- find the body that fails, parse the others
            log.warning("parsing a chunk of %d bodies failed: parsing them one by one", len(chunk))
        for body in chunk:
            try:
                yield nlp.parse_one(body, language=language)
            except Exception as exc:  # noqa: BLE001
                yield exc


def _parse_headlines(titles: list[str | None]) -> None:
    """The casualty extractor reads headlines: parse the batch's in one go (never fatal)."""
    try:
        parse_headlines(titles)
    except Exception:  # each headline is then parsed alone, under its article's guard
        log.warning("parsing the batch's headlines together failed", exc_info=True)


def extract_sources(sources: Iterable[SourceFile], batch_size: int = 16) -> Iterator[Extracted]:
    """Clean, parse (``nlp.pipe`` over the batch, one model per language) and extract; yields
    in input order.

    A language's model is loaded only when there is a body of it to parse; an article in an
    unsupported language (:mod:`etl.lang`) is not parsed: it keeps its metadata and language,
    gets no entities, quotes or casualties, and is flagged ``language_unsupported``.
    """
    staged = list(_cleaned(sources))
    specs = {id(art): spec_for(art.doc.language) for _, art, _ in staged if art is not None}
    docs = {}  # language → iterator of its parsed bodies, in input order
    for code in dict.fromkeys(s.code for s in specs.values() if s is not None):
        mine = [art for _, art, _ in staged if art is not None and specs[id(art)] is not None
                and specs[id(art)].code == code]
        docs[code] = _parsed([art.doc.body for art in mine], batch_size, code)
        if code == DEFAULT:
            _parse_headlines([art.doc.title for art in mine])
    for src, art, err in staged:
        if art is None:
            yield Extracted(src, None, err)
            continue
        spec = specs[id(art)]
        if spec is None:
            art.language_unsupported = True
            art.extractor_version = f"{EXTRACTOR_VERSION}+unparsed"
            yield _enriched(src, art)
            continue
        art.extractor_version = f"{EXTRACTOR_VERSION}+{nlp.model_version(spec.code)}"
        spacy_doc = next(docs[spec.code])
        if isinstance(spacy_doc, Exception):
            yield Extracted(src, None, f"parsing failed: {one_line(spacy_doc)}")
            continue
        spacy_doc.user_data["title"] = art.doc.title  # the casualty extractor reads headlines
        try:
            art.entities, art.quotes, art.casualties = (
                extract_all(spacy_doc) if spec.lexicon is None else extract_lexical(spacy_doc, spec.lexicon))
        except Exception as exc:
            file_failed(log, "extracting", src.path, exc)
            yield Extracted(src, None, f"extraction failed: {one_line(exc)}")
            continue
        yield _enriched(src, art)


def _enriched(src: SourceFile, art: Article) -> Extracted:
    """Dates, places, names, story print (derived; may stay null)."""
    try:
        enrich(src, art)
    except Exception as exc:
        log.exception("extraction failed for %s", src.path)
        return Extracted(src, None, f"extraction failed: {one_line(exc)}")
    return Extracted(src, art, None)


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
    language_unsupported: int = 0  # loaded (or extracted) articles not parsed: no pipeline for their language

    def add(self, other: BatchSummary) -> BatchSummary:
        self.files_seen += other.files_seen
        self.loaded += other.loaded
        self.duplicates += other.duplicates
        self.rejected += other.rejected
        self.rejected_files += other.rejected_files
        self.language_unsupported += other.language_unsupported
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
            summary.language_unsupported += bool(item.article and item.article.language_unsupported)
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
            rec.summary.language_unsupported += bool(art is not None and art.language_unsupported)

    for src in later_copies:
        if src.sha256 in loaded_ids:
            rec.write(src, lambda s=src: record_duplicate(rec.engine, s, loaded_ids[s.sha256], rec.run_id))
        else:
            rec.reject(src, f"same content as {first_of[src.sha256].path}, which was rejected")


def batches(paths: Sequence[str], size: int) -> list[list[str]]:
    if size < 1:
        raise ValueError("batch size must be ≥ 1")
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]
