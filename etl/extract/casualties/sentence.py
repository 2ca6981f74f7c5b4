"""The casualty figures one sentence tells.

Each token is tried as a trigger (``triggers``); a trigger that is negated,
hypothetical, asked about or figurative tells nothing. Its victims and their number
(``counts``) make a figure, unless the number is a tally over a period or over
several incidents. The figures of one sentence are then reconciled: the same victims under two
triggers ("shot and killed") are one figure, "four others" takes the noun of the figure before,
and the dead are taken out of a "shot" count ("six were shot, two of them fatally").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import etl.extract.casualties.lexicon as lex
import etl.extract.casualties.patterns as pat
from etl.extract.casualties.context import DocContext
from etl.extract.casualties.counts import (
    NO_COUNT,
    count_victims,
    fatal_number,
    is_count_token,
    quantity,
    stat_category,
    toll_number,
)
from etl.extract.casualties.figure import Figure, is_other, same_people
from etl.extract.casualties.matchers import compound_figures
from etl.extract.casualties.triggers import (
    clause_tokens,
    in_question,
    is_irrealis,
    is_negated,
    is_self,
    lemma,
    obj_of,
    phrase_trigger,
    self_victim,
    survivor,
    trigger,
    victim_of_noun,
    victim_of_verb,
)


def figures_in_sentence(sent: Span, ctx: DocContext) -> list[Figure]:
    if sent.text.rstrip(" \"'”’").endswith("?"):
        return []  # a question reports nothing
    figs = []
    for t in sent:
        f = _token_figure(t, sent, ctx)
        if f is not None:
            figs.append(f)
    figs += _new_compounds(sent, figs)
    out = _one_figure_per_victims(figs)
    _borrow_elliptical_victims(out)
    return _add_attacker_death(_take_dead_out_of_shot(out), sent)


def _new_compounds(sent: Span, figs: list[Figure]) -> list[Figure]:
    """ "a triple homicide" = 3 killed, unless the sentence already gives that count."""
    told = {(f.category, f.count) for f in figs}
    return [f for f in compound_figures(sent) if (f.category, f.count) not in told]


def _token_figure(t: Token, sent: Span, ctx: DocContext) -> Figure | None:
    trig = trigger(t) or phrase_trigger(t)
    if trig is None and lemma(t) in lex.STAT_NOUNS:
        return _toll_figure(t, sent, ctx)
    if trig is None:
        return _fatal_number_figure(t, sent, ctx) if fatal_number(t) else None
    return _trigger_figure(t, sent, ctx, *trig)


def _toll_figure(t: Token, sent: Span, ctx: DocContext) -> Figure | None:
    """ "The death toll rose to 17", "the number of injured at more than 60"."""
    n = toll_number(t)
    if n is None or not sent.start <= n.i < sent.end or is_tally(t, sent, ctx):
        return None
    q = quantity(n, sent, trust_parse=True)
    if q is None or not q[0]:
        return None
    return Figure(stat_category(t) or "killed", *q, None, None, sent, t, n)


def _fatal_number_figure(t: Token, sent: Span, ctx: DocContext) -> Figure | None:
    """ "Four people were shot, one fatally": the "one" are killed, part of the four."""
    q, words, head, part = count_victims(t, sent)
    if not q[0] or is_tally(t, sent, ctx):
        return None
    return Figure("killed", *q, words, head, sent, t, t, partitive=part, subset=True)


def _trigger_figure(
    t: Token, sent: Span, ctx: DocContext, category: str, kind: str
) -> Figure | None:
    if _blocked(t, sent, kind):
        return None
    found = _victim_and_count_token(t, category, kind)
    if found is None or _figurative(t, found[2]):
        return None
    victim, count_tok, kind = found
    category, kind = _upgraded(t, category, kind)
    weak = kind == "weak" or (kind == "noun" and category == "injured" and not _survives(t))
    if victim is not None and not sent.start <= victim.i < sent.end:
        victim = None  # a parse that runs across a paragraph break
    if count_tok is not None and not sent.start <= count_tok.i < sent.end:
        count_tok = None
    if victim is None and count_tok is None:
        victim = _number_before(t, sent, kind)  # headline "2 dead, 3 hurt"
    if victim is None and count_tok is None:
        return None
    if victim is not None and not _plausible_victim(victim, t):
        return None
    counted = _count(t, victim, count_tok, sent)
    if counted is None:
        return None
    q, words, head, part = counted
    if q[0] == 0:
        return None
    if q[0] is None and t.tag_ in lex.PRESENT_TAGS and kind == "verb":
        return None  # generic present ("the enemy kills the protectors")
    if is_tally(t, sent, ctx):
        return None  # "45 killed in July", "in separate shootings"
    subset = part or (
        victim is not None
        and victim.like_num
        and victim.dep_ in ("npadvmod", "appos", "conj", "nsubjpass", "nsubj")
        and kind != "weak"
        and words is None
    )
    fig = Figure(category, *q, words, head, sent, t, victim, weak=weak, partitive=part)
    fig.subset = subset
    fig.self_inflicted = category == "killed" and is_self(victim, kind)
    return fig


def _blocked(t: Token, sent: Span, kind: str) -> bool:
    """Negated, hypothetical, asked about, or an attempt ("attempted murder")."""
    if (is_negated(t) and lemma(t) != "survive") or is_irrealis(t) or in_question(t, sent):
        return True
    return kind == "noun" and any(c.lower_ in lex.ATTEMPT_WORDS for c in t.children)


def _victim_and_count_token(
    t: Token, category: str, kind: str
) -> tuple[Token | None, Token | None, str] | None:
    """(victim, count token, kind) of a trigger; None when the trigger tells nothing."""
    if kind == "lives":  # "claimed the lives of three firefighters"
        lives = next(c for c in t.children if c.dep_ == "dobj")
        return (*victim_of_noun(lives), "noun")
    if kind == "shooting":  # "the shooting of a 3-year-old girl": hurt unless told dead
        victim, count_tok = victim_of_noun(t)
        if victim is not None and (
            victim.ent_type_ in lex.NOT_SHOOTING_VICTIM_ENTS or victim.pos_ == "PRON"
        ):
            return None
        return victim, count_tok, "weak"
    if kind == "noun":
        if (
            category == "injured"
            and t.head.lower_ in ("of", "from")
            and lemma(t.head.head) in lex.DIE_OF_VERBS
        ):
            return None  # "died of his injuries"
        return (*victim_of_noun(t), kind)
    if kind == "self":  # "turned the gun on himself", "committed suicide"
        return self_victim(t), None, kind
    if kind == "survivor":  # "in critical condition", "treated and released"
        return survivor(t), None, "weak"
    return victim_of_verb(t, kind), None, kind


def _figurative(t: Token, kind: str) -> bool:
    """ "shot down a helicopter", "the media dies down", "it hurt his campaign"."""
    if kind == "weak" and any(
        c.lower_ in lex.SHOT_PARTICLES and c.dep_ == "prt" for c in t.children
    ):
        return True
    if (
        kind in ("intrans", "verb")
        and any(c.dep_ == "prt" and c.lower_ in lex.DIE_PARTICLES for c in t.children)
        and lemma(t) == "die"
    ):
        return True
    # active "hurt" is nearly always figurative
    return lemma(t) == "hurt" and kind == "verb" and obj_of(t) is not None


def _upgraded(t: Token, category: str, kind: str) -> tuple[str, str]:
    """ "shot dead", "stabbed to death", "fatally shot": a death, not an injury."""
    if kind == "weak" and any(
        c.lower_ in lex.DEAD_WORDS
        or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
        for c in t.children
    ):
        return "killed", "verb"
    if kind in ("verb", "weak") and any(c.lower_ in lex.FATAL_ADVERBS for c in t.children):
        return "killed", "verb"
    return category, kind


def _survives(t: Token) -> bool:
    """An injury word whose phrase or sentence says the victim lives ("non-life-threatening")."""
    text = t.sent.text.lower()
    return any(w in text for w in lex.SURVIVAL_WORDS)


def _number_before(t: Token, sent: Span, kind: str) -> Token | None:
    """The number right before a headline's trigger ("2 dead, 3 hurt")."""
    if kind not in ("adj", "verb", "intrans", "weak") or t.i <= sent.start:
        return None
    prev = t.doc[t.i - 1]
    if prev.like_num and prev.dep_ != "nummod" and is_count_token(prev):
        return prev
    return None


