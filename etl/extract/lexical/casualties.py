"""Casualty figures of a language from its number and casualty words (etl/lang/<code>/).

Four shapes, each a pattern built from the language's data: a count, its victims and a
passive participle ("Deux hommes ont été tués", "quinze personnes ont péri"), a count and a
casualty noun ("faisant quatre morts", "une centaine de blessés"), a coordinated count ("et
trois autres blessés"), an active verb and its count ("a blessé trois passants"); and one
person described as hurt ("Le conducteur, légèrement blessé"). A figure found twice in one
span is kept once.
"""

from __future__ import annotations

import functools
import re
from types import ModuleType

from text_to_num import text2num

from etl.models import Casualty, Entity

_WORD = r"[^\W\d_][\w'’-]*"


@functools.lru_cache(maxsize=8)
def _patterns(lex: ModuleType) -> list[tuple[re.Pattern, str | None]]:
    words = "|".join(sorted(lex.NUMBER_WORDS, key=len, reverse=True))
    approx = "|".join(lex.APPROXIMATE)
    num = rf"(?P<num>\d+|(?:une?\s+(?:{approx}))|(?:(?:{words})(?:-(?:et-)?(?:{words}))*))"
    qual = rf"(?:(?P<qual>{'|'.join(lex.QUALIFIERS)})\s+)?"
    out = []
    for category, forms in lex.CASUALTY_PARTICIPLES.items():
        part = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
        victims = rf"(?P<victims>(?:{_WORD}\s+){{0,2}}?{_WORD})"
        age = r"(?:\s+(?:de|d'|âgée?s?\s+de)\s+\d+\s+ans)?"
        # passive ("ont été tués", "sont morts"), or "ont péri": never an active "a blessé"
        passive = (r"\s+(?:(?:ont|a|avaient|avait)\s+été|sont|est|ont(?=\s+péri)|a(?=\s+péri))\s+(?:(?:"
                   + "|".join(lex.SEVERITY) + r")\s+)?")
        out.append((re.compile(rf"\b{qual}{num}\s+{victims}{age}{passive}(?P<cue>{part})\b", re.I), category))
        one = "|".join(re.escape(d) for d in lex.SINGULAR_DETERMINERS)
        out.append((re.compile(rf"(?<![\w'’])(?P<num>{one})\s*(?P<victims>{_WORD})(?:\s+{_WORD}ée?s?)?{passive}"
                               rf"(?P<cue>{part})\b", re.I), category))
        out.append((re.compile(rf"(?:\bet|,)\s+{qual}{num}\s+(?P<victims>autres?|{_WORD})\s+(?P<cue>{part})\b", re.I),
                    category))
    for category, nouns in lex.CASUALTY_NOUNS.items():
        noun = "|".join(nouns)
        out.append((re.compile(rf"\b{qual}{num}\s+(?:de\s+)?(?P<victims>(?P<cue>{noun}))\b", re.I), category))
    for category, verbs in lex.CASUALTY_ACTIVE.items():
        verb = "|".join(re.escape(v) for v in verbs)
        out.append((re.compile(rf"\b(?P<cue>{verb})\s+{qual}{num}\s+(?P<victims>{_WORD})", re.I), category))
    sev = "|".join(lex.SEVERITY)
    out.append((re.compile(rf"\b(?P<num>le|la|un|une)\s+(?:{_WORD}\s+)?(?P<victims>{_WORD})[^.,]{{0,40}},\s+"
                           rf"(?:{sev})\s+(?P<cue>blessée?)\b", re.I), "injured"))
    return out


def _count(word: str, lex: ModuleType) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    if word in lex.SINGULAR_DETERMINERS:
        return 1
    parts = word.split()
    if len(parts) == 2 and parts[1] in lex.APPROXIMATE:
        return lex.APPROXIMATE[parts[1]]
    try:
        return text2num(word, lex.CODE)
    except (ValueError, KeyError):
        return None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    m = re.search(r"[.!?](?=\s|$)|\n", text[end:])
    return left, end + (m.end() if m else len(text) - end)


def extract_casualties(text: str, entities: list[Entity], lex: ModuleType) -> list[Casualty]:
    found: list[Casualty] = []
    taken: list[tuple[int, int]] = []
    for rx, category in _patterns(lex):
        for m in rx.finditer(text):
            count = _count(m.group("num"), lex)
            if count is None or any(s < m.end("num") and m.start("num") < e for s, e in taken):
                continue
            qual = m.groupdict().get("qual")
            side = lex.QUALIFIERS.get(qual.lower()) if qual else None
            s, e = _sentence(text, m.start(), m.end())
            victims = m.group("victims")
            found.append(Casualty(category=category, count=count, count_min=count,
                                  count_max=None if side == "min" else count, qualifier=qual,
                                  victims=victims.split()[-1] if victims else None, attribution=None,
                                  confirmed=None, location=None, sentence=text[s:e].strip(), start=s, end=e,
                                  mentions=[(s, e)]))
            taken.append((m.start("num"), m.end("num")))
    return sorted(found, key=lambda c: (c.start, c.category))
