"""The project's own cleaner for plain-text dumps of news pages.

Headline from the first line (when it reads as one); a byline under it goes to the author;
photo captions and credits split out; dateline and agency parsed from the opener;
navigation, share, newsletter and related-story blocks removed.
"""

from __future__ import annotations

import re

from etl.clean.dateline import split_dateline
from etl.clean.dates import iso_date
from etl.clean.furniture import (
    drop_duplicates,
    is_furniture,
    same_text,
    strip_furniture,
    strip_trailer,
)
from etl.clean.lang import settle_language
from etl.models import CleanDoc

# Markers after which, in the second half of a dump, nothing is the article any more.
_END_MARKER = re.compile(
    r"^(?:previous (?:article|post|story)|next (?:article|post|story)"
    r"|related (?:posts?|articles?|stories|news|content|coverage)|you (?:may|might) (?:also )?like"
    r"|more (?:from|stories|news)\b|most (?:read|popular|viewed)|recommended(?: for you)?"
    r"|leave a (?:comment|reply)|comments?(?: \(\d+\))?|\d+ comments?|share this(?: article| story)?"
    r"|about the author|tags?|filed under|trending(?: now)?|see also|also read)\s*[:.…]*\s*$",
    re.IGNORECASE,
)
# Extra whole-line furniture met in text dumps.
TEXT_FURNITURE = re.compile(
    r"^(?:please enable javascript.{0,80}|javascript is (?:disabled|required).{0,80}"
    r"|view (?:full )?(?:caption|gallery|image|photos?)|(?:enlarge|expand) (?:this )?(?:image|photo)"
    r"|posted:? .{0,60}\d{1,2}:\d{2}.{0,30}|updated:? .{0,60}\d{1,2}:\d{2}.{0,30}"
    r"|(?:published|posted|updated)(?: on)?:? \w+ \d{1,2},? \d{4}.{0,30}"
    r"|\d+ (?:shares?|comments?|views?)|print (?:this )?(?:article|story|page)"
    r"|(?:font|text) size.{0,20}|[\u25b6\u25ba\u2022>|»›]+"
    r"|.{0,80}\btwitter:\s*@\w+.{0,40}|\W*read more (?:articles|stories|posts|news) (?:by|from|about) .{1,60}"
    r"|follow [\w.' ]{1,40}:|must read\b.{0,60}|get (?:updates|alerts|breaking news|the latest)\b.{0,80}"
    r"|\(?\d{3}\)?[ .-]?\d{3}-\d{4}|\d{1,2}:\d{2} (?!a\.?m|p\.?m)(?!.*\b(?:a|p)\.m\.)(?=(?:\S+\s+){0,20}\S+$).{5,150}"
    r"|photos|videos|gallery|slideshow|[_=*~\s]{3,}|twitter:?\s*@\w+|advertisement\b.{0,40}"
    r"|(?:published|posted|updated|last updated)(?: on| at)?:?\s+(?=[^.]{0,60}(?:\d{1,2}:\d{2}|\b\d{4}\b))[^.]{0,80}"
    r"|(?:published|posted|updated|last updated)\s*:(?=.{0,40}(?:\d{1,2}[:/]\d{1,2}|\b\d{4}\b|\bago\b)).{0,80}"
    r"|.{0,160}\bmay not be (?:published|reproduced|republished|redistributed|copied)\b.{0,120}"
    r"|read the (?:rest|full (?:story|article|report))\b.{0,40}"
    r"|stay (?:with|tuned to) .{1,50} for (?:updates|more).{0,30}|refresh this page for (?:updates|more).{0,30})$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by):?\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|al|bin|la|le)){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)"
    r"(?:\s*[,|/–—-]\s*.{0,60}|\s+(?i:updated|posted|published)\b.{0,60})?$"
)
# Photo captions and credits.
_CAPTION_START = re.compile(
    r"^(?:buy photo\b|open this (?:photo|image) in gallery\b|file\s*(?:photo|picture|image)?\s*[–—:\-]|photo\s*(?:credit)?\s*[:–—\-]|image\s*(?:credit)?\s*[:–—\-]"
    r"|picture\s*[:–—\-]|caption\s*[:–—\-]|credit\s*:|\(?photos? (?:by|courtesy)\b|courtesy (?:photo|of)\b"
    r"|pictured\s*:|above\s*:|top\s*:|left\s*:|right\s*:|in this (?:undated |handout |file )*(?:photo|image|picture)"
    r"|this (?:undated |handout )*(?:photo|image|picture)\b)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty|EPA|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})(?: Photos?)?(?:/[^)]*)?\)"
    r"|\b(?:AP|AFP|REUTERS|EPA|Getty Images|Reuters)(?: Photo)?/[A-Z][\w. ]+"
    r"|\bPhoto(?:graph)?: [A-Z][^.]*|Getty Images|\[File: [^\]]+\])\s*$"
)
_STRONG_CREDIT = re.compile(
    r"\b(?:AP|AFP|REUTERS|EPA|Reuters|AA|Xinhua|ANSA|DPA|UPI) Photo/|\((?:AP|AFP|EPA|Reuters) Photo\b"
    r"|/\s*Getty Images\)?$|/\s*(?:AFP|AP|EPA|Reuters)(?: via Getty Images)?\)?$|\((?:File )?Photos?\)"
    r"|\bView Full Caption\b|\[File: [^\]]+\]$|\(?(?:Photo|Image|Picture)(?: credit)?: [^)]{2,80}\)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?”\"’']\s*$")


