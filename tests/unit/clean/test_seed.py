"""The seed article through the plain-text cleaner: every field of its gold record."""

from __future__ import annotations

from pathlib import Path

from etl.clean import clean_text

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_2b52cb3e110e3771.txt"


def test_seed_fields():
    doc = clean_text(SEED.read_text(encoding="utf-8"))
    assert doc.title == "U.S. didn’t use Iraqi information to attack targets in Syria: Pentagon spokesman"
    assert doc.dateline == "SULAIMANI"
    assert doc.agency == "ESTA"
    assert doc.captions == [
        "File – The Pentagon building is seen in Arlington, Virginia, U.S. (Washington Post)"
    ]
    assert doc.body.startswith(
        "The United States did not use information provided by the Iraqi government"
    )
    assert doc.body.endswith("Iran denies involvement in attacks on U.S. sites.")
    for junk in ("Previous Article", "Next Article", "Related Posts",
                 "Iraqi foreign minister arrives in Iran", "can’t act with impunity"):
        assert junk not in doc.body
    assert "File –" not in doc.body
    paras = doc.body.split("\n\n")
    assert len(paras) == 19
    assert all(p.strip() == p and p for p in paras)
