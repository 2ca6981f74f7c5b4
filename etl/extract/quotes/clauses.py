"""Constants and clause-level helpers of the quote extractor: bare attributions, reported
clauses trimmed to their content, the subject and cue text of a reporting verb."""

from __future__ import annotations

import re

from spacy.tokens import Token

from etl.extract.quotes.lexicon import (
    ABBREV,
    COORDINATORS,
    CUE_LEMMAS,
    MINOR_WORDS,
)
from etl.extract.shared.docindex import index_of
from etl.models import Quote

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")
WORD_RE = re.compile(r"\w+")
MIN_DIRECT_WORDS_UNATTRIBUTED = 5
MIN_INDIRECT_TOKENS = 4
MIN_EMBEDDED_WORDS = 5  # shorter quoted fragments in running text are labels or scare quotes
MIN_DIRECT_WORDS = 3
CARRY_MID_PARAGRAPH = False
LABEL_SPEAKER_RE = re.compile(r"([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)?):\s+")  # "PENCE: Well, …"
PRONOUN_WINDOW = 2500
TRAILER_RE = re.compile(r"\s*\n\s*[-\u2013\u2014\u2015]+\s*(?=[A-Z])")  # a next paragraph "- Jane Doe"





def bare_attribution(between: str, continues: bool = False) -> bool:
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




def with_dangling_conjunct(toks: list[Token], v: Token) -> list[Token]:
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
        if all(t.is_punct or t.is_space or t.dep_ == "cc" for t in gap) and same_paragraph(x.right_edge, v):
            return list(v.doc[toks[0].i : x.right_edge.i + 1])
    return toks


def before_next_report(toks: list[Token], v: Token) -> list[Token]:
    """A reported clause ends before a second report joined on by the writer ("… from the New
    Democrats and he said things will change", "…: she notes that …")."""
    for n, t in enumerate(toks[2:], 2):
        if t.i == v.i or not is_cue(t) or t.lower_ == "according":
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


def drop_trailing_participle(toks: list[Token]) -> list[Token]:
    """A reported clause without the participle phrase set off by a comma at its end ("… will stay
    open, saying …", "…, insisting …"): that phrase tells what the speaker did, not what was said.
    Only a reporting verb counts: ", leaving …", ", creating …" go on with the content."""
    for n, t in enumerate(toks[1:], 1):
        if toks[n - 1].text != "," or any(x.text in "\"\u201c\u201d" for x in toks[n:]):  # quoted words stay
            continue
        if t.tag_ == "VBG" and t.dep_ == "advcl" and t.right_edge.i >= toks[-1].i - 1 \
                and is_cue(t) and not any(c.dep_ in SUBJ_DEPS for c in t.children):
            return toks[: n - 1]
    return toks


def clause_start(c: Token, v: Token) -> int:
    """Where the reported clause ``c`` of ``v`` starts. A clause without a subject right after an
    object of the reporting verb starts with that object: the parser took the clause's subject for
    the verb's object ("told doctors | the gunmen | were his heroes")."""
    if c.i < v.i or any(x.dep_ in SUBJ_DEPS or x.dep_ == "expl" or x.lower_ == "that" for x in c.children):
        return c.left_edge.i
    obj = next((x for x in v.children if x.dep_ == "dobj" and v.i < x.i < c.i and x.right_edge.i + 1 == c.left_edge.i), None)
    return obj.left_edge.i if obj is not None else c.left_edge.i


def inner_bounds(v: Token) -> tuple[int, int]:
    """First and last word of the phrase of ``v`` (its subtree without punctuation at the ends)."""
    words = [t.i for t in v.subtree if not (t.is_punct or t.is_space)]
    return min(words), max(words)


def dedup(quotes: list[Quote]) -> list[Quote]:
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




def is_title(text: str) -> bool:
    """A quoted name of a show, book or event ("Fox News Sunday", "Women in Power")."""
    words = re.findall(r"[\w'’-]+", text)
    if not 1 <= len(words) <= 7:
        return False
    content = [w for w in words if w.lower() not in MINOR_WORDS]
    if not content or not all(w[:1].isupper() or w[:1].isdigit() for w in content):
        return False
    return not (len(words) >= 3 and words[0] in ("I", "We", "You", "It", "This", "That"))



# ====================================================================== attribution


def same_paragraph(a: Token, b: Token) -> bool:
    return index_of(a.doc).same_para(a, b)


def subject_of(v: Token, in_quote, depth: int = 0) -> Token | None:
    subs = [c for c in v.children if c.dep_ in SUBJ_DEPS and not in_quote[c.i] and same_paragraph(c, v)]
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
        if v.tag_ == "VBG" and h.dep_ == "ccomp" and is_cue(h.head) and not is_cue(h):
            # "X said the vote was lost, noting …": X notes, not the vote
            h = h.head
        return subject_of(h, in_quote, depth + 1)
    return None


def is_cue(t: Token) -> bool:
    return t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX") or t.lower_ == "according"


def cue_words(v: Token) -> str:
    if v.lower_ == "according":
        return "according to"
    parts = [v]
    for c in v.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "on") and v.lemma_ == "call"):
            parts.append(c)
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)
