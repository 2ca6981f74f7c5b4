"""Quotes with speakers: direct (quote marks), mixed (quoted fragment in reported speech) and
indirect ("X said (that) …", "according to X, …").

Direct quotes come from pairing the quote marks of the body (``quote_marks``); the attribution is
the reporting verb next to the quote (after it: "“…,” he said"; before it: "X said: “…”"; or the
verb governing an embedded fragment: "called for “…”"), found with the dependency parse of the
given Doc. Indirect quotes are the clausal complements of reporting verbs. Speakers are the
subjects of the cue verbs, reduced to a name and linked to the entities; pronouns and short forms
are resolved to the most recent fitting speaker or entity, or left unresolved (None).
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from etl.extract.coref import NO_SPEAKER, Coref, Speaker, build_coref, looks_like_name
from etl.extract.docindex import index_of
from etl.extract.quote_cues import (
    ABBREV,
    ADDRESSEE_VERBS,
    ALL_PRONOUNS,
    CONTENT_MARKS,
    COORDINATORS,
    CUE_FORMS,
    CUE_LEMMAS,
    INDIRECT_LEMMAS,
    LINKING_OPENERS,
    MINOR_WORDS,
    NON_SPEAKER_NOUNS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)
from etl.extract.quote_marks import QuoteSpan
from etl.models import Entity, Quote

log = logging.getLogger(__name__)

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")
_WORD_RE = re.compile(r"\w+")
MIN_DIRECT_WORDS_UNATTRIBUTED = 5
MIN_INDIRECT_TOKENS = 4
MIN_EMBEDDED_WORDS = 5  # shorter quoted fragments in running text are labels or scare quotes
MIN_DIRECT_WORDS = 3
CARRY_MID_PARAGRAPH = False
MERGE_SHORT_RATIO = 0.25  # a split quote's piece this short beside the other joins it (“…,” X said. “…”)
MERGE_SHORT_WORDS = 6  # … and so does a piece of a few words (“It is over,” X said. “…”)
_LABEL_SPEAKER_RE = re.compile(r"([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?):\s+")  # "PENCE: Well, …"
PRONOUN_WINDOW = 2500
_TRAILER_RE = re.compile(r"\s*\n\s*[-\u2013\u2014\u2015]+\s*(?=[A-Z])")  # a next paragraph "- Jane Doe"




def _bare_attribution(between: str, continues: bool = False) -> bool:
    """The text between the closing mark of one quote piece and the opening mark of the next is one
    attribution clause: ``he said,`` / ``said Jane Doe, the mayor.`` (no second sentence, no line
    break, no other quote); when the sentence goes on, also ``he said, but``."""
    inner = between.strip()
    if continues:
        inner = re.sub(r",\s+(?:and|but|or)$", ",", inner)
    if not inner or "\n" in inner or not inner.endswith((",", ".", ":")):
        return False
    if any(c in inner for c in "\"\u201c\u201d"):
        return False
    for m in re.finditer(r"([\w.]*)[.!?]\s+[A-Z]", inner[:-1]):
        word = m.group(1).lower().rstrip(".")
        if word not in ABBREV and not (len(word) == 1 or "." in word):
            return False
    return True




def _with_dangling_conjunct(toks: list[Token], v: Token) -> list[Token]:
    """A reported clause that ends in a coordinator ("he shot the farmer, then | blew the lock
    apart") goes on with the conjunct the parser hung on the reporting verb: the coordinator inside
    the clause shows that the second part belongs to what was said."""
    words = [t for t in toks if not t.is_punct and not t.is_space]
    if not words or words[-1].lower_ not in COORDINATORS:
        return toks
    last = toks[-1].i
    for x in v.children:
        if x.dep_ not in ("conj", "ccomp") or x.i <= last or x.sent.start != v.sent.start:
            continue
        gap = v.doc[last + 1 : x.left_edge.i]
        if all(t.is_punct or t.is_space or t.dep_ == "cc" for t in gap) and _same_paragraph(x.right_edge, v):
            return list(v.doc[toks[0].i : x.right_edge.i + 1])
    return toks


def _before_next_report(toks: list[Token], v: Token) -> list[Token]:
    """A reported clause ends before a second report joined on by the writer ("… from the New
    Democrats and he said things will change", "…: she notes that …")."""
    for n, t in enumerate(toks[2:], 2):
        if t.i == v.i or not _is_cue(t) or t.lower_ == "according":
            continue
        subs = [c for c in t.children if c.dep_ in SUBJ_DEPS and c.i < t.i]
        if not subs:
            continue
        first = subs[0].left_edge.i - toks[0].i
        if 2 <= first < n and toks[first - 1].lower_ in ("and", "but", ":", ";"):
            cut = toks[: first - 1]
            while cut and (cut[-1].is_punct or cut[-1].lower_ in ("and", "but")):
                cut = cut[:-1]
            return cut if len(cut) >= 2 else toks
    return toks


def _drop_trailing_participle(toks: list[Token]) -> list[Token]:
    """A reported clause without the participle phrase set off by a comma at its end ("… will stay
    open, saying …", "…, insisting …"): that phrase tells what the speaker did, not what was said.
    Only a reporting verb counts: ", leaving …", ", creating …" go on with the content."""
    for n, t in enumerate(toks[1:], 1):
        if toks[n - 1].text != "," or any(x.text in "\"\u201c\u201d" for x in toks[n:]):  # quoted words stay
            continue
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.right_edge.i >= toks[-1].i - 1 \
                and _is_cue(t) and not any(c.dep_ in SUBJ_DEPS for c in t.children):
            return toks[: n - 1]
    return toks


def _clause_start(c: Token, v: Token) -> int:
    """Where the reported clause ``c`` of ``v`` starts. A clause without a subject right after an
    object of the reporting verb starts with that object: the parser took the clause's subject for
    the verb's object ("told doctors | the gunmen | were his heroes")."""
    if c.i < v.i or any(x.dep_ in SUBJ_DEPS or x.dep_ == "expl" or x.lower_ == "that" for x in c.children):
        return c.left_edge.i
    obj = next((x for x in v.children if x.dep_ == "dobj" and v.i < x.i < c.i and x.right_edge.i + 1 == c.left_edge.i), None)
    return obj.left_edge.i if obj is not None else c.left_edge.i


def _inner_bounds(v: Token) -> tuple[int, int]:
    """First and last word of the phrase of ``v`` (its subtree without punctuation at the ends)."""
    words = [t.i for t in v.subtree if not (t.is_punct or t.is_space)]
    return min(words), max(words)


def _dedup(quotes: list[Quote]) -> list[Quote]:
    """Drop reported-speech quotes that mostly repeat a longer one (nested complements)."""
    keep = []
    for q in sorted(quotes, key=lambda q: q.start - q.end):
        dup = False
        for k in keep:
            inter = min(q.end, k.end) - max(q.start, k.start)
            if inter > 0.8 * (q.end - q.start) and (k.end - k.start) < 1.6 * (q.end - q.start):
                dup = True
                break
        if not dup:
            keep.append(q)
    return keep




def _is_title(text: str) -> bool:
    """A quoted name of a show, book or event ("Fox News Sunday", "Women in Power")."""
    words = re.findall(r"[\w'’-]+", text)
    if not 1 <= len(words) <= 7:
        return False
    content = [w for w in words if w.lower() not in MINOR_WORDS]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False
    return not (len(words) >= 3 and words[0] in ("I", "We", "You", "It", "This", "That"))


# ====================================================================== attribution


def _same_paragraph(a: Token, b: Token) -> bool:
    return index_of(a.doc).same_para(a, b)


def _subject(v: Token, in_quote, depth: int = 0) -> Token | None:
    subs = [c for c in v.children if c.dep_ in SUBJ_DEPS and not in_quote[c.i] and _same_paragraph(c, v)]
    if subs:
        subj = min(subs, key=lambda c: abs(c.i - v.i))
        if v.dep_ == "relcl" and subj.tag_ in ("WP", "WDT") and v.head.i != v.i and not in_quote[v.head.i]:
            return v.head  # "MPs who say …": the noun the relative pronoun stands for
        return subj
    # "…, adding that", "saying", conjoined verbs: the subject of the governing verb
    if depth < 3 and v.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "relcl") and v.head.i != v.i:
        if v.dep_ == "relcl":  # "Kirby, who said …"
            return v.head if not in_quote[v.head.i] else None
        h = v.head
        if v.tag_ == "VBG" and h.dep_ == "ccomp" and _is_cue(h.head) and not _is_cue(h):
            # "X said the vote was lost, noting …": X notes, not the vote
            h = h.head
        return _subject(h, in_quote, depth + 1)
    return None


def _is_cue(t: Token) -> bool:
    return t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX") or t.lower_ == "according"


def _cue_text(v: Token) -> str:
    if v.lower_ == "according":
        return "according to"
    parts = [v]
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "on") and v.lemma_ == "call"):
            parts.append(c)
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)


