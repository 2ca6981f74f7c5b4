"""The quote extractor: one run over a parsed body, direct and indirect quotes in text order so
that the coreference layer hears about every speaker in order."""

from __future__ import annotations

import bisect
import logging

from spacy.tokens import Doc, Token

from etl.extract.coref import Coref, Speaker, build_coref
from etl.extract.quotes.clauses import (
    CARRY_MID_PARAGRAPH,
    LABEL_SPEAKER_RE,
    MIN_DIRECT_WORDS,
    MIN_DIRECT_WORDS_UNATTRIBUTED,
    MIN_EMBEDDED_WORDS,
    WORD_RE,
    cue_words,
    dedup,
    is_title,
)
from etl.extract.quotes.direct import DirectQuotes
from etl.extract.quotes.indirect import IndirectQuotes
from etl.extract.quotes.lexicon import (
    ALL_PRONOUNS,
)
from etl.extract.quotes.state import RunState
from etl.extract.shared.quotemarks import QuoteSpan
from etl.models import Entity, Quote

log = logging.getLogger(__name__)


class _Extractor(DirectQuotes, IndirectQuotes):
    def __init__(self, doc: Doc, co: Coref):
        self.doc = doc
        self.co = co
        self.text = co.index.text
        self.spans = co.quote_spans
        self.in_quote = co.in_quote
        self.quote_of_tok = co.quote_of_tok
        self.tok_starts = co.index.tok_starts
        self.forced_subject: dict[int, Token] = {}

    # ------------------------------------------------------------------ helpers
    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def toks_between(self, a: int, b: int) -> list[Token]:
        i = bisect.bisect_left(self.tok_starts, a)
        j = bisect.bisect_left(self.tok_starts, b)
        return [self.doc[k] for k in range(i, j)]


    def run(self) -> list[Quote]:
        st = RunState()
        # pass 1: indirect candidates (needed to know which quote spans sit inside reported speech)
        indirect = self.indirect_candidates()
        # pass 2: direct quotes in text order, with indirect quotes interleaved, so that the
        # coreference layer hears about every speaker in order
        events: list[tuple[int, str, object]] = [(sp.start, "d", k) for k, sp in enumerate(self.spans)]
        events += [(cand[0], "i", cand) for cand in indirect]
        events.sort(key=lambda e: (e[0], e[1]))
        st.attrib = {k: self.attribution(k) for k in range(len(self.spans))}
        for _pos, kind, obj in events:
            if kind == "d":
                self._direct(obj, st)
            else:
                self._indirect(obj, st)
        for k, sp in enumerate(self.spans):  # quote spans without a reporting verb of their own
            if k not in st.quotes_by_span and k not in st.consumed:
                self._unattributed(k, sp, st)
        for k in st.consumed:
            st.quotes_by_span.pop(k, None)
        self._merge_split_quotes(st.quotes_by_span, st.attrib, st.speakers)
        out = list(st.quotes_by_span.values()) + dedup(st.ind_quotes)
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _direct(self, k: int, st: RunState) -> None:
        sp = self.spans[k]
        cue, how = st.attrib[k]
        nwords = len(WORD_RE.findall(self.text[sp.start : sp.end]))
        short = nwords < MIN_DIRECT_WORDS and not (cue is not None and how == "after" and self._sentence_like(sp))
        if short or is_title(self.text[sp.start : sp.end]) \
                or (cue is not None and how == "embedded" and nwords < MIN_EMBEDDED_WORDS):
            st.consumed.add(k)
            return
        if cue is None:
            return
        if how == "dash":  # “…” ― Jane Doe
            spk, role, qkind, cue_text = self.co.speaker_of(cue)[0], None, "direct", None
        else:
            spk, role = self.speaker_from_cue(cue)
            qkind, cue_text = ("mixed" if how == "embedded" else "direct"), cue_words(cue)
        self.co.note(cue.idx, spk, role)
        st.add(k, self._quote(sp.start, sp.end, spk, qkind, cue_text), spk, sp.para_start)

    def _indirect(self, cand, st: RunState) -> None:
        start, end, v, _subj = cand[:4]
        joined = cand[4] if len(cand) > 4 else None  # the words around an interrupting source
        if any(self._span_overlaps_quote(start, end, strict=True)):
            return
        spk, role = self.speaker_from_cue(v)
        self.co.note(v.idx, spk, role)
        if spk.name is None:
            return
        inner = list(self._span_overlaps_quote(start, end, strict=False))
        qkind = "indirect"
        if inner:
            qlen = sum(self.spans[j].end - self.spans[j].start for j in inner)
            first = min(self.spans[j].open_pos for j in inner)
            lead = len(WORD_RE.findall(self.text[start:first]))
            if lead < 3 and qlen > 0.6 * (end - start):
                return  # essentially a quote: the direct pass handles it
            if any(self.spans[j].start < start for j in inner):
                return
            end = max([end] + [self.spans[j].end for j in inner])
            qkind = "mixed"
            st.consumed.update(inner)
        quote = self._quote(start, end, spk, qkind, cue_words(v))
        if joined is not None and qkind == "indirect":
            quote.text = joined
        st.ind_quotes.append(quote)

    def _unattributed(self, k: int, sp: QuoteSpan, st: RunState) -> None:
        """A quote span with no reporting verb: the speaker of the nearest quote of the same
        paragraph, of the paragraph a running quote ends in, or the current speaker."""
        spk = None
        same = st.by_para.get(sp.para_start, [])
        if same:
            spk = st.speakers.get(min(same, key=lambda j: abs(j - k)))
        if spk is None and sp.close_pos is None:
            spk = self._speaker_further_on(k, st)
        if spk is None and not same:  # “…” / - Jane Doe.   or   Jane Doe had an answer: “…”
            spk = self._trailer(sp) or self._introducer(sp, colon_only=True)
        if spk is None and not same and (CARRY_MID_PARAGRAPH or self._opens_paragraph(sp)):
            spk = self.co.carried_speaker(sp.start)  # a follow-on quote: the current speaker
        words = len(WORD_RE.findall(self.text[sp.start : sp.end]))
        if spk is None and (words < MIN_DIRECT_WORDS_UNATTRIBUTED or not self._sentence_like(sp)):
            return
        if spk is None and words < MIN_DIRECT_WORDS_UNATTRIBUTED + 3 and not self._opens_paragraph(sp):
            return
        label = LABEL_SPEAKER_RE.match(self.text, sp.start, sp.end)
        if spk is None and label:  # "PENCE: Well, …"
            name = label.group(1).title()
            spk = Speaker(self.co.expand_short(name) if " " not in name else name, "PERSON")
            st.add(k, self._quote(label.end(), sp.end, spk, "direct", None), spk, sp.para_start)
            return
        spk = spk or self._introducer(sp) or Speaker(None)  # "X agreed. “…”", "X fired back: “…”"
        st.add(k, self._quote(sp.start, sp.end, spk, "direct", None), spk, sp.para_start)


    def _quote(self, start: int, end: int, spk: Speaker, kind: str, cue: str | None) -> Quote:
        name = spk.name
        if name and name.lower() in ALL_PRONOUNS:
            name = None
        return Quote(
            text=self.text[start:end],
            speaker=name,
            kind=kind,
            cue=cue,
            start=start,
            end=end,
            speaker_type=spk.type if name else None,
        )



def extract_quotes(doc: Doc, entities: list[Entity], coref: Coref | None = None) -> list[Quote]:
    """Direct, mixed and indirect quotes of the parsed body ``doc`` with resolved speakers.

    ``coref``: the document's coreference layer (built here when not given); the quotes found
    tell it who spoke where, which the casualty extractor reads after."""
    if not doc.text.strip():
        return []
    try:
        return _Extractor(doc, coref or build_coref(doc, entities)).run()
    except Exception:  # a bug here must not cost the article its entities and casualties
        log.exception("quote extraction failed; no quotes for this article")
        return []
