"""An article's account of an incident (a report): pure functions of the extracted Article.

A report holds what linking compares — the event date (the lead figure's, resolved against
the publication date by etl.enrich), the region and places, the people named and the ages
given — and the report's own figure per category. Figures dated days away from the report's
event, placed in another region, or told in a sentence that gives a statistic are not this
event's: they stay out of the report (their ``incident_id`` stays null), so totals never count
them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, field

from etl.incidents import lexicon as lx
from etl.models import Article, Casualty


@dataclass
class Report:
    event_date: dt.date | None
    event_date_precision: str | None
    published: dt.datetime | None
    country_code: str | None
    admin1: str | None
    place: str | None
    places: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)
    figures: dict[str, int] = field(default_factory=dict)
    hedged: list[str] = field(default_factory=list)
    members: list[int] = field(default_factory=list)  # indices of the article's casualties

    @property
    def day(self) -> dt.date | None:
        """The event date, else the publication day: what blocking compares."""
        if self.event_date is not None:
            return self.event_date
        return self.published.date() if self.published else None


def fold(name: str) -> str:
    return " ".join(name.casefold().replace(".", "").split())


@functools.lru_cache(maxsize=4096)
def _region_names(code: str) -> frozenset[str]:
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    return frozenset({fold(sub.name)}) if sub else frozenset()


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _lead_figure(figs: list[Casualty]) -> Casualty | None:
    """The first killed/injured figure in text order (headline figures first) with a day date."""
    ordered = sorted(figs, key=lambda c: (c.start, c.end))
    for pool in ([c for c in ordered if c.category in lx.TOLL_CATEGORIES], ordered):
        for c in pool:
            if c.event_date and c.event_date_precision == "day":
                return c
    return None


def _region(article: Article, figs: list[Casualty]) -> tuple[str | None, str | None]:
    """(country, region) of the event: its figures' places, else the article's places by mentions."""
    regions = Counter(c.admin1 for c in figs if c.admin1)
    countries = Counter(c.country_code for c in figs if c.country_code)
    if not regions:
        for e in article.entities:
            if e.type in lx.PLACE_TYPES and e.place_admin1:
                regions[e.place_admin1] += max(1, len(e.mentions))
    if not countries:
        for e in article.entities:
            if e.type in lx.PLACE_TYPES and e.place_country:
                countries[e.place_country] += max(1, len(e.mentions))
    admin1 = regions.most_common(1)[0][0] if regions else None
    country = admin1[:2] if admin1 else (countries.most_common(1)[0][0] if countries else None)
    return country, admin1


def _places(article: Article, figs: list[Casualty], admin1: str | None) -> tuple[str | None, list[str]]:
    """The report's place (first figure place, else the most mentioned town) and every place named."""
    skip = set(lx.GENERIC_PLACES) | (_region_names(admin1) if admin1 else set())
    towns = [e for e in article.entities if e.type in lx.PLACE_TYPES and not e.country_code]
    names = [fold(c.location) for c in sorted(figs, key=lambda c: c.start) if c.location]
    names += [fold(e.name) for e in sorted(towns, key=lambda e: -len(e.mentions))]
    out = []
    for n in names:
        if n and n not in skip and n not in out and len(n) > 2:
            out.append(n)
    first = next((c.location for c in sorted(figs, key=lambda c: c.start)
                  if c.location and fold(c.location) in out), None)
    if first is None and towns:
        first = next((e.name for e in sorted(towns, key=lambda e: -len(e.mentions)) if fold(e.name) in out), None)
    return first, out[:30]


def _ages(article: Article) -> list[int]:
    ages = set()
    for m in lx.AGE.finditer(article.doc.body):
        value = int(next(g for g in m.groups() if g))
        if 0 < value < 100:
            ages.add(value)
    return sorted(ages)[:30]


def in_scope(c: Casualty, day: dt.date | None, admin1: str | None) -> bool:
    """Whether the figure tells this report's event (not background, not a statistic)."""
    when = _date(c.event_date)
    if day is not None and when is not None and c.event_date_precision == "day" \
            and abs((when - day).days) > lx.SCOPE_DAYS:
        return False
    if admin1 and c.admin1 and c.admin1 != admin1:
        return False
    return not lx.STATISTIC.search(c.sentence or "")


def hedged(c: Casualty) -> bool:
    q = (c.qualifier or "").casefold()
    return c.confirmed is False or any(q.startswith(h) for h in lx.HEDGES) or (
        c.count_max is not None and c.count_min is not None and c.count_min != c.count_max)


def report_figures(figs: list[tuple[int, Casualty]]) -> tuple[dict[str, int], list[str]]:
    """The report's figure per category: the largest count its in-scope figures give (an
    article's lead states the toll; later sentences tell parts of it). Hedged when every
    figure of that count is hedged."""
    best: dict[str, tuple[int, bool]] = {}
    for _, c in figs:
        n = c.count if c.count is not None else c.count_min
        if n is None:
            continue
        old = best.get(c.category)
        if old is None or n > old[0] or (n == old[0] and old[1] and not hedged(c)):
            best[c.category] = (n, hedged(c))
    return {k: n for k, (n, _) in best.items()}, sorted(k for k, (_, h) in best.items() if h)


def report_of(article: Article, published: dt.datetime | None) -> Report | None:
    """The article's report of its event, or None when it gives no casualty figure."""
    if not article.casualties:
        return None
    lead = _lead_figure(article.casualties)
    event = _date(lead.event_date) if lead else None
    country, admin1 = _region(article, [lead] if lead and lead.admin1 else article.casualties)
    day = event or (published.date() if published else None)
    members = [(i, c) for i, c in enumerate(article.casualties) if in_scope(c, day, admin1)]
    if not members:
        return None
    place, places = _places(article, [c for _, c in members], admin1)
    figures, hedges = report_figures(members)
    names = sorted({fold(e.name) for e in article.entities if e.type in lx.PERSON_TYPES})[:40]
    return Report(event, "day" if event else None, published, country, admin1, place, places, names,
                  _ages(article), figures, hedges, [i for i, _ in members])
