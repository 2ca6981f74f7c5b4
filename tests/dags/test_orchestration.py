"""The task functions of etl.orchestration, without Airflow's scheduler."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from etl import orchestration as orch
from tests.support import ARTICLES

pytestmark = pytest.mark.dags


class _Conn:  # the attributes of an Airflow Connection that connection_url reads
    def __init__(self, **kw):
        self.host, self.port, self.login, self.password, self.schema = (
            kw.get("host"), kw.get("port"), kw.get("login"), kw.get("password"), kw.get("schema"),
        )
        self.extra_dejson = kw.get("extra", {})


def test_connection_url_for_a_tcp_server_and_for_a_unix_socket():
    tcp = orch.connection_url(
        _Conn(host="warehouse", port=5432, login="news", password="p@ss", schema="newsetl",
              extra={"sslmode": "require", "cursor": "dictcursor"})
    )
    url = sa.engine.make_url(tcp)
    assert (url.drivername, url.host, url.port, url.username, url.password, url.database) == (
        "postgresql+psycopg2", "warehouse", 5432, "news", "p@ss", "newsetl",
    )
    assert dict(url.query) == {"sslmode": "require"}  # Airflow-only extras are dropped
    sock = sa.engine.make_url(orch.connection_url(_Conn(login="postgres", schema="x", extra={"host": "/tmp/pg"})))
    assert sock.host is None and dict(sock.query) == {"host": "/tmp/pg"} and sock.database == "x"


def test_plan_keeps_the_number_of_mapped_tasks_bounded(tmp_path):
    for i in range(450):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Headline {i}\n\nBody {i}.\n")
    (tmp_path / "notes.md").write_text("not an article")
    plan = orch.plan_batches(str(tmp_path), batch_size=1)
    assert plan["files"] == 450 and plan["batch_size"] == 3
    assert len(plan["batches"]) == 150 <= orch.MAX_BATCHES
    assert [p for b in plan["batches"] for p in b] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    small = orch.plan_batches(f"file://{tmp_path}", include="a00*", batch_size=4, max_files=7)
    assert small["files"] == 7 and [len(b) for b in small["batches"]] == [4, 3]
    # Only paths travel through XCom: the plan is plain JSON.
    assert json.loads(json.dumps(plan)) == plan


def test_inbox_urls_and_missing_folders_are_refused_clearly(tmp_path):
    with pytest.raises(orch.InboxError, match="s3:// URLs are not supported"):
        orch.plan_batches("s3://bucket/inbox")
    with pytest.raises(orch.InboxError, match="inbox not found"):
        orch.plan_batches(str(tmp_path / "missing"))
    assert orch.plan_batches(str(ARTICLES))["files"] == 3


def test_params_validation_outside_airflow():
    import jsonschema

    assert orch.validate_params({"inbox": "x"})["batch_size"] == orch.DEFAULT_BATCH_SIZE
    with pytest.raises(jsonschema.ValidationError):
        orch.validate_params({"inbox": "x", "batch_size": 0})


def test_schedule_is_configurable(monkeypatch):
    monkeypatch.delenv("NEWSETL_SCHEDULE", raising=False)
    assert orch.schedule() == "0 2 * * *"
    monkeypatch.setenv("NEWSETL_SCHEDULE", "30 4 * * 1-5")
    assert orch.schedule() == "30 4 * * 1-5"
    monkeypatch.setenv("NEWSETL_SCHEDULE", "none")
    assert orch.schedule() is None


def test_close_run_without_a_plan_reports_what_failed():
    with pytest.raises(orch.RunFailed, match="nothing was processed"):
        orch.close_run(None, None, None, None)
    result = orch.close_run(None, [["a.txt"]], [{"files_seen": 1, "loaded": 1}], {}, dry_run=True)
    assert result["status"] == "dry-run" and result["loaded"] == 1
    with pytest.raises(orch.RunFailed, match="1 of 2 batches failed"):
        orch.close_run(None, [["a"], ["b"]], [{"files_seen": 1, "loaded": 1}], None, dry_run=True)
