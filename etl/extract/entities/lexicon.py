"""Word lists used by the entity canonicaliser (English news conventions, not names)."""

# ruff: noqa: SIM905  (word lists are written as text and split: easier to read and edit)

from __future__ import annotations

import re

# Titles and roles that precede a person's name ("President Biden", "Cmdr. Sean Robertson").
# Compared casefolded and without a trailing dot.
TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother
    president vice prime minister secretary senator sen rep representative congressman
    congresswoman governor gov mayor ambassador envoy chancellor premier king queen prince
    princess emperor sheikh shaikh sheik emir pope cardinal bishop archbishop imam ayatollah rabbi
    judge justice chief chairman chairwoman chair director commissioner spokesman spokeswoman
    spokesperson adviser advisor counsel attorney general gen lt lieutenant col colonel maj major
    capt captain cmdr cmdr commander cdr adm admiral sgt sergeant cpl corporal pvt private brig
    brigadier marshal officer agent detective inspector superintendent constable deputy
    acting former late then ex interim speaker mufti mullah coroner sheriff trooper
    """.split()
)
# Capitalised words after a nationality that open a job title, not an organisation's name
# ("Jordanian Foreign Minister Ayman Safadi").
TITLE_OPENERS = TITLES | frozenset(
    "foreign defense defence interior finance health justice home house senate".split()
)

# Lower-case nouns after a name that tell its type ("Logar province", "the Rukban camp",
# "the Kataib Hezbollah paramilitary group").
GPE_NOUNS = frozenset(
    "province city district region county governorate town village municipality capital "
    "state prefecture oblast canton emirate township suburb neighbourhood neighborhood".split()
)
LOC_NOUNS = frozenset(
    "camp base border borders crossing desert valley river mountains mountain area sea lake "
    "strait gulf plain plains coast island islands peninsula basin corridor enclave".split()
)
ORG_NOUNS = frozenset(
    "group militia party movement organization organisation company firm agency ministry "
    "network newspaper broadcaster outlet channel bank militants faction coalition alliance "
    "brigade brigades army union council committee institute university court "
    "government administration corporation association federation foundation".split()
)
# Nouns before a name in apposition that tell an organisation ("energy company Burisma").
ORG_APPOSITION = frozenset(
    "company firm group militia party movement organization organisation agency newspaper "
    "broadcaster outlet network channel website magazine bank".split()
)
# Capitalised words that, right after an organisation-like span and before a person, make the
# span part of a job title ("National Security Adviser John Bolton", "Energy Secretary ...").
TITLE_HEADS = frozenset(
    "adviser advisor secretary minister director undersecretary czar".split()
)
# Prepositions that put a mention in a place ("in al-Tanf", "near Erbil").
PLACE_PREPOSITIONS = frozenset("in at near into inside outside across around".split())

# Capitalised words of place names that a short form may omit ("Kurdistan Region").
GEO_SUFFIXES = frozenset(
    "region province governorate city district county state territory territories oblast "
    "camp base strip".split()
)

# Lower-case particles that start personal and place names.
NAME_PARTICLES = frozenset(
    "al el ad an ar as ash at az ibn bin bint abu van von der den de da di du del della la le "
    "ul ben".split()
)

# Arabic article prefixes ignored when a short form is compared with a full name
# ("Assad" ~ "Bashar al-Assad").
ARTICLE_PREFIXES = ("al-", "el-", "Al-", "El-", "ad-", "as-", "ash-", "at-", "an-", "ar-", "az-")

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Page furniture that spaCy sometimes tags as an entity.
JUNK_WORDS = frozenset(
    "article articles previous next related post posts advertisement advert share comments "
    "comment photo photos image images video videos click subscribe newsletter read more "
    "file source sources copyright reserved rights menu home login javascript cookies".split()
)

# First words that are not part of a compound name when a short form is found inside a longer
# one at the start of a sentence; compass points and the like do belong to names.
NAME_OPENERS = frozenset(
    "north south east west northern southern eastern western central upper lower new san santa "
    "saint st great greater united free royal".split()
)

# Determiners dropped at the start of a name.
DETERMINERS = frozenset("the a an this that these those".split())

# Words that make a hyphenated prefix an attitude or negation ("pro-Israeli", "non-American").
STOP_PREFIXES = frozenset("pro anti non ex post pre neo pan".split())

# Connector words ignored when matching an acronym to a name's initials.
ACRONYM_STOPWORDS = frozenset("of the and for on in de al el du des la le et & to at".split())

# "<head> of X" names X as a place ("City of Surrey", "Province of Quebec").
PLACE_HEADS = frozenset(
    "City Town Village Province County District Governorate Port Municipality Region".split()
)

# The last word of a multi-word name that tells its type whatever the model said
# ("Stroger Hospital" is no person, "Pedro Drive" a street). Words that are also common
# surnames (Park, Hall, Bank, Church, Street...) are left out.
HEAD_WORD_TYPES = {
    **dict.fromkeys(
        "Hospital School Academy University College Institute Department Police Office "
        "Council Committee Commission Ministry Agency Corporation Association Foundation "
        "Inc Ltd LLC Corp".split(), "ORG"),
    **dict.fromkeys(
        "Avenue Road Drive Boulevard Highway Bridge Airport Stadium Jail Prison Motel Hotel "
        "Expressway Freeway Motorway".split(), "FAC"),
    **dict.fromkeys("County Province Governorate Prefecture Oblast".split(), "GPE"),
    **dict.fromkeys("River Mountains Valley Desert Ocean Island Islands Peninsula".split(), "LOC"),
}
# Single generic words that are no organisation's name on their own.
GENERIC_ORG_WORDS = frozenset(
    "department police sheriff office unit division bureau agency committee council ministry "
    "government authority company group court".split()
)

# Legal-form words a company's short name omits ("Sierra Nevada Corporation"); compared
# after norm_key (casefolded, no dots).
CORP_SUFFIXES = frozenset(
    "inc corp corporation co company ltd llc plc group holdings sa ag gmbh nv bv".split()
)

# One-word organisations that are often "in": "in Congress", "in Parliament".
INSTITUTION_WORDS = frozenset(
    "congress parliament senate house government cabinet court assembly council knesset duma "
    "majlis bundestag politburo kremlin".split()
)

# Lower-case head nouns that belong to an organisation's or a facility's name when the model
# tagged them as part of it ("the Kingston prison", "the Green party").
NAME_HEAD_NOUNS = frozenset("prison jail penitentiary party".split())

# Common words that are never an entity on their own (the model tags them after a capital).
COMMON_WORD_NAMES = frozenset(
    "street st avenue ave road rd boulevard blvd drive lane highway county city town province "
    "state district region township parish eve day morning night north south east west".split()
)

# Trailer lines that credit contributors: their names are not entities of the article.
CONTRIBUTOR_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:[^\n]{0,120}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)[^\n]{0,20}"
    r"|\(?(?:[Aa]dditional\s+)?[Rr]eporting\s+by\b[^\n]{0,150}|[Ee]diting\s+by\b[^\n]{0,150})$"
)
