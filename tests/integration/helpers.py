"""What the integration tests do to and read from the real servers."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterable
from typing import Any

from monitor.analyzer import Analyzer
from monitor.settings import Settings
from schemas.analysis import Analysis


def produce(settings: Settings, lines: Iterable[bytes]) -> int:
    from monitor.cli.kafka_tools import produce_lines

    return asyncio.run(produce_lines(settings, list(enumerate(lines, start=1))))


def read(settings: Settings, topics: list[str], idle: float = 1.0) -> list[Any]:
    from monitor.service.consume import read_topics

    return asyncio.run(read_topics(settings, topics, idle_seconds=idle, max_seconds=120))


def read_json(settings: Settings, topics: list[str]) -> list[dict[str, Any]]:
    return [json.loads(r.value) for r in read(settings, topics)]


def alerts(settings: Settings) -> list[dict[str, Any]]:
    from monitor.service.names import TopicNames

    names = TopicNames.from_settings(settings)
    return read_json(settings, [names.alerts_ceasefire, names.alerts_casualties])


def expected_analyses(settings: Settings, lines: Iterable[bytes]) -> list[Analysis]:
    """What the service should publish: the offline core run over the same stream
    (in the service's order: `in_sequence`, or lines sent with `produce_in_order`)."""
    analyzer = Analyzer(settings)
    out = []
    for line in lines:
        result = analyzer.analyze_raw(line)
        if isinstance(result, Analysis):
            out.append(result)
    return out


def sequenced(settings: Settings) -> list[tuple[str, str]]:
    """(article id, content digest) in the order of news.prepared, the service's
    sequencer, each once (a redelivery is the same pair again)."""
    from monitor.service.names import TopicNames

    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for record in read(settings, [TopicNames.from_settings(settings).prepared]):
        message = json.loads(record.value)
        key = (message["item"]["id"], message["digest"])
        if key not in seen:
            seen.add(key)
            out.append(key)
    return out


def in_sequence(settings: Settings, lines: Iterable[bytes]) -> list[bytes]:
    """The valid `lines` in the order the service's sequencer saw them: across the
    partitions of news.raw there is no other order, and "first seen" is this one.
    Every valid line must have been sequenced (call it once the service is idle)."""
    from monitor.items import ItemError, parse_item
    from monitor.service.prepare import item_digest

    by_key: dict[tuple[str, str], bytes] = {}
    for line in lines:
        try:
            item = parse_item(line, settings.max_body_bytes)
        except ItemError:
            continue
        by_key.setdefault((item.id or "", item_digest(item)), line)
    order = sequenced(settings)
    assert set(order) == set(by_key), (
        f"{len(set(by_key) - set(order))} items never sequenced, "
        f"{len(set(order) - set(by_key))} sequenced that were not sent"
    )
    return [by_key[key] for key in order]


def produce_in_order(settings: Settings, lines: list[bytes], worker: Any) -> None:
    """Send valid `lines` one by one, each once the one before was sequenced by
    `worker` (which must hold news.prepared): the order of the ordered stage is
    then the order of `lines`, however news.raw partitions them."""
    for n, line in enumerate(lines, start=1):
        produce(settings, [line])
        wait_for(
            lambda n=n: worker.metrics().get("counts", {}).get("sequenced", 0) >= n,
            60,
            f"item {n} sequenced",
            every=0.05,
        )


def es_client(settings: Settings) -> Any:
    from monitor.es.client import make_client

    return make_client(settings)


def es_ids(settings: Settings) -> list[str]:
    """Every article document id in the alias (duplicates across backing indices kept)."""
    from monitor.es.names import articles_alias

    client = es_client(settings)
    try:
        client.indices.refresh(index=articles_alias(settings))
        ids: list[str] = []
        resp = client.search(
            index=articles_alias(settings),
            query={"match_all": {}},
            source=False,
            size=10_000,
            sort=["_doc"],
            track_total_hits=True,
        )
        ids.extend(h["_id"] for h in resp["hits"]["hits"])
        assert resp["hits"]["total"]["value"] == len(ids), "more than 10,000 documents"
        return ids
    finally:
        client.close()


def search_ids(settings: Settings, query: str, **options: Any) -> list[str]:
    from monitor.es.names import articles_alias
    from monitor.es.query import build_search

    client = es_client(settings)
    try:
        client.indices.refresh(index=articles_alias(settings))
        body = build_search(query, size=100, **options)
        return [
            h["_id"]
            for h in client.search(index=articles_alias(settings), body=body)["hits"]["hits"]
        ]
    finally:
        client.close()


def wait_for(predicate: Any, timeout: float, what: str, every: float = 0.5) -> Any:
    """Poll `predicate` every `every` seconds until it is truthy (returned) or
    `timeout` passes (an AssertionError naming `what` and the last answer)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} (last: {last!r})")


def committed(settings: Settings, topic: str) -> int:
    """The service's committed offset on partition 0 of `topic` (0 if none)."""
    from aiokafka.admin import AIOKafkaAdminClient

    from monitor.service.kafka import client_kwargs
    from monitor.service.names import app_id

    async def get() -> int:
        admin = AIOKafkaAdminClient(**client_kwargs(settings))
        await admin.start()
        try:
            offsets = await admin.list_consumer_group_offsets(app_id(settings))
        finally:
            await admin.close()
        return max((m.offset for tp, m in offsets.items() if tp.topic == topic), default=0)

    return asyncio.run(get())
