"""Health and metrics pages, and a web driver without faust's table browser.

faust's default `/table/` pages show table contents (article ids and analyses
here); the worker's web server is bound to loopback and serves only what is
declared here plus faust's `/router/`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import faust
import mode
from faust.types import TP
from faust.web import Request, Response, View
from faust.web.drivers.aiohttp import Web as AiohttpWeb

from agents.context import Runtime
from monitor.service.probe import KafkaProbe, check_elasticsearch

log = logging.getLogger("agents.web")

#: How often the worker checks that Elasticsearch and the broker answer.
PROBE_SECONDS = 3.0


class LoopbackWeb(AiohttpWeb):
    default_blueprints = [("/router", "faust.web.apps.router:blueprint")]  # noqa: RUF012
    production_blueprints = []  # noqa: RUF012
    debug_blueprints = []  # noqa: RUF012


def highwater_reader(app: faust.App) -> Any:
    def highwater(topic: str, partition: int) -> int | None:
        try:
            value = app.consumer.highwater(TP(topic, partition))
        except Exception:  # noqa: BLE001 - not assigned (any more) or not known yet
            return None
        return int(value) if value is not None else None

    return highwater


def _assigned(app: faust.App) -> int:
    try:
        return len(app.consumer.assignment())
    except Exception:  # noqa: BLE001 - the consumer is not started yet
        return 0


def _assignment(app: faust.App) -> dict[str, list[int]]:
    """Topic -> the partitions this worker holds: which worker is the sequencer
    (news.prepared) and which news.raw partitions it prepares."""
    out: dict[str, list[int]] = {}
    try:
        tps = app.consumer.assignment()
    except Exception:  # noqa: BLE001 - the consumer is not started yet
        return out
    for tp in tps:
        out.setdefault(tp.topic, []).append(tp.partition)
    return {topic: sorted(parts) for topic, parts in sorted(out.items())}


def health_report(rt: Runtime, assigned: int, snap: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body) of /health: 200 only when both servers answer, the
    worker has partitions and none of them stands still with news waiting; the
    body says which server is missing and why, with the consumer lag, the
    stalled partitions and the dead-letter count an operator looks at next."""
    unreachable = rt.metrics.unreachable
    es_ok = rt.es_ready and rt.metrics.es_available and "elasticsearch" not in unreachable
    kafka_ok = "kafka" not in unreachable
    stalled = snap.get("stalled_partitions", {})
    state = "ok" if es_ok and kafka_ok and assigned and not stalled else "degraded"
    body = {
        "status": state,
        "kafka": "ok" if kafka_ok else "unreachable",
        "kafka_partitions_assigned": assigned,
        "elasticsearch": "ok" if es_ok else "unavailable",
        "unreachable": dict(unreachable),
        "process_state_ready": not rt.state_dirty,
        "consumer_lag": snap["consumer_lag"]["total"],
        "stalled_partitions": dict(stalled),
        "dead_letters": snap["dead_letters"]["total"],
        "uptime_seconds": snap["uptime_seconds"],
    }
    return (200 if state == "ok" else 503), body


def register(app: faust.App, rt: Runtime) -> None:
    async def health(web: View, request: Request) -> Response:
        status, body = health_report(rt, _assigned(app), rt.metrics.snapshot(highwater_reader(app)))
        return web.json(body, status=status)

    kafka_probe = KafkaProbe(rt.settings)
    es_client: list[Any] = []  # made on first use, inside the running loop

    @app.timer(PROBE_SECONDS)
    async def probe() -> None:
        from monitor.es.client import make_async_client

        if not es_client:
            es_client.append(make_async_client(rt.settings))
        # Both at once: a frozen node must not delay the broker's check.
        es_reason, kafka_reason = await asyncio.gather(
            check_elasticsearch(es_client[0]), kafka_probe.check()
        )
        for name, reason in (("elasticsearch", es_reason), ("kafka", kafka_reason)):
            if reason is None:
                rt.metrics.unreachable.pop(name, None)
            else:
                if name not in rt.metrics.unreachable:
                    log.warning(
                        "server unreachable", extra={"kv": {"server": name, "error": reason}}
                    )
                rt.metrics.unreachable[name] = reason

    @app.service
    class _CloseProbes(mode.Service):
        async def on_stop(self) -> None:
            await kafka_probe.close()
            if es_client:
                await es_client[0].close()

    async def metrics(web: View, request: Request) -> Response:
        snap = rt.metrics.snapshot(highwater_reader(app))
        snap["kafka_partitions_assigned"] = _assigned(app)
        snap["kafka_assignment"] = _assignment(app)
        snap["process_state"] = {
            "articles": rt.processor.analyzer.dedup.article_count,
            "paragraphs": len(rt.processor.analyzer.dedup),
        }
        return web.json(snap)

    # With and without the trailing slash (faust routes are exact).
    for path in ("/health/", "/health"):
        app.page(path, name=f"health{path.count('/')}")(health)
    for path in ("/metrics/", "/metrics"):
        app.page(path, name=f"metrics{path.count('/')}")(metrics)
