"""Figures across the article: the same figure told again, and "shot" told of the dead.

A weak figure ("was shot", "a gunshot wound") told of someone the article says died is the
death told again, not an injury; a "shot" count larger than the dead keeps only the survivors.
A figure told again later (same category and count, compatible victims and place, or "the
victim" / a name / "one of them" for someone already counted) is one figure with several
mentions.
"""

from __future__ import annotations

import etl.extract.casualties.lexicon as lex
from etl.extract.casualties.figure import (
    Figure,
    anaphoric,
    different_places,
    distinct_names,
    is_other,
    same_figure,
)
from etl.extract.casualties.triggers import lemma


def drop_weak_covered(figures: list[Figure]) -> list[Figure]:
    """Weak "shot" figures of people the article says died: dropped or reduced to survivors."""
    max_killed = max((f.count for f in figures if f.category == "killed" and f.count), default=0)
    kept: list[Figure] = []
    for f in figures:
        if not f.weak or not max_killed:
            kept.append(f)
            continue
        if (f.count or 1) <= max_killed and not is_other(f) and not f.contrast:
            continue  # "was shot" / "a gunshot wound" told of someone the article says died
        if (
            (f.trigger.pos_ == "VERB" or lemma(f.trigger) in lex.GROUP_EVENT_NOUNS)
            and f.count
            and f.count > max_killed
            and not (f.adjusted or f.contrast or is_other(f))
        ):
            # "five people were shot" ... "one of them died": the shot who died are not injured
            f.set_count(f.count - max_killed)
            f.adjusted = True
        kept.append(f)
    return kept


def merge_retellings(figures: list[Figure]) -> list[Figure]:
    """The same figure told again: one figure, several mentions."""
    merged: list[Figure] = []
    for f in figures:
        same = next((g for g in merged if same_figure(g, f)), None)
        if same is None and anaphoric(f):
            # "the boy", "he", "Jihad Cromer", "one of the victims": someone already counted
            same = _counted_before(f, merged)
        if same is None:
            merged.append(f)
            continue
        span = (f.sent.start_char, f.sent.end_char)
        if span not in same.mentions:
            same.mentions.append(span)
        if same.victims is None and f.victims and f.count == same.count:
            same.victims, same.victim_head = f.victims, f.victim_head
        if same.attribution is None and f.attribution:
            same.attribution = f.attribution
    return merged


def _counted_before(f: Figure, merged: list[Figure]) -> Figure | None:
    cands = [
        g
        for g in merged
        if g.category == f.category
        and g.sent.start != f.sent.start
        and g.count is not None
        and f.count is not None
        and f.count <= g.count
        and not different_places(g, f)
        and not distinct_names(g, f)
    ]
    return cands[-1] if cands else None
