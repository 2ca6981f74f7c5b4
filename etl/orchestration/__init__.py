"""What the Airflow DAGs run, as plain functions (also callable from tests and the command line).

The DAG files in ``dags/`` only wire these together:

    check_schema ─ open_run ─ plan ─ run_batch (mapped, one per batch) ─ quality_checks ─ close_run

One module per concern:

* :mod:`~etl.orchestration.parameters`: the DAG ids, the schedule, the run's params and the
  check of its conf;
* :mod:`~etl.orchestration.connection`: the Airflow connection ``news_db`` when it is defined,
  else the default of :func:`etl.db.engine.database_url` (``NEWSETL_DATABASE_URL`` or the
  embedded PostgreSQL); the schema check and the explicit migration;
* :mod:`~etl.orchestration.planning`: the inbox discovered and split into batches, at most
  :data:`~etl.orchestration.planning.MAX_BATCHES` mapped tasks (batches grow when an inbox is
  big); only paths and small JSON summaries travel between tasks (XCom);
* :mod:`~etl.orchestration.tasks`: the bodies of ``open_run``, the mapped batch and
  ``quality_checks`` (the checks come from :mod:`etl.checks`, as for a CLI run);
* :mod:`~etl.orchestration.closing`: ``close_run``, and the reasons failed tasks add to
  ``pipeline_runs.error`` (:func:`~etl.orchestration.closing.record_failure`), so the run record
  says why it failed; the status comes from :mod:`etl.runs`;
* :mod:`~etl.orchestration.summary` and :mod:`~etl.orchestration.dagtest`:
  ``python -m etl.orchestration dag-test --inbox seeds/`` runs the ingest DAG once with
  ``dag.test()`` against a local Airflow metadata DB (``AIRFLOW_HOME``, default ``.airflow/``)
  and prints the run's summary read back from the warehouse (this is ``make run``).

Heavy imports (spaCy, Airflow) happen inside the functions so DAG files parse quickly; this
package's ``__init__`` imports nothing.
"""
