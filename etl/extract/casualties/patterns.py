"""Regular expressions of the casualty extractor (dates, periods, ages), kept apart as data."""

from __future__ import annotations

import re

import etl.extract.casualties.lexicon as lex

# A year inside a DATE entity: the figure is dated to another time than the story's.
YEAR_RE = re.compile(r"\b(1[89]|20)\d\d\b")
# A day of the month ("March 3", "3rd"): a month with a day is one day, not a period.
DAY_RE = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
# A period rather than a day ("this year", "so far", "the past few weeks", "annual").
PERIOD_RE = re.compile(
    r"\b(this|last|past|previous|the) (year|decade)\b|\bso far\b|\bsince\b|\bwithin\b"
    r"|\b(past|last|previous|recent) (few |several |\w+ )?(weeks|months|years|decades)\b"
    r"|\b(years|months|decades)\b|\b(per|each|every|a) year\b|\bannual|\byear-to-date\b"
)
# An age rather than a date ("19 years old", "of age", "aged 40").
AGE_IN_DATE_RE = re.compile(r"\bold\b|\bof age\b|\bages?\b|\baged\b")
WORD_RE = re.compile(r"[a-z]+")
# A label before a colon at the start of a headline ("UPDATE:", "Police:", "BREAKING NEWS:").
HEADLINE_LABEL_RE = re.compile(r"^(?:[\w.'’&-]+\s+){0,2}[\w.'’&-]+\s*:\s+")
# A word written in capitals in a Title Case headline keeps them ("NYPD", "U.S.").
ACRONYM_RE = re.compile(r"^[\W\d]*[A-Z][A-Z.&]+[\W\d]*$|^[\W]*\d")

# A headline over a span of time is a round-up ("7 shot in 72 hours", "since 8 p.m.").
HEADLINE_ROUNDUP_RE = re.compile(
    r"\b(?:in|over|within|during) (?:the )?(?:\w+ )?(?:hours|days|weeks|months|nights)\b|\bsince\b|\bround-up\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- spaCy Matcher patterns
# Built from the word lists in ``lexicon``; matched on the token's lowercase form.


def _headline_patterns() -> dict[str, list[list[dict]]]:
    after = sorted(lex.HEADLINE_AFTER_NUMBER)
    not_filler = sorted(
        set(after) | set(lex.HEADLINE_BEFORE_NUMBER) | lex.HEADLINE_BREAKS | lex.FATAL_ADVERBS
    )
    filler = {"IS_ALPHA": True, "LIKE_NUM": False, "LOWER": {"NOT_IN": not_filler}, "OP": "{0,3}"}
    # after a person noun: an age between commas, an adverb ("Boy, 6, accidentally shot")
    person_filler = {"LOWER": {"NOT_IN": not_filler}, "IS_SPACE": False, "OP": "{0,4}"}
    return {
        # "4 dead", "3 people shot", "five more injured"
        "NUMBER_WORD": [[{"LIKE_NUM": True}, filler, {"LOWER": {"IN": after}}]],
        # "gunman kills 3", "shooting wounds 6"
        "WORD_NUMBER": [
            [{"LOWER": {"IN": sorted(lex.HEADLINE_BEFORE_NUMBER)}}, {"LIKE_NUM": True}]
        ],
        # "14 shot, one fatally"
        "NUMBER_FATALLY": [[{"LIKE_NUM": True}, {"LOWER": {"IN": sorted(lex.FATAL_ADVERBS)}}]],
        # "Teen killed in ...", "Boy, 6, dies after ...", "Man shot to death"
        "PERSON_WORD": [
            [{"LOWER": {"IN": sorted(lex.PERSON_NOUNS)}}, person_filler, {"LOWER": {"IN": after}}]
        ],
        # "10-year-old shot during ...", "17-month-old dies"
        "AGE_WORD": [
            [
                {"LOWER": {"IN": sorted(lex.AGE_UNIT_WORDS)}},
                {"TEXT": {"IN": ["-", "‐"]}, "OP": "?"},
                {"LOWER": "old"},
                person_filler,
                {"LOWER": {"IN": after}},
            ]
        ],
        # "Teen charged with killing uncle", "gunman kills wife"
        "WORD_PERSON": [
            [
                {"LOWER": {"IN": sorted(lex.HEADLINE_BEFORE_NUMBER)}},
                {"LOWER": {"IN": ["his", "her", "a", "an", "the", "their"]}, "OP": "?"},
                {"LOWER": {"IN": sorted(lex.PERSON_NOUNS)}},
            ]
        ],
        # "girl's killing", "murder of 3-year-old boy", "shooting death of a teen"
        "PERSON_DEATH": [
            [
                {"LOWER": {"IN": sorted(lex.PERSON_NOUNS)}},
                {"LOWER": {"IN": ["'s", "’s"]}},
                {"LOWER": {"IN": sorted(lex.DEATH_EVENTS | {"death"})}},
            ],
            [
                {"LOWER": {"IN": sorted(lex.DEATH_EVENTS | {"death"})}},
                {"LOWER": "of"},
                {"IS_SPACE": False, "OP": "{0,6}"},
                {"LOWER": {"IN": sorted(lex.PERSON_NOUNS | {"old"})}},
            ],
        ],
        # "Clay Street killing", "homicide under investigation": one death at least
        "DEATH_EVENT": [
            [
                {"LOWER": {"NOT_IN": sorted(lex.NOT_A_DEATH | set(lex.MULTIPLIERS))}, "OP": "?"},
                {"LOWER": {"IN": sorted(lex.DEATH_EVENTS)}},
            ]
        ],
        # "Teen in critical condition after ..."
        "PERSON_CONDITION": [
            [
                {"LOWER": {"IN": sorted(lex.PERSON_NOUNS)}},
                {"LOWER": "in"},
                {"LOWER": {"IN": sorted(lex.CONDITION_WORDS)}},
                {"LOWER": "condition"},
            ]
        ],
        # "fatal shooting", "deadly stabbing": at least one death
        "FATAL_EVENT": [
            [
                {"LOWER": {"IN": sorted(lex.FATAL_WORDS)}},
                {"LOWER": {"IN": sorted(lex.FATAL_EVENTS)}},
            ]
        ],
    }


def _compound_patterns() -> dict[str, list[list[dict]]]:
    events = sorted(lex.COMPOUND_EVENTS)
    return {
        # "triple homicide", "double shooting", "quadruple murder"
        "MULTIPLE_EVENT": [[{"LOWER": {"IN": sorted(lex.MULTIPLIERS)}}, {"LEMMA": {"IN": events}}]],
        # "murder-suicide", "double murder-suicide"
        "MURDER_SUICIDE": [
            [
                {"LOWER": {"IN": sorted(lex.MULTIPLIERS)}, "OP": "?"},
                {"LOWER": "murder"},
                {"TEXT": {"IN": ["-", "–"]}},
                {"LOWER": "suicide"},
            ]
        ],
    }


HEADLINE_PATTERNS = _headline_patterns()
COMPOUND_PATTERNS = _compound_patterns()
