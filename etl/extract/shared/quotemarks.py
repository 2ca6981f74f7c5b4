"""Pairing of double quote marks in a text, paragraph by paragraph.

Straight and curly double quotes, and the doubled apostrophes of archive texts, are paired; single
quotes are left alone (they are apostrophes or quotes nested inside a double-quoted passage and
stay part of its text). A second opening mark inside an open quote is a typo within that quote
(“A. “B.” is one quote). A quote opened and not
closed by the end of its paragraph runs to the paragraph end (multi-paragraph quotes reopen the
next paragraph with a new opening mark, which starts a new span).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab"  # “ „ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
_MARKS_RE = re.compile(r'["\u201c\u201d\u201e\u00ab\u00bb]')
_PARA_RE = re.compile(r"[^\n]+")
_OPEN_CONTEXT = set(" \t([{\u2014\u2013-/:;,")
# Archive and wire texts write a double quote as two apostrophes (''…'') or backticks (``…''):
# read as one straight mark plus a filler character that counts as neither space nor word.
_DOUBLED_RE = re.compile(r"''|``")
_FILLER = "\x00"


@dataclass
class QuoteSpan:
    """Text between a pair of quote marks: ``start``/``end`` exclude the marks and outer blanks."""

    start: int
    end: int
    open_pos: int  # offset of the opening mark
    close_pos: int | None  # offset of the closing mark; None when the paragraph ended first
    para_start: int
    para_end: int

    @property
    def outer_end(self) -> int:
        return self.close_pos + 1 if self.close_pos is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of ``text``."""
    out = []
    for m in _PARA_RE.finditer(text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


def _role(text: str, i: int, start: int, end: int, is_open: bool) -> str:
    ch = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if ch in OPENERS:
        # a curly opener typed where a closer belongs: “…“ he said
        if is_open and not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?"):
            return "close"
        return "open"
    if ch in CLOSERS:
        # a curly closer typed where an opener belongs: ”Mr. Trump is …”
        if not is_open and prev.isspace() and not nxt.isspace() and nxt not in ",.;:!?":
            return "open"
        if not is_open and i == start:  # ”… at the very start of a paragraph opens a quote
            return "open"
        return "close"
    if (prev.isspace() or prev in _OPEN_CONTEXT) and not nxt.isspace():
        return "open" if not (is_open and prev in ",;:" ) else "close"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return "close" if is_open else "open"


def _family(ch: str) -> str:
    return "straight" if ch == STRAIGHT else "curly"


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without blanks at both ends, a doubled mark's filler at the start and a stray
    opening mark at the end."""
    while a < b and (text[a].isspace() or text[a] == _FILLER):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in OPENERS):
        b -= 1
    return a, b


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level double-quoted spans of ``text`` in order (nested double quotes stay inside)."""
    text = _DOUBLED_RE.sub(STRAIGHT + _FILLER, text)  # same offsets
    spans: list[QuoteSpan] = []
    for pa, pb in paragraphs(text):
        stack: list[int] = []  # positions of open marks; stack[0] is the outer one
        for m in _MARKS_RE.finditer(text, pa, pb):
            i = m.start()
            role = _role(text, i, pa, pb, bool(stack))
            if role == "open":
                if stack and _family(text[stack[-1]]) == _family(text[i]):
                    # same kind of mark while one is open: a nested quote left unclosed ends
                    # here; at the top level it is a stray opener inside the one quote
                    if len(stack) > 1:
                        stack.pop()
                    continue
                stack.append(i)
            else:
                if not stack:
                    # stray closing mark: an opening mark left out after the attribution
                    # ("“A,” she said. B.”") or at the start of a continued paragraph
                    start = _stray_start(text, spans, pa, i)
                    if start is not None:
                        _add(spans, text, start - 1, i, i, pa, pb)
                    continue
                o = stack.pop()
                if not stack:
                    _add(spans, text, o, i, i, pa, pb)
        if stack:
            _add(spans, text, stack[0], None, pb, pa, pb)
    return spans


def _add(spans, text, o, close, end, pa, pb) -> None:
    a, b = _trimmed(text, o + 1, end)
    if b > a and re.search(r"\w", text[a:b]):
        spans.append(QuoteSpan(a, b, o, close, pa, pb))


_SENT_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|vs))(?<!\b(?:Mrs|Gov|Sen|Rep|Gen|Col|Sgt|Ave))[.!?]\s+(?=[A-Z\u2018'])")


def _stray_start(text: str, spans: list[QuoteSpan], pa: int, close: int) -> int | None:
    """Where the quote that ends with the unmatched mark at ``close`` began, if it can be told."""
    prev = spans[-1] if spans else None
    if prev is not None and prev.para_start == pa and prev.close_pos is not None:
        m = _SENT_END.search(text, prev.outer_end, close)
        if m is None:
            return None
        start = m.end()
        if '"' in text[start:close] or "\u201c" in text[start:close]:
            return None
        return start
    if prev is not None and prev.close_pos is None and prev.para_start < pa and not text[prev.para_end : pa].strip():
        return pa
    return None


def quote_of_tokens(tok_starts: list[int], spans: list[QuoteSpan]) -> list[int | None]:
    """For every token (given by its start offset): the number of the quote span it lies in,
    opening and closing marks included, or None."""
    out: list[int | None] = [None] * len(tok_starts)
    for k, sp in enumerate(spans):
        a = bisect.bisect_left(tok_starts, sp.open_pos)
        b = bisect.bisect_left(tok_starts, sp.outer_end)
        for i in range(a, b):
            out[i] = k
    return out
