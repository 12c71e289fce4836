"""Poison messages for news.raw, and a raw producer that writes them as they are
(no validation, no keys derived: what a broken upstream producer would send)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence

from monitor.settings import Settings

#: reason code the service must give -> message value (None: a tombstone)
POISON: dict[str, bytes | None] = {
    "invalid_unicode": b'{"id": "poison-surrogate", "body": "\\ud800 \\u0642\\u062a\\u0644"}',
    "too_deep": b"[" * 100_000 + b"]" * 100_000,
    "number_too_long": b'{"id": ' + b"7" * 5000 + b', "body": "x"}',
    "invalid_utf8": b'{"id": "poison-bytes", "body": "\xff\xfe"}',
    "invalid_json": b'{"id": "poison-truncated", "body": ',
    "not_an_object": b'"just a string"',
    "too_many_paragraphs": json.dumps(
        {"id": "poison-lines", "body": "\n".join(["ب"] * 200_000)}, ensure_ascii=False
    ).encode(),
    "empty_message": None,
}


async def _send(
    settings: Settings, topic: str, values: Sequence[bytes | None], partition: int | None
) -> None:
    from aiokafka import AIOKafkaProducer

    from monitor.service.kafka import client_kwargs

    producer = AIOKafkaProducer(**client_kwargs(settings), acks="all")
    await producer.start()
    try:
        for n, value in enumerate(values):
            key = b"raw-%d" % n
            await producer.send_and_wait(topic, value=value, key=key, partition=partition)
    finally:
        await producer.stop()


def send_raw(
    settings: Settings, topic: str, values: Sequence[bytes | None], partition: int | None = None
) -> None:
    """Write `values` to `topic` in order, one acknowledged message each, to
    `partition` (default: as the producer's partitioner places their keys)."""
    asyncio.run(_send(settings, topic, values, partition))
