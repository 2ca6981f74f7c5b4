"""The attribute_ruler's rule index finds exactly what spaCy's Matcher finds."""

from __future__ import annotations

import spacy

from etl import nlp

# Our own sentences, written to touch the ruler's rarer rules: contractions, "gonna", "y'all",
# "ain't", "nothin'", expletive "there", pronoun objects, auxiliaries, "do" as a main verb,
# determiners used as pronouns, whitespace tokens.
TEXTS = [
    "We're gonna need more trucks, y'all, and we ain't got time.\n\n  Let's go. C'mon!",
    "There is nothin' left, and there's no water. There are 12 people missing, she said.",
    "He told me it was over. They gave it to you and I thanked them for it.",
    "Did you do the work? I did, and she does too. They have had enough; have you?",
    "That is what he wanted. Those were the days. Which of these do you want?",
    "KABUL (AP) \u2014 At least 17 people were killed on Thursday, officials said.\r\n\t Police couldn't confirm it.",
    "I'm not sure, but you'd better ask whether it's true because he isn't here, though.",
    "", "   ", "Gonna", "y' all", "Ain't nothing gonna stop us now, 'cause we gotta go.",
]


def _pipelines():
    plain = spacy.load(nlp.get_nlp().meta["lang"] + "_" + nlp.get_nlp().meta["name"])
    return plain, nlp.get_nlp()


def test_the_model_ruler_is_indexed():
    ruler = nlp.get_nlp().get_pipe("attribute_ruler")
    assert "match" in vars(ruler)  # the instance's own match: the index is in use


def test_rule_index_finds_the_matchers_matches():
    plain, _ = _pipelines()
    ruler = plain.get_pipe("attribute_ruler")
    index = nlp.RuleIndex(ruler.patterns)
    with plain.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(plain.pipe(TEXTS))
    seen_rules = set()
    for doc in docs:
        expected = sorted((int(plain.vocab.strings[m]), s, e)
                          for m, s, e in ruler.matcher(doc, allow_missing=True, as_spans=False))
        assert index.matches(doc) == sorted(set(expected)), doc.text
        seen_rules |= {r for r, _, _ in expected}
    assert len(seen_rules) > 40  # the texts exercise many rules, not just the tag map


def test_annotations_are_unchanged():
    plain, fast = _pipelines()
    for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in a] == \
               [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in b]


def test_rules_the_index_cannot_read_keep_the_matcher():
    plain, _ = _pipelines()
    ruler = plain.get_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">=": 3}}]], {"LEMMA": "x"})
    assert not nlp.index_attribute_rules(plain)
    assert "match" not in vars(ruler)


def test_a_line_break_starts_a_sentence_and_no_parse_crosses_it():
    from etl.nlp import parse_one

    text = "Harbour workers went home early on Friday\n\nThe union said the strike would go on until May."
    doc = parse_one(text)
    brk = text.index("The union")
    first = next(t for t in doc if t.idx == brk)
    assert first.is_sent_start
    assert all((t.idx < brk) == (t.head.idx < brk) for t in doc if not t.is_space)
