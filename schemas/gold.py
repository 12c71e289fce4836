"""Gold files: labelled news items for scoring the detectors (`monitor eval`).

A gold file is JSON Lines, one case per line, in stream order: the items are
analysed one after another with the same dedup and alert state, exactly as
`monitor analyze` would. Users score the monitor on their own labelled data
with the same format.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.analysis import CasualtyKind, CeasefireStatus, Qualifier


class _Gold(BaseModel):
    # Labels are typed by people: a misspelt field must be an error, not a
    # silently ignored expectation.
    model_config = ConfigDict(extra="forbid")


class ExpectedFigure(_Gold):
    kind: CasualtyKind
    count: int | None = Field(None, ge=0)
    qualifier: Qualifier = "exact"
    historical: bool = False
    attributed_to: str | None = None


class ExpectedChange(_Gold):
    kind: CasualtyKind
    count: int | None = None


class ExpectedAlert(_Gold):
    type: Literal["ceasefire", "casualties"]
    status: CeasefireStatus | None = None
    changed: list[ExpectedChange] = Field(default_factory=list)


class Expectation(_Gold):
    karabakh_related: bool
    karabakh_centrality: Literal["central", "passing", "none"] | None = None
    ceasefire_detected: bool
    ceasefire_statuses: list[CeasefireStatus] = Field(default_factory=list)
    casualties: list[ExpectedFigure] = Field(default_factory=list)
    duplicate_paragraphs: list[int] = Field(default_factory=list)
    alerts: list[ExpectedAlert] | None = Field(
        None, description="Omitted when the case does not label alerts."
    )


class GoldCase(_Gold):
    item: dict[str, Any] = Field(description="The news item, as `monitor analyze` reads it.")
    expect: Expectation
    note: str = ""

    @property
    def id(self) -> str:
        return str(self.item.get("id", ""))
