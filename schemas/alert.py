"""Alert messages (topics alerts.ceasefire and alerts.casualties)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import Field

from schemas.base import SCHEMA_VERSION, Message


class AlertEvidence(Message):
    article: str
    source: str | None = None
    paragraph: int | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str = ""


class ClaimantFigure(Message):
    """The latest figure one claimant gives for one kind, in one story."""

    kind: str
    count: int | None = None
    qualifier: str = "exact"
    attributed_to: str | None = None
    previous_count: int | None = Field(None, description="The claimant's figure before this one.")


#: The alert types: one registry for the schema, the topics and the routers.
AlertType = Literal["ceasefire", "casualties"]
ALERT_TYPES: tuple[AlertType, ...] = get_args(AlertType)


class Alert(Message):
    """One new fact for one story. `alert_id` is deterministic: a replay of the
    same input produces the same id, so consumers can drop repeats."""

    schema_version: str = SCHEMA_VERSION
    alert_id: str
    type: AlertType
    story_id: str
    version: int = Field(ge=1, description="Increases with every alert of the story.")
    karabakh_related: bool
    created_at: datetime | None = None
    status: str | None = Field(None, description="Ceasefire status (ceasefire alerts).")
    figures: list[ClaimantFigure] = Field(
        default_factory=list, description="Casualty figures per kind and claimant."
    )
    changed: list[ClaimantFigure] = Field(
        default_factory=list, description="Which figures are new or changed in this alert."
    )
    article_count: int = Field(ge=1)
    independent_source_count: int = Field(ge=1)
    evidence: list[AlertEvidence] = Field(default_factory=list)
    title: str | None = None
