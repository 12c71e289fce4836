"""What every message model shares."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict

#: Version of the message formats. Bump the major part on any change that can
#: break a consumer (a removed or retyped field); the minor part on additions.
SCHEMA_VERSION = "1.0"


class Message(BaseModel):
    """Base of the models: strict about unknown fields so typos surface early."""

    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True)


def utc_now() -> datetime:
    """The current time, timezone-aware (naive datetimes are refused by ruff's DTZ)."""
    return datetime.now(UTC)
