"""Dead-letter records (topic news.deadletter): what could not be processed, and why."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from schemas.base import SCHEMA_VERSION, Message


class DeadLetter(Message):
    schema_version: str = SCHEMA_VERSION
    stage: str = Field(description="Where it failed: parse, process, index, feed, ...")
    error_class: str
    error: str = Field(description="Human-readable reason.")
    code: str = Field("", description="Machine-readable reason, as in AnalysisError.")
    payload: str | None = Field(None, description="The original bytes as text, when UTF-8.")
    payload_base64: str | None = Field(None, description="The original bytes when not UTF-8.")
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    item_id: str | None = None
    failed_at: datetime
