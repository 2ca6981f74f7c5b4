"""Roles and titles written next to names ("Gov. Jane Doe", "Jane Doe, the spokeswoman"):
the words that make a description ("the Ohio governor") refer to one person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

import etl.extract.coref.lexicon as CL

if TYPE_CHECKING:
    from etl.extract.coref.layer import Coref


def role_word(t: Token) -> str:
    """A title or role word in its full lower-case form ("Gov." -> "governor")."""
    low = t.lemma_.lower().rstrip(".") if t.pos_ == "NOUN" else t.lower_.rstrip(".")
    return CL.TITLE_ABBREVIATIONS.get(low, low)


def is_role_word(word: str) -> bool:
    return word in CL.PERSON_NOUNS or word in CL.TITLE_ABBREVIATIONS.values() or (
        bool(CL.PERSON_SUFFIX.search(word)) and word not in CL.NON_PERSON_NOUNS and word not in CL.ORG_NOUNS)


def title_before(co: Coref, span) -> tuple[str, frozenset] | None:
    """The title written right before a name ("former Ohio Gov.", "harbour spokeswoman"): its
    last role word and all its words."""
    doc, start = co.doc, co.index.sent_start[span.start]
    words: list[str] = []
    i = span.start - 1
    while i >= start and span.start - i <= CL.TITLE_MAX_WORDS:
        t = doc[i]
        if t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.tag_ == "POS" or not t.text[:1].isalpha():
            break
        words.insert(0, role_word(t))
        i -= 1
    keys = [w for w in words if is_role_word(w)]
    return (keys[-1], frozenset(words)) if keys else None


def role_of_noun(noun: Token) -> tuple[str, frozenset]:
    """A role noun in apposition with its modifiers ("the Ohio governor" -> governor, {ohio})."""
    mods = [role_word(c) for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    return noun.lemma_.lower(), frozenset([*mods, noun.lemma_.lower()])


def description_modifiers(tok: Token, every: bool = False) -> frozenset:
    """The modifiers of a description that tell one person from another: proper words ("the
    Ohio governor", "the Democratic nominee") and offices ("the former senator", "the vice
    president"); other lower-case words describe ("the lanky professor") and count only with
    ``every`` (an earlier description as written must have them all)."""
    out = set()
    for c in tok.children:
        if c.i > tok.i or c.dep_ not in ("compound", "amod", "nmod"):
            continue
        word = role_word(c)
        if not every and c.text.islower() and word not in CL.DISTINGUISHING_MODIFIERS:
            continue  # "the lanky professor", "the rookie defenceman": description, not office
        out.add(word)
    return frozenset(out)
