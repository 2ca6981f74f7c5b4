"""Casualty figures: killed, injured, missing, kidnapped and arrested counts with provenance.

Works on the dependency parse of the body: a casualty word ("killed", "dead", "wounded",
"death of", "injuries") is a trigger; its victims are the passive subject / object / subject /
possessor / "of"-object; the count is the victims' number ("17", "four", "a", "two dozen",
"dozens", coordinated "a man and a woman") with its hedge ("at least", "up to", "between 3
and 5"). Each figure gets its sentence, who reported it ("..., police said", "according to X",
"X told Reuters that ..."), whether the text says it could not be confirmed, and the place the
sentence names. The same figure told again later in the article is merged into one figure
with several mentions.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from etl.extract import casualty_lexicon as lex
from etl.extract.numbers import apply_hedge, match_hedge, parse_number
from etl.models import Casualty, Entity

log = logging.getLogger(__name__)

__all__ = ["extract_casualties"]

# Entity types of numbers that are never counts of people.
_NOT_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_LOCATION_TYPES = ("GPE", "LOC", "FAC")
_MODALS = {"could", "would", "might", "may", "should", "must"}


@dataclass
class _Figure:
    category: str
    count: int | None
    count_min: int | None
    count_max: int | None
    qualifier: str | None
    victims: str | None
    victim_head: str | None  # lemma of the victims' head noun, for merging
    sent: Span
    trigger: Token
    victim_tok: Token | None
    weak: bool = False  # from "shot"/"stabbed": dropped when the same victims are killed
    partitive: bool = False
    adjusted: bool = False  # the dead already taken out of a "shot" count
    contrast: bool = False  # a "shot" figure told beside a different person's death
    subset: bool = False  # "one of them", "one fatally": part of a group counted elsewhere
    attribution: str | None = None
    confirmed: bool | None = None
    location: str | None = None
    place_level: bool = False  # the location is a town, region or country (GPE), not a street
    mentions: list[tuple[int, int]] = field(default_factory=list)


# --------------------------------------------------------------------------- sentences


def _sentences(doc: Doc) -> list[Span]:
    """spaCy sentences, further split at blank lines (headline and paragraphs)."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.i > start and "\n" in tok.text and tok.is_space:
                if any(not t.is_space for t in doc[start : tok.i]):
                    out.append(doc[start : tok.i])
                start = tok.i + 1
        if start < sent.end and any(not t.is_space for t in doc[start : sent.end]):
            out.append(doc[start : sent.end])
    return [_strip(s) for s in out]


def _strip(span: Span) -> Span:
    doc = span.doc
    s, e = span.start, span.end
    while s < e and doc[s].is_space:
        s += 1
    while e > s and doc[e - 1].is_space:
        e -= 1
    return doc[s:e]


# --------------------------------------------------------------------------- triggers


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _trigger(t: Token) -> tuple[str, str] | None:
    """(category, kind) for a casualty word; kind is verb / intrans / adj / noun / weak."""
    low, lem = t.text.lower(), _lemma(t)
    if t.pos_ in ("VERB", "AUX") or low in lex.PARTICIPLES:
        verb = lex.PARTICIPLES.get(low, lem)
        if verb in lex.TRANSITIVE:
            return lex.TRANSITIVE[verb], "verb"
        if lem in lex.INTRANSITIVE and t.pos_ == "VERB":
            return lex.INTRANSITIVE[lem], "intrans"
        if lem in lex.WEAK_INJURY_VERBS and t.pos_ == "VERB":
            return "injured", "weak"
    if t.pos_ in ("ADJ", "VERB", "NOUN") and low in lex.ADJECTIVES:
        return lex.ADJECTIVES[low], "adj"
    if t.pos_ == "NOUN" and lem in lex.NOUNS:
        return lex.NOUNS[lem], "noun"
    if (
        t.pos_ == "NOUN"
        and low == "shooting"
        and any(
            (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "poss" and c.pos_ != "PRON")
            for c in t.children
        )
    ):
        fatal = any(c.lower_ in ("fatal", "deadly") for c in t.children)
        return ("killed", "noun") if fatal else ("injured", "shooting")
    return None


def _phrase_trigger(t: Token) -> tuple[str, str] | None:
    """Multi-word casualty phrases headed by a light verb."""
    lem = _lemma(t)
    if t.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(t.children)
    if lem in ("take", "hold", "seize") and any(
        c.lower_ in lex.HOSTAGE_WORDS
        and c.dep_ in ("oprd", "dobj", "attr", "xcomp", "advmod", "npadvmod")
        for c in kids
    ):
        return "kidnapped", "verb"
    if lem == "take" and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children)
        for c in kids
    ):
        return "arrested", "verb"
    if lem in ("hit", "strike", "graze", "wound") and t.tag_ in ("VBN", "VBD"):
        agent = next((c for c in kids if c.dep_ == "agent"), None)
        if agent is not None and any(
            p.lower_ in lex.BULLET_WORDS or p.lemma_.lower() in lex.BULLET_WORDS
            for p in agent.children
        ):
            return "injured", "weak"  # "was struck by a stray bullet"
        subj = _subject(t, ("nsubj",))
        if subj is not None and subj.lemma_.lower() in lex.BULLET_WORDS and _object(t) is not None:
            return "injured", "weak"  # "a bullet struck the girl"
        if lem == "graze":
            return "injured", "weak"
    if lem == "survive" and any(c.dep_ == "neg" for c in kids):
        return "killed", "intrans"  # "he did not survive"
    if lem == "lose" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in kids
    ):
        return "killed", "intrans"
    if lem in ("claim", "take") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in kids
    ):
        return "killed", "lives"
    return None


def _in_question(t: Token, sent: Span) -> bool:
    """ "Someone died?": the clause of the trigger ends with a question mark."""
    for x in sent.doc[t.i + 1 : min(sent.end, t.i + 8)]:
        if x.text == "?":
            return True
        if x.text in (".", ";", ",", "!"):
            return False
    return False


_NUMBER_OF = {
    "dead": "killed",
    "deaths": "killed",
    "fatalities": "killed",
    "killed": "killed",
    "injured": "injured",
    "wounded": "injured",
    "injuries": "injured",
    "missing": "missing",
    "arrests": "arrested",
    "detainees": "arrested",
    "hostages": "kidnapped",
}


