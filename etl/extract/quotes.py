"""Quotes with speakers (not implemented yet: returns no quotes)."""

from __future__ import annotations

from spacy.tokens import Doc

from etl.models import Entity, Quote


def extract_quotes(doc: Doc, entities: list[Entity]) -> list[Quote]:
    return []
