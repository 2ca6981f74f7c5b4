"""Regular expressions of the casualty extractor (dates, periods, ages), kept apart as data."""

from __future__ import annotations

import re

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
