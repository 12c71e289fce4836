"""faust's aiokafka transport with a fetch wait the settings choose.

faust-streaming 0.15.3 builds its worker consumer with `fetch_max_wait_ms=1500`
and no setting to change it. aiokafka keeps one fetch in flight per broker and
leaves out of it every partition whose records are still buffered, so once the
agents have drained those, their next records wait until the in-flight fetch
returns: up to the whole wait when the partitions it asked for are quiet. With
both stages in one worker (news.raw -> news.prepared -> news.enriched) that wait
is paid again and again: the worker sat idle for a third of a burst, and the two
stages made 250 articles/s against 415 with a 100 ms wait (bench_service.py's
process stage, 3,000 items). A shorter wait only costs an idle worker a few
empty fetches a second.
"""

from __future__ import annotations

from typing import Any

import aiokafka
from faust.transport.drivers import aiokafka as faust_aiokafka


def fetch_wait_transport(fetch_max_wait_ms: int) -> type[faust_aiokafka.Transport]:
    """The aiokafka transport whose worker consumer long-polls at most this long."""

    class ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
        def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
            consumer = super()._create_worker_consumer(transport)
            # Read by AIOKafkaConsumer.start() when it builds its Fetcher (aiokafka
            # 0.14, pinned in uv.lock; tests/agents/test_transport.py checks it).
            consumer._fetch_max_wait_ms = fetch_max_wait_ms
            return consumer

    class Consumer(faust_aiokafka.Consumer):
        def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
            return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    class Transport(faust_aiokafka.Transport):
        pass

    Transport.Consumer = Consumer
    return Transport
