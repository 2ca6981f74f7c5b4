"""A run's summary read back from the warehouse (printed by ``make run`` and ``dag-test``)."""

from __future__ import annotations

from etl.orchestration.connection import warehouse_engine


def run_summary(run_key_: str | None = None, url: str | None = None) -> str:
    """Text summary of a run (default: the latest) read back from the warehouse."""
    import sqlalchemy as sa

    from etl.checks import capped_lines, flagged_articles
    from etl.db.schema import articles, ingest_ledger, metadata, pipeline_runs, run_files

    engine = warehouse_engine(url)
    with engine.connect() as conn:
        q = sa.select(pipeline_runs)
        q = q.where(pipeline_runs.c.run_key == run_key_) if run_key_ else q.order_by(pipeline_runs.c.id.desc())
        run = conn.execute(q.limit(1)).mappings().first()
        if run is None:
            return "no run recorded" + (f" under {run_key_}" if run_key_ else "")
        seconds = (run["ended_at"] - run["started_at"]).total_seconds() if run["ended_at"] else float("nan")
        lines = [
            f"run {run['id']}  {run['run_key']}",
            f"  trigger {run['trigger']} by {run['triggered_by'] or '-'}, source {run['source']}",
            (f"  status {run['status']}: {run['files_seen']} files seen, {run['loaded']} loaded, "
             f"{run['duplicates']} duplicates, {run['rejected']} rejected, {run['flagged']} flagged, "
             f"{seconds:.1f} s"),
        ]
        unsupported = conn.execute(
            sa.select(sa.func.count(sa.distinct(articles.c.id)))
            .select_from(run_files.join(articles, articles.c.id == run_files.c.article_id))
            .where(run_files.c.run_id == run["id"], run_files.c.status == "loaded", articles.c.language_unsupported)
        ).scalar_one()
        if unsupported:
            lines.append(f"  {unsupported} loaded in a language without a pipeline (language_unsupported: not parsed)")
        if run["error"]:
            lines.append(f"  error: {run['error']}")
        rejected = conn.execute(
            sa.select(ingest_ledger.c.path, run_files.c.reason)
            .select_from(run_files.join(ingest_ledger, ingest_ledger.c.id == run_files.c.ledger_id))
            .where(run_files.c.run_id == run["id"], run_files.c.status == "rejected")
            .order_by(ingest_ledger.c.path)
        ).all()
        lines += capped_lines("rejected", rejected, len(rejected), "the table run_files")
        lines += capped_lines("flagged", flagged_articles(conn, run["id"]), run["flagged"] or 0, "the view v_article_quality")
        counts = {
            name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for name, t in metadata.tables.items()
        }
        lines.append("  warehouse rows: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return "\n".join(lines)
