"""faust's aiokafka transport with a fetch wait that is short only while the
consumer group holds still.

faust-streaming 0.15.3 builds its worker consumer with `fetch_max_wait_ms=1500`
and no setting to change it. aiokafka keeps one fetch in flight per broker and
leaves out of it every partition whose records are still buffered, so once the
agents have drained those, their next records wait until the in-flight fetch
returns: up to the whole wait when the partitions it asked for are quiet. With
both stages in one worker (news.raw -> news.prepared -> news.enriched) that wait
is paid again and again: the worker sat idle for a third of a burst, and the two
stages made 250 articles/s against 358-415 with a 100 ms wait
(bench_service.py's process stage, 3,000 items).

But a short wait during a rebalance lost work: after a SIGKILL and a restart,
the ordered stage skipped part of news.prepared (events fetched around the
rebalance are dropped by faust's stream as of an old generation, and were not
fetched again), so those articles were only processed at the next restart
(tests/integration/test_service_recovery.py failed every time with 100 ms and
passed with 1500). faust resumes the partitions before it seeks them back to
their committed offsets (`Recovery._resume_streams`); a long wait keeps a fetch
from landing in between. So the wait is faust's own while the group moves and
for `settle` seconds after (revoked partitions, a rebalance, a recovery), and
the settings' short one only once everything has held still.

That made the SIGKILL-and-restart test pass six times of six, but the
two-worker test that kills the sequencer still failed once in CI the same way
(the survivor skipped part of news.prepared after taking it over): the cause is
not pinned down, so the short wait is opt-in (MONITOR_KAFKA_FETCH_MAX_WAIT_MS
below 1500) and the default is faust's own wait, with nothing switched.
"""

from __future__ import annotations

import time
from typing import Any

import aiokafka
import faust
from faust.transport.drivers import aiokafka as faust_aiokafka

from agents.context import Runtime

#: faust's own fetch wait, kept while the group moves.
MOVING_WAIT_MS = 1500
#: How often the app looks whether the group has held still.
LOOK_SECONDS = 1.0


def fetch_wait_transport() -> type[faust_aiokafka.Transport]:
    """The aiokafka transport whose worker consumer starts with faust's wait and
    whose wait `set_fetch_wait` can change while it runs."""

    class ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
            consumer = super()._create_worker_consumer(transport)
            consumer._fetch_max_wait_ms = MOVING_WAIT_MS
            return consumer

    class Consumer(faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    class Transport(faust_aiokafka.Transport):
        pass

    Transport.Consumer = Consumer
    return Transport


def fetch_wait(app: faust.App) -> int | None:
    """The running consumer's fetch wait (ms), or None before it has started."""
    consumer = getattr(getattr(app.consumer, "_thread", None), "_consumer", None)
    fetcher = getattr(consumer, "_fetcher", None)
    return None if fetcher is None else int(fetcher._fetch_max_wait_ms)


def set_fetch_wait(app: faust.App, wait_ms: int) -> None:
    """Let the next fetch requests wait at most this long (aiokafka 0.14, pinned in
    uv.lock, reads it from its Fetcher each time it builds a request; the
    integration test checks it)."""
    consumer = getattr(getattr(app.consumer, "_thread", None), "_consumer", None)
    if consumer is None:
        return
    consumer._fetch_max_wait_ms = wait_ms
    fetcher = getattr(consumer, "_fetcher", None)
    if fetcher is not None:
        fetcher._fetch_max_wait_ms = wait_ms


class Settle:
    """When the group last moved; whether it has held still for long enough."""

    def __init__(self, settle_seconds: float, clock: Any = time.monotonic) -> None:
        self.settle_seconds = settle_seconds
        self.clock = clock
        self.moved_at = clock()
        self.rebalances = -1
        self.moving = True

    def moved(self) -> None:
        self.moved_at = self.clock()
        self.moving = True

    def still(self, moving: bool, rebalances: int) -> bool:
        """True once the group has been seen still for `settle_seconds`: counted
        from the first look that found it still after one that found it moving
        (or a rebalance counted since the last look)."""
        if moving or rebalances != self.rebalances:
            self.rebalances = rebalances
            self.moved()
            return False
        if self.moving:
            self.moving = False
            self.moved_at = self.clock()
        return self.clock() - self.moved_at >= self.settle_seconds


def register(app: faust.App, rt: Runtime) -> None:
    """Switch the fetch wait: faust's while the group moves, the settings' short
    one after; /metrics tells which (`kafka_fetch_wait_ms`)."""
    short_ms = rt.settings.kafka_fetch_max_wait_ms
    if short_ms >= MOVING_WAIT_MS:
        return  # nothing to gain
    settle = Settle(rt.settings.kafka_fetch_settle_seconds)

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]  # faust's signal typing
    async def _revoked(sender: Any, revoked: Any, **_: Any) -> None:
        # at the start of a rebalance, before faust pauses and seeks anything
        settle.moved()
        set_fetch_wait(app, MOVING_WAIT_MS)

    @app.timer(LOOK_SECONDS, name="fetch_wait")
    async def look() -> None:
        recovery = app.tables.recovery  # type: ignore[attr-defined]  # on TableManager
        moving = (
            bool(app.rebalancing)
            or not recovery.completed.is_set()
            or not app.flow_control.is_active()
        )
        if settle.still(moving, int(app.rebalancing_count)):
            set_fetch_wait(app, short_ms)
        else:
            set_fetch_wait(app, MOVING_WAIT_MS)
        rt.metrics.fetch_wait_ms = fetch_wait(app)
