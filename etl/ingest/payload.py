"""What a reader hands on: the bytes (or text) of one source and its container's metadata."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Payload:
    data: bytes | None = None  # raw bytes, decoded by etl.ingest.decoding
    text: str | None = None  # already text (a JSON field)
    fmt: str | None = None  # html | text; None: sniff
    declared: str | None = None  # charset declared by the container (HTTP Content-Type)
    meta: dict = field(default_factory=dict)
    size: int | None = None  # bytes as stored, when it differs from len(data)


class Rejected(ValueError):
    """A source that is no article; the message is the reason, the rest goes to the ledger."""

    def __init__(self, reason: str, *, meta: dict | None = None, sha256: str = "", size: int = 0,
                 fmt: str | None = None):
        super().__init__(reason)
        self.meta, self.sha256, self.size, self.fmt = meta or {}, sha256, size, fmt
