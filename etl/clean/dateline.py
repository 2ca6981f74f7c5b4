"""Datelines and agencies at the start of a body.

Forms read (place in capitals, then optional region, date and agency, then a dash or colon)::

    SULAIMANI (ESTA) — ...              LONDON (Reuters) - ...
    KABUL, Afghanistan (AP) — ...       WASHINGTON — ...
    NEW YORK, March 3 (Reuters) - ...   HEMPSTEAD, N.Y., Sept. 26 (UPI) — ...
    LONDON, 3 March (Reuters) - ...     MILFORD -- ...
    NEW DELHI: ...                      WASHINGTON (CNN)President ...
    CHICAGO, Nov. 20, 2019 /PRNewswire/ -- ...
    (Reuters) - ...                     (AP) — ...
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_PLACE = r"(?P<place>[A-Z][A-Z'’.\- ]{1,40}?[A-Z.])"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\- ]{1,40}?))?"
_DATE = rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?))?"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z0-9&.'’ /\-]{0,40})\)|\s*/(?P<wire>[A-Za-z][A-Za-z0-9&.\- ]{1,40})/)?"
_DASH = r"\s*(?P<dash>[—–]|--?|:)\s*"
DATELINE_RE = re.compile(rf"^{_PLACE}{_REGION}{_DATE}{_AGENCY}{_DASH}")
# PLACE (AGENCY) glued to the text with no dash: "WASHINGTON (CNN)President ..."
DATELINE_NODASH_RE = re.compile(
    rf"^{_PLACE}{_REGION}{_DATE}\s*\((?P<agency>[A-Za-z][A-Za-z0-9&.'’ /\-]{{0,40}})\)\s*(?=[A-Z“\"‘'])"
)
# A place written in ordinary case, made safe by the agency after it:
# "Washington (CNN) — ...", "Hong Kong (CNN Business)Shares ...", "Kyiv, Ukraine (AP) — ..."
DATELINE_TITLECASE_RE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|del|al|el)){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?"
    r"\s*\((?P<agency>[A-Z][A-Za-z0-9&.' /\-]{1,40})\)(?:\s*(?P<dash>[—–]|--?)\s*|(?=[A-Z“\"‘']))"
)
# An agency alone: "(Reuters) - ...", "(AP) — ..."
AGENCY_ONLY_RE = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z0-9&.'’ /\-]{0,40})\)\s*(?:[—–]|--?)\s*")

# Capitalised openers that are labels, not places.
_LABEL_WORDS = frozenset(
    ["BREAKING", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "COMMENTARY", "LIVE", "NOTE", "CORRECTION", "CLARIFICATION", "PHOTOS", "PHOTO", "VIDEO", "RELATED", "FILE", "ADVERTISEMENT", "SPONSORED", "REVIEW", "INTERVIEW", "WARNING", "ALERT", "URGENT", "FLASH", "DEVELOPING", "BULLETIN", "TRANSCRIPT", "PODCAST", "SUMMARY", "BACKGROUND", "CONTEXT", "MORE", "READ", "SEE", "ALSO", "NEWS", "TOP", "STORIES", "UPDATES"]
)


# Capitalised first words that start a sentence, not a place, before "(...)".
_NOT_TITLECASE_PLACES = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "President", "Senator", "Rep", "Representative", "Governor", "Gov", "Mayor", "Police", "Officials", "Photo", "Video", "Watch", "Update", "Updated", "Editor", "Note", "Sen", "Mr", "Mrs", "Ms", "Dr"]
)


def _is_label(place: str) -> bool:
    words = re.sub(r"[^A-Z' ]", " ", place.upper()).split()
    return bool(words) and all(w in _LABEL_WORDS or w in ("EDITOR'S", "EDITORS", "Q&A") for w in words)


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Return (dateline place, agency, rest of the paragraph)."""
    m = DATELINE_RE.match(paragraph) or DATELINE_NODASH_RE.match(paragraph)
    if m:
        place = m.group("place").strip()
        words = place.replace(".", "").split()
        agency = m.groupdict().get("agency") or m.groupdict().get("wire")
        colon = (m.groupdict().get("dash") or "") == ":"
        rest = paragraph[m.end():].lstrip()
        # A sentence that starts in capitals ("THE PRESIDENT said:") or a label
        # ("BREAKING:", "UPDATE —") is not a dateline; a colon needs a short place.
        ok = (
            len(words) <= 4
            and not _is_label(place)
            and (not colon or agency or (len(words) <= 3 and len("".join(words)) >= 4))
            and rest[:1] not in ("", ",", ";", ")")
            and (m.groupdict().get("dash") or agency)
        )
        if ok:
            region = m.group("region")
            dateline = f"{place}, {region.strip()}" if region else place
            return dateline, agency.strip() if agency else None, rest
    m = DATELINE_TITLECASE_RE.match(paragraph)
    if m and m.group("place").split()[0] not in _NOT_TITLECASE_PLACES:
        rest = paragraph[m.end():].lstrip()
        if rest[:1].isupper() or rest[:1] in "“\"‘'":
            region = m.group("region")
            dateline = f"{m.group('place')}, {region}" if region else m.group("place")
            return dateline, m.group("agency").strip(), rest
    m = AGENCY_ONLY_RE.match(paragraph)
    if m and paragraph[m.end():].strip():
        return None, m.group("agency").strip(), paragraph[m.end():].lstrip()
    return None, None, paragraph
