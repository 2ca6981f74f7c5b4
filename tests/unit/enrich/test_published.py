"""Publication dates and their provenance, from the sources a file offers."""

from __future__ import annotations

from etl.enrich.published import resolve_published
from etl.models import CleanDoc, SourceFile


def _src(text: str, fmt: str = "text", **meta) -> SourceFile:
    src = SourceFile(path="x", sha256="0", size=len(text), format=fmt, text=text)
    if meta:
        src.meta = meta  # the ingest helper's container metadata (SourceFile.meta)
    return src


def _resolve(src: SourceFile, doc: CleanDoc | None = None) -> tuple:
    doc = doc or CleanDoc(body="body")
    resolve_published(src, doc)
    return doc.published, doc.published_source


def test_the_cleaners_date_keeps_its_provenance():
    assert _resolve(_src("<html></html>", "html"), CleanDoc(published="2025-03-05")) == ("2025-03-05", "html-meta")
    assert _resolve(_src("x"), CleanDoc(published="2025-03-05")) == ("2025-03-05", "text-line")
    crawled = CleanDoc(published="2025-03-05", published_source="crawler")
    assert _resolve(_src("x"), crawled) == ("2025-03-05", "crawler")


def test_a_line_that_is_only_a_date():
    text = "Ferry capsizes off the coast\n\nWednesday, March 5, 2025\n\nTOWN (AP) — Story."
    assert _resolve(_src(text)) == ("2025-03-05", "text-line")


def test_a_dateline_with_a_date():
    text = "Headline here\n\nNEW YORK, March 3, 2025 (Reuters) - A story begins here."
    assert _resolve(_src(text)) == ("2025-03-03", "dateline")


def test_a_dateline_without_a_year_needs_the_fetch_date():
    text = "Headline here\n\nNEW YORK, Dec. 30 (Reuters) - A story begins here."
    assert _resolve(_src(text)) == (None, None)
    assert _resolve(_src(text, fetched="2025-01-02T10:00:00Z")) == ("2024-12-30", "dateline")


def test_crawler_metadata_when_the_file_has_nothing():
    assert _resolve(_src("Headline\n\nText.", published="2025-02-01T08:00:00Z"))[1] == "crawler"


def test_a_fetch_date_alone_is_no_publication_date():
    assert _resolve(_src("Headline\n\nText.", fetched="2025-01-02T10:00:00Z")) == (None, None)
