"""Health and metrics pages, and a web driver without faust's table browser.

faust's default `/table/` pages show table contents (article ids and analyses
here); the worker's web server is bound to loopback and serves only what is
declared here plus faust's `/router/`.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.types import TP
from faust.web import Request, Response, View
from faust.web.drivers.aiohttp import Web as AiohttpWeb

from agents.context import Runtime


class LoopbackWeb(AiohttpWeb):
    default_blueprints = [("/router", "faust.web.apps.router:blueprint")]  # noqa: RUF012
    production_blueprints = []  # noqa: RUF012
    debug_blueprints = []  # noqa: RUF012


def _highwater(app: faust.App) -> Any:
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


def register(app: faust.App, rt: Runtime) -> None:
    async def health(web: View, request: Request) -> Response:
        assigned = _assigned(app)
        es_ok = rt.es_ready and rt.metrics.es_available
        state = "ok" if es_ok and assigned else "degraded"
        body = {
            "status": state,
            "kafka_partitions_assigned": assigned,
            "elasticsearch": "ok" if es_ok else "unavailable",
            "process_state_ready": not rt.state_dirty,
            "uptime_seconds": rt.metrics.snapshot()["uptime_seconds"],
        }
        return web.json(body, status=200 if state == "ok" else 503)

    async def metrics(web: View, request: Request) -> Response:
        snap = rt.metrics.snapshot(_highwater(app))
        snap["kafka_partitions_assigned"] = _assigned(app)
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
