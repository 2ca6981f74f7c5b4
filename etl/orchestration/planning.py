"""Planning a run: the inbox resolved, its sources discovered, their locators split into batches.

:func:`plan_batches` caps the number of mapped tasks (:data:`MAX_BATCHES`) by making batches
larger when an inbox is big; without a batch size, :func:`auto_batch_size` gives about one
mapped task per parallel slot (:func:`max_parallel_batches`). Only locators (strings) travel
between tasks, never payloads.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MAX_BATCHES = 200  # mapped tasks per run, far below Airflow's max_map_length (1024)
DEFAULT_BATCH_SIZE = None  # None: auto_batch_size() (about one mapped task per parallel slot)
# Auto sizing: a mapped task loads the spaCy model (imports and model, about 3 s) when its
# process has not already, so it gets enough files that the load is a small share of it
# (200 files: about 20 s of pages or texts on one core), and no more than a retry should redo.
AUTO_MIN_FILES = 200
AUTO_MAX_FILES = 1000


class InboxError(ValueError):
    """The inbox parameter cannot be used (missing folder, unsupported URL)."""


def max_parallel_batches() -> int:
    """Mapped batches of one run running at once (``NEWSETL_MAX_PARALLEL_BATCHES``, default 4)."""
    from etl.settings import _int

    return _int("NEWSETL_MAX_PARALLEL_BATCHES", 4)


def resolve_inbox(inbox: str) -> Path | str:
    """Local path (or object-storage URL) of the inbox parameter; InboxError when unusable."""
    from etl.ingest.objects import OBJECT_PROTOCOLS

    inbox = inbox.strip()
    if "://" in inbox:
        scheme, _, rest = inbox.partition("://")
        if scheme.lower() in OBJECT_PROTOCOLS:
            return inbox
        if scheme.lower() != "file":
            raise InboxError(
                f"inbox {inbox!r}: {scheme}:// URLs are not supported; give a folder path the "
                f"workers can read or an object-storage URL ({', '.join(OBJECT_PROTOCOLS)})"
            )
        inbox = rest
    path = Path(inbox).expanduser()
    if not path.exists():
        raise InboxError(f"inbox not found: {path} (the path must exist where the tasks run)")
    return path


def plan_batches(
    inbox: str,
    include: str | Sequence[str] = "*",
    *,
    batch_size: int | None = DEFAULT_BATCH_SIZE,
    max_files: int | None = None,
    max_batches: int = MAX_BATCHES,
    storage_conn_id: str | None = None,
) -> dict[str, Any]:
    """Discover the inbox's sources and split their locators into at most ``max_batches`` batches
    of ``batch_size`` (None: :func:`auto_batch_size`).

    Locators are file paths, WARC records (``FILE#offset=N``), JSON lines (``FILE#line=N``) or
    object URLs: only these strings travel through XCom, never payloads.
    """
    from etl.ingest import discover

    if batch_size is not None and batch_size < 1:
        raise ValueError("batch_size must be ≥ 1")
    root = resolve_inbox(inbox)
    use_storage_connection([str(root)], storage_conn_id)
    patterns = [include] if isinstance(include, str) else list(include)
    try:
        paths = discover(root, patterns)
    except FileNotFoundError as exc:
        raise InboxError(f"{exc} (the path must exist where the tasks run)") from exc
    if max_files is not None:
        paths = paths[:max_files]
    batch_size = batch_size or auto_batch_size(len(paths))
    size = max(batch_size, math.ceil(len(paths) / max_batches)) if paths else batch_size
    if size != batch_size:
        log.info("%d files: batch size raised from %d to %d (at most %d batches)", len(paths), batch_size, size, max_batches)
    batches = [paths[i : i + size] for i in range(0, len(paths), size)]
    log.info("%d files under %s in %d batches of up to %d", len(paths), root, len(batches), size)
    return {"inbox": str(root), "files": len(paths), "batch_size": size, "batches": batches}


def auto_batch_size(files: int, slots: int | None = None) -> int:
    """Files per mapped task when the run does not say: ``files`` split over the ``slots``
    (default :func:`max_parallel_batches`) tasks that run at once, within
    [:data:`AUTO_MIN_FILES`, :data:`AUTO_MAX_FILES`]."""
    slots = slots or max_parallel_batches()
    return min(AUTO_MAX_FILES, max(AUTO_MIN_FILES, math.ceil(files / max(1, slots))))


def use_storage_connection(locators: Sequence[str], conn_id: str | None) -> None:
    """Read the object-storage locators among ``locators`` through the Airflow connection ``conn_id``."""
    from etl.ingest import objects

    if not conn_id:
        return
    first_of: dict[str, str] = {}  # protocol → one object URL of it
    for loc in locators:
        if objects.is_remote(loc):
            first_of.setdefault(objects.split(loc)[0], loc)
    for url in first_of.values():
        objects.attach_connection(url, conn_id)
