"""Named entities: mentions found and typed in the parse (``mentions``), linked into one entity
per real-world thing with a canonical name (``linking``), word lists in ``lexicon``; country
names and ISO codes from ``etl.extract.shared.countries``."""

from etl.extract.entities.linking import extract_entities

__all__ = ["extract_entities"]
