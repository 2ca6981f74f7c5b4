"""HTML pages through trafilatura: body paragraphs and page metadata; captions from figures."""

from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html

from etl.clean.dateline import split_dateline
from etl.models import CleanDoc


def _captions(tree) -> list[str]:
    out: list[str] = []
    for node in tree.iter("figcaption"):
        text = " ".join(node.text_content().split())
        if text and text not in out:
            out.append(text)
    return out


def _h1(tree) -> str | None:
    for node in tree.iter("h1"):
        text = " ".join(node.text_content().split())
        if 8 <= len(text) <= 300:
            return text
    return None


def clean_html(page: str, url: str | None = None) -> CleanDoc:
    extracted = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    doc = CleanDoc()
    if extracted is None:
        return doc
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = meta.get("text") or ""
    paras = [" ".join(p.split()) for p in text.split("\n")]
    paras = [p for p in paras if p]
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, lxml_html.etree.ParserError):
        tree = None
    doc.captions = _captions(tree) if tree is not None else []
    if doc.captions:
        paras = [p for p in paras if p not in doc.captions]
    if paras:
        place, agency, rest = split_dateline(paras[0])
        if place or agency:
            doc.dateline, doc.agency = place, agency
            paras[0] = rest
    doc.body = "\n\n".join(p for p in paras if p)
    title = meta.get("title")
    h1 = _h1(tree) if tree is not None else None
    # The on-page headline beats a <title> padded with the site's name.
    if h1 and (not title or (h1 in title and h1 != title)):
        title = h1
    doc.title = title
    doc.author = meta.get("author")
    doc.published = meta.get("date")
    doc.site_name = meta.get("sitename") or meta.get("hostname")
    doc.url = meta.get("url")
    doc.language = meta.get("language")
    if doc.title:
        doc.title = re.sub(r"\s+", " ", doc.title).strip()
    return doc
