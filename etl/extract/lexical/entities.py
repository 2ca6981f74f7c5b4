"""Entities from the language model's named entities, in the contract's types.

A mention is trimmed of leading function words ("de Marseille"); one that starts lower-case
after trimming is a phrase, not a name, and is dropped. Mentions that are one name (same
letters whatever the case: "MARSEILLE" and "Marseille") and a person's surname alone after
the full name ("Barnier" after "Michel Barnier") are one entity, named by its longest form.
"""

from __future__ import annotations

from types import ModuleType

from spacy.tokens import Doc

from etl.models import Entity


def _trimmed(text: str, start: int, lex: ModuleType) -> tuple[str, int]:
    changed = True
    while changed:
        changed = False
        for word in lex.LEADING_FUNCTION_WORDS:
            if text.lower().startswith(word) and len(text) > len(word):
                text, start, changed = text[len(word):], start + len(word), True
    return text.strip(" ,.;:»«"), start


def _display(name: str) -> str:
    return name.title() if name.isupper() and len(name) > 3 else name


def extract_entities(doc: Doc, lex: ModuleType) -> list[Entity]:
    found: dict[str, Entity] = {}
    for ent in doc.ents:
        etype = lex.ENTITY_LABELS.get(ent.label_)
        if etype is None:
            continue
        text, start = _trimmed(ent.text, ent.start_char, lex)
        if not text or not text[0].isupper() or "\n" in text:
            continue
        key = text.casefold()
        if etype == "PERSON" and " " not in text:  # a surname alone: the full name seen before
            key = next((k for k, e in found.items() if e.type == "PERSON" and k.split()[-1] == key), key)
        entity = found.get(key)
        if entity is None:
            entity = found[key] = Entity(name=_display(text), type=etype)
        if len(text) > len(entity.name) or (entity.name.isupper() and not text.isupper()):
            entity.name = _display(text)
        if text not in entity.aliases:
            entity.aliases.append(text)
        entity.mentions.append((start, start + len(text)))
    for entity in found.values():
        entity.aliases = [a for a in entity.aliases if a != entity.name]
    return list(found.values())