def _stat_category(t: Token) -> str | None:
    """ "death toll" -> killed; "the number of injured" -> injured; else None."""
    lem = _lemma(t)
    if lem == "toll" and any(c.lower_ in ("death", "casualty") for c in t.children if c.i < t.i):
        return "killed"
    if lem in ("number", "tally", "count"):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None and p.lower_ in _NUMBER_OF:
                    return _NUMBER_OF[p.lower_]
    return None


def _toll_number(t: Token) -> Token | None:
    """The number a death toll is given as ("the death toll rose to 17", "a toll of 40")."""
    if _stat_category(t) is None:
        return None
    for c in t.children:
        if c.dep_ == "nummod" and c.like_num:
            return c
        if c.dep_ == "prep" and c.lower_ in ("of", "at"):
            n = next((x for x in c.children if x.dep_ == "pobj" and x.like_num), None)
            if n is not None:
                return n
    h = t.head
    if h.lemma_.lower() in lex.TOLL_VERBS and t.dep_ in ("nsubj", "dobj", "nsubjpass"):
        for c in h.children:
            if c.dep_ in ("attr", "dobj", "npadvmod") and c.like_num:
                return c
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                n = next((x for x in c.children if x.dep_ == "pobj" and x.like_num), None)
                if n is not None:
                    return n
    # the parse may miss it: "... toll from the flood rose to at least 280"
    doc = t.doc
    for x in doc[t.i + 1 : min(len(doc), t.i + 25)]:
        if x.is_sent_start or x.text in (".", ";") or "\n" in x.text:
            break
        if x.like_num and _is_count_token(x, True):
            j = x.i - 1
            while j > t.i and doc[j].lower_ in (
                "at",
                "least",
                "more",
                "than",
                "about",
                "nearly",
                "almost",
                "around",
                "over",
            ):
                if doc[j].lower_ == "at" and doc[j + 1].lower_ != "least":
                    break
                j -= 1
            if doc[j].lower_ in (
                "to",
                "at",
                "of",
                "is",
                "was",
                "reached",
                "hit",
                "stood",
                "stands",
            ):
                return x
            return None
    return None


def _is_negated(t: Token) -> bool:
    if any(c.dep_ == "neg" for c in t.children):
        return True
    head = t.head
    return (
        t.dep_ in ("conj", "xcomp")
        and head.i != t.i
        and any(c.dep_ == "neg" for c in head.children)
    )


def _is_irrealis(t: Token) -> bool:
    """Hypothetical or intended events: "could have been killed", "tried to kill", "if hurt"."""
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    words = {c.text.lower() for c in auxes}
    window = [x.lower_ for x in t.doc[max(0, t.i - 4) : t.i]]
    if set(window) & _MODALS and set(window) & {"have", "'ve", "\u2019ve"}:
        return True  # "could've easily died" (the parse may not attach the auxiliaries)
    if words & _MODALS and words & {"have", "'ve", "’ve", "of"}:
        return True
    if any(c.text.lower() == "to" and c.dep_ == "aux" for c in auxes):
        # "was found to be dead" is real; "threatened to kill" is not
        return t.head.lemma_.lower() not in ("find", "confirm", "report", "believe", "say")
    if any(c.dep_ == "mark" and c.text.lower() in ("if", "unless", "lest") for c in t.children):
        return True
    return bool(words & {"will", "'ll"}) and not any(c.dep_ == "auxpass" for c in auxes)


# --------------------------------------------------------------------------- victims


def _subject(v: Token, deps: tuple[str, ...] = ("nsubjpass", "nsubj")) -> Token | None:
    """The subject nearest before the verb (a dateline parsed as a second subject loses)."""
    subs = [c for c in v.children if c.dep_ in deps and c.lower_ not in ("it", "there")]
    if not subs:
        return None
    before = [c for c in subs if c.i < v.i]
    return max(before, key=lambda c: c.i) if before else subs[0]


