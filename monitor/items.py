"""Parsing and validating incoming news items, with reasons a person can act on."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import ValidationError

from schemas.news import NewsItem


class ItemError(ValueError):
    """An input that is not a valid news item. `code` is machine-readable."""

    def __init__(self, code: str, message: str, item_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.item_id = item_id


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False):
        where = ".".join(str(p) for p in err["loc"]) or "item"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def parse_item(raw: bytes | str, max_body_bytes: int) -> NewsItem:
    """Decode, parse and validate one JSON item; raise `ItemError` on any problem."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ItemError(
                "invalid_utf8", f"not valid UTF-8 (byte {exc.start}): {exc.reason}"
            ) from None
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ItemError("invalid_json", f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise ItemError("not_an_object", f"expected a JSON object, got {type(data).__name__}")
    return validate_item(data, max_body_bytes)


def validate_item(data: dict[str, Any], max_body_bytes: int) -> NewsItem:
    """Validate an already-decoded item."""
    raw_id = data.get("id")
    item_id = str(raw_id) if isinstance(raw_id, str | int) else None
    body = data.get("body")
    if isinstance(body, str):
        if not body.strip():
            raise ItemError("empty_body", "body is empty", item_id)
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > max_body_bytes:
            raise ItemError(
                "body_too_large",
                f"body is {size} bytes, over the limit of {max_body_bytes} "
                "(MONITOR_MAX_BODY_BYTES)",
                item_id,
            )
    try:
        item = NewsItem.model_validate(data)
    except ValidationError as exc:
        code = "missing_body" if body is None else "invalid_item"
        raise ItemError(code, _describe(exc), item_id) from None
    if item.id is None:
        item = item.model_copy(update={"id": derive_id(item)})
    return item


def derive_id(item: NewsItem) -> str:
    """A stable id for an item that came without one: from its URL, else its text."""
    if item.url:
        return "url:" + hashlib.sha1(item.url.encode("utf-8")).hexdigest()[:20]
    text = f"{item.source or ''}\n{item.title or ''}\n{item.body}"
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]
