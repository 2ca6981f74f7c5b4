"""Casualty words (triggers) and their victims in the dependency parse.

A trigger is a word that tells of casualties: a verb ("killed", "wounded", "shot"), an
intransitive verb ("died"), an adjective ("dead", "missing"), a noun ("death", "injuries") or a
light-verb phrase ("taken hostage", "lost their lives", "struck by a stray bullet"). Its kind
says where its victims are: the object or passive subject of a verb, the subject of "died", the
noun "dead" describes, the "of"-object or possessor of a noun.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import etl.extract.casualties.lexicon as lex


def lemma(t: Token) -> str:
    return t.lemma_.lower()


# --------------------------------------------------------------------------- triggers


def trigger(t: Token) -> tuple[str, str] | None:
    """(category, kind) for a casualty word; kind is verb / intrans / adj / noun / weak."""
    low, lem = t.text.lower(), lemma(t)
    if t.pos_ in ("VERB", "AUX") or low in lex.PARTICIPLES:
        verb = lex.PARTICIPLES.get(low, lem)
        if verb in lex.TRANSITIVE:
            return lex.TRANSITIVE[verb], "verb"
        if lem in lex.INTRANSITIVE and t.pos_ == "VERB":
            return lex.INTRANSITIVE[lem], "intrans"
        if lem in lex.WEAK_INJURY_VERBS and t.pos_ == "VERB":
            return "injured", "weak"
    if t.pos_ in ("ADJ", "VERB", "NOUN") and low in lex.ADJECTIVES:
        return lex.ADJECTIVES[low], "adj"
    if t.pos_ == "NOUN" and lem in lex.NOUNS:
        return lex.NOUNS[lem], "noun"
    if t.pos_ == "NOUN" and lem == "condition" and _grave_condition(t):
        return "injured", "survivor"  # "in critical condition"
    if t.pos_ == "NOUN" and low == "shooting" and _shooting_of_someone(t):
        fatal = any(c.lower_ in ("fatal", "deadly") for c in t.children)
        return ("killed", "noun") if fatal else ("injured", "shooting")
    return None


def _shooting_of_someone(t: Token) -> bool:
    """ "the shooting of a boy", "the boy's shooting" (not "the shooting on Main Street")."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "poss" and c.pos_ != "PRON")
        for c in t.children
    )


def phrase_trigger(t: Token) -> tuple[str, str] | None:
    """Multi-word casualty phrases headed by a light verb."""
    if t.pos_ not in ("VERB", "AUX"):
        return None
    lem = lemma(t)
    kids = list(t.children)
    if lem in lex.HOSTAGE_VERBS and any(
        c.lower_ in lex.HOSTAGE_WORDS and c.dep_ in lex.HOSTAGE_DEPS for c in kids
    ):
        return "kidnapped", "verb"
    if lem == "take" and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children)
        for c in kids
    ):
        return "arrested", "verb"
    if lem in lex.STRIKE_VERBS and t.tag_ in ("VBN", "VBD") and _struck_by_bullet(t, lem):
        return "injured", "weak"
    if _self_harm(t, lem):
        return "killed", "self"
    if _told_alive_and_hurt(t, lem):
        return "injured", "survivor"
    if lem == "survive" and any(c.dep_ == "neg" for c in kids):
        return "killed", "intrans"  # "he did not survive"
    has_lives = any(c.dep_ == "dobj" and lemma(c) in lex.LIFE_NOUNS for c in kids)
    if lem == "lose" and has_lives:
        return "killed", "intrans"
    if lem in lex.LIFE_VERBS and has_lives:
        return "killed", "lives"
    return None


def _grave_condition(t: Token) -> bool:
    """ "in critical condition", "in serious but stable condition"."""
    words = {c.lower_ for c in t.children if c.dep_ in ("amod", "compound")}
    for c in t.children:
        if c.dep_ == "amod":
            words |= {g.lower_ for g in c.children if g.dep_ == "conj"}
    return t.dep_ == "pobj" and t.head.lower_ == "in" and bool(words & lex.CONDITION_WORDS)


