"""Helpers shared by the tests (import as ``tests.support``)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
ARTICLES = FIXTURES / "articles"
SEED = REPO / "seeds" / "000_2b52cb3e110e3771.txt"


def table_counts(engine) -> dict[str, int]:
    """Row count of every warehouse table."""
    from etl.db.schema import metadata

    with engine.connect() as conn:
        return {
            name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
            for name, t in metadata.tables.items()
        }
