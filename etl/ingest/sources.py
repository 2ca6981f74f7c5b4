"""``read_source(locator)``: one unit of work as a SourceFile, bounded, never raising.

Whatever the container (a local file, an object, a WARC record, a JSON line), the bytes go
through the same steps: size limits, bounded gunzip, honest decoding (``replaced_bytes``),
control characters removed (``removed_chars``), format sniffing, sha256 of the content.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re

from etl.ingest import crawljson, locators, objects, warc
from etl.ingest.decoding import decode_bytes, remove_controls
from etl.ingest.files import NotAFile, format_for, kind_for, open_local
from etl.ingest.payload import Payload, Rejected
from etl.ingest.reading import GZIP_MAGIC, HashingReader, TooLarge, gunzip_limited, read_limited
from etl.logs import file_failed
from etl.models import SourceFile
from etl.settings import get_settings

log = logging.getLogger(__name__)

_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p|div)[\s>]", re.IGNORECASE)
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def read_source(locator: str | os.PathLike) -> SourceFile:
    """Read one locator. Never raises for bad content or bad entries: the reason goes to ``error``."""
    loc = locators.parse(locators.printable(os.fspath(locator)) if not isinstance(locator, str) else locator)
    if loc.reject_reason:
        return SourceFile(path=loc.base, sha256="", size=0, error=loc.reject_reason)
    src = _read_or_reject(loc)
    if objects.is_remote(loc.base):
        _add_object_meta(src, loc.base)
    return src


def _read_or_reject(loc: locators.Locator) -> SourceFile:
    path = str(loc)
    try:
        return _read(loc)
    except Rejected as exc:
        meta, _ = _clean_meta(exc.meta)
        return SourceFile(path=path, sha256=exc.sha256, size=exc.size, format=exc.fmt, error=str(exc), meta=meta)
    except (TooLarge, NotAFile, ValueError) as exc:
        return SourceFile(path=path, sha256="", size=0, error=str(exc))
    except OSError as exc:
        return SourceFile(path=path, sha256="", size=0, error=f"unreadable: {exc.strerror or exc}")
    except Exception as exc:
        file_failed(log, "reading", path, exc)
        return SourceFile(path=path, sha256="", size=0, error=f"unreadable: {type(exc).__name__}: {exc}")


def _add_object_meta(src: SourceFile, base: str) -> None:
    """The object's ETag / version in ``meta`` (the ledger records them), rejected or not."""
    try:
        info = objects.object_info(base)
    except Exception as exc:  # noqa: BLE001 -- the object may be gone: the reason says so already
        log.warning("%s: no object info: %s", base, exc)
        return
    src.meta.update(etag=info["etag"], version=info["version"])


def opener_for(base: str):
    if objects.is_remote(base):
        return lambda: objects.open_object(base)
    return lambda: open_local(base)


def _identity(base: str) -> tuple:
    """What changes when the file or object changes (keys the open JSON-lines cursor)."""
    if objects.is_remote(base):
        info = objects.object_info(base)
        return (base, info["etag"], info["version"], info["size"])
    st = os.stat(locators.fs_path(base))
    return (base, st.st_mtime_ns, st.st_size, st.st_ino)


def _read(loc: locators.Locator) -> SourceFile:
    limits = get_settings().ingest
    base, opener = loc.base, opener_for(loc.base)
    gz = base.lower().endswith(".gz")
    if loc.key == "offset":
        payload = warc.read_record(opener, loc.number, limits.max_record_bytes, arc=warc.is_arc(base))
    elif loc.key == "line":
        line = crawljson.read_line(opener, _identity(base), loc.number, gz, limits.max_record_bytes)
        payload = crawljson.payload_from_object(crawljson.parse_line(line, loc.number), f"line {loc.number}")
        payload.meta["line"] = loc.number
    elif loc.key == "item":
        doc = _json_document(_identity(base), opener, gz)
        if not isinstance(doc, list) or not 1 <= loc.number <= len(doc):
            raise ValueError(f"no item {loc.number} in this JSON file")
        payload = crawljson.payload_from_object(doc[loc.number - 1], f"item {loc.number}")
    else:
        payload = _whole(base, opener, gz, limits)
    return to_source(str(loc), payload)


