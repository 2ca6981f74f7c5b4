"""Integrity checks of a run (they fail it) and its article-quality summary (it never fails).

The CLI (``etl.runner.run``) and the DAG's ``quality_checks`` task call the same functions,
so the same data gets the same status.

* Integrity: every file of the run has one ``run_files`` row with a final status (rejected
  ones with a reason, loaded/duplicate ones with an existing article); no orphan rows; the
  batches' counts agree with ``run_files``.
* Quality: articles the run loaded with ``quality_flags`` (no title, no date, ...). They are
  loaded and listed in ``v_article_quality``; they make the run ``partial``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from etl.runs import run_counts

_ORPHANS = {
    "article_entities without article": "SELECT count(*) FROM article_entities c "
    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    "article_entities without entity": "SELECT count(*) FROM article_entities c "
    "WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.entity_id)",
    "quotes without article": "SELECT count(*) FROM quotes c "
    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    "quotes with a missing speaker entity": "SELECT count(*) FROM quotes c WHERE c.speaker_entity_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.speaker_entity_id)",
    "casualties without article": "SELECT count(*) FROM casualties c "
    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    "casualties with a missing location entity": "SELECT count(*) FROM casualties c "
    "WHERE c.location_entity_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.location_entity_id)",
    "ledger rows pointing to a missing article": "SELECT count(*) FROM ingest_ledger l WHERE l.article_id IS NOT NULL "
    "AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = l.article_id)",
}

_UNSETTLED = """
    SELECT count(*) FROM run_files f
     WHERE f.run_id = :r
       AND ((f.status = 'rejected' AND coalesce(btrim(f.reason), '') = '')
            OR (f.status IN ('loaded', 'duplicate')
                AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)))
"""

_FLAGGED = """
    SELECT DISTINCT a.source_path, array_to_string(a.quality_flags, ', ') AS flags
      FROM run_files f JOIN articles a ON a.id = f.article_id
     WHERE f.run_id = :r AND f.status = 'loaded' AND cardinality(a.quality_flags) > 0
     ORDER BY a.source_path
     LIMIT :n
"""

_FLAG_COUNTS = """
    SELECT flag, count(DISTINCT a.id) AS n
      FROM run_files f JOIN articles a ON a.id = f.article_id, unnest(a.quality_flags) AS flag
     WHERE f.run_id = :r AND f.status = 'loaded'
     GROUP BY flag ORDER BY n DESC, flag
"""


def _scalar(conn: Connection, sql: str, **params) -> int:
    return int(conn.execute(sa.text(sql), params).scalar_one() or 0)


def integrity_checks(
    conn: Connection, run_id: int, files_planned: int, batches: Mapping[str, int]
) -> dict[str, dict[str, Any]]:
    """``{check: {"ok": bool, "detail": str}}`` for run ``run_id``.

    ``batches``: the counts the batches reported (files_seen, loaded, duplicates, rejected).
    """
    counts = run_counts(conn, run_id)
    results: dict[str, dict[str, Any]] = {}

    def check(name: str, ok: bool, detail: str) -> None:
        results[name] = {"ok": bool(ok), "detail": detail}

    unsettled = _scalar(conn, _UNSETTLED, r=run_id)
    check(
        "every file has a final ledger status",
        counts["files_seen"] == files_planned and unsettled == 0,
        f"{files_planned} files planned, {counts['files_seen']} recorded by this run, "
        f"{unsettled} without reason or article",
    )
    orphans = {name: _scalar(conn, sql) for name, sql in _ORPHANS.items()}
    check("no orphan rows", not any(orphans.values()),
          ", ".join(f"{n}: {c}" for n, c in orphans.items() if c) or "none")
    seen, loaded, dups, rejected = (int(batches.get(k, 0)) for k in ("files_seen", "loaded", "duplicates", "rejected"))
    consistent = (
        seen == counts["files_seen"]
        and rejected == counts["rejected"]
        and loaded + dups == counts["loaded"] + counts["duplicates"]
        # a retried batch counts as duplicates what its first attempt loaded
        and loaded <= counts["loaded"]
    )
    check(
        "counts consistent with the ledger",
        consistent,
        f"batches: {seen} files, {loaded} loaded, {dups} duplicates, {rejected} rejected; "
        f"run_files: {counts['files_seen']} files, {counts['loaded']} loaded, {counts['duplicates']} "
        f"duplicates, {counts['rejected']} rejected",
    )
    return results


def failures(results: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The failed checks as one message, or None."""
    failed = [f"{name} ({r['detail']})" for name, r in results.items() if not r["ok"]]
    return "integrity checks failed: " + "; ".join(failed) if failed else None


def flagged_articles(conn: Connection, run_id: int, limit: int = 100) -> list[tuple[str, str]]:
    """(source path, flags) of the first ``limit`` articles run ``run_id`` loaded with quality flags."""
    return [tuple(row) for row in conn.execute(sa.text(_FLAGGED), {"r": run_id, "n": limit})]


def flag_counts(conn: Connection, run_id: int) -> dict[str, int]:
    """How many articles run ``run_id`` loaded with each quality flag, most frequent first."""
    return {flag: int(n) for flag, n in conn.execute(sa.text(_FLAG_COUNTS), {"r": run_id})}


LIST_LIMIT = 20  # rejected / flagged files named one by one in a run's summary


def capped_lines(label: str, items: list[tuple[str, str]], total: int, where: str) -> list[str]:
    """``label path: reason`` for the first LIST_LIMIT items, then how many more of ``total`` and where."""
    lines = [f"  {label} {path}: {reason}" for path, reason in items[:LIST_LIMIT]]
    if total > LIST_LIMIT:
        lines.append(f"  … {total - LIST_LIMIT} more {label.strip()}, see {where}")
    return lines


@dataclass(frozen=True)
class FlagSummary:
    """The quality flags of what a run loaded, as the CLI summary and the DAG's log show them."""

    total: int = 0  # flagged articles
    per_flag: dict[str, int] = field(default_factory=dict)  # flag -> articles, most frequent first
    articles: list[tuple[str, str]] = field(default_factory=list)  # (path, flags), the first 100

    def lines(self) -> list[str]:
        lines = []
        if self.per_flag:
            counts = ", ".join(f"{flag} {n}" for flag, n in self.per_flag.items())
            lines.append(f"  flagged articles (loaded) per flag: {counts}")
        return lines + capped_lines("flagged ", self.articles, self.total, "the view v_article_quality")


def flag_summary(conn: Connection, run_id: int) -> FlagSummary:
    """Counts (all of them) and the first flagged articles of run ``run_id``."""
    return FlagSummary(run_counts(conn, run_id)["flagged"], flag_counts(conn, run_id), flagged_articles(conn, run_id))
