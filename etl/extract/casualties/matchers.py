"""Pattern figures: the headline grammar and "triple homicide"-style compounds.

Headlines are lists of short clauses ("4 shot, 1 dead in park shooting", "Gunman kills 3")
that a parser trained on running text reads poorly, so their figures come from token patterns
(``patterns.HEADLINE_PATTERNS``): a number, at most three words of who, a casualty
word. Compounds ("double shooting", "triple homicide", "murder-suicide") give a count without
a number, in the headline and in the body.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

import etl.extract.casualties.lexicon as lex
import etl.extract.casualties.patterns as pat
from etl.extract.casualties.counts import is_count_token, quantity
from etl.extract.casualties.figure import Figure

_MATCHERS: dict[tuple[int, str], Matcher] = {}


def _matcher(vocab: Vocab, name: str) -> Matcher:
    key = (id(vocab), name)
    if key not in _MATCHERS:
        m = Matcher(vocab)
        patterns = pat.HEADLINE_PATTERNS if name == "headline" else pat.COMPOUND_PATTERNS
        for label, pats in patterns.items():
            m.add(label, pats, greedy="LONGEST")
        _MATCHERS[key] = m
    return _MATCHERS[key]


def _count_of(num: Token, sent: Span):
    prev = num.doc[num.i - 1].lower_.rstrip(".") if num.i > 0 else ""
    if pat.YEAR_RE.fullmatch(num.text) or prev in lex.MONTHS or not is_count_token(num):
        return None
    q = quantity(num, sent, trust_parse=True)
    return q if q is not None and q[0] else None


def headline_grammar(sent: Span) -> list[Figure]:
    """The figures of a headline's patterns, "shot" counts still weak (see ``headline``)."""
    doc = sent.doc
    figs: list[Figure] = []
    for span in _matcher(doc.vocab, "headline")(sent, as_spans=True):
        label, start, end = span.label_, span.start, span.end
        if label in _ONE_PERSON:
            one = _one_person(span)
            if one is not None:
                figs.append(one)
            continue
        if label == "WORD_NUMBER":
            word, num, who = doc[start], doc[end - 1], []
            kind = lex.HEADLINE_BEFORE_NUMBER[word.lower_]
        else:
            num, word, who = doc[start], doc[end - 1], list(doc[start + 1 : end - 1])
            kind = "killed" if label == "NUMBER_FATALLY" else lex.HEADLINE_AFTER_NUMBER[word.lower_]
        q = _count_of(num, sent)
        if q is None:
            continue
        if kind == "weak" and _told_dead(word):
            kind = "killed"
        victims = " ".join(t.text for t in who) or None
        f = Figure(
            "injured" if kind == "weak" else kind,
            *q,
            victims,
            who[-1].lemma_.lower() if who else None,
            sent,
            word,
            num,
            weak=kind == "weak",
            subset=label == "NUMBER_FATALLY",
        )
        figs.append(f)
    return figs


_ONE_PERSON = {
    "DEATH_EVENT",
    "PERSON_WORD",
    "AGE_WORD",
    "WORD_PERSON",
    "PERSON_DEATH",
    "PERSON_CONDITION",
    "FATAL_EVENT",
}


def _one_person(span: Span) -> Figure | None:
    """ "Teen killed in ...": one victim; "fatal shooting": at least one death."""
    first, last = span[0], span[-1]
    if span.label_ == "DEATH_EVENT":
        before = span.doc[last.i - 1].lower_ if last.i > 0 else ""
        after = span.doc[last.i + 1].lower_ if last.i + 1 < len(span.doc) else ""
        if before in lex.NOT_A_DEATH | set(lex.MULTIPLIERS) or after in ("-", "–"):
            return None  # "attempted murder", "triple homicide", "murder-suicide"
    if span.label_ in ("FATAL_EVENT", "DEATH_EVENT"):
        return Figure("killed", 1, 1, None, None, None, None, span.sent, last, last)
    if span.label_ == "PERSON_DEATH":
        event = next(t for t in span if t.lower_ in lex.DEATH_EVENTS | {"death"})
        if event.i > 0 and span.doc[event.i - 1].lower_ in lex.NOT_A_DEATH:
            return None  # "attempted murder of a man"
        return Figure("killed", 1, 1, 1, None, None, None, span.sent, event, event)
    if span.label_ == "PERSON_CONDITION":
        kind = "injured"  # alive: never taken for one of the dead
    elif span.label_ == "WORD_PERSON":
        kind = lex.HEADLINE_BEFORE_NUMBER[first.lower_]
        first, last = last, first
    else:
        kind = lex.HEADLINE_AFTER_NUMBER[last.lower_]
        if kind == "weak" and _told_dead(last):
            kind = "killed"
    category = "injured" if kind == "weak" else kind
    return Figure(
        category,
        1,
        1,
        1,
        None,
        first.text,
        first.lower_,
        span.sent,
        last,
        first,
        weak=kind == "weak",
    )


def _told_dead(word: Token) -> bool:
    """ "shot dead", "shot to death", "shot and killed", "fatally shot"."""
    doc = word.doc
    after = [t.lower_ for t in doc[word.i + 1 : word.i + 3]]
    before = doc[word.i - 1].lower_ if word.i > 0 else ""
    told = any(after[: len(words)] == words for words in lex.SHOT_DEAD_AFTER)
    return told or before in lex.FATAL_ADVERBS


def compound_figures(sent: Span) -> list[Figure]:
    """ "triple homicide" -> 3 killed; "double shooting" -> 2 shot; "murder-suicide" -> 2 dead."""
    doc = sent.doc
    figs: list[Figure] = []
    for span in _matcher(doc.vocab, "compound")(sent, as_spans=True):
        label, start, end = span.label_, span.start, span.end
        first, last = doc[start], doc[end - 1]
        n = lex.MULTIPLIERS.get(first.lower_, 1)
        if label == "MURDER_SUICIDE":
            f = Figure("killed", n + 1, n + 1, None, None, None, None, sent, last, last)
            f.attacker_counted = True
            figs.append(f)
            continue
        kind = lex.COMPOUND_EVENTS[last.lemma_.lower()]
        fatal = start > sent.start and doc[start - 1].lower_ in lex.FATAL_WORDS
        if kind == "weak" and fatal:
            kind = "killed"
        figs.append(
            Figure(
                "injured" if kind == "weak" else kind,
                n,
                n,
                n,
                None,
                None,
                None,
                sent,
                last,
                last,
                weak=kind == "weak",
            )
        )
    return figs
