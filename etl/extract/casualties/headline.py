"""Figures told in the headline ("4 teens shot at park"; the body: "the teens who were shot").

The cleaner puts the headline in ``CleanDoc.title``, outside the body; the pipeline hands it to
the extractors as ``doc.user_data["title"]``. A headline figure is used for a category when the
body gives no larger number for it (bodies often tell one victim at a time). The headline's
figures come from token patterns (``matchers``), after a label before a colon is cut
off ("UPDATE:", "Police:") and a headline in Title Case is put in sentence case. A headline
over several incidents ("weekend shootings", "city roundup") gives none. In "5 shot, 2 dead"
the dead are among the shot. A headline figure's sentence is the headline and its offsets are
empty (0, 0): it is not in the body.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

import etl.extract.casualties.lexicon as lex
import etl.extract.casualties.patterns as pat
from etl.extract.casualties.context import build_context, sentences
from etl.extract.casualties.figure import Figure
from etl.extract.casualties.matchers import compound_figures, headline_grammar
from etl.extract.casualties.provenance import location
from etl.extract.casualties.retellings import drop_weak_covered

TITLE_KEY = "title"
# Normalised headline → its parse, made for a whole batch by parse_headlines (one nlp.pipe
# instead of one model call per article); headline_figures takes its headline from here.
_PARSED: dict[str, Doc] = {}


def headline_of(doc: Doc) -> str | None:
    title = doc.user_data.get(TITLE_KEY)
    return title if isinstance(title, str) and title.strip() else None


def normalise_headline(title: str) -> str:
    """The headline without a leading label and, when in Title Case, in sentence case."""
    text = " ".join(title.split())
    m = pat.HEADLINE_LABEL_RE.match(text)
    if m and text[m.end() :].strip():
        text = text[m.end() :].strip()
    words = text.split()
    alpha = [w for w in words if any(ch.isalpha() for ch in w)]
    capitalised = [w for w in alpha if w[:1].isupper()]
    if len(alpha) < 3 or len(capitalised) < 0.6 * len(alpha):
        return text
    out = [words[0]]
    for w in words[1:]:
        out.append(w if pat.ACRONYM_RE.match(w) else w.lower())
    return " ".join(out)


def headline_figures(title: str, body_killed: int = 0) -> list[Figure]:
    """The figures of the headline, "shot" counts less the dead ("5 shot, 2 dead" = 3 hurt)."""
    from etl.nlp import get_nlp  # the body's model, loaded once per process

    if _is_roundup(title):
        return []
    text = normalise_headline(title)
    hdoc = _PARSED.pop(text, None) or get_nlp()(text)
    ctx = build_context(hdoc, [])
    figures: list[Figure] = []
    seen: set[tuple[str, int]] = set()
    for sent in sentences(hdoc):
        found = headline_grammar(sent) + compound_figures(sent)
        # two patterns over one casualty word ("4 teen boys shot", "girl's killing"): the larger
        for f in sorted(found, key=lambda f: -(f.count or 0)):
            if (f.category, f.trigger.i) in seen:
                continue
            seen.add((f.category, f.trigger.i))
            f.headline = True
            f.location, f.place_level = location(f.trigger, sent, ctx)
            figures.append(f)
    dead = max((f.count or 0 for f in figures if f.category == "killed"), default=0) or body_killed
    out = []
    for f in figures:
        if f.weak and dead:
            if (f.count or 0) <= dead:
                continue  # "2 shot dead": the shot are the dead
            f.set_count(f.count - dead)
        f.weak = False
        out.append(f)
    return out


def parse_headlines(titles: Iterable[str | None]) -> None:
    """Parse a batch's headlines together, ahead of :func:`headline_figures` (optional: a
    headline not parsed here is parsed alone, the same way). Forgets the previous batch's."""
    from etl.nlp import get_nlp

    _PARSED.clear()
    todo = list(dict.fromkeys(normalise_headline(t) for t in titles
                              if isinstance(t, str) and t.strip() and not _is_roundup(t)))
    if todo:
        _PARSED.update(zip(todo, get_nlp().pipe(todo), strict=True))


def _is_roundup(title: str) -> bool:
    """A headline over several incidents or a span of time ("weekend shootings", "in 48 hours")."""
    words = set(pat.WORD_RE.findall(title.lower()))
    return bool(words & lex.ROUNDUP_WORDS) or bool(pat.HEADLINE_ROUNDUP_RE.search(title))


def with_headline(figures: list[Figure], title: str | None) -> list[Figure]:
    """Add the headline's figures of the categories the body gives no larger number for."""
    if not title:
        return figures
    best: dict[str, int] = {}
    for f in figures:
        if f.count is not None:
            best[f.category] = max(best.get(f.category, 0), f.count)
    head = headline_figures(title, best.get("killed", 0))
    extra = [f for f in head if f.count and f.count > best.get(f.category, 0)]
    if not extra:
        return figures
    return drop_weak_covered(figures + extra)
