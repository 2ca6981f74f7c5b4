"""Unit tests of casualty number parsing (digits, number words, scale words, hedges)."""

from __future__ import annotations

import pytest

from etl.extract.shared.numbers import (
    Quantity,
    apply_hedge,
    is_number_word,
    match_hedge,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("17", 17, 17, 17),
        ("one", 1, 1, 1),
        ("four", 4, 4, 4),
        ("a", 1, 1, 1),
        ("an", 1, 1, 1),
        ("twenty-one", 21, 21, 21),
        ("one hundred and five", 105, 105, 105),
        ("a dozen", 12, 12, 12),
        ("two dozen", 24, 24, 24),
        ("1,200", 1200, 1200, 1200),
        ("3.5 million", 3_500_000, 3_500_000, 3_500_000),
        ("2 million", 2_000_000, 2_000_000, 2_000_000),
        ("dozens", 24, 24, None),
        ("hundreds", 200, 200, None),
        ("thousands", 2000, 2000, None),
    ],
)
def test_parse_number(text, value, low, high):
    q = parse_number(text)
    assert q is not None
    assert (q.value, q.low, q.high) == (value, low, high)


@pytest.mark.parametrize("text", ["man", "the", "", "people", "year-old"])
def test_not_a_number(text):
    assert parse_number(text) is None


def test_vague_plural_is_marked():
    assert parse_number("dozens").vague
    assert not parse_number("two dozen").vague


@pytest.mark.parametrize(
    ("words", "hedge"),
    [
        (["killed", "at", "least"], "at least"),
        (["More", "than"], "More than"),
        (["up", "to"], "up to"),
        (["nearly"], "nearly"),
        (["about"], "about"),
        (["as", "many", "as"], "as many as"),
        (["were", "killed"], None),
        ([], None),
    ],
)
def test_match_hedge(words, hedge):
    assert match_hedge(words) == hedge


@pytest.mark.parametrize(
    ("value", "hedge", "expected"),
    [
        (17, "at least", (17, 17, None)),
        (40, "more than", (40, 40, None)),
        (5, "up to", (5, None, 5)),
        (40, "nearly", (40, None, 40)),
        (30, "about", (30, None, None)),
        (4, None, (4, 4, 4)),
    ],
)
def test_apply_hedge(value, hedge, expected):
    assert apply_hedge(Quantity(value, value, value), hedge) == expected


def test_apply_hedge_vague():
    assert apply_hedge(parse_number("dozens"), None) == (24, 24, None)


@pytest.mark.parametrize(
    ("word", "ok"),
    [("17", True), ("seven", True), ("dozen", True), ("million", True), ("people", False)],
)
def test_is_number_word(word, ok):
    assert is_number_word(word) is ok


@pytest.mark.parametrize("text", ["half dozen", "a half dozen", "half a dozen"])
def test_half_dozen_is_six(text):
    assert parse_number(text) == Quantity(6, 6, 6)
