"""Honest decoding: UTF-8 with a few bad bytes stays UTF-8 (counted); legacy only with evidence."""

from __future__ import annotations

from etl.ingest import read_source
from etl.ingest.decoding import decode_bytes, remove_controls

UTF8_ARTICLE = (
    "Caf\u00e9 owners in Fennick protest \u201cunfair\u201d parking fees\n\n"
    "Owners of caf\u00e9s in Fennick closed for an hour on Friday \u2014 the third protest this year \u2014 "
    "against new parking fees, the owners\u2019 association said.\n\n"
) * 3


def test_a_few_bad_bytes_in_utf8_are_replaced_and_counted():
    raw = UTF8_ARTICLE.encode("utf-8")
    middle = len(raw) // 2
    damaged = raw[:middle] + b"\xff\xfe" + raw[middle:]
    d = decode_bytes(damaged)
    assert d.encoding == "utf-8" and d.replaced_bytes == 2
    assert d.text.count("\ufffd") == 2
    assert "Caf\u00e9 owners" in d.text and "\u201cunfair\u201d" in d.text  # no mojibake


def test_legacy_encodings_need_evidence():
    latin = UTF8_ARTICLE.replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-").replace("\u2019", "'")
    d = decode_bytes(latin.encode("cp1252"))
    assert d.encoding in ("cp1252", "latin_1", "iso8859_15") and d.replaced_bytes == 0
    assert d.text == latin
    page = '<html><head><meta charset="windows-1252"></head><body><p>Smart \u201cquotes\u201d</p></body></html>'
    assert decode_bytes(page.encode("cp1252"), "html").text == page
    http = decode_bytes("Zürich: Überfall".encode("latin-1") * 3, "html", declared="iso-8859-1")
    assert http.text == "Zürich: Überfall" * 3


def test_nul_and_controls_are_removed_and_counted(tmp_path):
    text = "Headline of the day\n\n" + ("A sentence of the article body. " * 300) + "\x00tail\x01 end\n"
    assert len(text.encode()) > 8192
    p = tmp_path / "nul.txt"
    p.write_bytes(text.encode())
    src = read_source(str(p))
    assert src.error is None and src.removed_chars == 2
    assert "\x00" not in src.text and "tail end" in src.text
    assert remove_controls("a\tb\nc\x00d\x1be\x7f") == ("a\tb\ncde", 3)


def test_binary_is_still_binary():
    try:
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(32)) * 50)
    except ValueError as exc:
        assert "binary" in str(exc)
    else:
        raise AssertionError("binary content decoded")


def test_replaced_bytes_reach_the_source(tmp_path):
    p = tmp_path / "damaged.txt"
    raw = UTF8_ARTICLE.encode()
    p.write_bytes(raw[:100] + b"\x80" + raw[100:])
    src = read_source(str(p))
    assert (src.encoding, src.replaced_bytes, src.error) == ("utf-8", 1, None)