def _told_alive_and_hurt(t: Token, lem: str) -> bool:
    """ "is expected to survive", "was treated and released", "being treated at a hospital"."""
    kids = list(t.children)
    if lem == "expect":
        return any(c.dep_ == "xcomp" and lemma(c) in lex.RECOVERY_VERBS for c in kids)
    if lem != "treat" or not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        return False
    released = any(c.dep_ == "conj" and lemma(c) in lex.RELEASE_VERBS for c in kids)
    at_hospital = any(
        c.dep_ == "prep"
        and any(g.dep_ == "pobj" and lemma(g) in lex.HOSPITAL_NOUNS for g in c.children)
        for c in kids
    )
    return released or at_hospital


def survivor(t: Token) -> Token | None:
    """Who is told alive and hurt: the subject, or the object of "left ... in critical condition"."""
    if lemma(t) == "condition":
        v = t.head.head  # condition <- in <- verb
        obj = obj_of(v)
        if obj is not None and lemma(v) in lex.LEAVE_VERBS:
            return resolve_relative(obj, v)
        s = subject(v)
        if s is None and v.dep_ == "conj":
            s = subject(v.head)
        return resolve_relative(s, v) if s is not None else None
    s = subject(t)
    return resolve_relative(s, t) if s is not None else None


def _self_harm(t: Token, lem: str) -> bool:
    """ "turned the gun on himself", "committed suicide"."""
    if lem == "commit":
        return any(c.dep_ == "dobj" and lemma(c) in lex.SUICIDE_NOUNS for c in t.children)
    return lem == "turn" and self_victim(t) is not None


def self_victim(t: Token) -> Token | None:
    """The one who turned a weapon on themselves (the reflexive), or who committed suicide."""
    if lemma(t) == "commit":
        return subject(t, ("nsubj",)) or next(c for c in t.children if c.dep_ == "dobj")
    if not any(c.dep_ == "dobj" and lemma(c) in lex.WEAPON_NOUNS for c in t.children):
        return None
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            p = next((x for x in c.children if x.dep_ == "pobj"), None)
            if p is not None and p.lower_ in lex.REFLEXIVES:
                return p
    return None


def is_self(victim: Token | None, kind: str) -> bool:
    """The victim is the attacker: "killing himself", "took his own life", "committed suicide"."""
    if kind == "self":
        return True
    if victim is None:
        return False
    if victim.lower_ in lex.REFLEXIVES:
        return True
    return victim.dep_ == "poss" and any(c.lower_ == "own" for c in victim.head.children)


def _struck_by_bullet(t: Token, lem: str) -> bool:
    """ "was struck by a stray bullet", "a bullet struck the girl", "was grazed"."""
    agent = next((c for c in t.children if c.dep_ == "agent"), None)
    if agent is not None and any(
        p.lower_ in lex.BULLET_WORDS or lemma(p) in lex.BULLET_WORDS for p in agent.children
    ):
        return True
    subj = subject(t, ("nsubj",))
    if subj is not None and lemma(subj) in lex.BULLET_WORDS and obj_of(t) is not None:
        return True
    return lem == "graze"


# --------------------------------------------------------------------------- what blocks one


def in_question(t: Token, sent: Span) -> bool:
    """ "Someone died?": the clause of the trigger ends with a question mark."""
    for x in sent.doc[t.i + 1 : min(sent.end, t.i + 8)]:
        if x.text == "?":
            return True
        if x.text in (".", ";", ",", "!"):
            return False
    return False


def is_negated(t: Token) -> bool:
    if any(c.dep_ == "neg" for c in t.children):
        return True
    head = t.head
    return (
        t.dep_ in ("conj", "xcomp")
        and head.i != t.i
        and any(c.dep_ == "neg" for c in head.children)
    )


