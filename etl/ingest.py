"""Discover inbox files, read their bytes, tell format and encoding, hash them.

Every file becomes a :class:`SourceFile`; one that cannot be read as an article carries an
``error`` (the reason it is rejected) instead of text, so the caller can record it and go on.
"""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import os
import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from charset_normalizer import from_bytes

from etl.models import SourceFile

SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
MAX_BYTES = 20 * 1024 * 1024  # a single article larger than this is not an article
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|p|div)[\s>]", re.I)
_PREFERRED_LEGACY = ("cp1252", "iso8859_15", "latin_1", "cp1251", "cp1250")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)


def format_for(path: str | os.PathLike) -> str | None:
    """``html`` / ``text`` from the file name (``.gz`` forms included), else None."""
    name = Path(path).name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return SUFFIXES.get(Path(name).suffix)


def discover(
    root: str | os.PathLike,
    include: Iterable[str] = ("*",),
    exclude: Iterable[str] = (),
    recursive: bool = True,
) -> list[str]:
    """Candidate article files under ``root`` (or ``root`` itself), sorted.

    ``include`` / ``exclude`` are globs matched against the path relative to ``root`` and
    against the file name. Hidden files and folders are skipped.
    """
    include, exclude = list(include) or ["*"], list(exclude)
    root = Path(root)
    if root.is_file():
        return [str(root)]
    if not root.is_dir():
        raise FileNotFoundError(f"inbox not found: {root}")

    def matches(rel: str, patterns: list[str]) -> bool:
        name = rel.rsplit("/", 1)[-1]
        return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)

    found = []
    walker = os.walk(root) if recursive else [(str(root), [], os.listdir(root))]
    for dirpath, dirnames, filenames in walker:
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in filenames:
            if fname.startswith("."):
                continue
            full = Path(dirpath) / fname
            if not full.is_file() or format_for(full) is None:
                continue
            rel = full.relative_to(root).as_posix()
            if matches(rel, include) and not matches(rel, exclude):
                found.append(str(full))
    return sorted(found)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 100)


def decode(data: bytes, fmt: str | None) -> tuple[str, str]:
    """Bytes to text; returns (text, encoding). Raises ValueError when it is not text."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if _looks_binary(data):
        raise ValueError("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if fmt == "html":
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            try:
                name = declared.group(1).decode("ascii")
                return data.decode(name), name.lower()
            except (LookupError, UnicodeDecodeError):
                pass
    # charset-normalizer scores candidates by "chaos" (mess) and language coherence. On short
    # Western texts it can settle on an exotic code page first, and it often scores several
    # Western code pages the same: so the web's common legacy encodings are scored too, and
    # among equals they win (browsers read latin-1 labels as windows-1252).
    matches = list(from_bytes(data)) + list(from_bytes(data, cp_isolation=list(_PREFERRED_LEGACY[:3])))
    if not matches:
        raise ValueError("undecodable bytes: no text encoding fits")

    def rank(m) -> tuple:
        preferred = _PREFERRED_LEGACY.index(m.encoding) if m.encoding in _PREFERRED_LEGACY else 99
        return (round(m.chaos, 3), -round(m.coherence, 3), preferred)

    best = min(matches, key=rank)
    return str(best), best.encoding


def read_source(path: str | os.PathLike) -> SourceFile:
    """Read one file. Never raises for bad content: the reason goes to ``error``."""
    path_s = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return SourceFile(path=path_s, sha256="", size=0, error=f"unreadable: {exc.strerror or exc}")
    sha = hashlib.sha256(raw).hexdigest()
    src = SourceFile(path=path_s, sha256=sha, size=len(raw), format=format_for(path))
    data = raw
    if path_s.lower().endswith(".gz") or raw[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            src.error = f"corrupt gzip: {exc}"
            return src
        # The article's identity is its content, whether or not it was compressed.
        src.sha256 = hashlib.sha256(data).hexdigest()
    if len(data) > MAX_BYTES:
        src.error = f"too large: {len(data)} bytes (limit {MAX_BYTES})"
        return src
    if not data.strip():
        src.error = "empty file"
        return src
    try:
        text, encoding = decode(data, src.format)
    except ValueError as exc:
        src.error = str(exc)
        return src
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if src.format is None:
        src.format = "html" if _HTML_SNIFF.search(data[:4096]) else "text"
    elif src.format == "text" and _HTML_SNIFF.search(data[:2048]) and "</" in text[:4096]:
        src.format = "html"  # an HTML page saved with a .txt name
    if not text.strip():
        src.error = "empty file"
        return src
    src.text, src.encoding = text, encoding
    return src
