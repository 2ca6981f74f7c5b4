"""A small language guesser for article bodies: writing system first, then stopwords.

No model and no dependency: enough to tell the languages a news pipeline meets most (ISO
639-1 codes), and to say nothing (None) when the text is short or unclear.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "it", "with", "as", "was", "he", "said", "by", "at", "from", "his", "be", "are", "have", "has", "an", "this", "but", "not", "they", "were", "which", "their", "been", "will", "who", "would", "its"],
    "fr": ["le", "la", "les", "de", "des", "du", "et", "est", "un", "une", "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "avec", "ce", "il", "elle", "sont", "par", "plus", "ont", "été", "leur", "mais", "ses"],
    "de": ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich", "des", "auf", "für", "im", "dem", "auch", "es", "an", "als", "wird", "sie", "bei", "nach", "wie", "aus"],
    "es": ["el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "para", "no", "se", "su", "al", "lo", "como", "más", "pero", "sus", "ha", "fue", "son"],
    "pt": ["o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "é", "para", "com", "não", "no", "na", "por", "mais", "se", "ao", "foi", "pelo", "pela", "são"],
    "it": ["il", "lo", "la", "gli", "le", "di", "del", "della", "e", "che", "è", "un", "una", "per", "non", "con", "si", "da", "al", "nel", "sono", "ha", "anche", "alla", "più", "come"],
    "nl": ["de", "het", "een", "en", "van", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "ook", "als", "bij", "door", "maar", "om", "hij", "werd"],
    "sv": ["och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "var", "jag", "de", "men", "så", "från", "vid"],
    "tr": ["ve", "bir", "bu", "da", "de", "için", "ile", "çok", "olarak", "daha", "olan", "gibi", "ama", "en", "sonra", "kadar", "ne", "var", "değil"],
    "id": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "ada", "karena", "oleh", "bahwa"],
}
_SETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_SCRIPTS = [
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
]


def guess_language(text: str | None, min_words: int = 20) -> tuple[str | None, float]:
    """(ISO 639-1 code or None, confidence 0..1) for a piece of running text."""
    if not text:
        return None, 0.0
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if len(letters) < 40:
        return None, 0.0
    counts = Counter()
    for code, rx in _SCRIPTS:
        counts[code] = len(rx.findall(sample))
    code, n = counts.most_common(1)[0]
    if n > 0.4 * len(letters):
        if code == "zh" and counts["ja"] > 0.05 * len(letters):
            code = "ja"
        if code == "ar" and re.search(r"[پچژگ]", sample):
            code = "fa"
        if code == "ru" and re.search(r"[їєґі]", sample):
            code = "uk"
        return code, min(1.0, n / len(letters))
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < min_words:
        return None, 0.0
    scores = {lang: sum(1 for w in words if w in s) / len(words) for lang, s in _SETS.items()}
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < 0.12 or top < 1.5 * second:
        return None, 0.0
    return best, min(1.0, top * 2)
