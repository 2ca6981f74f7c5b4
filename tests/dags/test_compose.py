"""docker-compose.yml and Dockerfile: valid for Compose, and the stack the README describes."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from tests.support import REPO

pytestmark = pytest.mark.dags

AIRFLOW_SERVICES = {
    "airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer", "airflow-worker",
}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose is not installed")
def test_docker_compose_config_is_valid():
    done = subprocess.run(["docker-compose", "config", "-q"], check=False, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    resolved = yaml.safe_load(
        subprocess.run(["docker-compose", "config"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    )
    assert set(resolved["services"]) >= AIRFLOW_SERVICES | {"warehouse-migrate", "airflow-init"}


def test_stack_is_airflow_with_celery_a_warehouse_and_a_migration_that_airflow_waits_for(compose):
    services = compose["services"]
    assert set(services) == AIRFLOW_SERVICES | {
        "postgres", "redis", "warehouse", "warehouse-migrate", "airflow-init",
    }
    for name in AIRFLOW_SERVICES:
        svc = services[name]
        env = svc["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor", name
        assert env["AIRFLOW_CONN_NEWS_DB"].startswith("postgresql://") and "@warehouse:5432/" in env["AIRFLOW_CONN_NEWS_DB"]
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].endswith("@postgres/airflow")  # metadata ≠ warehouse
        assert svc["depends_on"]["warehouse-migrate"] == {"condition": "service_completed_successfully"}, name
        assert svc["depends_on"]["airflow-init"] == {"condition": "service_completed_successfully"}, name
        assert svc["build"] == "." and any(v.endswith(":/opt/airflow/inbox:ro") for v in svc["volumes"])
    assert {services[n]["command"] for n in AIRFLOW_SERVICES} == {
        "api-server", "scheduler", "dag-processor", "triggerer", "celery worker",
    }
    migrate = services["warehouse-migrate"]
    assert migrate["entrypoint"] == ["newsetl"] and migrate["command"] == ["db", "upgrade"]
    assert migrate["environment"]["NEWSETL_DATABASE_URL"] == services["airflow-worker"]["environment"]["AIRFLOW_CONN_NEWS_DB"]
    assert migrate["depends_on"] == {"warehouse": {"condition": "service_healthy"}}
    assert services["airflow-init"]["command"] == ["airflow db migrate"]


def test_dockerfile_installs_the_locked_project_into_the_airflow_image():
    text = (REPO / "Dockerfile").read_text()
    assert text.count("FROM ") == 1 and "FROM apache/airflow:3.3.2-python3.11" in text
    assert "uv export --frozen" in text and "uv.lock" in text
    for path in ("etl", "migrations", "alembic.ini", "dags"):
        assert f"COPY --chown=airflow:0 {path} " in text, path
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".venv", ".pgdata", ".git"} <= set(ignored) and "etl" not in ignored


def test_celery_demo_runs_the_topology_of_the_compose_file(compose):
    import importlib.util

    spec = importlib.util.spec_from_file_location("celery_demo", REPO / "scripts" / "celery_demo.py")
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    assert set(demo.TOPOLOGY) == set(compose["services"])
    assert len(demo.WORKERS) == 2
    worker_env = compose["services"]["airflow-worker"]["environment"]
    assert worker_env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert 'name = "apache-airflow-providers-celery"' in (REPO / "uv.lock").read_text()  # installable from the lock
