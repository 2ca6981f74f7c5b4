"""What one quote extraction run has found so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from etl.extract.coref import Speaker
from etl.models import Quote


@dataclass
class RunState:
    """What one extraction run has found so far (quote spans are numbered in text order)."""

    attrib: dict[int, tuple[Token | None, str]] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)  # spans dropped or folded into a mixed quote
    speakers: dict[int, Speaker] = field(default_factory=dict)
    quotes_by_span: dict[int, Quote] = field(default_factory=dict)
    by_para: dict[int, list[int]] = field(default_factory=dict)  # paragraph start -> spans quoted
    ind_quotes: list[Quote] = field(default_factory=list)

    def add(self, k: int, quote: Quote, spk: Speaker, para: int) -> None:
        self.quotes_by_span[k] = quote
        self.speakers[k] = spk
        self.by_para.setdefault(para, []).append(k)
