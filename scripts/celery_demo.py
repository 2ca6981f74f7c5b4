"""Scale-out demo: Airflow with the CeleryExecutor and two workers on this machine, no Docker.

    make celery-demo            # or: .venv/bin/python scripts/celery_demo.py [--files 24 --batch-size 5]

The same topology as docker-compose.yml (with ``--scale airflow-worker=2``), from Debian's
packages instead of images:

* ``postgres``  — a PostgreSQL cluster for Airflow's metadata (and the Celery result backend);
* ``redis``     — the Celery broker;
* ``warehouse`` — a second PostgreSQL cluster, newsetl's warehouse, migrated with
  ``newsetl db upgrade`` (``warehouse-migrate``) after ``airflow db migrate`` (``airflow-init``);
* ``airflow api-server``, ``scheduler``, ``dag-processor``, ``triggerer``;
* two ``airflow celery worker`` processes (concurrency 1 each), named ``worker1`` / ``worker2``
  through ``etl.hostname.worker_hostname`` so that each task instance records which one ran it.

It installs ``redis-server`` and ``postgresql`` with apt-get when they are missing (as root),
builds an inbox of its own articles, triggers ``newsetl_ingest`` over it in batches, prints
which worker ran each batch, the run's state, wall time and the warehouse summary, then stops
everything it started. Servers listen on free ports of 127.0.0.1; all state lives in a
temporary folder, removed at the end (``--keep`` keeps it, with every service's log).
Exit status 0 only when the run succeeded and both workers ran batches.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
DAG_ID = "newsetl_ingest"
APT_PACKAGES = {"redis-server": "redis-server", "postgresql": "initdb"}
WORKERS = ("worker1", "worker2")
# docker-compose.yml's services and what stands for each here (a test keeps the two in step).
TOPOLOGY = {
    "postgres": "PostgreSQL cluster for Airflow's metadata and the Celery result backend",
    "redis": "redis-server, the Celery broker",
    "warehouse": "second PostgreSQL cluster, newsetl's warehouse (the news_db connection)",
    "airflow-init": "airflow db migrate",
    "warehouse-migrate": "newsetl db upgrade",
    "airflow-apiserver": "airflow api-server",
    "airflow-scheduler": "airflow scheduler",
    "airflow-dag-processor": "airflow dag-processor",
    "airflow-triggerer": "airflow triggerer",
    "airflow-worker": "airflow celery worker, twice: " + ", ".join(WORKERS),
}


# ------------------------------------------------------------------------------------ helpers


def say(msg: str) -> None:
    print(f"[celery-demo {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bindir() -> Path | None:
    """Folder of Debian's newest PostgreSQL server binaries (``/usr/lib/postgresql/N/bin``)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def ensure_packages() -> None:
    """apt-get install redis-server / postgresql when they are missing (needs root)."""
    missing = [pkg for pkg, probe in APT_PACKAGES.items()
               if (pg_bindir() is None if probe == "initdb" else shutil.which(probe) is None)]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"celery-demo needs Debian packages {', '.join(missing)}: run `sudo apt-get install {' '.join(missing)}`")
    say(f"installing {', '.join(missing)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env, stdout=subprocess.DEVNULL)


class Services:
    """Processes started by the demo; ``stop()`` ends them all (process groups), newest first."""

    def __init__(self, logdir: Path):
        self.logdir, self.procs = logdir, []

    def start(self, name: str, argv: list[str], env: dict[str, str], user: str | None = None) -> subprocess.Popen:
        if user:
            argv = ["runuser", "-u", user, "--", *argv]
        with open(self.logdir / f"{name}.log", "ab") as log:  # the child keeps its own descriptor
            proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append((name, proc))
        return proc

    def stop(self) -> None:
        for _name, proc in reversed(self.procs):
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + 30
        for _name, proc in reversed(self.procs):
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs.clear()


def wait_for(what: str, probe, timeout: float = 120.0, every: float = 1.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        value = probe()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


# ---------------------------------------------------------------------------------- the servers


def start_postgres(services: Services, root: Path, name: str, port: int, owner: str, superuser: bool = False) -> str:
    """A fresh cluster in ``root/name`` on 127.0.0.1:``port`` with database and role ``owner``."""
    bindir, data = pg_bindir(), root / name
    user = "postgres" if os.geteuid() == 0 else None  # the server refuses to run as root
    data.mkdir(mode=0o700)
    if user:
        shutil.chown(data, user)
    run_as = ["runuser", "-u", user, "--"] if user else []
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"],
                   check=True, stdout=subprocess.DEVNULL)
    services.start(name, [str(bindir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(data),
                          "-c", "listen_addresses=127.0.0.1"], dict(os.environ), user=user)
    admin = sa.create_engine(f"postgresql+psycopg2://postgres@127.0.0.1:{port}/postgres", isolation_level="AUTOCOMMIT")
    wait_for(f"{name} PostgreSQL", lambda: _connects(admin), timeout=60)
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE ROLE {owner} LOGIN {'SUPERUSER' if superuser else ''} PASSWORD '{owner}'"))
        conn.execute(sa.text(f"CREATE DATABASE {owner} OWNER {owner}"))
    admin.dispose()
    say(f"{name}: PostgreSQL on 127.0.0.1:{port}, database {owner}")
    return f"postgresql+psycopg2://{owner}:{owner}@127.0.0.1:{port}/{owner}"


def _connects(engine: sa.Engine) -> bool:
    try:
        with engine.connect():
            return True
    except sa.exc.OperationalError:
        return False


def start_redis(services: Services, root: Path, port: int) -> str:
    (root / "redis").mkdir()
    services.start("redis", ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--dir", str(root / "redis"),
                             "--save", "", "--appendonly", "no"], dict(os.environ))
    wait_for("redis", lambda: _redis_ping(port), timeout=30)
    say(f"redis: 127.0.0.1:{port}")
    return f"redis://127.0.0.1:{port}/0"


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# ------------------------------------------------------------------------------------- Airflow


def airflow_env(root: Path, metadata_url: str, broker: str, warehouse_url: str, api_port: int) -> dict[str, str]:
    """The environment every Airflow process of the demo shares (as x-airflow-common in compose)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW__", "AIRFLOW_CONN_"))}
    env.update({
        "AIRFLOW_HOME": str(root / "airflow"),
        "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
        "AIRFLOW__CORE__AUTH_MANAGER": "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager",
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
        "AIRFLOW__CORE__HOSTNAME_CALLABLE": "etl.hostname.worker_hostname",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{api_port}/execution/",
        "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{api_port}",
        "AIRFLOW__API__PORT": str(api_port),
        "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(32),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": metadata_url,
        "AIRFLOW__CELERY__BROKER_URL": broker,
        "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + metadata_url,
        "AIRFLOW__CELERY__WORKER_CONCURRENCY": "1",
        "AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT": str(free_port()),
        "AIRFLOW_CONN_NEWS_DB": warehouse_url,
        "NEWSETL_SCHEDULE": "none",  # manual runs only: the demo triggers the one run it shows
        "PATH": f"{VENV_BIN}:{os.environ.get('PATH', '')}",
    })
    return env


def airflow(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([str(VENV_BIN / "airflow"), *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"airflow {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def start_airflow(services: Services, env: dict[str, str], api_port: int) -> None:
    services.start("api-server", [str(VENV_BIN / "airflow"), "api-server", "--port", str(api_port)], env)
    for component in ("scheduler", "dag-processor", "triggerer"):
        services.start(component, [str(VENV_BIN / "airflow"), component], env)
    for name in WORKERS:
        worker_env = {**env, "NEWSETL_WORKER_NAME": name,
                      "AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT": str(free_port())}
        services.start(name, [str(VENV_BIN / "airflow"), "celery", "worker", "-H", f"{name}@%h", "-c", "1"], worker_env)


def workers_ready(logdir: Path) -> bool:
    return all(b"ready." in (logdir / f"{name}.log").read_bytes() for name in WORKERS)


# ---------------------------------------------------------------------------------- the inbox

TOWNS = ("Dunmore", "Aldhaven", "Kettleby", "Marrow Falls", "Easton Rise", "Pellow", "Quarry Bend", "Stonemere")
MAYORS = ("Alma Reyes", "Tomas Verhoef", "Ines Carvalho", "Peter Lindqvist", "Nadia Okafor")
EVENTS = (  # (body sentence, headline)
    (("A fire at a grain depot in {town} killed {n} workers and injured {m} others on Tuesday, the "
     "regional fire service said."),
     "Depot fire in {town}"),
    (("Police in {town} arrested {n} people after a protest over water prices turned violent, "
     "officials said."),
     "Arrests after {town} protest"),
    (("A bus carrying {n} passengers overturned near {town}, injuring {m} of them, according to the "
     "county emergency office."),
     "Bus overturns near {town}"),
)


def write_inbox(folder: Path, count: int) -> None:
    """``count`` short articles of our own (distinct content, so every one loads)."""
    folder.mkdir(parents=True)
    for i in range(count):
        town = TOWNS[i % len(TOWNS)]
        body, title = EVENTS[i % len(EVENTS)]
        n, m = 2 + i % 7, 3 + i % 5
        mayor = MAYORS[i % len(MAYORS)]
        published = f"Published: March {1 + i % 28}, 2026"  # dated, so the run is `success`, not `partial`
        text = (f"{title.format(town=town)}\n\n{published}\n\n"
                f"{town.upper()} — {body.format(town=town, n=n, m=m)}\n\n"
                f"\"We are still counting the damage,\" said Mayor {mayor}, who visited the site on day {i + 1}.\n")
        (folder / f"article_{i:03d}.txt").write_text(text, encoding="utf-8")


# ------------------------------------------------------------------------------------ the run


def dag_parsed(metadata: sa.Engine) -> bool:
    with metadata.connect() as conn:
        return bool(conn.execute(sa.text("SELECT 1 FROM serialized_dag WHERE dag_id = :d"), {"d": DAG_ID}).first())


def trigger(env: dict[str, str], conf: dict) -> str:
    airflow("dags", "unpause", DAG_ID, env=env)
    run_id = f"celery_demo__{time.strftime('%Y%m%dT%H%M%S')}"
    airflow("dags", "trigger", DAG_ID, "-r", run_id, "-c", json.dumps(conf), env=env)
    return run_id


def run_state(metadata: sa.Engine, run_id: str) -> str | None:
    with metadata.connect() as conn:
        state = conn.execute(sa.text("SELECT state FROM dag_run WHERE dag_id = :d AND run_id = :r"),
                             {"d": DAG_ID, "r": run_id}).scalar()
    return state if state in ("success", "failed") else None


def task_rows(metadata: sa.Engine, run_id: str) -> list:
    sql = ("SELECT task_id, map_index, state, hostname, try_number, start_date, end_date FROM task_instance "
           "WHERE dag_id = :d AND run_id = :r ORDER BY start_date NULLS LAST, task_id, map_index")
    with metadata.connect() as conn:
        return conn.execute(sa.text(sql), {"d": DAG_ID, "r": run_id}).all()


def report(rows: list) -> set[str]:
    """Print every task instance with the worker that ran it; returns the workers of the batches."""
    say("task instances (worker = the Celery worker that ran it):")
    print(f"  {'task':<16}{'batch':>6}  {'state':<9}{'worker':<32}{'try':>4}{'seconds':>9}")
    batch_workers = set()
    for task, idx, state, host, tries, start, end in rows:
        secs = f"{(end - start).total_seconds():.1f}" if start and end else "-"
        worker = (host or "-").split("@")[0] if host and "@" in host else (host or "-")
        print(f"  {task:<16}{idx if idx >= 0 else '':>6}  {state or '-':<9}{worker:<32}{tries:>4}{secs:>9}")
        if task == "process_batch" and state == "success":
            batch_workers.add(worker)
    return batch_workers


def run_demo(root: Path, services: Services, files: int, batch_size: int) -> bool:
    ports = {name: free_port() for name in ("metadata", "redis", "warehouse", "api")}
    metadata_url = start_postgres(services, root, "postgres", ports["metadata"], "airflow")
    broker = start_redis(services, root, ports["redis"])
    # As in docker-compose.yml, where POSTGRES_USER makes `news` the cluster's superuser.
    warehouse_url = start_postgres(services, root, "warehouse", ports["warehouse"], "news", superuser=True)
    env = airflow_env(root, metadata_url, broker, warehouse_url, ports["api"])
    say("airflow-init: airflow db migrate")
    airflow("db", "migrate", env=env)
    say("warehouse-migrate: newsetl db upgrade")
    subprocess.run([str(VENV_BIN / "newsetl"), "db", "upgrade"], check=True,
                   env={**env, "NEWSETL_DATABASE_URL": warehouse_url})
    write_inbox(root / "inbox", files)
    start_airflow(services, env, ports["api"])
    metadata = sa.create_engine(metadata_url)
    wait_for("the DAG to be parsed", lambda: dag_parsed(metadata), timeout=180)
    wait_for("both Celery workers", lambda: workers_ready(services.logdir), timeout=180)
    say(f"api-server http://127.0.0.1:{ports['api']}, scheduler, dag-processor, triggerer, workers {', '.join(WORKERS)} up")
    conf = {"inbox": str(root / "inbox"), "batch_size": batch_size}
    t0 = time.monotonic()
    run_id = trigger(env, conf)
    say(f"triggered {DAG_ID} run {run_id} with {json.dumps(conf)}")
    state = wait_for("the DAG run to finish", lambda: run_state(metadata, run_id), timeout=1200, every=2)
    wall = time.monotonic() - t0
    used = report(task_rows(metadata, run_id))
    from etl.orchestration.summary import run_summary
    from etl.orchestration.tasks import run_key

    print(run_summary(run_key(DAG_ID, run_id), url=warehouse_url))
    metadata.dispose()
    say(f"run {run_id}: {state} in {wall:.1f} s; batches ran on {len(used)} worker(s): {', '.join(sorted(used)) or '-'}")
    return state == "success" and len(used) == len(WORKERS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=24, help="articles in the demo inbox (default 24)")
    parser.add_argument("--batch-size", type=int, default=4, help="files per mapped batch (default 4: 6 batches)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder with every service's log")
    args = parser.parse_args(argv)
    ensure_packages()
    root = Path(tempfile.mkdtemp(prefix="newsetl-celery-demo-"))
    os.chmod(root, 0o755)  # the postgres OS user must reach its data folders
    (root / "logs").mkdir()
    services = Services(root / "logs")
    ok = False
    with ExitStack() as stack:
        stack.callback(services.stop)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            ok = run_demo(root, services, args.files, args.batch_size)
        except (RuntimeError, TimeoutError, subprocess.CalledProcessError) as exc:
            say(f"FAILED: {exc}")
    say("stopped every service the demo started")
    if args.keep or not ok:
        say(f"logs kept in {root / 'logs'}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
