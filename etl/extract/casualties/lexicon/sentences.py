"""Words for the figures of one sentence: what is not a count of people, modals and
conditionals, tolls, names and new persons, tallies and round-ups (lemmas, lowercased)."""

from __future__ import annotations

from etl.extract.casualties.lexicon.triggers import TALLY_EVENTS

# Entity types of numbers that are never counts of people.
NOT_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
LOCATION_TYPES = ("GPE", "LOC", "FAC")
MODALS = {"could", "would", "might", "may", "should", "must"}
CONDITIONAL_MARKS = {"if", "unless", "lest", "until"}
NEAR_MISS = {"nearly", "almost", "narrowly"}
# Verbs a "to"-infinitive trigger may hang on and still be real ("was found to be dead").
FACTIVE_INFINITIVE_HEADS = {"find", "confirm", "report", "believe", "say"}
# Light-verb phrases: "taken hostage", "took the lives of", "was struck by a bullet".
HOSTAGE_VERBS = {"take", "hold", "seize"}
HOSTAGE_DEPS = {"oprd", "dobj", "attr", "xcomp", "advmod", "npadvmod"}
STRIKE_VERBS = {"hit", "strike", "graze", "wound"}
LIFE_VERBS = {"claim", "take"}
LIFE_NOUNS = {"life", "lives"}
# Statistic nouns ("death toll", "the number of injured") and what they count.
STAT_NOUNS = {"toll", "number", "tally", "count"}
TOLL_MODIFIERS = {"death", "casualty"}
NUMBER_OF = {
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "killed": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
    "arrests": "arrested",
    "detainees": "arrested",
    "hostages": "kidnapped",
}
# Words between a toll noun and its number when the parse misses the link.
TOLL_HEDGE_WORDS = {"at", "least", "more", "than", "about", "nearly", "almost", "around", "over"}
TOLL_LINK_WORDS = {"to", "at", "of", "is", "was", "reached", "hit", "stood", "stands"}
# Heads whose object an adjective trigger describes ("left four people dead").
RESULT_VERBS = {"leave", "find", "report", "confirm", "declare", "pronounce"}
# Heads whose object a participle trigger describes ("five people were found shot").
FOUND_VERBS = {"find", "leave", "report", "discover"}
FATAL_ADVERBS = {"fatally", "mortally"}
DEAD_WORDS = {"dead"}
# "attempted murder", "alleged killing": no casualty.
ATTEMPT_WORDS = {"attempted", "attempt", "alleged"}
# "shot down a helicopter", "the noise dies down".
SHOT_PARTICLES = {"down", "up", "out"}
DIE_PARTICLES = {"down", "off", "out", "away"}
# Verbs an injury noun hangs on when the victim died of it ("died of his injuries").
DIE_OF_VERBS = {"die", "succumb"}
# Entity types of a head noun that is not a victim ("killed in Mosul", "wounded Tuesday").
NOT_VICTIM_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
NOT_SHOOTING_VICTIM_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC", "ORG"}
NOT_VICTIM_PRONOUNS = {
    "it",
    "this",
    "what",
    "something",
    "anything",
    "everything",
    "nothing",
    "you",
}
NOT_VICTIM_POS = {"ADJ", "ADV", "VERB", "ADP", "PUNCT", "SYM", "X"}
# "when someone dies in custody": generic in the present tense.
GENERIC_PEOPLE = {"someone", "anyone", "somebody", "anybody"}
PRESENT_TAGS = {"VBZ", "VBP"}
# Subjects that are not the victims of a passive trigger ("it was killed", "there were ...").
DUMMY_SUBJECTS = {"it", "there"}
# Words that make a vague plural the victims ("dozens of people").
VAGUE_PLURALS = {"dozens", "hundreds", "thousands", "scores"}
# Words inside a number phrase besides digits and number words ("a dozen", "a half-dozen").
NUMBER_PARTS = {"dozen", "a", "an", "half"}
COUNT_WORDS = {"dozen", "dozens", "hundreds", "thousands", "scores", "millions"}
# Signs a number is an age, a time or a percentage rather than a count.
AGE_UNITS = ("year", "yr", "month", "week", "day")
NOT_COUNT_NEXT = {"%", "percent", "am", "pm", "a.m.", "p.m.", "o'clock"}
NOT_COUNT_PREV = {"$", "#", "£", "€", ":"}
# Numbers of statutes, cases, addresses, routes, calibres and units are never counts of
# people: "section 2015", "case No. 16-4521", "the 1500 block", "a .40 caliber", "shot 10 times".
NOT_COUNT_PREV_WORDS = {
    "section",
    "sections",
    "code",
    "statute",
    "no.",
    "no",
    "number",
    "case",
    "docket",
    "route",
    "highway",
    "interstate",
    "i-",
    "apartment",
    "apt",
    "apt.",
    "suite",
    "unit",
    "room",
    "channel",
    "flight",
    "badge",
    "page",
    "chapter",
    "article",
    "title",
    "exit",
    "mile",
    "district",
    "ward",
    "precinct",
    "grade",
}
NOT_COUNT_NEXT_WORDS = {
    "block",
    "blocks",
    "street",
    "st",
    "st.",
    "avenue",
    "ave",
    "ave.",
    "road",
    "rd",
    "rd.",
    "lane",
    "drive",
    "boulevard",
    "blvd",
    "blvd.",
    "highway",
    "caliber",
    "calibre",
    "mm",
    "millimeter",
    "times",
    "rounds",
    "shots",
    "bullets",
    "shell",
    "shells",
    "casings",
    "hours",
    "minutes",
    "seconds",
    "miles",
    "feet",
    "yards",
    "years",
    "months",
    "days",
    "weeks",
    "pounds",
    "grams",
    "percent",
}
HYPHENS = {"-", "‐", "‑"}
# Between the names of a list of victims: "and", ages ("Maria Lopez, 55, and 8-year-old Ana").
NAME_LIST_WORDS = {"and", "year", "years", "old", "month", "months", "yr", "y/o"}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Nouns that are groups, not one person ("the police", "the family").
GROUP_NOUNS = {"police", "people", "staff", "family", "crowd"}
# A determiner or word on the victims that marks them as someone new ("another man").
OTHER_MARKERS = {"another", "other", "others", "second", "third", "more", "additional"}
ALSO_WORDS = {"also"}
NEW_PERSON_MARKERS = {"another", "other", "second", "third", "fourth"}
DEFINITE_DETS = {"the", "this", "that", "these", "those", "both"}
# Pronouns that are not someone already told of.
NEW_PRONOUNS = {
    "someone",
    "somebody",
    "one",
    "another",
    "others",
    "himself",
    "herself",
    "themselves",
}
REFLEXIVES = {"himself", "herself", "themselves"}
# "turned the gun on himself", "committed suicide": the attacker's own death.
WEAPON_NOUNS = {"gun", "weapon", "rifle", "pistol", "handgun", "firearm", "shotgun", "revolver"}
SUICIDE_NOUNS = {"suicide"}
# A group figure that already counts the attacker ("four dead, including the gunman").
INCLUDING_WORDS = {"including", "among", "counting"}
# A statement in the present that a victim lives ("non-life-threatening", "in stable condition").
SURVIVAL_WORDS = (
    "non",
    "minor",
    "survive",
    "stable",
    "treated",
    "released",
    "recover",
    "good condition",
)
# Speakers that are no source ("it said", "which said").
NOT_SPEAKERS = {"it", "that", "which", "who", "i", "we", "you"}
NEGATION_WORDS = {"not", "n't", "unable", "cannot", "never"}
VERIFY_PREFIXES = ("verif", "confirm", "independently")

# --------------------------------------------------------------------------- tallies

# Ages inside a DATE entity ("ages 19 to 24 years").
AGE_WORDS = {"age", "ages", "aged"}
AGE_COMPARATIVES = {"younger", "older"}
AGE_ABBREVIATIONS = {"yo", "yr", "yrs", "y.o.", "y/o"}
RANGE_END_WORDS = {"to", "through", "until", "and"}
RANGE_START_WORDS = {"from", "between"}
TALLY_HEADS = {"in", "from", "during", "across", "over", "of", "amid"}
TALLY_MODIFIERS = {"separate", "several", "multiple"}
SEPARATE_HEADS = TALLY_EVENTS | {"incidents", "shootings", "attacks"}
# Spans of time a relative clause tallies over ("a violent weekend that left seven dead").
ROUNDUP_PERIODS = {"weekend", "span", "stretch", "period", "week", "month", "year"}
# "across the city", "statewide": figures over an area, not one incident.
AREA_NOUNS = {"city", "cities", "state", "country", "nation", "region", "county", "area"}
AREA_WIDE = {"citywide", "statewide", "nationwide", "countywide"}
MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
}
