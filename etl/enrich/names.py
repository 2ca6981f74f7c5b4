"""Who: speakers and attributions folded to one form and linked to the article's entities.

The extractors' own ``speaker`` / ``attribution`` stay as found; this adds a normalised form
beside them, so that "Police", "police" and "the police" count as one speaker, and
"President Mara Velt" or "Velt" as the entity "Mara Velt":

1. leading articles and quote marks go ("the police" → "police");
2. a form that names one of the article's PERSON/ORG/GPE/NORP entities (its name, an alias,
   or, for a person, the name after a title or the surname alone when only one person of the
   article has it) becomes that entity's canonical name;
3. otherwise titles before a name go ("Gov. Ann Pell" → "Ann Pell"), and a phrase whose every
   word is a common word — one the body also writes in lower case, or a role noun of
   ``ROLE_WORDS`` — is lower-cased ("Officials" → "officials").
"""

from __future__ import annotations

import functools
import re

from etl.models import Entity

LINKABLE_TYPES = ("PERSON", "ORG", "GPE", "NORP")

# Titles and honorifics written before a person's name.
TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "president", "vice", "prime", "minister", "secretary", "gov", "governor", "sen", "senator", "rep", "representative", "mayor", "chief", "police", "sheriff", "deputy", "officer", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "col", "colonel", "gen", "general", "maj", "major", "adm", "admiral", "judge", "justice", "attorney", "commissioner", "superintendent", "inspector", "detective", "spokesman", "spokeswoman", "spokesperson", "director", "ambassador", "king", "queen", "prince", "princess", "pope", "rev", "reverend", "sir", "dame", "lord", "lady", "former", "acting", "interim"]
)
# Role nouns that are common words even where a body only writes them capitalised.
ROLE_WORDS = frozenset(
    ["police", "officials", "official", "authorities", "authority", "witnesses", "witness", "residents", "resident", "officers", "officer", "investigators", "spokesman", "spokeswoman", "spokesperson", "sources", "source", "doctors", "doctor", "medics", "paramedics", "rescuers", "firefighters", "prosecutors", "prosecutor", "military", "army", "government", "ministry", "hospital", "state", "media", "local", "security", "forces", "troops", "activists", "monitors", "relatives", "family", "neighbours", "neighbors", "survivors", "survivor", "health", "emergency", "services", "service", "department", "agency", "group", "groups", "report", "reports", "statement"]
)
_ARTICLE = re.compile(r"(?i)^(?:the|a|an)\s+")
_QUOTES = "\"'“”‘’ .,;:"


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _strip_titles(text: str) -> str:
    """Titles before a capitalised name go: "Police Chief Ann Pell" → "Ann Pell"."""
    words = text.split()
    i = 0
    while i < len(words) - 1 and words[i].rstrip(".").casefold() in TITLES:
        i += 1
    rest = words[i:]
    return " ".join(rest) if rest and rest[0][:1].isupper() and i else text


def _entity_for(form: str, entities: list[Entity]) -> str | None:
    """The canonical name of the article entity ``form`` names, when exactly one fits."""
    want = _fold(form)
    exact = {e.name for e in entities if e.type in LINKABLE_TYPES
             and want in {_fold(e.name), *(_fold(a) for a in e.aliases)}}
    if len(exact) == 1:
        return exact.pop()
    if exact or " " in want:
        return None
    surname = {e.name for e in entities if e.type == "PERSON" and len(e.name.split()) > 1
               and _fold(e.name.split()[-1]) == want}
    return surname.pop() if len(surname) == 1 else None


def _common(word: str, lower_words: set[str]) -> bool:
    w = word.strip(_QUOTES).casefold()
    return w in ROLE_WORDS or w in lower_words or not w.isalpha()


def normalize_name(name: str | None, entities: list[Entity], lower_words: set[str]) -> tuple[str | None, str | None]:
    """(normalised form, linked entity name) of a speaker or attribution as extracted."""
    if not name or not name.strip(_QUOTES):
        return None, None
    form = _ARTICLE.sub("", " ".join(name.strip(_QUOTES).split()))
    for candidate in (form, _strip_titles(form)):
        linked = _entity_for(candidate, entities)
        if linked:
            return linked, linked
    form = _strip_titles(form)
    if all(_common(w, lower_words) for w in form.split()):
        form = form.casefold()
    return form, None


def lower_words(body: str) -> set[str]:
    """Words the body writes in lower case somewhere: common words, not names."""
    return {w for w in re.findall(r"\b[a-z][a-z'-]+\b", body)}
