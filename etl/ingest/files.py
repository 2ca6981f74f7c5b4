"""Local inboxes: walk a folder so that every entry is accounted for, and open files safely.

Discovery never raises. A regular file with an article or container suffix is a candidate; a
symlink is followed only when its target stays inside the inbox; loops, broken links, FIFOs,
sockets, devices and unreadable entries become *rejection locators* (``PATH#reject=CODE``) so
they reach the ledger through ``process_batch`` like any other source. Hidden entries (name
starting with ``.``) and regular files of other types are not articles and are left alone.
A symlink to a folder inside the inbox is not followed: its files are read where they live.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from etl.ingest import locators

# name suffix → kind of source; each may also end in .gz
KINDS = {
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".warc": "warc",
    ".arc": "warc",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
ARTICLE_FORMATS = ("html", "text")
_SPECIAL = (
    (stat.S_ISFIFO, "fifo"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
)


def kind_for(name: str | os.PathLike) -> str | None:
    """``html`` / ``text`` / ``warc`` / ``json`` / ``jsonl`` from the name (``.gz`` forms too)."""
    low = os.fspath(name).rsplit("/", 1)[-1].lower()
    low = low.removesuffix(".gz")
    dot = low.rfind(".")
    return KINDS.get(low[dot:]) if dot > 0 else None


def format_for(name: str | os.PathLike) -> str | None:
    """Article format (``html`` / ``text``) from the name, else None."""
    kind = kind_for(name)
    return kind if kind in ARTICLE_FORMATS else None


def special_code(mode: int) -> str | None:
    """Rejection code of a file mode that is not a regular file or a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((code for test, code in _SPECIAL if test(mode)), "special")


def matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


@dataclass
class _Walk:
    root: str
    root_real: str
    include: list[str]
    exclude: list[str]
    recursive: bool
    found: list[str] = field(default_factory=list)

    def wanted(self, rel: str) -> bool:
        return matches(rel, self.include) and not matches(rel, self.exclude)

    def inside(self, target: str) -> bool:
        return target == self.root_real or target.startswith(self.root_real.rstrip("/") + "/")


def discover_local(
    root: str | os.PathLike, include: Iterable[str] = ("*",), exclude: Iterable[str] = (), recursive: bool = True
) -> list[str]:
    """Locators of the article files and containers under ``root`` (or ``root`` itself), sorted.

    ``include`` / ``exclude`` are globs matched against the (printable) path relative to
    ``root`` and against the file name. Raises FileNotFoundError only when ``root`` is missing.
    """
    root_s = os.fspath(root)
    try:
        st = os.stat(root_s)
    except FileNotFoundError:
        raise FileNotFoundError(f"inbox not found: {locators.printable(root_s)}") from None
    except OSError as exc:
        return [locators.rejected(locators.printable(root_s), _os_error_code(exc))]
    if not stat.S_ISDIR(st.st_mode):
        code = special_code(st.st_mode)
        base = locators.printable(root_s)
        return [locators.rejected(base, code) if code else base]
    walk = _Walk(root_s, os.path.realpath(root_s), list(include) or ["*"], list(exclude), recursive)
    _visit(walk, root_s, "")
    return sorted(walk.found)


def _os_error_code(exc: OSError) -> str:
    return {errno.ELOOP: "symlink-loop", errno.ENOENT: "symlink-broken"}.get(exc.errno, "unreadable")


def _visit(walk: _Walk, folder: str, rel: str) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        if rel and walk.wanted(rel.rstrip("/")):
            walk.found.append(locators.rejected(locators.printable(folder), "unreadable-folder"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        entry_rel = rel + locators.printable(entry.name)
        for item in _classify(walk, entry, entry_rel):
            walk.found.append(item)


def _classify(walk: _Walk, entry: os.DirEntry, rel: str) -> Iterator[str]:
    base = locators.printable(entry.path)
    try:
        if entry.is_symlink():
            yield from _symlink(walk, entry, rel, base)
        elif entry.is_dir(follow_symlinks=False):
            if walk.recursive:
                _visit(walk, entry.path, rel + "/")
        elif entry.is_file(follow_symlinks=False):
            if kind_for(entry.name) and walk.wanted(rel):
                yield base
        elif walk.wanted(rel):
            yield locators.rejected(base, special_code(entry.stat(follow_symlinks=False).st_mode) or "special")
    except OSError:
        if walk.wanted(rel):
            yield locators.rejected(base, "unreadable")


def _symlink(walk: _Walk, entry: os.DirEntry, rel: str, base: str) -> Iterator[str]:
    if not walk.wanted(rel):
        return
    try:
        target = os.path.realpath(entry.path, strict=True)
    except OSError as exc:
        yield locators.rejected(base, _os_error_code(exc))
        return
    if not walk.inside(target):
        yield locators.rejected(base, "symlink-outside")
        return
    st = os.stat(target)
    if stat.S_ISDIR(st.st_mode):
        return  # inside the inbox: its files are found where they live
    code = special_code(st.st_mode)
    if code:
        yield locators.rejected(base, code)
    elif kind_for(entry.name):
        yield base


# ------------------------------------------------------------------------------------- opening


class NotAFile(ValueError):
    """The locator names something that is not a regular file; the message is the reason."""


def open_local(base: str):
    """Open a local file for reading without hanging on a FIFO; NotAFile for special files."""
    path = locators.fs_path(base)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror) from None
    try:
        st = os.fstat(fd)
        code = special_code(st.st_mode)
        if code or stat.S_ISDIR(st.st_mode):
            raise NotAFile(locators.REJECT_REASONS.get(code or "", "a folder, not a file"))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def local_size(f) -> int:
    return os.fstat(f.fileno()).st_size


def as_path(base: str) -> Path:
    return Path(os.fsdecode(locators.fs_path(base)))
