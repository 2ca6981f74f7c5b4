"""Named entities with canonical names, every mention's offsets and ISO codes for countries.

``extract_entities(doc)`` takes the spaCy parse of one article body and returns one
:class:`~etl.models.Entity` per real-world entity of the article, in order of first mention:

1. **Mentions.** spaCy's PERSON, ORG, GPE, LOC, NORP, FAC and EVENT spans, split at line
   breaks, at an inner "'s" ("Tufts University's Feinstein Center"), at a lower-case verb and
   (places) at a comma; trimmed of determiners, possessives, punctuation, leading numbers,
   lower-case words, trailing nouns ("Logar province" -> "Logar", the noun kept as a type cue),
   sentence-opening function words and, for people, titles ("President", "Cmdr."). Junk (lone
   punctuation, page furniture such as "Article", dates, job-title fragments such as "Secretary
   of State" -> "State", "pro-"/"non-" adjectives) is dropped. A nationality adjective followed
   by capitalised words becomes an organisation ("Islamic" + "State"); capitalised web
   addresses ("Polygraph.info"), the body's dateline place, untagged surnames of people named in
   full and every use of a defined acronym are added as mentions.
2. **Forms.** Mentions with the same normalised text are one form whatever spaCy's label.
3. **Linking** (union-find over forms): country names and aliases through pycountry
   (``etl.extract.shared.countries``); acronyms defined in parentheses or by ", or X" ("Kataib Hezbollah (KH)",
   extending a name the model cut short to match the initials) or matching the initials of a
   name in the text; "X, also known as Y"; surnames, unique first names and spelling variants
   of people named in full; same first and last name ("George W. Bush"); shorter names inside
   longer ones ("Security Council" -> "UN Security Council", "Kurdistan" -> "Kurdistan Region",
   "Taliban" -> "Afghan Taliban", "Sierra Nevada" -> "Sierra Nevada Corporation"); nationality
   plurals ("Americans" -> "American").
4. **Type** by a vote over all mentions of the entity: spaCy's label plus context cues (a title
   before the name, "province"/"camp"/"group" after it, "energy company X", a head word such as
   "Hospital" or "Drive", a person label right after "the" or "in", a dateline, an airport or
   "City of X" naming a place, an acronym for an organisation), so one mis-typed mention does
   not split an entity; surnames linked to a full name vote PERSON.
5. **Name** = the longest form (countries: the canonical short name from ``etl.extract.shared.countries``),
   aliases = the other surface forms, mentions = character offsets of every mention, short
   forms included, sorted and unique.

Step 1 lives in ``mentions.py``; steps 2-5 here (``_Linker`` holds one pass per kind of
link); the word lists in ``lexicon.py``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

import etl.extract.entities.lexicon as L
from etl.extract.entities.mentions import (
    PLACE,
    Mention,
    clean_word,
    core_word,
    find_mentions,
    initials,
    is_acronym,
    last_name,
    norm_key,
)
from etl.extract.shared.countries import display_name, lookup_country, subdivision_of
from etl.models import ENTITY_TYPES, Entity

_PLURAL_NORP_RE = re.compile(r"^([A-Z][a-z]+(?:an|i|ist|ite|im|er))s$")
_HYPHEN_PAIR_RE = re.compile(r"^[A-Z][\w.]*(?:-[A-Z][\w.]*)+$")


@dataclass
class _Form:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    acronym_of: bool = False  # linked as an acronym of another form
    person_short: bool = False  # linked as a surname / first name of a person

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @functools.cached_property
    def display(self) -> str:
        c = Counter(m.text for m in self.mentions)
        # "Flint" over a dateline's "FLINT"; then the most frequent, then the first
        return max(c, key=lambda t: (not (t.isupper() and len(t) > 4), c[t], -self._pos(t)))

    def _pos(self, text: str) -> int:
        return min(m.start for m in self.mentions if m.text == text)

    @functools.cached_property
    def words(self) -> list[str]:
        return self.display.split()

    def votes(self) -> Counter:
        v: Counter = Counter()
        for m in self.mentions:
            v.update(m.votes)
        return v

    def type(self) -> str:
        return _decide(self.votes(), self.mentions)


def _decide(votes: Counter, mentions: list[Mention]) -> str:
    """Majority type; PLACE votes join GPE or LOC; ties go to the earliest mention's label."""
    v = Counter({k: c for k, c in votes.items() if k != PLACE})
    place = votes.get(PLACE, 0)
    if place:
        target = "LOC" if v.get("LOC", 0) > v.get("GPE", 0) else "GPE"
        v[target] += place
    if not v:
        return mentions[0].label if mentions else "ORG"
    best = max(v.values())
    tied = [k for k, c in v.items() if c == best]
    if len(tied) == 1:
        return tied[0]
    for m in sorted(mentions, key=lambda m: m.start):
        if m.label in tied:
            return m.label
    return min(tied)


