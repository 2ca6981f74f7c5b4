"""French through the lexical extractors and etl/lang/fr: entities, quotes with speakers,
casualty figures. Texts written for these tests (not from the gold set)."""

from __future__ import annotations

import pytest

from etl.extract.lexical import extract_lexical
from etl.lang import REGISTRY
from etl.nlp import get_nlp

FR = REGISTRY["fr"].lexicon

TEXT = """AVIGNON (AFP) — Trois personnes ont été tuées et cinq autres blessées mercredi soir dans une fusillade devant une discothèque d'Avignon, a-t-on appris auprès des secours.

« Nous avons entendu une dizaine de coups de feu », a raconté un témoin, Julien Marchand.

La préfète du Vaucluse, Violaine Démaret, a dénoncé « un acte d'une rare violence ». « Les auteurs seront retrouvés », a-t-elle ajouté, précisant que deux suspects avaient été interpellés dans la nuit.
"""


@pytest.fixture(scope="module")
def extracted():
    return extract_lexical(get_nlp("fr")(TEXT), FR)


def test_entities_are_names_in_contract_types(extracted):
    entities = {e.name: e.type for e in extracted[0]}
    assert entities.get("Julien Marchand") == "PERSON" and entities.get("Violaine Démaret") == "PERSON"
    assert "Avignon" in entities  # "AVIGNON" and "d'Avignon" are one entity
    assert not [n for n in entities if n[0].islower()]


def test_quotes_have_speakers_through_apposition_and_inverted_pronouns(extracted):
    quotes = [(q.text, q.speaker, q.cue) for q in extracted[1]]
    assert quotes == [
        ("Nous avons entendu une dizaine de coups de feu", "Julien Marchand", "a raconté"),
        ("un acte d'une rare violence", "Violaine Démaret", "a dénoncé"),
        ("Les auteurs seront retrouvés", "Violaine Démaret", "a-t-elle ajouté"),
    ]
    for q in extracted[1]:
        assert TEXT[q.start:q.end] == q.text


def test_casualty_figures_by_category(extracted):
    figures = sorted((c.category, c.count, c.victims) for c in extracted[2])
    assert figures == [("arrested", 2, "suspects"), ("injured", 5, "autres"), ("killed", 3, "personnes")]


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Au moins douze personnes ont péri dans le naufrage.", ("killed", 12, 12, None)),
    ("L'accident a fait une vingtaine de blessés.", ("injured", 20, 20, 20)),
    ("Le séisme a fait plus de quarante morts.", ("killed", 40, 40, None)),
    ("Un homme a blessé quatre passants avec un couteau.", ("injured", 4, 4, 4)),
    ("Un piéton de 80 ans a été mortellement percuté par un bus.", ("killed", 1, 1, 1)),
])
def test_figure_shapes(sentence, figure):
    (c,) = extract_lexical(get_nlp("fr")(sentence), FR)[2]
    assert (c.category, c.count, c.count_min, c.count_max) == figure


def test_no_figure_without_a_casualty_word():
    assert extract_lexical(get_nlp("fr")("Deux ministres ont visité trois écoles de la ville."), FR)[2] == []
