"""Building the coreference layer of one article: furniture paragraphs, name mentions, genders,
roles and document authors, learned once from the parse (see the package docstring)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

import etl.extract.coref.lexicon as CL
from etl.extract.coref.layer import Coref
from etl.extract.coref.roles import role_of_noun, title_before
from etl.extract.coref.speakers import SUBJ_DEPS, NameMention
from etl.extract.shared.docindex import index_of
from etl.extract.shared.quotemarks import find_quote_spans, quote_of_tokens
from etl.extract.shared.reporting import CUE_LEMMAS
from etl.models import Entity


def _in_main_narration(verb: Token) -> bool:
    """Whether a subject of ``verb`` is a subject the narration is about: not of a relative
    clause ("the message that X sent") nor of what someone is reported to have said ("Y said X
    has …")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("relcl", "acl"):
        return False
    return not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in CUE_LEMMAS and verb.head.i < verb.i)


def _collect_mentions(co: Coref) -> None:
    doc, idx = co.doc, co.index
    for ent in co.entities:
        for s, e in ent.mentions:
            a, b = idx.first_tok_from(s), idx.first_tok_from(e)
            if a >= len(doc) or b <= a:
                continue
            for i in range(a, b):
                co.tok_ent.setdefault(i, ent)
            if idx.tok_para[a] in co.furniture or (co.in_quote and co.in_quote[a]):
                continue
            span = doc[a:b]
            subj = span.root.dep_ in SUBJ_DEPS and _in_main_narration(span.root.head)
            co.mentions.append(NameMention(s, e, ent, subj))
    co.mentions.sort(key=lambda m: m.start)


def _learn_gender(co: Coref) -> None:
    """Gender of people from titles ("Mr.", "Ms.") and the pronouns right after their mentions."""
    votes: dict[str, list[int]] = {}
    for m in CL.HONORIFIC_RE.finditer(co.index.text):
        v = votes.setdefault(m.group(2), [0, 0])
        v[0 if m.group(1) in CL.MALE_HONORIFICS else 1] += 3
    person = [m for m in co.mentions if m.ent.type == "PERSON"]
    doc, idx = co.doc, co.index
    for k, m in enumerate(person):
        limit = person[k + 1].start if k + 1 < len(person) else len(idx.text)
        a = idx.first_tok_from(m.end)
        end = idx.sent_end[a] if a < len(doc) else len(doc)
        end = idx.sent_end[end] if end < len(doc) else end  # this sentence and the next
        v = votes.setdefault(co.canonical(m.ent).split()[-1], [0, 0])
        for t in doc[a:end]:
            if t.idx >= limit:
                break
            if t.lower_ in CL.PRONOUNS_PERSON_M or t.lower_ == "his":
                v[0] += 1
            elif t.lower_ in CL.PRONOUNS_PERSON_F or t.lower_ == "hers":
                v[1] += 1
    for name, (mv, fv) in votes.items():
        if mv != fv:
            co.gender[name] = "m" if mv > fv else "f"


def _learn_roles(co: Coref) -> None:
    """Role nouns and ages next to person names ("Surrey mayor Doug McCallum", "Gov. Jane Doe",
    "Kirby, the spokesman", "Jane Doe, 26,"), each with the words of its phrase, so that a
    description with modifiers ("the Ohio governor") takes only a person whose role has them.
    Mentions inside quotes count too: a title is the same whoever writes it ("“Mayor Doe's plan
    …”")."""
    doc = co.doc
    mentions = [(s, e, ent) for ent in co.entities for s, e in ent.mentions
                if ent.type in ("PERSON", "ORG")  # the small model takes some people for groups
                and not co.is_furniture(s)]
    for start, end, ent in sorted(mentions, key=lambda m: m[0]):
        m = NameMention(start, end, ent, False)
        a, b = co.index.first_tok_from(m.start), co.index.first_tok_from(m.end)
        if a >= len(doc) or b <= a:
            continue
        span = doc[a:b]
        head = span.root
        found = [title_before(co, span)]
        found += [role_of_noun(c) for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            found.append(role_of_noun(head.head))
        if b + 2 < len(doc) and doc[b].text == "," and doc[b + 1].like_num and doc[b + 2].text in (",", ")"):
            found.append((f"age:{doc[b + 1].text}", frozenset()))
        found = [f for f in found if f is not None]
        if m.ent.type != "PERSON":  # a person role next to it tells that it is a person
            found = [f for f in found if f[0] in CL.PERSON_NOUNS]
        spk = co.speaker(m.ent)
        co.roles.extend((m.start, k, spk, words) for k, words in found)
    co.roles.sort(key=lambda r: r[0])


def _learn_authors(co: Coref) -> None:
    """"X released a report", "X filed a lawsuit", "X's statement": the author of each document
    noun, so that "the report says" later stands for X."""
    for t in co.doc:
        lemma = t.lemma_.lower()
        if lemma not in CL.DOCUMENT_NOUNS or t.pos_ != "NOUN":
            continue
        author = None
        if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in CL.ISSUE_VERBS:
            subs = [c for c in t.head.children if c.dep_ in SUBJ_DEPS and c.i != t.i]
            subs += [p for agent in t.head.children if agent.dep_ == "agent" for p in agent.children]
            for s in subs:
                spk = co.speaker_of(s)[0]
                if spk.name and (s.pos_ == "PROPN" or s.i in co.tok_ent or s.pos_ == "PRON"):
                    author = spk
                    break
        if author is None:
            author = co.author_in_phrase(t)
        if author is not None and author.name:
            co.authors.append((t.idx, lemma, author))


def _find_furniture(co: Coref) -> None:
    """Paragraph numbers of captions, credits, bylines, contributor lines and subheadings."""
    text, idx = co.index.text, co.index
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if not line:
            continue
        if CL.FURNITURE_RE.search(line) or _is_subheading(line):
            co.furniture.add(idx.para_of_char(m.start() + (len(m.group()) - len(m.group().lstrip()))))


def _is_subheading(line: str) -> bool:
    words = line.split()
    return (len(words) <= CL.SUBHEADING_MAX_WORDS and not line.endswith(CL.SENTENCE_ENDS)
            and not any(c in line for c in "\"\u201c\u201d") and line[:1].isupper())


def build_coref(doc: Doc, entities: list[Entity]) -> Coref:
    """The coreference layer of one parsed body, built once and shared by the extractors."""
    co = Coref(doc, entities, index_of(doc))
    co.quote_spans = find_quote_spans(co.index.text)
    co.quote_of_tok = quote_of_tokens(co.index.tok_starts, co.quote_spans)
    co.in_quote = [k is not None for k in co.quote_of_tok]
    _find_furniture(co)
    _collect_mentions(co)
    _learn_gender(co)
    _learn_roles(co)
    _learn_authors(co)
    return co