@dataclass
class _RunState:
    """What one extraction run has found so far (quote spans are numbered in text order)."""

    attrib: dict[int, tuple[Token | None, str]] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # spans dropped or folded into a mixed quote
    speakers: dict[int, Speaker] = field(default_factory=dict)
    quotes_by_span: dict[int, Quote] = field(default_factory=dict)
    by_para: dict[int, list[int]] = field(default_factory=dict)  # paragraph start -> spans quoted
    ind_quotes: list[Quote] = field(default_factory=list)

    def add(self, k: int, quote: Quote, spk: Speaker, para: int) -> None:
        self.quotes_by_span[k] = quote
        self.speakers[k] = spk
        self.by_para.setdefault(para, []).append(k)


class _Extractor:
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

    # ------------------------------------------------------------------ direct quotes
    def subject(self, v: Token) -> Token | None:
        """Subject of cue ``v`` from the parse, else the name right next to it ("…,” Smith said")."""
        subj = _subject(v, self.in_quote)
        if subj is not None:
            return subj
        if v.i in self.forced_subject:
            return self.forced_subject[v.i]
        if v.lower_ == "according":
            return None
        ok = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PART")
        left = []
        i = v.i - 1
        while i >= 0 and not self.in_quote[i] and self.doc[i].pos_ in ok and _same_paragraph(self.doc[i], v):
            left.insert(0, self.doc[i])
            i -= 1
        if left and (i < 0 or self.in_quote[i] or self.doc[i].is_punct):
            heads = [t for t in left if t.pos_ in ("PROPN", "NOUN", "PRON")]
            if heads:
                return heads[-1]
        right = []
        i = v.i + 1
        while i < len(self.doc) and not self.in_quote[i] and self.doc[i].pos_ in ok and _same_paragraph(self.doc[i], v):
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
                if _is_cue(t) and self._reports_own_clause(t):
                    break
                if _is_cue(t) and seen <= 7:
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
        if before and (lead.endswith((":", ",")) or _is_cue(before[-1])):
            sent_start = before[-1].sent.start
            for t in reversed(before):
                if t.i < sent_start and not lead.endswith(":"):
                    break
                if _is_cue(t) and self.subject(t) is not None:
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
                    if _is_cue(t) and self.subject(t) is not None:
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
            while hops < 3 and not _is_cue(h) and h.pos_ in ("ADP", "NOUN", "PROPN", "ADJ", "PART", "AUX", "VERB") and h.i != h.head.i:
                if h.pos_ == "VERB" and not _is_cue(h):
                    break
                h = h.head
                hops += 1
            if _is_cue(h) and not self.in_quote[h.i] and h.sent.start == t.sent.start \
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

    def run(self) -> list[Quote]:
        st = _RunState()
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
        out = list(st.quotes_by_span.values()) + _dedup(st.ind_quotes)
        out.sort(key=lambda q: (q.start, q.end))
        return out

    def _direct(self, k: int, st: _RunState) -> None:
        sp = self.spans[k]
        cue, how = st.attrib[k]
        nwords = len(_WORD_RE.findall(self.text[sp.start : sp.end]))
        short = nwords < MIN_DIRECT_WORDS and not (cue is not None and how == "after" and self._sentence_like(sp))
        if short or _is_title(self.text[sp.start : sp.end]) \
                or (cue is not None and how == "embedded" and nwords < MIN_EMBEDDED_WORDS):
            st.consumed.add(k)
            return
        if cue is None:
            return
        if how == "dash":  # “…” ― Jane Doe
            spk, role, qkind, cue_text = self.co.speaker_of(cue)[0], None, "direct", None
        else:
            spk, role = self.speaker_from_cue(cue)
            qkind, cue_text = ("mixed" if how == "embedded" else "direct"), _cue_text(cue)
        self.co.note(cue.idx, spk, role)
        st.add(k, self._quote(sp.start, sp.end, spk, qkind, cue_text), spk, sp.para_start)

    def _indirect(self, cand, st: _RunState) -> None:
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
            lead = len(_WORD_RE.findall(self.text[start:first]))
            if lead < 3 and qlen > 0.6 * (end - start):
                return  # essentially a quote: the direct pass handles it
            if any(self.spans[j].start < start for j in inner):
                return
            end = max([end] + [self.spans[j].end for j in inner])
            qkind = "mixed"
            st.consumed.update(inner)
        quote = self._quote(start, end, spk, qkind, _cue_text(v))
        if joined is not None and qkind == "indirect":
            quote.text = joined
        st.ind_quotes.append(quote)

    def _unattributed(self, k: int, sp: QuoteSpan, st: _RunState) -> None:
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
        words = len(_WORD_RE.findall(self.text[sp.start : sp.end]))
        if spk is None and (words < MIN_DIRECT_WORDS_UNATTRIBUTED or not self._sentence_like(sp)):
            return
        if spk is None and words < MIN_DIRECT_WORDS_UNATTRIBUTED + 3 and not self._opens_paragraph(sp):
            return
        label = _LABEL_SPEAKER_RE.match(self.text, sp.start, sp.end)
        if spk is None and label:  # "PENCE: Well, …"
            name = label.group(1).title()
            spk = Speaker(self.co.expand_short(name) if " " not in name else name, "PERSON")
            st.add(k, self._quote(label.end(), sp.end, spk, "direct", None), spk, sp.para_start)
            return
        spk = spk or self._introducer(sp) or Speaker(None)  # "X agreed. “…”", "X fired back: “…”"
        st.add(k, self._quote(sp.start, sp.end, spk, "direct", None), spk, sp.para_start)

    def _trailer(self, sp: QuoteSpan) -> Speaker | None:
        """A quoted paragraph signed in the paragraph after it ("“…”" / "- Jane Doe." / "—Jane
        Doe, in a tweet"): the name after the dash."""
        if sp.close_pos is None or self.text[sp.outer_end : sp.para_end].strip(" .,\"\u201d"):
            return None
        m = _TRAILER_RE.match(self.text, sp.para_end)
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

    def _speaker_further_on(self, k: int, st: _RunState) -> Speaker | None:
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
        """One quote for a sentence split around a bare attribution: “A,” she said, “b …” (B goes on
        in lower case), or a short piece beside the other one (“It is over,” she said. “…”: a piece
        of at most MERGE_SHORT_WORDS words or a quarter of the other's), or a second piece that opens
        with a linking conjunction (“…,” she said. “Because …”). Other full sentences of comparable
        length stay two quotes. The merged text is A + " " + B, the offsets run from the
        start of A to the end of B."""
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
            if not _bare_attribution(self.text[sa.outer_end : sb.open_pos], continues):
                continue
            na = len(_WORD_RE.findall(self.text[sa.start : sa.end]))  # this span's own words
            nb = len(_WORD_RE.findall(b.text))
            short = min(na, nb) <= max(MERGE_SHORT_WORDS, MERGE_SHORT_RATIO * max(na, nb))
            opener = re.match(r"\w+", b.text)
            linked = opener is not None and opener.group(0).lower() in LINKING_OPENERS
            if not (continues or short or linked):
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
            subj = _subject(v, self.in_quote)
            if subj is None or subj.lemma_.lower() in NON_SPEAKER_NOUNS:
                continue
            if self.co.is_furniture(v.idx):  # "READ MORE: …" links; other labels ("EARNINGS:") stay
                continue
            # the clause's verb may sit in a quoted fragment when the clause opens before it
            # (said the poster “badly misjudges the mood” at the meeting)
            comp = [c for c in v.children if c.dep_ == "ccomp" and _same_paragraph(c, v)
                    and (not self.in_quote[c.i] or (c.left_edge.i > v.i and not self.in_quote[c.left_edge.i]))]
            comp.sort(key=lambda c: (c.i < v.i, abs(c.i - v.i)))
            if not comp:
                comp = self._that_clause_on_noun(v)  # "said in a statement that …"
            span = None
            if comp:
                c = comp[0]
                toks = _with_dangling_conjunct([t for t in doc[_clause_start(c, v) : c.right_edge.i + 1]], v)
                if c.i > v.i:
                    # a clause the parser split into two complements ("said he feels | voting yes
                    # was a misstep"): the next complement right after this one joins it
                    for c2 in comp[1:]:
                        gap = [t for t in doc[toks[-1].i + 1 : c2.left_edge.i] if not (t.is_punct or t.is_space)]
                        if c2.i > c.i and not gap:
                            toks = list(doc[toks[0].i : c2.right_edge.i + 1])
                    toks = self._with_content_continuation(toks, v)
                toks = _before_next_report(toks, v)
                # drop the cue clause itself when the complement wraps around it
                toks = [t for t in toks if not (t.i == v.i or t.i == subj.i)]
                span = self._trim(_drop_trailing_participle(toks), v)
            elif v.dep_ == "parataxis" and (around := self._around(v, *_inner_bounds(v))) is not None:
                out.extend(around if isinstance(around, list) else [around])
                continue
            elif v.dep_ in ("parataxis", "ccomp", "conj") and v.head.i < v.i and (v.i >= v.sent.end - 4 or v.dep_ == "parataxis") \
                    and not any(_is_cue(a) for a in v.ancestors):  # not a verb inside another's report
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
            if t.dep_ != "acl" or t.i <= v.i or not _same_paragraph(t, v) or self.in_quote[t.i]:
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
                        or _is_cue(x):
                    continue
                if not _same_paragraph(x.right_edge, v):
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
            return self._around(v, *_inner_bounds(v), interrupts=True)
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
