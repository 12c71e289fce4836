"""Dead-letter records: what could not be processed, why, and where it came from."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from schemas.deadletter import DeadLetter

#: Payloads larger than this are cut in the record (the original stays in its topic,
#: found by topic/partition/offset); keeps dead-letter messages under Kafka's 1 MB.
MAX_PAYLOAD_BYTES = 512 * 1024


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a message was read from."""

    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: bytes | str | None = None
    timestamp: float | None = None
    """The record's timestamp (seconds): the ingest time of an item that carries none."""


def printable(text: str | None) -> str | None:
    """`text` as valid Unicode: a lone surrogate (which the record's JSON could not
    carry, so the dead-letter path itself would fail) is written as `\\udXXX`."""
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _text_key(key: bytes | str | None) -> str | None:
    if key is None or isinstance(key, str):
        return printable(key)
    try:
        return key.decode("utf-8")
    except UnicodeDecodeError:
        return "base64:" + base64.b64encode(key).decode("ascii")


def dead_letter(
    *,
    stage: str,
    error_class: str,
    error: str,
    code: str = "",
    payload: bytes | str | None,
    origin: Origin,
    item_id: str | None = None,
    failed_at: datetime | None = None,
) -> DeadLetter:
    """Build the record; the payload as text when it is UTF-8, else as base64
    (a str holding lone surrogates is not UTF-8: it travels as base64 of its
    surrogatepass encoding)."""
    text: str | None = None
    b64: str | None = None
    if payload is not None:
        raw = payload.encode("utf-8", "surrogatepass") if isinstance(payload, str) else payload
        truncated = len(raw) > MAX_PAYLOAD_BYTES
        raw = raw[:MAX_PAYLOAD_BYTES]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            if truncated:  # the cut may have split a character: keep what decodes
                text = raw.decode("utf-8", "ignore") if _mostly_utf8(raw) else None
            if text is None:
                b64 = base64.b64encode(raw).decode("ascii")
        if truncated:
            error = f"{error} (payload truncated to {MAX_PAYLOAD_BYTES} bytes)"
    return DeadLetter(
        stage=stage,
        error_class=printable(error_class) or "",
        error=printable(error) or "",
        code=code,
        payload=text,
        payload_base64=b64,
        topic=origin.topic,
        partition=origin.partition,
        offset=origin.offset,
        key=_text_key(origin.key),
        item_id=printable(item_id),
        failed_at=failed_at or datetime.now(UTC),
    )


def _mostly_utf8(raw: bytes) -> bool:
    try:
        raw[:-4].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def from_exception(
    exc: BaseException,
    *,
    stage: str,
    payload: bytes | str | None,
    origin: Origin,
    item_id: str | None = None,
    code: str = "",
) -> DeadLetter:
    """A record for an unexpected exception (a bug or a server refusal)."""
    return dead_letter(
        stage=stage,
        error_class=type(exc).__name__,
        error=str(exc) or repr(exc),
        code=code or "exception",
        payload=payload,
        origin=origin,
        item_id=item_id,
    )


def encoded(
    encode: Callable[[], bytes],
    *,
    what: str,
    limit: int,
    stages: tuple[str, str],
    payload: bytes | str | None,
    origin: Origin,
    item_id: str | None,
) -> tuple[bytes | None, DeadLetter | None]:
    """A message value from `encode()`, or the dead letter saying why it cannot be
    sent: it does not serialize (stage `stages[0]`, code `unserializable`) or it is
    over Kafka's message limit (stage `stages[1]`, code `message_too_large`).
    `what` names the message in the error ("the analysis")."""
    try:
        value = encode()
    except Exception as exc:  # noqa: BLE001 - pydantic raises ValueError subclasses, be broad
        return None, from_exception(
            exc,
            stage=stages[0],
            payload=payload,
            origin=origin,
            item_id=item_id,
            code="unserializable",
        )
    if len(value) > limit:
        return None, dead_letter(
            stage=stages[1],
            error_class="MessageTooLarge",
            error=(
                f"{what} is {len(value)} bytes, over Kafka's message limit of {limit}; "
                "lower MONITOR_MAX_BODY_BYTES or split the article"
            ),
            code="message_too_large",
            payload=payload,
            origin=origin,
            item_id=item_id,
        )
    return value, None
