"""The input: one news item, as producers and the feed poller send it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class NewsItem(BaseModel):
    """A news article. Only `body` is required; unknown fields are ignored so
    that producers can add their own without breaking the pipeline."""

    model_config = ConfigDict(extra="ignore")

    id: NonEmpty | None = Field(
        None, max_length=512, description="Stable id; derived from url or body when absent."
    )
    source: str | None = Field(None, max_length=256, description="Outlet or feed name.")
    url: str | None = Field(None, max_length=4096)
    title: str | None = Field(None, max_length=4096)
    body: str = Field(description="Article text; paragraphs separated by line breaks.")
    published_at: datetime | None = Field(
        None, description="Publication time; a time without zone is taken as UTC."
    )
    ingested_at: datetime | None = Field(
        None,
        description="When the item first entered the monitor (stamped by `monitor produce` "
        "and the feed poller); the event time of an item without `published_at`. A time "
        "without zone is taken as UTC.",
    )
    language: str | None = Field(None, max_length=32)
    category: str | None = Field(None, max_length=256)

    @field_validator("body")
    @classmethod
    def _body_has_text(cls, body: str) -> str:
        if not body.strip():
            raise ValueError("body is empty")
        return body

    @field_validator("published_at", "ingested_at")
    @classmethod
    def _assume_utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value
