"""One coreference layer per article, shared by the quote and casualty extractors.

``build_coref(doc, entities)`` is computed once per parsed body. It links what an article writes
about a speaker or a source to the canonical name of an entity, in this order:

1. **Names and aliases.** Every entity mention is a mention of its entity; a surname, a given
   name or an acronym written where no entity mention was found takes the fuller entity name
   ("Kirby" -> "John Kirby", "IRCC" -> the name whose initials it is).
2. **Descriptions.** Role nouns and titles written next to a name ("harbour spokeswoman Jane
   Doe", "Gov. Jane Doe", "Jane Doe, the spokeswoman", "Jane Doe, 26,") make "the spokeswoman"
   / "the governor" / "the 26-year-old" refer to that person for the rest of the article, when
   the description's distinguishing words are the role's ("the Ohio governor" needs "Ohio");
   a definite description of an organisation ("the agency", "the company") refers to the most
   recent organisation; another bare person description ("the professor") to the person who
   was the clause subject just before; failing that, the description stays as written.
3. **Pronouns** ("he", "she", "they", "it") go to the most salient earlier candidate that agrees
   in gender (from titles, given names and the pronouns written after the name) and number
   (people for he/she, organisations and groups for they/it), ranked by recency and role: the
   last quoted speaker and the last person who was a clause subject before a mere mention.
4. **Document nouns** (statement, report, suit, lawsuit, complaint, post, study …) stand for
   their author: "the group's statement", "a statement from X", "an X report", or whoever was
   earlier said to have released, filed or published one ("X filed a suit … the suit says").
5. **Furniture.** Paragraphs that are captions, photo credits, bylines, contributor lines,
   "READ MORE"-style links or subheadings are never a source of speakers or salience.

The quote extractor also tells the layer who spoke where (:meth:`Coref.note`), which gives a
**current speaker** (:meth:`Coref.carried_speaker`): a follow-on quote without a reporting verb of
its own continues the last speaker of the same or the previous paragraphs, unless a new person was
named as a clause subject in between, who then becomes the speaker.

Public API for other extractors::

    coref = build_coref(doc, entities)
    coref.resolve("he", pos)        # -> "Jane Doe" | None   (pos: char offset of the token)
    coref.resolve(token)            # a spaCy Token of the same doc (subject of a verb, say)
    coref.speaker_of(token)         # -> (Speaker, role noun | None) for a subject token

``resolve`` accepts a pronoun, a description ("the spokesman", "police"), a short name or a
full name, and returns the canonical entity name, or None when nothing fits.
"""

from __future__ import annotations

from etl.extract.coref.build import build_coref
from etl.extract.coref.layer import Coref
from etl.extract.coref.speakers import (
    NO_SPEAKER,
    Speaker,
    given_name_gender,
    looks_like_name,
    person_noun,
)

__all__ = ["NO_SPEAKER", "Coref", "Speaker", "build_coref", "given_name_gender", "looks_like_name", "person_noun"]
