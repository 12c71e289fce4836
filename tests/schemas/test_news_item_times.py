"""The exported news-item schema accepts exactly the times the service accepts,
checked with a validator that enforces formats (issue 10 and 12: a strict client
validating against `date-time` used to reject the zone-less dates we take)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from schemas.export import SCHEMA_DIR
from schemas.news import NewsItem

VALIDATOR = Draft202012Validator(
    json.loads((SCHEMA_DIR / "news-item.json").read_text(encoding="utf-8")),
    format_checker=Draft202012Validator.FORMAT_CHECKER,
)

ACCEPTED: list[Any] = [
    "2023-09-20T08:15:00Z",
    "2023-09-20T08:15:00",  # no zone: UTC
    "2023-09-20 08:15",
    "2023-09-20T08:15:00.250+04:00",
    "2023-09-20T08:15:00+0400",
    "2023-09-20",
    1695197700,
    1695197700.5,
    None,
]
REFUSED: list[Any] = [
    "20 September 2023",
    "Wed, 20 Sep 2023 08:15:00 GMT",  # feeds' RFC 822: the poller converts it first
    "1695197700",
    "2023-09-20T08:15:00+04",
    " 2023-09-20",
    "",
    True,
]


@pytest.mark.parametrize("value", ACCEPTED)
def test_times_the_service_takes_validate_against_the_schema(value: Any) -> None:
    item = {"body": "نص الخبر", "published_at": value, "ingested_at": value}
    NewsItem.model_validate(item)
    assert list(VALIDATOR.iter_errors(item)) == []


@pytest.mark.parametrize("value", REFUSED)
def test_times_the_service_refuses_fail_the_schema_too(value: Any) -> None:
    item = {"body": "نص الخبر", "published_at": value}
    with pytest.raises(ValidationError):
        NewsItem.model_validate(item)
    assert list(VALIDATOR.iter_errors(item)) != []


def test_a_zone_less_time_is_utc() -> None:
    item = NewsItem.model_validate({"body": "نص", "published_at": "2023-09-20T08:15:00"})
    assert item.published_at is not None
    assert item.published_at.isoformat() == "2023-09-20T08:15:00+00:00"
