"""Column values of the derived fields, for the loader (``etl.load``)."""

from __future__ import annotations

import datetime as dt

from etl.models import FIGURE_DERIVED, QUOTE_DERIVED, Article, Casualty, Entity, Quote


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def article_values(article: Article) -> dict:
    """Article columns filled before the story is known (the story is set by ``assign_story``)."""
    return {"published_source": article.doc.published_source}


def figure_values(c: Casualty) -> dict:
    values = {name: getattr(c, name) for name in FIGURE_DERIVED}
    values["event_date"] = _date(c.event_date)
    return values


def quote_values(q: Quote) -> dict:
    values = {name: getattr(q, name) for name in QUOTE_DERIVED if name != "speaker_entity"}
    values["event_date"] = _date(q.event_date)
    return values


def mention_values(e: Entity) -> dict:
    return {"country_code": e.place_country, "admin1": e.place_admin1}
