"""Word lists for the casualty extractor (lemmas, lowercased)."""

from __future__ import annotations

# Verbs whose object (active) or subject (passive) are the victims.
TRANSITIVE = {
    "kill": "killed",
    "slay": "killed",
    "murder": "killed",
    "assassinate": "killed",
    "execute": "killed",
    "behead": "killed",
    "massacre": "killed",
    "slaughter": "killed",
    "wound": "injured",
    "injure": "injured",
    "hurt": "injured",
    "maim": "injured",
    "kidnap": "kidnapped",
    "abduct": "kidnapped",
    "arrest": "arrested",
    "detain": "arrested",
    "apprehend": "arrested",
}
# Surface forms the tagger sometimes labels ADJ or NOUN ("slain", "wounded").
PARTICIPLES = {
    "killed": "kill",
    "slain": "slay",
    "murdered": "murder",
    "wounded": "wound",
    "injured": "injure",
    "hurt": "hurt",
    "kidnapped": "kidnap",
    "kidnaped": "kidnap",
    "abducted": "abduct",
    "arrested": "arrest",
    "detained": "detain",
}
# Verbs with the victims as subject.
INTRANSITIVE = {"die": "killed", "perish": "killed", "disappear": "missing"}
# Adjectives predicated of the victims ("four people are dead", "two remain missing").
ADJECTIVES = {
    "dead": "killed",
    "deceased": "killed",
    "missing": "missing",
    "unaccounted": "missing",
}
# Nouns naming the event; the victims are "of"-objects or possessors, the count a nummod.
NOUNS = {
    "death": "killed",
    "fatality": "killed",
    "killing": "killed",
    "murder": "killed",
    "injury": "injured",
    "wound": "injured",
    "abduction": "kidnapped",
    "wounding": "injured",
    "kidnapping": "kidnapped",
    "arrest": "arrested",
    "disappearance": "missing",
}
# "shot", "stabbed": the victims are hurt unless the text says they died.
WEAK_INJURY_VERBS = {"shoot", "stab", "hospitalize"}
# What hits a victim in "was struck by a stray bullet".
BULLET_WORDS = {
    "bullet",
    "bullets",
    "gunfire",
    "round",
    "rounds",
    "shot",
    "shots",
    "fragment",
    "fragments",
    "pellet",
    "pellets",
    "shrapnel",
    "debris",
    "gunshot",
    "gunshots",
    "ricochet",
}
# The victim lives, hurt: "in critical condition", "treated and released", "expected to recover".
CONDITION_WORDS = {
    "critical",
    "serious",
    "stable",
    "fair",
    "good",
    "grave",
    "guarded",
    "life-threatening",
}
RECOVERY_VERBS = {"survive", "recover"}
RELEASE_VERBS = {"release", "discharge"}
HOSPITAL_NOUNS = {"hospital", "center", "centre", "clinic", "scene", "facility"}
# Verbs that put someone in a condition ("left the teen in critical condition").
LEAVE_VERBS = {"leave", "find", "put"}
# Injury nouns: their number counts wounds; their victim is who bears them.
INJURY_NOUNS = {"injury", "wound"}
# Verbs whose subject bears an injury noun object ("he suffered gunshot wounds").
BEARER_VERBS = {"suffer", "sustain", "receive", "have", "treat", "nurse"}
# "lost their lives", "claimed the lives of", "taken hostage", "taken into custody".
HOSTAGE_WORDS = {"hostage", "hostages", "captive", "captives"}

