"""The JSON contract of ``newsetl extract --jsonl`` (see ../shared/eval/CONTRACT.md)."""

from __future__ import annotations

from typing import Any

from etl.models import FIGURE_DERIVED, FIGURE_FIELDS, QUOTE_DERIVED, Article


def error_record(source_path: str, error: str) -> dict[str, Any]:
    return {
        "source_path": source_path,
        "error": error,
        "title": None,
        "author": None,
        "published": None,
        "published_source": None,
        "dateline": None,
        "agency": None,
        "site_name": None,
        "url": None,
        "language": None,
        "language_confidence": None,
        "language_unsupported": False,
        "captions": [],
        "body": "",
        "entities": [],
        "quotes": [],
        "casualties": [],
    }


def article_record(article: Article) -> dict[str, Any]:
    d = article.doc
    return {
        "source_path": article.source_path,
        "error": None,
        "title": d.title,
        "author": d.author,
        "published": d.published,
        "published_source": d.published_source,
        "dateline": d.dateline,
        "agency": d.agency,
        "site_name": d.site_name,
        "url": d.url,
        "language": d.language,
        "language_confidence": d.language_confidence,
        "language_unsupported": article.language_unsupported,
        "captions": list(d.captions),
        "body": d.body,
        "entities": [
            {
                "name": e.name,
                "type": e.type,
                "mentions": len(e.mentions),
                "aliases": list(e.aliases),
                "country_code": e.country_code,
                "offsets": [list(m) for m in e.mentions],
                "place_country": e.place_country,
                "place_admin1": e.place_admin1,
            }
            for e in article.entities
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "kind": q.kind,
                "cue": q.cue,
                "start": q.start,
                "end": q.end,
                **{name: getattr(q, name) for name in QUOTE_DERIVED},
            }
            for q in article.quotes
        ],
        "casualties": [
            {
                **{name: getattr(c, name) for name in FIGURE_FIELDS},
                "start": c.start,
                "end": c.end,
                "mentions": len(c.mentions) or 1,
                **{name: getattr(c, name) for name in FIGURE_DERIVED},
            }
            for c in article.casualties
        ],
        "extractor_version": article.extractor_version,
    }
