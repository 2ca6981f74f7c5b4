"""Bytes to text, honestly: UTF-8 unless the evidence says otherwise, and every repair counted.

* UTF-8 (with or without BOM) and UTF-16 with a BOM decode as such.
* A file that is mostly UTF-8 with a few invalid bytes stays UTF-8: each invalid byte becomes
  U+FFFD and is counted (``replaced_bytes``); it is not re-read as some legacy code page.
* A legacy encoding is considered only when the UTF-8 evidence is weak (valid non-ASCII
  characters × ``UTF8_EVIDENCE_RATIO`` < runs of invalid bytes: legacy text almost never
  contains valid UTF-8 sequences by chance) and chosen only with evidence of its own: a
  declared charset (HTTP header, HTML ``<meta charset>``) that decodes the bytes, or a
  charset-normalizer match with little "chaos". Without it the file is decoded as UTF-8 with
  replacement, counted.
* NUL and the other C0 control characters (except tab, newline, form feed, carriage return)
  and DEL are removed from the text and counted (``removed_chars``): PostgreSQL cannot store
  NUL, and the others are noise that breaks HTML/XML tooling.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BINARY_SAMPLE = 8192
_ALLOWED_CONTROLS = frozenset((9, 10, 12, 13))
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]")
_ESCAPED_RUNS = re.compile("[\udc80-\udcff]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
# Browsers read latin-1 labels as windows-1252; among equally good matches these win.
PREFERRED_LEGACY = ("cp1252", "iso8859_15", "latin_1", "cp1251", "cp1250")
# Valid UTF-8 sequences happen by chance in legacy text about never, damage in UTF-8 text comes
# in runs: a file stays UTF-8 while valid non-ASCII characters × this ≥ runs of invalid bytes.
UTF8_EVIDENCE_RATIO = 4
MAX_LEGACY_CHAOS = 0.2  # charset-normalizer "mess" above which a legacy match is no evidence


@dataclass
class Decoded:
    text: str
    encoding: str
    replaced_bytes: int = 0
    damaged_spots: int = 0  # runs of consecutive invalid bytes


def looks_binary(data: bytes) -> bool:
    """Many NULs or control bytes near the start: an image, a PDF, an archive, not text.

    A stray NUL or two is not binary: those are removed from the text and counted.
    """
    sample = data[:BINARY_SAMPLE]
    control = sum(1 for b in sample if b < 32 and b not in _ALLOWED_CONTROLS and b != 27)
    return control > max(8, len(sample) // 100)


def remove_controls(text: str) -> tuple[str, int]:
    """Text without NUL / control characters PostgreSQL or XML tools cannot take; (text, removed)."""
    cleaned, n = _CONTROL_CHARS.subn("", text)
    return cleaned, n


def _utf8_with_replacement(data: bytes) -> Decoded:
    raw = data.decode("utf-8", "surrogateescape")
    spots = len(_ESCAPED_RUNS.findall(raw))
    text, bad = _ESCAPED_BYTES.subn("\ufffd", raw)
    return Decoded(text, "utf-8", bad, spots)


def _valid_non_ascii(text: str) -> int:
    return sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")


def _declared(data: bytes, fmt: str | None, declared: str | None) -> Decoded | None:
    names = [declared] if declared else []
    if fmt == "html":
        m = _META_CHARSET.search(data[:4096])
        if m:
            names.append(m.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec in ("utf-8", "ascii"):
            continue  # declared UTF-8 that does not decode: the repair path handles it
        try:
            return Decoded(data.decode(codec), name.lower())
        except UnicodeDecodeError:
            continue
    return None


def _guessed(data: bytes) -> Decoded | None:
    """charset-normalizer's best match, or None when even that is a mess."""
    # On short Western texts it can settle on an exotic code page first and score several
    # Western code pages the same: the web's common legacy encodings are scored too, and
    # among equals they win.
    matches = list(from_bytes(data)) + list(from_bytes(data, cp_isolation=list(PREFERRED_LEGACY[:3])))
    matches = [m for m in matches if m.encoding not in ("utf_8", "ascii") and m.chaos <= MAX_LEGACY_CHAOS]
    if not matches:
        return None

    def rank(m) -> tuple:
        preferred = PREFERRED_LEGACY.index(m.encoding) if m.encoding in PREFERRED_LEGACY else 99
        return (round(m.chaos, 3), -round(m.coherence, 3), preferred)

    best = min(matches, key=rank)
    return Decoded(str(best), best.encoding)


def decode_bytes(data: bytes, fmt: str | None = None, declared: str | None = None) -> Decoded:
    """Bytes to text with the evidence rules above. Raises ValueError when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        d = _utf8_with_replacement(data[3:])
        d.encoding = "utf-8-sig"
        return d
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"undecodable bytes: UTF-16 BOM but invalid UTF-16 ({exc.reason})") from exc
    if looks_binary(data):
        raise ValueError("binary content, not text")
    utf8 = _utf8_with_replacement(data)
    if utf8.replaced_bytes == 0:
        return utf8
    if _valid_non_ascii(utf8.text) * UTF8_EVIDENCE_RATIO >= utf8.damaged_spots:
        return utf8  # mostly UTF-8: a few damaged spots do not make it a legacy code page
    return _declared(data, fmt, declared) or _guessed(data) or utf8


def decode(data: bytes, fmt: str | None = None) -> tuple[str, str]:
    """(text, encoding) of ``data``; ValueError when it is not text (see :func:`decode_bytes`)."""
    d = decode_bytes(data, fmt)
    return d.text, d.encoding
