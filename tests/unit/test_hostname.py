"""etl.hostname: task instances tell apart workers that share a host."""

from __future__ import annotations

import socket

from etl.hostname import worker_hostname


def test_named_worker_reports_its_name_and_the_host(monkeypatch):
    monkeypatch.setenv("NEWSETL_WORKER_NAME", "worker2")
    assert worker_hostname() == f"worker2@{socket.getfqdn()}"


def test_unnamed_worker_reports_the_host(monkeypatch):
    monkeypatch.delenv("NEWSETL_WORKER_NAME", raising=False)
    assert worker_hostname() == socket.getfqdn()
