"""Ingest: find the units of work in an inbox and read each one as a SourceFile.

* :func:`discover` turns an inbox (folder, single file or object-storage URL) into locators:
  files, WARC records, JSON lines / items, and rejection locators for entries that cannot be
  read (symlinks leaving the inbox, loops, FIFOs, …). It never raises for an entry.
* :func:`read_source` turns one locator into a SourceFile, bounded and never raising: bytes
  (streamed, size-limited, gunzipped with a bound), text (honest decoding, repairs counted),
  format, sha256 and the container's metadata (``meta``); ``error`` when it is rejected.

Modules: ``locators`` (the ledger key), ``files`` (local inbox), ``objects`` (fsspec / S3),
``warc``, ``crawljson``, ``reading`` (bounded reads), ``decoding``, ``sources`` (read_source),
``meta`` (container metadata → article fields).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from etl.ingest import crawljson, locators, objects, warc
from etl.ingest.decoding import decode, decode_bytes
from etl.ingest.files import discover_local, format_for, kind_for
from etl.ingest.meta import apply_meta
from etl.ingest.sources import opener_for, read_source
from etl.settings import get_settings

__all__ = ["apply_meta", "decode", "decode_bytes", "discover", "expand", "format_for", "kind_for", "read_source"]


def discover(
    root: str | os.PathLike,
    include: Iterable[str] = ("*",),
    exclude: Iterable[str] = (),
    recursive: bool = True,
) -> list[str]:
    """Locators of everything to read under ``root``: files sorted, then records in file order.

    ``root`` is a folder (searched recursively), one file, or an object-storage URL
    (``s3://bucket/prefix``). Raises FileNotFoundError only when ``root`` does not exist.
    """
    root_s = os.fspath(root)
    if root_s.lower().startswith("file://"):
        root_s = root_s[len("file://") :]
    if objects.is_remote(root_s):
        bases = objects.discover_objects(root_s, include, exclude)
    else:
        bases = discover_local(root_s, include, exclude, recursive)
    found: list[str] = []
    for base in bases:
        found.extend(expand(base))
    return found


def expand(base: str) -> list[str]:
    """The locators inside one container (WARC records, JSON lines or items), else ``[base]``."""
    loc = locators.parse(base)
    kind = kind_for(loc.base)
    if loc.key or kind not in ("warc", "json", "jsonl"):
        return [base]
    limits = get_settings().ingest
    gz = loc.base.lower().endswith(".gz")
    opener = opener_for(loc.base)
    if kind == "warc":
        return warc.scan(opener, loc.base)
    if kind == "jsonl":
        return crawljson.scan_lines(opener, loc.base, gz, limits.max_record_bytes)
    return crawljson.scan_document(opener, loc.base, gz, limits)