def _object(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    return None


def _is_passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (
        v.tag_ == "VBN"
        and v.dep_ in ("acl", "amod", "relcl", "advcl", "conj", "ROOT", "ccomp", "oprd")
        and _object(v) is None
    )


def _resolve_relative(tok: Token, clause: Token) -> Token:
    """ "a man who was killed": the relative pronoun stands for the noun the clause modifies."""
    if tok.lower_ in lex.RELATIVES and clause.dep_ in ("relcl", "acl"):
        return clause.head
    return tok


def _victim_of_verb(v: Token, kind: str) -> Token | None:
    if kind in ("verb", "weak"):
        obj = _object(v)
        if obj is not None and not _is_passive_with_subject(v):
            return _resolve_relative(obj, v)
        subj = _subject(v, ("nsubjpass",))
        if subj is not None:
            return _resolve_relative(subj, v)
        if (
            v.tag_ == "VBN"
            and obj is None
            and not any(c.lemma_.lower() == "have" and c.dep_ == "aux" for c in v.children)
        ):
            subj = _subject(v, ("nsubj",))
            if subj is not None:
                return _resolve_relative(subj, v)  # "... and three others injured"
        if v.tag_ == "VBD" and obj is None:
            subj = _subject(v, ("nsubj",))
            if (
                subj is not None
                and (v.dep_ == "conj" or subj.like_num)
                and (
                    subj.like_num
                    or subj.lower_ in ("others", "another")
                    or any(c.dep_ == "nummod" for c in subj.children)
                )
            ):
                return subj  # "one was killed and three others injured" (tagged as a past tense)
        if (v.dep_ == "amod" and v.tag_ in ("VBN", "JJ")) or (v.dep_ == "acl" and v.tag_ == "VBN"):
            return v.head  # "a man killed in the attack", "the injured man"
        if v.dep_ in ("xcomp", "oprd", "ccomp") and v.head.lemma_.lower() in (
            "find",
            "leave",
            "report",
            "discover",
        ):
            h = v.head
            hs = _subject(h, ("nsubjpass",)) or _object(h)
            if hs is not None:
                return _resolve_relative(hs, h)  # "five people were found shot"
        if v.dep_ == "relcl":
            return None
        if v.dep_ == "conj" and v.head.i != v.i:
            h = v.head
            hs = _subject(h, ("nsubjpass",))
            if hs is not None and _is_passive(v):
                return _resolve_relative(hs, h)  # "were shot and killed"
            if h.dep_ in ("acl", "amod") and _is_passive(v):
                return h.head
        subj = _subject(v)
        if (
            subj is not None
            and v.tag_ == "VBN"
            and _object(v) is None
            and any(c.dep_ == "auxpass" for c in v.children)
        ):
            return _resolve_relative(subj, v)
        return None
    if kind == "intrans":
        subj = _subject(v)
        if subj is not None:
            return _resolve_relative(subj, v)
        if v.dep_ == "conj":
            hs = _subject(v.head)
            if hs is not None:
                return _resolve_relative(hs, v.head)
        if v.dep_ in ("acl", "relcl"):
            return v.head
        return None
    if kind in ("adj", "verb", "weak"):
        num = next((c for c in v.children if c.dep_ == "nummod" and c.i < v.i and c.like_num), None)
        if num is not None and _subject(v) is None and _object(v) is None:
            return num  # headline "9 dead, 2 injured"
    if kind == "adj":
        if v.dep_ == "amod":
            return v.head  # "the dead man", "4 dead"
        own = _subject(v)
        if own is not None:
            return _resolve_relative(own, v)
        h = v.head
        if v.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj", "attr", "dep"):
            if (
                h.lemma_.lower() in ("leave", "find", "report", "confirm", "declare", "pronounce")
                and _object(h) is not None
            ):
                return _resolve_relative(_object(h), h)  # "left four people dead"
            hs = _subject(h)
            if hs is not None:
                return _resolve_relative(hs, h)
        if v.dep_ in ("acl", "relcl", "appos"):
            return v.head
        return None
    return None


def _is_passive_with_subject(v: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in v.children)


def _victim_of_noun(n: Token) -> tuple[Token | None, Token | None]:
    """(victim token, count token) for a noun trigger ("death of X", "X's death", "17 deaths")."""
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "to"):
            for p in c.children:
                if p.dep_ == "pobj" and c.lower_ == "of":
                    return p, None
        if c.dep_ == "poss":
            return c, None
    for c in n.children:
        if c.dep_ == "nummod" and c.like_num:
            return None, c
    # injury nouns: "he suffered gunshot wounds", "a man with injuries", "treated for wounds"
    if _lemma(n) in ("injury", "wound"):
        h = n.head
        if n.dep_ == "dobj" and h.lemma_.lower() in lex.BEARER_VERBS:
            s = _subject(h)
            if s is None and h.dep_ in ("acl", "relcl", "advcl") and h.tag_ == "VBG":
                return h.head if h.dep_ != "advcl" else _subject(h.head), None
            if s is None and h.dep_ == "conj":
                s = _subject(h.head)
            return (_resolve_relative(s, h) if s is not None else None), None
        if n.dep_ == "pobj" and h.lower_ in ("with", "for", "from") and h.head.i != h.i:
            g = h.head
            while g.lemma_.lower() in lex.CARRIER_NOUNS and g.head.i != g.i:
                g = g.head
                if g.pos_ == "ADP" and g.head.i != g.i:
                    g = g.head
            if g.pos_ in ("NOUN", "PROPN", "PRON"):
                return g, None
            s = _subject(g) or next((c for c in g.children if c.dep_ == "dobj"), None)
            return (_resolve_relative(s, g) if s is not None else None), None
    return None, None


# --------------------------------------------------------------------------- counts


def _number_tokens(head: Token) -> list[Token]:
    """The tokens of the number whose head is ``head`` ("3.5 million", "two dozen")."""
    toks = [head]
    for c in head.children:
        if c.dep_ in ("compound", "nummod", "quantmod") and (
            c.like_num or c.lower_ in ("dozen", "a", "an")
        ):
            toks.append(c)
    toks.sort(key=lambda t: t.i)
    # contiguous only
    run = [t for t in toks if abs(t.i - head.i) <= 3]
    return run


def _is_count_token(t: Token, trust_parse: bool = False) -> bool:
    """A number that can count people; ``trust_parse`` for a direct nummod of the victims' noun."""
    if t.ent_type_ in _NOT_COUNT_ENTS and not (
        trust_parse and t.ent_type_ in ("DATE", "TIME", "QUANTITY")
    ):
        return False
    if not (
        t.like_num or t.lower_ in ("dozen", "dozens", "hundreds", "thousands", "scores", "millions")
    ):
        return False
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    doc = t.doc
    j = t.i + 1
    while j + 1 < len(doc) and doc[j].text in ("-", "‐", "‑") and j - t.i < 5:
        if doc[j + 1].lower_.startswith(("year", "month", "week", "day")):
            return False  # "23-year-old", "twenty-five-year-old"
        j += 2
    if (
        nxt is not None
        and nxt.lower_.startswith(("year", "month"))
        and t.i + 2 < len(doc)
        and doc[t.i + 2].text in ("-", "old")
    ):
        return False  # "2 year-old"
    if nxt is not None and nxt.lower_ in ("%", "percent", "am", "pm", "a.m.", "p.m.", "o'clock"):
        return False
    return not (t.i > 0 and t.nbor(-1).text in ("$", "#", "£", "€", ":"))


def _hedge_before(first: Token, sent_start: int) -> tuple[str | None, Token | None]:
    """Hedge words right before a number ("at least", "more than"); and "between" ranges."""
    doc = first.doc
    words = [doc[i] for i in range(max(sent_start, first.i - 3), first.i)]
    h = match_hedge([w.text for w in words])
    if h:
        return h, words[len(words) - len(h.split())]
    return None, None


