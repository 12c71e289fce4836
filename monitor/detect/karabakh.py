"""Karabakh relevance (filled in by the detectors issue)."""

from __future__ import annotations

from monitor.document import Document
from schemas.analysis import KarabakhRelevance


def detect_karabakh(doc: Document) -> KarabakhRelevance:
    """Whether the item is about the Nagorno-Karabakh region or conflict."""
    return KarabakhRelevance()