def _plausible_victim(victim: Token, t: Token) -> bool:
    """Not nobody, not a thing, a place, a date, an idiom or a generic "someone"."""
    vl, low = lemma(victim), victim.lower_
    if low in lex.NOBODY or vl in lex.NOT_VICTIMS or low in lex.NOT_VICTIMS:
        return False
    if low != "old" and victim.ent_type_ in lex.NOT_VICTIM_ENTS and not victim.like_num:
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in victim.children):
        return False
    if victim.pos_ == "PRON" and low in lex.NOT_VICTIM_PRONOUNS:
        return False
    if low in lex.IDIOM_REFLEXIVES or not any(ch.isalnum() for ch in victim.text):
        return False
    if low in lex.GENERIC_PEOPLE and t.tag_ in lex.PRESENT_TAGS:
        return False  # generic: "when someone dies in custody"
    return not (
        victim.pos_ in lex.NOT_VICTIM_POS and low != "old" and victim.ent_type_ != "ORDINAL"
    )


def _count(t: Token, victim: Token | None, count_tok: Token | None, sent: Span):
    """(count, victims words, victims head, partitive), or None when the number is no count."""
    if count_tok is not None:
        q = quantity(count_tok, sent) or NO_COUNT
        if q[0] is None and q[1] is None:
            return None
        return q, None, None, False
    assert victim is not None
    return count_victims(victim, sent, no_conj=(t.dep_ == "amod" and t.head.i == victim.i))


