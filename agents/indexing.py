"""news.enriched -> Elasticsearch, in bulk batches, acknowledged only when done.

faust's `stream.take()` acknowledges its buffer in a `finally`, also when the
agent is cancelled mid-batch (SIGTERM during an Elasticsearch outage), and the
consumer commits on stop: that would lose the batch. So this agent batches
itself on a no-ack stream and acks each event only after its document is
indexed or dead-lettered. Batches flush when full or
`MONITOR_INDEX_FLUSH_SECONDS` old (a timer); while a flush waits for an
unavailable node, the stream stops at two batches' worth (back-pressure)
instead of buffering without bound.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

import faust

from agents.context import Runtime
from monitor.service.deadletter import Origin, dead_letter
from monitor.service.indexing import BulkItem, BulkReport, Failure, RetryPolicy, index_batch
from schemas.analysis import Analysis

log = logging.getLogger("agents.indexing")

BATCH_SIZE = 500


@dataclass
class _Pending:
    event: Any
    origin: Origin


class Indexer:
    """The index agent's buffer; flushed by the agent (when full) and a timer."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.buffer: list[_Pending] = []
        self.stream: Any = None
        self.lock = asyncio.Lock()
        self.oldest = 0.0
        self.client: Any = None
        self.articles_index = ""
        self.alerts_index = ""
        # Backoff capped at 10 s: a node that comes back is used again within 10 s.
        self.policy = RetryPolicy(chunk_size=BATCH_SIZE, max_backoff=10.0)

    async def start(self) -> None:
        from monitor.es.client import make_async_client
        from monitor.es.names import alerts_index, articles_alias

        self.client = make_async_client(self.rt.settings)
        self.articles_index = articles_alias(self.rt.settings)
        self.alerts_index = alerts_index(self.rt.settings)
        delay = 1.0
        while True:
            try:
                from monitor.es.setup import ensure_setup_async

                await ensure_setup_async(self.client, self.rt.settings)
                self.rt.es_ready = True
                log.info("elasticsearch ready", extra={"kv": {"alias": self.articles_index}})
                return
            except ImportError:
                log.warning("monitor.es.setup missing: index templates not installed")
                self.rt.es_ready = True
                return
            except Exception as exc:  # noqa: BLE001 - the node may still be starting
                self.rt.metrics.es_available = False
                log.warning(
                    "elasticsearch setup failed, retrying",
                    extra={
                        "kv": {"error": f"{type(exc).__name__}: {exc}"[:300], "retry_in": delay}
                    },
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def stop(self) -> None:
        if self.client is not None:
            await self.client.close()

    async def add(self, event: Any) -> None:
        msg = event.message
        if not self.buffer:
            self.oldest = time.monotonic()
        self.buffer.append(_Pending(event, Origin(msg.topic, msg.partition, msg.offset, msg.key)))
        if len(self.buffer) >= BATCH_SIZE:
            await self.flush()

    async def flush_if_stale(self) -> None:
        if self.buffer and not self.lock.locked():
            if time.monotonic() - self.oldest >= self.rt.settings.index_flush_seconds:
                await self.flush()

    async def flush(self) -> None:
        async with self.lock:
            batch, self.buffer = self.buffer, []
            if batch:
                await self._index(batch)

    def _unavailable(self, reason: str) -> None:
        self.rt.metrics.es_available = False
        self.rt.metrics.last_error = f"elasticsearch: {reason}"[:500]

    async def _index(self, batch: list[_Pending]) -> None:
        from monitor.es.documents import alert_document, article_document, article_version

        items: list[BulkItem] = []
        for pending in batch:
            value = pending.event.value
            try:
                analysis = Analysis.model_validate_json(value)
                items.append(
                    BulkItem(
                        self.articles_index,
                        analysis.id,
                        article_document(analysis),
                        pending,
                        version=article_version(analysis),
                    )
                )
                items.extend(
                    BulkItem(self.alerts_index, a.alert_id, alert_document(a), None)
                    for a in analysis.alerts
                )
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the stream
                await self.rt.deadletters.send(
                    dead_letter(
                        stage="index",
                        error_class=type(exc).__name__,
                        error=str(exc)[:2000],
                        code="invalid_analysis",
                        payload=value,
                        origin=pending.origin,
                    )
                )
        started = time.monotonic()
        try:
            report = await index_batch(
                self.client, items, policy=self.policy, on_retry=self._unavailable
            )
        except Exception as exc:  # noqa: BLE001 - index_batch retries outages itself
            # What escapes it is a document the client cannot even send (its
            # serializer refuses a value): find which, one by one, so that it is
            # dead-lettered and the batch is not redone, and refused, for ever.
            log.warning("bulk failed, indexing one by one", extra={"kv": {"error": repr(exc)}})
            report = await self._one_by_one(items)
        self.rt.metrics.es_available = True
        for failure in report.failed:
            pending = failure.item.context
            if pending is None:  # an alert document: the alert itself is on its topic
                log.warning(
                    "alert document refused",
                    extra={"kv": {"alert": failure.item.id, "error": failure.error[:300]}},
                )
                continue
            await self.rt.deadletters.send(
                dead_letter(
                    stage="index",
                    error_class=failure.error_type,
                    error=failure.error,
                    code=f"es_{failure.status}" if failure.status else "es_error",
                    payload=pending.event.value,
                    origin=pending.origin,
                    item_id=failure.item.id,
                )
            )
        indexed = sum(1 for it in report.indexed if it.context is not None)
        self.rt.metrics.count("indexed", indexed)
        superseded = sum(1 for it in report.superseded if it.context is not None)
        if superseded:
            # A redelivery older than the document in the index: the newer one stands.
            self.rt.metrics.count("superseded", superseded)
        for pending in batch:
            await self.stream.ack(pending.event)
            self.rt.metrics.position(
                pending.origin.topic or "",
                pending.origin.partition or 0,
                pending.origin.offset or 0,
            )
        log.debug(
            "batch indexed",
            extra={
                "kv": {
                    "documents": len(items),
                    "articles": indexed,
                    "failed": len(report.failed),
                    "rounds": report.rounds,
                    "ms": round((time.monotonic() - started) * 1000),
                }
            },
        )

    async def _one_by_one(self, items: list[BulkItem]) -> BulkReport:
        report = BulkReport()
        for item in items:
            try:
                single = await index_batch(
                    self.client, [item], policy=self.policy, on_retry=self._unavailable
                )
            except Exception as exc:  # noqa: BLE001 - this document is the one
                report.failed.append(Failure(item, None, str(exc)[:2000], type(exc).__name__))
                continue
            report.indexed.extend(single.indexed)
            report.superseded.extend(single.superseded)
            report.failed.extend(single.failed)
            report.rounds = max(report.rounds, single.rounds)
        return report


def register(app: faust.App, rt: Runtime) -> Indexer:
    indexer = Indexer(rt)

    @app.agent(rt.topics.enriched, name="index")
    async def index(stream: faust.StreamT[Any]) -> None:
        manual = stream.noack()  # type: ignore[attr-defined]  # on Stream, not in StreamT
        indexer.stream = manual
        await indexer.start()
        try:
            async for event in manual.events():
                await indexer.add(event)
        finally:
            await indexer.stop()

    @app.timer(rt.settings.index_flush_seconds / 2)
    async def flush_stale() -> None:
        if indexer.stream is not None and indexer.client is not None:
            await indexer.flush_if_stale()

    return indexer
