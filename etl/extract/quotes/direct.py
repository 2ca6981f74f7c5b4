"""Direct quotes: the reporting verb and speaker of each pair of quote marks (after it, before
it, or the verb governing an embedded fragment), leads, trailers and colon introducers, and the
joining of a statement split by its attribution."""

from __future__ import annotations

from spacy.tokens import Token

from etl.extract.coref import NO_SPEAKER, Speaker, looks_like_name
from etl.extract.quotes.clauses import (
    NAME_TYPES,
    SUBJ_DEPS,
    TRAILER_RE,
    bare_attribution,
    is_cue,
    same_paragraph,
    subject_of,
)
from etl.extract.quotes.lexicon import (
    ALL_PRONOUNS,
    CUE_FORMS,
    SUBJECT_PRONOUNS,
)
from etl.extract.quotes.state import RunState
from etl.extract.shared.quotemarks import QuoteSpan
from etl.models import Quote


class DirectQuotes:
    """Methods of the extractor (see ``extractor._Extractor``) for quote-mark spans."""

    # ------------------------------------------------------------------ direct quotes
    def subject(self, v: Token) -> Token | None:
        """Subject of cue ``v`` from the parse, else the name right next to it ("…,” Smith said")."""
        subj = subject_of(v, self.in_quote)
        if subj is not None:
            return subj
        if v.i in self.forced_subject:
            return self.forced_subject[v.i]
        if v.lower_ == "according":
            return None
        ok = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")
        left = []
        i = v.i - 1
        while i >= 0 and not self.in_quote[i] and self.doc[i].pos_ in ok and same_paragraph(self.doc[i], v):
            left.insert(0, self.doc[i])
            i -= 1
        if left and (i < 0 or self.in_quote[i] or self.doc[i].is_punct):
            heads = [t for t in left if t.pos_ in ("PROPN", "NOUN", "PRON")]
            if heads:
                return heads[-1]
        right = []
        i = v.i + 1
        while i < len(self.doc) and not self.in_quote[i] and self.doc[i].pos_ in ok and same_paragraph(self.doc[i], v):
            right.append(self.doc[i])
            i += 1
        heads = [t for t in right if t.pos_ in ("PROPN", "NOUN")]
        if heads and (i >= len(self.doc) or self.doc[i].is_punct or self.doc[i].pos_ in ("ADP", "SCONJ")):
            return heads[-1]
        return None

    def attribution(self, k: int) -> tuple[Token | None, str]:
        """(cue token, how) for quote span ``k``; how in after|dash|before|embedded|''."""
        for find in (self._cue_after, self._cue_before, self._cue_embedded):
            cue, how = find(k)
            if cue is not None:
                return cue, how
        return None, ""

    def _cue_after(self, k: int) -> tuple[Token | None, str]:
        """A reporting verb after the quote, up to the next quote or the sentence end."""
        sp = self.spans[k]
        nxt = self.spans[k + 1] if k + 1 < len(self.spans) else None
        if sp.close_pos is not None:
            end = sp.para_end if nxt is None or nxt.para_start != sp.para_start else nxt.open_pos
            after = self.toks_between(sp.outer_end, end)
            seen = 0
            for t in after:
                if t.is_punct and t.text in ".!?;" and seen:
                    break
                if not t.is_punct:
                    seen += 1
                if is_cue(t) and self._reports_own_clause(t):
                    break
                if is_cue(t) and seen <= 7:
                    subj = self.subject(t)
                    if subj is not None or t.lower_ == "according":
                        return t, "after"
                if seen > 7:
                    break
            # a byline after a dash: “…” ― Jane Doe
            lead = self.text[sp.outer_end : sp.outer_end + 4].lstrip()
            if lead[:1] in "\u2015\u2014\u2013" and after:
                names = [t for t in after[:6] if t.pos_ == "PROPN" or t.i in self.co.tok_ent]
                if names and names[0].i <= after[0].i + 2:
                    run = [names[0]]
                    for t in self.doc[names[0].i + 1 : names[0].i + 5]:
                        if t.pos_ != "PROPN" or t.i > sp.para_end:
                            break
                        run.append(t)
                    return run[-1], "dash"
            # tagger slips: “…,” DeBoer said / “…,” Sinclair states.
            words = [t for t in after if not t.is_punct and not t.is_space][:4]
            for n, t in enumerate(words[1:], 1):
                capitalised = all(w.text[:1].isupper() or w.lower_ in ALL_PRONOUNS for w in words[:n])
                subject_like = words[n - 1].lower_ not in ALL_PRONOUNS or words[n - 1].lower_ in SUBJECT_PRONOUNS
                if t.lower_ in CUE_FORMS and capitalised and subject_like:
                    self.forced_subject[t.i] = words[n - 1]
                    return t, "after"
                if t.text[:1].islower():
                    break
        return None, ""

    def _cue_before(self, k: int) -> tuple[Token | None, str]:
        """A reporting verb before the quote: "X said: “…”", "X told Reuters “…”"."""
        sp = self.spans[k]
        prev = self.spans[k - 1] if k > 0 else None
        # before the quote: "X said: “…”", "X said, “…”", "X told Reuters “…”"
        start = sp.para_start if prev is None or prev.para_start != sp.para_start else prev.outer_end
        before = self.toks_between(start, sp.open_pos)
        lead = self.text[start : sp.open_pos].rstrip()
        if before and (lead.endswith((":", ",")) or is_cue(before[-1])):
            sent_start = before[-1].sent.start
            for t in reversed(before):
                if t.i < sent_start and not lead.endswith(":"):
                    break
                if is_cue(t) and self.subject(t) is not None:
                    return t, "before"
        if not before and (prev is None or prev.para_start != sp.para_start):
            # quote opens the paragraph; previous paragraph ends "X said:"
            pa = sp.para_start
            prev_text = self.text[:pa].rstrip()
            if prev_text.endswith(":"):
                pt = self.toks_between(max(0, len(prev_text) - 300), len(prev_text))
                for t in reversed(pt):
                    if t.text == "\n" or "\n" in t.text:
                        break
                    if is_cue(t) and self.subject(t) is not None:
                        return t, "before"
        return None, ""

    def _cue_embedded(self, k: int) -> tuple[Token | None, str]:
        """The reporting verb that governs a quoted fragment ("called for “…”")."""
        sp = self.spans[k]
        qtoks = [t for t in self.toks_between(sp.start, sp.end) if not t.is_space]
        for t in qtoks:
            h = t.head
            hops = 0
            while hops < 4 and h.i != h.head.i and self.quote_of_tok[h.i] == k:
                h = h.head
                hops += 1
            if self.quote_of_tok[h.i] == k:
                continue
            # climb through prepositions/nouns outside the quote to a verb
            hops = 0
            while hops < 3 and not is_cue(h) and h.pos_ in ("ADP", "NOUN", "PROPN", "ADJ", "PART", "AUX", "VERB") and h.i != h.head.i:
                if h.pos_ == "VERB" and not is_cue(h):
                    break
                h = h.head
                hops += 1
            if is_cue(h) and not self.in_quote[h.i] and h.sent.start == t.sent.start \
                    and self.subject(h) is not None:
                return h, "embedded"
            break
        return None, ""

    def _reports_own_clause(self, v: Token) -> bool:
        """A cue after a quote that has its own reported clause after it (“…” But he said it
        offered a lesson.) attributes that clause, not the quote before it."""
        return any(c.dep_ == "ccomp" and c.i > v.i and not self.in_quote[c.i] for c in v.children)

    def speaker_from_cue(self, v: Token) -> tuple[Speaker, str | None]:
        if v.lower_ == "according":
            for c in v.children:
                if c.lower_ == "to":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.co.speaker_of(p)
            nxt = v.nbor(1) if v.i + 2 < len(self.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                return self.co.speaker_of(nxt.nbor(1))
            return Speaker(None), None
        subj = self.subject(v)
        if subj is None:
            return Speaker(None), None
        return self.co.speaker_of(subj)


    def _trailer(self, sp: QuoteSpan) -> Speaker | None:
        """A quoted paragraph signed in the paragraph after it ("“…”" / "- Jane Doe." / "—Jane
        Doe, in a tweet"): the name after the dash."""
        if sp.close_pos is None or self.text[sp.outer_end : sp.para_end].strip(" .,\"\u201d"):
            return None
        m = TRAILER_RE.match(self.text, sp.para_end)
        if m is None:
            return None
        run = []
        for t in self.doc[self.tok_at(m.end()) :]:
            if t.idx < m.end() or t.pos_ != "PROPN" or "\n" in self.text[m.end() : t.idx]:
                break
            run.append(t)
        if not run or self.co.is_furniture(run[0].idx):
            return None
        spk = self.co.speaker_of(run[-1])[0]
        return spk if spk.name and looks_like_name(spk.name) else None

    def _introducer(self, sp: QuoteSpan, colon_only: bool = False) -> Speaker | None:
        """The source of a quote that follows, with no reporting verb, the sentence or colon that
        introduces it ("X agreed. “…”", "X fired back: “…”", "Jane Doe: “…”", a paragraph ending
        in "…:" before a quoted paragraph): the subject of that sentence's main verb, or the name
        the lead consists of, or the name right before the colon ("… surprised no one less than
        Jane Doe: “…”"); only a named source (a person or an organisation) counts. A colon lead
        may quote words of its own ("X called it “a mess”: “…”")."""
        idx = self.co.index
        i = self.tok_at(sp.open_pos) - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in ("“", '"')):
            i -= 1
        if i < 0 or self.in_quote[i] or self.co.is_furniture(self.doc[i].idx):
            return None
        colon = self.doc[i].text == ":"
        if colon_only and not colon:
            return None
        if idx.tok_para[i] != idx.tok_para[self.tok_at(sp.open_pos)] \
                and self.text[self.doc[i].idx : sp.open_pos].count("\n") > 2:
            return None  # not the paragraph right before
        lead = [t for t in self.doc[idx.sent_start[i] : i + 1] if not t.is_space]
        if not colon and any(self.in_quote[t.i] for t in lead):
            return None  # the sentence quotes someone else
        words = [t for t in lead if t.is_alpha and len(t) > 1]
        if sum(t.is_upper for t in words) > 0.5 * len(words):
            return None  # an all-capitals heading
        for subj in (self._main_subject(lead), self._lead_name(lead), self._name_before_colon(i) if colon else None):
            spk = self.co.speaker_of(subj)[0] if subj is not None else NO_SPEAKER
            if spk.name and (spk.type in NAME_TYPES or looks_like_name(spk.name)):
                return spk
        return None

    def _lead_name(self, lead: list[Token]) -> Token | None:
        """The name a lead consists of ("Jane Doe: “…”", "Rep. Jane Doe (D-Ore.):")."""
        opening = next((n for n, t in enumerate(lead) if t.text == "("), len(lead))
        names = [t for t in lead[:opening] if not t.is_punct]
        if names and all(t.pos_ == "PROPN" or t.i in self.co.tok_ent for t in names):
            return names[-1]
        return None

    def _name_before_colon(self, i: int) -> Token | None:
        """A person or organisation named right before the colon at token ``i``."""
        ent = self.co.tok_ent.get(i - 1)
        return self.doc[i - 1] if i and ent is not None and ent.type in ("PERSON", "ORG") else None

    @staticmethod
    def _main_subject(toks: list[Token]) -> Token | None:
        """The subject of the main verb of a sentence's tokens (the one nearest the root)."""
        ids = {t.i for t in toks}
        subs = [t for t in toks if t.dep_ in SUBJ_DEPS and t.head.i in ids]
        if not subs:
            return None
        return min(subs, key=lambda t: (len(list(t.head.ancestors)), t.i))

    def _speaker_further_on(self, k: int, st: RunState) -> Speaker | None:
        """A quote running on into the next paragraphs: the speaker named where it ends."""
        j = k + 1
        while j < len(self.spans) and self._opens_paragraph(self.spans[j]) \
                and self._is_previous_paragraph(self.spans[j - 1], self.spans[j]):
            if j in st.quotes_by_span:
                return st.speakers.get(j)
            if self.spans[j].close_pos is not None:
                return None
            j += 1
        return None

    def _merge_split_quotes(self, quotes_by_span: dict[int, Quote], attrib, speakers) -> None:
        """One statement, one quote: the pieces of a quotation split around a bare attribution
        (“A,” she said. “B.” / “A,” she said, “b …”) are one quote of that speaker, so that
        "how often was X quoted" counts statements. The merged text is A + " " + B, the offsets
        run from the start of A to the end of B; a third piece joins on the same way. Pieces with
        narration, another quote or a line break between them stay apart (bare_attribution)."""
        for k in sorted(quotes_by_span):
            j = k + 1
            a, b = quotes_by_span.get(k), quotes_by_span.get(j)
            if a is None or b is None or a.kind != "direct" or b.kind != "direct":
                continue
            sa, sb = self.spans[k], self.spans[j]
            if sa.close_pos is None or sa.para_start != sb.para_start:
                continue
            cue, how = attrib.get(k, (None, ""))
            if cue is None or how != "after" or not sa.outer_end <= cue.idx < sb.open_pos:
                continue
            if speakers.get(j) is not None and speakers[j].name != speakers.get(k, Speaker(None)).name:
                continue
            continues = b.text[:1].islower() and not a.text.rstrip().endswith((".", "!", "?"))
            if not bare_attribution(self.text[sa.outer_end : sb.open_pos], continues):
                continue
            quotes_by_span[k] = Quote(
                text=a.text + " " + b.text, speaker=a.speaker, kind="direct", cue=a.cue,
                start=a.start, end=b.end, speaker_type=a.speaker_type,
            )
            del quotes_by_span[j]
            # a third piece joins on to the merged quote under the same span number
            quotes_by_span[j] = quotes_by_span.pop(k)
            speakers[j] = speakers.get(k, speakers.get(j))

    def _sentence_like(self, sp: QuoteSpan) -> bool:
        s = self.text[sp.start : sp.end]
        return s[:1].isupper() or s[:1] in "…." or self._opens_paragraph(sp)

    def _opens_paragraph(self, sp: QuoteSpan) -> bool:
        return not self.text[sp.para_start : sp.open_pos].strip()

    def _is_previous_paragraph(self, a: QuoteSpan, b: QuoteSpan) -> bool:
        between = self.text[a.para_end : b.para_start]
        return a.para_start != b.para_start and not between.strip()

    def _span_overlaps_quote(self, start: int, end: int, strict: bool):
        """Quote spans inside [start, end) (strict: spans that contain the whole range)."""
        for j, sp in enumerate(self.spans):
            if sp.end <= start or sp.start >= end:
                continue
            if strict:
                if sp.start <= start and sp.end >= end:
                    yield j
            else:
                yield j
