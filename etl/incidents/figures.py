"""The incident's figure per category, chosen from its reports — never their sum.

For each category, among the reports that give a number:
1. a confirmed, plain count beats a hedged one ("at least", "about", unconfirmed, a range);
2. the latest report wins (a rising toll is taken at its last value; a later correction too);
3. reports published the same day: the largest (the fuller count of that day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from etl.incidents.lexicon import CATEGORIES

_EPOCH = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)


def _key(report, category: str):
    day = report.published.date() if report.published else _EPOCH.date()
    return (category not in report.hedged, day, report.figures[category])


def incident_figures(reports: Iterable) -> dict[str, int | None]:
    """category → the incident's figure (None when no report gives one)."""
    reports = list(reports)
    out: dict[str, int | None] = {}
    for category in CATEGORIES:
        giving = [r for r in reports if r.figures.get(category) is not None]
        out[category] = max(giving, key=lambda r: _key(r, category)).figures[category] if giving else None
    return out
