"""The output of the core for one item (`monitor analyze`, topic news.enriched)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from schemas.alert import Alert
from schemas.base import SCHEMA_VERSION, Message

CasualtyKind = Literal["killed", "wounded", "missing", "captured", "evacuated", "displaced"]
Qualifier = Literal[
    "exact", "about", "more_than", "at_least", "up_to", "tens", "hundreds", "thousands"
]
CeasefireStatus = Literal[
    "proposed", "agreed", "announced", "holding", "violated", "suspended", "called_for"
]


class Span(Message):
    """Where evidence stands: offsets into the item's body (after HTML removal),
    half-open, so `body[start:end]` gives the words back. `paragraph` is None
    for the title, and then offsets are into the title."""

    paragraph: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Mention(Span):
    """One mention of the Karabakh region, a place in it, or the conflict."""

    text: str = Field(description="The words as written.")
    canonical: str = Field(description="The lexicon entry it matched.")
    kind: str = Field(description="region, place, actor, event, ...")


Centrality = Literal["central", "passing", "none"]


class EventTimeInfo(Message):
    """Where the item sits in event time (see `monitor.eventtime`)."""

    at: datetime = Field(description="The time the state used: published_at, or ingest time.")
    source: Literal["published", "ingested"] = "published"
    clock: Literal["ok", "future", "too_old", "missing"] = Field(
        "ok",
        description="Why published_at was not used: dated beyond the tolerance after its "
        "ingest time (future), before 1980 (too_old), or absent (missing).",
    )
    late: bool = Field(
        False, description="Published more than the allowed lateness before the watermark."
    )
    lateness_seconds: float = Field(0.0, ge=0, description="How far behind the watermark.")


class KarabakhRelevance(Message):
    related: bool = Field(
        False,
        description="The item names the region or its conflict, however briefly "
        "(or copies or updates an item that did).",
    )
    score: float = Field(
        0.0, ge=0, le=1, description="How central the region is to the item (1: the subject)."
    )
    centrality: Centrality = Field(
        "none",
        description="central: the region is a subject of the item; passing: named in "
        "passing or in the background; none: not named.",
    )
    inherited_from: str | None = Field(
        None,
        description="The earlier Karabakh-related article whose paragraphs this item repeats, "
        "when its own text no longer names the region.",
    )
    mentions: list[str] = Field(default_factory=list, description="Distinct surface forms.")
    mention_spans: list[Mention] = Field(default_factory=list)


class CeasefireStatement(Span):
    status: CeasefireStatus
    sentence: str
    trigger: str = Field("", description="The words that carry the status.")
    historical: bool = False
    parties: list[str] = Field(default_factory=list, description="Parties the sentence names.")
    proposed_by: str | None = None
    accepted_by: str | None = None


class CeasefireResult(Message):
    detected: bool = False
    statements: list[CeasefireStatement] = Field(default_factory=list)


class CasualtyFigure(Span):
    """One figure as stated; `start`/`end` cover the number and its noun."""

    kind: CasualtyKind
    count: int | None = Field(None, ge=0)
    approximate: bool = False
    qualifier: Qualifier = "exact"
    attributed_to: str | None = None
    cumulative: bool = Field(False, description="A running toll ('rose to'), not a new incident.")
    historical: bool = False
    sentence: str = ""


class DuplicateRef(Message):
    """Where a paragraph was first seen."""

    article: str
    paragraph: int = Field(ge=0)
    source: str | None = None


class Paragraph(Message):
    index: int = Field(ge=0)
    text: str
    start: int = Field(ge=0, description="Offset of the paragraph in the body.")
    end: int = Field(ge=0)
    fingerprint: str = Field(description="Hex digest of the normalized text.")
    duplicate_of: DuplicateRef | None = None


class RepublicationRef(Message):
    """The earlier article this one republishes (nearly all paragraphs seen there)."""

    article: str
    source: str | None = None
    shared_paragraphs: int = Field(ge=0)


class Analysis(Message):
    schema_version: str = SCHEMA_VERSION
    id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    processed_at: datetime | None = None
    event_time: EventTimeInfo | None = None
    body: str = Field(description="The body as analysed (HTML removed); offsets refer to it.")
    karabakh: KarabakhRelevance = Field(default_factory=KarabakhRelevance)
    ceasefire: CeasefireResult = Field(default_factory=CeasefireResult)
    casualties: list[CasualtyFigure] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    duplicate_paragraphs: int = Field(0, ge=0)
    republication_of: RepublicationRef | None = None
    alerts: list[Alert] = Field(default_factory=list)


class ErrorInfo(Message):
    code: str = Field(description="Machine-readable reason, e.g. invalid_json, body_too_large.")
    message: str


class AnalysisError(Message):
    """The output line for an input line that is not a valid item."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    line: int | None = Field(None, ge=1, description="1-based input line number.")
    error: ErrorInfo
