"""Event dates: time expressions anchored on the publication day (texts written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.enrich.event_dates import event_date, find_expressions, quote_date, resolve

THURSDAY = dt.date(2025, 3, 6)


def _one(text: str, published: dt.date | None = THURSDAY):
    found = event_date(text, [(0, len(text))], published)
    return (found.date.isoformat(), found.precision, found.text) if found else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed four guards on Thursday.", ("2025-03-06", "day", "on Thursday")),
        ("Gunmen killed four guards late Saturday.", ("2025-03-01", "day", "late Saturday")),
        ("Monday's blast killed six.", ("2025-03-03", "day", "Monday's")),
        ("The raid last Thursday left two dead.", ("2025-02-27", "day", "last Thursday")),
        ("Two died yesterday in the fire.", ("2025-03-05", "day", "yesterday")),
        ("A bomb killed three last night.", ("2025-03-05", "day", "last night")),
        ("On Feb. 15, a bomb killed seven.", ("2025-02-15", "day", "Feb. 15")),
        ("Nine were killed on 15 March.", ("2024-03-15", "day", "15 March")),  # not a future day
        ("Nine were killed on Sunday, March 2, 2025.", ("2025-03-02", "day", "Sunday, March 2, 2025")),
        ("The clashes last week killed 12.", ("2025-02-24", "week", "last week")),
        ("Three died over the weekend.", ("2025-02-24", "week", "over the weekend")),
        ("Floods earlier this month killed 40.", ("2025-03-01", "month", "earlier this month")),
        ("Riots in December killed 30.", ("2024-12-01", "month", "in December")),
        ("Two were arrested two days ago.", ("2025-03-04", "day", "two days ago")),
    ],
)
def test_expressions_resolve_against_the_publication_day(sentence, expected):
    assert _one(sentence) == expected


def test_nothing_to_go_on_gives_none():
    assert _one("Four people were killed in the attack.") is None
    # A relative expression needs a publication date; a full date does not.
    assert _one("Four people were killed on Thursday.", published=None) is None
    assert _one("Four were killed on March 2, 2025.", published=None)[0] == "2025-03-02"


def test_futures_and_may_the_verb_are_no_dates():
    assert find_expressions("The five victims will be buried on Friday.") == []
    assert find_expressions("Talks resume next Monday.") == []
    assert find_expressions("Officials said the toll may rise.") == []


def test_the_date_of_the_reporting_comes_after_the_date_of_the_event():
    text = "Police said Monday that gunmen killed five people on Saturday."
    assert _one(text)[:2] == ("2025-03-01", "day")
    only_reporting = "Police said Monday that five people had been killed."
    assert _one(only_reporting)[:2] == ("2025-03-03", "day")


def test_the_paragraph_dates_a_sentence_that_has_no_expression_of_its_own():
    body = ("A bomb exploded at a market on Tuesday. It killed six people and wounded 20.\n\n"
            "Separately, three soldiers died in an ambush.")
    second = body.index("It killed")
    found = event_date(body, [(second, body.index("\n\n"))], THURSDAY)
    assert found.date == dt.date(2025, 3, 4)
    third = body.index("Separately")
    assert event_date(body, [(third, len(body))], THURSDAY) is None


def test_a_quote_is_dated_by_its_paragraph_outside_the_quoted_words():
    body = "\u201cWe buried them on Monday,\u201d the mayor said on Wednesday."
    start, end = 1, body.index("\u201d")
    assert quote_date(body, start, end, THURSDAY).date == dt.date(2025, 3, 5)


def test_same_weekday_as_publication_is_that_day_unless_last():
    (m,) = find_expressions("on Thursday")
    assert resolve(m, THURSDAY).date == THURSDAY
    (m,) = find_expressions("last Thursday")
    assert resolve(m, THURSDAY).date == THURSDAY - dt.timedelta(days=7)
