"""Number parsing for casualty counts: digits, number words, scale words and hedges.

Spelled-out numbers ("seventeen", "twenty-one", "one hundred and five") are parsed by the
maintained ``text2num`` library (``text_to_num.text2num``); this module adds what it does not
cover: digits with thousands separators and decimals ("1,200", "3.5 million"), the indefinite
article ("a", "an"), "dozen" ("a dozen", "two dozen"), vague plurals ("dozens", "hundreds"),
and the hedges that turn a number into a range ("at least 17" -> 17..None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

__all__ = ["HEDGES", "Quantity", "apply_hedge", "is_number_word", "match_hedge", "parse_number"]

# Multipliers that may follow a digit ("3.5 million") or a word number ("two dozen").
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}
# Plural scale words used alone ("dozens of people"): a lower bound only.
_VAGUE_PLURALS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
}
_ONE = {"a", "an", "one", "single", "lone"}
_HALF_DOZEN = {"a", "an", "half", "dozen"}
_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)*")

# Hedge phrases (lowercased, single spaces) -> how they bound the number.
#   "min": the number is a lower bound; "max": an upper bound; "approx": neither bound is known.
HEDGES: dict[str, str] = {
    "at least": "min",
    "more than": "min",
    "over": "min",
    "upwards of": "min",
    "in excess of": "min",
    "no fewer than": "min",
    "no less than": "min",
    "not less than": "min",
    "a minimum of": "min",
    "at most": "max",
    "up to": "max",
    "as many as": "max",
    "no more than": "max",
    "fewer than": "max",
    "less than": "max",
    "nearly": "max",
    "almost": "max",
    "close to": "max",
    "just under": "max",
    "under": "max",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "nearly about": "approx",
    "or so": "approx",
}
_MAX_HEDGE_WORDS = max(len(h.split()) for h in HEDGES)


@dataclass(frozen=True)
class Quantity:
    """A parsed count: ``value`` is the point figure, ``low``/``high`` the range it implies."""

    value: int | None
    low: int | None
    high: int | None
    vague: bool = False  # "dozens", "hundreds": only a lower bound is known


def _to_int(x: float) -> int:
    return round(x)


def is_number_word(word: str) -> bool:
    """True for a token that can be part of a number ("17", "1,200", "four", "dozen", "million")."""
    w = word.lower().strip()
    if not w:
        return False
    if _DIGITS_RE.match(w) or w in _SCALES or w in _VAGUE_PLURALS:
        return True
    try:
        text2num(w, "en")
        return True
    except ValueError:
        return False


def _parse_words(words: list[str]) -> float | None:
    """Parse a run of number words with text2num; ``None`` when it is not a number."""
    if not words:
        return None
    text = " ".join(words)
    try:
        return float(text2num(text, "en"))
    except ValueError:
        return None


def parse_number(text: str) -> Quantity | None:
    """Parse the number words of a noun phrase's quantity ("1,200", "two dozen", "dozens").

    Returns ``None`` when ``text`` is not a number. "a"/"an"/"one" alone give 1.
    """
    # "and" is kept inside word numbers ("one hundred and five"): text2num accepts it
    raw = _WORD_OR_NUM_RE.findall(text.lower())
    words = [w for w in raw if w != "and"]
    if not words:
        return None
    if len(words) == 1:
        w = words[0]
        if w in _VAGUE_PLURALS:
            n = _VAGUE_PLURALS[w]
            return Quantity(n, n, None, vague=True)
        if w in _ONE:
            return Quantity(1, 1, 1)
        if w == "dozen":
            return Quantity(12, 12, 12)
    # "a half-dozen", "half a dozen": six
    if words[-1] == "dozen" and "half" in words and all(w in _HALF_DOZEN for w in words):
        return Quantity(6, 6, 6)
    # "3.5 million", "1,200", "2 dozen": digits times optional scale words
    if _DIGITS_RE.match(words[0]):
        base = float(words[0].replace(",", ""))
        for w in words[1:]:
            if w in _SCALES:
                base *= _SCALES[w]
            else:
                return None
        return Quantity(_to_int(base), _to_int(base), _to_int(base))
    # "a dozen", "a hundred", "two dozen", "three hundred", "twenty-one"
    mult = 1.0
    ws = list(raw)
    if ws and ws[0] in ("a", "an"):
        ws = ["one"] + ws[1:]
    if ws and ws[-1] == "dozen":
        mult = 12.0
        ws = ws[:-1] or ["one"]
    n = _parse_words(ws)
    if n is None:
        return None
    v = _to_int(n * mult)
    return Quantity(v, v, v)


_WORD_OR_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)*")


def match_hedge(words_before: list[str]) -> str | None:
    """Longest hedge phrase that ends the given words (as written), e.g. ["killed", "at", "least"]."""
    low = [w.lower() for w in words_before]
    for n in range(min(_MAX_HEDGE_WORDS, len(low)), 0, -1):
        cand = " ".join(low[-n:])
        if cand in HEDGES:
            return " ".join(words_before[-n:])
    return None


def apply_hedge(q: Quantity, hedge: str | None) -> tuple[int | None, int | None, int | None]:
    """(count, count_min, count_max) for a quantity and its hedge phrase.

    "at least 17" -> (17, 17, None); "up to 5" -> (5, None, 5); "about 40" -> (40, None, None);
    exact "4" -> (4, 4, 4); "dozens" -> (24, 24, None).
    """
    if q.value is None:
        return None, None, None
    kind = HEDGES.get(" ".join(hedge.lower().split())) if hedge else None
    if kind == "min":
        return q.value, q.low, None
    if kind == "max":
        return q.value, None, q.high if q.high is not None else q.value
    if kind == "approx":
        return q.value, None, None
    return q.value, q.low, q.high