# --------------------------------------------------------------------------- reconcile


def _one_figure_per_victims(figs: list[Figure]) -> list[Figure]:
    """The same victims under two triggers ("were shot and killed"): keep the stronger one."""
    out: list[Figure] = []
    for f in figs:
        dup = next(
            (
                g
                for g in out
                if g.victim_tok is not None
                and f.victim_tok is not None
                and g.victim_tok.i == f.victim_tok.i
            ),
            None,
        )
        if dup is None:
            out.append(f)
        elif (dup.weak and not f.weak) or (f.category == "killed" and dup.category == "injured"):
            out[out.index(dup)] = f  # "shot and killed", "hurt and killed": one death
        elif (
            not dup.weak
            and not f.weak
            and dup.category != f.category
            and "killed" not in (f.category, dup.category)
        ):
            out.append(f)
    return out


def _borrow_elliptical_victims(figs: list[Figure]) -> None:
    """ "killed one fighter and wounded four" -> four fighters."""
    for i, f in enumerate(figs):
        v = f.victim_tok
        if f.victims is not None or v is None or f.partitive:
            continue
        if not (v.like_num or v.lower_ in ("others", "another")):
            continue
        prev = next(
            (
                g
                for g in reversed(figs[:i])
                if g.victims and g.victim_tok is not None and g.victim_tok.pos_ == "NOUN"
            ),
            None,
        )
        if prev is not None:
            f.victims, f.victim_head = prev.victims, prev.victim_head


def _take_dead_out_of_shot(figs: list[Figure]) -> list[Figure]:
    """ "six people were shot, two of them fatally": the shot who died are not also hurt."""
    killed = [f for f in figs if f.category == "killed" and f.count]
    final: list[Figure] = []
    for f in figs:
        if f.weak and f.count and killed:
            k = sum(g.count for g in killed if g.subset) or 0
            if k and k < f.count:
                f.adjusted = True
                f.set_count(f.count - k)
                final.append(f)
                continue
            if (
                not any(g.subset for g in killed)
                and f.count <= max(g.count for g in killed)
                and not is_other(f)
            ):
                if any(same_people(f, g) for g in killed):
                    continue  # "Lewis died after he was shot": the same person
                f.contrast = True  # "an officer was shot and the suspect was killed"
        final.append(f)
    return final


def _add_attacker_death(figs: list[Figure], sent: Span) -> list[Figure]:
    """ "killed his wife and two daughters before killing himself": four deaths, one figure.

    The attacker's own death told beside the deaths they caused is added to that count, unless
    the count already includes them ("four dead, including the gunman").
    """
    groups = [
        f
        for f in figs
        if f.category == "killed"
        and f.count
        and not f.self_inflicted
        and not f.attacker_counted  # "murder-suicide" counts the attacker already
    ]
    if not groups or any(t.lower_ in lex.INCLUDING_WORDS for t in sent):
        return figs
    group = max(groups, key=lambda f: f.count or 0)
    # "the lives of his mother and a man who ... turned the gun on himself": one of the group
    selves = [f for f in figs if f.self_inflicted and not _told_of_group(f, group)]
    # "killed three people and then himself": the reflexive as a second object of the verb
    also = [c for c in group.trigger.children if c.dep_ == "conj" and c.lower_ in lex.REFLEXIVES]
    n = len(selves) + (len(also) if not selves else 0)
    if not n:
        return figs
    group.set_count((group.count or 0) + n)
    group.attacker_counted = True
    return [f for f in figs if f not in selves]


