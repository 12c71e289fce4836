"""Pydantic v2 models of every message that crosses a boundary.

Shared by `monitor` (the core) and `agents` (the Kafka adapters); the exported
JSON Schemas in `schemas/json/` are what alert consumers generate code from.
"""

from schemas.alert import Alert, AlertEvidence, ClaimantFigure
from schemas.analysis import (
    Analysis,
    AnalysisError,
    CasualtyFigure,
    CeasefireResult,
    CeasefireStatement,
    DuplicateRef,
    KarabakhRelevance,
    Mention,
    Paragraph,
    RepublicationRef,
)
from schemas.base import SCHEMA_VERSION
from schemas.deadletter import DeadLetter
from schemas.news import NewsItem

__all__ = [
    "SCHEMA_VERSION",
    "Alert",
    "AlertEvidence",
    "Analysis",
    "AnalysisError",
    "CasualtyFigure",
    "CeasefireResult",
    "CeasefireStatement",
    "ClaimantFigure",
    "DeadLetter",
    "DuplicateRef",
    "KarabakhRelevance",
    "Mention",
    "NewsItem",
    "Paragraph",
    "RepublicationRef",
]
