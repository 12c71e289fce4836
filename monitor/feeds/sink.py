"""Where new items go: Kafka's news.raw (aiokafka), or memory for tests and --dry-run."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Sequence
from typing import Protocol, TextIO

from monitor.settings import Settings
from schemas.base import SCHEMA_VERSION
from schemas.news import NewsItem

log = logging.getLogger(__name__)

MESSAGE_TYPE = "news-item"


def item_value(item: NewsItem) -> bytes:
    """The message value: the item as JSON (UTF-8), without nulls."""
    return item.model_dump_json(exclude_none=True).encode("utf-8")


def item_headers() -> list[tuple[str, bytes]]:
    return [
        ("schema-version", SCHEMA_VERSION.encode()),
        ("message-type", MESSAGE_TYPE.encode()),
        ("content-type", b"application/json"),
        ("producer", b"feeds"),
    ]


class NewsSink(Protocol):
    async def send_many(self, items: Sequence[NewsItem]) -> None:
        """Deliver every item or raise; returns once all are acknowledged."""
        ...


class MemorySink:
    """Collects items (tests); `fail_after` makes the Nth send fail."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.items: list[NewsItem] = []
        self.fail_after = fail_after

    async def send_many(self, items: Sequence[NewsItem]) -> None:
        for item in items:
            if self.fail_after is not None and len(self.items) >= self.fail_after:
                raise ConnectionError("MemorySink: broker unavailable (test double)")
            self.items.append(item)


class JsonLinesSink:
    """Prints items as JSON Lines (`monitor feeds --dry-run`)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    async def send_many(self, items: Sequence[NewsItem]) -> None:
        for item in items:
            self.out.write(item.model_dump_json(exclude_none=True) + "\n")
        self.out.flush()


class KafkaSink:
    """Produces to `<prefix>news.raw`, keyed by item id, with a schema-version header."""

    def __init__(self, settings: Settings) -> None:
        from monitor.service.names import TopicNames

        self.settings = settings
        self.topic = TopicNames.from_settings(settings).raw
        self._producer: object | None = None

    async def start(self) -> None:
        from aiokafka import AIOKafkaProducer

        from monitor.service.kafka import client_kwargs, ensure_topics

        await ensure_topics(self.settings)
        producer = AIOKafkaProducer(
            **client_kwargs(self.settings),
            acks="all",
            enable_idempotence=True,
            client_id="karabakh-monitor-feeds",
        )
        await producer.start()
        self._producer = producer

    async def stop(self) -> None:
        producer = self._producer
        self._producer = None
        if producer is not None:
            await producer.stop()  # type: ignore[attr-defined]

    async def send_many(self, items: Sequence[NewsItem]) -> None:
        producer = self._producer
        if producer is None:
            raise RuntimeError("KafkaSink.start() was not called")
        futures = [
            await producer.send(  # type: ignore[attr-defined]
                self.topic,
                value=item_value(item),
                key=(item.id or "").encode("utf-8"),
                headers=item_headers(),
            )
            for item in items
        ]
        if futures:
            await asyncio.gather(*futures)
