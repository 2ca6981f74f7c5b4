"""Extractors: pure functions of a spaCy Doc of the article body. They never touch the DB."""

from __future__ import annotations

from spacy.tokens import Doc

from etl.extract.casualties import extract_casualties
from etl.extract.coref import build_coref
from etl.extract.entities import extract_entities
from etl.extract.quotes import extract_quotes
from etl.models import Casualty, Entity, Quote

__all__ = ["build_coref", "extract_all", "extract_casualties", "extract_entities", "extract_quotes"]


def extract_all(doc: Doc) -> tuple[list[Entity], list[Quote], list[Casualty]]:
    """Run every extractor over one parsed body. Quotes and casualties share the entities and
    one coreference layer, built once here; the quotes go first and tell it who spoke where."""
    entities = extract_entities(doc)
    coref = build_coref(doc, entities)
    quotes = extract_quotes(doc, entities, coref)
    casualties = extract_casualties(doc, entities, coref)
    return entities, quotes, casualties
