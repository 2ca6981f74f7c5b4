"""Derived facts, after extraction: when, where, who, and which story.

Pure functions of one article (no database): the publication date and its provenance
(``published``), each figure's and quote's event date (``event_dates``), countries and regions
of places (``places``), normalised speakers and attributions (``names``) and the MinHash print
used to group wire copies into stories (``stories``; the grouping itself happens at load
time, against the articles already loaded). The extractors' own outputs are left as found;
each derived value may be ``None`` when nothing supports it.
"""

from __future__ import annotations

import logging

from etl.enrich import event_dates, lexical_dates, names, places, published, stories
from etl.lang import spec_for
from etl.models import Article, Entity, SourceFile

log = logging.getLogger(__name__)

PLACE_TYPES = ("GPE", "LOC")


def _dater(article: Article):
    """The event-date reader of the article's language: English's, or the lexical one over the
    language's data module (etl/lang/<code>/)."""
    spec = spec_for(article.doc.language)
    lex = spec.lexicon if spec is not None else None
    if lex is None:
        return event_dates.event_date, event_dates.quote_date
    return ((lambda body, spans, day: lexical_dates.event_date(body, spans, day, lex)),
            (lambda body, start, end, day: lexical_dates.event_date(body, [(start, end)], day, lex)))


def date_figures(article: Article) -> None:
    """Event dates of casualty figures (their sentences) and quotes (their paragraphs)."""
    body = article.doc.body
    day = event_dates.published_day(article.doc.published)
    figure_date, quote_date = _dater(article)
    for c in article.casualties:
        found = figure_date(body, list(c.mentions) or [(c.start, c.end)], day)
        if found:
            c.event_date, c.event_date_precision, c.event_date_text = (
                found.date.isoformat(), found.precision, found.text)
    for q in article.quotes:
        found = quote_date(body, q.start, q.end, day)
        if found:
            q.event_date, q.event_date_precision, q.event_date_text = (
                found.date.isoformat(), found.precision, found.text)


def _entity_named(name: str, entities: list[Entity]) -> Entity | None:
    return next((e for e in entities if e.name == name and e.type in PLACE_TYPES), None)


def _dateline_place(article: Article, ents: list[Entity], ctx: places.Context) -> places.Place | None:
    """The dateline's place, when every place the article names lies in its country (a story
    about elsewhere filed from a wire desk's city must not land in that city)."""
    found = places.resolve(article.doc.dateline, ctx) if article.doc.dateline else None
    if found is None or not found.country:
        return None
    if any(e.place_country != found.country for e in ents):
        return None
    return places.Place(found.country, found.admin1 if ctx.admin1s <= {found.admin1} else None)


def place_figures(article: Article) -> None:
    """Countries and regions of the article's places and of each figure's location."""
    ents = [e for e in article.entities if e.type in PLACE_TYPES]
    ctx = places.context_of([e.name for e in ents], article.doc.dateline)
    for e in ents:
        found = places.resolve(e.name, ctx)
        if found:
            e.place_country, e.place_admin1 = found.country, found.admin1
    fallback = _dateline_place(article, ents, ctx)
    for c in article.casualties:
        ent = _entity_named(c.location, ents) if c.location else None
        found = (places.Place(ent.place_country, ent.place_admin1) if ent and ent.place_country
                 else places.resolve(c.location, ctx))
        basis = "location"
        if found is None and fallback is not None:
            found, basis = fallback, "dateline"
        if found is not None and found.country:
            c.country_code, c.admin1, c.place_basis = found.country, found.admin1, basis


def name_figures(article: Article) -> None:
    """Normalised speakers (linked to entities where possible) and attributions."""
    lower = names.lower_words(article.doc.body)
    for q in article.quotes:
        q.speaker_normalized, q.speaker_entity = names.normalize_name(q.speaker, article.entities, lower)
    for c in article.casualties:
        c.attribution_normalized, _ = names.normalize_name(c.attribution, article.entities, lower)


STEPS = (date_figures, place_figures, name_figures)


def enrich(src: SourceFile, article: Article) -> Article:
    """Add every derived value to ``article`` (in place); a failing step leaves its values null."""
    try:
        published.resolve_published(src, article.doc)
    except Exception:  # a derived value must not cost the article
        log.exception("publication date: %s", src.path)
    for step in STEPS:
        try:
            step(article)
        except Exception:
            log.exception("%s: %s", step.__name__, src.path)
    try:
        article.story_print = stories.story_print(article.doc.body)
    except Exception:
        log.exception("story print: %s", src.path)
    return article
