"""The document index shared by the extractors, on a text written for this test."""

from __future__ import annotations

from etl.extract.shared.docindex import index_of
from etl.nlp import get_nlp


def test_docindex_paragraphs_and_sentences():
    doc = get_nlp()("First line here. Second sentence.\n\nNew paragraph now.")
    idx = index_of(doc)
    first, new = doc[0], next(t for t in doc if t.text == "New")
    assert idx.same_para(doc[0], doc[3])
    assert not idx.same_para(first, new)
    assert idx.text == doc.text
    assert idx.sent_start[new.i] == new.i