# Heads that are not victims ("killed the engine", "hurt the economy", "wounded pride").
NOT_VICTIMS = {
    "shot",
    "round",
    "bullet",
    "gun",
    "weapon",
    "rifle",
    "pistol",
    "handgun",
    "car",
    "vehicle",
    "truck",
    "engine",
    "building",
    "house",
    "home",
    "window",
    "door",
    "wall",
    "time",
    "year",
    "day",
    "hour",
    "minute",
    "week",
    "month",
    "chance",
    "economy",
    "relation",
    "relationship",
    "pride",
    "feeling",
    "reputation",
    "effort",
    "bill",
    "deal",
    "plan",
    "idea",
    "process",
    "dog",
    "cat",
    "animal",
    "buffalo",
    "deer",
    "horse",
    "cow",
    "bird",
    "pet",
    "end",
    "battery",
    "phone",
    "line",
    "heat",
    "silence",
    "calm",
    "cell",
    "attack",
    "incident",
    "shooting",
    "fire",
    "blast",
    "explosion",
    "strike",
    "crash",
    "accident",
    "area",
    "scene",
    "body",
    "bodies",
    "penalty",
    "sentence",
    "threat",
    "lot",
    "way",
    "point",
    "percent",
    "%",
    "dollar",
    "money",
    "case",
    "investigation",
    "report",
    "number",
    "toll",
    "figure",
    "brain",
    "sleep",
    "night",
    "morning",
    "evening",
    "afternoon",
    "weekend",
    "hospital",
    "center",
    "facility",
    "room",
    "presence",
    "city",
    "town",
    "community",
    "neighborhood",
    "street",
    "helicopter",
    "plane",
    "aircraft",
    "drone",
    "jet",
    "bus",
    "boat",
    "ship",
    "tire",
    "tyre",
    "camera",
    "light",
    "sign",
    "target",
    "game",
    "video",
    "photo",
    "picture",
    "flare",
    "campaign",
    "order",
    "warrant",
    "strategy",
    "search",
    "land",
    "media",
    "market",
    "sale",
    "price",
    "stock",
    "share",
    "hope",
    "image",
    "brand",
    "business",
    "company",
    "firm",
    "team",
    "club",
    "road",
    "bridge",
    "property",
    "party",
    "candidate",
    "inside",
    "outside",
    "post",
    "crossbar",
    "net",
    "goal",
    "puck",
    "ball",
    "glass",
    "boards",
    "ground",
    "roof",
    "ceiling",
    "floor",
    "counter",
    "tree",
}
# Reflexives of idioms ("shooting yourself in the foot").
IDIOM_REFLEXIVES = {"yourself", "yourselves", "itself", "ourselves", "myself"}
# Verbs of a death toll's change ("the toll rose to 17", "put the toll at 222").
TOLL_VERBS = {
    "rise",
    "climb",
    "reach",
    "stand",
    "put",
    "increase",
    "jump",
    "hit",
    "be",
    "grow",
    "mount",
    "soar",
}
# Nouns for a place or thing an injury noun may hang on ("taken to a hospital with injuries").
CARRIER_NOUNS = {
    "hospital",
    "center",
    "centre",
    "facility",
    "room",
    "scene",
    "home",
    "area",
    "car",
    "vehicle",
    "condition",
}
# Plural event nouns that make a figure a tally over several incidents.
TALLY_EVENTS = {"shootings", "incidents", "homicides", "killings", "murders"}
# Subjects that mean nobody ("no one was hurt").
NOBODY = {"nobody", "none", "no-one", "noone", "neither"}
# Pronouns that stand for one person / an unknown group.
SINGULAR_PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "i", "me", "myself"}
PLURAL_PRONOUNS = {"they", "them", "themselves", "we", "us", "those", "these", "others"}
RELATIVES = {"who", "that", "which", "whom", "whose"}
# Determiners that give a count.
DET_COUNTS = {"a": 1, "an": 1, "another": 1, "both": 2, "each": None, "every": None}

# Reporting verbs for attribution.
REPORTING = {
    "say",
    "tell",
    "report",
    "announce",
    "state",
    "add",
    "confirm",
    "claim",
    "estimate",
    "write",
    "tweet",
    "post",
    "declare",
    "indicate",
    "note",
    "explain",
    "reveal",
    "allege",
    "put",
    "list",
    "record",
    "quote",
    "cite",
    "inform",
}
# Words in a sentence that mark a figure as unverified.
VERIFY_VERBS = {"verify", "confirm", "corroborate"}
UNVERIFIED_WORDS = {"unconfirmed", "unverified"}
# Nouns a follow-up sentence uses to refer to a figure ("That toll could not be confirmed").
FIGURE_REFERENTS = {
    "toll",
    "figure",
    "figures",
    "number",
    "numbers",
    "claim",
    "claims",
    "report",
    "reports",
    "account",
    "accounts",
    "casualty",
    "casualties",
    "death",
    "deaths",
    "this",
    "that",
    "it",
    "tally",
    "count",
}

