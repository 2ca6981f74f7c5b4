"""Crawler JSON: news-please objects, JSON lines with a broken line, arrays; metadata → article."""

from __future__ import annotations

import gzip
import json

from etl.ingest import apply_meta, discover, locators, read_source
from etl.ingest.crawljson import iso_date, payload_from_object
from etl.models import CleanDoc
from tests.sources_support import article, newsplease_object


def test_a_newsplease_object_becomes_text_with_the_crawlers_metadata():
    art = article(3)
    p = payload_from_object(newsplease_object(art), "JSON file")
    assert p.fmt == "text" and p.text.startswith(art.title + "\n\n")
    assert p.meta == {
        "title": art.title, "url": art.url, "published": art.published.replace(tzinfo=None).isoformat(),
        "fetched": "2024-06-30T10:00:00", "language": "en", "site_name": "courier.example.org",
        "authors": ["Valley Courier staff"], "published_source": "crawler",
    }
    html = payload_from_object(newsplease_object(art, with_html=True), "JSON file")
    assert html.fmt == "html" and html.text.startswith("<!DOCTYPE html>")


def test_objects_without_an_article_are_rejected_with_where():
    for obj, reason in (([1, 2], "line 4: a JSON list"), ({"title": "only a title"}, "line 4: no article text")):
        try:
            payload_from_object(obj, "line 4")
        except ValueError as exc:
            assert str(exc).startswith(reason)
        else:
            raise AssertionError(obj)


def test_jsonl_with_a_broken_line_rejects_that_line_alone(tmp_path):
    lines = [json.dumps(newsplease_object(article(i))) for i in range(3)]
    lines.insert(2, '{"title": "broken", "maintext": "no closing brace"')
    lines.insert(1, "")  # blank lines are not records
    (tmp_path / "feed.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    found = discover(tmp_path)
    assert [locators.parse(f).number for f in found] == [1, 3, 4, 5]
    sources = [read_source(f) for f in found]
    assert [s.error for s in sources[:2] + sources[3:]] == [None, None, None]
    assert sources[2].error.startswith("malformed JSON on line 4: Expecting ',' delimiter")
    assert sources[3].meta["line"] == 5 and sources[3].meta["title"] == article(2).title
    assert read_source(found[0]).sha256 == sources[0].sha256  # going back reopens the file


def test_json_files_single_object_array_and_lines(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps(newsplease_object(article(1))))
    (tmp_path / "many.json").write_text(json.dumps([newsplease_object(article(i)) for i in (2, 3)]))
    (tmp_path / "lines.json").write_text("\n".join(json.dumps(newsplease_object(article(i))) for i in (4, 5)))
    (tmp_path / "bad.json").write_text('{"title": ')
    got = {f.rsplit("/", 1)[-1]: read_source(f) for f in discover(tmp_path)}
    assert sorted(got) == ["bad.json", "lines.json#line=1", "lines.json#line=2", "many.json#item=1",
                           "many.json#item=2", "one.json"]
    assert got["bad.json"].error.startswith("malformed JSON on line 1")
    assert got["many.json#item=2"].meta["url"] == article(3).url
    assert all(s.error is None for k, s in got.items() if k != "bad.json")


def test_apply_meta_fills_the_article_with_provenance():
    doc = CleanDoc(title="Guessed title", url="https://canonical.example/a", body="Body.")
    apply_meta(doc, {"title": "Crawler title", "url": "https://fetched.example/a", "published": "2024-03-01T10:15:00",
                     "authors": ["A. Writer", "B. Writer"], "fetched": "2024-06-01T00:00:00Z"})
    assert (doc.title, doc.url, doc.author) == ("Crawler title", "https://fetched.example/a", "A. Writer, B. Writer")
    assert (doc.published, doc.published_source) == ("2024-03-01T10:15:00", "crawler")
    warc_doc = apply_meta(CleanDoc(body="x", published="2024-01-01"), {"url": "u", "fetched": "2024-06-01T00:00:00Z"})
    assert (warc_doc.published, warc_doc.published_source) == ("2024-01-01", None)  # a fetch date is no publication date


def test_iso_date():
    assert iso_date("2024-03-01 10:15:00") == "2024-03-01T10:15:00"
    assert iso_date("2024-03-01T10:15:00Z") == "2024-03-01T10:15:00+00:00"
    assert iso_date("March 1, 2024") == "2024-03-01T00:00:00"
    assert iso_date("not a date") is None and iso_date(None) is None