def _told_of_group(f: Figure, group: Figure) -> bool:
    """The self-inflicted death is told in a clause on one of the group's victims."""
    v = group.victim_tok
    if v is None:
        return False
    members = {v.i, *(c.i for c in v.subtree if c.dep_ == "conj")}
    t = f.trigger
    while t.head.i != t.i:
        if t.dep_ in ("relcl", "acl") and t.head.i in members:
            return True
        t = t.head
    return False


# --------------------------------------------------------------------------- tallies


def is_tally(t: Token, sent: Span, ctx: DocContext) -> bool:
    """A figure over a period or over several incidents ("45 killed in July", "in separate
    shootings"), not the count of one event."""
    if _date_range_sentence(sent):
        return True
    toks = [x for x in clause_tokens(t) if sent.start <= x.i < sent.end]
    seen: set[int] = set()
    for x in toks:
        if x.ent_type_ == "DATE" and x.ent_iob_ != "O":
            period = _period_date(x, sent, ctx, seen)
            if period:
                return True
            if period is None:
                continue
        if _tally_event(x) or _across_an_area(x):
            return True
    return _roundup_governor(t, sent)


def _roundup_governor(t: Token, sent: Span) -> bool:
    """The trigger is told of several incidents or a span of time by a clause above it:
    "a series of shootings ... have left three dead and eight wounded", "a violent weekend
    that left seven dead"."""
    a = t
    while a.head.i != a.i and sent.start <= a.head.i < sent.end:
        a = a.head
        for c in a.children:
            if c.dep_ in ("nsubj", "nsubjpass") and any(_tally_event(x) for x in c.subtree):
                return True
        if a.dep_ in ("relcl", "acl") and (
            _tally_event(a.head) or a.head.lower_ in lex.ROUNDUP_PERIODS
        ):
            return True
    return False


def _across_an_area(x: Token) -> bool:
    """ "wounded across the city", "citywide"."""
    if x.lower_ in lex.AREA_WIDE:
        return True
    return x.lower_ == "across" and any(
        c.dep_ == "pobj" and c.lower_ in lex.AREA_NOUNS for c in x.children
    )


def _date_range_sentence(sent: Span) -> bool:
    """ "from Tuesday afternoon to early Wednesday" (not "ages from 19 to 24")."""
    for t in sent:
        if (
            t.lower_ in lex.RANGE_START_WORDS
            and any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") and "year" not in c.lower_
                for c in t.children
            )
            and any(x.lower_ in lex.RANGE_END_WORDS and x.i > t.i for x in sent)
            and not any(x.lower_ in lex.AGE_WORDS for x in sent)
        ):
            return True
    return False


def _period_date(x: Token, sent: Span, ctx: DocContext, seen: set[int]) -> bool | None:
    """Whether the DATE entity of ``x`` names a year, a month or a period; None when the
    entity was looked at already or is an age."""
    ent = ctx.ent_at(x.i)
    if ent is None or ent.start < sent.start or ent.end > sent.end or ent.start in seen:
        return None
    seen.add(ent.start)
    text = ent.text.lower()
    before = {w.lower_ for w in sent.doc[max(sent.start, ent.start - 3) : ent.start]}
    if pat.AGE_IN_DATE_RE.search(text) or "age" in before:
        return None  # "whose ages ranged from 19 to 24 years"
    if pat.YEAR_RE.search(text):
        return True
    words = set(pat.WORD_RE.findall(text))
    if words & lex.MONTHS and not pat.DAY_RE.search(pat.YEAR_RE.sub("", text)):
        return True
    return bool(pat.PERIOD_RE.search(text))


def _tally_event(x: Token) -> bool:
    """ "in shootings across the city", "in three separate incidents"."""
    low = x.lower_
    if low in lex.TALLY_EVENTS and (
        x.head.lower_ in lex.TALLY_HEADS
        or any(c.like_num or c.lower_ in lex.TALLY_MODIFIERS for c in x.children)
    ):
        return True
    return low == "separate" and x.head.lower_ in lex.SEPARATE_HEADS
