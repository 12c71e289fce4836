"""news.raw -> news.prepared: parse, split, hash the paragraphs, run the detectors.

The stateless stage. It runs on every worker of the consumer group, one
news.raw partition each, and sends each article's findings keyed by its id to
news.prepared (one partition: the ordered stage reads it in that one order).
All logic is in `monitor.service.prepare.Preparer`; per-item failures come back
as dead letters (stage `parse` for what is not a valid item, `prepare` for a
failing detector or a message over Kafka's limit). Events are acked by hand once
their result is queued, as in the process agent.
"""

from __future__ import annotations

import logging
from typing import Any

import faust

from agents.context import Runtime
from monitor.service.deadletter import Origin
from monitor.service.kafka import headers

log = logging.getLogger("agents.prepare")


def register(app: faust.App, rt: Runtime) -> None:
    @app.agent(rt.topics.raw, name="prepare")
    async def prepare(stream: faust.StreamT[Any]) -> None:
        # One event at a time, acked once its result is queued (faust flushes the
        # producer before it commits): `take()` batches are not safe to ack by hand
        # in faust-streaming 0.15.3 (faust-streaming/faust#606).
        manual = stream.noack()  # type: ignore[attr-defined]  # on Stream, not in StreamT
        async for event in manual.events():
            msg = event.message
            rt.metrics.count("received")
            origin = Origin(msg.topic, msg.partition, msg.offset, msg.key, msg.timestamp)
            outcome = rt.preparer.handle(event.value, origin)
            dead = outcome.dead
            value = None
            if outcome.prepared is not None:
                value, dead = rt.preparer.message(outcome, event.value, origin)
            if dead is not None:
                await rt.deadletters.send(dead)
            elif value is not None and outcome.prepared is not None:
                await rt.topics.prepared.send(
                    key=(outcome.prepared.item.id or "").encode(),
                    value=value,
                    headers=headers("prepared"),
                )
                rt.metrics.count("prepared")
            rt.metrics.position(msg.topic, msg.partition, msg.offset)
            await manual.ack(event)
