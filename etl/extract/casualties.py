"""Casualty figures (not implemented yet: returns no figures)."""

from __future__ import annotations

from spacy.tokens import Doc

from etl.models import Casualty, Entity


def extract_casualties(doc: Doc, entities: list[Entity]) -> list[Casualty]:
    return []
