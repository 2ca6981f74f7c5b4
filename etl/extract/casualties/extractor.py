"""``extract_casualties``: the figures of one article, from its sentences and its headline,
with who reported them, whether they were confirmed and where (see the package docstring)."""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from etl.extract.casualties.context import DocContext, build_context, sentences
from etl.extract.casualties.figure import Figure
from etl.extract.casualties.headline import headline_of, with_headline
from etl.extract.casualties.provenance import (
    attribution,
    location,
    refers_to_figure,
    says_unverified,
)
from etl.extract.casualties.retellings import drop_weak_covered, merge_retellings
from etl.extract.casualties.sentence import figures_in_sentence
from etl.extract.coref import Coref, build_coref
from etl.models import Casualty, Entity

log = logging.getLogger(__name__)

__all__ = ["extract_casualties"]


def extract_casualties(doc: Doc, entities: list[Entity], coref: Coref | None = None) -> list[Casualty]:
    """Casualty figures of one parsed article body (see the module docstring).

    ``coref``: the document's coreference layer, which names who reported a figure (built here
    when not given). Never raises: an unexpected parse must not cost the article its entities
    and quotes.
    """
    try:
        return _extract(doc, entities, coref)
    except Exception:
        log.exception("casualty extraction failed")
        return []


def _extract(doc: Doc, entities: list[Entity], coref: Coref | None) -> list[Casualty]:
    ctx = build_context(doc, entities, coref or build_coref(doc, entities))
    if not ctx.text.strip():
        return []
    figures = _sentence_figures(ctx)
    figures = drop_weak_covered(figures)
    # a figure with neither number nor victims ("those killed") tells nothing new
    figures = [f for f in figures if f.count is not None or f.count_min is not None or f.victims]
    figures = with_headline(figures, headline_of(doc))
    return [f.to_casualty() for f in merge_retellings(figures)]


def _sentence_figures(ctx: DocContext) -> list[Figure]:
    """Every sentence's figures with their attribution, confirmation, place and mention."""
    sents = sentences(ctx.doc)
    figures: list[Figure] = []
    for k, sent in enumerate(sents):
        try:
            found = figures_in_sentence(sent, ctx)
        except Exception:  # one odd parse must not lose the article's other figures
            log.exception("casualty extraction failed on a sentence")
            continue
        if not found:
            continue
        unverified = says_unverified(sent) or (
            k + 1 < len(sents) and says_unverified(sents[k + 1]) and refers_to_figure(sents[k + 1])
        )
        for f in found:
            f.attribution = attribution(f.trigger, sent, ctx)
            f.confirmed = False if unverified else None
            f.location, f.place_level = location(f.trigger, sent, ctx)
            f.mentions = [(sent.start_char, sent.end_char)]
        figures.extend(found)
    return figures
