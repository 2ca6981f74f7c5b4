"""How strongly two reports tell one event: a sum of evidence weights (lexicon.WEIGHTS).

Blocking (same country, compatible regions, days within WINDOW_DAYS) is a precondition; then
the event date, the places and people both name, shared ages, and counts that agree add to
the score, and counts that cannot be an update of one another (a later report with a smaller
death toll) take from it. The score depends on the two reports only, so linking every pair at
LINK_THRESHOLD or more gives the same incidents whatever order the reports arrive in.
"""

from __future__ import annotations

import datetime as dt

from etl.incidents import lexicon as lx
from etl.incidents.evidence import Report


def compatible(a: Report, b: Report) -> bool:
    """The blocking rule: same country (or unknown), days within FAR_DAYS."""
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    if a.day is None or b.day is None:
        return False
    return abs((a.day - b.day).days) <= lx.FAR_DAYS


def threshold(a: Report, b: Report) -> float:
    """The evidence two compatible reports need: more when their days are far apart."""
    return lx.LINK_THRESHOLD if abs((a.day - b.day).days) <= lx.WINDOW_DAYS else lx.FAR_THRESHOLD


def _surnames(names: list[str]) -> set[str]:
    return {n.split()[-1] for n in names if len(n.split()) > 1 and len(n.split()[-1]) > 3}


def _count_evidence(a: Report, b: Report) -> float:
    w = lx.WEIGHTS
    early, late = sorted((a, b), key=lambda r: (r.published or dt.datetime.min.replace(tzinfo=dt.UTC)))
    score = 0.0
    for category in lx.TOLL_CATEGORIES:
        x, y = early.figures.get(category), late.figures.get(category)
        if x is None or y is None:
            continue
        if x == y and x > 0:
            score += w["count_agrees"]
        elif category == "killed" and y < x:
            score += w["count_conflicts"]
    return score


def score(a: Report, b: Report) -> float:
    """Evidence that ``a`` and ``b`` report one event (call only for compatible reports)."""
    w = lx.WEIGHTS
    total = 0.0
    if a.event_date and b.event_date:
        gap = abs((a.event_date - b.event_date).days)
        total += w["same_day"] if gap == 0 else w["next_day"] if gap == 1 else 0.0
    if a.admin1 and b.admin1:
        total += w["same_region"] if a.admin1 == b.admin1 else w["other_region"]
    shared = set(a.places) & set(b.places)
    if shared:
        total += w["place"] + w["more_places"] * min(lx.MAX_PLACES, len(shared) - 1)
    if set(a.names) & set(b.names):
        total += w["name"]
    elif _surnames(a.names) & _surnames(b.names):
        total += w["surname"]
    total += w["age"] * min(lx.MAX_AGES, len(set(a.ages) & set(b.ages)))
    return total + _count_evidence(a, b)


def linked(a: Report, b: Report) -> bool:
    return compatible(a, b) and score(a, b) >= threshold(a, b)
