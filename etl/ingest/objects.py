"""Object storage inboxes (``s3://bucket/prefix`` and other fsspec URLs), streamed.

Credentials: a file system registered for the URL's protocol (the DAG registers the one of an
Airflow connection through ``ObjectStoragePath``, see :func:`attach_connection`), else fsspec's
default for the protocol, which for S3 (s3fs / botocore) reads the standard ``AWS_*``
environment variables (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_ENDPOINT_URL``, …).

Objects are read with ranged requests through fsspec's file objects: never downloaded whole to
disk; a WARC record is read by seeking to its offset. The ledger records each object's URL as
its locator and its ETag / version.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from typing import Any

from etl.ingest import locators
from etl.ingest.files import kind_for, matches

log = logging.getLogger(__name__)

# Keys of fsspec ``info()`` dicts that identify an object's content / version, per backend.
ETAG_KEYS = ("ETag", "etag", "md5Hash", "md5")
VERSION_KEYS = ("VersionId", "version_id", "generation")

# Object stores an inbox URL may name (fsspec protocols; s3fs is installed, the others need
# their fsspec package: gcsfs, adlfs, ossfs).
OBJECT_PROTOCOLS = ("s3", "s3a", "gs", "gcs", "abfs", "abfss", "az", "oss")

READ_BLOCK = 1024 * 1024

_filesystems: dict[str, Any] = {}  # protocol → file system registered by the caller


def is_remote(inbox: str) -> bool:
    """A URL other than ``file://``."""
    return locators.is_url(inbox) and not inbox.lower().startswith("file://")


def split(url: str) -> tuple[str, str]:
    """(protocol, path without the protocol) of an object URL; the path is the file system's."""
    protocol, _, rest = url.partition("://")
    return protocol.lower(), locators.unprintable(rest)


def register(protocol: str, fs: Any) -> None:
    """Use ``fs`` for every URL of ``protocol`` in this process."""
    _filesystems[protocol] = fs


def attach_connection(url: str, conn_id: str | None) -> None:
    """Register the file system of an Airflow connection for ``url``'s protocol.

    Goes through ``airflow.sdk.ObjectStoragePath``, so every scheme an installed provider
    supports works (``s3://`` with the Amazon provider); a connection that is not defined
    falls back to the provider's default credentials (for S3 the ``AWS_*`` variables).
    """
    from airflow.sdk import ObjectStoragePath

    base = locators.parse(url).base
    protocol, _ = split(base)
    register(protocol, ObjectStoragePath(base, conn_id=conn_id or None).fs)
    log.info("object storage %s:// through connection %r", protocol, conn_id)


def filesystem(protocol: str):
    fs = _filesystems.get(protocol)
    if fs is None:
        import fsspec

        fs = _filesystems[protocol] = fsspec.filesystem(protocol)
    return fs


def url_of(protocol: str, path: str) -> str:
    return f"{protocol}://{locators.printable(path)}"


def discover_objects(url: str, include: Iterable[str] = ("*",), exclude: Iterable[str] = ()) -> list[str]:
    """Object URLs under ``url`` with an article or container suffix, sorted.

    Raises FileNotFoundError when nothing exists at ``url`` (a wrong bucket or prefix), and the
    file system's error when the store cannot be listed (credentials, network).
    """
    protocol, path = split(url)
    fs = filesystem(protocol)
    fs.invalidate_cache()
    path = path.rstrip("/")
    if fs.isfile(path):
        return [url_of(protocol, path)]
    if not fs.exists(path):
        raise FileNotFoundError(f"inbox not found: {url}")
    include, exclude = list(include) or ["*"], list(exclude)
    found = []
    for key in fs.find(path):
        rel = locators.printable(key[len(path) :].lstrip("/"))
        if any(part.startswith(".") for part in rel.split("/")) or not kind_for(key):
            continue
        if matches(rel, include) and not matches(rel, exclude):
            found.append(url_of(protocol, key))
    return sorted(found)


def open_object(base: str):
    """A buffered, seekable binary file over the object (ranged reads, nothing saved to disk)."""
    protocol, path = split(base)
    # 1 MiB ranged reads (s3fs' default is 5 MiB: too much for one WARC record at an offset)
    raw = filesystem(protocol).open(path, "rb", block_size=READ_BLOCK)
    return io.BufferedReader(raw, buffer_size=256 * 1024)


def object_info(base: str) -> dict:
    """``size``, ``etag`` and ``version`` of an object (the last two None when the store has none)."""
    protocol, path = split(base)
    info = filesystem(protocol).info(path)
    etag = next((info[k] for k in ETAG_KEYS if info.get(k)), None)
    version = next((info[k] for k in VERSION_KEYS if info.get(k)), None)
    return {
        "size": int(info.get("size") or 0),
        "etag": str(etag).strip('"') if etag else None,
        "version": str(version) if version else None,
    }
