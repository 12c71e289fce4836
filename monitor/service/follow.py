"""Following topics as they grow (`monitor tail`, `monitor watch`): a consumer
without a group (nothing committed, nobody else's offsets moved), assigned every
partition, started at the end, the beginning or a point in time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

from monitor.service.consume import Record
from monitor.service.kafka import client_kwargs
from monitor.settings import Settings

#: How often an idle consumer hands back control (a `None` from `follow`).
TICK_MS = 500


class TopicsMissing(Exception):
    """Some of the topics to follow do not exist."""

    def __init__(self, topics: list[str]) -> None:
        super().__init__(", ".join(topics))
        self.topics = topics


async def start_consumer(settings: Settings) -> Any:
    """A started AIOKafkaConsumer with the project's connection settings (TLS and
    SASL included); when the broker does not answer, the consumer is closed before
    the error goes up (an unclosed one warns at exit)."""
    from aiokafka import AIOKafkaConsumer

    from monitor.service.access import check_kafka

    # A refused password, CA or protocol stops here in one line (AccessRefused)
    # instead of as aiokafka's "Unable to bootstrap".
    await check_kafka(settings)
    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False)
    try:
        await consumer.start()
    except BaseException:
        await consumer.stop()
        raise
    return consumer


async def _partitions(consumer: Any, topics: list[str]) -> tuple[list[Any], list[str]]:
    from aiokafka import TopicPartition

    await consumer._client.force_metadata_update()
    tps: list[Any] = []
    missing: list[str] = []
    for topic in topics:
        parts = consumer.partitions_for_topic(topic)
        if not parts:
            missing.append(topic)
        tps.extend(TopicPartition(topic, p) for p in sorted(parts or ()))
    return tps, missing


async def follow(
    settings: Settings,
    topics: list[str],
    *,
    start: str | int = "end",
    on_waiting: Callable[[list[str]], None] | None = None,
    on_ready: Callable[[], None] | None = None,
) -> AsyncIterator[Record | None]:
    """Every new message of `topics`, as it arrives, until the caller stops.

    `start` is "end" (only what arrives from now on), "beginning", or a time in
    epoch milliseconds (the first message at or after it). Yields `None` after
    each idle half second, so callers can stop on a timeout. Missing topics
    raise `TopicsMissing`, unless `on_waiting` is given: then it is called once
    with their names and they are waited for (and read from their beginning).
    `on_ready` is called once the consumer stands at its start: from then on,
    nothing sent to the topics is missed.
    """
    consumer = await start_consumer(settings)
    try:
        tps, missing = await _partitions(consumer, topics)
        if missing and on_waiting is None:
            raise TopicsMissing(missing)
        there = list(tps)
        if missing:
            on_waiting(missing)  # type: ignore[misc]  # checked just above
            while missing:
                yield None
                await asyncio.sleep(1.0)
                tps, missing = await _partitions(consumer, topics)
        consumer.assign(tps)
        await _seek(consumer, there, start)
        # Topics created while we waited: everything in them is new.
        new = [tp for tp in tps if tp not in there]
        if new:
            await consumer.seek_to_beginning(*new)
        for tp in tps:  # resolve the seeks now, so "ready" means positioned
            await consumer.position(tp)
        if on_ready is not None:
            on_ready()
        while True:
            batch = await consumer.getmany(timeout_ms=TICK_MS)
            if not batch:
                yield None
                continue
            for records in batch.values():
                for r in records:
                    yield Record.of(r)
    finally:
        await consumer.stop()


async def _seek(consumer: Any, tps: list[Any], start: str | int) -> None:
    if not tps:
        return
    if start == "beginning":
        await consumer.seek_to_beginning(*tps)
    elif start == "end":
        await consumer.seek_to_end(*tps)
    else:
        found = await consumer.offsets_for_times({tp: int(start) for tp in tps})
        for tp in tps:
            hit = found.get(tp)
            if hit is None:  # nothing at or after that time: only what comes next
                await consumer.seek_to_end(tp)
            else:
                consumer.seek(tp, hit.offset)


async def until_idle(
    stream: AsyncIterator[Record | None], timeout: float | None
) -> AsyncIterator[Record]:
    """The records of a `follow` stream, ending once `timeout` seconds pass with
    none (never, when `timeout` is None)."""
    idle_since = time.monotonic()
    async for rec in stream:
        if rec is None:
            if timeout is not None and time.monotonic() - idle_since >= timeout:
                return
            continue
        idle_since = time.monotonic()
        yield rec
