"""Elasticsearch's refusals from a real node, not a scripted client.

- A mapping refusal: a document the index's mapping cannot take (a casualty
  count beyond a `long`, which the message schema allows) comes back from the
  bulk path as a failure with the node's reason and goes to the dead-letter
  record the index agent sends, while the valid documents of the same batch are
  indexed, once each, and every event of the batch is acknowledged.
- A full write queue: a second, small node of the test's own (one write thread,
  a one-slot queue; the shared node on 9200 is never reconfigured) flooded by
  concurrent bulk batches refuses with 429; the retries still get every
  document indexed exactly once.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from elasticsearch import AsyncElasticsearch

from agents.indexing import Indexer
from monitor.es.client import make_async_client
from monitor.service.indexing import BulkItem, BulkReport, RetryPolicy, index_batch
from monitor.service.metrics import Metrics
from monitor.settings import Settings
from schemas.analysis import CasualtyFigure
from tests.agents.recorder import Recorder, analysis_bytes, event
from tests.integration.small_es import TINY_WRITE_QUEUE, SmallEs

pytestmark = pytest.mark.integration

BEYOND_LONG = 10**20  # a `long` ends at 2**63 - 1 (about 9.2e18)


async def _ids_and_versions(client: AsyncElasticsearch, index: str) -> dict[str, int]:
    await client.indices.refresh(index=index)
    found = await client.search(index=index, size=1000, version=True, query={"match_all": {}})
    return {hit["_id"]: hit["_version"] for hit in found["hits"]["hits"]}


async def _index_operations(client: AsyncElasticsearch, index: str) -> int:
    """Documents the node's primaries indexed (a document written twice counts twice)."""
    stats = await client.indices.stats(index=index, metric="indexing")
    return int(stats["_all"]["primaries"]["indexing"]["index_total"])


async def test_a_mapping_refusal_is_dead_lettered_and_the_rest_indexed_once(
    service: Settings,
) -> None:
    recorder = Recorder()
    runtime = SimpleNamespace(
        settings=service, metrics=Metrics(), deadletters=recorder, es_ready=False
    )
    indexer = Indexer(runtime)  # type: ignore[arg-type]
    indexer.stream = recorder
    await indexer.start()  # the real set-up: templates, mapping, write alias
    try:
        huge = CasualtyFigure(kind="killed", count=BEYOND_LONG, start=0, end=5)
        values = [
            analysis_bytes("valid-1"),
            analysis_bytes("too-many", casualties=[huge]),
            analysis_bytes("valid-2"),
        ]
        for offset, value in enumerate(values):
            await indexer.add(event(offset, value))
        await indexer.flush()

        assert recorder.acked == [0, 1, 2]
        [dead] = recorder.dead
        assert (dead.stage, dead.item_id, dead.offset, dead.code) == (
            "index",
            "too-many",
            1,
            "es_400",
        )
        assert "parsing_exception" in dead.error_class  # the node's own error type
        assert "casualt" in dead.error and "out of range" in dead.error, dead.error
        assert json.loads(dead.payload)["id"] == "too-many"  # the original, to replay
        assert runtime.metrics.counts["indexed"] == 2

        client = indexer.client
        alias = indexer.articles_index
        # (articles carry external versions, so _version says nothing about repeats:
        # the node's count of index operations does)
        assert set(await _ids_and_versions(client, alias)) == {"valid-1", "valid-2"}
        assert await _index_operations(client, alias) == 2
    finally:
        await indexer.stop()


async def test_the_bulk_path_reports_the_refusal_with_the_nodes_reason(service: Settings) -> None:
    # The same refusal one level down: index_batch, against an index with a plain mapping.
    index = f"{service.es_index_prefix}-typed"
    client = make_async_client(service)
    try:
        await client.indices.create(
            index=index, mappings={"dynamic": "strict", "properties": {"count": {"type": "long"}}}
        )
        items = [
            BulkItem(index, "a", {"count": 1}, context="a"),
            BulkItem(index, "b", {"count": "many"}, context="b"),  # a type clash
            BulkItem(index, "c", {"count": 3}, context="c"),
        ]
        report = await index_batch(client, items, policy=RetryPolicy(initial_backoff=0.01))
        assert sorted(i.id for i in report.indexed) == ["a", "c"] and report.rounds == 1
        [failure] = report.failed
        assert failure.item.context == "b" and failure.status == 400
        assert "parsing_exception" in failure.error_type
        assert "[count]" in failure.error and "many" in failure.error, failure.error
        assert await _ids_and_versions(client, index) == {"a": 1, "c": 1}
    finally:
        await client.close()


# --- a 429 from a tiny write queue --------------------------------------------------


@pytest.fixture(scope="module")
def small_node(local_stack: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A node of this module's own with one write thread and a one-slot queue."""
    node = SmallEs(tmp_path_factory.mktemp("small-es"), local_stack, TINY_WRITE_QUEUE)
    try:
        yield node.start()
    finally:
        node.stop()


class StatusCounter:
    """Counts the per-document statuses of every bulk answer the client receives,
    by wrapping its transport (shared by the copies `client.options()` makes)."""

    def __init__(self, client: AsyncElasticsearch) -> None:
        self.statuses: dict[int, int] = {}
        transport = client.transport
        send = transport.perform_request

        async def counting(method: str, target: str, *args: Any, **kwargs: Any) -> Any:
            response = await send(method, target, *args, **kwargs)
            if target.split("?")[0].endswith("/_bulk"):
                for item in response.body.get("items", []):
                    status = int(next(iter(item.values()))["status"])
                    self.statuses[status] = self.statuses.get(status, 0) + 1
            return response

        transport.perform_request = counting  # type: ignore[method-assign]


async def _write_rejections(client: AsyncElasticsearch) -> int:
    stats = await client.nodes.stats(metric="thread_pool")
    return sum(n["thread_pool"]["write"]["rejected"] for n in stats["nodes"].values())


async def test_a_full_write_queue_is_retried_until_every_document_is_indexed_once(
    small_node: str, tmp_path: Path
) -> None:
    client = make_async_client(Settings(es_url=small_node, state_dir=tmp_path))
    counter = StatusCounter(client)
    index, writers, per_writer = "flood", 6, 150
    # Several shards: each bulk request becomes one write task per shard, so a few
    # concurrent requests are more than one thread and one queue slot can take.
    await client.indices.create(
        index=index, settings={"number_of_shards": 3, "number_of_replicas": 0}
    )
    policy = RetryPolicy(helper_retries=3, initial_backoff=0.05, max_backoff=0.5, chunk_size=25)

    async def writer(w: int) -> BulkReport:
        items = [BulkItem(index, f"w{w}-{i}", {"writer": w, "n": i}) for i in range(per_writer)]
        return await index_batch(client, items, policy=policy)

    try:
        rejected_before = await _write_rejections(client)
        reports = await asyncio.gather(*(writer(w) for w in range(writers)))
        rejected = await _write_rejections(client) - rejected_before

        expected = {f"w{w}-{i}" for w in range(writers) for i in range(per_writer)}
        indexed = [item.id for report in reports for item in report.indexed]
        assert [f for r in reports for f in r.failed] == []
        assert sorted(indexed) == sorted(expected)  # each reported indexed once
        # the refusals really happened, seen by the client and counted by the node
        assert counter.statuses.get(429, 0) > 0, counter.statuses
        assert rejected > 0
        assert counter.statuses.get(201, 0) == len(expected)  # created once, never twice
        versions = await _ids_and_versions(client, index)
        assert versions == dict.fromkeys(expected, 1)
        assert await _index_operations(client, index) == len(expected)
    finally:
        await client.close()
