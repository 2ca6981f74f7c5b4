"""Container metadata → article fields, with provenance.

What the container says about a source (a crawler's title and publication date, the URL a
WARC record was fetched from) fills the cleaned article: it is what the crawler saw, so it wins
over what the cleaner guessed from the page. The fetch date is not a publication date: it
stays in the ledger (``fetched_at``).
"""

from __future__ import annotations

from etl.models import CleanDoc

# meta key → CleanDoc attribute
META_FIELDS = {"title": "title", "url": "url", "language": "language", "site_name": "site_name"}


def apply_meta(doc: CleanDoc, meta: dict | None) -> CleanDoc:
    """``doc`` with the container's metadata filled in (in place; returned for chaining)."""
    if not meta:
        return doc
    for key, attr in META_FIELDS.items():
        value = meta.get(key)
        if attr == "language" and doc.language_confidence is not None:
            continue  # the body's identified language wins over the container's
        if isinstance(value, str) and value.strip():
            setattr(doc, attr, value.strip())
    authors = meta.get("authors")
    if authors:
        doc.author = ", ".join(authors)
    if meta.get("published"):
        doc.published = meta["published"]
        doc.published_source = meta.get("published_source") or "crawler"
    return doc
