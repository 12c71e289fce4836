"""The worker's fetch wait (agents/transport.py): the short one from the start by
default; with a settle time, faust's 1500 ms while the consumer group moves and
the short one once it has held still; and the
two faust races the transport closes (a pause during a fetch, a seek while
records are on their way)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from faust.types import TP

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


def test_the_worker_consumer_starts_with_the_short_wait_by_default(settings: Settings) -> None:
    assert (Settings().kafka_fetch_max_wait_ms, Settings().kafka_fetch_settle_seconds) == (100, 0)
    assert asyncio.run(_start_wait(settings)) == 100


def test_with_a_settle_time_the_consumer_starts_with_fausts_wait(settings: Settings) -> None:
    # a start is a move of the group: the short wait comes only once it settles
    settling = settings.model_copy(update={"kafka_fetch_settle_seconds": 2.0})
    assert asyncio.run(_start_wait(settling)) == transport.MOVING_WAIT_MS == 1500


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


def test_a_settle_time_of_zero_builds_the_consumer_with_the_short_wait(
    settings: Settings,
) -> None:
    short = settings.model_copy(
        update={"kafka_fetch_max_wait_ms": 100, "kafka_fetch_settle_seconds": 0}
    )
    assert asyncio.run(_start_wait(short)) == 100
    switched = settings.model_copy(
        update={"kafka_fetch_max_wait_ms": 100, "kafka_fetch_settle_seconds": 2.0}
    )
    assert asyncio.run(_start_wait(switched)) == transport.MOVING_WAIT_MS


class _Record:
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _Thread:
    """The consumer thread's two calls `_getmany` makes, without a broker: the
    fetch pauses `pause` on the main thread while it waits (as a table's recovery
    ending does) and returns `records` for every partition."""

    def __init__(self, consumer: Any, pause: set[Any], records: dict[Any, list[_Record]]):
        self.consumer = consumer
        self.pause = pause
        self.records = records
        self.asked: set[Any] | None = None
        self.seeks: dict[Any, int] = {}

    async def getmany(self, active: set[Any] | None, timeout: float) -> Any:
        self.consumer.pause_partitions(self.pause)
        self.asked = None if active is None else set(active)
        return {tp: rs for tp, rs in self.records.items() if not active or tp in active}

    async def seek_wait(self, partitions: dict[Any, int]) -> None:
        self.seeks.update(partitions)


@pytest.fixture
def consumer(settings: Settings) -> Iterator[Any]:
    """The worker's faust consumer, never started (no broker here)."""
    app, _ = make_app(settings)
    loop = app.consumer._thread.thread_loop
    yield app.consumer
    loop.close()  # made with the thread, never run here


def test_a_pause_during_a_fetch_neither_widens_it_nor_loses_records(consumer: Any) -> None:
    changelog, prepared = TP("processed-changelog", 0), TP("news.prepared", 0)
    consumer._active_partitions = {changelog}
    consumer._paused_partitions = {prepared}
    thread = _Thread(
        consumer,
        pause={changelog},
        records={changelog: [_Record(5), _Record(6)], prepared: [_Record(430)]},
    )
    consumer._thread = thread

    async def fetch() -> Any:
        return await consumer._getmany(consumer._get_active_partitions(), 1.0)

    got = asyncio.run(fetch())
    # faust's live set was emptied during the wait: the thread still got the
    # partitions asked for (an empty set would mean every partition to aiokafka),
    assert thread.asked == {changelog}
    # and what came back for the partition paused meanwhile is not handed on but
    # fetched again from its first record once it is resumed
    assert got == {}
    assert thread.seeks == {changelog: 5}


def test_nothing_is_fetched_when_nothing_is_active(consumer: Any) -> None:
    thread = _Thread(consumer, pause=set(), records={TP("news.raw", 0): [_Record(1)]})
    consumer._thread = thread
    assert asyncio.run(consumer._getmany(set(), 1.0)) == {}
    assert thread.asked is None  # the thread was not asked at all


def test_the_flow_stands_still_while_faust_seeks_back(consumer: Any) -> None:
    seen: list[bool] = []

    async def seek_to_committed() -> dict[Any, int]:
        # what an in-flight batch checks before it hands on each record
        seen.append(consumer.flow_active)
        return {TP("news.prepared", 0): 430}

    consumer.seek_to_committed = seek_to_committed

    async def seek() -> None:
        consumer.resume_flow()  # a worker that started: its flow never stopped
        await consumer.perform_seek()

    asyncio.run(seek())
    assert seen == [False]
    assert consumer.flow_active and consumer.can_resume_flow.is_set()
    assert consumer._read_offset[TP("news.prepared", 0)] == 430
