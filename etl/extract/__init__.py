"""Extractors: pure functions of a spaCy Doc of the article body. They never touch the DB."""

from __future__ import annotations

from spacy.tokens import Doc

from etl.extract.casualties import extract_casualties
from etl.extract.entities import extract_entities
from etl.extract.quotes import extract_quotes
from etl.models import Casualty, Entity, Quote

__all__ = ["extract_all", "extract_casualties", "extract_entities", "extract_quotes"]


def extract_all(doc: Doc) -> tuple[list[Entity], list[Quote], list[Casualty]]:
    """Run every extractor over one parsed body; quotes and casualties reuse the entities."""
    entities = extract_entities(doc)
    quotes = extract_quotes(doc, entities)
    casualties = extract_casualties(doc, entities)
    return entities, quotes, casualties
