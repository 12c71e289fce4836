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


def register(app: faust.App, rt: Runtime) -> None:
    @app.page("/health/")
    async def health(web: View, request: Request) -> Response:
        state = "ok" if rt.es_ready and rt.metrics.es_available else "degraded"
        body = {
            "status": state,
            "kafka": "ok",
            "elasticsearch": "ok" if rt.metrics.es_available else "unavailable",
            "process_state_ready": not rt.state_dirty,
            "uptime_seconds": rt.metrics.snapshot()["uptime_seconds"],
        }
        return web.json(body, status=200 if state == "ok" else 503)

    @app.page("/metrics/")
    async def metrics(web: View, request: Request) -> Response:
        snap = rt.metrics.snapshot(_highwater(app))
        snap["process_state"] = {
            "articles": rt.processor.analyzer.dedup.article_count,
            "paragraphs": len(rt.processor.analyzer.dedup),
        }
        return web.json(snap)
