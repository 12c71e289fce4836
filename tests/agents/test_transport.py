"""The worker's fetch wait (agents/transport.py): faust's 1500 ms while the
consumer group moves, the settings' short one once it has held still."""

from __future__ import annotations

import asyncio

from agents import transport
from agents.app import make_app
from monitor.settings import Settings


async def _start_wait(settings: Settings) -> int:
    app, _ = make_app(settings)
    thread = app.consumer._thread
    # The consumer faust builds for the worker (never started: no broker here).
    consumer = thread._create_worker_consumer(app.transport)
    try:
        return int(consumer._fetch_max_wait_ms)
    finally:
        await consumer.stop()
        thread.thread_loop.close()  # made with the thread, never run here


def test_the_worker_consumer_starts_with_fausts_wait(settings: Settings) -> None:
    # a start is a move of the group: the short wait comes only once it settles
    assert asyncio.run(_start_wait(settings)) == transport.MOVING_WAIT_MS == 1500
    assert Settings().kafka_fetch_max_wait_ms == 1500  # the short wait is opt-in


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_short_only_once_nothing_has_moved_for_the_settle_time() -> None:
    clock = Clock()
    settle = transport.Settle(10.0, clock)
    assert not settle.still(moving=True, rebalances=1)  # recovering
    clock.now = 5.0
    assert not settle.still(moving=False, rebalances=1)  # moved 5 s ago
    clock.now = 10.5
    assert not settle.still(moving=False, rebalances=1)
    clock.now = 15.0
    assert settle.still(moving=False, rebalances=1)  # 10 s without a move


def test_a_rebalance_between_two_looks_restarts_the_settle_time() -> None:
    clock = Clock()
    settle = transport.Settle(10.0, clock)
    assert not settle.still(moving=False, rebalances=3)  # the first look
    clock.now = 1.0
    assert not settle.still(moving=False, rebalances=3)  # still since now
    clock.now = 20.0
    assert settle.still(moving=False, rebalances=3)
    # a rebalance came and went between the looks: counted, not seen
    assert not settle.still(moving=False, rebalances=4)
    clock.now = 25.0
    assert not settle.still(moving=False, rebalances=4)
    settle.moved()  # partitions revoked
    clock.now = 34.0
    assert not settle.still(moving=False, rebalances=4)  # still from here
    clock.now = 43.0
    assert not settle.still(moving=False, rebalances=4)
    clock.now = 44.0
    assert settle.still(moving=False, rebalances=4)


def test_a_wait_at_least_fausts_registers_nothing(settings: Settings) -> None:
    app, _ = make_app(settings.model_copy(update={"kafka_fetch_max_wait_ms": 1500}))
    assert "fetch_wait" not in {t.__name__ for t in app._app_tasks if hasattr(t, "__name__")}
