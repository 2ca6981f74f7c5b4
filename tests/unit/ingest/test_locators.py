"""Locators: parsing, and the lossless printable form of file names."""

from __future__ import annotations

import os

import pytest

from etl.ingest import locators


def test_parse_record_and_rejection_fragments():
    assert locators.parse("/in/a.warc.gz#offset=1234") == locators.Locator("/in/a.warc.gz", "offset", "1234")
    assert locators.parse("/in/a.jsonl#line=7").number == 7
    rej = locators.parse("/in/pipe.txt#reject=fifo")
    assert rej.base == "/in/pipe.txt" and "FIFO" in rej.reject_reason
    # a fragment that does not follow the grammar is part of the name
    assert locators.parse("/in/issue#5.html") == locators.Locator("/in/issue#5.html")
    assert locators.parse("/in/a.txt#offset=abc").key is None
    assert str(locators.parse("s3://b/k.warc#offset=5")) == "s3://b/k.warc#offset=5"


@pytest.mark.parametrize(
    "raw",
    [b"plain.txt", b"bad\xff\xfename.txt", b"back\\slash.txt", b"tab\there\nnewline.txt",
     b"\\xff-literal.txt", "caf\u00e9 \u201cquoted\u201d.html".encode(), b"mixed\xe9\\x41\x7f.txt"],
)
def test_printable_is_lossless_and_storable(raw):
    shown = locators.printable(raw)
    shown.encode("utf-8")  # storable in PostgreSQL: no surrogates
    assert "\x00" not in shown and "\n" not in shown and "\x7f" not in shown
    assert locators.fs_path(shown) == raw
    assert locators.printable(os.fsdecode(raw)) == shown


def test_non_utf8_bytes_are_shown_as_hex_escapes():
    assert locators.printable(b"bad\xff\xfename.txt") == "bad\\xff\\xfename.txt"
    assert locators.printable("ok.txt") == "ok.txt"
