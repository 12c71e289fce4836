"""The alert agent's memory of what is already on the alert topics: read back from
the real broker, so an alert published just before a SIGKILL (and not yet in the
`alerts_sent` table) is not published again after the restart."""

from __future__ import annotations

import asyncio
import json

import pytest

from monitor.service.alert_log import alert_ids_in, recent_alert_ids
from monitor.service.kafka import ensure_topics
from monitor.service.names import TopicNames
from monitor.settings import Settings
from tests.integration.poison import send_raw

pytestmark = pytest.mark.integration


def test_recent_alert_ids_are_read_back_from_the_topics(service: Settings) -> None:
    names = TopicNames.from_settings(service)
    asyncio.run(ensure_topics(service, names))
    casualties = [json.dumps({"alert_id": f"c{i}"}).encode() for i in range(30)]
    ceasefire: list[bytes | None] = [b'{"alert_id": "f1"}', b"not json", None]
    send_raw(service, names.alerts_casualties, casualties)
    send_raw(service, names.alerts_ceasefire, ceasefire)
    topics = [names.alerts_ceasefire, names.alerts_casualties]
    assert asyncio.run(recent_alert_ids(service, topics)) == {f"c{i}" for i in range(30)} | {"f1"}
    # only the tail of each partition: a bounded read however long the topic is.
    # send_raw keys message n as b"raw-n", so the partition of each is known.
    expected = _tail_ids(casualties, service.topic_partitions, 2) | _tail_ids(
        ceasefire, service.topic_partitions, 2
    )
    tail = asyncio.run(recent_alert_ids(service, topics, per_partition=2))
    assert tail == expected
    assert len(tail) < 31


def _tail_ids(values: list[bytes | None], partitions: int, per_partition: int) -> set[str]:
    """The alert ids among the last `per_partition` values of each partition, with the
    producer's default partitioner (murmur2 of the key)."""
    from aiokafka.partitioner import DefaultPartitioner

    chooser = DefaultPartitioner()
    by_partition: dict[int, list[bytes | None]] = {}
    for n, value in enumerate(values):
        p = chooser(b"raw-%d" % n, list(range(partitions)), list(range(partitions)))
        by_partition.setdefault(p, []).append(value)
    return alert_ids_in([v for vs in by_partition.values() for v in vs[-per_partition:]])


def test_values_without_an_alert_id_are_skipped() -> None:
    assert alert_ids_in([b'{"alert_id": "a"}', b"[]", b"{", None, b'{"alert_id": 5}']) == {"a"}
