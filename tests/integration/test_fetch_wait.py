"""On the real broker: the fetch wait the worker starts with, and one set while
it runs, reach the fetcher aiokafka built at start (it reads them from a private
attribute: this fails if an upgrade moves it), and with a settle time a running
worker switches to the short wait once its consumer group has held still
(agents/transport.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from agents import transport
from agents.app import make_app
from monitor.settings import Settings
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.integration


def test_a_wait_set_while_running_reaches_the_fetcher(
    stack_settings: Settings, tmp_path: Path
) -> None:
    settings = stack_settings.model_copy(update={"state_dir": tmp_path})

    async def waits() -> tuple[int | None, int | None]:
        app, _ = make_app(settings)
        thread = app.consumer._thread
        consumer = thread._create_worker_consumer(app.transport)
        await consumer.start()
        thread._consumer = consumer  # as AIOKafkaConsumerThread.on_start does
        try:
            at_start = transport.fetch_wait(app)
            transport.set_fetch_wait(app, 77)
            return at_start, transport.fetch_wait(app)
        finally:
            await consumer.stop()
            thread.thread_loop.close()  # made with the thread, never run here

    # the default: the short wait from the start (no settle time), in the fetcher
    # aiokafka built when the consumer started
    assert settings.kafka_fetch_settle_seconds == 0
    assert asyncio.run(waits()) == (settings.kafka_fetch_max_wait_ms, 77)


def test_a_worker_takes_the_short_wait_once_the_group_holds_still(
    workers: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_KAFKA_FETCH_MAX_WAIT_MS", "100")
    monkeypatch.setenv("MONITOR_KAFKA_FETCH_SETTLE_SECONDS", "2")
    worker = workers()
    wait_for(
        lambda: worker.metrics().get("kafka_fetch_wait_ms") == 100,
        60,
        "the short fetch wait on /metrics",
        every=0.5,
    )
