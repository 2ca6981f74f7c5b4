"""What the loader makes of an article before any SQL: storable text and quality flags."""

from __future__ import annotations

import os

from etl.load import quality_flags, storable
from etl.models import Article, CleanDoc, Entity, SourceFile


def _article(title="Title", published="2024-05-01", entities=True) -> Article:
    doc = CleanDoc(title=title, published=published, body="Body text.")
    ents = [Entity("Port Kell", "GPE", [(0, 4)])] if entities else []
    return Article(source_path="a.txt", sha256="x", format="text", doc=doc, entities=ents)


def test_storable_removes_nul_and_escapes_undecodable_name_bytes():
    assert storable("a\x00b") == "ab"
    assert storable(os.fsdecode(b"caf\xe9 \xff.txt")) == "caf\\xe9 \\xff.txt"
    assert storable("lone \ud800 surrogate") == "lone \\ud800 surrogate"
    assert storable("x" * 10, 5) == "xxxx…"
    assert storable(None) is None


def test_quality_flags():
    src = SourceFile(path="a.txt", sha256="x", size=1)
    assert quality_flags(_article(), src) == []
    assert quality_flags(_article(title="  ", published=None, entities=False), src) == [
        "no_title", "no_date", "empty_extraction"]
    assert quality_flags(_article(published="not a date at all"), src) == ["no_date"]
    src.replaced_bytes, src.removed_chars = 3, 1
    assert quality_flags(_article(), src) == ["replaced_bytes", "removed_chars"]
