"""When did it happen: the date of a figure or quote, from the time expressions around it.

A news sentence dates its event relative to the day it was published: "on Thursday", "late
Saturday", "yesterday", "last week", "Feb. 15". We find such expressions with the patterns
below (data), let dateparser read them against the publication date, and only do the anchoring
ourselves where news usage differs from dateparser's: a bare weekday is the most recent such
day *on or before* the publication day ("Thursday" in a Thursday paper is that day), and a
week or month is reported as its first day with its precision.

Which expression dates a figure: the first one in its sentence that is not the date of the
reporting ("police said Monday"), else the first such one of its paragraph, else the date of
the reporting in its sentence; nothing found, or nothing to anchor a relative expression on:
``None``. Futures ("next Friday") are skipped.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

PRECISIONS = ("day", "week", "month")

_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
          r"|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUMBER = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# (kind, pattern) in order of preference when two overlap; month and weekday names must be
# capitalised ("may" the verb is no month), the other words may be in any case.
EXPRESSIONS: tuple[tuple[str, str], ...] = (
    ("explicit", rf"(?:{_WEEKDAY},?\s+)?\b{_MONTH}\s+{_DAYNUM}\b(?:,?\s+{_YEAR}\b)?"),
    ("explicit", rf"(?:{_WEEKDAY},?\s+)?\b{_DAYNUM}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?"),
    ("explicit", r"\b(?:19|20)\d{2}-[01]\d-[0-3]\d\b"),
    ("month", rf"\b{_MONTH},?\s+{_YEAR}\b"),
    ("month", rf"(?i:\b(?:in|during|since|early|late|earlier in|later in)\s+|\bmid-\s*)(?-i:{_MONTH})\b(?!\s*\d)"),
    ("weekday", rf"(?i:\b(?:(?:late|early)\s+(?:on\s+)?|last\s+|this\s+past\s+|on\s+)?)\b{_WEEKDAY}(?:'s)?{_PART}\b"),
    ("relative", (r"(?i:\b(?:yesterday|today|tonight|last\s+night|earlier\s+today"
                 r"|this\s+(?:morning|afternoon|evening))\b)")),
    ("ago", rf"(?i:\b{_NUMBER}\s+(?:days?|weeks?|months?)\s+ago\b)"),
    ("period", (r"(?i:\b(?:earlier\s+|late\s+|early\s+)?(?:last|this)\s+(?:week|month)\b"
               r"|\b(?:earlier|late|early)\s+this\s+(?:week|month)\b"
               r"|\b(?:over|during|at|on)\s+the\s+weekend\b|\b(?:last|this|past)\s+weekend\b)")),
)
EXPRESSION_RES = tuple((kind, re.compile(pattern)) for kind, pattern in EXPRESSIONS)

# Words just before an expression that make it a future or not an event date.
FUTURE_BEFORE = re.compile(r"(?i:\b(?:next|coming|until|till|by|before|from|scheduled\s+for"
                           r"|expected\s+on|due|(?:will|would|is\s+to|are\s+to|to\s+be)(?:\s+\w+){0,3})"
                           r"\s*(?:on\s+)?$)")
# A reporting verb just before the expression: the day it was said, not the day it happened.
REPORTING_BEFORE = re.compile(
    r"(?i:\b(?:said|says|told|announced|reported|confirmed|added|stated|tweeted|wrote|posted"
    r"|according\s+to\s+\w+(?:\s+\w+)?|statement|report|update)\s*(?:on\s+|late\s+|early\s+)?$)"
)
# Within an expression: words dateparser need not see.
_STRIP = re.compile(r"(?i:^(?:on|in|during|since|late|early|earlier|mid-|earlier in|later in|this past)\s*"
                    r"|\s+(?:morning|afternoon|evening|night)$|'s\b)")
_WEEKEND = re.compile(r"(?i:weekend)")
_WEEKDAY_RE = re.compile(_WEEKDAY)
_DAYS_BACK = {"yesterday": 1, "last night": 1}


@dataclass(frozen=True)
class EventDate:
    date: dt.date  # first day of the period
    precision: str  # day | week | month
    text: str  # the expression as written


@dataclass(frozen=True)
class _Match:
    kind: str
    start: int
    end: int
    text: str
    reporting: bool


def find_expressions(text: str) -> list[_Match]:
    """Time expressions in ``text``, left to right, overlaps resolved by EXPRESSIONS order."""
    return list(_expressions(text))


@functools.lru_cache(maxsize=1024)
def _expressions(text: str) -> tuple[_Match, ...]:
    """:func:`find_expressions`, once per text: every quote of a paragraph searches the same
    paragraph, and wire copies repeat whole paragraphs."""
    taken: list[_Match] = []
    for kind, pattern in EXPRESSION_RES:
        for m in pattern.finditer(text):
            if any(m.start() < t.end and t.start < m.end() for t in taken):
                continue
            before = text[max(0, m.start() - 40): m.start()]
            if FUTURE_BEFORE.search(before) or re.match(r"(?i)next\b", m.group(0)):
                continue
            taken.append(_Match(kind, m.start(), m.end(), m.group(0).strip(),
                                bool(REPORTING_BEFORE.search(before))))
    return tuple(sorted(taken, key=lambda t: t.start))


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date):
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=8192)
def _date_data(text: str, base: dt.date) -> tuple[dt.datetime | None, str | None]:
    """(date, period) dateparser reads in ``text`` relative to ``base``; wire copies and
    recurring phrases ("on Feb. 15", "last month") are parsed once per anchor day."""
    data = _parser(base).get_date_data(text)
    if data is None:
        return None, None
    return data.date_obj, data.period


def _period_start(day: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    return day


def _weekday(match: _Match, published: dt.date) -> EventDate | None:
    """The most recent such weekday on or before the publication day ("last": before it)."""
    name = _WEEKDAY_RE.search(match.text).group(0)
    wanted = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun").index(name[:-3])
    back = (published.weekday() - wanted) % 7
    if back == 0 and re.match(r"(?i)(?:last|this\s+past)\b", match.text):
        back = 7
    return EventDate(published - dt.timedelta(days=back), "day", match.text)


def _weekend(match: _Match, published: dt.date) -> EventDate:
    """A weekend: its week; "last weekend" read on a Saturday or Sunday is the one before."""
    back = (published.weekday() - 5) % 7
    if back <= 1 and re.match(r"(?i)(?:last|past)\b", match.text):
        back += 7
    return EventDate(_period_start(published - dt.timedelta(days=back), "week"), "week", match.text)


def _parsed(match: _Match, published: dt.date | None) -> EventDate | None:
    """Read the expression with dateparser; its period gives the precision."""
    has_year = re.search(_YEAR, match.text) is not None
    if published is None and not has_year:
        return None
    text = _STRIP.sub("", _STRIP.sub("", match.text)).strip()
    if match.kind == "explicit":
        text = _WEEKDAY_RE.sub("", text).strip(" ,")
    date_obj, period = _date_data(text, published or dt.date(2000, 1, 1))
    if date_obj is None:
        return None
    precision = {"day": "day", "part_of_day": "day", "time": "day", "week": "week",
                 "month": "month"}.get(period or "day")
    if precision is None:
        return None
    if match.kind == "ago" and precision == "day" and re.search(r"(?i)week", text):
        precision = "week"
    day = date_obj.date()
    if published is not None and day > published:
        return None  # a future date is no event date
    return EventDate(_period_start(day, precision), precision, match.text)


def resolve(match: _Match, published: dt.date | None) -> EventDate | None:
    """The date an expression names, anchored on the publication day."""
    if match.kind == "weekday":
        return None if published is None else _weekday(match, published)
    if match.kind == "period" and _WEEKEND.search(match.text):
        return None if published is None else _weekend(match, published)
    if match.kind == "relative":
        if published is None:
            return None
        back = _DAYS_BACK.get(re.sub(r"\s+", " ", match.text.lower()), 0)
        return EventDate(published - dt.timedelta(days=back), "day", match.text)
    return _parsed(match, published)


def _first(matches: list[_Match], published: dt.date | None, reporting: bool) -> EventDate | None:
    for match in matches:
        if match.reporting == reporting:
            found = resolve(match, published)
            if found is not None:
                return found
    return None


def paragraph_of(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph (blank-line separated) holding ``start``."""
    p_start = body.rfind("\n\n", 0, start)
    p_start = 0 if p_start < 0 else p_start + 2
    p_end = body.find("\n\n", max(start, end - 1))
    return p_start, len(body) if p_end < 0 else p_end


