"""Datelines and agencies at the start of a body: ``SULAIMANI (ESTA) —``, ``LONDON (Reuters) -``."""

from __future__ import annotations

import re

# PLACE[, Region][, date] [(AGENCY)] DASH   — the place is written in capitals.
_PLACE = r"(?P<place>[A-Z][A-Z'’.\- ]{1,40}?[A-Z.])"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\- ]{1,40}?))?"
_DATE = r"(?:,\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
_AGENCY = r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z0-9&.'’ /\-]{0,40})\))?"
_DASH = r"\s*(?:[—–]|--?|:)\s+"
DATELINE_RE = re.compile(rf"^{_PLACE}{_REGION}{_DATE}{_AGENCY}{_DASH}")
# An agency alone: "(Reuters) - ...", "(AP) — ..."
AGENCY_ONLY_RE = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z0-9&.' /\-]{0,40})\)\s*(?:[—–]|--?)\s+")


def split_dateline(paragraph: str) -> tuple[str | None, str | None, str]:
    """Return (dateline place, agency, rest of the paragraph)."""
    m = DATELINE_RE.match(paragraph)
    if m:
        place = m.group("place").strip()
        words = place.replace(".", "").split()
        # A sentence that happens to start in capitals ("THE PRESIDENT said:") is not a
        # dateline: require the agency, a dash, or a short place name.
        if len(words) <= 4 and not (m.group(0).rstrip().endswith(":") and not m.group("agency")):
            region = m.group("region")
            dateline = f"{place}, {region.strip()}" if region else place
            agency = m.group("agency").strip() if m.group("agency") else None
            return dateline, agency, paragraph[m.end():].lstrip()
    m = AGENCY_ONLY_RE.match(paragraph)
    if m:
        return None, m.group("agency").strip(), paragraph[m.end():].lstrip()
    return None, None, paragraph
