"""Where a casualty figure comes from: who reported it, whether it is unconfirmed, where.

The speaker resolution here (``resolve_speaker``) is deliberately small and self-contained:
a pronoun goes to the last person named before it, "the official" to the last fuller mention
of the same noun. It is the one place to swap for a document-wide coreference layer.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from etl.extract import casualty_lexicon as lex
from etl.extract.casualty_context import DocContext
from etl.extract.casualty_triggers import clause_tokens, lemma

# --------------------------------------------------------------------------- speakers


def np_text(head: Token, drop_det: bool = True) -> str:
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
    parts = [doc[toks[0].i : toks[-1].i + 1].text] if toks else [head.text]
    for c in head.children:
        if c.dep_ == "conj":
            cc = next((x for x in head.children if x.dep_ == "cc"), None)
            parts.append((cc.text + " " if cc is not None else "") + np_text(c, drop_det=False))
    return " ".join(parts)


def resolve_speaker(tok: Token, sent: Span, ctx: DocContext) -> str | None:
    """Pronouns and "the official" resolved against earlier sentences."""
    low = tok.lower_
    if low in ("he", "she"):
        return ctx.last_person_before(tok.idx)  # an unresolved pronoun says nothing
    if tok.pos_ == "PRON":
        return None  # "they said": no source named
    if (
        tok.pos_ == "NOUN"
        and any(c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("compound", "amod") for c in tok.children)
    ):
        places = ctx.modified_nouns().get(lemma(tok), [])
        k = bisect_left(places, sent.start)
        if k:
            return np_text(ctx.doc[places[k - 1]])
    return np_text(tok)


def attribution(trigger: Token, sent: Span, ctx: DocContext) -> str | None:
    """Who reported the figure: "according to X", or the subject of a reporting verb."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor(1).lower_ == "to":
            p = next((x for x in t.nbor(1).children if x.dep_ == "pobj"), None)
            if p is not None:
                return resolve_speaker(p, sent, ctx)
    for v in _reporting_candidates(trigger, sent):
        if lemma(v) in lex.REPORTING and v.pos_ in ("VERB", "AUX"):
            s = _reporter(v)
            if s is not None and sent.start <= s.i < sent.end and s.lower_ not in lex.NOT_SPEAKERS:
                return resolve_speaker(s, sent, ctx)
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
