"""Indirect quotes: the clausal complements of reporting verbs ("X said (that) …") and
"according to X, …", trimmed to what was said."""

from __future__ import annotations

from spacy.tokens import Token

from etl.extract.quotes.clauses import (
    MIN_INDIRECT_TOKENS,
    SUBJ_DEPS,
    before_next_report,
    clause_start,
    drop_trailing_participle,
    inner_bounds,
    is_cue,
    same_paragraph,
    subject_of,
    with_dangling_conjunct,
)
from etl.extract.quotes.lexicon import (
    ADDRESSEE_VERBS,
    CONTENT_MARKS,
    INDIRECT_LEMMAS,
    NON_SPEAKER_NOUNS,
    WH_WORDS,
)


class IndirectQuotes:
    """Methods of the extractor (see ``extractor._Extractor``) for reported speech."""

    # ------------------------------------------------------------------ indirect quotes
    def indirect_candidates(self) -> list[tuple[int, int, Token, Token | None]]:
        out = []
        doc = self.doc
        for v in doc:
            if self.in_quote[v.i]:
                continue
            if v.lower_ == "according":
                c = self._according(v)
                if c:
                    out.extend(c if isinstance(c, list) else [c])
                continue
            if v.lemma_.lower() not in INDIRECT_LEMMAS or v.pos_ not in ("VERB", "AUX"):
                continue
            subj = subject_of(v, self.in_quote)
            if subj is None or subj.lemma_.lower() in NON_SPEAKER_NOUNS:
                continue
            if self.co.is_furniture(v.idx):  # "READ MORE: …" links; other labels ("EARNINGS:") stay
                continue
            # the clause's verb may sit in a quoted fragment when the clause opens before it
            # (said the poster “badly misjudges the mood” at the meeting)
            comp = [c for c in v.children if c.dep_ == "ccomp" and same_paragraph(c, v)
                    and (not self.in_quote[c.i] or (c.left_edge.i > v.i and not self.in_quote[c.left_edge.i]))]
            comp.sort(key=lambda c: (c.i < v.i, abs(c.i - v.i)))
            if not comp:
                comp = self._that_clause_on_noun(v)  # "said in a statement that …"
            span = None
            if comp:
                c = comp[0]
                toks = with_dangling_conjunct([t for t in doc[clause_start(c, v) : c.right_edge.i + 1]], v)
                if c.i > v.i:
                    # a clause the parser split into two complements ("said he feels | voting yes
                    # was a misstep"): the next complement right after this one joins it
                    for c2 in comp[1:]:
                        gap = [t for t in doc[toks[-1].i + 1 : c2.left_edge.i] if not (t.is_punct or t.is_space)]
                        if c2.i > c.i and not gap:
                            toks = list(doc[toks[0].i : c2.right_edge.i + 1])
                    toks = self._with_content_continuation(toks, v)
                toks = before_next_report(toks, v)
                # drop the cue clause itself when the complement wraps around it
                toks = [t for t in toks if not (t.i == v.i or t.i == subj.i)]
                span = self._trim(drop_trailing_participle(toks), v)
            elif v.dep_ == "parataxis" and (around := self._around(v, *inner_bounds(v))) is not None:
                out.extend(around if isinstance(around, list) else [around])
                continue
            elif v.dep_ in ("parataxis", "ccomp", "conj") and v.head.i < v.i and (v.i >= v.sent.end - 4 or v.dep_ == "parataxis") \
                    and not any(is_cue(a) for a in v.ancestors):  # not a verb inside another's report
                # "The strikes killed one fighter, the official said."
                sent = v.sent
                left = min(t.i for t in v.subtree)
                toks = list(doc[sent.start : left])
                span = self._trim(toks, v)
            elif v.dep_ == "ROOT":
                # "…, officials said." parsed with the content as a left-hand clause
                lefts = [c for c in v.lefts if c.dep_ in ("advcl", "dep", "ccomp") and c.pos_ in ("VERB", "AUX")
                         and not any(m.dep_ in ("mark", "advmod") and m.i < c.i for m in c.children)
                         and any(x.dep_ in SUBJ_DEPS for x in c.children)]
                if lefts:
                    c = lefts[0]
                    span = self._trim(list(doc[c.left_edge.i : c.right_edge.i + 1]), v)
            if span and not self._not_a_statement(v, span):
                out.append((span[0], span[1], v, subj))
        return out

    def _that_clause_on_noun(self, v: Token) -> list[Token]:
        """The complement of a reporting verb that the parser hung as a that-clause on a noun of
        the verb's own phrase ("said in a statement that …", "told the show on Monday that …").
        The noun must hang on the verb through objects and prepositions only; a direct object
        counts only for verbs whose object is the addressee ("told reporters that …"), not for
        "denied the claim that …" (the clause tells what the claim is)."""
        for t in v.subtree:
            if t.dep_ != "acl" or t.i <= v.i or not same_paragraph(t, v) or self.in_quote[t.i]:
                continue
            if not any(c.dep_ == "mark" and c.lower_ == "that" and c.i < t.i for c in t.children) \
                    or not any(c.dep_ in SUBJ_DEPS for c in t.children):
                continue
            n = t.head
            if n.dep_ == "dobj" and n.head.i == v.i and v.lemma_.lower() not in ADDRESSEE_VERBS:
                continue
            h = n
            while h.i != v.i and h.dep_ in ("pobj", "prep", "dobj", "npadvmod", "compound"):
                h = h.head
            if h.i == v.i:
                return [t]
        return []

    def _with_content_continuation(self, toks: list[Token], v: Token) -> list[Token]:
        """The reported clause goes on with a clause the parser hung on the reporting verb after it:
        a condition, cause or purpose ("… unless they know …", "…, so he can …", "… because …") or
        a contrast with its own subject ("…, but that timeframe can be …")."""
        while True:
            last = toks[-1].i
            nxt = None
            for x in v.children:
                if x.i <= last or x.dep_ in ("cc", "punct") or x.sent.start != v.sent.start or self.in_quote[x.i] \
                        or is_cue(x):
                    continue
                if not same_paragraph(x.right_edge, v):
                    continue
                gap = [t for t in v.doc[last + 1 : x.left_edge.i] if not (t.is_punct or t.is_space)]
                if x.dep_ == "advcl":
                    marks = [m.lower_ for m in x.children if m.dep_ == "mark" and m.i < x.i]
                    if marks and marks[0] in CONTENT_MARKS and not gap:
                        nxt = x
                elif x.dep_ == "conj" and [t.lower_ for t in gap] in (["but"], ["so"]) \
                        and any(c.dep_ in SUBJ_DEPS for c in x.children):
                    nxt = x
                break
            if nxt is None:
                return toks
            toks = list(v.doc[toks[0].i : nxt.right_edge.i + 1])

    def _not_a_statement(self, v: Token, span: tuple[int, int]) -> bool:
        """Questions and refusals: "would not say whether …", "declined to say why …"."""
        first = self.text[span[0] : span[1]].split(None, 1)[0].lower().strip(",")
        if first in WH_WORDS:
            return True
        if any(c.dep_ == "neg" for c in v.children):
            return True
        return v.dep_ == "xcomp" and v.head.lemma_.lower() in ("decline", "refuse", "fail")

    def _according(self, v: Token):
        nxt = v.nbor(1) if v.i + 1 < len(self.doc) else None
        if nxt is None or nxt.lower_ != "to":
            return None
        sent = v.sent
        phrase = list(v.subtree)
        a, b = phrase[0].i, phrase[-1].i
        if a == sent.start:
            if not any(c.dep_ in SUBJ_DEPS and not (a <= c.i <= b) for c in v.head.children):
                # "According to X, the rate is …" with the clause's subject swallowed into the
                # phrase as an apposition: the phrase ends at its first comma
                comma = next((t for t in phrase if t.text == "," and t.i > v.i + 1), None)
                if comma is not None:
                    b = comma.i
            toks = list(self.doc[b + 1 : sent.end])
        elif b >= sent.end - 2:
            toks = list(self.doc[sent.start : a])
        else:
            return self._around(v, *inner_bounds(v), interrupts=True)
        span = self._trim(toks, v)
        if span is None:
            return None
        return (span[0], span[1], v, None)

    def _around(self, v: Token, a: int, b: int, interrupts: bool = False):
        """A reported sentence interrupted by its attribution, tokens [a, b] set off by commas
        ("Farmers, X says, have no way to …", "Most shops, according to X, will close …", "It is
        on her watch, X said, that …"): one quote of the words before and after it (text joined
        like a split direct quote, offsets from the first word to the last). Only when the
        attribution interrupts the clause (its verb is hung on a verb after it, or the rest
        goes on with "that"); quoted words are left to the direct pass."""
        doc, sent = self.doc, v.sent
        if a - 1 <= sent.start or b + 2 >= sent.end or doc[a - 1].text != "," or doc[b + 1].text != ",":
            return None
        rest = [t for t in doc[b + 2 : sent.end] if not t.is_space]
        if not (interrupts or v.head.i > b or (rest and rest[0].lower_ == "that")):
            return None
        if any(self.in_quote[t.i] for t in doc[sent.start : sent.end]):
            return None
        before = self._trim(list(doc[sent.start : a - 1]), v, min_words=1)
        after = self._trim(rest, v)
        if before is None or after is None:
            return None
        if self._trim(list(doc[sent.start : a - 1]), v) is not None:
            return [(before[0], before[1], v, None), (after[0], after[1], v, None)]
        text = self.text[before[0] : before[1]] + " " + self.text[after[0] : after[1]]
        return (before[0], after[1], v, None, text)

    def _trim(self, toks: list[Token], v: Token, min_words: int = MIN_INDIRECT_TOKENS) -> tuple[int, int] | None:
        while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in ("that",) and toks[0].dep_ == "mark"):
            toks = toks[1:]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            if toks[-1].text in "”\"" :
                break
            toks = toks[1:] if False else toks[:-1]
        words = [t for t in toks if not t.is_punct and not t.is_space]
        if len(words) < min_words:
            return None
        if any(self.in_quote[t.i] for t in toks) and all(self.in_quote[t.i] or t.is_punct for t in toks):
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if "\n" in self.text[start:end]:
            return None
        return start, end
