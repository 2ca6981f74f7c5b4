"""WARC (and ARC) files: one source per ``response`` / ``resource`` record with an HTML payload.

Reader: warcio (streaming, pure Python, also writes WARC for the tests; parsing costs a few ms
per record against the ~100 ms spaCy spends on the article, see ``benchmarks/bench_warc.py``).

* :func:`scan` lists the records worth a ledger row as ``PATH#offset=N`` (N: the byte offset
  of the record, its gzip member for ``.warc.gz``), streaming the file once. ``warcinfo``,
  ``request``, ``metadata`` and ``conversion`` records are not articles and are not listed.
* :func:`read_record` seeks to the offset and reads that one record: the HTTP payload
  (dechunked, content-encoding undone), bounded by the record limit. Revisit, truncated,
  non-HTML and non-2xx records are rejected with the reason, each alone.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from etl.ingest import locators
from etl.ingest.payload import Payload, Rejected
from etl.ingest.reading import TooLarge

log = logging.getLogger(__name__)

ARTICLE_RECORDS = ("response", "resource", "revisit")
HTML_TYPES = ("text/html", "application/xhtml+xml")
SNIFF_TYPES = ("", "text/plain", "application/octet-stream", "unk", "unknown", "application/unknown")
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)

Opener = Callable[[], BinaryIO]


def scan(open_file: Opener, base: str) -> list[str]:
    """Locators of the article-bearing records of one WARC; never raises.

    A record that cannot be parsed is listed at its offset (reading it again gives the reason)
    and the scan stops there; a gzip WARC not compressed record by record is one rejection.
    """
    found: list[str] = []
    skipped: Counter = Counter()
    it = None
    try:
        with open_file() as f:
            it = ArchiveIterator(f, arc2warc=is_arc(base))
            for rec in it:
                if not found and not skipped and not _format_fits(base, rec):
                    return [locators.rejected(base, "not-warc")]
                if rec.rec_type in ARTICLE_RECORDS:
                    found.append(locators.record(base, "offset", it.get_record_offset()))
                else:
                    skipped[rec.rec_type] += 1
    except ArchiveLoadFailed as exc:
        if "non-chunked" in str(exc):
            return [locators.rejected(base, "warc-not-chunked")]
        found.append(locators.record(base, "offset", it.offset if it else 0))
    except Exception as exc:  # noqa: BLE001 -- a broken file is that file's problem
        log.warning("%s: scan stopped: %s: %s", base, type(exc).__name__, exc)
        offset = it.offset if it else 0
        if not found or not found[-1].endswith(f"#offset={offset}"):
            found.append(locators.record(base, "offset", offset))
    if skipped:
        log.info("%s: %d records listed, not articles: %s", base, len(found), dict(skipped))
    return found or [locators.rejected(base, "no-records")]


def is_arc(base: str) -> bool:
    return base.lower().removesuffix(".gz").endswith(".arc")


def _format_fits(base: str, rec) -> bool:
    """A ``.warc`` holds WARC records (warcio would read any text line as an ARC header)."""
    return is_arc(base) or rec.format == "warc"


def read_record(open_file: Opener, offset: int, limit: int, arc: bool = False) -> Payload:
    """The record at ``offset`` as a payload with its URL and fetch date; ValueError = rejection."""
    with open_file() as f:
        f.seek(offset)
        it = ArchiveIterator(f, arc2warc=arc)
        try:
            rec = next(iter(it))
        except StopIteration:
            raise ValueError(f"no WARC record at offset {offset}") from None
        except ArchiveLoadFailed as exc:
            raise ValueError(f"corrupt WARC record at offset {offset}: {_first_line(exc)}") from None
        meta = _meta(rec, offset)
        try:
            return _payload(rec, meta, limit)
        except ValueError as exc:  # TooLarge too
            raise Rejected(str(exc), meta=meta) from None


def _payload(rec, meta: dict, limit: int) -> Payload:
    _check_record(rec)
    mime, charset = _content_type(rec)
    if mime not in HTML_TYPES and mime not in SNIFF_TYPES:
        raise ValueError(f"not HTML: {rec.rec_type} record of type {mime}")
    stream = rec.content_stream()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"too large: WARC payload over {limit} bytes (the limit)")
    _check_complete(rec, stream)
    if mime not in HTML_TYPES and not (mime in SNIFF_TYPES and _HTML_SNIFF.search(data[:4096])):
        raise ValueError(f"not HTML: {rec.rec_type} record of type {mime or 'unknown'}")
    return Payload(data=data, fmt="html", declared=charset, meta=meta)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _meta(rec, offset: int) -> dict:
    h = rec.rec_headers
    meta = {"record_offset": offset}
    if h.get_header("WARC-Target-URI"):
        meta["url"] = h.get_header("WARC-Target-URI").strip("<> ")
    if h.get_header("WARC-Date"):
        meta["fetched"] = h.get_header("WARC-Date")
    return meta


def _check_record(rec) -> None:
    h = rec.rec_headers
    if rec.rec_type == "revisit":
        when = h.get_header("WARC-Refers-To-Date")
        raise ValueError("revisit record: no payload, the page was unchanged" + (f" since {when}" if when else ""))
    if rec.rec_type not in ARTICLE_RECORDS:
        raise ValueError(f"{rec.rec_type} record, not an article")
    truncated = h.get_header("WARC-Truncated")
    if truncated:
        raise ValueError(f"truncated record (WARC-Truncated: {truncated})")
    if rec.http_headers is not None and rec.rec_type == "response":
        status = rec.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            raise ValueError(f"HTTP status {status or 'unknown'}: not a page")


def _content_type(rec) -> tuple[str, str | None]:
    if rec.http_headers is not None and rec.rec_type == "response":
        value = rec.http_headers.get_header("Content-Type") or ""
    else:
        value = rec.rec_headers.get_header("Content-Type") or ""
    m = _CHARSET.search(value)
    return value.split(";")[0].strip().lower(), (m.group(1) if m else None)


def _check_complete(rec, stream) -> None:
    """The file ended inside this record (cut download): reject rather than load half a page."""
    while stream.read(1024 * 1024):
        pass  # drain what is left of the payload (streamed, nothing kept)
    left = getattr(rec.raw_stream, "limit", 0)
    if left > 0:
        raise ValueError(f"truncated record: the file ends {left} bytes before the record does")
