"""The stall watch's timer: every few seconds, compare each partition's handled
position with the last look (monitor/service/stall.py), and say so in the log,
on /metrics and on /health when news waits and nothing moves."""

from __future__ import annotations

import logging
import time

import faust

from agents.context import Runtime
from agents.web import highwater_reader
from monitor.service.stall import StallWatch

log = logging.getLogger("agents.watch")

#: How often the positions are compared (a stall is told within this of its threshold).
WATCH_SECONDS = 5.0


def register(app: faust.App, rt: Runtime) -> None:
    threshold = rt.settings.worker_stall_seconds
    if not threshold:
        return
    watch = StallWatch(threshold)

    @app.timer(WATCH_SECONDS, name="stall_watch")
    async def look() -> None:
        lag = rt.metrics.lag(highwater_reader(app))
        began, moved = watch.observe(time.monotonic(), rt.metrics.positions_by_name(), lag)
        for stall in began:
            log.warning(
                "partition stands still with messages waiting",
                extra={
                    "kv": {
                        "partition": stall.partition,
                        "waiting": stall.waiting,
                        "seconds": stall.seconds,
                    }
                },
            )
        for partition in moved:
            log.info("partition moves again", extra={"kv": {"partition": partition}})
        rt.metrics.stalled = {
            s.partition: {"waiting": s.waiting, "seconds": s.seconds}
            for s in watch.stalled.values()
        }
