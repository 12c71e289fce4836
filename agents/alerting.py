"""news.enriched -> alerts.ceasefire / alerts.casualties, keyed by story id.

Where alert state lives: the alerts themselves are decided by the process
stage (`Analyzer` -> `AlertState`, in stream order, made durable by the
`processed` table), so every analysis on news.enriched already carries the
alerts it raises. This agent only routes them, and guards against repeats
from redelivery (Kafka is at-least-once): the `alerts_sent` table, keyed by
the deterministic alert id and co-partitioned with news.enriched (one
article's alerts always come from the same partition), records an alert once
the broker has acknowledged it.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import faust
from pydantic import BaseModel, ConfigDict, ValidationError

from agents.context import Runtime
from monitor.service.alert_log import recent_alert_ids
from monitor.service.deadletter import Origin, dead_letter
from monitor.service.kafka import headers
from schemas.alert import Alert

log = logging.getLogger("agents.alerting")


class AlertsOf(BaseModel):
    """The part of an analysis this agent reads (validating the whole analysis,
    paragraphs and spans included, would cost more than routing)."""

    model_config = ConfigDict(extra="ignore")

    id: str
    alerts: list[Alert] = []


def register(app: faust.App, rt: Runtime) -> None:
    sent = rt.tables["alerts_sent"]

    @app.agent(rt.topics.enriched, name="alerts")
    async def route_alerts(stream: faust.StreamT[Any]) -> None:
        manual = stream.noack()  # type: ignore[attr-defined]  # acked by hand after delivery
        # What is on the alert topics already, whether or not `alerts_sent` had
        # recorded it before the last crash (see monitor/service/alert_log.py).
        published = await recent_alert_ids(rt.settings, rt.topics.names.alert_topics())
        log.info("recent alerts read back", extra={"kv": {"alerts": len(published)}})
        async for event in manual.events():
            msg = event.message
            try:
                analysis = AlertsOf.model_validate_json(event.value)
            except (ValidationError, ValueError, TypeError) as exc:  # None, not JSON, bad shape
                await rt.deadletters.send(
                    dead_letter(
                        stage="alerts",
                        error_class=type(exc).__name__,
                        error=str(exc)[:2000],
                        code="invalid_analysis",
                        payload=event.value,
                        origin=Origin(msg.topic, msg.partition, msg.offset, msg.key),
                    )
                )
                await manual.ack(event)
                continue
            for alert in analysis.alerts:
                if sent.get(alert.alert_id) is not None or alert.alert_id in published:
                    rt.metrics.count("alerts_repeat_skipped")
                    continue
                delivery = await rt.topics.alert(alert.type).send(
                    key=alert.story_id.encode(),
                    value=alert.model_dump_json().encode(),
                    headers=headers("alert", **{"alert-type": alert.type}),
                )
                # Remember it only once the broker has it: a crash in between
                # repeats the alert (same alert_id) rather than losing it.
                await delivery
                sent[alert.alert_id] = time.time()
                rt.metrics.count("alerts")
                log.info(
                    "alert published",
                    extra={
                        "kv": {
                            "type": alert.type,
                            "story": alert.story_id,
                            "alert": alert.alert_id,
                            "version": alert.version,
                            "article": analysis.id,
                            "offset": msg.offset,
                        }
                    },
                )
            await manual.ack(event)