def _whole(base: str, opener, gz: bool, limits) -> Payload:
    kind = kind_for(base)
    if kind == "warc":
        raise ValueError("a WARC file is read record by record (PATH#offset=N): give it to discover()")
    if kind == "jsonl":
        raise ValueError("a JSON-lines file is read line by line (PATH#line=N): give it to discover()")
    if kind == "json":
        doc = _json_document(_identity(base), opener, gz)
        if isinstance(doc, list):
            raise ValueError("a JSON array is read item by item (PATH#item=N): give it to discover()")
        return crawljson.payload_from_object(doc, "JSON file")
    fmt = format_for(base)
    with opener() as f:
        size = objects.object_info(base)["size"] if objects.is_remote(base) else os.fstat(f.fileno()).st_size
        if size > limits.max_file_bytes:
            raise TooLarge(f"too large: {size} bytes (limit {limits.max_file_bytes})")
        head = f.read(2)
        if not (gz or head == GZIP_MAGIC):
            raw = read_limited(f, limits.max_file_bytes - len(head))
            return Payload(data=bytes(head) + raw, fmt=fmt)
        stored = HashingReader(f, limits.max_file_bytes - len(head))
        stored.sha.update(head)
        try:  # streamed: memory is the decompressed limit, not the file
            data = gunzip_limited(stored, limits.max_decompressed_bytes, head)
        except ValueError as exc:  # TooLarge too: the file is known by the hash of its stored bytes
            stored.drain()
            raise Rejected(str(exc), sha256=stored.sha.hexdigest(), size=stored.size + len(head), fmt=fmt) from None
    return Payload(data=data, fmt=fmt, size=stored.size + len(head))


_last_document: list = []  # [(identity, parsed document)]: a JSON array is parsed once per batch


def _json_document(identity: tuple, opener, gz: bool):
    if _last_document and _last_document[0][0] == identity:
        return _last_document[0][1]
    limits = get_settings().ingest
    try:
        doc = crawljson.read_document(opener, gz, limits.max_file_bytes, limits.max_decompressed_bytes)
    except crawljson._JsonLines:
        raise ValueError("one JSON object per line: read line by line (PATH#line=N)") from None
    _last_document[:] = [(identity, doc)]
    return doc


def _clean_meta(meta: dict) -> tuple[dict, int]:
    removed = 0
    out = {}
    for key, value in meta.items():
        if isinstance(value, str):
            value, n = remove_controls(_LONE_SURROGATES.sub("\ufffd", value))
            removed += n
        elif isinstance(value, list):
            value = [remove_controls(v)[0] if isinstance(v, str) else v for v in value]
        out[key] = value
    return out, removed


def to_source(path: str, payload: Payload) -> SourceFile:
    """Decode, repair and hash a payload into a SourceFile (``error`` set when it is no article)."""
    meta, removed_meta = _clean_meta(payload.meta)
    if payload.text is not None:
        text, replaced = _LONE_SURROGATES.subn("\ufffd", payload.text)
        data, encoding = text.encode("utf-8"), "utf-8"
    else:
        data = payload.data or b""
        text, encoding, replaced = "", None, 0
    src = SourceFile(
        path=path, sha256=hashlib.sha256(data).hexdigest(), size=payload.size or len(data),
        format=payload.fmt, meta=meta,
    )
    if not data.strip():
        src.error = "empty file"
        return src
    if payload.text is None:
        try:
            decoded = decode_bytes(data, payload.fmt, payload.declared)
        except ValueError as exc:
            src.error = str(exc)
            return src
        text, encoding, replaced = decoded.text, decoded.encoding, decoded.replaced_bytes
    text, removed = remove_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    src.format = _sniffed_format(payload.fmt, data, text)
    if not text.strip():
        src.error = "empty file"
        return src
    src.text, src.encoding = text, encoding
    src.replaced_bytes, src.removed_chars = replaced, removed + removed_meta
    return src


def _sniffed_format(fmt: str | None, data: bytes, text: str) -> str:
    if fmt is None:
        return "html" if _HTML_SNIFF.search(data[:4096]) else "text"
    if fmt == "text" and _HTML_SNIFF.search(data[:2048]) and "</" in text[:4096]:
        return "html"  # an HTML page saved with a .txt name
    return fmt
