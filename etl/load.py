"""Loading into the warehouse: one transaction per article, idempotent.

* articles are upserted on their content hash; with ``reprocess`` an existing article is
  updated and its child rows (entity mentions, quotes, casualties) replaced;
* the ledger row of the file is written in the same transaction as the article;
* the ledger has one row per (path, content): seeing the same file again updates that row
  (``times_seen``, ``last_run_id``) instead of adding one, so reruns add no rows;
* ``run_files`` gets one row per (run, ledger row) in the same transaction: that run's outcome
  for the file, so overlapping runs each account for their own files;
* article-level quality problems (no title, no date, nothing extracted, replaced bytes, removed
  characters) are stored in ``articles.quality_flags``: the article is loaded, and flagged;
* text that PostgreSQL cannot store (NUL, lone surrogates) never reaches a statement.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine

from etl.db.schema import (
    article_entities,
    articles,
    casualties,
    entities,
    ingest_ledger,
    quotes,
    run_files,
)
from etl.enrich import rows as derived
from etl.enrich.stories import assign_story
from etl.incidents.link import link_article
from etl.models import FIGURE_FIELDS, Article, SourceFile
from etl.runs import finish_run, start_run

__all__ = [
    "LoadOutcome", "existing_articles", "finish_run", "load_article", "quality_flags", "record_duplicate",
    "record_rejected", "run_outcomes", "start_run", "storable",
]

log = logging.getLogger(__name__)


@dataclass
class LoadOutcome:
    status: str  # loaded | duplicate | rejected
    article_id: int | None = None
    reason: str | None = None


def parse_published(value: str | None) -> dt.datetime | None:
    """ISO 8601 date or timestamp → aware datetime (UTC when no zone is given)."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())  # 3.11 reads a trailing Z
    except ValueError:
        import dateparser

        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC"})
        if parsed is None:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


# ------------------------------------------------------------------------------ text and flags

# Article-level quality checks: (flag, predicate of the article and its source file).
QUALITY_CHECKS = (
    ("no_title", lambda art, src: not (art.doc.title or "").strip()),
    ("no_date", lambda art, src: parse_published(art.doc.published) is None),
    ("empty_extraction", lambda art, src: not (art.entities or art.quotes or art.casualties)),
    ("replaced_bytes", lambda art, src: getattr(src, "replaced_bytes", 0) > 0),
    ("removed_chars", lambda art, src: getattr(src, "removed_chars", 0) > 0),
)
REASON_LIMIT = 500
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def quality_flags(article: Article, src: SourceFile) -> list[str]:
    """The article's quality problems, in the order of QUALITY_CHECKS."""
    return [flag for flag, failed in QUALITY_CHECKS if failed(article, src)]


def storable(text: str | None, limit: int | None = None) -> str | None:
    """``text`` as PostgreSQL can store it: no NUL, lone surrogates (undecodable file-name
    bytes) written as ``\\xNN``; cut to ``limit`` characters."""
    if text is None:
        return None
    text = _SURROGATE.sub(_escape_surrogate, text.replace("\x00", ""))
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


# -------------------------------------------------------------------------------------- ledger


def source_columns(src: SourceFile) -> dict:
    """Ledger columns that describe the source itself: container metadata and decoding repairs."""
    meta = src.meta or {}
    return {
        "url": storable(meta.get("url")),
        "fetched_at": parse_published(meta.get("fetched")),
        "etag": storable(meta.get("etag")),
        "object_version": storable(meta.get("version")),
        "replaced_bytes": src.replaced_bytes,
        "removed_chars": src.removed_chars,
    }


def _keep_loaded(old, new):
    """Seeing an already loaded file again (a later run, or a retried task) keeps ``loaded``."""
    return sa.and_(old.status == "loaded", new.status == "duplicate", old.article_id == new.article_id)