def _close(a: str, b: str) -> bool:
    """Transliteration variants of a long name: a doubled letter ("Zelensky" / "Zelenskyy"), a
    vowel for another ("Pedersen" / "Pederson"), a final vowel ("Zelensk" / "Zelenski") or two
    letters swapped; "Johnson" / "Johnston" are different names."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    q = 0
    while q < min(len(a), len(b)) - p and a[-1 - q] == b[-1 - q]:
        q += 1
    ma, mb = a[p:len(a) - q], b[p:len(b) - q]
    vowels = set("aeiouy")
    if len(ma) == len(mb) == 1:
        return ma in vowels and mb in vowels
    if len(ma) == len(mb) == 2:
        return ma == mb[::-1]
    s, t = (ma, mb) if len(ma) < len(mb) else (mb, ma)
    if s or len(t) != 1:
        return False
    longer = a if len(a) > len(b) else b
    i = p  # the inserted letter: doubled, or a vowel at the end
    return (i > 0 and longer[i - 1] == t) or (i + 1 < len(longer) and longer[i + 1] == t) \
        or (t in vowels and i == len(longer) - 1)


# --------------------------------------------------------------------------- linking


class _Union:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.p[max(ri, rj)] = min(ri, rj)


def _demonym_like(word: str, norp_keys: set[str]) -> bool:
    k = norm_key(word)
    return k in norp_keys or bool(re.search(r"(?:an|ian|ese|ish|i|ic)$", k))


def extract_entities(doc: Doc) -> list[Entity]:
    """The entities of one parsed body, in order of first mention (see the module docstring)."""
    text_all = doc.text  # Doc.text joins every token on each access
    mentions, acronym_defs, aka = find_mentions(doc, text_all)
    forms: dict[str, _Form] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = norm_key(m.text)
        forms.setdefault(k, _Form(k)).mentions.append(m)
    _strip_sentence_initial(forms)
    lk = _Linker(list(forms.values()))
    lk.link_first_and_last_names()
    lk.link_countries()
    lk.link_acronym_definitions(acronym_defs)
    lk.link_also_known_as(aka)
    lk.link_acronym_initials()
    lk.link_person_short_forms()
    lk.link_person_named_as_organisation()
    lk.link_names_inside_longer_ones()
    lk.link_plural_nationalities()
    lk.place_bonuses()
    clusters: dict[int, list[int]] = {}
    for i in range(len(lk.flist)):
        clusters.setdefault(lk.uf.find(i), []).append(i)
    out: list[tuple[int, Entity]] = []
    for members in clusters.values():
        ents = _build(lk.flist, lk.ftypes, members, lk.bonus)
        if ents is not None:
            out.append(ents)
    out.sort(key=lambda p: p[0])
    return [e for _, e in out]


class _Linker:
    """Union-find over the forms of one article; each ``link_*`` pass joins forms of one
    entity (in the order ``extract_entities`` runs them, which matters: a form linked as a
    country or an acronym is skipped by the later passes)."""

    def __init__(self, flist: list[_Form]) -> None:
        self.flist = flist
        self.idx = {f.key: i for i, f in enumerate(flist)}
        self.uf = _Union(len(flist))
        self.bonus: dict[int, Counter] = {}  # extra type votes per form
        self.ftypes = [f.type() for f in flist]
        self.norp_keys = {f.key for f, t in zip(flist, self.ftypes, strict=True) if t == "NORP"}
        self.person_long = [i for i, f in enumerate(flist) if self.ftypes[i] == "PERSON" and len(f.words) > 1]
        self.person_last = {core_word(last_name(flist[i].words)) for i in self.person_long}
        self.person_first = {norm_key(flist[i].words[0]) for i in self.person_long}

    def _join_best(self, i: int, cands: list[int]) -> int:
        """Join form ``i`` to the candidate with the most mentions (the first on a tie)."""
        j = max(cands, key=lambda j: (len(self.flist[j].mentions), -self.flist[j].first))
        self.uf.union(i, j)
        return j

    def link_first_and_last_names(self) -> None:
        """"George W. Bush" and "George Bush": same first and last name."""
        by_first_last: dict[tuple[str, str], int] = {}
        for i in self.person_long:
            words = self.flist[i].words
            key2 = (norm_key(words[0]), core_word(last_name(words)))
            if key2 in by_first_last:
                self.uf.union(by_first_last[key2], i)
            else:
                by_first_last[key2] = i

    def link_countries(self) -> None:
        """Country names, aliases and codes (pycountry) are one entity; "Georgia" next to
        "Florida" is the US state."""
        flist = self.flist
        for i, f in enumerate(flist):
            if len(f.words) == 1 and core_word(f.words[0]) in self.person_last:
                continue  # "Jordan" as the surname of a person in the text
            placeish = any(m.label in ("GPE", "LOC") for m in f.mentions)
            if len(f.words) == 1 and self.ftypes[i] == "PERSON" and not placeish \
                    and norm_key(f.words[0]) in self.person_first:
                continue  # "Chad" as the first name of "Chad Kelly"
            code = lookup_country(f.display, allow_codes=placeish)
            if code and lookup_country(f.display, allow_codes=False) is None and any(
                    len(g.words) > 1 and lookup_country(g.display, allow_codes=False) != code
                    and f.display.replace(".", "").casefold() in (
                        initials(g.words, True), initials(g.words, False)) for g in flist):
                code = None  # "SD" next to "South Dakota" is no ISO code for Sudan
            if code:
                f.country = code
        for f in flist:
            if f.country and len(flist) > 1:
                others = subdivision_of(f.display) - {f.country}
                if others and any(g is not f and not g.country and subdivision_of(g.display) & others
                                  for g in flist):
                    f.country = None
        by_code: dict[str, int] = {}
        for i, f in enumerate(flist):
            if f.country:
                if f.country in by_code:
                    self.uf.union(by_code[f.country], i)
                else:
                    by_code[f.country] = i

    def link_acronym_definitions(self, acronym_defs: dict[str, str]) -> None:
        """Acronyms defined in parentheses: "Kataib Hezbollah (KH)"."""
        flist, idx = self.flist, self.idx
        for acro_key, long_key in acronym_defs.items():
            if acro_key in idx and long_key in idx and not flist[idx[acro_key]].country:
                self.uf.union(idx[acro_key], idx[long_key])
                flist[idx[acro_key]].acronym_of = True
                if not flist[idx[long_key]].country and self.ftypes[idx[long_key]] in ("ORG", "PERSON"):
                    self.bonus.setdefault(idx[long_key], Counter())["ORG"] += 2

    def link_also_known_as(self, aka: list[tuple[str, str]]) -> None:
        """"X, also known as Y"."""
        flist, idx = self.flist, self.idx
        for a_key, b_key in aka:
            if a_key in idx and b_key in idx and not (flist[idx[a_key]].country
                                                      and flist[idx[b_key]].country):
                self.uf.union(idx[a_key], idx[b_key])

    def link_acronym_initials(self) -> None:
        """An acronym matching the initials of a longer name in the text."""
        flist = self.flist
        for i, f in enumerate(flist):
            if f.country or f.acronym_of or len(f.words) != 1 or not is_acronym(f.display):
                continue
            target = f.display.replace(".", "").casefold()
            acro_is_org = any(m.label == "ORG" for m in f.mentions)
            cands = [j for j, g in enumerate(flist)
                     if j != i and len(g.words) > 1 and not g.country
                     and (self.ftypes[j] != "PERSON" or acro_is_org)
                     and target in (initials(g.words, True), initials(g.words, False))]
            if cands:
                j = self._join_best(i, cands)
                f.acronym_of = True
                if self.ftypes[j] in ("ORG", "PERSON") and acro_is_org:
                    self.bonus.setdefault(j, Counter())["ORG"] += 2

    def link_person_short_forms(self) -> None:
        """Surnames, unique first names and spelling variants of people named in full."""
        for i, f in enumerate(self.flist):
            if f.country or f.acronym_of:
                continue
            cands = self._person_candidates(i, f)
            if cands:
                self._join_best(i, cands)
                f.person_short = True

    def _person_candidates(self, i: int, f: _Form) -> list[int]:
        flist, ftypes, person_long = self.flist, self.ftypes, self.person_long
        if len(f.words) > 1:  # "De Blasio" -> "Bill de Blasio"
            if len(f.words) > 3 or ftypes[i] == "NORP":
                return []
            fw = [norm_key(w) for w in f.words]
            return [j for j in person_long if j != i and len(flist[j].words) > len(fw)
                    and [norm_key(w) for w in flist[j].words[-len(fw):]] == fw]
        if is_acronym(f.words[0]) or "." in f.words[0]:
            return []  # "U.N." is not the "Un" of "Kim Jong Un"
        w = core_word(f.words[0])
        if ftypes[i] == "NORP":  # "Palvetzian": a surname tagged as a nationality
            cands = [j for j in person_long if core_word(last_name(flist[j].words)) == w]
        else:
            lasts = {j: core_word(last_name(flist[j].words)) for j in person_long}
            cands = ([j for j in person_long if lasts[j] == w]
                     or [j for j in person_long if _close(lasts[j], w)])
        if not cands and ftypes[i] != "NORP":  # a unique first name: "Ivana"
            cands = [j for j in person_long if norm_key(flist[j].words[0]) == w]
            if len(cands) > 1:
                cands = []
        return cands

    def link_person_named_as_organisation(self) -> None:
        """"Mason Rudolph" tagged ORG once, "Rudolph" a person many times: the long form is the
        person's full name."""
        flist, ftypes, uf = self.flist, self.ftypes, self.uf
        for i, f in enumerate(flist):
            if (f.country or len(f.words) != 1 or ftypes[i] != "PERSON" or len(f.mentions) < 2
                    or uf.find(i) != i and any(uf.find(i) == uf.find(j) for j in self.person_long)):
                continue
            w = core_word(f.words[0])
            cands = [j for j, g in enumerate(flist)
                     if j != i and ftypes[j] not in ("PERSON", "NORP") and not g.country
                     and 2 <= len(g.words) <= 3 and all(x[:1].isupper() for x in g.words)
                     and core_word(g.words[-1]) == w
                     and not any(x in L.HEAD_WORD_TYPES or x.casefold() in L.ORG_NOUNS
                                 for x in g.words)]
            if len(cands) == 1:
                uf.union(i, cands[0])
                f.person_short = True

    def link_names_inside_longer_ones(self) -> None:
        """"Security Council" -> "UN Security Council", "Kurdistan" -> "Kurdistan Region"."""
        flist, ftypes = self.flist, self.ftypes
        for i, f in enumerate(flist):
            if f.country or f.acronym_of or f.person_short or ftypes[i] in ("PERSON", "NORP"):
                continue
            fw = [norm_key(w) for w in f.words]
            cands = []
            for j, g in enumerate(flist):
                if j == i or g.country or ftypes[j] in ("PERSON", "NORP") or len(g.words) <= len(fw):
                    continue
                gw = [norm_key(w) for w in g.words]
                extra = len(gw) - len(fw)
                if gw[extra:] == fw and (len(fw) >= 2 or all(
                        _demonym_like(w, self.norp_keys) for w in g.words[:extra])):
                    cands.append(j)
                elif gw[:len(fw)] == fw and (all(w in L.GEO_SUFFIXES for w in gw[len(fw):])
                                             or all(w in L.CORP_SUFFIXES for w in gw[len(fw):])):
                    cands.append(j)  # "Kurdistan Region", "Sierra Nevada Corporation"
            if cands:
                self._join_best(i, cands)

    def link_plural_nationalities(self) -> None:
        """"Americans" -> "American"."""
        for i, f in enumerate(self.flist):
            if self.ftypes[i] != "NORP":
                continue
            mt = _PLURAL_NORP_RE.match(f.display)
            if mt and norm_key(mt.group(1)) in self.idx:
                self.uf.union(i, self.idx[norm_key(mt.group(1))])

    def place_bonuses(self) -> None:
        """Places named in airports ("Erbil International Airport") and as such ("City of
        Surrey", "Port of Aden") vote for a place."""
        for f in self.flist:
            words = f.words
            base = None
            if len(words) >= 2 and words[-1] == "Airport":
                base = words[:-2] if len(words) >= 3 and words[-2] == "International" else words[:-1]
            k = norm_key(" ".join(base)) if base is not None else None
            if k is not None and k in self.idx:
                self.bonus.setdefault(self.idx[k], Counter())[PLACE] += 3
        for f in self.flist:
            words = f.words
            if len(words) >= 3 and words[1] == "of" and words[0] in L.PLACE_HEADS:
                k = norm_key(" ".join(words[2:]))
                if k in self.idx:
                    self.bonus.setdefault(self.idx[k], Counter())[PLACE] += 3


