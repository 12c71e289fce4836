"""Sending dead-letter records to news.deadletter (keyed, with headers, counted, logged)."""

from __future__ import annotations

import base64
import logging

from faust.types import TopicT

from monitor.service.deadletter import printable
from monitor.service.kafka import headers
from monitor.service.metrics import Metrics
from schemas.deadletter import DeadLetter

log = logging.getLogger("agents.deadletter")


class DeadLetterSink:
    def __init__(self, topic: TopicT, metrics: Metrics) -> None:
        self.topic = topic
        self.metrics = metrics

    async def send(self, record: DeadLetter) -> None:
        """Queue the record; faust flushes the producer before it commits the source
        offset, so the source message is not lost if this never reaches the broker."""
        key = record.item_id or record.key or f"{record.topic}:{record.partition}:{record.offset}"
        await self.topic.send(
            key=key.encode("utf-8", "replace"),
            value=_serialize(record),
            headers=headers("deadletter", stage=record.stage),
        )
        self.metrics.dead_letter(record.stage, record.code or record.error_class)
        log.warning(
            "dead-lettered",
            extra={
                "kv": {
                    "stage": record.stage,
                    "code": record.code,
                    "error": record.error[:300],
                    "topic": record.topic,
                    "partition": record.partition,
                    "offset": record.offset,
                    "article": record.item_id,
                }
            },
        )


def _serialize(record: DeadLetter) -> bytes:
    """The record as JSON; should its text still be unserializable, the same record
    with every text field made printable and the payload carried as base64, so the
    dead-letter path cannot itself fail on the value that brought it here."""
    try:
        return record.model_dump_json().encode()
    except ValueError:
        data = record.model_dump(mode="python")
        payload = data.pop("payload", None)
        if payload is not None:
            raw = payload.encode("utf-8", "surrogatepass")
            data["payload_base64"] = base64.b64encode(raw).decode("ascii")
        clean = {k: printable(v) if isinstance(v, str) else v for k, v in data.items()}
        return DeadLetter.model_validate(clean).model_dump_json().encode()
