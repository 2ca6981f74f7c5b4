"""newsetl migrate: upgrade the warehouse (Airflow connection ``news_db``) to the Alembic head.

The explicit migration step: the ingest DAG never migrates, it checks the schema is at head.
Trigger it by hand after deploying new code (same as ``newsetl db upgrade``).
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import dag, task

from etl import orchestration as orch


@dag(
    dag_id=orch.MIGRATE_DAG_ID,
    description="Migrate the newsetl warehouse schema to head (Alembic)",
    schedule=None,
    start_date=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
    catchup=False,
    max_active_runs=1,
    tags=["newsetl"],
    doc_md=__doc__,
)
def newsetl_migrate():
    @task(retries=2, retry_delay=dt.timedelta(seconds=30), retry_exponential_backoff=2.0)
    def upgrade_to_head() -> str:
        return orch.migrate_to_head(orch.warehouse_url())

    upgrade_to_head()


newsetl_migrate()