def _build(flist: list[_Form], ftypes: list[str], members: list[int],
           bonus: dict[int, Counter]) -> tuple[int, Entity] | None:
    forms = [flist[i] for i in members]
    mentions = sorted((m for f in forms for m in f.mentions), key=lambda m: (m.start, m.end))
    code = next((f.country for f in forms if f.country), None)
    has_person_long = any(ftypes[i] == "PERSON" and len(flist[i].words) > 1 for i in members)
    if code:
        etype, name = "GPE", display_name(code)
    else:
        votes: Counter = Counter()
        for i in members:
            f = flist[i]
            if f.person_short and has_person_long:
                votes["PERSON"] += len(f.mentions)
            else:
                votes.update(f.votes())
            votes.update(bonus.get(i, Counter()))
        etype = _decide(votes, mentions)
        if etype not in ENTITY_TYPES:
            etype = mentions[0].label
        names = [f for f in forms if not f.acronym_of] or forms
        if etype == "NORP":  # "American" over "Americans" when both are written
            names = [f for f in names if not _PLURAL_NORP_RE.match(f.display)] or names
        best = max(names, key=lambda f: (len(f.words), len(f.display), len(f.mentions), -f.first))
        name = best.display
        if etype in ("GPE", "LOC") and name.isupper() and sum(c.isalpha() for c in name) >= 5 \
                and "." not in name:
            name = name.title()  # a dateline's "WASHINGTON"
        if _HYPHEN_PAIR_RE.match(name) and etype != "PERSON" and " " not in name:
            parts = name.split("-")
            if any(lookup_country(p, allow_codes=False) or p.casefold() in {
                    norm_key(f.display) for f in flist} for p in parts):
                return None  # "Baghdad-Damascus", "Iraqi-Syrian": a modifier, not a name
    seen, aliases = set(), []
    for m in mentions:
        for s in (m.surface, m.text):
            if s != name and s not in seen:
                seen.add(s)
                aliases.append(s)
    # one offset per mention, no duplicates
    offsets = sorted({(m.start, m.end) for m in mentions})
    entity = Entity(name=name, type=etype, mentions=offsets, country_code=code, aliases=aliases)
    return mentions[0].start, entity


# --------------------------------------------------------------------------- helpers


def _strip_sentence_initial(forms: dict[str, _Form]) -> None:
    """"Key Security Council powers ..." at a sentence start: the first word is not the name's
    when the rest is a name found elsewhere in the text."""
    for key in list(forms):
        f = forms[key]
        words = f.display.split()
        if len(words) < 3 or not all(m.sent_initial for m in f.mentions):
            continue
        first = words[0]
        if (clean_word(first) in L.NAME_OPENERS or f.type() == "PERSON"
                or norm_key(first) in forms or _demonym_like(first, set())
                or lookup_country(first, allow_codes=False)):
            continue  # "Russian Defense Ministry", "Hamas Political Bureau" keep their first word
        rest = norm_key(" ".join(words[1:]))
        if rest in forms and rest != key:
            for m in f.mentions:
                cut = m.text.find(" ") + 1
                m.start += cut
                m.text = m.text[cut:]
                m.surface = m.text
            forms[rest].mentions.extend(f.mentions)
            forms[rest].mentions.sort(key=lambda m: m.start)
            forms[rest].__dict__.pop("display", None)  # cached properties
            forms[rest].__dict__.pop("words", None)
            del forms[key]
