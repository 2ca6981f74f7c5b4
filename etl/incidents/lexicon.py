"""Word lists and weights of incident linking, as data (etl.incidents)."""

from __future__ import annotations

import re

# Categories an incident carries a figure for (the casualties' categories).
CATEGORIES = ("killed", "injured", "missing", "kidnapped", "arrested")
# Categories whose counts say which event it is (arrests come days later and differ).
TOLL_CATEGORIES = ("killed", "injured")

# A figure dated this many days away from its report's event is another event (background).
SCOPE_DAYS = 3
# Candidates: reports of the same country with an event (else a publication) within
# FAR_DAYS; within WINDOW_DAYS the evidence needed is LINK_THRESHOLD, beyond it FAR_THRESHOLD
# (a follow-up weeks later, an event date read wrong: it takes names and places to link).
WINDOW_DAYS = 3
FAR_DAYS = 45

# A sentence that gives a statistic, not this event's toll ("the 40th homicide this year").
STATISTIC = re.compile(
    r"\b(this|last|so far this|each|every|per|a) (year|month|decade)\b|\bso far\b|\bsince (19|20)\d\d\b"
    r"|\bin (19|20)\d\d\b|\bannual(ly)?\b|\bnationwide\b|\bstatistics?\b|\bhomicides\b|\bper cent\b"
    r"|\bpercent\b|\brate\b|\baverage\b|\bmass shootings\b",
    re.IGNORECASE,
)
# Hedges that make a figure weaker than a plain count.
HEDGES = ("at least", "more than", "up to", "about", "around", "nearly", "almost", "some", "as many as",
          "roughly", "approximately", "over", "possibly", "perhaps")

AGE = re.compile(r"\b(\d{1,2})[- ]year[- ]old\b|\b(?:aged?|age of) (\d{1,2})\b|\b[A-Z][a-z]+, (\d{1,2}),")

# Evidence weights: a report joins an incident at LINK_THRESHOLD or more.
WEIGHTS = {
    "same_day": 2.0,
    "next_day": 1.0,
    "same_region": 1.0,
    "other_region": -3.0,  # two different regions (the gazetteer may have read one wrong)
    "place": 3.0,  # a town or place both name (beyond the region)
    "more_places": 1.0,  # each further shared place, up to MAX_PLACES
    "name": 3.0,  # a person both name
    "surname": 2.0,  # only a surname in common
    "age": 1.0,  # each shared age, up to MAX_AGES
    "count_agrees": 1.0,  # per toll category, equal non-zero counts
    "count_conflicts": -1.5,  # per toll category, both give a number and neither can be an update
}
MAX_PLACES = 2
MAX_AGES = 2
LINK_THRESHOLD = 5.0
FAR_THRESHOLD = 8.0

# Entity types that name places and people.
PLACE_TYPES = ("GPE", "LOC", "FAC")
PERSON_TYPES = ("PERSON",)
# Place words too general to tell two events apart.
GENERIC_PLACES = frozenset({
    "us", "u.s.", "america", "united states", "the united states", "north", "south", "east", "west",
    "downtown", "city", "county", "state", "area", "home", "hospital", "street", "avenue",
})
