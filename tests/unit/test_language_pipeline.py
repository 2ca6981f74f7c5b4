"""An article in a language without a pipeline is not parsed at all: no model is loaded for
it, and the English model reads only English (or unidentified) bodies. Texts written here."""

from __future__ import annotations

import json
import subprocess
import sys

from etl.lang import DEFAULT, REGISTRY, spec_for

GERMAN = ("Bei einem Brand in einer Lagerhalle am Stadtrand sind am Sonntag zwei Feuerwehrleute "
          "verletzt worden. Die Ursache des Feuers ist nach Angaben der Polizei noch unklar, "
          "die Ermittlungen dauern an.")

PROBE = """
import json, sys
from etl import nlp
from etl.models import SourceFile
from etl.pipeline import extract_sources
text = sys.argv[1]
src = SourceFile(path="de.txt", sha256="x", size=len(text), format="text", text=text)
(item,) = extract_sources([src])
a = item.article
print(json.dumps({"language": a.doc.language, "unsupported": a.language_unsupported,
                  "rows": len(a.entities) + len(a.quotes) + len(a.casualties),
                  "version": a.extractor_version, "models_loaded": nlp.get_nlp.cache_info().currsize}))
"""


def test_an_unsupported_language_loads_no_model_and_extracts_nothing():
    out = subprocess.run([sys.executable, "-c", PROBE, GERMAN], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got == {"language": "de", "unsupported": True, "rows": 0, "version": got["version"], "models_loaded": 0}
    assert got["version"].endswith("+unparsed")


def test_the_registry_decides_and_unidentified_bodies_are_read_as_the_default():
    assert spec_for(None) is REGISTRY[DEFAULT]
    assert spec_for("EN") is REGISTRY["en"]
    assert spec_for("de") is None and spec_for("zh") is None


ENGLISH_PROBE = """
import json, sys
from etl import nlp
from etl.models import SourceFile
from etl.pipeline import extract_sources
text = sys.argv[1]
src = SourceFile(path="en.txt", sha256="x", size=len(text), format="text", text=text)
(item,) = extract_sources([src])
print(json.dumps({"language": item.article.doc.language, "entities": len(item.article.entities),
                  "models_loaded": nlp.get_nlp.cache_info().currsize,
                  "french_loaded": "fr_core_news_sm" in sys.modules}))
"""


def test_an_english_run_never_loads_the_french_model():
    text = ("Firefighters in Dunmore rescued two children from a burning house on Sunday, the fire "
            "department said. Chief Laura Penn said the cause of the fire was not yet known.")
    out = subprocess.run([sys.executable, "-c", ENGLISH_PROBE, text], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["language"] == "en" and got["entities"] > 0
    assert got["models_loaded"] == 1 and got["french_loaded"] is False
