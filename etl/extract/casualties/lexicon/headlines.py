"""Words of casualty headlines ("4 dead", "gunman kills 3", "double homicide") (lowercased)."""

from __future__ import annotations

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
