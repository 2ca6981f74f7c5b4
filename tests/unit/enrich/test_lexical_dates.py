"""French event dates through etl/lang/fr's weekdays (texts written for the test)."""

from __future__ import annotations

import datetime as dt

from etl.enrich.lexical_dates import event_date
from etl.lang import REGISTRY

FR = REGISTRY["fr"].lexicon
MONDAY = dt.date(2026, 3, 9)


def _date(text: str, published=MONDAY):
    found = event_date(text, [(0, len(text))], published, FR)
    return found and (found.date, found.text)


def test_a_weekday_is_the_last_such_day_up_to_publication():
    assert _date("Deux hommes ont été tués samedi à Lyon.") == (dt.date(2026, 3, 7), "samedi")
    assert _date("Un blessé lundi matin.") == (MONDAY, "lundi matin")


def test_a_night_across_two_days_starts_on_the_first():
    found = _date("Trois morts dans la nuit de samedi à dimanche à Marseille.")
    assert found == (dt.date(2026, 3, 7), "dans la nuit de samedi à dimanche")


def test_a_future_weekday_or_no_publication_day_gives_nothing():
    assert _date("Une marche aura lieu samedi prochain.") is None
    assert _date("Deux morts samedi.", published=None) is None
