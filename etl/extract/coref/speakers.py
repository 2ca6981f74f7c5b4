"""Speakers and name mentions of the coreference layer: who a mention can be, and the cues
(given-name gender, role nouns) that tell people apart."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

import etl.extract.coref.lexicon as CL
from etl.models import Entity

NAME_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")
SUBJ_DEPS = ("nsubj", "nsubjpass")
PRONOUN_WINDOW = 2500  # characters back that a pronoun or description may reach
CARRY_PARAGRAPHS = 3  # paragraphs back that a current speaker carries over


@dataclass
class Speaker:
    name: str | None
    type: str | None = None
    gender: str | None = None  # "m" / "f" when known
    brief: str | None = None  # an unnamed source's noun phrase without its post-modifiers


NO_SPEAKER = Speaker(None)


@functools.lru_cache(maxsize=1)
def _name_genders():
    """The given-name gender detector (gender-guesser's name list), loaded once."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def given_name_gender(first: str) -> str | None:
    """"m" / "f" for a given name that the name list knows as (mostly) one gender."""
    if not first or not first[:1].isupper() or not first.isalpha() or len(first) < 3:
        return None
    g = _name_genders().get_gender(first)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


def looks_like_name(name: str | None) -> bool:
    words = [w for w in (name or "").split() if w[:1].isalpha()]
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def person_noun(tok: Token) -> bool:
    """A singular role noun that names a person ("professor", "labourer", "defenceman")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or lemma in CL.DOCUMENT_NOUNS or lemma in CL.NON_PERSON_NOUNS or lemma in CL.ORG_NOUNS:
        return False
    return lemma in CL.PERSON_NOUNS or bool(CL.PERSON_SUFFIX.search(lemma))


@dataclass
class NameMention:
    start: int
    end: int
    ent: Entity
    subject: bool  # the mention is (the head of) a clause subject