def _quantity(
    tok: Token, sent: Span, trust_parse: bool = False
) -> tuple[int | None, int | None, int | None, str | None] | None:
    """(count, min, max, qualifier) of the number headed by ``tok``; None when it is no count."""
    if not _is_count_token(tok, trust_parse):
        return None
    toks = _number_tokens(tok)
    text = " ".join(t.text for t in toks)
    q = parse_number(text)
    if q is None:
        return None
    hedge, _ = _hedge_before(toks[0], sent.start)
    # "between 3 and 5", "3 to 5", "three or four"
    doc = tok.doc
    if toks[0].i > sent.start and doc[toks[0].i - 1].lower_ == "between":
        for c in tok.children:
            if c.dep_ == "conj" and c.like_num:
                hi = parse_number(c.text)
                if hi is not None and hi.value is not None and q.value is not None:
                    return q.value, q.value, hi.value, doc[toks[0].i - 1 : c.i + 1].text
    end = toks[-1].i
    if (
        end + 2 < sent.end
        and doc[end + 1].lower_ in ("to", "or", "-", "–")
        and doc[end + 2].like_num
    ):
        hi = parse_number(doc[end + 2].text)
        if hi is not None and hi.value is not None and q.value is not None and hi.value > q.value:
            return q.value, q.value, hi.value, None
    c, lo, hi = apply_hedge(q, hedge)
    if q.vague:
        return None, lo, hi, hedge
    return c, lo, hi, hedge


def _noun_count(head: Token, sent: Span) -> tuple[int | None, int | None, int | None, str | None]:
    """Count of a victims noun phrase headed by a noun: its nummod, "a", "both", or none."""
    for c in head.children:
        if (
            c.dep_ in ("nummod", "quantmod", "amod", "compound")
            and c.i < head.i
            and _is_count_token(c, c.dep_ == "nummod")
        ):
            r = _quantity(c, sent, c.dep_ == "nummod")
            if r is not None:
                return r
    for c in head.lefts:
        if c.dep_ in ("poss", "det", "prep", "relcl", "acl", "appos"):
            continue
        for t in c.subtree:
            if t.i < head.i and t.dep_ in ("nummod", "compound", "quantmod") and _is_count_token(t):
                r = _quantity(t, sent)
                if r is not None:
                    return r
    for c in head.children:
        if c.dep_ in ("det", "predet") and c.i < head.i:
            low = c.lower_
            if low in ("no",):
                return 0, 0, 0, None
            if low in lex.DET_COUNTS and lex.DET_COUNTS[low] is not None:
                n = lex.DET_COUNTS[low]
                return n, n, n, None
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        return 1, 1, 1, None
    # a singular noun or a name: one person ("the victim", "Jihad Cromer")
    if (
        head.tag_ in ("NN", "NNP")
        and head.lower_ not in ("police", "people", "staff", "family", "crowd")
        and (head.tag_ == "NNP" or any(c.dep_ in ("det", "poss") for c in head.children))
    ):
        return 1, 1, 1, None
    return None, None, None, None


def _victim_words(head: Token) -> str:
    """The victims' noun with its noun compounds ("service members", "fighter", "people")."""
    if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        toks = [t for t in head.subtree if t.ent_type_ == "PERSON" and t.i <= head.i]
        return " ".join(t.text for t in toks) if toks else head.text
    if head.lower_ == "old" and any(c.lower_.startswith("year") for c in head.children):
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ != "det"]
        return head.doc.text[toks[0].idx : head.idx + len(head.text)]
    left = []
    i = head.i - 1
    while i >= 0:
        t = head.doc[i]
        if t.head.i == head.i and t.dep_ == "compound" and t.pos_ == "NOUN" and not t.like_num:
            left.insert(0, t)
            i -= 1
            continue
        break
    return " ".join(t.text for t in [*left, head])


def _count_victims(
    v: Token, sent: Span, no_conj: bool = False
) -> tuple[tuple[int | None, int | None, int | None, str | None], str | None, str | None, bool]:
    """(count tuple, victims text, victims head lemma, partitive) for a victim token."""
    low = v.lower_
    if v.ent_type_ == "ORDINAL" and any(
        c.lower_ in ("a", "an", "another", "the") for c in v.children
    ):
        return (1, 1, 1, None), None, None, False  # "a fifth was struck"
    if v.like_num or low in ("dozens", "hundreds", "thousands", "scores"):
        # "four" as the victims (ellipsis) or partitive "one of its fighters"
        q = _quantity(v, sent) or (None, None, None, None)
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                p = next((x for x in c.children if x.dep_ == "pobj"), None)
                if p is not None:
                    return q, _victim_words(p), _lemma(p), True
        return q, None, None, False
    if low == "both":
        return (2, 2, 2, None), None, None, False
    if low in lex.SINGULAR_PRONOUNS and not any(c.dep_ == "conj" for c in v.children):
        return (1, 1, 1, None), None, None, False
    if low in lex.PLURAL_PRONOUNS:
        if any(c.lower_ == "both" for c in v.children) or (
            v.i + 1 < sent.end and v.nbor(1).lower_ == "both"
        ):
            return (2, 2, 2, None), None, None, False
        q = _noun_count(v, sent)
        return (q if q[0] is not None else (None, None, None, None)), None, None, False
    if v.tag_ == "PRP$" or (v.dep_ == "poss" and v.pos_ == "PRON"):
        n = 1 if low in ("his", "her") else None
        return (n, n, n, None), None, None, False
    if v.pos_ == "PRON" and low in ("one", "someone", "somebody", "anyone", "anybody"):
        n = None if low in ("anyone", "anybody") else 1
        return (n, n, n, None), None, None, False
    # coordinated victims: "a man and a woman", "a father and daughter"
    conjs = [
        c
        for c in v.children
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") and _trigger(c) is None
    ]
    if v.pos_ == "PRON" and conjs:  # "her and his wife"
        q0 = (1, 1, 1, None) if low in lex.SINGULAR_PRONOUNS else (None, None, None, None)
    else:
        q0 = None
    q = q0 or _noun_count(v, sent)
    words = _victim_words(v)
    if conjs and not any(c.dep_ == "appos" for c in v.children) and not no_conj:
        total = q[0]
        for c in conjs:
            cq = (1, 1, 1, None) if c.lower_ in lex.SINGULAR_PRONOUNS else _noun_count(c, sent)
            if cq[0] is None and c.tag_ in ("NN", "NNP"):
                cq = (1, 1, 1, None)
            total = None if total is None or cq[0] is None else total + cq[0]
        if total is not None:
            q = (total, total, total, None)
            words = " and ".join([words] + [_victim_words(c) for c in conjs])
    # "dozens of people": the vague number is the head of the phrase
    return q, words, _lemma(v), False


