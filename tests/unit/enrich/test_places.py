"""Places to countries and first-level regions, with context; ambiguity stays null."""

from __future__ import annotations

from etl.enrich.places import context_of, resolve


def _pair(name, ctx=None):
    found = resolve(name, ctx)
    return (found.country, found.admin1) if found else None


def test_countries_regions_and_towns():
    assert _pair("Afghanistan") == ("AF", None)
    assert _pair("Texas") == ("US", "US-TX")
    assert _pair("Houston") == ("US", "US-TX")
    assert _pair("Helmand province") == ("AF", "AF-HEL")
    assert _pair("northern Gaza") == ("PS", None)


def test_qualified_names_resolve_inside_their_region():
    assert _pair("Paris, Texas") == ("US", "US-TX")
    assert _pair("Springfield, Ill.") == ("US", "US-IL")


def test_context_decides_between_namesakes():
    assert _pair("Georgia") == ("GE", None)  # a country's name beats a state's
    assert _pair("Georgia", context_of(["Florida", "Alabama"], None)) == ("US", "US-GA")
    assert _pair("Springfield", context_of(["Illinois"], "CHICAGO")) == ("US", "US-IL")


def test_ambiguity_and_unknown_names_stay_null():
    assert _pair("Springfield") == ("US", None)  # several states: the country only
    assert _pair("Punjab") is None  # India and Pakistan
    assert _pair("Quillmere") is None
    assert _pair("Main Street") is None


def test_a_dominant_town_is_taken_without_context():
    assert _pair("Paris") == ("FR", None)
    assert _pair("London") == ("GB", None)