# --------------------------------------------------------------------------- sentence level

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

# --------------------------------------------------------------------------- headlines

# Words after a number in a headline ("4 dead", "3 people shot", "five injured") and what they
# count; "weak" is "shot": injured unless told dead.
HEADLINE_AFTER_NUMBER = {
    "killed": "killed",
    "dead": "killed",
    "die": "killed",
    "dies": "killed",
    "died": "killed",
    "slain": "killed",
    "murdered": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
    "hospitalized": "injured",
    "shot": "weak",
    "stabbed": "weak",
    "critical": "injured",
}
# Verbs before a number in a headline ("gunman kills 3", "shooting wounds 6").
HEADLINE_BEFORE_NUMBER = {
    "kills": "killed",
    "kill": "killed",
    "killing": "killed",
    "wounds": "injured",
    "wound": "injured",
    "wounding": "injured",
    "injures": "injured",
    "injure": "injured",
    "injuring": "injured",
    "shoots": "weak",
}
# Words that cannot stand between a headline's number and its casualty word.
HEADLINE_BREAKS = {
    "in",
    "at",
    "on",
    "after",
    "of",
    "for",
    "by",
    "with",
    "and",
    "from",
    "to",
    "as",
    "during",
    "near",
    "outside",
    "inside",
    "since",
    "among",
    "including",
}
# After "shot": the victims died ("4 shot dead", "3 shot to death", "2 shot and killed").
SHOT_DEAD_AFTER = (["dead"], ["to", "death"], ["and", "killed"], [",", "killed"])
# One person named by a noun in a headline ("Teen killed in ...", "Boy, 6, dies after ...").
PERSON_NOUNS = {
    "man",
    "woman",
    "teen",
    "teenager",
    "boy",
    "girl",
    "child",
    "toddler",
    "baby",
    "infant",
    "student",
    "officer",
    "deputy",
    "trooper",
    "father",
    "mother",
    "dad",
    "mom",
    "son",
    "daughter",
    "brother",
    "sister",
    "husband",
    "wife",
    "grandmother",
    "grandfather",
    "cousin",
    "friend",
    "neighbor",
    "victim",
    "suspect",
    "gunman",
    "shooter",
    "driver",
    "clerk",
    "employee",
    "worker",
    "resident",
    "youth",
    "person",
    "hunter",
    "pastor",
    "rapper",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandson",
    "granddaughter",
    "stepson",
    "stepdaughter",
    "girlfriend",
    "boyfriend",
    "roommate",
    "coworker",
}
# Units before "old" in "10-year-old", "17-month-old": the age names one person.
AGE_UNIT_WORDS = {"year", "years", "yr", "month", "months", "week", "day"}
# Nouns of one death in a headline ("Clay St. killing", "murder of 3-year-old boy").
DEATH_EVENTS = {"killing", "homicide", "murder", "slaying"}
NOT_A_DEATH = {"attempted", "attempt"}
# "fatal shooting", "deadly stabbing" in a headline: at least one death.
FATAL_EVENTS = {"shooting", "stabbing"}
# "double homicide", "triple shooting", "quadruple murder": how many victims.
MULTIPLIERS = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# Event nouns a multiplier counts the victims of, and their category.
COMPOUND_EVENTS = {
    "homicide": "killed",
    "murder": "killed",
    "killing": "killed",
    "slaying": "killed",
    "fatality": "killed",
    "shooting": "weak",
    "stabbing": "weak",
}
FATAL_WORDS = {"fatal", "deadly"}
# Nouns whose count takes in everyone hit, the dead too ("a triple shooting", "the four victims
# in critical condition"): the dead are taken out of it.
GROUP_EVENT_NOUNS = set(COMPOUND_EVENTS) | {"condition"}
# A headline over several incidents is no incident's figure ("weekend shootings", "roundup").
ROUNDUP_WORDS = {
    "shootings",
    "incidents",
    "homicides",
    "killings",
    "murders",
    "stabbings",
    "attacks",
    "roundup",
    "weekend",
    "overnight",
    "blotter",
    "briefs",
}
