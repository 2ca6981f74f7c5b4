"""newsetl migrate: upgrade the warehouse (Airflow connection ``news_db``) to the Alembic head.

The explicit migration step: the ingest DAG never migrates, it checks the schema is at head.
Trigger it by hand after deploying new code (same as ``newsetl db upgrade``). A permission
error (the user does not own the database) or a warehouse at a revision newer than the code
fails at once: retrying would not help. The read-only role is a separate step,
``newsetl db create-reader``.
"""

from __future__ import annotations

import datetime as dt

from airflow.sdk import dag, task
from airflow.sdk.exceptions import AirflowFailException

from etl.orchestration import connection, parameters


@dag(
    dag_id=parameters.MIGRATE_DAG_ID,
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
        from etl.db.migrate import MigrationPermissionError, UnknownRevision
        from etl.settings import SettingError

        try:
            return connection.migrate_to_head(connection.warehouse_url())
        except (MigrationPermissionError, UnknownRevision, SettingError) as exc:  # waiting will not fix these
            raise AirflowFailException(str(exc)) from exc

    upgrade_to_head()


newsetl_migrate()
