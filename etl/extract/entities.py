"""Named entities with canonical names (placeholder: plain spaCy spans, to be canonicalised)."""

from __future__ import annotations

from spacy.tokens import Doc

from etl.models import ENTITY_TYPES, Entity


def extract_entities(doc: Doc) -> list[Entity]:
    found: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        name = " ".join(ent.text.split())
        if not name:
            continue
        key = (name, ent.label_)
        entity = found.setdefault(key, Entity(name=name, type=ent.label_))
        entity.mentions.append((ent.start_char, ent.end_char))
    return list(found.values())
