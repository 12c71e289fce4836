"""news.prepared -> news.enriched: the ordered stage (dedup, event time, alerts).

news.prepared has one partition, so one worker runs this at a time, in that
topic's order: the sequencer that "first seen" refers to. The `processed` table
has one partition too, and faust gives it to the worker holding news.prepared.
All logic is in `monitor.service.process.Processor`; this agent iterates,
routes and writes the durable per-article record to the `processed` table.
Per-item failures never escape the loop (faust acks an event whose handling
raised): a message that does not parse, a failing decision and serialization
each end in a dead letter with a reason (`Processor.handle_prepared`). Events
are acked by hand once their result is queued (one at a time: `take()` is not
safe to ack by hand in faust-streaming 0.15.3, faust-streaming/faust#606).
Only an infrastructure failure (the broker refuses to take messages) escapes,
and the app's crashing supervisor then stops the worker without acking the
event, so a restart resumes at it.
"""

from __future__ import annotations

import logging
from typing import Any

import faust

from agents.context import Runtime
from monitor.service.deadletter import Origin
from monitor.service.kafka import headers

log = logging.getLogger("agents.process")

PRUNE_EVERY = 1000


def register(app: faust.App, rt: Runtime) -> None:
    table = rt.tables["processed"]

    def rebuild() -> None:
        count = rt.processor.rebuild(table.values())
        rt.state_dirty = False
        log.info("process state rebuilt from table", extra={"kv": {"articles": count}})

    @table.on_recover
    async def _recovered() -> None:
        # Called once the changelog is read back (start, rebalance), before the
        # stream resumes.
        rebuild()

    @app.agent(rt.topics.prepared, name="process")
    async def process(stream: faust.StreamT[Any]) -> None:
        handled = 0
        # Manual acks: an event is acknowledged only once its result is queued
        # (faust flushes the producer before it commits); an exception or a
        # shutdown in between leaves it unacknowledged, so it is redelivered.
        manual = stream.noack()  # type: ignore[attr-defined]  # on Stream, not in StreamT
        async for event in manual.events():
            msg = event.message
            if rt.state_dirty:  # no recovery callback ran (nothing to recover)
                rebuild()
            rt.metrics.count("sequenced")
            origin = Origin(msg.topic, msg.partition, msg.offset, msg.key, msg.timestamp)
            # `handle` never raises: parsing, analysis and serialization failures
            # come back as a dead letter. What can still raise below is the broker
            # refusing to take a message: an infrastructure failure, left to stop
            # the worker before this event is acked (a restart redoes it).
            outcome = rt.processor.handle_prepared(event.value, origin, table.get)
            if outcome.dead is not None:
                await rt.deadletters.send(outcome.dead)
            elif outcome.analysis is not None and outcome.value is not None:
                analysis = outcome.analysis
                await rt.topics.enriched.send(
                    key=analysis.id.encode(), value=outcome.value, headers=headers("analysis")
                )
                rt.metrics.count("replayed" if outcome.replayed else "enriched")
                log.debug(
                    "enriched",
                    extra={
                        "kv": {
                            "topic": msg.topic,
                            "partition": msg.partition,
                            "offset": msg.offset,
                            "article": analysis.id,
                            "alerts": len(analysis.alerts),
                            "replayed": outcome.replayed,
                        }
                    },
                )
            if outcome.analysis is not None and outcome.stored is not None:
                # Also for a dead-lettered analysis: the state it changed stays whole.
                table[outcome.analysis.id] = outcome.stored
            rt.metrics.position(msg.topic, msg.partition, msg.offset)
            await manual.ack(event)
            handled += 1
            if handled % PRUNE_EVERY == 0:
                _prune(rt, table)


def _prune(rt: Runtime, table: Any) -> None:
    for article in rt.processor.expired(table.get):
        del table[article]
