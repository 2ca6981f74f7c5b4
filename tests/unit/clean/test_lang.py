"""Language identification of article bodies (py3langid) and who wins: body or metadata."""

from __future__ import annotations

import pytest

from etl.clean.lang import SAMPLE_CHARS, guess_language, sample, settle_language
from etl.models import CleanDoc

EN = ("The minister said on Tuesday that the government would not change its plans for the "
      "budget, and that the opposition had been told of the decision by letter.")
DE = ("Der Minister sagte am Dienstag, die Regierung werde ihre Pläne für den Haushalt nicht "
      "ändern, und die Opposition sei mit einem Brief über die Entscheidung informiert worden.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (EN, "en"),
        (("Le ministre a déclaré mardi que le gouvernement ne changerait pas ses plans pour le "
         "budget et que l'opposition avait été informée de la décision par une lettre."), "fr"),
        (DE, "de"),
        (("El ministro dijo el martes que el gobierno no cambiará sus planes para el presupuesto y "
         "que la oposición fue informada de la decisión por una carta del gabinete."), "es"),
        (("Министр заявил во вторник, что правительство не будет менять свои планы по бюджету, "
         "а оппозиция была уведомлена о решении письмом."), "ru"),
        ("وقال الوزير يوم الثلاثاء إن الحكومة لن تغير خططها بشأن الميزانية وإن المعارضة أبلغت بالقرار", "ar"),
    ],
)
def test_guess(text, code):
    found, confidence = guess_language(text)
    assert found == code
    assert 0.5 < confidence <= 1.0


def test_short_or_empty_text_is_unknown():
    assert guess_language("") == (None, 0.0)
    assert guess_language("Kabul, 12 killed") == (None, 0.0)


def test_a_long_body_is_sampled_at_start_middle_and_end():
    body = "a" * SAMPLE_CHARS + "b" * 5 * SAMPLE_CHARS + "c" * SAMPLE_CHARS
    s = sample(body)
    assert s.startswith("a" * SAMPLE_CHARS) and s.endswith("c" * SAMPLE_CHARS) and "b" * 100 in s
    assert len(s) == 3 * SAMPLE_CHARS + 2
    assert sample(EN) == EN


def test_a_mixed_body_is_its_main_language():
    # An English story with a German reader comment under it is English, and the reverse.
    assert guess_language("\n\n".join([EN] * 6 + [DE]))[0] == "en"
    assert guess_language("\n\n".join([DE] * 6 + [EN]))[0] == "de"


def test_the_body_wins_over_declared_metadata_unless_it_is_unclear():
    doc = CleanDoc(body=EN)
    settle_language(doc, "de")  # a site template that says "de" over an English story
    assert doc.language == "en" and doc.language_confidence > 0.9
    short = CleanDoc(body="Kabul, 12 killed")
    settle_language(short, "fr")
    assert (short.language, short.language_confidence) == ("fr", None)
    settle_language(short, None)
    assert (short.language, short.language_confidence) == (None, None)