# --------------------------------------------------------------------------- provenance


def _np_text(head: Token, drop_det: bool = True) -> str:
    """A noun phrase without its leading article and right-hand modifiers."""
    doc = head.doc
    left = [t for t in head.subtree if t.i <= head.i]
    # keep only the contiguous block ending at the head
    start = head.i
    for t in sorted(left, key=lambda x: -x.i):
        if t.i == start - 1 or t.i == start:
            start = t.i
    toks = [doc[i] for i in range(start, head.i + 1)]
    if drop_det:
        while toks and toks[0].dep_ in ("det", "punct") and toks[0].i < head.i:
            toks = toks[1:]
    parts = [doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]] if toks else [head.text]
    for c in head.children:
        if c.dep_ == "conj":
            cc = next((x for x in head.children if x.dep_ == "cc"), None)
            parts.append((cc.text + " " if cc is not None else "") + _np_text(c, drop_det=False))
    return " ".join(parts)


def _resolve_speaker(
    tok: Token, sent: Span, entities_by_start: list[tuple[int, Entity]]
) -> str | None:
    """Pronouns and "the official" resolved against earlier sentences."""
    low = tok.lower_
    doc = tok.doc
    if low in ("he", "she"):
        best = None
        for start, ent in entities_by_start:
            if start < tok.idx and ent.type == "PERSON":
                best = ent
        return best.name if best is not None else None  # an unresolved pronoun says nothing
    if tok.pos_ == "PRON":
        return None  # "they said": no source named
    if (
        tok.pos_ == "NOUN"
        and any(c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("compound", "amod") for c in tok.children)
    ):
        for prev in reversed(doc[: sent.start]):
            if (
                prev.lemma_.lower() == tok.lemma_.lower()
                and prev.pos_ == "NOUN"
                and any(c.dep_ in ("compound", "amod") for c in prev.children)
            ):
                return _np_text(prev)
    return _np_text(tok)


def _attribution(
    trigger: Token, sent: Span, entities_by_start: list[tuple[int, Entity]]
) -> str | None:
    # "according to X"
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor(1).lower_ == "to":
            p = next((x for x in t.nbor(1).children if x.dep_ == "pobj"), None)
            if p is not None:
                return _resolve_speaker(p, sent, entities_by_start)
    # reporting verb governing the trigger, or the sentence's root
    cands = []
    t = trigger
    while t.head.i != t.i and sent.start <= t.head.i < sent.end:
        t = t.head
        cands.append(t)
    for t in sent:
        if t.dep_ == "ROOT" and t not in cands:
            cands.append(t)
        if (
            t.dep_ in ("parataxis", "advcl", "conj")
            and t.lemma_.lower() in lex.REPORTING
            and t not in cands
        ):
            cands.append(t)
    for v in cands:
        if v.lemma_.lower() in lex.REPORTING and v.pos_ in ("VERB", "AUX"):
            s = next((c for c in v.children if c.dep_ in ("nsubj",)), None)
            if s is None:
                agent = next((c for c in v.children if c.dep_ == "agent"), None)
                if agent is not None:
                    s = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if (
                s is not None
                and sent.start <= s.i < sent.end
                and s.lower_ not in ("it", "that", "which", "who", "i", "we", "you")
            ):
                return _resolve_speaker(s, sent, entities_by_start)
    return None


def _says_unverified(sent: Span) -> bool:
    for t in sent:
        low = t.lower_
        if low in lex.UNVERIFIED_WORDS:
            return True
        if t.lemma_.lower() in lex.VERIFY_VERBS or low.startswith(
            ("verif", "confirm", "independently")
        ):
            window = [x.lower_ for x in t.doc[max(sent.start, t.i - 4) : t.i]]
            if any(w in ("not", "n't", "unable", "cannot", "never") for w in window):
                return True
            if any(c.dep_ == "neg" for c in t.children):
                return True
    return False


def _refers_to_figure(sent: Span) -> bool:
    words = {t.lower_ for t in sent[:6]}
    return bool(words & lex.FIGURE_REFERENTS)


def _location(
    f: _Figure, locs: list[tuple[int, int, Entity]], gpe_names: set[str]
) -> tuple[str | None, bool]:
    """The place the figure's sentence names: preferably one inside the figure's own clause."""
    sent = f.sent
    doc = sent.doc
    cands: list[tuple[int, str, str, Span]] = []
    for s, e, ent in locs:
        if s >= sent.start_char and e <= sent.end_char:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                cands.append((s, ent.name, ent.type, span))
    if not cands:  # the entity list may have typed the place otherwise; the parse's own labels
        for e in sent.ents:
            if e.label_ in _LOCATION_TYPES:
                cands.append((e.start_char, " ".join(e.text.split()), e.label_, e))
    clause = {t.i for t in _clause_tokens(f.trigger)}

    def modifier(c) -> bool:  # "U.S. military base": a modifier rather than the place
        return c[3].root.dep_ in ("compound", "amod", "poss", "nmod")

    tiers = (
        [c for c in cands if c[3].root.i in clause and not modifier(c)],
        [
            c for c in cands if c[3].root.i in clause and c[3].root.dep_ == "compound"
        ],  # "the Erbil attack"
        [c for c in cands if not modifier(c)],
    )
    best = next((t for t in tiers if t), None)
    if best is None:
        return None, False
    _, name, typ, _ = min(best, key=lambda c: c[0])
    if typ == "FAC":
        for gpe in gpe_names:
            if name.startswith(gpe + " "):
                return gpe, True
    return name, typ == "GPE"


# --------------------------------------------------------------------------- main


