"""Entity mentions of one parsed body: spaCy's spans found, split, trimmed and typed by votes.

The first stage of ``entities.extract_entities`` (see its module docstring, step 1): spaCy's
PERSON, ORG, GPE, LOC, NORP, FAC and EVENT spans split at line breaks, inner possessives, verbs
and (places) commas; trimmed of determiners, possessives, numbers, lower-case words, trailing
nouns and titles; junk dropped; context cues voted as types; mentions the model missed added
(dateline place, web addresses, untagged surnames, every use of a defined acronym). Also the
name helpers the linking stage shares (``norm_key``, ``initials``, ``last_name``, ...).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

import etl.extract.entities.lexicon as L
from etl.models import ENTITY_TYPES

_QUOTES = set("\"'“”‘’«»„‚`")
_POSSESSIVES = {"'s", "’s", "'", "’", "s'", "s’"}
_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z&]{1,7}$")
_PAREN_ACRONYM_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_OR_ACRONYM_RE = re.compile(r",?\s+(?:or|also known as|known as)\s+([A-Z][A-Za-z&.]{1,9})(?=[\s,;:.)–—-])")
_WS_RE = re.compile(r"\s+")
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
PLACE = "PLACE"  # pseudo-type of a vote for "some place": goes to GPE or LOC at the end


@dataclass
class Mention:
    start: int  # char offsets of the cleaned name
    end: int
    text: str  # cleaned name (comparison and canonical form)
    surface: str  # as written, titles kept, determiners and possessive dropped
    label: str  # spaCy's label
    tok_start: int
    tok_end: int
    votes: Counter = field(default_factory=Counter)
    sent_initial: bool = False


@functools.lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    t = text.replace("’", "'").replace("‘", "'")
    t = re.sub(r"'s$", "", t)
    t = t.replace(".", "")
    t = re.sub(r"\s*-\s*", "-", t)
    return _WS_RE.sub(" ", t).strip().casefold()


def last_name(words: list[str]) -> str:
    """The surname of a full name, ignoring "Jr." and the like."""
    for w in reversed(words[1:]):
        if clean_word(w).strip(",") not in _NAME_SUFFIXES:
            return w
    return words[-1]


def clean_word(w: str) -> str:
    return w.rstrip(".").casefold()


def core_word(w: str) -> str:
    """A surname without its Arabic article, casefolded ("al-Assad" -> "assad")."""
    for p in L.ARTICLE_PREFIXES:
        if w.startswith(p) and len(w) > len(p) + 1:
            w = w[len(p):]
            break
    return norm_key(w)


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
                   and doc[j].is_title and clean_word(doc[j].text) not in L.TITLE_OPENERS
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
    return clean_word(t.text) in L.TITLES and (t.text[:1].isupper() or t.lower_ in
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
           starts: frozenset[int]) -> Mention | None:
    """The mention of tokens [a, b) once trimmed (see the module docstring), with its type votes;
    None when nothing of a name is left or it is junk."""
    votes: Counter = Counter()
    b, trailing = _trim_trailing(doc, a, b, label)
    lead = _trim_leading(doc, a, b, label, starts, votes)
    if lead is None:
        return None
    a, surface_a = lead
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
    if not _context_votes(doc, text_all, a, b, label, votes):
        return None
    if label != "NORP":  # a nationality adjective always modifies a noun
        _noun_cues(trailing + _lower_noun_run(doc, b), votes)
    prev = doc[a - 1] if a > 0 else None
    sent_initial = a in starts or (prev is not None and "\n" in prev.whitespace_)
    return Mention(start, end, text, surface, label, a, b, votes, bool(sent_initial))


def _trim_trailing(doc: Doc, a: int, b: int, label: str) -> tuple[int, list[str]]:
    """The end of a mention without trailing punctuation, possessive, headline words, numbers
    and lower-case nouns ("Logar province"); the nouns cut are returned as type cues."""
    trailing: list[str] = []
    b0 = b  # a lower-case head noun the model kept at the end of a name stays ("Y prison")
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
    return b, trailing


def _trim_leading(doc: Doc, a: int, b: int, label: str, starts: frozenset[int],
                  votes: Counter) -> tuple[int, int | None] | None:
    """The start of a mention without leading punctuation, determiners, numbers, lower-case
    words and titles, and where its surface form starts (titles kept); None for "non-X"."""
    surface_a = None
    while a < b:
        t = doc[a]
        low = clean_word(t.text)
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
    return a, surface_a


def _context_votes(doc: Doc, text_all: str, a: int, b: int, label: str, votes: Counter) -> bool:
    """Type votes from the words around the mention [a, b); False when the context shows it is
    part of a job title ("National Security Adviser John Bolton", "Secretary of State")."""
    n = len(doc)
    start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    text = _WS_RE.sub(" ", text_all[start:end]).strip()
    prev = doc[a - 1] if a > 0 else None
    prev2 = doc[a - 2] if a > 1 else None
    nxt = doc[b] if b < n else None
    if label in ("ORG", "NORP", "GPE") and b - a <= 2 and nxt is not None and nxt.is_title \
            and clean_word(nxt.text) in L.TITLE_HEADS and b + 1 < n \
            and (doc[b + 1].ent_type_ == "PERSON" or doc[b + 1].is_title):
        return False  # part of a job title: "National Security Adviser John Bolton"
    if label == "ORG" and b - a == 1 and prev is not None and prev.lower_ == "of" \
            and prev2 is not None and _is_title_tok(prev2):
        return False  # "Secretary of State"
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
        votes[PLACE] += 1
    if (label == "ORG" and b - a == 1 and prev is not None
            and prev.lower_ in L.PLACE_PREPOSITIONS and prev.lower_ != "at"
            and clean_word(text) not in L.INSTITUTION_WORDS and not is_acronym(text)
            and not (nxt is not None and nxt.text in _POSSESSIVES)):
        votes["ORG"] -= 1  # "the consulate in Erbil": a one-word organisation is rarely "in"
        votes[PLACE] += 1
    if nxt is not None and nxt.text == "," and _apposition_org(doc, b + 1):
        votes["ORG"] += 3  # "Dana Gas, the UAE-based company that ..."
    if (text.isupper() and len(text) > 2 and (start == 0 or text_all[start - 1] == "\n")
            and _DATELINE_RE.match(text_all, end)):
        votes[PLACE] += 3  # a dateline: "BEIRUT (Reuters) —", "KYIV, Ukraine (AP) —"
    return True


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
            or clean_word(doc[a].text) in L.NAME_PARTICLES):
        return False
    words = [clean_word(doc[i].text) for i in range(a, b) if not doc[i].is_punct]
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
    # "Street", "County", "Eve": a common word alone is no name
    return not (len(words) == 1 and words[0] in L.COMMON_WORD_NAMES)


def initials(words: list[str], skip_stop: bool) -> str:
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


def is_acronym(text: str) -> bool:
    t = text.replace(".", "")
    return bool(_ACRONYM_RE.match(t)) and sum(c.isupper() for c in t) >= 2 and t[-1].isupper()


def find_mentions(doc: Doc, text_all: str) -> tuple[list[Mention], dict[str, str], list[tuple[str, str]]]:
    """Every cleaned mention, the acronyms defined in the text (acronym key -> name key) and the
    "X, also known as Y" pairs (name keys)."""
    mentions: list[Mention] = []
    starts = _sentence_starts(doc)
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
    return mentions, acronym_defs, aka


def _coordinated_first_names(doc: Doc, mentions: list[Mention]) -> None:
    """"Joe and Hunter Biden": the lone first name takes the shared surname. A name that is a
    surname ends no such pair: one after a title ("Mr. Lund and Ada Berg") or one that ends
    another person's full name in the article ("Ivo Lund … Lund and Ada Berg")."""
    by_tok = {m.tok_start: m for m in mentions}
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    for m in mentions:
        if m.label != "PERSON" or m.tok_end - m.tok_start != 1 or " " in m.text:
            continue
        if m.text in surnames or (m.tok_start > 0 and _is_title_tok(doc[m.tok_start - 1])):
            continue
        j = m.tok_end
        if j + 2 < len(doc) and doc[j].lower_ == "and" and (j + 1) in by_tok:
            other = by_tok[j + 1]
            words = other.text.split()
            if other.label == "PERSON" and len(words) == 2:
                m.text = f"{m.text} {words[-1]}"


