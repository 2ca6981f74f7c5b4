"""The spaCy model: loaded once per process, run with ``nlp.pipe`` in batches.

Every component of the pipeline is used by the extractors (tags and dependencies, the
coarse POS and lemmas that ``attribute_ruler`` and ``lemmatizer`` derive from them, entities),
so all of them run. One is made faster without changing what it does: the model's
``attribute_ruler`` finds its 179 rules with spaCy's general ``Matcher``, which tries every
rule at every token (about a fifth of the whole parse). :class:`RuleIndex` finds exactly the
same matches by looking at the few rules whose first token's tag, lower-case form or
dependency fits each token, and the ruler applies them with its own code, in its own order.
A rule that uses anything :class:`RuleIndex` does not understand keeps the original matcher
(``tests/unit/test_nlp.py`` compares both on every rule of the model).

One component is added in front of the parser: ``paragraph_breaks`` starts a sentence after
every line break. Without it the parser joins a paragraph to the next (a bold subheading to the
sentence under it, the end of one quote to the attribution of the next) and reported clauses,
subjects and speakers are taken across the break.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Token attributes the rule index understands: Matcher key → how to read it from a token.
RULE_ATTRS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
INDEXED = ("TAG", "LOWER", "DEP")  # first-token attributes rules are looked up by, in this order


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser, which respects sentence starts set before it,
    then never joins two paragraphs (a headline, a caption, a quote) into one sentence."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n" in prev.text and not tok.is_space:
            tok.is_sent_start = True
    return doc


def get_nlp(language: str = "en") -> Language:
    """A language's pipeline, loaded once per process (only when a body of it is parsed)."""
    return _load(language)


@functools.lru_cache(maxsize=None)
def _load(language: str) -> Language:
    from etl.lang import REGISTRY

    errors = []
    for name in REGISTRY[language].models:
        try:
            nlp = spacy.load(name)
        except OSError as exc:  # model package not installed
            errors.append(f"{name}: {exc}")
            continue
        nlp.max_length = max(nlp.max_length, 2_000_000)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
        index_attribute_rules(nlp)
        log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
        return nlp
    raise RuntimeError(f"no spaCy model for {language!r} installed; tried " + "; ".join(errors))


get_nlp.cache_info = _load.cache_info  # one cache entry per loaded language, however it is asked for


@functools.lru_cache(maxsize=None)
def model_version(language: str = "en") -> str:
    """``name-version`` of the loaded model (``Language.meta`` rebuilds a dict on every read)."""
    nlp = get_nlp(language)
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def parse(texts: Iterable[str], batch_size: int = 16, language: str = "en") -> Iterator[Doc]:
    """Parse bodies in batches with one model; yields Docs in input order."""
    return get_nlp(language).pipe(texts, batch_size=batch_size)


def parse_one(text: str, language: str = "en") -> Doc:
    return get_nlp(language)(text)


# ------------------------------------------------------------------- attribute_ruler matching


class UnsupportedRule(ValueError):
    """A rule uses a Matcher feature the index does not reproduce."""


def _predicate(key: str, value):
    """A test of one token attribute value, as spaCy's Matcher does it (or UnsupportedRule)."""
    if not isinstance(value, dict):
        return lambda v: v == value
    if len(value) != 1:
        raise UnsupportedRule(f"{key}: {value!r}")
    (op, arg), = value.items()
    if op == "IN":
        allowed = frozenset(arg)
        return lambda v: v in allowed
    if op == "NOT_IN":
        banned = frozenset(arg)
        return lambda v: v not in banned
    if op == "REGEX" and key != "IS_SPACE":
        rx = re.compile(arg)
        return lambda v: bool(rx.search(v))
    raise UnsupportedRule(f"{key}: {value!r}")


@dataclass(frozen=True)
class Rule:
    """One Matcher pattern of the ruler: its rule id (the ruler's attrs index) and token tests."""

    rule_id: int
    tokens: tuple[tuple[tuple[str, object], ...], ...]  # per token: ((attr, test), ...)

    def matches_at(self, doc: Doc, start: int) -> bool:
        if start + len(self.tokens) > len(doc):
            return False
        for offset, tests in enumerate(self.tokens):
            token = doc[start + offset]
            if not all(test(RULE_ATTRS[attr](token)) for attr, test in tests):
                return False
        return True


def _rule(rule_id: int, pattern: list[dict]) -> Rule:
    tokens = []
    for spec in pattern:
        unknown = [k for k in spec if k not in RULE_ATTRS]
        if unknown or not spec:
            raise UnsupportedRule(f"token keys {sorted(spec)}")
        tokens.append(tuple((k, _predicate(k, v)) for k, v in spec.items()))
    return Rule(rule_id, tuple(tokens))


def _first_values(pattern: list[dict]) -> tuple[str, list[str]] | None:
    """(attribute, the values its first token must have) when the rule can be looked up by them."""
    for attr in INDEXED:
        value = pattern[0].get(attr)
        if isinstance(value, str):
            return attr, [value]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return attr, list(value["IN"])
    return None


class RuleIndex:
    """The ruler's patterns indexed by their first token: same matches as its Matcher."""

    def __init__(self, patterns: list[dict]):
        self.by: dict[str, dict[str, list[Rule]]] = {attr: {} for attr in INDEXED}
        self.always: list[Rule] = []
        for rule_id, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                rule = _rule(rule_id, pattern)
                first = _first_values(pattern)
                if first is None:
                    self.always.append(rule)
                    continue
                for value in dict.fromkeys(first[1]):
                    self.by[first[0]].setdefault(value, []).append(rule)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Sorted, distinct (rule id, start, end), like ``AttributeRuler.match`` sorts them."""
        found = set()
        tag_rules, lower_rules, dep_rules = (self.by[a] for a in INDEXED)
        for i, token in enumerate(doc):
            for rules in (tag_rules.get(token.tag_), lower_rules.get(token.lower_), dep_rules.get(token.dep_),
                          self.always):
                for rule in rules or ():
                    if rule.matches_at(doc, i):
                        found.add((rule.rule_id, i, i + len(rule.tokens)))
        return sorted(found)


def index_attribute_rules(nlp: Language) -> bool:
    """Give the pipeline's ``attribute_ruler`` the rule index; False when it keeps its Matcher."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        index = RuleIndex(ruler.patterns)
    except UnsupportedRule as exc:
        log.info("attribute_ruler keeps spaCy's Matcher: %s", exc)
        return False
    strings = ruler.vocab.strings

    def match(doc: Doc) -> list[tuple[int, int, int, int]]:
        return [(rule_id, strings.add(str(rule_id)), s, e) for rule_id, s, e in index.matches(doc)]

    ruler.match = match  # AttributeRuler.__call__ → self.match(doc) → its own set_annotations
    return True