def is_irrealis(t: Token) -> bool:
    """Hypothetical or intended events: "could have been killed", "tried to kill", "if hurt"."""
    auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    words = {c.text.lower() for c in auxes}
    window = [x.lower_ for x in t.doc[max(0, t.i - 4) : t.i]]
    if set(window) & lex.MODALS and set(window) & {"have", "'ve", "\u2019ve"}:
        return True  # "could've easily died" (the parse may not attach the auxiliaries)
    if words & lex.MODALS and words & {"have", "'ve", "’ve", "of"}:
        return True
    if any(c.text.lower() == "to" and c.dep_ == "aux" for c in auxes):
        # "was found to be dead" is real; "threatened to kill" is not
        return lemma(t.head) not in lex.FACTIVE_INFINITIVE_HEADS
    if any(c.dep_ == "mark" and c.lower_ in lex.CONDITIONAL_MARKS for c in t.children):
        return True  # "if hurt", "until somebody gets killed"
    if any(c.dep_ == "advmod" and c.lower_ in lex.NEAR_MISS for c in t.children):
        return True  # "bullets that nearly killed him"
    return bool(words & {"will", "'ll"}) and not any(c.dep_ == "auxpass" for c in auxes)


# --------------------------------------------------------------------------- grammar helpers


def subject(v: Token, deps: tuple[str, ...] = ("nsubjpass", "nsubj")) -> Token | None:
    """The subject nearest before the verb (a dateline parsed as a second subject loses)."""
    subs = [c for c in v.children if c.dep_ in deps and c.lower_ not in lex.DUMMY_SUBJECTS]
    if not subs:
        return None
    before = [c for c in subs if c.i < v.i]
    return max(before, key=lambda c: c.i) if before else subs[0]


def obj_of(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    return None


def is_passive(v: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) or (
        v.tag_ == "VBN"
        and v.dep_ in ("acl", "amod", "relcl", "advcl", "conj", "ROOT", "ccomp", "oprd")
        and obj_of(v) is None
    )


def resolve_relative(tok: Token, clause: Token) -> Token:
    """ "a man who was killed": the relative pronoun stands for the noun the clause modifies."""
    if tok.lower_ in lex.RELATIVES and clause.dep_ in ("relcl", "acl"):
        return clause.head
    return tok


# --------------------------------------------------------------------------- victims


def victim_of_verb(v: Token, kind: str) -> Token | None:
    """The victims of a verb or adjective trigger."""
    if kind in ("verb", "weak"):
        return _victim_of_transitive(v)
    if kind == "intrans":
        return _victim_of_intransitive(v)
    if kind == "adj":
        return _victim_of_adjective(v)
    return None


def _victim_of_transitive(v: Token) -> Token | None:
    obj = obj_of(v)
    if obj is not None and not any(c.dep_ == "nsubjpass" for c in v.children):
        return resolve_relative(obj, v)
    subj = subject(v, ("nsubjpass",))
    if subj is not None:
        return resolve_relative(subj, v)
    if (
        v.tag_ == "VBN"
        and obj is None
        and not any(lemma(c) == "have" and c.dep_ == "aux" for c in v.children)
    ):
        subj = subject(v, ("nsubj",))
        if subj is not None:
            return resolve_relative(subj, v)  # "... and three others injured"
    if v.tag_ == "VBD" and obj is None:
        subj = subject(v, ("nsubj",))
        if subj is not None and _counted_subject(v, subj):
            return subj  # "one was killed and three others injured" (tagged as a past tense)
    if (v.dep_ == "amod" and v.tag_ in ("VBN", "JJ")) or (v.dep_ == "acl" and v.tag_ == "VBN"):
        return v.head  # "a man killed in the attack", "the injured man"
    if v.dep_ in ("xcomp", "oprd", "ccomp") and lemma(v.head) in lex.FOUND_VERBS:
        h = v.head
        hs = subject(h, ("nsubjpass",)) or obj_of(h)
        if hs is not None:
            return resolve_relative(hs, h)  # "five people were found shot"
    if v.dep_ == "relcl":
        return None
    if v.dep_ == "conj" and v.head.i != v.i:
        found = _victim_of_conjunct(v)
        if found is not None:
            return found
    subj = subject(v)
    if (
        subj is not None
        and v.tag_ == "VBN"
        and obj_of(v) is None
        and any(c.dep_ == "auxpass" for c in v.children)
    ):
        return resolve_relative(subj, v)
    return None


def _counted_subject(v: Token, subj: Token) -> bool:
    return (v.dep_ == "conj" or subj.like_num) and (
        subj.like_num
        or subj.lower_ in ("others", "another")
        or any(c.dep_ == "nummod" for c in subj.children)
    )


def _victim_of_conjunct(v: Token) -> Token | None:
    """ "were shot and killed": the second verb shares the first one's victims."""
    h = v.head
    hs = subject(h, ("nsubjpass",))
    if hs is not None and is_passive(v):
        return resolve_relative(hs, h)
    if h.dep_ in ("acl", "amod") and is_passive(v):
        return h.head
    return None


def _victim_of_intransitive(v: Token) -> Token | None:
    subj = subject(v)
    if subj is not None:
        return resolve_relative(subj, v)
    if v.dep_ == "conj":
        hs = subject(v.head)
        if hs is not None:
            return resolve_relative(hs, v.head)
    if v.dep_ in ("acl", "relcl"):
        return v.head
    return None


def _victim_of_adjective(v: Token) -> Token | None:
    num = next((c for c in v.children if c.dep_ == "nummod" and c.i < v.i and c.like_num), None)
    if num is not None and subject(v) is None and obj_of(v) is None:
        return num  # headline "9 dead, 2 injured"
    if v.dep_ == "amod":
        return v.head  # "the dead man", "4 dead"
    own = subject(v)
    if own is not None:
        return resolve_relative(own, v)
    h = v.head
    if v.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl", "conj", "attr", "dep"):
        if lemma(h) in lex.RESULT_VERBS and obj_of(h) is not None:
            return resolve_relative(obj_of(h), h)  # "left four people dead"
        hs = subject(h)
        if hs is not None:
            return resolve_relative(hs, h)
    if v.dep_ in ("acl", "relcl", "appos"):
        return v.head
    return None


def victim_of_noun(n: Token) -> tuple[Token | None, Token | None]:
    """(victim token, count token) for a noun trigger ("death of X", "X's death", "17 deaths")."""
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "to"):
            for p in c.children:
                if p.dep_ == "pobj" and c.lower_ == "of":
                    return p, None
        if c.dep_ == "poss":
            return c, None
    if lemma(n) in lex.INJURY_NOUNS:  # "10 gunshot wounds": a count of wounds, not of people
        return _bearer_of_injury(n), None
    for c in n.children:
        if c.dep_ == "nummod" and c.like_num:
            return None, c
    return None, None


