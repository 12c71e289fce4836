"""Alert state (filled in by the detectors issue)."""

from __future__ import annotations

from typing import Any

from schemas.alert import Alert
from schemas.analysis import Analysis


class AlertState:
    """Stories and the figures and ceasefire statuses already alerted."""

    def __init__(self, karabakh_only: bool = False) -> None:
        self.karabakh_only = karabakh_only

    def update(self, analysis: Analysis, now: float) -> list[Alert]:
        """The alerts this analysis raises, given everything seen before."""
        return []

    def to_json(self) -> dict[str, Any]:
        return {"format": 1}

    @classmethod
    def from_json(cls, data: dict[str, Any], karabakh_only: bool = False) -> AlertState:
        return cls(karabakh_only)
