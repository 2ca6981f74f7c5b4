"""Where a casualty figure comes from: who reported it, whether it is unconfirmed, where.

Who reported it is resolved by the document's coreference layer (``etl.extract.coref``), the
same one the quote extractor uses: a pronoun goes to the person or group it stands for, "the
official" to the fuller description or the name written earlier, a source that is no entity is
given as its noun phrase ("hospital official").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import etl.extract.casualties.lexicon as lex
from etl.extract.casualties.context import DocContext
from etl.extract.casualties.triggers import clause_tokens, lemma

# --------------------------------------------------------------------------- speakers


def attribution(trigger: Token, sent: Span, ctx: DocContext) -> str | None:
    """Who reported the figure: "according to X", or the subject of a reporting verb."""
    if ctx.coref is None:
        return None
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor(1).lower_ == "to":
            p = next((x for x in t.nbor(1).children if x.dep_ == "pobj"), None)
            if p is not None:
                return ctx.coref.resolve(p, brief=True)
    for v in _reporting_candidates(trigger, sent):
        if lemma(v) in lex.REPORTING and v.pos_ in ("VERB", "AUX"):
            s = _reporter(v)
            if s is not None and sent.start <= s.i < sent.end and s.lower_ not in lex.NOT_SPEAKERS:
                return ctx.coref.resolve(s, brief=True)
    return None


def _reporting_candidates(trigger: Token, sent: Span) -> list[Token]:
    """The verbs governing the trigger, the sentence's roots, and side reporting clauses."""
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
            and lemma(t) in lex.REPORTING
            and t not in cands
        ):
            cands.append(t)
    return cands


def _reporter(v: Token) -> Token | None:
    s = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if s is None:
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            s = next((c for c in agent.children if c.dep_ == "pobj"), None)
    return s


# --------------------------------------------------------------------------- confirmed


def says_unverified(sent: Span) -> bool:
    for t in sent:
        low = t.lower_
        if low in lex.UNVERIFIED_WORDS:
            return True
        if lemma(t) in lex.VERIFY_VERBS or low.startswith(lex.VERIFY_PREFIXES):
            window = [x.lower_ for x in t.doc[max(sent.start, t.i - 4) : t.i]]
            if any(w in lex.NEGATION_WORDS for w in window):
                return True
            if any(c.dep_ == "neg" for c in t.children):
                return True
    return False


def refers_to_figure(sent: Span) -> bool:
    words = {t.lower_ for t in sent[:6]}
    return bool(words & lex.FIGURE_REFERENTS)


# --------------------------------------------------------------------------- place


def location(trigger: Token, sent: Span, ctx: DocContext) -> tuple[str | None, bool]:
    """The place the figure's sentence names: preferably one inside the figure's own clause."""
    doc = sent.doc
    cands: list[tuple[int, str, str, Span]] = []
    for s, e, ent in ctx.locs_in(sent.start_char, sent.end_char):
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            cands.append((s, ent.name, ent.type, span))
    if not cands:  # the entity list may have typed the place otherwise; the parse's own labels
        for e in ctx.sent_ents(sent):
            if e.label_ in lex.LOCATION_TYPES:
                cands.append((e.start_char, " ".join(e.text.split()), e.label_, e))
    clause = {t.i for t in clause_tokens(trigger)}

    def modifier(c) -> bool:  # "U.S. military base": a modifier rather than the place
        return c[3].root.dep_ in ("compound", "amod", "poss", "nmod")

    tiers = (
        [c for c in cands if c[3].root.i in clause and not modifier(c)],
        [c for c in cands if c[3].root.i in clause and c[3].root.dep_ == "compound"],
        [c for c in cands if not modifier(c)],
    )
    best = next((t for t in tiers if t), None)
    if best is None:
        return None, False
    _, name, typ, _ = min(best, key=lambda c: c[0])
    if typ == "FAC":
        for gpe in ctx.gpe_names:
            if name.startswith(gpe + " "):
                return gpe, True
    return name, typ == "GPE"