def _bearer_of_injury(n: Token) -> Token | None:
    """ "he suffered gunshot wounds", "a man with injuries", "treated for wounds"."""
    h = n.head
    if n.dep_ == "dobj" and lemma(h) in lex.BEARER_VERBS:
        s = subject(h)
        if s is None and h.dep_ in ("acl", "relcl", "advcl") and h.tag_ == "VBG":
            return h.head if h.dep_ != "advcl" else subject(h.head)
        if s is None and h.dep_ == "conj":
            s = subject(h.head)
        return resolve_relative(s, h) if s is not None else None
    if n.dep_ == "pobj" and h.lower_ in ("with", "for", "from") and h.head.i != h.i:
        g = h.head
        while lemma(g) in lex.CARRIER_NOUNS and g.head.i != g.i:
            g = g.head
            if g.pos_ == "ADP" and g.head.i != g.i:
                g = g.head
        if g.pos_ in ("NOUN", "PROPN", "PRON"):
            return g
        s = subject(g) or next((c for c in g.children if c.dep_ == "dobj"), None)
        return resolve_relative(s, g) if s is not None else None
    return None


_CLAUSE_OF_HEAD = {
    "amod",
    "acl",
    "dobj",
    "pobj",
    "nsubj",
    "nsubjpass",
    "acomp",
    "oprd",
    "attr",
    "relcl",
    "advcl",
}


def clause_tokens(t: Token) -> list[Token]:
    """The trigger's clause: its subtree, and for a noun or participle the governing verb's."""
    root = t
    if t.dep_ in _CLAUSE_OF_HEAD:
        root = t.head
        if root.pos_ == "ADP":
            root = root.head
    return list(root.subtree)
