"""Casualty and displacement figures (filled in by the detectors issue)."""

from __future__ import annotations

from monitor.document import Document
from schemas.analysis import CasualtyFigure


def detect_casualties(doc: Document) -> list[CasualtyFigure]:
    """Every casualty or displacement figure the item states."""
    return []
