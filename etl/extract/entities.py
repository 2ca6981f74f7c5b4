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
   (``countries.py``); acronyms defined in parentheses or by ", or X" ("Kataib Hezbollah (KH)",
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
5. **Name** = the longest form (countries: the canonical short name from ``countries.py``),
   aliases = the other surface forms, mentions = character offsets of every mention, short
   forms included, sorted and unique.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from etl.extract import entity_lexicon as L
from etl.extract.countries import display_name, lookup_country, subdivision_of
from etl.models import ENTITY_TYPES, Entity

_QUOTES = set("\"'“”‘’«»„‚`")
_POSSESSIVES = {"'s", "’s", "'", "’", "s'", "s’"}
_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")
_PAREN_ACRONYM_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_OR_ACRONYM_RE = re.compile(r",?\s+(?:or|also known as|known as)\s+([A-Z][A-Za-z&.]{1,9})(?=[\s,;:.)–—-])")
_PLURAL_NORP_RE = re.compile(r"^([A-Z][a-z]+(?:an|i|ist|ite|im|er))s$")
_WS_RE = re.compile(r"\s+")
_HYPHEN_PAIR_RE = re.compile(r"^[A-Z][\w.]*(?:-[A-Z][\w.]*)+$")
_FUNCTION_TAGS = {"IN", "DT", "CC", "PRP", "PRP$", "WDT", "WP", "WRB", "TO", "MD", "EX", "RB"}
_HYPHEN_SUFFIXES = {"led", "run", "era", "born", "made", "like", "type", "held", "free", "wide"}
_AKA_RE = re.compile(r"(?:\s+[a-z]+){0,2}(?:\s*\([^()\n]{1,12}\))?,\s+(?:also\s+|otherwise\s+|better\s+|formerly\s+)?"
                     r"(?:known|called|referred\s+to)\s+as\s+(?:the\s+)?")
_SITE_RE = re.compile(r"(?<![\w./@])[A-Z][\w-]*\.(?:[a-z]{2,}\.)?[a-z]{2,}(?![\w/@])")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md"}
_DATELINE_RE = re.compile(r"(?:,[^\n(—–]{1,40})?\s*(?:\(|—|–|-{1,2}\s)")
_DATELINE_START_RE = re.compile(
    r"\s*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?=(?:,[^\n(—–]{1,40})?\s*(?:\(|—|–|-{1,2}\s))")
_POSSESSIVE_NAME_WORDS = {"people", "children", "women", "men", "workers", "veterans"}
_NICKNAME_RE = re.compile(r"^(.+?)\s+[\"“][^\"“”]+[\"”]\s+(.+)$")
_PLACE = "PLACE"  # pseudo-type of a vote for "some place": goes to GPE or LOC at the end


@dataclass
class _Mention:
    start: int  # char offsets of the cleaned name
    end: int
    text: str  # cleaned name (comparison and canonical form)
    surface: str  # as written, titles kept, determiners and possessive dropped
    label: str  # spaCy's label
    tok_start: int
    tok_end: int
    votes: Counter = field(default_factory=Counter)
    sent_initial: bool = False


@dataclass
class _Form:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
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


def _decide(votes: Counter, mentions: list[_Mention]) -> str:
    """Majority type; PLACE votes join GPE or LOC; ties go to the earliest mention's label."""
    v = Counter({k: c for k, c in votes.items() if k != _PLACE})
    place = votes.get(_PLACE, 0)
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
    return sorted(tied)[0]


@functools.lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    t = text.replace("’", "'").replace("‘", "'")
    t = re.sub(r"'s$", "", t)
    t = t.replace(".", "")
    t = re.sub(r"\s*-\s*", "-", t)
    return _WS_RE.sub(" ", t).strip().casefold()


def _last_name(words: list[str]) -> str:
    """The surname of a full name, ignoring "Jr." and the like."""
    for w in reversed(words[1:]):
        if _clean_word(w).strip(",") not in _NAME_SUFFIXES:
            return w
    return words[-1]


def _clean_word(w: str) -> str:
    return w.rstrip(".").casefold()


def _core_word(w: str) -> str:
    """A surname without its Arabic article, casefolded ("al-Assad" -> "assad")."""
    for p in L.ARTICLE_PREFIXES:
        if w.startswith(p) and len(w) > len(p) + 1:
            w = w[len(p):]
            break
    return norm_key(w)


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


# --------------------------------------------------------------------------- mentions


def _sentence_starts(doc: Doc) -> frozenset[int]:
    """Token indices that open a sentence (computed once: ``Token.is_sent_start`` rescans)."""
    try:
        return frozenset(s.start for s in doc.sents)
    except ValueError:  # no parser and no sentencizer
        return frozenset({0})


def _raw_spans(doc: Doc, text: str, starts: frozenset[int]) -> list[tuple[int, int, str]]:
    spans = []
    taken = set()
    ents = list(doc.ents)
    for i, ent in enumerate(ents):
        if ent.label_ not in ENTITY_TYPES:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        if label == "NORP":  # "Islamic" + "State": the adjective opens an organisation's name
            j = end
            nxt_ent_start = ents[i + 1].start if i + 1 < len(ents) else len(doc)
            while (j < len(doc) and j < nxt_ent_start and doc[j].tag_ in ("NNP", "NNPS")
                   and doc[j].is_title and _clean_word(doc[j].text) not in L.TITLE_OPENERS
                   and j not in starts and "\n" not in doc[j - 1].whitespace_):
                j += 1
            if j > end and not (j < len(doc) and doc[j].ent_type_ == "PERSON"):
                end, label = j, "ORG"
        # "Kim Jong" + "-un": a hyphenated word the model cut in two
        while (label == "PERSON" and end + 1 < len(doc) and doc[end].text == "-"
               and not doc[end - 1].whitespace_ and not doc[end].whitespace_
               and doc[end + 1].is_alpha and (doc[end + 1].is_title or (
                   doc[end + 1].is_lower and len(doc[end + 1]) <= 4
                   and doc[end + 1].lower_ not in _HYPHEN_SUFFIXES))
               and (i + 1 >= len(ents) or ents[i + 1].start > end + 1)):
            end += 2
        spans.append((start, end, label))
        taken.update(range(start, end))
    mt = _DATELINE_START_RE.match(text)  # "ERBIL, Kurdistan Region —": the dateline place
    if mt:
        span = doc.char_span(mt.start(1), mt.end(1))
        if span is not None and not any(t.ent_type_ for t in span):
            spans.append((span.start, span.end, "GPE"))
            taken.update(range(span.start, span.end))
    for mt in _SITE_RE.finditer(text):  # capitalised web addresses are outlets: "Polygraph.info"
        span = doc.char_span(mt.start(), mt.end())
        if span is None or len(span) != 1:
            continue
        t = span[0]
        if t.i not in taken and t.like_url and "/" not in t.text and "@" not in t.text:
            spans.append((t.i, t.i + 1, "ORG"))
    spans.sort()
    return spans


def _split(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """Split a span at line breaks, at an inner possessive ("Tufts University's Feinstein
    Center"), at a lower-case verb ("Garrett hit Rudolph") and, for places, at a comma
    ("ERBIL, Kurdistan Region")."""
    parts, a = [], start
    for i in range(start, end):
        t = doc[i]
        inner = start < i < end - 1
        cut_here = (
            "\n" in t.text
            or (t.text in ("'s", "’s") and i < end - 1  # not "Workers’ Party"
                and doc[i - 1].lower_ not in _POSSESSIVE_NAME_WORDS)  # "People's Republic"
            or (inner and t.is_lower and t.pos_ in ("VERB", "AUX"))
            or (inner and t.text == "," and label in ("GPE", "LOC"))
        )
        if cut_here:
            if i > a:
                parts.append((a, i))
            a = i + 1
        elif "\n" in t.whitespace_ and i < end - 1:
            parts.append((a, i + 1))
            a = i + 1
    if a < end:
        parts.append((a, end))
    return parts


def _is_title_tok(t) -> bool:
    return _clean_word(t.text) in L.TITLES and (t.text[:1].isupper() or t.lower_ in
                                                 ("former", "late", "then", "acting", "ex"))


def _lower_noun_run(doc: Doc, j: int, limit: int = 3) -> list[str]:
    words = []
    while j < len(doc) and len(words) < limit:
        t = doc[j]
        if t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN"):
            words.append(t.lower_)
            j += 1
        else:
            break
    return words


def _noun_cues(words: list[str], votes: Counter) -> None:
    s = set(words)
    if s & L.GPE_NOUNS:
        votes["GPE"] += 2
    elif s & L.LOC_NOUNS:
        votes["LOC"] += 2
    elif s & L.ORG_NOUNS:
        votes["ORG"] += 2


def _clean(doc: Doc, text_all: str, a: int, b: int, label: str,
           starts: frozenset[int]) -> _Mention | None:
    n = len(doc)
    votes: Counter = Counter()
    trailing: list[str] = []
    b0 = b  # a lower-case head noun the model kept at the end of a name stays ("Y prison")
    # --- trailing: punctuation, possessive, lower-case nouns ("Logar province")
    while b > a:
        t = doc[b - 1]
        if t.is_punct or t.is_space or t.text in _POSSESSIVES or t.text in _QUOTES:
            b -= 1
        elif b - 1 > a and t.tag_ in _FUNCTION_TAGS and t.tag_ != "RB":
            b -= 1  # headline case: "Guilty Plea In"
        elif b - 1 > a and t.tag_ in ("VBZ", "VBD", "VBP") and t.text[:1].isupper():
            b -= 1  # headline case: "Obama Says"
        elif b - 1 > a and t.text[:1].isdigit():
            b -= 1  # a score or a number after the name: "Uchiyama 6-2"
        elif (b - 1 > a and t.is_lower and t.is_alpha and t.lower_ not in L.NAME_PARTICLES
              and not (doc[b - 2].text == "-" and not doc[b - 2].whitespace_)
              and not (label in ("ORG", "FAC") and t.lower_ in L.NAME_HEAD_NOUNS and b == b0)):
            trailing.insert(0, t.lower_)  # "Logar province", "Canadian Press that"
            b -= 1
        else:
            break
    surface_a = None
    # --- leading: punctuation, determiners, numbers, lower-case words, titles
    while a < b:
        t = doc[a]
        low = _clean_word(t.text)
        if t.is_punct or t.is_space or t.text in _QUOTES or low in L.DETERMINERS:
            a += 1
        elif a + 1 < b and (a in starts or a == 0) and t.tag_ in _FUNCTION_TAGS:
            a += 1  # a capitalised function word opening a sentence: "With the Presidents Cup"
        elif t.text[:1].isdigit():
            a += 1  # "the 1967 Six-Day War"
        elif t.text[:1].islower() and low not in L.NAME_PARTICLES:
            if low in L.STOP_PREFIXES and a + 1 < b and doc[a + 1].text in ("-", "–"):
                return None  # "non-American", "pro-Israeli"
            a += 1
        elif label == "PERSON" and a + 1 < b and _is_title_tok(t):
            if surface_a is None:
                surface_a = a
            votes["PERSON"] += 2
            a += 1
        elif (label == "PERSON" and a + 1 < b and (a in starts or a == 0)
              and re.search(r"[a-z](?:ing|ed|ly)$", t.text)):
            a += 1  # heading verb: "Questioning Vindman's judgment"
        else:
            break
    while b > a and (doc[b - 1].is_punct or doc[b - 1].text in _POSSESSIVES):
        b -= 1
    if a >= b:
        return None
    if surface_a is None:
        surface_a = a
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    text = _WS_RE.sub(" ", text_all[start:end]).strip()
    surface = _WS_RE.sub(" ", text_all[doc[surface_a].idx:end]).strip()
    if not _valid(doc, a, b, text, label):
        return None
    votes[label] += 1
    head = text.split()[-1]
    if " " in text and head in L.HEAD_WORD_TYPES:
        votes[L.HEAD_WORD_TYPES[head]] += 3
    prev = doc[a - 1] if a > 0 else None
    prev2 = doc[a - 2] if a > 1 else None
    nxt = doc[b] if b < n else None
    # --- context cues
    if label in ("ORG", "NORP", "GPE") and b - a <= 2 and nxt is not None and nxt.is_title \
            and _clean_word(nxt.text) in L.TITLE_HEADS and b + 1 < n \
            and (doc[b + 1].ent_type_ == "PERSON" or doc[b + 1].is_title):
        return None  # part of a job title: "National Security Adviser John Bolton"
    if label == "ORG" and b - a == 1 and prev is not None and prev.lower_ == "of" \
            and prev2 is not None and _is_title_tok(prev2):
        return None  # "Secretary of State"
    if prev is not None and _is_title_tok(prev) and prev.text[:1].isupper():
        votes["PERSON"] += 2
    if prev is not None and prev.is_lower and prev.lower_ in L.ORG_APPOSITION:
        votes["ORG"] += 3  # "energy company Burisma": the class noun is decisive
    if label == "PERSON" and prev is not None and prev.lower_ == "the" \
            and doc[b - 1].dep_ != "compound":
        votes["PERSON"] -= 1
        votes["ORG"] += 1
    if label == "PERSON" and prev is not None and prev.lower_ in L.PLACE_PREPOSITIONS \
            and not (nxt is not None and nxt.text in _POSSESSIVES):
        votes["PERSON"] -= 1
        votes[_PLACE] += 1
    if (label == "ORG" and b - a == 1 and prev is not None
            and prev.lower_ in L.PLACE_PREPOSITIONS and prev.lower_ != "at"
            and _clean_word(text) not in L.INSTITUTION_WORDS and not _is_acronym(text)
            and not (nxt is not None and nxt.text in _POSSESSIVES)):
        votes["ORG"] -= 1  # "the consulate in Erbil": a one-word organisation is rarely "in"
        votes[_PLACE] += 1
    if nxt is not None and nxt.text == "," and _apposition_org(doc, b + 1):
        votes["ORG"] += 3  # "Dana Gas, the UAE-based company that ..."
    if (text.isupper() and len(text) > 2 and (start == 0 or text_all[start - 1] == "\n")
            and _DATELINE_RE.match(text_all, end)):
        votes[_PLACE] += 3  # a dateline: "BEIRUT (Reuters) —", "KYIV, Ukraine (AP) —"
    if label != "NORP":  # a nationality adjective always modifies a noun
        _noun_cues(trailing + _lower_noun_run(doc, b), votes)
    sent_initial = a in starts or (prev is not None and "\n" in prev.whitespace_)
    return _Mention(start, end, text, surface, label, a, b, votes, bool(sent_initial))


def _contributor_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the trailer lines that credit contributors ("X contributed to this
    report", "Reporting by X; editing by Y")."""
    return [m.span() for m in L.CONTRIBUTOR_LINE_RE.finditer(text)]


def _apposition_org(doc: Doc, j: int) -> bool:
    """An apposition right after a name that calls it a company, group, ... ("X, the
    UAE-based company that ...")."""
    if j >= len(doc) or doc[j].lower_ not in ("the", "a", "an"):
        return False
    for k in range(j + 1, min(j + 6, len(doc))):
        t = doc[k]
        if t.is_punct and t.text not in ("-", "–"):
            return False
        if t.is_lower and t.lower_ in L.ORG_APPOSITION:
            after = doc[k + 1] if k + 1 < len(doc) else None
            # the head noun: not "the company's founder", "a group leader"
            return after is None or not (after.text in _POSSESSIVES
                                         or after.pos_ in ("NOUN", "PROPN"))
    return False


def _valid(doc: Doc, a: int, b: int, text: str, label: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    if letters < 2 or "\n" in text:
        return False
    if not (text[:1].isupper() or text[:1].isdigit()
            or _clean_word(doc[a].text) in L.NAME_PARTICLES):
        return False
    words = [_clean_word(doc[i].text) for i in range(a, b) if not doc[i].is_punct]
    if not words:
        return False
    if all(w in L.JUNK_WORDS for w in words):
        return False
    if all(w in L.MONTHS or w in L.WEEKDAYS or w.isdigit() for w in words):
        return False
    if all(w in L.TITLES for w in words):
        return False
    if len(words) == 1 and label in ("ORG", "GPE", "FAC") and words[0] in L.GENERIC_ORG_WORDS:
        return False  # "the Department", "Police"
    if len(words) == 1 and words[0] in L.COMMON_WORD_NAMES:
        return False  # "Street", "County", "Eve": a common word alone is no name
    return True


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


def _initials(words: list[str], skip_stop: bool) -> str:
    out = []
    for w in words:
        for part in w.split("-"):
            p = part.strip(".,")
            if not p:
                continue
            if skip_stop and p.casefold() in L.ACRONYM_STOPWORDS:
                continue
            out.append(p[0])
    return "".join(out).casefold()


def _is_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return bool(_ACRONYM_RE.match(t)) and sum(c.isupper() for c in t) >= 2 and t[-1].isupper()


def _demonym_like(word: str, norp_keys: set[str]) -> bool:
    k = norm_key(word)
    return k in norp_keys or bool(re.search(r"(?:an|ian|ese|ish|i|ic)$", k))


def extract_entities(doc: Doc) -> list[Entity]:
    # ---- mentions
    mentions: list[_Mention] = []
    starts = _sentence_starts(doc)
    text_all = doc.text  # Doc.text joins every token on each access
    trailer = _contributor_lines(text_all)
    for start, end, label in _raw_spans(doc, text_all, starts):
        if any(lo <= doc[start].idx < hi for lo, hi in trailer):
            continue  # "Jane Doe contributed to this report": a credit, not a subject
        for a, b in _split(doc, start, end, label):
            m = _clean(doc, text_all, a, b, label, starts)
            if m is not None:
                mentions.extend(_split_slashes(m))
    _coordinated_first_names(doc, mentions)
    mentions.extend(_surname_mentions(doc, text_all, mentions))
    acronym_defs = _acronym_definitions(text_all, mentions)
    mentions = _drop_nested(mentions)
    mentions.extend(_acronym_mentions(text_all, mentions, acronym_defs))
    by_start = {m.start: m for m in mentions}
    aka = []  # "the Delta camp, also known as the Flats"
    for m in mentions:
        mt = _AKA_RE.match(text_all, m.end)
        if mt and mt.end() in by_start and "NORP" not in (m.label, by_start[mt.end()].label):
            aka.append((norm_key(m.text), norm_key(by_start[mt.end()].text)))

    # ---- forms
    forms: dict[str, _Form] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        k = norm_key(m.text)
        forms.setdefault(k, _Form(k)).mentions.append(m)
    _strip_sentence_initial(forms)
    flist = list(forms.values())
    idx = {f.key: i for i, f in enumerate(flist)}
    uf = _Union(len(flist))
    bonus: dict[int, Counter] = {}
    ftypes = [f.type() for f in flist]
    norp_keys = {f.key for f, t in zip(flist, ftypes, strict=True) if t == "NORP"}

    person_long = [i for i, f in enumerate(flist) if ftypes[i] == "PERSON" and len(f.words) > 1]
    person_last = {_core_word(_last_name(flist[i].words)) for i in person_long}
    person_first = {norm_key(flist[i].words[0]) for i in person_long}
    # "George W. Bush" and "George Bush": same first and last name
    by_first_last: dict[tuple[str, str], int] = {}
    for i in person_long:
        key2 = (norm_key(flist[i].words[0]), _core_word(_last_name(flist[i].words)))
        if key2 in by_first_last:
            uf.union(by_first_last[key2], i)
        else:
            by_first_last[key2] = i

    # countries
    for i, f in enumerate(flist):
        if len(f.words) == 1 and _core_word(f.words[0]) in person_last:
            continue  # "Jordan" as the surname of a person in the text
        placeish = any(m.label in ("GPE", "LOC") for m in f.mentions)
        if len(f.words) == 1 and ftypes[i] == "PERSON" and not placeish \
                and norm_key(f.words[0]) in person_first:
            continue  # "Chad" as the first name of "Chad Kelly"
        code = lookup_country(f.display, allow_codes=placeish)
        if code and lookup_country(f.display, allow_codes=False) is None and any(
                len(g.words) > 1 and lookup_country(g.display, allow_codes=False) != code
                and f.display.replace(".", "").casefold() in (
                    _initials(g.words, True), _initials(g.words, False)) for g in flist):
            code = None  # "SD" next to "South Dakota" is no ISO code for Sudan
        if code:
            f.country = code
    # "Georgia" next to "Florida" is the US state, not the country
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
                uf.union(by_code[f.country], i)
            else:
                by_code[f.country] = i

    # acronyms defined in parentheses
    for acro_key, long_key in acronym_defs.items():
        if acro_key in idx and long_key in idx and not flist[idx[acro_key]].country:
            uf.union(idx[acro_key], idx[long_key])
            flist[idx[acro_key]].acronym_of = True
            if not flist[idx[long_key]].country and ftypes[idx[long_key]] in ("ORG", "PERSON"):
                bonus.setdefault(idx[long_key], Counter())["ORG"] += 2
    # "X, also known as Y"
    for a_key, b_key in aka:
        if a_key in idx and b_key in idx and not (flist[idx[a_key]].country
                                                  and flist[idx[b_key]].country):
            uf.union(idx[a_key], idx[b_key])
    # acronyms matching initials
    for i, f in enumerate(flist):
        if f.country or f.acronym_of or len(f.words) != 1 or not _is_acronym(f.display):
            continue
        target = f.display.replace(".", "").casefold()
        acro_is_org = any(m.label == "ORG" for m in f.mentions)
        cands = [j for j, g in enumerate(flist)
                 if j != i and len(g.words) > 1 and not g.country
                 and (ftypes[j] != "PERSON" or acro_is_org)
                 and target in (_initials(g.words, True), _initials(g.words, False))]
        if cands:
            j = max(cands, key=lambda j: (len(flist[j].mentions), -flist[j].first))
            uf.union(i, j)
            f.acronym_of = True
            if ftypes[j] in ("ORG", "PERSON") and acro_is_org:
                bonus.setdefault(j, Counter())["ORG"] += 2

    # surnames and first names of people
    for i, f in enumerate(flist):
        if f.country or f.acronym_of:
            continue
        if len(f.words) > 1:  # "De Blasio" -> "Bill de Blasio"
            if len(f.words) > 3 or ftypes[i] == "NORP":
                continue
            fw = [norm_key(w) for w in f.words]
            cands = [j for j in person_long if j != i and len(flist[j].words) > len(fw)
                     and [norm_key(w) for w in flist[j].words[-len(fw):]] == fw]
        else:
            if _is_acronym(f.words[0]) or "." in f.words[0]:
                continue  # "U.N." is not the "Un" of "Kim Jong Un"
            w = _core_word(f.words[0])
            if ftypes[i] == "NORP":  # "Palvetzian": a surname tagged as a nationality
                cands = [j for j in person_long if _core_word(_last_name(flist[j].words)) == w]
            else:
                lasts = {j: _core_word(_last_name(flist[j].words)) for j in person_long}
                cands = ([j for j in person_long if lasts[j] == w]
                         or [j for j in person_long if _close(lasts[j], w)])
            if not cands and ftypes[i] != "NORP":  # a unique first name: "Ivana"
                cands = [j for j in person_long if norm_key(flist[j].words[0]) == w]
                if len(cands) > 1:
                    cands = []
        if cands:
            j = max(cands, key=lambda j: (len(flist[j].mentions), -flist[j].first))
            uf.union(i, j)
            f.person_short = True

    # "Mason Rudolph" tagged ORG once, "Rudolph" a person many times: the long form is the
    # person's full name
    for i, f in enumerate(flist):
        if (f.country or len(f.words) != 1 or ftypes[i] != "PERSON" or len(f.mentions) < 2
                or uf.find(i) != i and any(uf.find(i) == uf.find(j) for j in person_long)):
            continue
        w = _core_word(f.words[0])
        cands = [j for j, g in enumerate(flist)
                 if j != i and ftypes[j] not in ("PERSON", "NORP") and not g.country
                 and 2 <= len(g.words) <= 3 and all(x[:1].isupper() for x in g.words)
                 and _core_word(g.words[-1]) == w
                 and not any(x in L.HEAD_WORD_TYPES or x.casefold() in L.ORG_NOUNS
                             for x in g.words)]
        if len(cands) == 1:
            uf.union(i, cands[0])
            f.person_short = True

    # shorter names inside longer ones
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
                    _demonym_like(w, norp_keys) for w in g.words[:extra])):
                cands.append(j)
            elif gw[:len(fw)] == fw and (all(w in L.GEO_SUFFIXES for w in gw[len(fw):])
                                         or all(w in L.CORP_SUFFIXES for w in gw[len(fw):])):
                cands.append(j)  # "Kurdistan Region", "Sierra Nevada Corporation"
        if cands:
            j = max(cands, key=lambda j: (len(flist[j].mentions), -flist[j].first))
            uf.union(i, j)

    # plural nationalities: "Americans" -> "American"
    for i, f in enumerate(flist):
        if ftypes[i] != "NORP":
            continue
        mt = _PLURAL_NORP_RE.match(f.display)
        if mt and norm_key(mt.group(1)) in idx:
            uf.union(i, idx[norm_key(mt.group(1))])

    # places named in airports: "Erbil International Airport" -> Erbil is a place
    for f in flist:
        words = f.words
        if len(words) >= 2 and words[-1] == "Airport":
            base = words[:-2] if len(words) >= 3 and words[-2] == "International" else words[:-1]
            k = norm_key(" ".join(base))
            if k in idx:
                bonus.setdefault(idx[k], Counter())[_PLACE] += 3

    # places named as such: "City of Surrey", "Province of Quebec", "Port of Aden"
    for f in flist:
        words = f.words
        if len(words) >= 3 and words[1] == "of" and words[0] in L.PLACE_HEADS:
            k = norm_key(" ".join(words[2:]))
            if k in idx:
                bonus.setdefault(idx[k], Counter())[_PLACE] += 3

    # ---- clusters
    clusters: dict[int, list[int]] = {}
    for i in range(len(flist)):
        clusters.setdefault(uf.find(i), []).append(i)
    out: list[tuple[int, Entity]] = []
    for members in clusters.values():
        ents = _build(flist, ftypes, members, bonus)
        if ents is not None:
            out.append(ents)
    out.sort(key=lambda p: p[0])
    return [e for _, e in out]


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


def _coordinated_first_names(doc: Doc, mentions: list[_Mention]) -> None:
    """"Joe and Hunter Biden": the lone first name takes the shared surname."""
    by_tok = {m.tok_start: m for m in mentions}
    for m in mentions:
        if m.label != "PERSON" or m.tok_end - m.tok_start != 1 or " " in m.text:
            continue
        j = m.tok_end
        if j + 2 < len(doc) and doc[j].lower_ == "and" and (j + 1) in by_tok:
            other = by_tok[j + 1]
            words = other.text.split()
            if other.label == "PERSON" and len(words) == 2:
                m.text = f"{m.text} {words[-1]}"


def _split_slashes(m: _Mention) -> list[_Mention]:
    """"Instagram/Darian Lonechild", "Kerry Brown / AP": two names joined by a slash; a
    nickname in quotes is left out of a person's name ("Riefian “Ifan” Fajarsyah"), and a
    stray quote mark splits the span ("Pacific “Ring of Fire")."""
    nick = _NICKNAME_RE.match(m.text) if m.label == "PERSON" else None
    if nick:
        m.text = f"{nick.group(1)} {nick.group(2)}"
        return [m]
    if not any(c in m.text for c in "/\"“”"):
        return [m]
    out = []
    for part in re.finditer(r"[^/\"“”]+", m.text):
        raw = part.group(0)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if sum(c.isalpha() for c in text) < 2 or not text[:1].isupper():
            continue
        start = m.start + part.start() + lead
        label = "ORG" if m.label == "PERSON" and _is_acronym(text) else m.label  # "/ AP"
        out.append(_Mention(start, start + len(text), text, text, label, m.tok_start,
                            m.tok_end, Counter({label: 1}), m.sent_initial))
    return out


def _surname_mentions(doc: Doc, text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Surnames of the people named in full that the model left untagged ("Sudani stressed")."""
    names = set()
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) > 1:
            last = _last_name(words)
            for w in {last, last.split("-", 1)[1] if _core_word(last) != norm_key(last) else last}:
                if len(w) >= 4 and w[:1].isupper() and w.replace("-", "").isalpha():
                    names.add(w)
    if not names:
        return []
    covered = sorted((m.start, m.end) for m in mentions)
    out = []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(names))) + r")(?![\w-])")
    for mt in pattern.finditer(text):
        s, e = mt.span(1)
        if any(a < e and s < b for a, b in covered):
            continue
        span = doc.char_span(s, e)
        if span is None or any(t.pos_ != "PROPN" or t.ent_type_ for t in span):
            continue
        out.append(_Mention(s, e, mt.group(1), mt.group(1), "PERSON", span.start, span.end,
                            Counter({"PERSON": 1})))
    return out


def _drop_nested(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions inside another one (after a name was extended) are dropped."""
    out: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.end <= out[-1].end:
            continue
        out.append(m)
    return out


def _acronym_definitions(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """"Kataib Hezbollah (KH)" / "KH (Kataib Hezbollah)": acronym key -> name key."""
    defs: dict[str, str] = {}
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        mt = _PAREN_ACRONYM_RE.match(text, m.end) or _OR_ACRONYM_RE.match(text, m.end)
        if mt and _is_acronym(mt.group(1)):
            acro = mt.group(1).replace(".", "").casefold()
            words = m.text.split()
            if acro not in (_initials(words, True), _initials(words, False)):
                # the model cut the name short: "Hayat [Tahrir al-Sham] (HTS)"
                before = re.search(r"((?:[A-Z][\w'-]*\s+){1,2})$", text[max(0, m.start - 60):m.start])
                if before:
                    prefix_words = before.group(1).split()
                    for k in (1, 2):
                        if k > len(prefix_words):
                            break
                        cand = prefix_words[-k:] + words
                        if acro in (_initials(cand, True), _initials(cand, False)):
                            pre = " ".join(prefix_words[-k:]) + " "
                            m.start = text.rfind(prefix_words[-k], 0, m.start)
                            m.text = pre + m.text
                            m.surface = m.text
                            words = cand
                            break
            # the letters must come from the name: not "Naomi Martin (AP)" (a credit); the
            # order may differ ("Kurdistan Workers' Party (PKK)" keeps Kurdish word order)
            if len(words) > 1 and set(acro) <= set(_initials(words, False)):
                defs.setdefault(norm_key(mt.group(1)), norm_key(m.text))
            continue
        if _is_acronym(m.text):
            mt2 = re.match(r"\s*\(\s*", text[m.end:m.end + 5])
            if mt2:
                inner = by_start.get(m.end + mt2.end())
                if inner is not None and len(inner.text.split()) > 1:
                    defs.setdefault(norm_key(m.text), norm_key(inner.text))
    return defs


def _acronym_mentions(text: str, mentions: list[_Mention],
                      defs: dict[str, str]) -> list[_Mention]:
    """Every occurrence of a defined acronym is a mention ("a KH statement said")."""
    if not defs:
        return []
    covered = [(m.start, m.end) for m in mentions]
    out = []
    by_key = {}
    for m in mentions:
        by_key.setdefault(norm_key(m.text), m)
    for acro_key in defs:
        # the written acronym: from a mention, or from the parenthesis itself
        for mt in re.finditer(r"(?<![\w.])([A-Z][A-Za-z&.]{1,9})(?![\w])", text):
            if norm_key(mt.group(1)) != acro_key:
                continue
            s, e = mt.start(1), mt.end(1)
            if any(a < e and s < b for a, b in covered):
                continue
            long_label = by_key[defs[acro_key]].label if defs[acro_key] in by_key else "ORG"
            label = long_label if long_label in ("GPE", "LOC", "FAC") else "ORG"
            out.append(_Mention(s, e, mt.group(1), mt.group(1), label, -1, -1,
                                Counter({label: 1})))
            covered.append((s, e))
    return out


def _strip_sentence_initial(forms: dict[str, _Form]) -> None:
    """"Key Security Council powers ..." at a sentence start: the first word is not the name's
    when the rest is a name found elsewhere in the text."""
    for key in list(forms):
        f = forms[key]
        words = f.display.split()
        if len(words) < 3 or not all(m.sent_initial for m in f.mentions):
            continue
        first = words[0]
        if (_clean_word(first) in L.NAME_OPENERS or f.type() == "PERSON"
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
