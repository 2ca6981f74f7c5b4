"""Bounded, streamed reading: no source costs more memory than its size limit.

Files are read in chunks and decompressed with ``zlib.decompressobj`` and ``max_length``, so a
gzip bomb stops at the limit instead of expanding in memory first.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

CHUNK = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"


class TooLarge(ValueError):
    """A source is larger than its limit; the message is the rejection reason."""


def read_limited(f: BinaryIO, limit: int, what: str = "file") -> bytes:
    """All of ``f``, or TooLarge as soon as more than ``limit`` bytes come."""
    buf = bytearray()
    while True:
        chunk = f.read(min(CHUNK, limit + 1 - len(buf)))
        if not chunk:
            return bytes(buf)
        buf += chunk
        if len(buf) > limit:
            raise TooLarge(f"too large: {what} over {limit} bytes (the limit)")


def gunzip_limited(f: BinaryIO, limit: int, first: bytes = b"") -> bytes:
    """Decompress the gzip stream ``first`` + ``f`` (several members allowed), at most ``limit`` bytes.

    Raises TooLarge past the limit and ValueError (``corrupt gzip: …``) on bad data.
    """
    out = bytearray()
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    pending = first
    while True:
        if not pending:
            pending = f.read(64 * 1024)
            if not pending:
                break
        try:
            out += inflater.decompress(pending, limit + 1 - len(out))
        except zlib.error as exc:
            raise ValueError(f"corrupt gzip: {exc}") from exc
        if len(out) > limit:
            raise TooLarge(f"too large: decompresses to more than {limit} bytes (the limit)")
        pending = inflater.unconsumed_tail
        if inflater.eof:  # another member may follow; zero padding between members is allowed
            pending = inflater.unused_data.lstrip(b"\x00")
            if not pending:
                pending = f.read(64 * 1024).lstrip(b"\x00")
                if not pending:
                    return bytes(out)
            inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    if not inflater.eof:
        raise ValueError("corrupt gzip: compressed data ends early (truncated file)")
    return bytes(out)


def read_maybe_gzip(f: BinaryIO, *, gz: bool, max_stored: int, max_expanded: int, what: str) -> tuple[bytes, bool]:
    """Bytes of ``f``, gunzipped (bounded) when the name or the magic says gzip; (data, was_gzip)."""
    head = f.read(2)
    if gz or head == GZIP_MAGIC:
        return gunzip_limited(f, max_expanded, head), True
    return head + read_limited(f, max_stored - len(head), what), False