def _is_caption(line: str, before_body: bool) -> bool:
    if len(line) > 500:
        return False
    if _CAPTION_START.match(line):
        return True
    if _STRONG_CREDIT.search(line):
        return True
    # A credit in parentheses at the end of a line that does not read as a sentence of the story.
    return bool(
        before_body and _CREDIT.search(line) and not _SENTENCE_END.search(line.rstrip(")] "))
    )


def _c1(code: int) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return ""


# Windows-1252 punctuation read as Latin-1 lands in the C1 controls: map it back.
C1_FIX = {code: _c1(code) for code in range(0x80, 0xA0)}


def is_caption_line(line: str) -> bool:
    """A photo caption or credit wherever it stands (its own markers, not its position)."""
    return len(line) <= 500 and bool(_CAPTION_START.match(line) or _STRONG_CREDIT.search(line))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs: blank-line separated blocks, or single lines when the dump has no blank lines."""
    text = text.translate(C1_FIX)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "").replace("\u200b", "")
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
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


# "NYPD: Man shot in Bronx", "PROSECUTORS: ...", "Police: ...": a label of the headline.
_LABEL_OPENER = re.compile(r"^(?P<label>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}):\s+(?P<rest>\S.*)$")
_AGENCY_LABELS = frozenset(
    ["police", "prosecutors", "prosecutor", "officials", "cops", "deputies", "sheriff", "authorities",
     "coroner", "witnesses", "investigators", "troopers", "firefighters", "officers", "feds",
     "report", "update", "updated", "breaking", "watch", "video", "photos", "exclusive"]
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_MAX_TITLE = 200


def _is_label_headline(p: str) -> bool:
    """A headline behind a short all-caps or agency-style label ("NYPD: Man shot in Bronx"),
    which the dateline reader would otherwise take for a place followed by a colon."""
    m = _LABEL_OPENER.match(p)
    if not m:
        return False
    label, rest = m.group("label"), m.group("rest")
    words = label.replace(".", "").split()
    agency_style = label.isupper() or all(w.lower() in _AGENCY_LABELS for w in words)
    if not agency_style or len(rest.split()) > 25:
        return False
    # A dateline opens running text; a headline is short and does not read as sentences.
    return not (rest.endswith(".") and len(rest.split()) >= 12) and not _SENTENCE_SPLIT.search(rest)


def _first_sentence(p: str) -> str:
    """The first sentence of a paragraph, at most about 200 characters, cut at a word."""
    first = _SENTENCE_SPLIT.split(p, maxsplit=1)[0].strip()
    if len(first) <= _MAX_TITLE:
        return first
    return first[:_MAX_TITLE].rsplit(" ", 1)[0].rstrip(",;:")


def _is_headline(p: str, rest: list[str]) -> bool:
    """Whether the first paragraph reads as a headline rather than the story's first sentence."""
    if not rest:
        return False
    if _is_label_headline(p):
        return True
    place, agency, _ = split_dateline(p)
    if place or agency:
        return False
    words = p.split()
    if len(words) > 30:
        return False
    # Two sentences ("Need a lift, friend? Take the bus.") are running text.
    if re.search(r"[a-z]{3,}[.!?][\"”’']?\s+[A-Z“\"]", p):
        return False
    if _is_caption(p, before_body=True) or _is_byline(p):
        return False
    caps = sum(1 for w in words if w[:1].isupper()) / len(words)
    if len(words) >= 20 and re.search(r"[.?!][\"”’']?$", p) and caps < 0.4:
        return False
    if p.endswith(".") and len(words) >= 8:
        caps = sum(1 for w in words if w[:1].isupper())
        # "Mara Quill is new to the council, but has already shown herself a capable chair."
        if ", " in p and caps / len(words) < 0.5:
            return False
    return True


_SITE_SUFFIX = re.compile(r"\s+(?:[|–—-]|::)\s+(?:[^|–—]*\.(?:com|org|net|co\.uk|tv|info)\b.*|[^|–—-]{1,40})\s*\|?\s*$", re.IGNORECASE)


