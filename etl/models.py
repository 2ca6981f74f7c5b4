"""Dataclasses that are the contract between pipeline stages.

The JSON printed by ``newsetl extract`` is their serialisation (see ``etl.serialize``) and the
warehouse tables mirror them. Every offset indexes into ``CleanDoc.body``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
QUOTE_KINDS = ("direct", "indirect", "mixed")
CASUALTY_CATEGORIES = ("killed", "injured", "missing", "kidnapped", "arrested")
FILE_FORMATS = ("html", "text")
LEDGER_STATUSES = ("loaded", "duplicate", "rejected")
# Article-level quality problems: recorded in articles.quality_flags, shown in v_article_quality;
# they make a run "partial", never "failed".
QUALITY_FLAGS = ("no_title", "no_date", "empty_extraction", "replaced_bytes", "removed_chars", "truncated")


@dataclass
class SourceFile:
    """One source as read from the inbox: a file, a WARC record, a JSON line or an object.

    ``path`` is its locator (the ledger key, see ``etl.ingest.locators``); ``meta`` holds what
    the container said about it: ``url``, ``published`` (ISO), ``fetched`` (ISO, e.g. WARC-Date),
    ``title``, ``authors`` (list), ``language``, ``site_name``, ``etag``, ``version``,
    ``record_offset``, ``line``.
    """

    path: str
    sha256: str
    size: int
    format: str | None = None  # "html" | "text"; None when it could not be told
    encoding: str | None = None
    text: str | None = None
    error: str | None = None  # why the file is rejected; None when it is readable
    replaced_bytes: int = 0  # invalid byte sequences decoded as U+FFFD
    removed_chars: int = 0  # NUL and other control characters PostgreSQL cannot store, removed
    meta: dict = field(default_factory=dict)


@dataclass
class CleanDoc:
    """Metadata and body of one article after boilerplate removal."""

    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601
    published_source: str | None = None  # where `published` came from (html-meta, crawler, dateline, text-line, ...)
    dateline: str | None = None
    agency: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    language_confidence: float | None = None  # of the body's identification; None: declared, or unknown
    captions: list[str] = field(default_factory=list)
    body: str = ""


@dataclass
class Entity:
    """A named entity with its canonical name and every mention's offsets in the body."""

    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    country_code: str | None = None  # ISO 3166-1 alpha-2 for GPEs that are countries
    aliases: list[str] = field(default_factory=list)  # surface forms seen in this article
    # Derived after extraction (etl.enrich): where this place is, in this article's context.
    place_country: str | None = None  # ISO 3166-1 alpha-2 (GPE/LOC), when unambiguous
    place_admin1: str | None = None  # ISO 3166-2 first-level region, when unambiguous


@dataclass
class Quote:
    """A direct, mixed or indirect quote with its resolved speaker."""

    text: str
    speaker: str | None
    kind: str  # direct | indirect | mixed
    cue: str | None
    start: int
    end: int
    speaker_type: str | None = None  # entity type when the speaker is a known entity
    # Derived after extraction (etl.enrich); the extractor's own fields above stay as found.
    event_date: str | None = None  # ISO date (start of the period for week/month precision)
    event_date_precision: str | None = None  # day | week | month
    event_date_text: str | None = None  # the expression it was resolved from ("on Thursday")
    speaker_normalized: str | None = None  # case, titles and articles folded; entity name if linked
    speaker_entity: str | None = None  # canonical name of the article entity the speaker is


# Casualty fields that the JSON contract and the casualties table carry under the same name.
FIGURE_FIELDS = (
    "category",
    "count",
    "count_min",
    "count_max",
    "qualifier",
    "victims",
    "attribution",
    "confirmed",
    "location",
    "sentence",
)

# Fields derived after extraction (etl.enrich), carried by the JSON and the tables alike.
FIGURE_DERIVED = (
    "event_date",
    "event_date_precision",
    "event_date_text",
    "country_code",
    "admin1",
    "place_basis",
    "attribution_normalized",
)
QUOTE_DERIVED = (
    "event_date",
    "event_date_precision",
    "event_date_text",
    "speaker_normalized",
    "speaker_entity",
)


@dataclass
class Casualty:
    """A casualty figure; ``mentions`` holds the offsets of every sentence that told it."""

    category: str
    count: int | None
    count_min: int | None
    count_max: int | None
    qualifier: str | None
    victims: str | None
    attribution: str | None
    confirmed: bool | None
    location: str | None
    sentence: str
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # Derived after extraction (etl.enrich); the extractor's own fields above stay as found.
    event_date: str | None = None  # ISO date (start of the period for week/month precision)
    event_date_precision: str | None = None  # day | week | month
    event_date_text: str | None = None  # the expression it was resolved from ("late Saturday")
    country_code: str | None = None  # ISO 3166-1 alpha-2 of the location, when unambiguous
    admin1: str | None = None  # ISO 3166-2 code of the first-level region, when unambiguous
    place_basis: str | None = None  # location (the figure's own place) | dateline
    attribution_normalized: str | None = None  # case, titles and articles folded


@dataclass
class StoryPrint:
    """What story matching needs of an article's body: a MinHash signature and its size."""

    minhash: bytes  # datasketch MinHash hash values, little-endian uint32
    shingles: int  # number of distinct word shingles the signature summarises


@dataclass
class Article:
    """Everything extracted from one source file."""

    source_path: str
    sha256: str
    format: str
    doc: CleanDoc
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    extractor_version: str = ""
    story_print: StoryPrint | None = None  # set by etl.enrich; matched against loaded articles
    language_unsupported: bool = False  # its language has no pipeline (etl.lang): not parsed

    @property
    def word_count(self) -> int:
        return len(self.doc.body.split())
