"""Reading files: formats, encodings, compression and the reasons for rejection."""

from __future__ import annotations

import gzip

from etl.ingest import discover, format_for, read_source


def test_format_from_name():
    assert format_for("a/b.HTML") == "html"
    assert format_for("x.htm.gz") == "html"
    assert format_for("x.txt.gz") == "text"
    assert format_for("x.pdf") is None


def test_encodings_are_detected(tmp_path):
    text = "Überfall in Köln: Polizei nimmt zwei Männer fest. Die Beamten sagten, es gebe keine Verletzten.\n" * 3
    for enc in ("utf-8", "latin-1", "cp1252", "utf-16"):
        p = tmp_path / f"{enc}.txt"
        p.write_bytes(text.encode(enc))
        src = read_source(p)
        assert src.error is None, (enc, src.error)
        assert src.text == text, enc


def test_html_meta_charset_is_honoured(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Smart “quotes” – here</p></body></html>'
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("cp1252"))
    src = read_source(p)
    assert src.text == page and src.format == "html"


def test_rejections(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "g.txt.gz").write_bytes(b"\x1f\x8bnot gzip at all")
    assert read_source(tmp_path / "e.txt").error == "empty file"
    assert "binary" in read_source(tmp_path / "b.txt").error
    assert "gzip" in read_source(tmp_path / "g.txt.gz").error
    assert "unreadable" in read_source(tmp_path / "missing.txt").error


def test_gzip_content_hash_equals_plain_hash(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\nBody text of the article.\n")
    (tmp_path / "a2.txt.gz").write_bytes(gzip.compress((tmp_path / "a.txt").read_bytes()))
    assert read_source(tmp_path / "a.txt").sha256 == read_source(tmp_path / "a2.txt.gz").sha256


def test_html_saved_as_txt_is_treated_as_html(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<!DOCTYPE html><html><body><p>Hello there, this is a page.</p></body></html>")
    assert read_source(p).format == "html"


def test_discover_globs_and_hidden(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a/one.txt", "a/two.html", "three.htm.gz", "skip.pdf", ".hidden/x.txt", ".dot.txt"):
        (tmp_path / name).write_text("x")
    assert [p.rsplit("/", 1)[-1] for p in discover(tmp_path)] == ["one.txt", "two.html", "three.htm.gz"]
    assert [p.rsplit("/", 1)[-1] for p in discover(tmp_path, include=["*.txt"])] == ["one.txt"]
    assert [p.rsplit("/", 1)[-1] for p in discover(tmp_path, exclude=["a/*"])] == ["three.htm.gz"]


def test_cyrillic_legacy_encoding_is_not_read_as_western(tmp_path):
    text = "Москва: полиция задержала двух мужчин. Пострадавших нет, сообщили в полиции.\n" * 3
    p = tmp_path / "ru.txt"
    p.write_bytes(text.encode("cp1251"))
    assert read_source(p).text == text