def event_date(body: str, spans: list[tuple[int, int]], published: dt.date | None) -> EventDate | None:
    """The event date of a figure or quote told in ``spans`` (sentence offsets) of ``body``."""
    for start, end in spans:
        sentence = find_expressions(body[start:end])
        found = _first(sentence, published, reporting=False)
        if found:
            return found
        p_start, p_end = paragraph_of(body, start, end)
        others = [m for m in find_expressions(body[p_start:p_end])
                  if not start <= p_start + m.start < end]
        found = _first(others, published, reporting=False) or _first(sentence, published, True)
        if found:
            return found
    return None


def quote_date(body: str, start: int, end: int, published: dt.date | None) -> EventDate | None:
    """When a quote was said: an expression of its paragraph outside the quoted words, the
    date of the reporting ("she said Thursday") first."""
    p_start, p_end = paragraph_of(body, start, end)
    around = [m for m in find_expressions(body[p_start:p_end])
              if not start <= p_start + m.start < end]
    return _first(around, published, reporting=True) or _first(around, published, reporting=False)


def published_day(published: str | None) -> dt.date | None:
    """The calendar day of an ISO publication date, in the publisher's own time zone."""
    if not published:
        return None
    try:
        return dt.datetime.fromisoformat(published.strip()).date()
    except ValueError:
        return None