_YEAR_RE = re.compile(r"\b(1[89]|20)\d\d\b")
_DAY_RE = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
}
_PERIOD_RE = re.compile(
    r"\b(this|last|past|previous|the) (year|decade)\b|\bso far\b|\bsince\b|\bwithin\b"
    r"|\b(past|last|previous|recent) (few |several |\w+ )?(weeks|months|years|decades)\b"
    r"|\b(years|months|decades)\b|\b(per|each|every|a) year\b|\bannual|\byear-to-date\b"
)


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's clause: its subtree, and for a noun or participle the governing verb's."""
    root = trigger
    if trigger.dep_ in (
        "amod",
        "acl",
        "dobj",
        "pobj",
        "nsubj",
        "nsubjpass",
        "acomp",
        "oprd",
        "attr",
        "relcl",
        "advcl",
    ):
        root = trigger.head
        if root.pos_ == "ADP":
            root = root.head
    return list(root.subtree)


def _is_tally(trigger: Token, sent: Span) -> bool:
    """A figure over a period or over several incidents ("45 killed in July", "in separate shootings")."""
    for t in sent:
        if (
            t.lower_ in ("from", "between")
            and any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") and "year" not in c.lower_
                for c in t.children
            )
            and any(x.lower_ in ("to", "through", "until", "and") and x.i > t.i for x in sent)
            and not any(x.lower_ in ("age", "ages", "aged") for x in sent)
        ):
            return True  # "from Tuesday afternoon to early Wednesday"
    toks = [x for x in _clause_tokens(trigger) if sent.start <= x.i < sent.end]
    seen_ents = set()
    for t in toks:
        if t.ent_type_ == "DATE" and t.ent_iob_ != "O":
            # the whole DATE entity this token belongs to
            ent = next((e for e in sent.ents if e.start <= t.i < e.end), None)
            if ent is None or ent.start in seen_ents:
                continue
            seen_ents.add(ent.start)
            text = ent.text.lower()
            before = {x.lower_ for x in sent.doc[max(sent.start, ent.start - 3) : ent.start]}
            if re.search(r"\bold\b|\bof age\b|\bages?\b|\baged\b", text) or "age" in before:
                continue  # "whose ages ranged from 19 to 24 years"
            if _YEAR_RE.search(text):
                return True
            words = set(re.findall(r"[a-z]+", text))
            if words & _MONTHS and not _DAY_RE.search(_YEAR_RE.sub("", text)):
                return True
            if _PERIOD_RE.search(text):
                return True
        low = t.lower_
        if low in lex.TALLY_EVENTS and (
            t.head.lower_ in ("in", "from", "during", "across", "over", "of", "amid")
            or any(
                c.like_num or c.lower_ in ("separate", "several", "multiple") for c in t.children
            )
        ):
            return True
        if low == "separate" and t.head.lower_ in lex.TALLY_EVENTS | {
            "incidents",
            "shootings",
            "attacks",
        }:
            return True
    return False


def _fatal_number(t: Token) -> bool:
    """ "Four people were shot, one fatally": the number modified by "fatally"."""
    return (t.like_num or t.lower_ in ("all", "both")) and any(
        c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in t.children
    )


def _figures_in_sentence(sent: Span) -> list[_Figure]:
    figs: list[_Figure] = []
    if sent.text.rstrip(" \"'”’").endswith("?"):
        return figs  # a question reports nothing
    for t in sent:
        trig = _trigger(t) or _phrase_trigger(t)
        if trig is None and _lemma(t) in ("toll", "number", "tally", "count"):
            n = _toll_number(t)
            if n is not None and sent.start <= n.i < sent.end and not _is_tally(t, sent):
                q = _quantity(n, sent, trust_parse=True)
                if q is not None and q[0]:
                    figs.append(
                        _Figure(
                            _stat_category(t) or "killed",
                            q[0],
                            q[1],
                            q[2],
                            q[3],
                            None,
                            None,
                            sent,
                            t,
                            n,
                        )
                    )
            continue
        if trig is None:
            if _fatal_number(t):
                q, words, head, part = _count_victims(t, sent)
                if q[0] and not _is_tally(t, sent):
                    figs.append(
                        _Figure(
                            "killed",
                            q[0],
                            q[1],
                            q[2],
                            q[3],
                            words,
                            head,
                            sent,
                            t,
                            t,
                            partitive=part,
                            subset=True,
                        )
                    )
            continue
        category, kind = trig
        if (_is_negated(t) and _lemma(t) != "survive") or _is_irrealis(t) or _in_question(t, sent):
            continue
        if kind == "noun" and any(
            c.lower_ in ("attempted", "attempt", "alleged") for c in t.children
        ):
            continue
        if kind == "lives":  # "claimed the lives of three firefighters"
            lives = next(c for c in t.children if c.dep_ == "dobj")
            kind = "noun"
            victim, count_tok = _victim_of_noun(lives)
        elif kind == "shooting":  # "the shooting of a 3-year-old girl": hurt unless told dead
            victim, count_tok = _victim_of_noun(t)
            kind = "weak"
            if victim is not None and (
                victim.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "ORG")
                or victim.pos_ == "PRON"
            ):
                continue
        elif kind == "noun":
            if (
                category == "injured"
                and t.head.lower_ in ("of", "from")
                and t.head.head.lemma_.lower() in ("die", "succumb")
            ):
                continue  # "died of his injuries"
            victim, count_tok = _victim_of_noun(t)
        else:
            victim, count_tok = _victim_of_verb(t, kind), None
        if kind == "weak" and any(
            c.lower_ in ("down", "up", "out") and c.dep_ == "prt" for c in t.children
        ):
            continue  # "shot down a helicopter", "shot up the house"
        if (
            kind in ("intrans", "verb")
            and any(
                c.dep_ == "prt" and c.lower_ in ("down", "off", "out", "away") for c in t.children
            )
            and _lemma(t) in ("die",)
        ):
            continue  # "the media dies down"
        if _lemma(t) == "hurt" and kind == "verb" and _object(t) is not None:
            continue  # active "hurt" is nearly always figurative ("it hurt his campaign")
        if kind == "weak" and any(
            c.lower_ in ("dead",)
            or (
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(g.lower_ == "death" for g in c.children)
            )
            for c in t.children
        ):
            category, kind = "killed", "verb"  # "shot dead", "stabbed to death"
        if kind in ("verb", "weak") and any(
            c.lower_ in ("fatally", "mortally") for c in t.children
        ):
            category, kind = "killed", "verb"
        weak = kind == "weak" or (kind == "noun" and category == "injured" and not _survives(t))
        if victim is not None and not sent.start <= victim.i < sent.end:
            victim = None  # a parse that runs across a paragraph break
        if count_tok is not None and not sent.start <= count_tok.i < sent.end:
            count_tok = None
        if (
            victim is None
            and count_tok is None
            and kind in ("adj", "verb", "intrans", "weak")
            and t.i > sent.start
        ):
            prev = t.doc[t.i - 1]
            if prev.like_num and prev.dep_ not in ("nummod",) and _is_count_token(prev):
                victim = prev  # headline "2 dead, 3 hurt"
        if victim is None and count_tok is None:
            continue
        if victim is not None:
            vl = victim.lemma_.lower()
            if (
                victim.lower_ in lex.NOBODY
                or vl in lex.NOT_VICTIMS
                or victim.lower_ in lex.NOT_VICTIMS
            ):
                continue
            if (
                victim.lower_ != "old"
                and victim.ent_type_
                in ("DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
                and not victim.like_num
            ):
                continue
            if any(c.dep_ == "det" and c.lower_ == "no" for c in victim.children):
                continue
            if victim.pos_ == "PRON" and victim.lower_ in (
                "it",
                "this",
                "what",
                "something",
                "anything",
                "everything",
                "nothing",
                "you",
            ):
                continue
            if victim.lower_ in lex.IDIOM_REFLEXIVES or not any(ch.isalnum() for ch in victim.text):
                continue
            if victim.lower_ in ("someone", "anyone", "somebody", "anybody") and t.tag_ in (
                "VBZ",
                "VBP",
            ):
                continue  # generic: "when someone dies in custody"
            if (
                victim.pos_ in ("ADJ", "ADV", "VERB", "ADP", "PUNCT", "SYM", "X")
                and victim.lower_ != "old"
                and victim.ent_type_ != "ORDINAL"
            ):
                continue
        if count_tok is not None:
            q = _quantity(count_tok, sent) or (None, None, None, None)
            words, head, part = None, None, False
            if q[0] is None and q[1] is None:
                continue
        else:
            q, words, head, part = _count_victims(
                victim, sent, no_conj=(t.dep_ == "amod" and t.head.i == victim.i)
            )
        if q[0] == 0:
            continue
        if q[0] is None and t.tag_ in ("VBZ", "VBP") and kind == "verb":
            continue  # generic present ("the enemy kills the protectors")
        if _is_tally(t, sent):
            continue  # "45 killed in July", "in separate shootings"
        figs.append(
            _Figure(
                category,
                q[0],
                q[1],
                q[2],
                q[3],
                words,
                head,
                sent,
                t,
                victim,
                weak=weak,
                partitive=part,
                subset=part
                or (
                    victim is not None
                    and victim.like_num
                    and victim.dep_ in ("npadvmod", "appos", "conj", "nsubjpass", "nsubj")
                    and kind != "weak"
                    and words is None
                ),
            )
        )
    # the same victims under two triggers ("were shot and killed"): keep the stronger one
    out: list[_Figure] = []
    for f in figs:
        dup = next(
            (
                g
                for g in out
                if g.victim_tok is not None
                and f.victim_tok is not None
                and g.victim_tok.i == f.victim_tok.i
            ),
            None,
        )
        if dup is None:
            out.append(f)
            continue
        if (dup.weak and not f.weak) or (f.category == "killed" and dup.category == "injured"):
            out[out.index(dup)] = f  # "shot and killed", "hurt and killed": one death
        elif (
            not dup.weak
            and not f.weak
            and dup.category != f.category
            and "killed" not in (f.category, dup.category)
        ):
            out.append(f)
    # elliptical victims: "killed one fighter and wounded four" -> four fighters
    for i, f in enumerate(out):
        if (
            f.victims is None
            and f.victim_tok is not None
            and (f.victim_tok.like_num or f.victim_tok.lower_ in ("others", "another"))
            and not f.partitive
        ):
            prev = next(
                (
                    g
                    for g in reversed(out[:i])
                    if g.victims and g.victim_tok is not None and g.victim_tok.pos_ == "NOUN"
                ),
                None,
            )
            if prev is not None:
                f.victims, f.victim_head = prev.victims, prev.victim_head
    # "six people were shot, two of them fatally": the shot who died are not also hurt
    killed = [f for f in out if f.category == "killed" and f.count]
    final: list[_Figure] = []
    for f in out:
        if f.weak and f.count and killed:
            k = sum(g.count for g in killed if g.subset) or 0
            if k and k < f.count:
                f.adjusted = True
                f.count = f.count - k
                f.count_min = f.count if f.count_min is not None else None
                f.count_max = f.count if f.count_max is not None else None
                f.qualifier = f.qualifier
                final.append(f)
                continue
            if (
                not any(g.subset for g in killed)
                and f.count <= max(g.count for g in killed)
                and not _is_other(f)
            ):
                if any(_same_people(f, g) for g in killed):
                    continue  # "Lewis died after he was shot": the same person
                f.contrast = True  # "an officer was shot and the suspect was killed"
        final.append(f)
    return final


_SURVIVAL_WORDS = (
    "non",
    "minor",
    "survive",
    "stable",
    "treated",
    "released",
    "recover",
    "good condition",
)


def _survives(t: Token) -> bool:
    """An injury word whose phrase or sentence says the victim lives ("non-life-threatening")."""
    text = t.sent.text.lower()
    return any(w in text for w in _SURVIVAL_WORDS)


def _same_people(a: _Figure, b: _Figure) -> bool:
    va, vb = a.victim_tok, b.victim_tok
    if va is None or vb is None or va.pos_ == "PRON" or vb.pos_ == "PRON":
        return True
    if va.i == vb.i:
        return True
    return _lemma(va) == _lemma(vb) or va.ent_type_ == vb.ent_type_ == "PERSON"


def _is_other(f: _Figure) -> bool:
    v = f.victim_tok
    return v is not None and (
        v.lower_ in ("others", "another")
        or any(
            c.lower_ in ("another", "other", "others", "second", "third", "more", "additional")
            for c in v.children
        )
    )


def _anaphoric(f: _Figure) -> bool:
    """Victims told as someone already introduced: definite, possessed, pronoun, name, partitive."""
    v = f.victim_tok
    if f.partitive:
        return True
    if v is None:
        return False
    if v.pos_ == "PRON" and v.lower_ not in (
        "someone",
        "somebody",
        "one",
        "another",
        "others",
        "himself",
        "herself",
        "themselves",
    ):
        return True  # a reflexive is the attacker, not the victim told before
    if v.pos_ == "PROPN" and v.ent_type_ == "PERSON":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "both"))
        or c.dep_ == "poss"
        for c in v.children
    ) and not any(c.lower_ in ("another", "other", "second", "third", "fourth") for c in v.children)


def _distinct_names(a: _Figure, b: _Figure) -> bool:
    """Two different named people are two victims."""
    va, vb = a.victim_tok, b.victim_tok
    return (
        va is not None
        and vb is not None
        and va.ent_type_ == vb.ent_type_ == "PERSON"
        and va.pos_ == vb.pos_ == "PROPN"
        and va.lower_ != vb.lower_
    )


_REFLEXIVES = {"himself", "herself", "themselves"}


def _different_places(a: _Figure, b: _Figure) -> bool:
    """Two towns or countries; two streets or buildings of one incident are not enough."""
    return bool(
        a.location and b.location and a.location != b.location and a.place_level and b.place_level
    )


def _merge_key_compatible(a: _Figure, b: _Figure) -> bool:
    if a.category != b.category or a.count != b.count:
        return False
    if a.sent.start == b.sent.start:
        return False  # two figures of one sentence are two statements
    if any(f.victim_tok is not None and f.victim_tok.lower_ in _REFLEXIVES for f in (a, b)):
        return False  # "... before killing himself": the attacker, another death
    if _different_places(a, b):
        return False
    if a.count is None:
        return a.victim_head is not None and a.victim_head == b.victim_head
    if a.victim_head and b.victim_head:
        return a.victim_head == b.victim_head and not _distinct_names(a, b)
    return b.partitive or a.partitive or b.victim_head is None or a.victim_head is None


def extract_casualties(doc: Doc, entities: list[Entity]) -> list[Casualty]:
    """Casualty figures of one parsed article body (see the module docstring).

    Never raises: an unexpected parse must not cost the article its entities and quotes.
    """
    try:
        return _extract(doc, entities)
    except Exception:
        log.exception("casualty extraction failed")
        return []


def _extract(doc: Doc, entities: list[Entity]) -> list[Casualty]:
    if not doc.text.strip():
        return []
    ent_starts = sorted(((s, e) for e in entities for s, _ in e.mentions), key=lambda x: x[0])
    locs = [
        (s, e_, ent) for ent in entities if ent.type in _LOCATION_TYPES for s, e_ in ent.mentions
    ]
    gpe_names = {ent.name for ent in entities if ent.type == "GPE"}
    sents = _sentences(doc)
    figures: list[_Figure] = []
    for k, sent in enumerate(sents):
        try:
            found = _figures_in_sentence(sent)
        except Exception:  # one odd parse must not lose the article's other figures
            log.exception("casualty extraction failed on a sentence")
            continue
        if not found:
            continue
        unverified = _says_unverified(sent) or (
            k + 1 < len(sents)
            and _says_unverified(sents[k + 1])
            and _refers_to_figure(sents[k + 1])
        )
        for f in found:
            f.attribution = _attribution(f.trigger, sent, ent_starts)
            f.confirmed = False if unverified else None
            f.location, f.place_level = _location(f, locs, gpe_names)
            f.mentions = [(sent.start_char, sent.end_char)]
        figures.extend(found)
    # weak "shot" figures: dropped when the article says the same victims died
    max_killed = max((f.count for f in figures if f.category == "killed" and f.count), default=0)
    kept: list[_Figure] = []
    for f in figures:
        if (
            f.weak
            and max_killed
            and (f.count or 1) <= max_killed
            and not _is_other(f)
            and not f.contrast
        ):
            continue  # "was shot" / "a gunshot wound" told of someone the article says died
        if (
            f.weak
            and f.trigger.pos_ == "VERB"
            and f.count
            and max_killed
            and f.count > max_killed
            and not (f.adjusted or f.contrast or _is_other(f))
        ):
            # "five people were shot" ... "one of them died": the shot who died are not injured
            f.count -= max_killed
            f.count_min = f.count if f.count_min is not None else None
            f.count_max = f.count if f.count_max is not None else None
            f.adjusted = True
        kept.append(f)
    # a figure with neither number nor victims ("those killed") tells nothing new
    kept = [f for f in kept if f.count is not None or f.count_min is not None or f.victims]
    # the same figure told again: one figure, several mentions
    merged: list[_Figure] = []
    for f in kept:
        same = next((g for g in merged if _merge_key_compatible(g, f)), None)
        if same is None and _anaphoric(f):
            # "the boy", "he", "Jihad Cromer", "one of the victims": someone already counted
            cands = [
                g
                for g in merged
                if g.category == f.category
                and g.sent.start != f.sent.start
                and g.count is not None
                and f.count is not None
                and f.count <= g.count
                and not _different_places(g, f)
                and not _distinct_names(g, f)
            ]
            same = cands[-1] if cands else None
        if same is None:
            merged.append(f)
            continue
        span = (f.sent.start_char, f.sent.end_char)
        if span not in same.mentions:
            same.mentions.append(span)
        if same.victims is None and f.victims:
            same.victims, same.victim_head = f.victims, f.victim_head
        if same.attribution is None and f.attribution:
            same.attribution = f.attribution
    return [
        Casualty(
            category=f.category,
            count=f.count,
            count_min=f.count_min,
            count_max=f.count_max,
            qualifier=f.qualifier,
            victims=f.victims,
            attribution=f.attribution,
            confirmed=f.confirmed,
            location=f.location,
            sentence=f.sent.text,
            start=f.sent.start_char,
            end=f.sent.end_char,
            mentions=f.mentions,
        )
        for f in merged
    ]
