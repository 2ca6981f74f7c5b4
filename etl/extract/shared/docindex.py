"""Offsets of one parsed body computed once and shared by the extractors.

``Doc.text`` rebuilds the whole string on every access, and ``Token.sent`` scans for the sentence
start, so helpers that use them per token make long articles quadratic. :func:`index_of` returns
the :class:`DocIndex` of a Doc (built on first use and kept in ``doc.user_data``): the text, the
start offset of every token, the paragraph (non-blank line) of every token and the sentence bounds,
so "same paragraph", "token at offset" and "sentence of token" are constant or logarithmic.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

_KEY = "newsetl.docindex"


@dataclass
class DocIndex:
    text: str
    tok_starts: list[int]
    tok_para: list[int]  # paragraph number of every token (a line break starts a new one)
    sent_start: list[int]  # token index of the sentence start, for every token
    sent_end: list[int]  # token index after the sentence end, for every token

    def same_para(self, a: Token | int, b: Token | int) -> bool:
        i = a if isinstance(a, int) else a.i
        j = b if isinstance(b, int) else b.i
        return self.tok_para[i] == self.tok_para[j]

    def tok_at(self, char: int) -> int:
        """Index of the token that covers (or last starts before) ``char``."""
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def first_tok_from(self, char: int) -> int:
        """Index of the first token that starts at or after ``char``."""
        return bisect.bisect_left(self.tok_starts, char)

    def para_of_char(self, char: int) -> int:
        return self.tok_para[self.tok_at(char)] if self.tok_starts else 0

    def sent_bounds(self, i: int) -> tuple[int, int]:
        return self.sent_start[i], self.sent_end[i]


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of every token: one more after each token whose text or trailing
    whitespace holds a line break (two tokens share a paragraph when no line break lies between
    the start of the first and the start of the second)."""
    out: list[int] = []
    para = 0
    for t in doc:
        out.append(para)
        if "\n" in t.text_with_ws:
            para += 1
    return out


def _sentences(doc: Doc) -> tuple[list[int], list[int]]:
    n = len(doc)
    starts, ends = [0] * n, [n] * n
    try:
        sents = list(doc.sents)
    except ValueError:  # no parser and no sentencizer: one sentence
        return starts, ends
    for s in sents:
        for i in range(s.start, s.end):
            starts[i], ends[i] = s.start, s.end
    return starts, ends


def index_of(doc: Doc) -> DocIndex:
    """The shared index of ``doc`` (built once)."""
    idx = doc.user_data.get(_KEY)
    if idx is not None and len(idx.tok_starts) == len(doc):
        return idx
    text = doc.text
    tok_para = _paragraphs(doc)
    sent_start, sent_end = _sentences(doc)
    idx = DocIndex(text, [t.idx for t in doc], tok_para, sent_start, sent_end)
    doc.user_data[_KEY] = idx
    return idx
