"""The input: one news item, as producers and the feed poller send it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

NonEmpty = Annotated[str, StringConstraints(min_length=1)]

#: The times the service takes: ISO 8601 dates and date-times, `T` or a space
#: between, seconds and fractions optional, with or without a zone (none = UTC).
#: The exported schema states the same pattern, so a strict validator accepts
#: exactly what the service does (JSON Schema's `date-time` requires a zone).
TIME_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}"
    r"([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|z|[+-]\d{2}:?\d{2})?)?$"
)
_TIME = re.compile(TIME_PATTERN)
_TIME_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {
            "type": "string",
            "pattern": TIME_PATTERN,
            "description": "ISO 8601; a time without zone is UTC",
        },
        {"type": "number", "description": "seconds since 1970-01-01 UTC"},
        {"type": "null"},
    ],
    "default": None,
}
Time = Annotated[datetime | None, WithJsonSchema(_TIME_SCHEMA)]


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
    published_at: Time = Field(
        None, description="Publication time; a time without zone is taken as UTC."
    )
    ingested_at: Time = Field(
        None,
        description="When the item first entered the monitor (the feed poller stamps it; "
        "for other producers the Kafka record's timestamp stands in): the event time of "
        "an item without `published_at`. A time without zone is taken as UTC.",
    )
    language: str | None = Field(None, max_length=32)
    category: str | None = Field(None, max_length=256)

    @field_validator("body")
    @classmethod
    def _body_has_text(cls, body: str) -> str:
        if not body.strip():
            raise ValueError("body is empty")
        return body

    @field_validator("published_at", "ingested_at", mode="before")
    @classmethod
    def _time_as_declared(cls, value: Any) -> Any:
        if isinstance(value, str) and not _TIME.match(value):
            raise ValueError(
                "not an ISO 8601 date or date-time (e.g. 2023-09-20T08:15:00Z, "
                "2023-09-20 08:15 or 2023-09-20)"
            )
        if isinstance(value, bool):
            raise ValueError("a boolean is not a time")
        return value

    @field_validator("published_at", "ingested_at")
    @classmethod
    def _assume_utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value
