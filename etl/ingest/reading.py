"""Bounded, streamed reading: no source costs more memory than its size limit.

Files are read in chunks and decompressed with ``zlib.decompressobj`` and ``max_length``, so a
gzip bomb stops at the limit instead of expanding in memory first.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import BinaryIO

CHUNK = 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"


class TooLarge(ValueError):
    """A source is larger than its limit; the message is the rejection reason."""


def read_limited(f: BinaryIO, limit: int, what: str = "file") -> bytearray:
    """All of ``f``, or TooLarge as soon as more than ``limit`` bytes come (a bytearray: no copy)."""
    buf = bytearray()
    while True:
        chunk = f.read(min(CHUNK, limit + 1 - len(buf)))
        if not chunk:
            return buf
        buf += chunk
        if len(buf) > limit:
            raise TooLarge(f"too large: {what} over {limit} bytes (the limit)")


class HashingReader:
    """Reads ``f`` while hashing (sha256) and counting what was read, at most ``limit`` bytes."""

    def __init__(self, f: BinaryIO, limit: int):
        self.f, self.limit, self.size, self.sha = f, limit, 0, hashlib.sha256()

    def read(self, n: int = CHUNK) -> bytes:
        chunk = self.f.read(n)
        self.size += len(chunk)
        if self.size > self.limit:
            raise TooLarge(f"too large: over {self.limit} bytes (the limit)")
        self.sha.update(chunk)
        return chunk

    def drain(self) -> None:
        """Read (and hash) the rest, in chunks, so ``sha`` is the hash of the whole file."""
        while self.read(CHUNK):
            pass


def gunzip_limited(f: BinaryIO, limit: int, first: bytes = b"") -> bytearray:
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
            # at most a chunk per call: the output never exists twice in memory
            out += inflater.decompress(pending, min(CHUNK, limit + 1 - len(out)))
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
                    return out
            inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    if not inflater.eof:
        raise ValueError("corrupt gzip: compressed data ends early (truncated file)")
    return out


def read_maybe_gzip(
    f: BinaryIO, *, gz: bool, max_stored: int, max_expanded: int, what: str
) -> tuple[bytes | bytearray, bool]:
    """Bytes of ``f``, gunzipped (bounded) when the name or the magic says gzip; (data, was_gzip)."""
    head = f.read(2)
    if gz or head == GZIP_MAGIC:
        return gunzip_limited(f, max_expanded, head), True
    return head + read_limited(f, max_stored - len(head), what), False
