"""Dates as pages write them, to ISO 8601."""

from __future__ import annotations

import re
import warnings
from datetime import datetime


def iso_date(value: str | None, fuzzy: bool = False) -> str | None:
    """ISO 8601 for a date as pages write it; None when it cannot be read."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return value
    if fuzzy and not re.search(r"\b(?:19|20)\d{2}\b", value):
        return None  # "Published: Monday" would come back as today
    try:
        from dateutil import parser as dateparser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dt = dateparser.parse(value, fuzzy=fuzzy)
    except (ValueError, OverflowError, TypeError, ImportError):
        m = re.match(r"^(\d{4}-\d{2}-\d{2})", value)
        return m.group(1) if m else None
    if not isinstance(dt, datetime) or not 1990 <= dt.year <= 2100:
        return None
    if dt.hour == dt.minute == dt.second == 0 and dt.tzinfo is None and not re.search(r"\d:\d", value):
        return dt.date().isoformat()
    return dt.isoformat()