def write_ledger(conn: Connection, src: SourceFile, outcome: LoadOutcome, run_id: int | None) -> int:
    """Upsert the ledger row of ``src`` and the run's ``run_files`` row; returns the ledger id."""
    reason = storable(outcome.reason, REASON_LIMIT)
    stmt = pg_insert(ingest_ledger).values(
        path=storable(src.path),
        sha256=src.sha256,
        size=src.size,
        format=src.format,
        encoding=storable(src.encoding, 64),
        status=outcome.status,
        reason=reason,
        article_id=outcome.article_id,
        first_run_id=run_id,
        last_run_id=run_id,
        **source_columns(src),
    )
    old, new = ingest_ledger.c, stmt.excluded
    same_file_again = _keep_loaded(old, new)
    stmt = stmt.on_conflict_do_update(
        index_elements=["path", "sha256"],
        set_={
            "status": sa.case((same_file_again, old.status), else_=new.status),
            "reason": sa.case((same_file_again, old.reason), else_=new.reason),
            "article_id": sa.func.coalesce(new.article_id, old.article_id),
            "size": new.size,
            "format": new.format,
            "encoding": new.encoding,
            **{name: new[name] for name in source_columns(src)},
            "last_run_id": new.last_run_id,
            # A retried task of the same run sees the file again: that is not another sighting.
            "times_seen": old.times_seen
            + sa.case((old.last_run_id.is_distinct_from(new.last_run_id), 1), else_=0),
            "last_seen_at": sa.func.now(),
        },
    )
    ledger_id = conn.execute(stmt.returning(ingest_ledger.c.id)).scalar_one()
    if run_id is not None:
        _write_run_file(conn, run_id, ledger_id, outcome, reason)
    return ledger_id


def _write_run_file(conn: Connection, run_id: int, ledger_id: int, outcome: LoadOutcome, reason: str | None) -> None:
    stmt = pg_insert(run_files).values(
        run_id=run_id, ledger_id=ledger_id, status=outcome.status, reason=reason, article_id=outcome.article_id
    )
    old, new = run_files.c, stmt.excluded
    same_file_again = _keep_loaded(old, new)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["run_id", "ledger_id"],
            set_={
                "status": sa.case((same_file_again, old.status), else_=new.status),
                "reason": sa.case((same_file_again, old.reason), else_=new.reason),
                "article_id": sa.func.coalesce(new.article_id, old.article_id),
                "recorded_at": sa.func.now(),
            },
        )
    )


def record_rejected(engine: Engine, src: SourceFile, reason: str, run_id: int | None) -> LoadOutcome:
    outcome = LoadOutcome("rejected", None, storable(" ".join(reason.split()), REASON_LIMIT) or "unknown")
    with engine.begin() as conn:
        write_ledger(conn, src, outcome, run_id)
    return outcome


def record_duplicate(engine: Engine, src: SourceFile, article_id: int, run_id: int | None) -> LoadOutcome:
    outcome = LoadOutcome("duplicate", article_id, f"content already loaded as article {article_id}")
    with engine.begin() as conn:
        write_ledger(conn, src, outcome, run_id)
    return outcome


def existing_articles(engine: Engine, hashes: list[str]) -> dict[str, int]:
    """content hash → article id for the hashes already loaded."""
    if not hashes:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(articles.c.content_sha256, articles.c.id).where(articles.c.content_sha256.in_(hashes))
        )
        return {sha: aid for sha, aid in rows}


def run_outcomes(engine: Engine, run_id: int, paths: list[str]) -> dict[str, tuple[str, str | None]]:
    """Ledger path → (status, reason) that run ``run_id`` recorded, for those of ``paths`` it did."""
    if not paths:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(ingest_ledger.c.path, run_files.c.status, run_files.c.reason)
            .select_from(run_files.join(ingest_ledger, ingest_ledger.c.id == run_files.c.ledger_id))
            .where(run_files.c.run_id == run_id, ingest_ledger.c.path.in_(paths))
        )
        return {path: (status, reason) for path, status, reason in rows}


# ------------------------------------------------------------------------------------ articles


def _article_values(article: Article, src: SourceFile, run_id: int | None) -> dict:
    d = article.doc
    return {
        "content_sha256": article.sha256,
        "source_path": storable(article.source_path),
        "format": article.format,
        "url": storable(d.url),
        "title": storable(d.title),
        "author": storable(d.author),
        "published": parse_published(d.published),
        "dateline": storable(d.dateline),
        "agency": storable(d.agency),
        "site_name": storable(d.site_name),
        "language": (d.language or None) and d.language[:8],
        "language_confidence": d.language_confidence,
        "language_unsupported": article.language_unsupported,
        "captions": [storable(c) for c in d.captions],
        "body": d.body,  # NUL was removed from the text before cleaning: offsets stay true
        "word_count": article.word_count,
        "extractor_version": article.extractor_version,
        "run_id": run_id,
        "quality_flags": quality_flags(article, src),
        **derived.article_values(article),
    }


def _unique_entities(article: Article) -> list[tuple[str, str, str | None]]:
    """(name, type, country code) once per (name, type), sorted so that concurrent loaders lock
    the rows in one order; the first country code given for a name wins, as before."""
    out: dict[tuple[str, str], str | None] = {}
    for ent in sorted(article.entities, key=lambda e: (e.name, e.type)):
        key = (ent.name, ent.type)
        if out.get(key) is None:
            out[key] = ent.country_code
    return [(name, type_, code) for (name, type_), code in out.items()]


