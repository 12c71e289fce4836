"""The alert ids most recently published, read back from the alert topics.

The alert agent records an alert in its `alerts_sent` table once the broker has
it, but that record is itself a message (the table's changelog): a SIGKILL
between the two leaves an alert published and not recorded, and the
redelivered analysis would publish it again (the reliability suite saw one
repeat in four kills). The topics themselves are the truth, so at start the
agent reads the tail of each alert partition and treats those ids as sent.
Only the tail matters: a redelivery comes from news.enriched's uncommitted
range, a few seconds of work, far fewer than `per_partition` alerts.
"""

from __future__ import annotations

import json
import time
from typing import Any

from monitor.service.kafka import client_kwargs
from monitor.settings import Settings

TAIL_PER_PARTITION = 5000


def alert_ids_in(values: list[bytes | None]) -> set[str]:
    """The `alert_id` of each message value that has one (anything else is skipped)."""
    out: set[str] = set()
    for value in values:
        try:
            alert_id = json.loads(value or b"null").get("alert_id")
        except (ValueError, AttributeError):
            continue
        if isinstance(alert_id, str):
            out.add(alert_id)
    return out


async def recent_alert_ids(
    settings: Settings,
    topics: list[str],
    per_partition: int = TAIL_PER_PARTITION,
    max_seconds: float = 30.0,
) -> set[str]:
    """Alert ids among the last `per_partition` messages of every partition of `topics`."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    consumer = AIOKafkaConsumer(**client_kwargs(settings), enable_auto_commit=False)
    await consumer.start()
    values: list[bytes | None] = []
    try:
        await consumer._client.force_metadata_update()
        tps: list[Any] = [
            TopicPartition(topic, p)
            for topic in topics
            for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        if not tps:
            return set()
        consumer.assign(tps)
        starts = await consumer.beginning_offsets(tps)
        ends = await consumer.end_offsets(tps)
        for tp in tps:
            consumer.seek(tp, max(starts[tp], ends[tp] - per_partition))
        pending = {tp for tp in tps if ends[tp] > starts[tp]}
        deadline = time.monotonic() + max_seconds
        while pending and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=200)
            for records in batch.values():
                values.extend(r.value for r in records)
            for tp in list(pending):
                if await consumer.position(tp) >= ends[tp]:
                    pending.discard(tp)
    finally:
        await consumer.stop()
    return alert_ids_in(values)