def _clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip().rstrip("|").strip()
    parts = title.split(" - ")
    # "Headline - Action News 5 - Memphis, Tennessee": publisher and place after the headline.
    if len(parts) >= 3 and len(parts[0].split()) >= 3 and all(len(x.split()) <= 6 for x in parts[1:]):
        return parts[0].strip()
    # "Headline - site.com - City, State" / "Headline | Site": the site's part off.
    m = _SITE_SUFFIX.search(title)
    if m and (re.search(r"\.(?:com|org|net|co\.uk|tv|info)\b", m.group(0), re.IGNORECASE) or " | " in m.group(0)):
        head = title[: m.start()].strip()
        if len(head.split()) >= 3:
            title = head
    return title


def _is_byline(p: str) -> bool:
    return len(p.split()) <= 14 and bool(BYLINE.match(p))


def _title_with_stamp(p: str, title: str | None) -> bool:
    """The headline again with a date stamp glued on ("... Posted: Tuesday, April 15, ...")."""
    if not title or not p.startswith(title):
        return False
    rest = p[len(title):].strip()
    return len(rest) < 60 or bool(re.match(r"(?:posted|updated|published)\b", rest, re.IGNORECASE))


_STAMP = re.compile(r"(?:^(?:published|posted|first published|date)(?: on)?\s*:?|\s(?:published|posted):)"
                    r"\s*(?P<date>.{6,60}?)"
                    r"(?:\s*[|–—-]?\s*(?:updated|last updated|modified)\b.*)?$", re.IGNORECASE)


_FULL_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


def _stamp_date(paras: list[str]) -> str | None:
    """The publication date from a "Published: March 5, 2024 10:15 AM" line near the top."""
    for p in paras[:8]:
        m = _STAMP.search(p)
        if m and len(p) <= 250 and _FULL_DATE.search(m.group("date")):
            iso = iso_date(re.sub(r"\b(?:at|on)\b", " ", m.group("date")), fuzzy=True)
            if iso:
                return iso
    return None


def clean_text(text: str) -> CleanDoc:
    doc = CleanDoc()
    doc.published = _stamp_date(_paragraphs(text))
    paras = [
        p for i, p in enumerate(_paragraphs(text))
        if (i < 4 and _is_byline(p)) or not (is_furniture(p) or TEXT_FURNITURE.match(p))
    ]
    if not paras:
        return doc
    if _is_headline(paras[0], paras[1:]):
        doc.title = _clean_title(paras.pop(0))
        # The headline repeated (possibly with a date stamp glued on), then a byline.
        while paras and (same_text(paras[0], doc.title) or _title_with_stamp(paras[0], doc.title)):
            paras.pop(0)
    for i, p in enumerate(paras[:3]):
        m = BYLINE.match(p) if len(p.split()) <= 14 else None
        if m:
            doc.author = m.group("name").strip()
            paras.pop(i)
            break

    # Trailing furniture: cut at the first end marker in the second half of the text.
    for i, p in enumerate(paras):
        if i >= max(1, len(paras) // 2) and len(p) < 80 and _END_MARKER.match(p):
            paras = paras[:i]
            break
    paras = strip_trailer(strip_furniture(paras))
    # A short last line that announces something the dump does not hold ("Follow us here:").
    while paras and len(paras) > 1 and paras[-1].endswith(":") and len(paras[-1].split()) <= 20:
        paras.pop()

    body: list[str] = []
    dateline_seen = False
    for idx, p in enumerate(paras):
        if _is_caption(p, before_body=not body):
            doc.captions.append(p)
            continue
        if not dateline_seen and not body:
            place, agency, rest = split_dateline(p)
            if not (place or agency) and idx + 1 < len(paras) and len(p) <= 60:
                # The dateline on a line of its own: "KABUL, Afghanistan (AP) —".
                place, agency, rest = split_dateline(f"{p} {paras[idx + 1]}")
                if (place or agency) and rest == paras[idx + 1]:
                    doc.dateline, doc.agency = place, agency
                    dateline_seen = True
                    continue
                place = agency = None
            if place or agency:
                doc.dateline, doc.agency, p = place, agency, rest
            dateline_seen = True
        if p:
            body.append(p)
    body = drop_duplicates(body)
    if not body and doc.captions:
        # A photo gallery: every paragraph is a caption, and the captions tell the story.
        body, doc.captions = drop_duplicates(doc.captions), []
    doc.body = "\n\n".join(body)
    if doc.title is None and body:
        # No headline: the first sentence stands in, so an article always has a title.
        doc.title = _first_sentence(body[0])
    settle_language(doc, None)
    return doc

