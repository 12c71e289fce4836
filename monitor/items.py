"""Parsing and validating incoming news items, with reasons a person can act on."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import ValidationError

from monitor import safejson
from schemas.news import NewsItem

#: Most paragraphs (non-empty lines) an item may have. Real articles have tens;
#: a body of 300,000 one-letter lines is an attack on memory (each paragraph
#: costs a few KB in the analysis) and on the dedup state (it would push out
#: everything remembered before it), so it is refused with a reason instead.
MAX_PARAGRAPHS = 10_000

#: The text fields of an item, checked for values JSON and UTF-8 cannot carry.
TEXT_FIELDS = ("id", "source", "url", "title", "body", "language", "category")

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


def max_line_bytes(max_body_bytes: int) -> int:
    """The largest raw item accepted before parsing: a body escaped as \\uXXXX
    takes up to six bytes per UTF-8 byte pair, plus room for the other fields."""
    return 3 * max_body_bytes + 64 * 1024


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
    """Decode, parse and validate one JSON item; raise `ItemError` on any problem.

    Size, nesting depth and number length are checked on the bytes before the
    JSON parser runs, so no input can make it raise anything but `ItemError`."""
    if isinstance(raw, str):
        # surrogatepass: a str that already holds a lone surrogate becomes bytes
        # that are not UTF-8, and is refused below like any other invalid UTF-8.
        raw = raw.encode("utf-8", "surrogatepass")
    try:
        data: Any = safejson.loads(raw, max_line_bytes(max_body_bytes))
    except safejson.JsonLimitError as exc:
        raise ItemError(exc.code, exc.message) from None
    except UnicodeDecodeError as exc:
        raise ItemError(
            "invalid_utf8", f"not valid UTF-8 (byte {exc.start}): {exc.reason}"
        ) from None
    except json.JSONDecodeError as exc:
        raise ItemError("invalid_json", f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise ItemError("not_an_object", f"expected a JSON object, got {type(data).__name__}")
    return validate_item(data, max_body_bytes)


def validate_item(data: dict[str, Any], max_body_bytes: int) -> NewsItem:
    """Validate an already-decoded item."""
    item_id = _id_for_errors(data.get("id"))
    _refuse_lone_surrogates(data, item_id)
    body = data.get("body")
    if isinstance(body, str):
        if not body.strip():
            raise ItemError("empty_body", "body is empty", item_id)
        size = len(body.encode("utf-8"))
        if size > max_body_bytes:
            raise ItemError(
                "body_too_large",
                f"body is {size} bytes, over the limit of {max_body_bytes} "
                "(MONITOR_MAX_BODY_BYTES)",
                item_id,
            )
        paragraphs = count_paragraphs(body)
        if paragraphs > MAX_PARAGRAPHS:
            raise ItemError(
                "too_many_paragraphs",
                f"body has {paragraphs} paragraphs (non-empty lines), over the limit of "
                f"{MAX_PARAGRAPHS}; join its lines or split the item",
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


def count_paragraphs(body: str) -> int:
    """Non-empty lines of `body` (as `Document` splits them); an upper bound when
    that is clearly under `MAX_PARAGRAPHS`, exact otherwise."""
    breaks = sum(body.count(sep) for sep in ("\n", "\r", "\u2028", "\u2029"))
    if breaks < MAX_PARAGRAPHS:
        return breaks + 1
    return sum(1 for m in _LINE.finditer(body) if not m.group().isspace())


def _id_for_errors(raw_id: Any) -> str | None:
    """The item's id as text for an error record, when it is a usable one."""
    if isinstance(raw_id, str) and len(raw_id) <= 512 and _is_unicode(raw_id):
        return raw_id
    if isinstance(raw_id, int) and not isinstance(raw_id, bool) and abs(raw_id) < 10**64:
        return str(raw_id)
    return None


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_lone_surrogates(data: dict[str, Any], item_id: str | None) -> None:
    """JSON may escape a lone surrogate (`"\\ud800"`) that no UTF-8 text can hold:
    refused at the door, since it would break every later serialization."""
    for name in TEXT_FIELDS:
        value = data.get(name)
        if isinstance(value, str) and not _is_unicode(value):
            at = next(i for i, ch in enumerate(value) if 0xD800 <= ord(ch) <= 0xDFFF)
            raise ItemError(
                "invalid_unicode",
                f"{name}: a lone surrogate (U+{ord(value[at]):04X}) at character {at}; "
                "JSON text must be valid Unicode (escape pairs, not halves)",
                item_id,
            )


def derive_id(item: NewsItem) -> str:
    """A stable id for an item that came without one: from its URL, else its text."""
    if item.url:
        return "url:" + hashlib.sha1(item.url.encode("utf-8")).hexdigest()[:20]
    text = f"{item.source or ''}\n{item.title or ''}\n{item.body}"
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]
