"""The index agent's batch handling: acks only after indexed or dead-lettered, never
on cancellation (a shutdown during an outage leaves the batch to be redelivered)."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace
from typing import Any

import pytest

from agents.indexing import Indexer
from monitor.service.indexing import RetryPolicy
from monitor.service.metrics import Metrics
from monitor.settings import Settings
from schemas.analysis import Analysis
from tests.agents.recorder import Recorder, analysis_bytes, event
from tests.monitor.service.fakes import FakeBulkClient


def make_indexer(settings: Settings, client: FakeBulkClient) -> tuple[Indexer, Recorder]:
    rec = Recorder()
    rt = SimpleNamespace(settings=settings, metrics=Metrics(), deadletters=rec, es_ready=True)
    indexer = Indexer(rt)  # type: ignore[arg-type]
    indexer.client = client
    indexer.stream = rec
    indexer.articles_index, indexer.alerts_index = "t-articles", "t-alerts"
    indexer.policy = RetryPolicy(initial_backoff=0.0, max_backoff=0.0)
    return indexer, rec


async def test_batch_is_acked_after_indexing_or_dead_lettering(settings: Settings) -> None:
    def script(_call: int, meta: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
        if meta["_id"] == "refused":
            return 400, {"type": "document_parsing_exception", "reason": "bad field"}
        return 201, None

    client = FakeBulkClient(script)
    indexer, rec = make_indexer(settings, client)
    for n, value in enumerate([analysis_bytes("ok"), b"{not json", analysis_bytes("refused")]):
        await indexer.add(event(n, value))
    await indexer.flush()
    assert rec.acked == [0, 1, 2]
    assert sorted(d.code for d in rec.dead) == ["es_400", "invalid_analysis"]
    refused = next(d for d in rec.dead if d.code == "es_400")
    assert refused.item_id == "refused" and refused.offset == 2 and refused.stage == "index"
    assert json.loads(refused.payload)["id"] == "refused"
    assert set(client.indexed) == {("t-articles", "ok")}
    assert indexer.rt.metrics.counts["indexed"] == 1


async def test_outage_holds_the_batch_until_the_node_answers(settings: Settings) -> None:
    client = FakeBulkClient(down_calls=3)
    indexer, rec = make_indexer(settings, client)
    await indexer.add(event(0, analysis_bytes("a")))
    await indexer.flush()
    assert client.calls == 4 and rec.acked == [0] and rec.dead == []
    metrics = indexer.rt.metrics
    assert metrics.last_error.startswith("elasticsearch: ConnectionError")  # seen while retrying
    assert metrics.es_available is True  # and available again once indexed


async def test_cancellation_during_an_outage_acks_nothing(settings: Settings) -> None:
    client = FakeBulkClient(down_calls=10**6)
    indexer, rec = make_indexer(settings, client)
    indexer.policy = RetryPolicy(initial_backoff=0.01, max_backoff=0.01)
    retrying = asyncio.Event()
    mark_unavailable = indexer._unavailable

    def on_retry(reason: str) -> None:  # called before each wait for the node
        mark_unavailable(reason)
        if client.calls >= 3:
            retrying.set()

    indexer._unavailable = on_retry  # type: ignore[method-assign]
    await indexer.add(event(0, analysis_bytes("a")))
    task = asyncio.create_task(indexer.flush())
    await asyncio.wait_for(retrying.wait(), timeout=10)  # a few rounds into the outage
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert rec.acked == [] and rec.dead == []


async def test_a_document_the_client_cannot_serialize_is_dead_lettered_not_retried(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Before, elastic_transport's SerializationError (a TransportError) was taken
    # for an unavailable node: the batch was retried for ever, never acked.
    import monitor.es.documents

    real = monitor.es.documents.article_document

    def document(analysis: Analysis) -> dict[str, Any]:
        doc = real(analysis)
        if analysis.id == "poison":
            doc["unserializable"] = object()
        return doc

    monkeypatch.setattr(monitor.es.documents, "article_document", document)
    client = FakeBulkClient()
    indexer, rec = make_indexer(settings, client)
    for n, article in enumerate(["a", "poison", "b"]):
        await indexer.add(event(n, analysis_bytes(article)))
    await indexer.flush()
    assert rec.acked == [0, 1, 2]
    [dead] = rec.dead
    assert (dead.item_id, dead.stage, dead.offset) == ("poison", "index", 1)
    assert dead.error_class == "SerializationError"
    assert set(client.indexed) == {("t-articles", "a"), ("t-articles", "b")}


async def test_the_timer_flushes_a_batch_once_it_is_index_flush_seconds_old(
    settings: Settings,
) -> None:
    # MONITOR_INDEX_FLUSH_SECONDS is what bounds how long a document waits in a
    # half-full batch under light load (a part of produce -> searchable).
    client = FakeBulkClient()
    indexer, rec = make_indexer(settings.model_copy(update={"index_flush_seconds": 5.0}), client)
    await indexer.add(event(0, analysis_bytes("a")))
    await indexer.flush_if_stale()
    assert rec.acked == [] and client.calls == 0  # younger than 5 s: still waiting
    indexer.oldest -= 5.0  # as if 5 s had passed since the batch's first event
    await indexer.flush_if_stale()
    assert rec.acked == [0] and set(client.indexed) == {("t-articles", "a")}
