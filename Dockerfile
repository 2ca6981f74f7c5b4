# newsetl on Airflow: the official Airflow 3.3.2 image (Python 3.11) with the project and the
# dependency versions of uv.lock installed. docker-compose.yml builds it for every Airflow service
# and for the one-shot warehouse migration.
FROM apache/airflow:3.3.2-python3.11

USER airflow
WORKDIR /opt/newsetl

# Dependencies first (cached while only the code changes): exactly the versions of uv.lock,
# Airflow 3.3.2 itself included, without the dev extra.
COPY --chown=airflow:0 pyproject.toml uv.lock README.md ./
RUN pip install --no-cache-dir "uv>=0.5" \
 && uv export --frozen --no-emit-project --no-hashes --format requirements-txt -o /tmp/requirements.txt \
 && pip install --no-cache-dir "apache-airflow==3.3.2" -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt

# The project, editable so that migrations/ and alembic.ini are found next to the package
# (etl.settings.REPO_ROOT = /opt/newsetl), as in a local checkout.
COPY --chown=airflow:0 etl ./etl
COPY --chown=airflow:0 migrations ./migrations
COPY --chown=airflow:0 alembic.ini ./
RUN pip install --no-cache-dir --no-deps -e /opt/newsetl

# The DAGs are baked in (docker-compose.yml also mounts ./dags over them for development).
COPY --chown=airflow:0 dags /opt/airflow/dags

ENV NEWSETL_INBOX=/opt/airflow/inbox \
    AIRFLOW__CORE__LOAD_EXAMPLES=False
WORKDIR /opt/airflow
