"""Country names and aliases resolved to one canonical name and an ISO 3166-1 alpha-2 code.

The index is built from pycountry (``name``, ``official_name``, ``common_name``, the part of a
``"Name, qualifier"`` entry before the comma, and the alpha codes). A small table adds the few
everyday short forms pycountry has no entry for ("UK", "Britain", "America", "Russia"...), and a
few display names are overridden where pycountry's name is not what analysts write.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import pycountry

# Everyday short forms that pycountry has no name for (alias -> alpha-2).
SHORT_FORMS: dict[str, str] = {
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "America": "US",
    "Russia": "RU",
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "Cape Verde": "CV",
    "Swaziland": "SZ",
    "East Timor": "TL",
    "Burma": "MM",
    "Brunei": "BN",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Holland": "NL",
    "Macedonia": "MK",
    "DR Congo": "CD",
    "DRC": "CD",
    "Democratic Republic of the Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG",
    "UAE": "AE",
    "N. Korea": "KP",
    "S. Korea": "KR",
}

# ISO alpha codes that English news writes as a country's name ("U.S.", "USA"). Other codes
# are not accepted: most two-letter codes collide with US state and Canadian province
# abbreviations ("N.C.", "GA", "PA", "CA") and three-letter ones with words ("ARE", "AND").
CODES_USED_AS_NAMES = frozenset({"US", "USA"})

# Display names where pycountry's (common) name is not the usual English short name.
DISPLAY_OVERRIDES: dict[str, str] = {
    "RU": "Russia",
    "TR": "Turkey",
    "CD": "Democratic Republic of the Congo",
    "BN": "Brunei",
    "VA": "Vatican City",
    "GB": "United Kingdom",
}

_STRIP_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


def _key(text: str) -> str:
    """Comparison key: NFKD without accents, casefolded, no dots/possessive, single spaces."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").strip()
    t = re.sub(r"'s$", "", t)
    t = _STRIP_THE.sub("", t)
    t = t.replace(".", "")
    t = re.sub(r"[\s\-]+", " ", t)
    return t.casefold().strip()


def display_name(alpha_2: str) -> str:
    """Canonical English short name for an alpha-2 code."""
    if alpha_2 in DISPLAY_OVERRIDES:
        return DISPLAY_OVERRIDES[alpha_2]
    c = pycountry.countries.get(alpha_2=alpha_2)
    if c is None:
        return alpha_2
    common = getattr(c, "common_name", None)
    if common:
        return common
    name = c.name
    if ", " in name:  # "Palestine, State of" -> "Palestine"
        name = name.split(", ")[0]
    return name


@functools.lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, str], dict[str, str]]:
    """(names -> alpha-2, codes -> alpha-2)."""
    names: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(form: str | None, code: str) -> None:
        if not form:
            return
        k = _key(form)
        if not k:
            return
        if k in names and names[k] != code:
            ambiguous.add(k)
        names.setdefault(k, code)

    for c in pycountry.countries:
        add(c.name, c.alpha_2)
        add(getattr(c, "official_name", None), c.alpha_2)
        add(getattr(c, "common_name", None), c.alpha_2)
        if ", " in c.name:
            add(c.name.split(", ")[0], c.alpha_2)
    for k in ambiguous:  # e.g. "Korea", "Congo" before the comma: no guess
        names.pop(k, None)
    for form, code in SHORT_FORMS.items():
        names[_key(form)] = code
    for code, form in DISPLAY_OVERRIDES.items():
        names[_key(form)] = code
    codes: dict[str, str] = {}
    for c in pycountry.countries:
        codes[c.alpha_2] = c.alpha_2
        codes[c.alpha_3] = c.alpha_2
    return names, codes


def lookup_country(text: str, allow_codes: bool = True) -> str | None:
    """Alpha-2 code of the country ``text`` names ("U.S.", "the United States", "Iran"), or None.

    ISO codes are accepted only for the few written as names (``CODES_USED_AS_NAMES``) and
    when ``allow_codes`` is true (the caller passes it for mentions tagged as places).
    """
    if not text:
        return None
    names, codes = _indexes()
    k = _key(text)
    if k in names:
        return names[k]
    if allow_codes:
        compact = _STRIP_THE.sub("", text.strip()).replace(".", "")
        if compact in CODES_USED_AS_NAMES:
            return codes.get(compact)
    return None


def is_country_name(text: str) -> bool:
    return lookup_country(text, allow_codes=False) is not None


@functools.lru_cache(maxsize=1)
def _subdivisions() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        out.setdefault(_key(sub.name), set()).add(sub.country_code)
    return {k: frozenset(v) for k, v in out.items()}


def subdivision_of(text: str) -> frozenset[str]:
    """Alpha-2 codes of the countries with a subdivision of this name ("Georgia" -> {"US"})."""
    return _subdivisions().get(_key(text), frozenset())
