"""The coreference layer's object: one per article, answering who a token, a pronoun or a
description stands for (see the package docstring for the order of the rules)."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

import etl.extract.coref.lexicon as CL
from etl.extract.coref.roles import description_modifiers, role_word
from etl.extract.coref.speakers import (
    CARRY_PARAGRAPHS,
    NAME_TYPES,
    NO_SPEAKER,
    PRONOUN_WINDOW,
    NameMention,
    Speaker,
    given_name_gender,
    looks_like_name,
    person_noun,
)
from etl.extract.shared.docindex import DocIndex
from etl.extract.shared.quotemarks import QuoteSpan
from etl.models import Entity


@dataclass
class Coref:
    doc: Doc
    entities: list[Entity]
    index: DocIndex
    tok_ent: dict[int, Entity] = field(default_factory=dict)
    mentions: list[NameMention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # surname -> "m"/"f"
    roles: list[tuple[int, str, Speaker, frozenset]] = field(default_factory=list)  # (pos, key, person, words)
    noted_roles: list[tuple[int, str, Speaker]] = field(default_factory=list)
    authors: list[tuple[int, str, Speaker]] = field(default_factory=list)  # (pos, doc noun, author)
    furniture: set[int] = field(default_factory=set)  # paragraph numbers
    spoken: list[tuple[int, Speaker]] = field(default_factory=list)  # noted speakers by position
    quote_spans: list[QuoteSpan] = field(default_factory=list)  # the body's quote-mark pairs
    quote_of_tok: list[int | None] = field(default_factory=list)  # per token: its quote span
    in_quote: list[bool] = field(default_factory=list)  # per token: inside quote marks

    # ------------------------------------------------------------------ public API
    def resolve(self, token: str | Token, pos: int | None = None, brief: bool = False) -> str | None:
        """Canonical entity name for an attribution token or phrase at char offset ``pos``.

        For a Token, a source that is no entity is given as written: its whole phrase ("an
        official close to the talks"), or with ``brief`` its noun phrase up to the noun
        ("official")."""
        if isinstance(token, Token):
            spk = self.speaker_of(token)[0]
            return (spk.brief or spk.name) if brief else spk.name
        text = " ".join(token.split())
        if not text:
            return None
        pos = len(self.index.text) if pos is None else pos
        low = text.lower()
        if low in CL.ALL_PRONOUNS:
            return self.pronoun(low, pos).name
        words = low.split()
        if words[0] in ("the", "this", "that") and len(words) >= 2:
            return self.description(words[-1], pos, org=words[-1] in CL.ORG_NOUNS).name
        if text[:1].isupper():
            return self.expand_short(text)
        return None

    def note(self, pos: int, spk: Speaker, role: str | None = None) -> None:
        """A quote at ``pos`` was attributed to ``spk`` (introduced with role noun ``role``)."""
        if spk.name:
            self.spoken.append((pos, spk))
            if role:
                self.noted_roles.append((pos, role, spk))

    def carried_speaker(self, pos: int) -> Speaker | None:
        """The current speaker for a quote at ``pos`` with no reporting verb of its own: the last
        noted speaker of this or the few paragraphs before (with no other paragraph of narration
        in between), or a person named as a clause subject since then."""
        last = None
        for p, spk in reversed(self.spoken):
            if p < pos:
                last = (p, spk)
                break
        para = self.index.para_of_char(pos)
        if last is None or para - self.index.para_of_char(last[0]) > CARRY_PARAGRAPHS:
            return None
        newer = self.recent_mention(pos, ("PERSON",), None, subject=True, after=last[0])
        return newer if newer is not None else last[1]

    def is_furniture(self, pos: int) -> bool:
        return self.index.para_of_char(pos) in self.furniture

    # ------------------------------------------------------------------ names
    def canonical(self, ent: Entity) -> str:
        """The entity's name, or the fuller name of the same person/organisation if there is one."""
        name = ent.name
        toks = name.split()
        if len(toks) == 1 and ent.type in ("PERSON", "ORG"):
            for pos in (-1, 0):  # a surname first ("Kirby" -> "John Kirby"), else a given name
                best = None
                for other in self.entities:
                    if other is ent or other.type != ent.type:
                        continue
                    otoks = other.name.split()
                    if len(otoks) > 1 and otoks[pos] == name \
                            and (best is None or len(other.mentions) > len(best.mentions)):
                        best = other
                if best is not None:
                    return best.name
        if re.fullmatch(r"[A-Z]{2,6}", name):
            for other in self.entities:
                words = [w for w in re.findall(r"[A-Za-z]+", other.name) if w[0].isupper()]
                if len(words) == len(name) and "".join(w[0] for w in words) == name:
                    return other.name
        return name

    def expand_short(self, text: str) -> str:
        """A surname or acronym that is not an entity mention: its fuller entity name."""
        return self.canonical(Entity(name=text, type="PERSON" if " " not in text else "ORG"))

    def gender_of(self, name: str | None) -> str | None:
        if not name:
            return None
        words = name.split()
        g = self.gender.get(words[-1])
        if g is None and len(words) > 1:
            g = given_name_gender(words[0])
        return g

    def speaker(self, ent: Entity) -> Speaker:
        name = self.canonical(ent)
        return Speaker(name, ent.type, self.gender_of(name) if ent.type == "PERSON" else None)

    # ------------------------------------------------------------------ subject to speaker
    def speaker_of(self, tok: Token) -> tuple[Speaker, str | None]:
        """Speaker for subject token ``tok``; second value is the role noun, if any."""
        low = tok.lower_
        age = _age_key(tok)
        if age and self.description(age, tok.idx).name:  # "the 26-year-old" (tagged as a date)
            return self.description(age, tok.idx), None
        if tok.ent_type_ in CL.NUMERIC_ENT_TYPES:
            return NO_SPEAKER, None
        if low in CL.ALL_PRONOUNS or tok.pos_ == "PRON":
            return self.pronoun(low, tok.idx), None
        ent = self._entity_at(tok)
        if tok.pos_ == "PROPN" or (ent is not None and tok.pos_ != "NOUN"):
            return self._named(tok, ent)
        return self._common_noun(tok)

    def _entity_at(self, tok: Token) -> Entity | None:
        ent = self.tok_ent.get(tok.i)
        if ent is None:
            for c in tok.children:
                if c.dep_ in ("compound", "flat") and c.i in self.tok_ent and c.pos_ == "PROPN" and c.i > tok.i:
                    ent = self.tok_ent[c.i]
        return ent

    def _named(self, tok: Token, ent: Entity | None) -> tuple[Speaker, str | None]:
        role = None
        for c in tok.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN":
                role = c.lemma_.lower()
        if ent is not None and ent.type == "NORP" and tok.tag_ in ("NNS", "NNPS") and tok.lower_ != ent.name.lower():
            return Speaker(tok.text, "NORP"), role  # "Republicans said": the group, not the adjective
        if ent is not None and ent.type in NAME_TYPES:
            return self.speaker(ent), role
        person = self._person_apposition(tok)  # "Keeper of the Seal, Jane Doe, said"
        if person is not None:
            return self.speaker(person), tok.lemma_.lower()
        toks = self._name_tokens(tok)
        text = self.expand_short(" ".join(self.index.text[toks[0].idx : tok.idx + len(tok.text)].split()))
        return Speaker(text, None, self.gender_of(text)), role

    def _person_apposition(self, tok: Token) -> Entity | None:
        """The person named in apposition to a title-like subject that is no name itself
        ("Keeper of the Seal, Jane Doe, said": the apposition may hang on the title's last word)."""
        for c in tok.subtree:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i:
                ent = self.tok_ent.get(c.i)
                if ent is not None and ent.type == "PERSON":
                    return ent
        return None

    def _name_tokens(self, tok: Token) -> list[Token]:
        """The proper-noun run ending at ``tok``: compounds, flat names and, before an institution's
        head noun, possessive parts of the name ("County Sheriff's Office"); no titles."""
        toks = [tok]
        i = tok.i - 1
        start = self.index.sent_start[tok.i]
        while i >= start:
            t = self.doc[i]
            if t.pos_ == "PROPN" and t.head.i in {x.i for x in toks}:
                toks.insert(0, t)
            elif t.tag_ == "POS" and i > start and tok.lemma_.lower() in CL.NAME_HEAD_NOUNS \
                    and self.doc[i - 1].pos_ == "PROPN" \
                    and self.doc[i - 1].dep_ == "poss" and self.doc[i - 1].head.i in {x.i for x in toks}:
                toks[:0] = [self.doc[i - 1], t]
                i -= 1
            else:
                break
            i -= 1
        return toks

    def _common_noun(self, tok: Token) -> tuple[Speaker, str | None]:
        lemma = tok.lemma_.lower()
        for c in tok.children:  # "the mayor, Doug McCallum," -> the apposition
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                return self.speaker_of(c)[0], lemma
        person = self._person_apposition(tok)  # "the author of the book, Jane Doe, said"
        if person is not None:
            return self.speaker(person), lemma
        if lemma in CL.DOCUMENT_NOUNS:
            author = self.document_author(tok)
            if author is not None:
                return author, None
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if dets and dets[0].lower_ in CL.DEFINITE and tok.tag_ in ("NN", "NNP"):
            mods = {c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i}
            hit = self.description(lemma, tok.idx, org=lemma in CL.ORG_NOUNS,
                                   person=dets[0].lower_ == "the" and person_noun(tok),
                                   fits=lambda ent: _org_fits(ent.name, lemma, mods),
                                   mods=description_modifiers(tok), words=description_modifiers(tok, every=True),
                                   bare=not any(c.dep_ in CL.POST_MODIFIER_DEPS for c in tok.children))
            if hit.name:
                return hit, None
        return self._as_written(tok), lemma

    def _as_written(self, tok: Token) -> Speaker:
        """An unnamed source: its phrase as written, and its noun phrase as the brief form."""
        return Speaker(self.phrase(tok), None, brief=self.noun_phrase(tok))

    def noun_phrase(self, head: Token, drop_det: bool = True) -> str:
        """A noun phrase up to its head, with its conjuncts ("a hospital official and residents"
        -> "hospital official and residents"): the phrase without what follows the nouns."""
        start = head.i
        for t in sorted((t for t in head.subtree if t.i < head.i), key=lambda x: -x.i):
            if t.i == start - 1:  # the contiguous block of left modifiers
                start = t.i
        toks = list(self.doc[start : head.i + 1])
        if drop_det:
            while toks and toks[0].dep_ in ("det", "punct") and toks[0].i < head.i:
                toks = toks[1:]
        parts = [self.doc[toks[0].i : toks[-1].i + 1].text] if toks else [head.text]
        cc = next((x for x in head.children if x.dep_ == "cc"), None)
        for c in head.children:
            if c.dep_ == "conj":
                parts.append((cc.text + " " if cc is not None else "") + self.noun_phrase(c, drop_det=False))
        return " ".join(parts)

    def phrase(self, tok: Token) -> str:
        """An anonymous source as written ("a person familiar with the talks"), article dropped."""
        toks = []
        for t in tok.subtree:
            if t.i > tok.i and (t.text in (",", "(", "—", "–", ";") or t.dep_ in ("relcl", "appos")
                                or t.lower_ in ("who", "which", "that")):
                break
            toks.append(t)
        toks = [t for t in toks if not t.is_space][:14]
        while toks and (toks[0].lower_ in CL.ARTICLES or toks[0].is_punct):
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            return tok.text
        text = self.index.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        return " ".join(text.replace("\u201c", "").replace("\u201d", "").replace('"', "").split())

    # ------------------------------------------------------------------ descriptions
    def description(self, key: str, pos: int, org: bool = False, person: bool = False,
                    fits=None, mods: frozenset = frozenset(), bare: bool = True,
                    words: frozenset = frozenset()) -> Speaker:
        """Referent of a definite description ("the spokesman", "the agency", "age:26"); an
        organisation is the last one mentioned that ``fits`` (an entity predicate) allows; a
        thing named by its head noun ("the city" -> "City of Surrey", "the council" -> "Lakeside
        Town Council") is the last one named nearby. A person description (``person``) takes the
        person the article gave that role with the distinguishing modifiers ``mods``; else, when
        ``bare`` (no restricting post-modifier), the subject just before; else an earlier
        description with all its ``words``; else nothing (the caller keeps it as written)."""
        if not person and key.isalpha():
            named = self.head_named(key, pos)
            if named is not None:
                return named
        if org:
            hit = self.org_speaker_nearby(pos, fits) or self.recent_mention(pos, ("ORG",), None, fits=fits)
            if hit is not None:
                return hit
        best = self._role_holder(key, pos, mods)
        for p, r, spk in reversed(self.noted_roles if best is None else []):  # introduced with a quote
            if p < pos and r == key and mods <= {r} and pos - p < 2 * PRONOUN_WINDOW:
                best = spk
                break
        if best is None and person:
            best = self._role_holder_ahead(key, pos, mods)  # "…, the director said. / Jane Doe, the director, …"
        if best is not None:
            return best
        if person and bare and not mods and key not in CL.GENERIC_PERSON_NOUNS:
            best = self.subject_just_before(pos)  # "Jane Doe left. The professor said …"
        if best is not None:
            return best
        if person:  # no person in the article carries this role: the description as written
            return self.fuller_description(key, pos, words) or NO_SPEAKER
        return NO_SPEAKER

    def _role_holder(self, key: str, pos: int, mods: frozenset) -> Speaker | None:
        """The person the article gave role ``key`` (with modifiers ``mods``) before ``pos``
        (learned roles hold for the whole article); of several ("Sen. A … Sen. B … the
        senator said"), the one mentioned last."""
        holders: dict[str, Speaker] = {}
        for p, spk in self._holders(key, mods):
            if p < pos:
                holders.pop(spk.name, None)
                holders[spk.name] = spk
        if len(holders) > 1:
            hit = self.recent_mention(pos, ("PERSON", "ORG"), None, fits=lambda e: self.canonical(e) in holders)
            if hit is not None:
                return holders.get(hit.name, hit)
        return list(holders.values())[-1] if holders else None

    def _holders(self, key: str, mods: frozenset):
        """(offset, person) of every role ``key`` the article gives with modifiers ``mods``."""
        return ((p, spk) for p, r, spk, words in self.roles if r == key and mods <= words)

    def _role_holder_ahead(self, key: str, pos: int, mods: frozenset) -> Speaker | None:
        """A description the article explains only after it is used (a lead's "…, the hospital
        director said", then "Jane Doe, the hospital director, …"): the one person given that role
        in this or the next paragraph, when the article gives the role to nobody else."""
        holders = {spk.name: (p, spk) for p, spk in self._holders(key, mods)}
        if len(holders) != 1:
            return None
        p, spk = next(iter(holders.values()))
        ahead = self.index.para_of_char(p) - self.index.para_of_char(pos)
        return spk if p > pos and ahead <= 1 else None

    def org_speaker_nearby(self, pos: int, fits=None) -> Speaker | None:
        """An organisation quoted in this or the previous paragraph ("X said in a statement …
        The company noted …"): it, rather than another organisation merely mentioned since."""
        para = self.index.para_of_char(pos)
        for p, spk in reversed(self.spoken):
            if p >= pos:
                continue
            if para - self.index.para_of_char(p) > 1:
                return None
            if spk.type == "ORG" and (fits is None or fits(Entity(name=spk.name, type="ORG"))):
                return spk
        return None

    def head_named(self, key: str, pos: int) -> Speaker | None:
        """The entity mentioned nearby with ``key`` as a word of its name ("the city" -> "City of
        Surrey")."""
        return self.recent_mention(pos, CL.HEAD_NAMED_TYPES, None,
                                   fits=lambda ent: key in ent.name.lower().split())

    def fuller_description(self, key: str, pos: int, mods: frozenset = frozenset()) -> Speaker | None:
        """"the officer" after "a senior army officer" (when no named person fits): the last
        earlier mention of the same noun with a modifier of its own, as written; the
        description's own distinguishing modifiers must be among the earlier ones ("the
        Democratic nominee" is no earlier "Republican nominee")."""
        places = self._modified_nouns.get(key, [])
        k = bisect.bisect_left(places, (pos,))
        while k and pos - places[k - 1][0] < 2 * PRONOUN_WINDOW:
            k -= 1
            if mods <= places[k][1]:
                tok = self.doc[self.index.tok_at(places[k][0])]
                return Speaker(self.phrase(tok), None, brief=self.noun_phrase(tok))
        return None

    @functools.cached_property
    def _modified_nouns(self) -> dict[str, list[tuple[int, frozenset]]]:
        """lemma -> (offset, modifier words) of the nouns written with a compound or adjective
        ("army officer")."""
        out: dict[str, list[tuple[int, frozenset]]] = {}
        for t in self.doc:
            if t.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") for c in t.children):
                words = frozenset(role_word(c) for c in t.children if c.i < t.i)
                out.setdefault(t.lemma_.lower(), []).append((t.idx, words))
        return out

    def subject_just_before(self, pos: int) -> Speaker | None:
        """The person a bare description right after them most likely is ("Jane Doe left early.
        The professor said …"): the last person who was a clause subject, in this or the previous
        paragraph, when no person was mentioned after that subject's sentence."""
        subj = self.recent_mention(pos, ("PERSON",), None, subject=True, with_pos=True)
        if subj is None or self.index.para_of_char(pos) - self.index.para_of_char(subj[0]) > 1:
            return None
        sent_end = self.index.sent_end[self.index.tok_at(subj[0])]
        after = self.doc[sent_end].idx if sent_end < len(self.doc) else pos
        later = self.recent_mention(pos, ("PERSON",), None, with_pos=True, after=after - 1)
        return subj[1] if later is None else None

    def document_author(self, tok: Token) -> Speaker | None:
        """The source a document noun stands for: the author a statement names ("a KH statement"
        -> KH); a bare definite one ("the lawsuit") is its earlier author's ("X's lawsuit");
        other documents are given as written (None here)."""
        lemma = tok.lemma_.lower()
        if lemma in CL.STATEMENT_NOUNS:
            author = self.author_in_phrase(tok)
            if author is not None:
                return author
        agent = self._agent(tok)
        if agent is not None:  # "a study released Monday by X", "a suit filed by X"
            return agent
        mods = [c for c in tok.children if c.dep_ not in ("det", "punct")]
        dets = [c for c in tok.children if c.dep_ == "det"]
        if mods or not dets or dets[0].lower_ not in CL.DEFINITE:
            return None
        for p, noun, spk in reversed(self.authors):
            if p < tok.idx and noun == lemma and tok.idx - p < 2 * PRONOUN_WINDOW:
                return Speaker(f"{spk.name}'s {tok.text.lower()}", spk.type, spk.gender)
        return None

    def _agent(self, tok: Token) -> Speaker | None:
        """The agent of a participle or relative clause on a document noun ("… released by X")."""
        for clause in tok.children:
            if clause.dep_ not in ("acl", "relcl"):
                continue
            for prep in clause.children:
                if prep.dep_ == "agent":
                    for c in prep.children:
                        if c.dep_ == "pobj" and (c.pos_ == "PROPN" or c.i in self.tok_ent):
                            spk = self.speaker_of(c)[0]
                            if spk.name:
                                return spk
        return None

    def author_in_phrase(self, tok: Token) -> Speaker | None:
        """Author named in a document's own phrase: "a KH statement", "the group's report",
        "a statement from X", "a suit filed by X"."""
        cands = [c for c in tok.children if c.dep_ in ("compound", "poss", "nmod", "amod")]
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                cands += [c for c in prep.children if c.dep_ == "pobj"]
        agent = self._agent(tok)
        if agent is not None:  # "a lawsuit filed by X"
            return agent
        for c in cands:
            if c.pos_ == "PROPN" or c.i in self.tok_ent or (c.pos_ == "PRON" and c.dep_ == "poss"):
                spk = self.speaker_of(c)[0]
                if spk.name:
                    return spk
        return None

    # ------------------------------------------------------------------ pronouns and salience
    def pronoun(self, low: str, pos: int) -> Speaker:
        if low in CL.PRONOUNS_PERSON_M or low in CL.PRONOUNS_PERSON_F:
            want = "m" if low in CL.PRONOUNS_PERSON_M else "f"
            return self.salient_person(pos, want) or NO_SPEAKER
        if low in CL.PRONOUNS_NEUTER:
            return self._last_spoken(pos, lambda s: s.type in ("ORG", "GPE", "NORP")) or NO_SPEAKER
        if low in CL.PRONOUNS_PLURAL:
            return self._last_spoken(pos, lambda s: s.type in ("ORG", "NORP") or (
                s.type is None and not looks_like_name(s.name) and s.name.lower().endswith("s"))) or NO_SPEAKER
        return NO_SPEAKER

    def _last_spoken(self, pos: int, ok, with_pos: bool = False):
        for p, spk in reversed(self.spoken):
            if p >= pos:
                continue
            if pos - p > PRONOUN_WINDOW:
                break
            if ok(spk):
                return (p, spk) if with_pos else spk
        return None

    def salient_person(self, pos: int, gender: str | None) -> Speaker | None:
        """The person a singular pronoun or description at ``pos`` most likely refers to: the later
        of the last quoted person and the last person who was a clause subject (agreeing in
        gender), else the last person mentioned."""
        by_speaker = self._last_spoken(pos, lambda s: s.type in ("PERSON", None) and looks_like_name(s.name)
                                       and (gender is None or s.gender in (None, gender)), with_pos=True)
        by_subject = self.recent_mention(pos, ("PERSON",), gender, subject=True, with_pos=True)
        if by_subject and (by_speaker is None or by_subject[0] > by_speaker[0]):
            return by_subject[1]
        if by_speaker is not None:
            return by_speaker[1]
        return self.recent_mention(pos, ("PERSON",), gender)

    def recent_mention(self, pos: int, types: tuple[str, ...], gender: str | None, subject: bool = False,
                       with_pos: bool = False, after: int = -1, fits=None):
        """The last entity mention before ``pos`` (and after ``after``) of one of ``types``, outside
        quotes and furniture, agreeing in gender, that ``fits`` allows; only clause subjects when
        ``subject``."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            if pos - m.start > PRONOUN_WINDOW or m.start <= after:
                break
            i -= 1
            if subject and not m.subject:
                continue
            if m.ent.type not in types or (fits is not None and not fits(m.ent)):
                continue
            spk = self.speaker(m.ent)
            if gender is not None and spk.gender not in (None, gender):
                continue
            return (m.start, spk) if with_pos else spk
        return None

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [m.start for m in self.mentions]


def _org_fits(name: str, noun: str, mods: set[str]) -> bool:
    """Whether organisation ``name`` can be "the <mods> <noun>": a name ending in another kind
    of institution is another organisation ("the hospital" is no "Police Department"), and the
    description's own modifiers are words of the name or the name is an acronym ("the fire
    department", "the law enforcement agency" -> "FBI")."""
    words = [w.lower() for w in re.findall(r"[\w'-]+", name)]
    if not words:
        return False
    kind = CL.INSTITUTION_KINDS.get(words[-1]) or CL.INSTITUTION_KINDS.get(words[-1].rstrip("s"))
    want = CL.INSTITUTION_KINDS.get(noun)
    if kind and want and kind != want:
        return False
    return all(m in words for m in mods) or bool(re.fullmatch(r"[A-Z]{2,6}", name))


def _age_key(tok: Token) -> str | None:
    """"the 26-year-old" -> "age:26"."""
    m = CL.AGE_RE.search(" ".join(t.text for t in tok.subtree if t.i <= tok.i))
    return f"age:{m.group(1)}" if m else None
