"""Keys for items sent to news.raw, and reading JSON Lines input (pure)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import IO

from monitor.items import ItemError, parse_item


def item_key(line: bytes, max_body_bytes: int) -> bytes:
    """The Kafka key of one input line: the item's id (derived like the core does
    when absent); a line that is not a valid item is keyed by its hash, and goes
    through anyway so that the service dead-letters it with the reason."""
    return classify(line, max_body_bytes)[0]


def classify(line: bytes, max_body_bytes: int) -> tuple[bytes, str | None]:
    """(Kafka key, None) for a valid item; (key, reason code) for one the service
    will dead-letter. The same checks as the service's, so `produce` can say so."""
    try:
        item = parse_item(line, max_body_bytes)
    except ItemError as exc:
        if exc.item_id:
            return exc.item_id.encode("utf-8"), exc.code
        return b"invalid:" + hashlib.sha1(line).hexdigest()[:20].encode(), exc.code
    return (item.id or "").encode("utf-8"), None


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of the non-blank lines, without the line ending."""
    for number, line in enumerate(stream, start=1):
        stripped = line.rstrip(b"\r\n")
        if stripped.strip():
            yield number, stripped


def render_message(
    *,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    value: bytes | None,
    headers: dict[str, str],
    timestamp_ms: int | None,
) -> str:
    """One consumed message as a JSON line: the value parsed when it is JSON."""
    parsed: object
    if value is None:
        parsed = None
    else:
        try:
            parsed = json.loads(value)
        except (UnicodeDecodeError, json.JSONDecodeError):
            parsed = value.decode("utf-8", "replace")
    out = {
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "timestamp_ms": timestamp_ms,
        "key": key.decode("utf-8", "replace") if key is not None else None,
        "headers": headers,
        "value": parsed,
    }
    return json.dumps(out, ensure_ascii=False)
