"""The stopword / writing-system language guesser."""

from __future__ import annotations

import pytest

from etl.clean.lang import guess_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (("The minister said on Tuesday that the government would not change its plans for the "
         "budget, and that the opposition had been told of the decision by letter."), "en"),
        (("Le ministre a déclaré mardi que le gouvernement ne changerait pas ses plans pour le "
         "budget et que l'opposition avait été informée de la décision par une lettre."), "fr"),
        (("Der Minister sagte am Dienstag, die Regierung werde ihre Pläne für den Haushalt nicht "
         "ändern, und die Opposition sei mit einem Brief über die Entscheidung informiert worden."), "de"),
        (("El ministro dijo el martes que el gobierno no cambiará sus planes para el presupuesto y "
         "que la oposición fue informada de la decisión por una carta del gabinete."), "es"),
        (("Министр заявил во вторник, что правительство не будет менять свои планы по бюджету, "
         "а оппозиция была уведомлена о решении письмом."), "ru"),
        ("وقال الوزير يوم الثلاثاء إن الحكومة لن تغير خططها بشأن الميزانية وإن المعارضة أبلغت بالقرار", "ar"),
    ],
)
def test_guess(text, code):
    assert guess_language(text)[0] == code


def test_short_or_empty_text_is_unknown():
    assert guess_language("")[0] is None
    assert guess_language("Kabul, 12 killed")[0] is None
