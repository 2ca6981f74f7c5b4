"""Cleaning: HTML through trafilatura, plain text through our own cleaner."""

from __future__ import annotations

from etl.clean.html import clean_html
from etl.clean.text import clean_text
from etl.models import CleanDoc, SourceFile

__all__ = ["clean", "clean_html", "clean_text"]


def clean(src: SourceFile) -> CleanDoc:
    """Clean one readable source file. Raises ValueError when no article text remains."""
    assert src.text is not None, "clean() takes a readable SourceFile"
    doc = clean_html(src.text) if src.format == "html" else clean_text(src.text)
    if not doc.body.strip():
        raise ValueError("no article text found after cleaning")
    return doc
