"""How many victims: the number of a victims noun phrase, with its hedge, and its words.

Numbers are read with ``etl.extract.shared.numbers``; this module decides which tokens form the
number of a phrase, which numbers can count people at all (not ages, times, money, years,
percentages) and how coordinated victims add up ("a woman and her two sons" = 3).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

import etl.extract.casualties.lexicon as lex
import etl.extract.casualties.patterns as pat
from etl.extract.casualties.triggers import lemma, trigger
from etl.extract.shared.numbers import apply_hedge, match_hedge, parse_number

# (count, count_min, count_max, qualifier)
Count = tuple[int | None, int | None, int | None, str | None]
NO_COUNT: Count = (None, None, None, None)
ONE: Count = (1, 1, 1, None)


def _number_tokens(head: Token) -> list[Token]:
    """The tokens of the number whose head is ``head`` ("3.5 million", "two dozen")."""
    toks = [head]
    for c in head.children:
        if c.dep_ in ("compound", "nummod", "quantmod", "amod") and (
            c.like_num or c.lower_ in lex.NUMBER_PARTS
        ):
            toks.append(c)
    toks.sort(key=lambda t: t.i)
    return [t for t in toks if abs(t.i - head.i) <= 3]  # contiguous only


def is_count_token(t: Token, trust_parse: bool = False) -> bool:
    """A number that can count people; ``trust_parse`` for a direct nummod of the victims' noun."""
    if t.ent_type_ in lex.NOT_COUNT_ENTS and not (
        trust_parse and t.ent_type_ in ("DATE", "TIME", "QUANTITY")
    ):
        return False
    if not (t.like_num or t.lower_ in lex.COUNT_WORDS):
        return False
    return not (_is_age(t) or _is_unit_or_time(t))


def _is_age(t: Token) -> bool:
    """ "23-year-old", "2 year-old", "a boy younger than 12", "John Doe, 24, was shot"."""
    doc = t.doc
    before = [x.lower_ for x in doc[max(0, t.i - 2) : t.i]]
    if before and (
        before[-1] in lex.AGE_WORDS
        or (len(before) == 2 and before[0] in lex.AGE_COMPARATIVES and before[1] == "than")
    ):
        return True
    if is_age_of_name(t):
        return True
    nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
    if nxt in lex.AGE_ABBREVIATIONS or "".join(x.lower_ for x in doc[t.i + 1 : t.i + 4]) == "y/o":
        return True  # "a 25 y/o man", "a 43 yo woman"
    j = t.i + 1
    while j + 1 < len(doc) and doc[j].text in lex.HYPHENS and j - t.i < 5:
        if doc[j + 1].lower_.startswith(lex.AGE_UNITS):
            return True
        j += 2
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return (
        nxt is not None
        and nxt.lower_.startswith(("year", "month"))
        and t.i + 2 < len(doc)
        and doc[t.i + 2].text in ("-", "old")
    )


def _counts_plural_noun(t: Token) -> bool:
    """ "1850 people", "1900 refugees": the number of a plural noun that is no event."""
    h = t.head
    return (
        t.dep_ == "nummod"
        and h.tag_ == "NNS"
        and lemma(h) not in lex.NOUNS
        and h.lower_ not in lex.TALLY_EVENTS
    )


def is_age_of_name(t: Token) -> bool:
    """ "John Doe, 24": a number right after a name and a comma is the person's age."""
    doc = t.doc
    if not t.like_num or t.i < 2 or doc[t.i - 1].text != ",":
        return False
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False  # "On Sunday, four people were shot": a count of people
    name = doc[t.i - 2]
    return name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and not name.ent_type_)


