"""When was it published: ``CleanDoc.published`` from every source a file offers, with provenance.

Sources, best first (``CleanDoc.published_source``):

* ``crawler``   – set by the ingest stage from the container's metadata (news-please JSON,
                  a crawl sidecar); kept as is;
* ``html-meta`` – the HTML cleaner's date (JSON-LD, ``article:published_time`` and other meta
                  tags, else trafilatura's htmldate reading of the page);
* ``text-line`` – a "Published: March 5, 2024" stamp or a line that is only a date near the
                  top of a text dump;
* ``crawler``   – ``SourceFile.meta["published"]`` when the cleaner found nothing;
* ``dateline``  – a dateline with a date ("NEW YORK, March 3, 2024 (Reuters) —"); a dateline
                  without a year takes the year that puts it on or before the fetch date
                  (``SourceFile.meta["fetched"]``), and is not used without one.

A fetch date alone is never taken for a publication date: an archive may be crawled years
later. Nothing found: ``published`` stays ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from etl.clean.dateline import DATELINE_RE
from etl.clean.dates import iso_date
from etl.models import CleanDoc, SourceFile

PUBLISHED_SOURCES = ("html-meta", "crawler", "text-line", "dateline")

# A line of a text dump that is only a date, with a year (weekday, time and zone allowed).
_DATE_ONLY_LINE = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"(?:19|20)\d{2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+"
    r"(?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_TOP_LINES = 12
_TAG = re.compile(r"<[^>]+>")


def _top_paragraphs(src: SourceFile) -> list[str]:
    """The first non-empty lines of a text dump, or the first paragraphs of an HTML page."""
    text = src.text or ""
    if src.format == "html":
        try:
            import lxml.html

            tree = lxml.html.fromstring(text.encode("utf-8", "replace"))
            paras = [" ".join(p.text_content().split()) for p in tree.iter("p")]
        except (ValueError, TypeError, lxml.etree.ParserError):
            paras = [" ".join(_TAG.sub(" ", text[:100_000]).split())]
    else:
        paras = [" ".join(line.split()) for line in text.splitlines()]
    return [p for p in paras if p][: _TOP_LINES * 2]


def date_line(src: SourceFile) -> str | None:
    """A line near the top of a text dump that is only a date with a year."""
    if src.format == "html":
        return None
    for line in _top_paragraphs(src)[:_TOP_LINES]:
        if len(line) <= 60 and _DATE_ONLY_LINE.match(line):
            iso = iso_date(line, fuzzy=True)
            if iso:
                return iso
    return None


def _with_year(text: str, fetched: str | None) -> str | None:
    """A yearless "March 3" as the latest such day on or before the fetch date."""
    if re.search(r"\b(?:19|20)\d{2}\b", text):
        return iso_date(text, fuzzy=True)
    anchor = dt.date.fromisoformat(fetched[:10]) if fetched else None
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year - 1):
        iso = iso_date(f"{text} {year}", fuzzy=True)
        if iso and dt.date.fromisoformat(iso[:10]) <= anchor:
            return iso
    return None


def dateline_date(src: SourceFile) -> str | None:
    """The date of a dateline such as "NEW YORK, March 3, 2024 (Reuters) —"."""
    fetched = (src.meta or {}).get("fetched") if hasattr(src, "meta") else None
    for para in _top_paragraphs(src):
        m = DATELINE_RE.match(para)
        if m and m.group("date"):
            try:
                return _with_year(m.group("date"), fetched)
            except ValueError:
                return None
    return None


def resolve_published(src: SourceFile, doc: CleanDoc) -> None:
    """Fill ``doc.published`` and ``doc.published_source`` from the best source available."""
    if doc.published and doc.published_source:
        return
    if doc.published:
        doc.published_source = "html-meta" if src.format == "html" else "text-line"
        return
    meta = getattr(src, "meta", None) or {}
    for source, find in (
        ("text-line", lambda: date_line(src)),
        ("crawler", lambda: iso_date(meta.get("published")) if meta.get("published") else None),
        ("dateline", lambda: dateline_date(src)),
    ):
        value = find()
        if value:
            doc.published, doc.published_source = value, source
            return
