"""faust's aiokafka transport with two races of faust-streaming 0.15.3 closed,
and a fetch wait that is short only while the consumer group holds still.

The races (found with a 100 ms fetch wait, which made them likely; faust's own
1500 ms makes them rare, not impossible):

- faust hands the consumer thread its *live* set of active partitions. When a
  pause on the main thread empties it while the thread waits for records (a
  table's changelog paused once its recovery is done), aiokafka reads the empty
  set as "every partition" and returns the records of paused ones; faust drops
  them, and aiokafka's position has moved past them. `_getmany` asks with a
  copy, and seeks a partition paused on the way back to its first record.
- faust resumes the stream partitions, then seeks them back to their committed
  offsets (`Recovery._resume_streams`) while records fetched before the seek may
  still be on their way to the streams. One arriving after the seek lowered the
  read offset looked like a gap in the log: faust marked the gap done and then
  dropped the records fetched again from the committed offset. `perform_seek`
  stops the flow for the seek, as a rebalance does.

Together they lost part of news.prepared after a SIGKILL and a restart (the
restarted ordered stage started mid-topic; tests/integration/
test_service_recovery.py failed every time with a 100 ms wait from the start).

The wait: faust-streaming 0.15.3 builds its worker consumer with
`fetch_max_wait_ms=1500` and no setting to change it. aiokafka keeps one fetch
in flight per broker and leaves out of it every partition whose records are
still buffered, so once the agents have drained those, their next records wait
until the in-flight fetch returns: up to the whole wait when the partitions it
asked for are quiet. With both stages in one worker (news.raw -> news.prepared
-> news.enriched) the worker sat idle for a third of a burst. The wait is
faust's own while the group moves and for `settle` seconds after (revoked
partitions, a rebalance, a recovery), and the settings' shorter one only once
everything has held still (MONITOR_KAFKA_FETCH_MAX_WAIT_MS).
"""

from __future__ import annotations

import logging
import time
from typing import Any

import aiokafka
import faust
from aiokafka.errors import IllegalStateError
from faust.transport.drivers import aiokafka as faust_aiokafka

from agents.context import Runtime

log = logging.getLogger("agents.transport")

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
            consumer._fetch_max_wait_ms = start_wait(self.app)
            return consumer

    class Consumer(faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

        async def _getmany(self, active_partitions: Any, timeout: float) -> Any:
            # faust hands the consumer thread its live set of active partitions;
            # a pause on the main thread while the thread waits for records can
            # empty it, and aiokafka reads an empty set as "every partition".
            # faust then drops the records of the paused partitions it was
            # handed, past which aiokafka has already moved: at a start with
            # table recovery that lost part of news.prepared. Ask with a copy.
            asked = None if active_partitions is None else set(active_partitions)
            if asked is not None and not asked:
                return {}
            got = await super()._getmany(asked, timeout)
            paused = {
                tp: batch[0].offset
                for tp, batch in got.items()
                if batch
                and active_partitions is not None
                and tp not in active_partitions
                and tp not in self._buffered_partitions
            }
            if not paused:
                return got
            # Paused while its records were on the way: faust will not deliver
            # them, so fetch them again once it is resumed.
            await _seek_back(self, paused)
            return {tp: batch for tp, batch in got.items() if tp not in paused}

        async def perform_seek(self) -> None:
            # faust seeks a resumed partition back to its committed offset while
            # records fetched before the seek may still be on their way to the
            # streams; a record arriving after the read offset went back looked
            # like a gap to faust, which then dropped the records fetched again
            # from the committed offset (and counted them as done). Stop the
            # flow for the seek, as a rebalance does, so nothing is on its way.
            if not self.flow_active:
                await super().perform_seek()
                return
            self.flow_active = False
            self.can_resume_flow.clear()
            try:
                await super().perform_seek()
            finally:
                if not self.suspend_flow.is_set():  # no rebalance stopped it meanwhile
                    self.flow_active = True
                    self.can_resume_flow.set()

    class Transport(faust_aiokafka.Transport):
        pass

    Transport.Consumer = Consumer
    return Transport


async def _seek_back(consumer: Any, offsets: dict[Any, int]) -> None:
    for tp, offset in offsets.items():
        try:
            await consumer._thread.seek_wait({tp: offset})
        except (TimeoutError, IllegalStateError) as exc:
            # revoked meanwhile: its next owner starts from the commit
            log.debug("no seek back", extra={"kv": {"partition": str(tp), "error": str(exc)}})


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


def start_wait(app: Any) -> int:
    """The fetch wait the worker consumer starts with: faust's, unless the
    settings ask for a shorter one from the start (settle time 0)."""
    return int(getattr(app, "start_fetch_wait_ms", MOVING_WAIT_MS))


def register(app: faust.App, rt: Runtime) -> None:
    """Switch the fetch wait: faust's while the group moves, the settings' short
    one after (or from the start with a settle time of 0); /metrics tells which
    (`kafka_fetch_wait_ms`)."""
    short_ms = rt.settings.kafka_fetch_max_wait_ms
    if short_ms >= MOVING_WAIT_MS:
        return  # nothing to gain
    if rt.settings.kafka_fetch_settle_seconds == 0:
        # The consumer was built with the short wait (MonitorApp): nothing to switch.
        @app.timer(LOOK_SECONDS, name="fetch_wait")
        async def report() -> None:
            rt.metrics.fetch_wait_ms = fetch_wait(app)

        return
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
