"""Entities from the language model's named entities, in the contract's types.

A mention is trimmed of leading function words ("de Marseille") and of a trailing elided word
("Monsanto n’"); one that starts lower-case after trimming is a phrase, not a name, and is
dropped, and so is a single capitalised word only ever seen opening a sentence ("Partagez"). Mentions that are one name (same
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


def _elided_tail(text: str, lex: ModuleType) -> str:
    """'Monsanto n’' → 'Monsanto': a trailing elided word is not part of the name."""
    head, _, last = text.rpartition(" ")
    return head if head and last.lower().rstrip("'’") + "'" in lex.ELIDED else text


def extract_entities(doc: Doc, lex: ModuleType) -> list[Entity]:
    found: dict[str, Entity] = {}
    inside: set[str] = set()  # names seen capitalised where a sentence does not start
    for ent in doc.ents:
        etype = lex.ENTITY_LABELS.get(ent.label_)
        if etype is None:
            continue
        text, start = _trimmed(ent.text, ent.start_char, lex)
        text = _elided_tail(text, lex)
        if len(text) < 3 or not text[0].isupper() or "\n" in text or text[-1] in "'’":
            continue
        if " " in text or not doc[ent.start].is_sent_start:
            inside.add(text.casefold())
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
    kept = []
    for key, entity in found.items():
        # one capitalised word only ever at the start of a sentence is a word, not a name
        if not ({key, entity.name.casefold()} | {a.casefold() for a in entity.aliases}) & inside:
            continue
        entity.aliases = [a for a in entity.aliases if a != entity.name]
        kept.append(entity)
    return kept
