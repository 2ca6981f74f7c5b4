"""WARC records: one source per HTML response, the others accounted for with their reasons."""

from __future__ import annotations

import gzip
import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from etl.ingest import discover, locators, read_source
from tests.sources_support import article, fetch_date, write_warc


def test_records_are_listed_by_offset_and_read_alone(tmp_path):
    arts = [article(i) for i in range(4)]
    write_warc(tmp_path / "crawl.warc.gz", arts)
    found = discover(tmp_path)
    assert len(found) == 4 + 3  # 4 pages + non-HTML + revisit + truncated; no warcinfo/request
    assert all(locators.parse(f).key == "offset" for f in found)
    sources = [read_source(f) for f in reversed(found)][::-1]  # any order: each record alone
    pages, extras = sources[:4], sources[4:]
    for src, art in zip(pages, arts, strict=True):
        assert src.error is None and src.format == "html"
        assert src.meta["url"] == art.url and src.meta["fetched"] == fetch_date(art.i)
        assert art.title in src.text
    reasons = [s.error for s in extras]
    assert reasons[0] == "not HTML: response record of type image/png"
    assert reasons[1].startswith("revisit record: no payload")
    assert reasons[2] == "truncated record (WARC-Truncated: length)"
    assert extras[0].meta["url"].endswith("logo.png")  # rejected records keep their URL


def test_plain_warc_and_a_file_cut_inside_a_record(tmp_path):
    arts = [article(i) for i in range(3)]
    write_warc(tmp_path / "plain.warc", arts, extras=False, gzip=False)
    found = discover(tmp_path / "plain.warc")
    assert [read_source(f).meta["url"] for f in found] == [a.url for a in arts]
    whole = (tmp_path / "plain.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(whole[: len(whole) - 400])
    cut = [read_source(f) for f in discover(tmp_path / "cut.warc")]
    assert [s.error for s in cut[:2]] == [None, None]
    assert cut[2].error.startswith("truncated record: the file ends")


def test_http_errors_and_garbage(tmp_path):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://x.example/404", "response",
                                                  payload=io.BytesIO(b"<html>gone</html>"), http_headers=http))
    (tmp_path / "errors.warc.gz").write_bytes(buf.getvalue())
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"this is not a WARC file at all\n" * 10))
    (tmp_path / "empty.warc").write_bytes(b"")
    got = {locators.parse(f).base.rsplit("/", 1)[-1]: read_source(f).error for f in discover(tmp_path)}
    assert got["errors.warc.gz"] == "HTTP status 404: not a page"
    assert got["junk.warc.gz"] == "not a WARC file: its first record has no WARC/1.x header"
    assert got["empty.warc"].startswith("no article records")


def test_a_single_gzip_stream_warc_is_one_rejection(tmp_path):
    write_warc(tmp_path / "p.warc", [article(i) for i in range(3)], extras=False, gzip=False)
    (tmp_path / "one-stream.warc.gz").write_bytes(gzip.compress((tmp_path / "p.warc").read_bytes()))
    found = discover(tmp_path / "one-stream.warc.gz")
    assert len(found) == 1 and "warcio recompress" in read_source(found[0]).error


def test_payload_limit(tmp_path, monkeypatch):
    from etl.settings import get_settings

    write_warc(tmp_path / "c.warc.gz", [article(1)], extras=False)
    monkeypatch.setenv("NEWSETL_MAX_RECORD_BYTES", "500")
    get_settings.cache_clear()
    try:
        (loc,) = discover(tmp_path)
        assert read_source(loc).error == "too large: WARC payload over 500 bytes (the limit)"
    finally:
        monkeypatch.delenv("NEWSETL_MAX_RECORD_BYTES")
        get_settings.cache_clear()
