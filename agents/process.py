"""news.raw -> news.enriched: parse, analyse (dedup, detect, alerts), or dead-letter.

All logic is in `monitor.service.process.Processor`; this agent iterates,
routes and writes the durable per-article record to the `processed` table.
Per-item failures never escape the loop (an escaping exception would ack and
lose the message); only a failure to produce (the broker is gone) does, and it
crashes the worker so that nothing is committed past it.
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

    @table.on_recover
    async def _recovered() -> None:
        rt.state_dirty = True

    @app.agent(rt.topics.raw, name="process")
    async def process(stream: faust.StreamT[Any]) -> None:
        handled = 0
        async for event in stream.events():
            msg = event.message
            if rt.state_dirty:
                count = rt.processor.rebuild(table.values())
                rt.state_dirty = False
                log.info("process state rebuilt from table", extra={"kv": {"articles": count}})
            rt.metrics.count("received")
            origin = Origin(msg.topic, msg.partition, msg.offset, msg.key)
            outcome = rt.processor.handle(event.value, origin, table.get)
            if outcome.dead is not None:
                await rt.deadletters.send(outcome.dead)
            elif outcome.analysis is not None:
                analysis = outcome.analysis
                await rt.topics.enriched.send(
                    key=analysis.id.encode(),
                    value=analysis.model_dump_json().encode(),
                    headers=headers("analysis"),
                )
                if outcome.stored is not None:
                    table[analysis.id] = outcome.stored
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
            rt.metrics.position(msg.topic, msg.partition, msg.offset)
            handled += 1
            if handled % PRUNE_EVERY == 0:
                _prune(rt, table)


def _prune(rt: Runtime, table: Any) -> None:
    for article in rt.processor.expired(table.get):
        del table[article]
