"""Locators: the string that names one unit of work and keys its ledger row.

    /inbox/a/page.html                  a local file
    /inbox/crawl.warc.gz#offset=1234    the WARC record starting at byte 1234 of the file
    /inbox/feed.jsonl.gz#line=17        line 17 (1-based) of a JSON-lines file
    /inbox/dump.json#item=3             the 3rd object of a JSON array
    s3://bucket/key.html                an object (the same fragments apply to objects)
    /inbox/pipe.txt#reject=fifo         an entry discovery refused; ``read_source`` turns the
                                        code into the rejection reason, the ledger keys on the path

File names are stored in a lossless printable form: bytes that are not valid UTF-8 become
``\\xNN``, control characters too, and a backslash becomes ``\\\\``; :func:`fs_path` undoes it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

RECORD_KEYS = ("offset", "line", "item")

# Why discovery refused an entry: the code travels in the locator, the sentence goes to the ledger.
REJECT_REASONS = {
    "symlink-outside": "symlink outside the inbox",
    "symlink-loop": "symlink loop",
    "symlink-broken": "broken symlink: its target does not exist",
    "fifo": "not a regular file: FIFO (named pipe)",
    "socket": "not a regular file: socket",
    "device": "not a regular file: device",
    "special": "not a regular file",
    "unreadable": "unreadable entry",
    "unreadable-folder": "unreadable folder: its files could not be listed",
    "no-records": "no article records in this file (WARC: no response/resource/revisit record)",
    "not-warc": "not a WARC file: its first record has no WARC/1.x header",
    "warc-not-chunked": "gzip WARC not compressed record by record, so records cannot be read one "
    "by one: recompress it with `warcio recompress IN OUT`",
}

_FRAGMENT = re.compile(r"#(offset|line|item|reject)=([0-9]+|[a-z-]+)\Z")
_ESCAPE = re.compile("[\\\\\x00-\x1f\x7f\udc80-\udcff]")
_UNESCAPE = re.compile(r"\\(\\|x[0-9a-f]{2})")


@dataclass(frozen=True)
class Locator:
    base: str  # printable path or URL of the file / object
    key: str | None = None  # offset | line | item | reject
    value: str | None = None

    def __str__(self) -> str:
        return self.base if self.key is None else f"{self.base}#{self.key}={self.value}"

    @property
    def number(self) -> int:
        return int(self.value or 0)

    @property
    def reject_reason(self) -> str | None:
        if self.key != "reject":
            return None
        return REJECT_REASONS.get(self.value or "", f"rejected by discovery ({self.value})")


def parse(locator: str) -> Locator:
    """Split ``locator`` into its base and fragment (``#offset=N``, ``#line=N``, ``#reject=CODE``)."""
    m = _FRAGMENT.search(locator)
    if m and (m.group(1) == "reject") != m.group(2).isdigit():
        return Locator(locator[: m.start()], m.group(1), m.group(2))
    return Locator(locator)


def record(base: str, key: str, number: int) -> str:
    assert key in RECORD_KEYS
    return f"{base}#{key}={number}"


def rejected(base: str, code: str) -> str:
    assert code in REJECT_REASONS, code
    return f"{base}#reject={code}"


def printable(name: str | bytes) -> str:
    """Lossless printable form of a file name (str from ``os.fsdecode`` or raw bytes)."""
    if isinstance(name, bytes):
        name = os.fsdecode(name)

    def esc(m: re.Match) -> str:
        ch = m.group(0)
        if ch == "\\":
            return "\\\\"
        code = ord(ch)
        return f"\\x{code - 0xDC00 if code >= 0xDC80 else code:02x}"

    return _ESCAPE.sub(esc, name)


def unprintable(text: str) -> str:
    """The file name :func:`printable` was made from (undecodable bytes as surrogates)."""

    def unesc(m: re.Match) -> str:
        tok = m.group(1)
        if tok == "\\":
            return "\\"
        code = int(tok[1:], 16)
        return chr(code if code < 0x80 else 0xDC00 + code)

    return _UNESCAPE.sub(unesc, text)


def fs_path(base: str) -> bytes:
    """The local file system path (bytes) of a printable base."""
    return os.fsencode(unprintable(base))


def is_url(base: str) -> bool:
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", base))
