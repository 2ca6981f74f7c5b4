"""The ingest DAG's identity and run parameters: DAG ids, schedule, params and the conf check.

:func:`param_specs` is what ``dags/newsetl_ingest.py`` turns into ``airflow.sdk.Param`` objects;
:func:`validate_params` applies the same schema for callers outside Airflow.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from etl.orchestration.planning import (
    AUTO_MAX_FILES,
    AUTO_MIN_FILES,
    DEFAULT_BATCH_SIZE,
    MAX_BATCHES,
)
from etl.settings import REPO_ROOT

INGEST_DAG_ID = "newsetl_ingest"
MIGRATE_DAG_ID = "newsetl_migrate"
DEFAULT_SCHEDULE = "0 2 * * *"  # nightly, 02:00 UTC


class UnknownConf(ValueError):
    """The run's conf holds keys that are not params of the DAG (e.g. a misspelled one)."""


def default_inbox() -> str:
    return os.environ.get("NEWSETL_INBOX") or str(REPO_ROOT / "inbox")


def param_specs() -> dict[str, dict[str, Any]]:
    """The DAG's run parameters as JSON schema (``airflow.sdk.Param(**spec)``), with defaults."""
    return {
        "inbox": {
            "default": default_inbox(),
            "type": "string",
            "minLength": 1,
            "title": "Inbox",
            "description": "Folder (searched recursively), single file or object-storage prefix "
            "(s3://bucket/prefix) to ingest, as seen by the workers; file:// URLs are accepted. "
            "Default: NEWSETL_INBOX.",
        },
        "storage_conn_id": {
            "default": "aws_default",
            "type": "string",
            "title": "Object storage connection",
            "description": "Airflow connection for an s3:// (or other object storage) inbox, read "
            "through ObjectStoragePath; when it is not defined, the standard AWS_* environment "
            "variables of the workers are used.",
        },
        "include": {
            "default": "*",
            "type": "string",
            "minLength": 1,
            "title": "Include glob",
            "description": "Glob matched against the path relative to the inbox and the file name, "
            "e.g. *.html or 2024-*/*.txt. Only .html/.htm/.txt (and .gz) files are taken.",
        },
        "reprocess": {
            "default": False,
            "type": "boolean",
            "title": "Reprocess",
            "description": "Extract and load again files whose content is already loaded "
            "(articles updated, child rows replaced).",
        },
        "batch_size": {
            "default": DEFAULT_BATCH_SIZE,
            "type": ["null", "integer"],
            "minimum": 1,
            "maximum": 100000,
            "title": "Batch size",
            "description": f"Files per mapped task. Empty (the default): the files split over "
            f"about one task per parallel slot (NEWSETL_MAX_PARALLEL_BATCHES), {AUTO_MIN_FILES} to "
            f"{AUTO_MAX_FILES} files each, so that loading the spaCy model is a small share of a "
            f"task. Raised automatically so that a run has at most {MAX_BATCHES} batches. A task "
            f"parses NEWSETL_BATCH_SIZE files at a time.",
        },
        "max_files": {
            "default": None,
            "type": ["null", "integer"],
            "minimum": 1,
            "title": "Max files",
            "description": "Take at most this many files (in path order); empty: all.",
        },
        "dry_run": {
            "default": False,
            "type": "boolean",
            "title": "Dry run",
            "description": "Extract everything but write nothing to the warehouse.",
        },
    }


def validate_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Defaults filled in and values checked against :func:`param_specs` (for non-Airflow callers)."""
    import jsonschema

    out = {}
    for name, spec in param_specs().items():
        schema = {k: v for k, v in spec.items() if k not in ("default", "title", "description")}
        value = params.get(name, spec["default"])
        jsonschema.validate(value, schema)
        out[name] = value
    return out


def check_conf(conf: Mapping[str, Any] | None) -> None:
    """Raise UnknownConf naming the unknown keys and listing the valid ones."""
    valid = sorted(param_specs())
    unknown = sorted(k for k in (conf or {}) if k not in valid)
    if unknown:
        raise UnknownConf(
            f"unknown conf key(s) {', '.join(map(repr, unknown))}: valid keys are {', '.join(valid)}"
        )


def schedule() -> str | None:
    """Cron expression of the nightly run (``NEWSETL_SCHEDULE``; ``none`` disables it)."""
    raw = os.environ.get("NEWSETL_SCHEDULE", DEFAULT_SCHEDULE).strip()
    return None if raw.lower() in ("", "none", "off", "manual") else raw
