"""Loading into the warehouse: one transaction per article, idempotent.

* articles are upserted on their content hash; with ``reprocess`` an existing article is
  updated and its child rows (entity mentions, quotes, casualties) replaced;
* the ledger row of the file is written in the same transaction as the article;
* the ledger has one row per (path, content): seeing the same file again updates that row
  (``times_seen``, ``last_run_id``) instead of adding one, so reruns add no rows.
"""

from __future__ import annotations

import datetime as dt
import logging
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
    pipeline_runs,
    quotes,
)
from etl.enrich import rows as derived
from etl.enrich.stories import assign_story
from etl.models import FIGURE_FIELDS, Article, SourceFile

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
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        import dateparser

        parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": "UTC"})
        if parsed is None:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


# ---------------------------------------------------------------------------------------- runs


def start_run(
    engine: Engine,
    run_key: str,
    trigger: str,
    *,
    triggered_by: str | None = None,
    source: str | None = None,
    params: dict | None = None,
) -> int:
    """Create (or, for a retried Airflow task, reuse) the run record; returns its id."""
    stmt = pg_insert(pipeline_runs).values(
        run_key=run_key, trigger=trigger, triggered_by=triggered_by, source=source, params=params or {}
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["run_key"],
        set_={"params": stmt.excluded.params, "source": stmt.excluded.source, "status": "running", "ended_at": None},
    ).returning(pipeline_runs.c.id)
    with engine.begin() as conn:
        return conn.execute(stmt).scalar_one()


def finish_run(
    engine: Engine,
    run_id: int,
    *,
    files_seen: int,
    loaded: int,
    duplicates: int,
    rejected: int,
    status: str | None = None,
    error: str | None = None,
) -> str:
    """Store the run's counts and final status (success, partial when files were rejected)."""
    if status is None:
        status = "failed" if error else "partial" if rejected else "success"
    with engine.begin() as conn:
        conn.execute(
            pipeline_runs.update()
            .where(pipeline_runs.c.id == run_id)
            .values(
                files_seen=files_seen,
                loaded=loaded,
                duplicates=duplicates,
                rejected=rejected,
                status=status,
                error=error,
                ended_at=sa.func.now(),
            )
        )
    return status


# -------------------------------------------------------------------------------------- ledger


def source_columns(src: SourceFile) -> dict:
    """Ledger columns that describe the source itself: container metadata and decoding repairs."""
    meta = src.meta or {}
    return {
        "url": meta.get("url"),
        "fetched_at": parse_published(meta.get("fetched")),
        "etag": meta.get("etag"),
        "object_version": meta.get("version"),
        "replaced_bytes": src.replaced_bytes,
        "removed_chars": src.removed_chars,
    }


def write_ledger(conn: Connection, src: SourceFile, outcome: LoadOutcome, run_id: int | None) -> None:
    """Upsert the ledger row of ``src``. Seeing an already loaded file again keeps ``loaded``."""
    stmt = pg_insert(ingest_ledger).values(
        path=src.path,
        sha256=src.sha256,
        size=src.size,
        format=src.format,
        encoding=src.encoding,
        status=outcome.status,
        reason=outcome.reason,
        article_id=outcome.article_id,
        first_run_id=run_id,
        last_run_id=run_id,
        **source_columns(src),
    )
    old, new = ingest_ledger.c, stmt.excluded
    same_file_again = sa.and_(
        old.status == "loaded", new.status == "duplicate", old.article_id == new.article_id
    )
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
    conn.execute(stmt)


def record_rejected(engine: Engine, src: SourceFile, reason: str, run_id: int | None) -> LoadOutcome:
    outcome = LoadOutcome("rejected", None, reason)
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


# ------------------------------------------------------------------------------------ articles


def _article_values(article: Article, run_id: int | None) -> dict:
    d = article.doc
    return {
        "content_sha256": article.sha256,
        "source_path": article.source_path,
        "format": article.format,
        "url": d.url,
        "title": d.title,
        "author": d.author,
        "published": parse_published(d.published),
        "dateline": d.dateline,
        "agency": d.agency,
        "site_name": d.site_name,
        "language": (d.language or None) and d.language[:8],
        "captions": list(d.captions),
        "body": d.body,
        "word_count": article.word_count,
        "extractor_version": article.extractor_version,
        "run_id": run_id,
        **derived.article_values(article),
    }


def _entity_ids(conn: Connection, article: Article) -> dict[tuple[str, str], int]:
    """Upsert the article's entities (sorted, so concurrent loaders lock in one order)."""
    ids: dict[tuple[str, str], int] = {}
    for ent in sorted(article.entities, key=lambda e: (e.name, e.type)):
        stmt = pg_insert(entities).values(name=ent.name, type=ent.type, country_code=ent.country_code)
        stmt = stmt.on_conflict_do_update(
            index_elements=["name", "type"],
            set_={"country_code": sa.func.coalesce(entities.c.country_code, stmt.excluded.country_code)},
        ).returning(entities.c.id)
        ids[(ent.name, ent.type)] = conn.execute(stmt).scalar_one()
    return ids


def _write_children(conn: Connection, article_id: int, article: Article) -> None:
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
    values = _article_values(article, run_id)
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
            assign_story(conn, article_id, article.story_print)  # wire copies: see etl.enrich.stories
            _write_children(conn, article_id, article)
            outcome = LoadOutcome("loaded", article_id, None)
        write_ledger(conn, src, outcome, run_id)
    return outcome
