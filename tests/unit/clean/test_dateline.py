"""Dateline and agency forms at the start of a paragraph, and furniture lines."""

from __future__ import annotations

import pytest

from etl.clean.dateline import split_dateline
from etl.clean.furniture import drop_duplicates, is_furniture, is_marker, strip_furniture


@pytest.mark.parametrize(
    ("text", "place", "agency", "rest"),
    [
        ("SULAIMANI (ESTA) — The", "SULAIMANI", "ESTA", "The"),
        ("KABUL, Afghanistan (AP) — A", "KABUL, Afghanistan", "AP", "A"),
        ("LONDON (Reuters) - Oil", "LONDON", "Reuters", "Oil"),
        ("WASHINGTON — The", "WASHINGTON", None, "The"),
        ("NEW YORK, March 3 (Reuters) - Stocks", "NEW YORK", "Reuters", "Stocks"),
        ("ALBANY, N.Y., Oct. 14 (UPI) — Lawmakers", "ALBANY, N.Y.", "UPI", "Lawmakers"),
        ("LONDON, 3 March (Reuters) - Prices", "LONDON", "Reuters", "Prices"),
        ("MILFORD -- Chad", "MILFORD", None, "Chad"),
        ("NEW DELHI: The", "NEW DELHI", None, "The"),
        ("WASHINGTON (CNN)President Trump", "WASHINGTON", "CNN", "President Trump"),
        ("CHICAGO, Nov. 20, 2019 /PRNewswire/ -- Acme", "CHICAGO", "PRNewswire", "Acme"),
        ("BUFFALO, N.Y. — Hours", "BUFFALO, N.Y.", None, "Hours"),
        ("(Reuters) - Oil", None, "Reuters", "Oil"),
        ("Washington (CNN) — The", "Washington", "CNN", "The"),
        ("Hong Kong (CNN Business)Shares fell", "Hong Kong", "CNN Business", "Shares fell"),
        ("Kyiv, Ukraine (AP) — Russian", "Kyiv, Ukraine", "AP", "Russian"),
    ],
)
def test_datelines(text, place, agency, rest):
    assert split_dateline(text) == (place, agency, rest)


@pytest.mark.parametrize(
    "text",
    ["BREAKING: Fire at the plant", "UPDATE — Roads reopened", "THE PRESIDENT said: no",
     "NATO allies met on Tuesday", "US-China trade talks - a new round", "RPD: 4 shot",
     "WASHINGTON —", "President Trump (R) said", "The company (Acme) said it would",
     "Senator Smith (D-Ohio) — who"],
)
def test_not_datelines(text):
    assert split_dateline(text) == (None, None, text)


@pytest.mark.parametrize(
    "line",
    ["Advertisement", "Share on Facebook", "Sign up for our daily newsletter", "Copyright 2024 X Ltd.",
     "All rights reserved.", "(Reporting by A. Writer; Editing by B. Editor)", "SOURCE: News agencies",
     "jane@example.org", "Follow us on Twitter", "|---|---|", "Story continues below advertisement",
     "Download: http://example.org/x"],
)
def test_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["The newsletter was first published in 1990.", "Copyright law was changed last year.",
     "Share prices rose sharply on Monday.", "He said the source was reliable, and left."],
)
def test_not_furniture(line):
    assert not is_furniture(line)


def test_markers_drop_link_block_but_keep_prose_after_it():
    paras = [
        "First paragraph of the story, long enough to read as prose and ending properly.",
        "Related Posts",
        "A headline about something else",
        "Another headline",
        ("The story goes on here with a long paragraph of running text that has a proper end, "
        "and more words to make it plainly prose rather than a link."),
    ]
    out = strip_furniture(paras)
    assert out == [paras[0], paras[4]]
    assert is_marker("You may also like") and is_marker("Most Read") and is_marker("Previous Article")
    assert not is_marker("Related parties signed the deal on Monday.")


def test_duplicates_dropped():
    p = "A paragraph that a page carries twice over because of a print version."
    assert drop_duplicates([p, "Short.", p, "Short."]) == [p, "Short.", "Short."]


@pytest.mark.parametrize(
    "line",
    ["copyright Example Magazine 2019 - ISSN: 1234-5678", "Photos © Example, 2018",
     "[button link=\"/x\"] Send us your review[/button]", "Click here for more information.",
     "Subscribe for as little as $1 a week", "Monday, 22 January 2018 at 0:13"],
)
def test_more_furniture(line):
    assert is_furniture(line)


def test_tag_list_after_marker_removed():
    body = "A long paragraph of the story that reads as running prose and ends with a full stop."
    out = strip_furniture([body, "Tags", ("car racing 2018, racing calendar, race tracks, stock cars, "
                           "motor sport news, season dates, results")])
    assert out == [body]


@pytest.mark.parametrize("line", ["Home > News > World", "Contact us | Privacy policy | Terms of use"])
def test_breadcrumbs_and_menus(line):
    assert is_furniture(line)


def test_one_separator_is_not_a_menu():
    assert not is_furniture("Milan Design Week | A light installation by a Cypriot designer opens in a church")
