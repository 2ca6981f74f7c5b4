"""Discovery of a local inbox: every entry accounted for, never raising, symlinks kept inside."""

from __future__ import annotations

import os
import socket
import tempfile
from pathlib import Path

import pytest

from etl.ingest import discover, locators, read_source

ARTICLE = "Harbour wall checked\n\nFishing crews in Orrin Bay stayed in port on Monday, the council said.\n"


def _names(found: list[str], root: Path) -> dict[str, str | None]:
    """relative name → rejection code (None for a file to read)."""
    out = {}
    for item in found:
        loc = locators.parse(item)
        out[loc.base[len(str(root)) + 1 :]] = loc.value if loc.key == "reject" else None
    return out


@pytest.fixture
def hostile(tmp_path):
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(ARTICLE)
    (root / "sub" / "inner.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (root / "notes.md").write_text("not an article type")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "environ.txt").symlink_to("/proc/self/environ")
    (root / "proc").symlink_to("/proc")
    (root / "loop_a.txt").symlink_to(root / "loop_b.txt")
    (root / "loop_b.txt").symlink_to(root / "loop_a.txt")
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "inside.txt").symlink_to(root / "good.txt")
    (root / "sub-link").symlink_to(root / "sub")
    os.mkfifo(root / "x.txt")
    os.mkdir(root / ".hidden")
    (root / ".hidden" / "skip.txt").write_text(ARTICLE)
    (root.joinpath(os.fsdecode(b"bad\xff\xfename.txt"))).write_text(ARTICLE)
    return root


def test_every_entry_is_a_locator_or_a_rejection(hostile):
    found = _names(discover(hostile), hostile)
    assert found == {
        "bad\\xff\\xfename.txt": None,
        "environ.txt": "symlink-outside",
        "gone.txt": "symlink-broken",
        "good.txt": None,
        "inside.txt": None,
        "loop_a.txt": "symlink-loop",
        "loop_b.txt": "symlink-loop",
        "passwd.txt": "symlink-outside",
        "proc": "symlink-outside",
        "sub/inner.html": None,
        "x.txt": "fifo",
    }


def test_rejection_locators_read_as_rejections_with_reasons(hostile):
    by_name = {}
    for item in discover(hostile):
        src = read_source(item)
        by_name[src.path.rsplit("/", 1)[-1]] = src
    assert by_name["passwd.txt"].error == "symlink outside the inbox"
    assert by_name["proc"].error == "symlink outside the inbox"
    assert by_name["loop_a.txt"].error == "symlink loop"
    assert by_name["x.txt"].error.startswith("not a regular file: FIFO")
    assert all("root:x:0:0" not in (s.text or "") for s in by_name.values())
    bad = by_name["bad\\xff\\xfename.txt"]
    assert bad.error is None and bad.text.startswith("Harbour wall checked")
    assert bad.path.encode("utf-8")  # storable
    assert by_name["inside.txt"].sha256 == by_name["good.txt"].sha256


def test_a_fifo_read_directly_does_not_hang(hostile):
    src = read_source(str(hostile / "x.txt"))
    assert src.error == "not a regular file: FIFO (named pipe)"


def test_a_socket_gets_a_rejection():
    with tempfile.TemporaryDirectory(dir="/tmp") as d:  # short path: AF_UNIX names are short
        sock = socket.socket(socket.AF_UNIX)
        try:
            sock.bind(os.path.join(d, "s.txt"))
            assert _names(discover(d), Path(d)) == {"s.txt": "socket"}
        finally:
            sock.close()


def test_globs_apply_to_rejections_too(hostile):
    found = _names(discover(hostile, include=["*.html"]), hostile)
    assert found == {"sub/inner.html": None}
    found = _names(discover(hostile, exclude=["*.txt"]), hostile)
    assert found == {"proc": "symlink-outside", "sub/inner.html": None}


def test_a_single_file_root_and_a_missing_root(hostile, tmp_path):
    assert discover(hostile / "good.txt") == [str(hostile / "good.txt")]
    assert discover(hostile / "x.txt") == [f"{hostile}/x.txt#reject=fifo"]
    with pytest.raises(FileNotFoundError, match="inbox not found"):
        discover(tmp_path / "nowhere")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file and folder")
def test_unreadable_entries_get_rejections(tmp_path):
    root = tmp_path / "inbox"
    (root / "locked").mkdir(parents=True)
    (root / "secret.txt").write_text(ARTICLE)
    (root / "secret.txt").chmod(0)
    (root / "locked").chmod(0)
    try:
        found = _names(discover(root), root)
        assert found == {"locked": "unreadable-folder", "secret.txt": None}
        assert read_source(str(root / "secret.txt")).error.startswith("unreadable")
    finally:
        (root / "locked").chmod(0o755)
