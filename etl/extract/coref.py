"""One coreference layer per article, shared by the quote and casualty extractors.

``build_coref(doc, entities)`` is computed once per parsed body. It links what an article writes
about a speaker or a source to the canonical name of an entity, in this order:

1. **Names and aliases.** Every entity mention is a mention of its entity; a surname, a given
   name or an acronym written where no entity mention was found takes the fuller entity name
   ("Kirby" -> "John Kirby", "IRCC" -> the name whose initials it is).
2. **Descriptions.** Role nouns and titles written next to a name ("harbour spokeswoman Jane
   Doe", "Gov. Jane Doe", "Jane Doe, the spokeswoman", "Jane Doe, 26,") make "the spokeswoman"
   / "the governor" / "the 26-year-old" refer to that person for the rest of the article, when
   the description's distinguishing words are the role's ("the Ohio governor" needs "Ohio");
   a definite description of an organisation ("the agency", "the company") refers to the most
   recent organisation; another bare person description ("the professor") to the person who
   was the clause subject just before; failing that, the description stays as written.
3. **Pronouns** ("he", "she", "they", "it") go to the most salient earlier candidate that agrees
   in gender (from titles, given names and the pronouns written after the name) and number
   (people for he/she, organisations and groups for they/it), ranked by recency and role: the
   last quoted speaker and the last person who was a clause subject before a mere mention.
4. **Document nouns** (statement, report, suit, lawsuit, complaint, post, study …) stand for
   their author: "the group's statement", "a statement from X", "an X report", or whoever was
   earlier said to have released, filed or published one ("X filed a suit … the suit says").
5. **Furniture.** Paragraphs that are captions, photo credits, bylines, contributor lines,
   "READ MORE"-style links or subheadings are never a source of speakers or salience.

The quote extractor also tells the layer who spoke where (:meth:`Coref.note`), which gives a
**current speaker** (:meth:`Coref.carried_speaker`): a follow-on quote without a reporting verb of
its own continues the last speaker of the same or the previous paragraphs, unless a new person was
named as a clause subject in between, who then becomes the speaker.

Public API for other extractors::

    coref = build_coref(doc, entities)
    coref.resolve("he", pos)        # -> "Jane Doe" | None   (pos: char offset of the token)
    coref.resolve(token)            # a spaCy Token of the same doc (subject of a verb, say)
    coref.speaker_of(token)         # -> (Speaker, role noun | None) for a subject token

``resolve`` accepts a pronoun, a description ("the spokesman", "police"), a short name or a
full name, and returns the canonical entity name, or None when nothing fits.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from etl.extract import coref_lexicon as CL
from etl.extract.docindex import DocIndex, index_of
from etl.extract.quote_cues import CUE_LEMMAS
from etl.extract.quote_marks import QuoteSpan, find_quote_spans, quote_of_tokens
from etl.models import Entity

NAME_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC")
SUBJ_DEPS = ("nsubj", "nsubjpass")
PRONOUN_WINDOW = 2500  # characters back that a pronoun or description may reach
CARRY_PARAGRAPHS = 3  # paragraphs back that a current speaker carries over


@dataclass
class Speaker:
    name: str | None
    type: str | None = None
    gender: str | None = None  # "m" / "f" when known
    brief: str | None = None  # an unnamed source's noun phrase without its post-modifiers


NO_SPEAKER = Speaker(None)


@functools.lru_cache(maxsize=1)
def _name_genders():
    """The given-name gender detector (gender-guesser's name list), loaded once."""
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def given_name_gender(first: str) -> str | None:
    """"m" / "f" for a given name that the name list knows as (mostly) one gender."""
    if not first or not first[:1].isupper() or not first.isalpha() or len(first) < 3:
        return None
    g = _name_genders().get_gender(first)
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


def looks_like_name(name: str | None) -> bool:
    words = [w for w in (name or "").split() if w[:1].isalpha()]
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def person_noun(tok: Token) -> bool:
    """A singular role noun that names a person ("professor", "labourer", "defenceman")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ != "NN" or lemma in CL.DOCUMENT_NOUNS or lemma in CL.NON_PERSON_NOUNS or lemma in CL.ORG_NOUNS:
        return False
    return lemma in CL.PERSON_NOUNS or bool(CL.PERSON_SUFFIX.search(lemma))


@dataclass
class _Mention:
    start: int
    end: int
    ent: Entity
    subject: bool  # the mention is (the head of) a clause subject


@dataclass
class Coref:
    doc: Doc
    entities: list[Entity]
    index: DocIndex
    tok_ent: dict[int, Entity] = field(default_factory=dict)
    mentions: list[_Mention] = field(default_factory=list)
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
                words = frozenset(_role_word(c) for c in t.children if c.i < t.i)
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


# ---------------------------------------------------------------------- building


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
            co.mentions.append(_Mention(s, e, ent, subj))
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
        m = _Mention(start, end, ent, False)
        a, b = co.index.first_tok_from(m.start), co.index.first_tok_from(m.end)
        if a >= len(doc) or b <= a:
            continue
        span = doc[a:b]
        head = span.root
        found = [_title_before(co, span)]
        found += [_role_of_noun(c) for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            found.append(_role_of_noun(head.head))
        if b + 2 < len(doc) and doc[b].text == "," and doc[b + 1].like_num and doc[b + 2].text in (",", ")"):
            found.append((f"age:{doc[b + 1].text}", frozenset()))
        found = [f for f in found if f is not None]
        if m.ent.type != "PERSON":  # a person role next to it tells that it is a person
            found = [f for f in found if f[0] in CL.PERSON_NOUNS]
        spk = co.speaker(m.ent)
        co.roles.extend((m.start, k, spk, words) for k, words in found)
    co.roles.sort(key=lambda r: r[0])


def _role_word(t: Token) -> str:
    """A title or role word in its full lower-case form ("Gov." -> "governor")."""
    low = t.lemma_.lower().rstrip(".") if t.pos_ == "NOUN" else t.lower_.rstrip(".")
    return CL.TITLE_ABBREVIATIONS.get(low, low)


def _is_role_word(word: str) -> bool:
    return word in CL.PERSON_NOUNS or word in CL.TITLE_ABBREVIATIONS.values() or (
        bool(CL.PERSON_SUFFIX.search(word)) and word not in CL.NON_PERSON_NOUNS and word not in CL.ORG_NOUNS)


def _title_before(co: Coref, span) -> tuple[str, frozenset] | None:
    """The title written right before a name ("former Ohio Gov.", "harbour spokeswoman"): its
    last role word and all its words."""
    doc, start = co.doc, co.index.sent_start[span.start]
    words: list[str] = []
    i = span.start - 1
    while i >= start and span.start - i <= CL.TITLE_MAX_WORDS:
        t = doc[i]
        if t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.tag_ == "POS" or not t.text[:1].isalpha():
            break
        words.insert(0, _role_word(t))
        i -= 1
    keys = [w for w in words if _is_role_word(w)]
    return (keys[-1], frozenset(words)) if keys else None


def _role_of_noun(noun: Token) -> tuple[str, frozenset]:
    """A role noun in apposition with its modifiers ("the Ohio governor" -> governor, {ohio})."""
    mods = [_role_word(c) for c in noun.children if c.i < noun.i and c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    return noun.lemma_.lower(), frozenset([*mods, noun.lemma_.lower()])


def description_modifiers(tok: Token, every: bool = False) -> frozenset:
    """The modifiers of a description that tell one person from another: proper words ("the
    Ohio governor", "the Democratic nominee") and offices ("the former senator", "the vice
    president"); other lower-case words describe ("the lanky professor") and count only with
    ``every`` (an earlier description as written must have them all)."""
    out = set()
    for c in tok.children:
        if c.i > tok.i or c.dep_ not in ("compound", "amod", "nmod"):
            continue
        word = _role_word(c)
        if not every and c.text.islower() and word not in CL.DISTINGUISHING_MODIFIERS:
            continue  # "the lanky professor", "the rookie defenceman": description, not office
        out.add(word)
    return frozenset(out)


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
