"""Cleaning: HTML through trafilatura, plain text through our own cleaner."""

from __future__ import annotations

import re
from html import unescape  # bound before the submodule etl.clean.html shadows the name

from etl.clean.html import clean_html
from etl.clean.text import clean_text
from etl.models import CleanDoc, SourceFile

__all__ = ["clean", "clean_html", "clean_text"]

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL)


def _looks_like_html(text: str) -> bool:
    """A page saved as .txt: its first tag is <!DOCTYPE html> or <html>."""
    return bool(_HTML_START.match(text[:2000]))


_TAG = re.compile(r"<[^>]{0,500}>")


def _without_tags(text: str) -> str:
    return unescape(_TAG.sub(" ", text))


# A markup tag left in a plain-text dump (an embedded post kept as <tweet id="…">…</tweet>, a
# stray <a href="…">): a name right after "<", attributes only as name="value" pairs.
_INLINE_TAG = re.compile(
    r"</?[A-Za-z][\w:-]{0,30}(?:\s+[A-Za-z_:][\w:.-]{0,40}(?:\s*=\s*(?:\"[^\"<>]{0,500}\"|'[^'<>]{0,500}'|[^\s\"'<>]{1,200}))?){0,20}\s*/?>"
)


def _without_inline_tags(text: str) -> str:
    """Plain text without the markup tags left in it; the words between tags stay."""
    return _INLINE_TAG.sub("", text)


def clean(src: SourceFile) -> CleanDoc:
    """Clean one readable source file. Raises ValueError when no article text remains."""
    assert src.text is not None, "clean() takes a readable SourceFile"
    if src.format == "html" or _looks_like_html(src.text):
        doc = clean_html(src.text)
        if not doc.body.strip() and not _looks_like_html(src.text):
            # Plain text with a few tags in it ("<p>...</p>") that no HTML reader makes a page
            # of: read as text, without the tags.
            doc = clean_text(_without_tags(src.text))
    else:
        doc = clean_text(_without_inline_tags(src.text))
    if not doc.body.strip():
        raise ValueError("no article text found after cleaning")
    return doc
