"""The worker's consumer long-polls for as long as the settings say, not faust's
fixed 1500 ms (agents/transport.py): a long wait left the two stages idle a third
of a burst, waiting on a fetch for partitions that had nothing new."""

from __future__ import annotations

import asyncio

from agents.app import make_app
from monitor.settings import Settings


async def _fetch_wait(settings: Settings) -> int:
    app, _ = make_app(settings)
    # The consumer faust builds for the worker (never started: no broker here).
    thread = app.consumer._thread
    consumer = thread._create_worker_consumer(app.transport)
    try:
        return int(consumer._fetch_max_wait_ms)
    finally:
        await consumer.stop()
        thread.thread_loop.close()  # made with the thread, never run here


def test_the_worker_consumer_takes_its_fetch_wait_from_the_settings(settings: Settings) -> None:
    short = asyncio.run(_fetch_wait(settings.model_copy(update={"kafka_fetch_max_wait_ms": 123})))
    default = asyncio.run(_fetch_wait(settings))
    assert short == 123
    assert default == Settings().kafka_fetch_max_wait_ms == 100
