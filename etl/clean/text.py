"""The project's own cleaner for plain-text dumps of news pages.

Headline from the first line; photo captions and credits split out; dateline and agency
parsed from the opener; navigation, share and related-story blocks at the end removed.
"""

from __future__ import annotations

import re

from etl.clean.dateline import split_dateline
from etl.models import CleanDoc

# Lines that start the trailing page furniture: everything from the first of them is dropped.
_TRAILER = re.compile(
    r"^(previous (article|post|story)|next (article|post|story)|related (posts?|articles?|stories|news|content|coverage)"
    r"|read (more|next|also)|more (from|on|stories|news)\b|you (may|might) (also )?like|recommended( for you)?"
    r"|share (this|on)\b|tags?:|filed under|comments?$|leave a (comment|reply)|sign up\b|subscribe\b|newsletter"
    r"|advertisement$|copyright\b|©|all rights reserved|most (read|popular|viewed)|trending( now)?$|see also:?$"
    r"|also read:?|follow us\b|about the author)",
    re.I,
)
# Short standalone lines that are page furniture wherever they stand.
_FURNITURE = re.compile(
    r"^(advertisement|advertising|skip to (main )?content|share|tweet|email|print|facebook|twitter|whatsapp"
    r"|linkedin|reddit|home|menu|search|close|loading\.*|listen to (this )?article|\d+ min read)$",
    re.I,
)
# Photo captions and credits.
_CAPTION_START = re.compile(
    r"^(file\s*(photo)?\s*[–—:\-]|photo\s*[:–—\-]|image\s*[:–—\-]|picture\s*[:–—\-]|caption\s*[:–—\-]|\(?photo by\b"
    r"|pictured\s*:|above\s*:|top\s*:|in this (undated |handout )?(file )?photo)",
    re.I,
)
_CREDIT = re.compile(
    r"(\((?:AP|AFP|Reuters|Getty|EPA|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})(?: Photo)?(?:/[^)]*)?\)"
    r"|\b(?:AP|AFP|REUTERS|EPA|Getty Images|Reuters)(?: Photo)?/[A-Z][\w. ]+"
    r"|\bPhoto(?:graph)?: [A-Z][^.]*|Getty Images|\[File: [^\]]+\])\s*$"
)


def _is_caption(line: str, before_body: bool) -> bool:
    if len(line) > 400:
        return False
    if _CAPTION_START.match(line):
        return True
    # A credit in parentheses at the end of a line that does not read as a sentence of the story.
    if _CREDIT.search(line) and before_body and not re.search(r"[.!?”\"]\s*$", line.rstrip(")] ")):
        return True
    return bool(re.search(r"\b(AP|AFP|REUTERS|EPA) Photo/|\(AP Photo/|/Getty Images\)?$", line))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, or single lines when the dump has no blank lines."""
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    lines = [ln.strip() for ln in text.split("\n")]
    if sum(1 for ln in lines if not ln) < 2:
        return [ln for ln in lines if ln]
    paras, cur = [], []
    for ln in lines:
        if ln:
            cur.append(ln)
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def clean_text(text: str) -> CleanDoc:
    paras = [p for p in _paragraphs(text) if not _FURNITURE.match(p)]
    doc = CleanDoc()
    if not paras:
        return doc
    doc.title = re.sub(r"\s+", " ", paras.pop(0)).strip()

    # Trailing furniture: cut at the first trailer line in the second half of the text.
    for i, p in enumerate(paras):
        if len(p) < 80 and _TRAILER.match(p) and i >= len(paras) // 2:
            paras = paras[:i]
            break

    body: list[str] = []
    dateline_seen = False
    for p in paras:
        if _is_caption(p, before_body=not body):
            doc.captions.append(p)
            continue
        if not dateline_seen and not body:
            place, agency, rest = split_dateline(p)
            if place or agency:
                doc.dateline, doc.agency, p = place, agency, rest
            dateline_seen = True
        if p:
            body.append(p)
    doc.body = "\n\n".join(body)
    return doc