def _entity_ids(conn: Connection, article: Article) -> dict[tuple[str, str], int]:
    """Upsert the article's entities in one statement; (name, type) → id."""
    rows = [{"name": n, "type": t, "country_code": c} for n, t, c in _unique_entities(article)]
    if not rows:
        return {}
    stmt = pg_insert(entities).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["name", "type"],
        set_={"country_code": sa.func.coalesce(entities.c.country_code, stmt.excluded.country_code)},
    ).returning(entities.c.id, entities.c.name, entities.c.type)
    returned = {(name, type_): eid for eid, name, type_ in conn.execute(stmt)}
    return {(r["name"], r["type"]): returned[(r["name"], r["type"])] for r in rows}  # in sorted order


def _write_children(conn: Connection, article_id: int, article: Article, replace: bool = False) -> None:
    """Entity mentions, quotes and figures of the article (``replace``: the old ones go first)."""
    if replace:
        for table in (article_entities, quotes, casualties):
            conn.execute(table.delete().where(table.c.article_id == article_id))
    ids = _entity_ids(conn, article)
    by_name: dict[str, int] = {}
    for (name, _type), eid in ids.items():
        by_name.setdefault(name, eid)
    mention_rows = {}
    for ent in article.entities:
        eid = ids[(ent.name, ent.type)]
        row = mention_rows.setdefault(
            eid, {"article_id": article_id, "entity_id": eid, "mention_count": 0, "offsets": [], "aliases": [],
                  **derived.mention_values(ent)}
        )
        row["offsets"] += [list(m) for m in ent.mentions]
        row["mention_count"] = max(1, len(row["offsets"]))
        row["aliases"] += [a for a in ent.aliases if a not in row["aliases"]]
    if mention_rows:
        conn.execute(article_entities.insert(), list(mention_rows.values()))
    if article.quotes:
        conn.execute(
            quotes.insert(),
            [
                {
                    "article_id": article_id,
                    "seq": i,
                    "text": q.text,
                    "speaker": q.speaker,
                    "speaker_entity_id": ids.get((q.speaker, q.speaker_type)) or by_name.get(q.speaker)
                    or by_name.get(q.speaker_entity),
                    "kind": q.kind,
                    "cue": q.cue,
                    "start_offset": q.start,
                    "end_offset": q.end,
                    **derived.quote_values(q),
                }
                for i, q in enumerate(article.quotes)
            ],
        )
    if article.casualties:
        conn.execute(
            casualties.insert(),
            [
                {
                    **{name: getattr(c, name) for name in FIGURE_FIELDS},
                    "article_id": article_id,
                    "seq": i,
                    "location_entity_id": by_name.get(c.location) if c.location else None,
                    "start_offset": c.start,
                    "end_offset": c.end,
                    "mentions": [list(m) for m in (c.mentions or [(c.start, c.end)])],
                    **derived.figure_values(c),
                }
                for i, c in enumerate(article.casualties)
            ],
        )


def load_article(
    engine: Engine, src: SourceFile, article: Article, run_id: int | None, *, reprocess: bool = False
) -> LoadOutcome:
    """Upsert one article with its child rows and its ledger row, in one transaction.

    Without ``reprocess`` an article whose content hash is already loaded is left alone and the
    file is recorded as a duplicate (this also settles races between parallel batches).
    """
    values = _article_values(article, src, run_id)
    with engine.begin() as conn:
        stmt = pg_insert(articles).values(**values)
        if reprocess:
            stmt = stmt.on_conflict_do_update(
                index_elements=["content_sha256"],
                set_={**{k: stmt.excluded[k] for k in values if k != "content_sha256"}, "updated_at": sa.func.now()},
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=["content_sha256"])
        article_id = conn.execute(stmt.returning(articles.c.id)).scalar()
        if article_id is None:
            existing = conn.execute(
                sa.select(articles.c.id).where(articles.c.content_sha256 == article.sha256)
            ).scalar_one()
            outcome = LoadOutcome("duplicate", existing, f"content already loaded as article {existing}")
        else:
            assign_story(conn, article_id, article.story_print, new=not reprocess)  # etl.enrich.stories
            _write_children(conn, article_id, article, replace=reprocess)
            link_article(conn, article_id, article, values["published"], replace=reprocess)  # etl.incidents
            outcome = LoadOutcome("loaded", article_id, None)
        write_ledger(conn, src, outcome, run_id)
    return outcome
