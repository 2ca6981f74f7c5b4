"""Lexical extractors: entities, direct quotes and casualty figures of a language from its
spaCy model's entities and its data module (``etl/lang/<code>/``: reporting verbs, casualty
words, number words). Used for the languages beyond English (French); English keeps its own,
richer extractors. Nothing here names a language: a new one brings only its data.
"""

from __future__ import annotations

from types import ModuleType

from spacy.tokens import Doc

from etl.extract.lexical.casualties import extract_casualties
from etl.extract.lexical.entities import extract_entities
from etl.extract.lexical.quotes import extract_quotes
from etl.models import Casualty, Entity, Quote

__all__ = ["extract_lexical"]


def extract_lexical(doc: Doc, lex: ModuleType) -> tuple[list[Entity], list[Quote], list[Casualty]]:
    entities = extract_entities(doc, lex)
    quotes = extract_quotes(doc.text, entities, lex)
    casualties = extract_casualties(doc.text, entities, lex)
    return entities, quotes, casualties