def _is_unit_or_time(t: Token) -> bool:
    """A time, a percentage, money, a year, a statute or case number, an address, a unit."""
    doc = t.doc
    if pat.YEAR_RE.fullmatch(t.text) and not _counts_plural_noun(t):
        return True  # "2015 killed": a year is not a count ("1850 people" is)
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and (
        nxt.lower_ in lex.NOT_COUNT_NEXT or nxt.lower_ in lex.NOT_COUNT_NEXT_WORDS
    ):
        return True
    prev = doc[t.i - 1] if t.i > 0 else None
    if prev is not None and prev.text == "." and t.i > 1:
        prev = doc[t.i - 2]  # "No. 4521" tokenized as "No", "."
    return prev is not None and (
        prev.text in lex.NOT_COUNT_PREV or prev.lower_ in lex.NOT_COUNT_PREV_WORDS
    )


def _hedge_before(first: Token, sent_start: int) -> str | None:
    """Hedge words right before a number ("at least", "more than")."""
    doc = first.doc
    words = [doc[i] for i in range(max(sent_start, first.i - 3), first.i)]
    return match_hedge([w.text for w in words])


def quantity(tok: Token, sent: Span, trust_parse: bool = False) -> Count | None:
    """(count, min, max, qualifier) of the number headed by ``tok``; None when it is no count."""
    if not is_count_token(tok, trust_parse):
        return None
    toks = _number_tokens(tok)
    q = parse_number(" ".join(t.text for t in toks))
    if q is None:
        return None
    ranged = _range(tok, toks, sent, q.value)
    if ranged is not None:
        return ranged
    hedge = _hedge_before(toks[0], sent.start)
    c, lo, hi = apply_hedge(q, hedge)
    if q.vague:
        return None, lo, hi, hedge
    return c, lo, hi, hedge


def _range(tok: Token, toks: list[Token], sent: Span, value: int | None) -> Count | None:
    """ "between 3 and 5", "3 to 5", "three or four"."""
    doc = tok.doc
    if value is None:
        return None
    if toks[0].i > sent.start and doc[toks[0].i - 1].lower_ == "between":
        for c in tok.children:
            if c.dep_ == "conj" and c.like_num:
                hi = parse_number(c.text)
                if hi is not None and hi.value is not None:
                    return value, value, hi.value, doc[toks[0].i - 1 : c.i + 1].text
    end = toks[-1].i
    if (
        end + 2 < sent.end
        and doc[end + 1].lower_ in ("to", "or", "-", "–")
        and doc[end + 2].like_num
    ):
        hi = parse_number(doc[end + 2].text)
        if hi is not None and hi.value is not None and hi.value > value:
            return value, value, hi.value, None
    return None


def noun_count(head: Token, sent: Span) -> Count:
    """Count of a victims noun phrase headed by a noun: its nummod, "a", "both", or none."""
    for c in head.children:
        if (
            c.dep_ in ("nummod", "quantmod", "amod", "compound")
            and c.i < head.i
            and is_count_token(c, c.dep_ == "nummod")
        ):
            r = quantity(c, sent, c.dep_ == "nummod")
            if r is not None:
                return r
    for c in head.lefts:
        if c.dep_ in ("poss", "det", "prep", "relcl", "acl", "appos"):
            continue
        for t in c.subtree:
            if t.i < head.i and t.dep_ in ("nummod", "compound", "quantmod") and is_count_token(t):
                r = quantity(t, sent)
                if r is not None:
                    return r
    for c in head.children:
        if c.dep_ in ("det", "predet") and c.i < head.i:
            low = c.lower_
            if low == "no":
                return 0, 0, 0, None
            if lex.DET_COUNTS.get(low) is not None:
                n = lex.DET_COUNTS[low]
                return n, n, n, None
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        return ONE
    if head.lower_ == "old" and any(c.lower_.startswith(lex.AGE_UNITS) for c in head.children):
        return ONE  # "the 4-year-old": one person
    # a singular noun or a name: one person ("the victim", "Jihad Cromer")
    if (
        head.tag_ in ("NN", "NNP")
        and head.lower_ not in lex.GROUP_NOUNS
        and (head.tag_ == "NNP" or any(c.dep_ in ("det", "poss") for c in head.children))
    ):
        return ONE
    return NO_COUNT


