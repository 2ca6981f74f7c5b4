"""Crawler JSON: news-please style objects in ``.json`` (one object or an array) and JSON lines.

The crawler's metadata becomes the source's ``meta`` (title, publication date, URL, authors,
language, site) and later fills the article with ``published_source = "crawler"``; the text
to clean is ``html`` / ``raw_html`` when present (HTML cleaner), else ``title`` + ``maintext``
(text cleaner). A malformed line is rejected alone, with its line number.

JSON lines are read sequentially: one cursor stays open on the last file read, so a batch of
consecutive lines costs one pass over the file, not one pass per line.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from etl.ingest import locators
from etl.ingest.payload import Payload
from etl.ingest.reading import TooLarge, read_maybe_gzip

log = logging.getLogger(__name__)
Opener = Callable[[], BinaryIO]
SKIP_CHUNK = 1024 * 1024

# Article field → the names crawlers use for it, first found wins (news-please's first).
FIELD_NAMES = {
    "title": ("title", "headline"),
    "text": ("maintext", "text"),
    "html": ("raw_html", "html"),
    "published": ("date_publish", "date_published", "published"),
    "fetched": ("date_download", "date_crawled"),
    "url": ("url",),
    "language": ("language",),
    "authors": ("authors", "author"),
    "site_name": ("source_domain", "sitename", "site_name"),
}


# ------------------------------------------------------------------------------ line reading


def _stream(f: BinaryIO, gz: bool):
    return gzip.GzipFile(fileobj=f, mode="rb") if gz else f


def iter_lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number from 1, line bytes) — None for a line longer than ``limit``, skipped streaming."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                more = stream.readline(SKIP_CHUNK)
                if not more or more.endswith(b"\n"):
                    break
            yield n, None
        else:
            yield n, line


def scan_lines(open_file: Opener, base: str, gz: bool, limit: int) -> list[str]:
    """``PATH#line=N`` for every non-blank line; never raises (a broken stream is listed where it broke)."""
    found: list[str] = []
    n = 0
    try:
        with open_file() as f:
            for n, line in iter_lines(_stream(f, gz), limit):
                if line is None or line.strip():
                    found.append(locators.record(base, "line", n))
    except Exception as exc:  # noqa: BLE001 -- reading that line again gives the reason
        log.warning("%s: scan stopped after line %d: %s: %s", base, n, type(exc).__name__, exc)
        found.append(locators.record(base, "line", n + 1))
    return found or [locators.rejected(base, "no-records")]


@dataclass
class _Cursor:
    key: tuple
    file: BinaryIO
    lines: Iterator[tuple[int, bytes | None]]
    next_no: int = 1

    def close(self) -> None:
        self.file.close()


_cursor: _Cursor | None = None


def read_line(open_file: Opener, key: tuple, n: int, gz: bool, limit: int) -> bytes:
    """Bytes of line ``n``, reusing the open cursor when it has not passed the line yet."""
    global _cursor
    if _cursor is None or _cursor.key != key or _cursor.next_no > n:
        if _cursor is not None:
            _cursor.close()
        _cursor = None
        f = open_file()
        _cursor = _Cursor(key, f, iter_lines(_stream(f, gz), limit))
    cur = _cursor
    try:
        for no, line in cur.lines:
            cur.next_no = no + 1
            if no == n:
                if line is None:
                    raise TooLarge(f"too large: line {n} is over {limit} bytes (the limit)")
                return line
    except (OSError, EOFError, ValueError) as exc:
        cur.close()
        _cursor = None
        if isinstance(exc, TooLarge):
            raise
        raise ValueError(f"line {n}: unreadable: {type(exc).__name__}: {exc}") from None
    raise ValueError(f"no line {n}: the file has fewer lines")


# ---------------------------------------------------------------------------------- objects


def parse_line(line: bytes, n: int) -> Any:
    try:
        return json.loads(line.rstrip(b"\r\n"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        msg = f"{exc.msg} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise ValueError(f"malformed JSON on line {n}: {msg}") from None


def read_document(open_file: Opener, gz: bool, max_stored: int, max_expanded: int) -> Any:
    """A whole ``.json`` file parsed (bounded); ValueError when it is not JSON."""
    with open_file() as f:
        data, _ = read_maybe_gzip(f, gz=gz, max_stored=max_stored, max_expanded=max_expanded, what="JSON file")
    try:
        return json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        if isinstance(exc, json.JSONDecodeError) and exc.msg == "Extra data":
            raise _JsonLines() from None
        where = f" on line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        what = f"{exc.msg} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise ValueError(f"malformed JSON{where}: {what}") from None


class _JsonLines(ValueError):
    """A .json file that holds one object per line."""


def scan_document(open_file: Opener, base: str, gz: bool, limits) -> list[str]:
    """``PATH`` for one object, ``PATH#item=N`` per element of an array, lines for JSON lines."""
    try:
        doc = read_document(open_file, gz, limits.max_file_bytes, limits.max_decompressed_bytes)
    except _JsonLines:
        return scan_lines(open_file, base, gz, limits.max_record_bytes)
    except Exception:  # noqa: BLE001 -- reading it again gives the reason
        return [base]
    if isinstance(doc, list):
        return [locators.record(base, "item", i) for i in range(1, len(doc) + 1)] or [
            locators.rejected(base, "no-records")
        ]
    return [base]


def _first(obj: dict, field: str) -> Any:
    for name in FIELD_NAMES[field]:
        value = obj.get(name)
        if value not in (None, "", []):
            return value
    return None


def iso_date(value: Any) -> str | None:
    """A crawler's date as ISO 8601 (news-please writes ``2024-03-01 10:15:00``), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(text).isoformat()
    except (ValueError, OverflowError):
        return None


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [a.strip() for a in value if isinstance(a, str) and a.strip()]


def payload_from_object(obj: Any, where: str) -> Payload:
    """The article a crawler object carries; ValueError (with ``where``) when it carries none."""
    if not isinstance(obj, dict):
        raise ValueError(f"{where}: a JSON {type(obj).__name__}, not an object with an article")  # noqa: TRY004
    title, html, text = _first(obj, "title"), _first(obj, "html"), _first(obj, "text")
    meta = {"title": title if isinstance(title, str) else None}
    meta.update(
        url=_first(obj, "url"),
        published=iso_date(_first(obj, "published")),
        fetched=iso_date(_first(obj, "fetched")),
        language=_first(obj, "language"),
        site_name=_first(obj, "site_name"),
        authors=_authors(_first(obj, "authors")),
    )
    meta = {k: v for k, v in meta.items() if v not in (None, "", []) and (k == "authors" or isinstance(v, str))}
    if meta.get("published"):
        meta["published_source"] = "crawler"
    if isinstance(html, str) and html.strip():
        return Payload(text=html, fmt="html", meta=meta)
    if isinstance(text, str) and text.strip():
        body = f"{meta['title']}\n\n{text}" if meta.get("title") else text
        return Payload(text=body, fmt="text", meta=meta)
    raise ValueError(f"{where}: no article text (maintext, text, html or raw_html)")
