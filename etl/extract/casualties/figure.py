"""One casualty figure as the extractor works on it, and how two figures relate.

A figure is what one trigger in one sentence tells (category, count, victims); the relations
below decide whether two figures are the same people told twice, one group and someone else,
or two distinct victims of one incident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

import etl.extract.casualties.lexicon as lex
from etl.extract.casualties.triggers import lemma
from etl.models import Casualty


@dataclass
class Figure:
    category: str
    count: int | None
    count_min: int | None
    count_max: int | None
    qualifier: str | None
    victims: str | None
    victim_head: str | None  # lemma of the victims' head noun, for merging
    sent: Span
    trigger: Token
    victim_tok: Token | None
    weak: bool = False  # from "shot"/"stabbed": dropped when the same victims are killed
    partitive: bool = False
    adjusted: bool = False  # the dead already taken out of a "shot" count
    contrast: bool = False  # a "shot" figure told beside a different person's death
    subset: bool = False  # "one of them", "one fatally": part of a group counted elsewhere
    attribution: str | None = None
    confirmed: bool | None = None
    location: str | None = None
    place_level: bool = False  # the location is a town, region or country (GPE), not a street
    mentions: list[tuple[int, int]] = field(default_factory=list)
    headline: bool = False  # told in the headline, which is not part of the body
    self_inflicted: bool = False  # the attacker's own death ("before killing himself")
    attacker_counted: bool = False  # the attacker's own death was added to this count

    def set_count(self, n: int) -> None:
        """A new exact count that keeps the figure's kind of range (used when subtracting)."""
        self.count = n
        self.count_min = n if self.count_min is not None else None
        self.count_max = n if self.count_max is not None else None

    def to_casualty(self) -> Casualty:
        start, end = (0, 0) if self.headline else (self.sent.start_char, self.sent.end_char)
        return Casualty(
            category=self.category,
            count=self.count,
            count_min=self.count_min,
            count_max=self.count_max,
            qualifier=self.qualifier,
            victims=self.victims,
            attribution=self.attribution,
            confirmed=self.confirmed,
            location=self.location,
            sentence=self.sent.text,
            start=start,
            end=end,
            mentions=[] if self.headline else self.mentions,
        )


def same_people(a: Figure, b: Figure) -> bool:
    va, vb = a.victim_tok, b.victim_tok
    if va is None or vb is None or va.pos_ == "PRON" or vb.pos_ == "PRON":
        return True
    if va.i == vb.i:
        return True
    return lemma(va) == lemma(vb) or va.ent_type_ == vb.ent_type_ == "PERSON"


def is_other(f: Figure) -> bool:
    """Victims told as more people than before ("three others", "another man")."""
    v = f.victim_tok
    if v is None:
        return False
    if v.lower_ in ("others", "another") or any(c.lower_ in lex.OTHER_MARKERS for c in v.children):
        return True
    # "her boyfriend was also shot": someone besides the victims told before
    return v.pos_ != "PRON" and any(c.lower_ in lex.ALSO_WORDS for c in f.trigger.children)


def anaphoric(f: Figure) -> bool:
    """Victims told as someone already introduced: definite, possessed, pronoun, name, partitive."""
    v = f.victim_tok
    if f.partitive:
        return True
    if v is None:
        return False
    if v.pos_ == "PRON" and v.lower_ not in lex.NEW_PRONOUNS:
        return True  # a reflexive is the attacker, not the victim told before
    if v.pos_ == "PROPN" and v.ent_type_ == "PERSON":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in lex.DEFINITE_DETS) or c.dep_ == "poss" for c in v.children
    ) and not any(c.lower_ in lex.NEW_PERSON_MARKERS for c in v.children)


def distinct_names(a: Figure, b: Figure) -> bool:
    """Two different named people are two victims."""
    va, vb = a.victim_tok, b.victim_tok
    return (
        va is not None
        and vb is not None
        and va.ent_type_ == vb.ent_type_ == "PERSON"
        and va.pos_ == vb.pos_ == "PROPN"
        and va.lower_ != vb.lower_
    )


def different_places(a: Figure, b: Figure) -> bool:
    """Two towns or countries; two streets or buildings of one incident are not enough."""
    return bool(
        a.location and b.location and a.location != b.location and a.place_level and b.place_level
    )


def is_reflexive(f: Figure) -> bool:
    return f.victim_tok is not None and f.victim_tok.lower_ in lex.REFLEXIVES


def same_figure(a: Figure, b: Figure) -> bool:
    """``b`` tells ``a`` again: same category and count, compatible victims and place."""
    if a.category != b.category or a.count != b.count:
        return False
    if a.sent.start == b.sent.start:
        return False  # two figures of one sentence are two statements
    if is_reflexive(a) or is_reflexive(b):
        return False  # "... before killing himself": the attacker, another death
    if different_places(a, b):
        return False
    if a.count is None:
        return a.victim_head is not None and a.victim_head == b.victim_head
    if a.victim_head and b.victim_head:
        return a.victim_head == b.victim_head and not distinct_names(a, b)
    return b.partitive or a.partitive or b.victim_head is None or a.victim_head is None
