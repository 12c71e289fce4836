"""On the real broker, the fetch wait of the settings reaches the fetcher aiokafka
builds when the worker's consumer starts (aiokafka reads it then, from a private
attribute: this fails if an upgrade moves it)."""

from __future__ import annotations

import asyncio

import pytest

from agents.app import make_app
from monitor.settings import Settings

pytestmark = pytest.mark.integration


def test_the_started_consumer_fetches_with_the_wait_of_the_settings(
    stack_settings: Settings, tmp_path: object
) -> None:
    settings = stack_settings.model_copy(
        update={"kafka_fetch_max_wait_ms": 77, "state_dir": tmp_path}
    )

    async def started_wait() -> int:
        app, _ = make_app(settings)
        thread = app.consumer._thread
        consumer = thread._create_worker_consumer(app.transport)
        await consumer.start()
        try:
            return int(consumer._fetcher._fetch_max_wait_ms)
        finally:
            await consumer.stop()
            thread.thread_loop.close()  # made with the thread, never run here

    assert asyncio.run(started_wait()) == 77
