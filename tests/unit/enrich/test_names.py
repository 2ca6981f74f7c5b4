"""Speakers and attributions: case, titles and articles folded; linked to entities."""

from __future__ import annotations

from etl.enrich.names import lower_words, normalize_name
from etl.models import Entity

BODY = "the police said the officials were at the scene. Police and witnesses spoke."
ENTS = [Entity("Mara Velt", "PERSON", aliases=["Mara Velt", "Velt"]), Entity("Kestrel Aid", "ORG")]


def _norm(name):
    return normalize_name(name, ENTS, lower_words(BODY))


def test_common_nouns_fold_to_lower_case_and_lose_the_article():
    assert _norm("Police") == ("police", None)
    assert _norm("the police") == ("police", None)
    assert _norm("Officials") == ("officials", None)
    assert _norm("Witnesses") == ("witnesses", None)


def test_titles_and_surnames_link_to_the_entity():
    assert _norm("President Mara Velt") == ("Mara Velt", "Mara Velt")
    assert _norm("Velt") == ("Mara Velt", "Mara Velt")
    assert _norm("the Kestrel Aid") == ("Kestrel Aid", "Kestrel Aid")


def test_names_that_are_no_entity_keep_their_case():
    assert _norm("Gov. Ann Pell") == ("Ann Pell", None)
    assert _norm(None) == (None, None)