def victim_words(head: Token) -> str:
    """The victims' noun with its noun compounds ("service members", "fighter", "people")."""
    doc = head.doc
    if head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", ""):
        toks = [
            t
            for t in head.subtree
            if t.i <= head.i and (t.i == head.i or (t.dep_ == "compound" and t.pos_ == "PROPN"))
        ]
        return " ".join(t.text for t in toks) if toks else head.text
    if head.lower_ == "old" and any(c.lower_.startswith("year") for c in head.children):
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]
        return doc[toks[0].i : head.i + 1].text
    left = []
    i = head.i - 1
    while i >= 0:
        t = doc[i]
        if t.head.i == head.i and t.dep_ == "compound" and t.pos_ == "NOUN" and not t.like_num:
            left.insert(0, t)
            i -= 1
            continue
        break
    return " ".join(t.text for t in [*left, head])


def count_victims(
    v: Token, sent: Span, no_conj: bool = False
) -> tuple[Count, str | None, str | None, bool]:
    """(count, victims text, victims head lemma, partitive) for a victim token."""
    special = _pronoun_or_number_count(v, sent)
    if special is not None:
        return special
    names = listed_names(v)
    if len(names) >= 2:  # "Maria Lopez, 55, Ana Ruiz, 29, and Tomas Novak, 8, were killed"
        n = len(names)
        return (n, n, n, None), " and ".join(victim_words(x) for x in names), lemma(v), False
    # coordinated victims: "a man and a woman", "a father and daughter"
    conjs = [
        c
        for c in v.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") and trigger(c) is None
    ]
    q0 = None
    if v.pos_ == "PRON" and conjs:  # "her and his wife"
        q0 = ONE if v.lower_ in lex.SINGULAR_PRONOUNS else NO_COUNT
    q = q0 or noun_count(v, sent)
    words = victim_words(v)
    if conjs and not any(c.dep_ == "appos" for c in v.children) and not no_conj:
        total = q[0]
        for c in conjs:
            cq = ONE if c.lower_ in lex.SINGULAR_PRONOUNS else noun_count(c, sent)
            if cq[0] is None and c.tag_ in ("NN", "NNP"):
                cq = ONE
            total = None if total is None or cq[0] is None else total + cq[0]
        if total is not None:
            q = (total, total, total, None)
            words = " and ".join([words] + [victim_words(c) for c in conjs])
    return q, words, lemma(v), False


def listed_names(v: Token) -> list[Token]:
    """The people of a list of names headed by ``v``: names in apposition or coordinated with
    it (an age between commas is an apposition too, and no name)."""
    if v.pos_ != "PROPN":
        return []
    names, todo = [v], [v]
    while todo:
        x = todo.pop()
        for c in x.children:
            if _listed_with(c) and c not in names:
                names.append(c)
                todo.append(c)
    names.sort(key=lambda t: t.i)
    # a list is names separated by commas, "and" and ages only
    out = names[:1]
    for a, b in pairwise(names):
        between = a.doc[a.i + 1 : b.i]
        if not all(_in_name_list(t) for t in between):
            break
        out.append(b)
    return out


def _listed_with(c: Token) -> bool:
    """A name in apposition or coordination with another (not an age, a place, "Jr.")."""
    return (
        c.dep_ in ("appos", "conj")
        and c.pos_ == "PROPN"
        and not c.like_num
        and c.ent_type_ in ("", "PERSON")
        and not _name_suffix(c)
    )


def _name_suffix(t: Token) -> bool:
    return t.lower_.rstrip(".") in lex.NAME_SUFFIXES


def _in_name_list(t: Token) -> bool:
    """A token that may stand between two names of a list ("Maria Lopez, 55, and Ana Ruiz")."""
    return (
        t.is_punct
        or t.like_num
        or t.lower_ in lex.NAME_LIST_WORDS
        or (t.pos_ == "PROPN" and t.dep_ in ("compound", "appos", "flat"))
        or _name_suffix(t)
    )


