"""Direct quotes of a language from its quote marks and reporting verbs (etl/lang/<code>/).

A quote is the text between a language's quote marks, or a dialogue paragraph opened by a
dash. Its attribution is looked for after it in the sentence (", a déclaré le maire, X",
", a-t-il ajouté", ", selon X"), else before it (", X, a dénoncé « … »"). The speaker is
the person named in the attribution, else the organisation or the noun phrase; an inverted
pronoun ("a-t-elle") or a definite role alone ("le chef de l'État") is the person last named.
A few words in quote marks with no reporting verb are a term, not a quote.
"""

from __future__ import annotations

import re
from types import ModuleType

from etl.models import Entity, Quote

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def _after(text: str, pos: int) -> str:
    m = _SENTENCE_END.search(text, pos)
    return text[pos : m.start() if m else len(text)]


def _sentence_start(text: str, pos: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    return starts[-1] if starts else 0


def _cue_after(lex: ModuleType) -> re.Pattern:
    aux = "|".join(lex.AUXILIARIES)
    inv = "|".join(re.escape(p) for p in lex.INVERTED_PRONOUNS)
    return re.compile(rf"^\s*,?\s*(?P<aux>{aux})(?P<inv>{inv})?\s+(?P<verb>[^\W\d_]+)(?P<rest>.*)$", re.S)


def _persons_in(entities: list[Entity], start: int, end: int, types=("PERSON",)) -> list[tuple[int, Entity]]:
    return sorted((s, e) for e in entities if e.type in types for s, t in e.mentions if start <= s and t <= end)


def _last_person(entities: list[Entity], before: int) -> str | None:
    found = _persons_in(entities, 0, before)
    return found[-1][1].name if found else None


def _phrase(rest: str, lex: ModuleType) -> str:
    cut = len(rest)
    for marker in lex.SPEAKER_PHRASE_END:
        i = rest.find(marker)
        if i > 0:
            cut = min(cut, i)
    return rest[:cut].strip(" ,;:")


def _speaker(phrase: str, at: int, quote_start: int, entities: list[Entity], lex: ModuleType) -> str | None:
    """The speaker named in ``phrase`` (body offset ``at``): person, else organisation, else
    the phrase without its determiner; a definite role alone is the person last named."""
    for types in (("PERSON",), ("ORG",)):
        found = _persons_in(entities, at, at + len(phrase) + 1, types)
        if found:
            return found[-1][1].name
    low = phrase.lower()
    if low in lex.DEFINITE_ROLES:
        return _last_person(entities, quote_start) or phrase
    for det in lex.DETERMINERS:
        if low.startswith(det):
            phrase = phrase[len(det):]
            break
    if not phrase or len(phrase.split()) > lex.SPEAKER_MAX_WORDS:
        return None
    return phrase


def _attribution_after(text, close_end, qstart, entities, lex, cue_rx, previous):
    tail = _after(text, close_end)
    m = cue_rx.match(tail)
    if m and m.group("verb").lower() in lex.REPORTING_VERBS:
        cue = m.group("aux") + (m.group("inv") or "") + " " + m.group("verb")
        if m.group("inv"):
            if m.group("inv").endswith("on"):
                return cue, None
            return cue, previous or _last_person(entities, qstart)
        at = close_end + m.start("rest")
        phrase = _phrase(m.group("rest"), lex)
        return cue, _speaker(phrase, at + len(m.group("rest")) - len(m.group("rest").lstrip()), qstart, entities, lex)
    m = re.match(rf"^\s*,?\s*({lex.SELON})\s+(.*)$", tail, re.S | re.I)
    if m:
        phrase = _phrase(m.group(2), lex)
        return m.group(1), _speaker(phrase, close_end + m.start(2), qstart, entities, lex)
    return None, None


def _attribution_before(text, open_start, qstart, entities, lex):
    start = _sentence_start(text, open_start)
    lead = text[start:open_start]
    aux = "|".join(lex.AUXILIARIES)
    hits = [m for m in re.finditer(rf"\b(?P<aux>{aux})\s+(?P<verb>[^\W\d_]+)", lead)
            if m.group("verb").lower() in lex.REPORTING_VERBS]
    if not hits:
        return None, None
    m = hits[-1]
    subject = lead[: m.start()]
    speaker = _speaker(subject.strip(" ,"), start + len(subject) - len(subject.lstrip(" ,")), qstart, entities, lex)
    found = _persons_in(entities, start, start + m.start())
    if found:
        speaker = found[-1][1].name
    return f"{m.group('aux')} {m.group('verb')}", speaker


def _spans(text: str, lex: ModuleType) -> list[tuple[int, int, int, int]]:
    """(open mark start, quote start, quote end, close mark end) of every quote, in order."""
    spans = []
    for open_, close in lex.QUOTE_PAIRS:
        rx = re.compile(rf"{re.escape(open_)}\s*([^\n{re.escape(close)}]+?)\s*{re.escape(close)}")
        for m in rx.finditer(text):
            if not any(s <= m.start() < e for s, _, _, e in spans):
                spans.append((m.start(), m.start(1), m.end(1), m.end()))
    for m in re.finditer(rf"(?m)^[{''.join(lex.DIALOGUE_DASHES)}]\s+(.+?)(?=,\s*(?:{'|'.join(lex.AUXILIARIES)})[-\s]|$)",
                         text):
        spans.append((m.start(), m.start(1), m.end(1), m.end(1)))
    return sorted(spans)


def extract_quotes(text: str, entities: list[Entity], lex: ModuleType) -> list[Quote]:
    quotes: list[Quote] = []
    cue_rx = _cue_after(lex)
    previous = None
    for open_start, qstart, qend, close_end in _spans(text, lex):
        quoted = text[qstart:qend].strip(" ,")
        if len(quoted.split()) < 2:
            continue
        cue, speaker = _attribution_after(text, close_end, qstart, entities, lex, cue_rx, previous)
        if cue is None:
            cue, speaker = _attribution_before(text, open_start, qstart, entities, lex)
        if cue is None and len(quoted.split()) <= lex.SCARE_QUOTE_MAX_WORDS:
            continue  # « gilets jaunes »: a term in quote marks, not a quote
        previous = speaker or previous
        quotes.append(Quote(text=quoted, speaker=speaker, kind="direct", cue=cue, start=qstart, end=qstart + len(quoted)))
    return quotes
