"""Bounded reading: a gzip bomb costs no more memory than the limit."""

from __future__ import annotations

import gzip
import io
import tracemalloc
import zlib

import pytest

from etl.ingest.reading import TooLarge, gunzip_limited, read_limited


def _bomb(expanded: int) -> bytes:
    """A gzip stream of ``expanded`` zero bytes (about 1000:1), built streaming."""
    comp = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    parts = [comp.compress(block) for _ in range(expanded // len(block))]
    return b"".join(parts) + comp.flush()


def test_gunzip_stops_at_the_limit_with_memory_about_the_limit():
    bomb = _bomb(512 * 1024 * 1024)  # 512 MiB expanded, ~0.5 MiB stored
    assert len(bomb) < 1024 * 1024
    limit = 4 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge, match="decompresses to more than 4194304 bytes"):
            gunzip_limited(io.BytesIO(bomb), limit)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * limit, f"peak {peak} bytes for a {limit}-byte limit"


def test_gunzip_reads_several_members_and_refuses_corrupt_or_cut_data():
    data = gzip.compress(b"first part\n") + gzip.compress(b"second part\n")
    assert gunzip_limited(io.BytesIO(data), 1000) == b"first part\nsecond part\n"
    with pytest.raises(ValueError, match="corrupt gzip"):
        gunzip_limited(io.BytesIO(b"\x1f\x8b\x08\x00 not gzip at all"), 1000)
    whole = gzip.compress(b"some article text " * 100)
    with pytest.raises(ValueError, match="truncated"):
        gunzip_limited(io.BytesIO(whole[: len(whole) // 2]), 10_000)


def test_read_limited():
    assert read_limited(io.BytesIO(b"x" * 10), 10) == b"x" * 10
    with pytest.raises(TooLarge):
        read_limited(io.BytesIO(b"x" * 11), 10)
