"""Host names that tell Airflow workers apart when several run on one machine.

Airflow records ``task_instance.hostname`` through ``[core] hostname_callable``. Two Celery
workers on one host would both report the host's name; with
``AIRFLOW__CORE__HOSTNAME_CALLABLE=etl.hostname.worker_hostname`` and ``NEWSETL_WORKER_NAME``
set per worker, each task instance records which worker ran it (``worker1@host``).
"""

from __future__ import annotations

import os
import socket


def worker_hostname() -> str:
    """``NEWSETL_WORKER_NAME@fqdn`` when the worker is named, else the fully qualified host name."""
    host = socket.getfqdn()
    name = os.environ.get("NEWSETL_WORKER_NAME", "").strip()
    return f"{name}@{host}" if name else host