def _pronoun_or_number_count(
    v: Token, sent: Span
) -> tuple[Count, str | None, str | None, bool] | None:
    """Victims that are a number ("four", "one of its fighters"), an ordinal or a pronoun."""
    low = v.lower_
    if v.ent_type_ == "ORDINAL" and any(
        c.lower_ in ("a", "an", "another", "the") for c in v.children
    ):
        return ONE, None, None, False  # "a fifth was struck"
    if v.like_num or low in lex.VAGUE_PLURALS:
        # "four" as the victims (ellipsis) or partitive "one of its fighters"
        q = quantity(v, sent) or NO_COUNT
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None:
                    return q, victim_words(p), lemma(p), True
        return q, None, None, False
    if low == "both":
        return (2, 2, 2, None), None, None, False
    if low in lex.SINGULAR_PRONOUNS and not any(c.dep_ == "conj" for c in v.children):
        return ONE, None, None, False
    if low in lex.PLURAL_PRONOUNS:
        if any(c.lower_ == "both" for c in v.children) or (
            v.i + 1 < sent.end and v.nbor(1).lower_ == "both"
        ):
            return (2, 2, 2, None), None, None, False
        q = noun_count(v, sent)
        return (q if q[0] is not None else NO_COUNT), None, None, False
    if v.tag_ == "PRP$" or (v.dep_ == "poss" and v.pos_ == "PRON"):
        n = 1 if low in ("his", "her") else None
        return (n, n, n, None), None, None, False
    if v.pos_ == "PRON" and low in ("one", "someone", "somebody", "anyone", "anybody"):
        n = None if low in ("anyone", "anybody") else 1
        return (n, n, n, None), None, None, False
    return None


# --------------------------------------------------------------------------- tolls


def stat_category(t: Token) -> str | None:
    """ "death toll" -> killed; "the number of injured" -> injured; else None."""
    lem = lemma(t)
    if lem == "toll" and any(c.lower_ in lex.TOLL_MODIFIERS for c in t.children if c.i < t.i):
        return "killed"
    if lem in ("number", "tally", "count"):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None and p.lower_ in lex.NUMBER_OF:
                    return lex.NUMBER_OF[p.lower_]
    return None


def toll_number(t: Token) -> Token | None:
    """The number a death toll is given as ("the death toll rose to 17", "a toll of 40")."""
    if stat_category(t) is None:
        return None
    for c in t.children:
        if c.dep_ == "nummod" and c.like_num:
            return c
        if c.dep_ == "prep" and c.lower_ in ("of", "at"):
            n = next((x for x in c.children if x.dep_ == "pobj" and x.like_num), None)
            if n is not None:
                return n
    h = t.head
    if lemma(h) in lex.TOLL_VERBS and t.dep_ in ("nsubj", "dobj", "nsubjpass"):
        for c in h.children:
            if c.dep_ in ("attr", "dobj", "npadvmod") and c.like_num:
                return c
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                n = next((x for x in c.children if x.dep_ == "pobj" and x.like_num), None)
                if n is not None:
                    return n
    return _toll_number_by_words(t)


def _toll_number_by_words(t: Token) -> Token | None:
    """The parse may miss it: "... toll from the flood rose to at least 280"."""
    doc = t.doc
    for x in doc[t.i + 1 : min(len(doc), t.i + 25)]:
        if x.is_sent_start or x.text in (".", ";") or "\n" in x.text:
            break
        if x.like_num and is_count_token(x, True):
            j = x.i - 1
            while j > t.i and doc[j].lower_ in lex.TOLL_HEDGE_WORDS:
                if doc[j].lower_ == "at" and doc[j + 1].lower_ != "least":
                    break
                j -= 1
            return x if doc[j].lower_ in lex.TOLL_LINK_WORDS else None
    return None


def fatal_number(t: Token) -> bool:
    """ "Four people were shot, one fatally": the number modified by "fatally"."""
    return (t.like_num or t.lower_ in ("all", "both")) and any(
        c.dep_ == "advmod" and c.lower_ in lex.FATAL_ADVERBS for c in t.children
    )


__all__ = [
    "NO_COUNT",
    "ONE",
    "Count",
    "count_victims",
    "fatal_number",
    "is_count_token",
    "noun_count",
    "quantity",
    "stat_category",
    "toll_number",
    "victim_words",
]
