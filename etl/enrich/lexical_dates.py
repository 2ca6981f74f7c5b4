"""Event dates for the languages with a data module (etl/lang/<code>/): a weekday in the
figure's sentence, else in its paragraph ("samedi", "dans la nuit de samedi à dimanche": the
first day named) is the most recent such day on or before the publication day. A weekday
followed by the language's future words ("samedi prochain") is skipped. English keeps
:mod:`etl.enrich.event_dates`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from types import ModuleType

from etl.enrich.event_dates import EventDate, paragraph_of


@functools.lru_cache(maxsize=8)
def _pattern(lex: ModuleType) -> re.Pattern:
    days = "|".join(lex.WEEKDAYS)
    return re.compile(lex.WEEKDAY_EXPRESSION.format(days=days), re.IGNORECASE)


def _first(text: str, published: dt.date, lex: ModuleType) -> EventDate | None:
    for m in _pattern(lex).finditer(text):
        if re.match(lex.FUTURE_AFTER, text[m.end():], re.IGNORECASE):
            continue
        wanted = lex.WEEKDAYS.index(m.group("day").lower())
        back = (published.weekday() - wanted) % 7
        return EventDate(published - dt.timedelta(days=back), "day", m.group(0))
    return None


def event_date(body: str, spans: list[tuple[int, int]], published: dt.date | None,
               lex: ModuleType) -> EventDate | None:
    """The day of a figure or quote told in ``spans``: its sentence's weekday, else its
    paragraph's; None without a publication day to anchor it on."""
    if published is None:
        return None
    for start, end in spans:
        p_start, p_end = paragraph_of(body, start, end)
        found = _first(body[start:end], published, lex) or _first(body[p_start:p_end], published, lex)
        if found:
            return found
    return None
