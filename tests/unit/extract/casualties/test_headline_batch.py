"""Headlines parsed for a whole batch (one nlp.pipe) give the figures a lone parse gives."""

from __future__ import annotations

import etl.extract.casualties.headline as ch

# Our own headlines; one is a roundup (never parsed), one is in Title Case (normalised first).
TITLES = [
    "5 shot, 2 dead at Eastport block party",
    "Gunman Kills 3 In Lakeside Standoff",
    "Two shot dead in Northgate",
    "Weekend shootings leave 9 hurt across the city",
    "14 shot, one fatally, at Cedar festival",
]


def _figures(title: str) -> list[tuple]:
    return [(f.category, f.count, f.trigger.text) for f in ch.headline_figures(title)]


def test_batch_parsed_headlines_give_the_same_figures_and_are_used_once():
    alone = [_figures(t) for t in TITLES]
    ch.parse_headlines([*TITLES, None, "  "])
    assert set(ch._PARSED) == {ch.normalise_headline(t) for t in TITLES if not ch._is_roundup(t)}
    assert [_figures(t) for t in TITLES] == alone
    assert ch._PARSED == {}  # each parse taken by its article
    assert alone[0] == [("injured", 3, "shot"), ("killed", 2, "dead")]


def test_a_new_batch_forgets_the_headlines_the_last_one_left():
    ch.parse_headlines(TITLES[:2])
    ch.parse_headlines([])
    assert ch._PARSED == {}
