"""Poison messages written straight onto news.raw between good items: each is
dead-lettered with its reason, every good item is indexed exactly once, and the
worker never exits (before, each of them stopped it for good: never acked, so
every restart died on the same message)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest

from monitor.service.kafka import ensure_topics
from monitor.service.names import TopicNames
from monitor.settings import Settings
from tests.integration.generate import generate, jsonl
from tests.integration.helpers import es_ids, read, wait_for
from tests.integration.poison import POISON, send_raw

pytestmark = pytest.mark.integration


@pytest.mark.timeout(300)
def test_poison_messages_between_good_items(service: Settings, workers: Callable[..., Any]) -> None:
    names = TopicNames.from_settings(service)
    asyncio.run(ensure_topics(service, names))
    good = jsonl(generate(len(POISON) + 1, prefix="good", seed=3))
    good_ids = {json.loads(line)["id"] for line in good}
    # good, poison, good, poison, ..., good: every poison message has work behind it
    values: list[bytes | None] = []
    expected_offsets: dict[int, str] = {}
    for n, (code, value) in enumerate(POISON.items()):
        values.append(good[n])
        expected_offsets[len(values)] = code
        values.append(value)
    values.append(good[-1])

    worker = workers()
    # all in one partition: each poison message has good work queued behind it
    send_raw(service, names.raw, values, partition=0)
    wait_for(lambda: set(es_ids(service)) >= good_ids, 120, "every good item indexed")
    worker.wait_idle(received=len(values), timeout=60)

    assert worker.alive(), worker.log_tail()
    ids = es_ids(service)
    assert sorted(ids) == sorted(good_ids), "a good item lost or indexed twice"
    dead = [json.loads(r.value) for r in read(service, [names.deadletter])]
    assert {d["offset"]: d["code"] for d in dead} == expected_offsets
    for record in dead:
        assert record["stage"] == "parse" and record["error"], record
        assert record["topic"] == names.raw
    snap = worker.metrics()
    assert snap["dead_letters"]["total"] == len(POISON)
    assert snap["counts"]["enriched"] == len(good)