def _split_slashes(m: Mention) -> list[Mention]:
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
        label = "ORG" if m.label == "PERSON" and is_acronym(text) else m.label  # "/ AP"
        out.append(Mention(start, start + len(text), text, text, label, m.tok_start,
                            m.tok_end, Counter({label: 1}), m.sent_initial))
    return out


def _surname_mentions(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """Surnames of the people named in full that the model left untagged ("Sudani stressed")."""
    names = set()
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) > 1:
            last = last_name(words)
            for w in {last, last.split("-", 1)[1] if core_word(last) != norm_key(last) else last}:
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
        out.append(Mention(s, e, mt.group(1), mt.group(1), "PERSON", span.start, span.end,
                            Counter({"PERSON": 1})))
    return out


def _drop_nested(mentions: list[Mention]) -> list[Mention]:
    """Mentions inside another one (after a name was extended) are dropped."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and m.end <= out[-1].end:
            continue
        out.append(m)
    return out


def _acronym_definitions(text: str, mentions: list[Mention]) -> dict[str, str]:
    """"Kataib Hezbollah (KH)" / "KH (Kataib Hezbollah)": acronym key -> name key."""
    defs: dict[str, str] = {}
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        mt = _PAREN_ACRONYM_RE.match(text, m.end) or _OR_ACRONYM_RE.match(text, m.end)
        if mt and is_acronym(mt.group(1)):
            acro = mt.group(1).replace(".", "").casefold()
            words = m.text.split()
            if acro not in (initials(words, True), initials(words, False)):
                # the model cut the name short: "Hayat [Tahrir al-Sham] (HTS)"
                before = re.search(r"((?:[A-Z][\w'-]*\s+){1,2})$", text[max(0, m.start - 60):m.start])
                if before:
                    prefix_words = before.group(1).split()
                    for k in (1, 2):
                        if k > len(prefix_words):
                            break
                        cand = prefix_words[-k:] + words
                        if acro in (initials(cand, True), initials(cand, False)):
                            pre = " ".join(prefix_words[-k:]) + " "
                            m.start = text.rfind(prefix_words[-k], 0, m.start)
                            m.text = pre + m.text
                            m.surface = m.text
                            words = cand
                            break
            # the letters must come from the name: not "Naomi Martin (AP)" (a credit); the
            # order may differ ("Kurdistan Workers' Party (PKK)" keeps Kurdish word order)
            if len(words) > 1 and set(acro) <= set(initials(words, False)):
                defs.setdefault(norm_key(mt.group(1)), norm_key(m.text))
            continue
        if is_acronym(m.text):
            mt2 = re.match(r"\s*\(\s*", text[m.end:m.end + 5])
            if mt2:
                inner = by_start.get(m.end + mt2.end())
                if inner is not None and len(inner.text.split()) > 1:
                    defs.setdefault(norm_key(m.text), norm_key(inner.text))
    return defs


def _acronym_mentions(text: str, mentions: list[Mention],
                      defs: dict[str, str]) -> list[Mention]:
    """Every occurrence of a defined acronym is a mention ("a KH statement said")."""
    if not defs:
        return []
    covered = [(m.start, m.end) for m in mentions]
    out = []
    by_key = {}
    for m in mentions:
        by_key.setdefault(norm_key(m.text), m)
    for acro_key, long_key in defs.items():
        # the written acronym: from a mention, or from the parenthesis itself
        for mt in re.finditer(r"(?<![\w.])([A-Z][A-Za-z&.]{1,9})(?![\w])", text):
            if norm_key(mt.group(1)) != acro_key:
                continue
            s, e = mt.start(1), mt.end(1)
            if any(a < e and s < b for a, b in covered):
                continue
            long_label = by_key[long_key].label if long_key in by_key else "ORG"
            label = long_label if long_label in ("GPE", "LOC", "FAC") else "ORG"
            out.append(Mention(s, e, mt.group(1), mt.group(1), label, -1, -1,
                               Counter({label: 1})))
            covered.append((s, e))
    return out
