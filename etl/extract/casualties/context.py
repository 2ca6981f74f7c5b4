"""What the casualty extractor needs of a whole document, computed once per document.

spaCy's ``Doc.text`` and ``Doc.ents`` rebuild their result on every access, so code that asks
for them per token or per figure grows with the square of the article's length. This module
reads each once: the text, the entity spans with a token -> entity index, the sentences split
at blank lines, and the entity mentions the casualty figures are located and attributed with.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

import etl.extract.casualties.lexicon as lex
from etl.extract.coref import Coref
from etl.models import Entity


@dataclass
class DocContext:
    doc: Doc
    text: str
    ents: list[Span]
    ent_index: list[int]  # per token: index into ``ents`` or -1
    ent_starts: list[tuple[int, Entity]]  # (char start, entity) of every mention, sorted
    locs: list[tuple[int, int, Entity]]  # place mentions, sorted by start
    gpe_names: set[str]
    coref: Coref | None  # the document's coreference layer: who reported a figure (None: a headline)
    _loc_starts: list[int] = field(default_factory=list)
    _ent_token_starts: list[int] = field(default_factory=list)

    def span_text(self, start_char: int, end_char: int) -> str:
        return self.text[start_char:end_char]

    def ent_at(self, i: int) -> Span | None:
        k = self.ent_index[i]
        return self.ents[k] if k >= 0 else None

    def sent_ents(self, sent: Span) -> list[Span]:
        """The entity spans wholly inside ``sent`` (as ``Span.ents`` gives them)."""
        lo = bisect_left(self._ent_token_starts, sent.start)
        out = []
        for e in self.ents[lo:]:
            if e.start >= sent.end:
                break
            if e.end <= sent.end:
                out.append(e)
        return out

    def locs_in(self, start_char: int, end_char: int) -> list[tuple[int, int, Entity]]:
        lo = bisect_left(self._loc_starts, start_char)
        hi = bisect_right(self._loc_starts, end_char)
        return [x for x in self.locs[lo:hi] if x[1] <= end_char]


def build_context(doc: Doc, entities: list[Entity], coref: Coref | None = None) -> DocContext:
    ents = list(doc.ents)
    ent_index = [-1] * len(doc)
    for k, e in enumerate(ents):
        for i in range(e.start, e.end):
            ent_index[i] = k
    ent_starts = sorted(((s, e) for e in entities for s, _ in e.mentions), key=lambda x: x[0])
    locs = sorted(
        (
            (s, e_, ent)
            for ent in entities
            if ent.type in lex.LOCATION_TYPES
            for s, e_ in ent.mentions
        ),
        key=lambda x: x[0],
    )
    ctx = DocContext(
        doc=doc,
        text=doc.text,
        ents=ents,
        ent_index=ent_index,
        ent_starts=ent_starts,
        locs=locs,
        gpe_names={ent.name for ent in entities if ent.type == "GPE"},
        coref=coref,
    )
    ctx._loc_starts = [x[0] for x in locs]
    ctx._ent_token_starts = [e.start for e in ents]
    return ctx


def sentences(doc: Doc) -> list[Span]:
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
    return [strip_span(s) for s in out]


def strip_span(span: Span) -> Span:
    doc = span.doc
    s, e = span.start, span.end
    while s < e and doc[s].is_space:
        s += 1
    while e > s and doc[e - 1].is_space:
        e -= 1
    return doc[s:e]


def token_text_range(ctx: DocContext, first: Token, last: Token) -> str:
    """The text from ``first`` to ``last`` inclusive, as written (spacing kept)."""
    return ctx.span_text(first.idx, last.idx + len(last.text))
