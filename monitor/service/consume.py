"""Reading a topic to its end (alerts for the demo, reconciliation in tests and benchmarks)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from monitor.service.kafka import client_kwargs, header_dict
from monitor.settings import Settings


@dataclass(frozen=True, slots=True)
class Record:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: dict[str, str]
    timestamp_ms: int

    @classmethod
    def of(cls, r: Any) -> Record:
        """A record as aiokafka's consumer returns it."""
        return cls(
            r.topic, r.partition, r.offset, r.key, r.value, header_dict(r.headers), r.timestamp
        )


async def read_topics(
    settings: Settings, topics: list[str], *, idle_seconds: float = 1.0, max_seconds: float = 60.0
) -> list[Record]:
    """Every message of `topics` from the beginning, until `idle_seconds` pass with
    none new after the end offsets seen at the start have been reached."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False)
    await consumer.start()
    out: list[Record] = []
    try:
        tps: list[Any] = []
        await consumer._client.force_metadata_update()
        for topic in topics:
            parts = consumer.partitions_for_topic(topic) or set()
            tps.extend(TopicPartition(topic, p) for p in sorted(parts))
        if not tps:
            return out
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        ends = await consumer.end_offsets(tps)
        started = idle = time.monotonic()
        while time.monotonic() - started < max_seconds:
            batch = await consumer.getmany(timeout_ms=200)
            now = time.monotonic()
            if batch:
                idle = now
                for records in batch.values():
                    out.extend(Record.of(r) for r in records)
            reached = True
            for tp in tps:
                if await consumer.position(tp) < ends[tp]:
                    reached = False
            if reached and now - idle >= idle_seconds:
                break
    finally:
        await consumer.stop()
    return out
