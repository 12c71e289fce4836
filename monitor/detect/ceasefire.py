"""Ceasefire statements (filled in by the detectors issue)."""

from __future__ import annotations

from monitor.document import Document
from schemas.analysis import CeasefireResult


def detect_ceasefire(doc: Document) -> CeasefireResult:
    """Ceasefire or truce statements in the item."""
    return CeasefireResult()
