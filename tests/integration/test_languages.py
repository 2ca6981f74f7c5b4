"""Articles in a language without a pipeline are loaded and flagged, never parsed; the views
and the report group or filter by language. Texts written for this test."""

from __future__ import annotations

import sqlalchemy as sa

from etl import report
from etl.runner import run

ENGLISH = """Two men were killed and three people were injured in a shooting in Dunmore on Saturday night, police said.

"This was a senseless act of violence," said Mayor Helen Carver. The police chief, Tom Ashby, said officers were searching for a gray sedan.
"""
GERMAN = """Bei einem Unfall auf der Autobahn bei Hannover sind am Samstag zwei Menschen getötet und drei weitere verletzt worden, teilte die Polizei mit.

„Wir sind tief erschüttert“, sagte Bürgermeisterin Anna Weber. Die Ermittlungen zur Ursache dauern nach Angaben der Polizei noch an.
"""
SPANISH = """Dos personas murieron y otras tres resultaron heridas el sábado en un accidente en la carretera de Valencia, informó la Guardia Civil.

"Es una tragedia para toda la ciudad", dijo el alcalde Miguel Ortega. La investigación sobre las causas del accidente sigue abierta.
"""


def _rows(engine, sql):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def test_unsupported_languages_are_loaded_flagged_and_not_parsed(warehouse, tmp_path):
    for name, text in (("en.txt", ENGLISH), ("de.txt", GERMAN), ("es.txt", SPANISH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run(str(tmp_path), engine=warehouse, trigger="test")
    assert result.summary.loaded == 3
    assert result.summary.language_unsupported == 2

    arts = dict((r[0].rsplit("/", 1)[-1], r[1:]) for r in _rows(
        warehouse, "SELECT source_path, language, language_unsupported, language_confidence > 0.9,"
        " extractor_version FROM articles"))
    assert arts["en.txt"][:3] == ("en", False, True)
    assert arts["de.txt"][:3] == ("de", True, True) and arts["de.txt"][3].endswith("+unparsed")
    assert arts["es.txt"][:3] == ("es", True, True)
    per_language = _rows(warehouse, "SELECT a.language, count(DISTINCT ae.entity_id), count(DISTINCT q.id),"
                         " count(DISTINCT c.id) FROM articles a"
                         " LEFT JOIN article_entities ae ON ae.article_id = a.id"
                         " LEFT JOIN quotes q ON q.article_id = a.id"
                         " LEFT JOIN casualties c ON c.article_id = a.id GROUP BY 1 ORDER BY 1")
    assert [r[0] for r in per_language] == ["de", "en", "es"]
    assert per_language[0][1:] == (0, 0, 0) and per_language[2][1:] == (0, 0, 0)
    assert all(n > 0 for n in per_language[1][1:])  # English: entities, quotes and casualties

    assert _rows(warehouse, "SELECT language, articles, unsupported_articles FROM v_articles_per_language"
                 " ORDER BY language") == [("de", 1, 1), ("en", 1, 0), ("es", 1, 1)]
    quality = dict(report.quality(warehouse))
    assert quality["articles in a language without a pipeline (loaded, not parsed: language_unsupported)"] \
        == "2 of 3 (67 %)"
    assert quality["articles by language"] == "de 1, en 1, es 1"


def test_top_lists_are_english_by_default_and_say_so(warehouse):
    with warehouse.begin() as conn:  # a German quote by hand: the English top list leaves it out
        art = conn.execute(sa.text("SELECT id FROM articles WHERE language = 'de'")).scalar_one()
        conn.execute(sa.text("INSERT INTO quotes (article_id, seq, text, speaker, kind, start_offset, end_offset)"
                             " VALUES (:a, 0, 'Wir sind erschüttert', 'Anna Weber', 'direct', 0, 1)"), {"a": art})
    tables = {t.section.key: t for t in report.fetch(warehouse)}
    assert "English only" in tables["speakers"].title
    assert "English only" in tables["entities"].title
    assert "Anna Weber" not in [r[0] for r in tables["speakers"].rows]
    assert tables["speakers"].rows and tables["entities"].rows
    everything = {t.section.key: t for t in report.fetch(warehouse, period=report.Period(language=None))}
    assert "Anna Weber" in [r[0] for r in everything["speakers"].rows]
    assert "all languages" in everything["speakers"].title
    german = {t.section.key: t for t in report.fetch(warehouse, period=report.Period(language="de"))}
    assert [r[0] for r in german["speakers"].rows] == ["Anna Weber"] and "German" in german["speakers"].title
    languages = tables["languages"].rows
    assert [(r[0], r[1], r[2]) for r in languages] == [("de", 1, 1), ("en", 1, 0), ("es", 1, 1)]


FRENCH = """ROUEN (AFP) — Deux ouvriers ont été tués et un troisième grièvement blessé vendredi dans l'effondrement d'un échafaudage sur un chantier de Rouen, a annoncé la préfecture.

« Toute la lumière sera faite sur cet accident », a déclaré le maire de Rouen, Nicolas Mayer-Rossignol.
"""


def test_french_is_parsed_by_the_french_pipeline_and_loaded(warehouse, tmp_path):
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    result = run(str(tmp_path), engine=warehouse, trigger="test")
    assert result.summary.loaded == 1 and result.summary.language_unsupported == 0
    (art,) = _rows(warehouse, "SELECT id, language_unsupported, extractor_version, dateline, agency FROM articles"
                   " WHERE language = 'fr'")
    assert art[1:] == (False, art[2], "ROUEN", "AFP") and "news_sm" in art[2]
    quotes = _rows(warehouse, f"SELECT speaker, cue FROM quotes WHERE article_id = {art[0]}")
    assert quotes == [("Nicolas Mayer-Rossignol", "a déclaré")]
    figures = _rows(warehouse, f"SELECT category, count FROM casualties WHERE article_id = {art[0]} ORDER BY 1")
    assert ("killed", 2) in figures
    names = {r[0] for r in _rows(warehouse, "SELECT e.name FROM article_entities ae JOIN entities e"
                                 f" ON e.id = ae.entity_id WHERE ae.article_id = {art[0]}")}
    assert {"Rouen", "Nicolas Mayer-Rossignol"} <= names
