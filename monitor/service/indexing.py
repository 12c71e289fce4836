"""Bulk indexing with retries: nothing is dropped, every document ends indexed or failed.

`index_batch` wraps `elasticsearch.helpers.async_streaming_bulk`
(`raise_on_error=False`, `max_retries` with backoff for 429) and adds what a
stream needs on top of it:

- a node that is down or unreachable (connection errors, 5xx, 429 after the
  helper's own retries) is retried with growing backoff for as long as it
  takes (the agent's back-pressure then holds the stream);
- a document the node refuses for good (a 4xx such as a mapping conflict) is
  returned as failed, with the reason, for the dead-letter topic;
- results carry only `_id`s, so each chunk keeps an `_id` -> item map;
- a document with a `version` is written with external versioning
  (`external_gte`, as the Kafka Connect Elasticsearch sink does): a stale
  redelivery (a lower version) cannot replace a newer document, and the node's
  409 for it is reported as `superseded`, which is success, not a failure.

The caller acknowledges its batch only after this returns.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from elastic_transport import SerializationError, TransportError
from elasticsearch import AsyncElasticsearch
from elasticsearch.helpers import async_streaming_bulk

log = logging.getLogger(__name__)

#: client -> the one copy `async_streaming_bulk` works with (see `_bulk_client`).
_BULK: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def _bulk_client(client: AsyncElasticsearch) -> Any:
    """A copy of `client` whose `options()` (no arguments) returns itself.

    `async_streaming_bulk` starts with `client.options()`, a new client with
    reference cycles among its namespace clients, to tag its requests: one per
    bulk request, garbage that only a full collection frees in a worker whose
    collector freezes its heap (agents/collector.py). One copy, tagged the same
    way every time, serves every call instead."""
    held: Any = _BULK.get(client)
    if held is None:
        held = client.options()
        plain = held.options

        def options(**kwargs: Any) -> Any:
            return held if not kwargs else plain(**kwargs)

        held.options = options
        _BULK[client] = held
    return held


#: Statuses that say "later", not "never".
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(slots=True)
class BulkItem:
    """One document to index; `context` travels back with a failure."""

    index: str
    id: str
    document: dict[str, Any]
    context: Any = None
    version: int | None = None


@dataclass(slots=True)
class Failure:
    item: BulkItem
    status: int | None
    error: str
    error_type: str


@dataclass(slots=True)
class BulkReport:
    indexed: list[BulkItem] = field(default_factory=list)
    #: Not written because the index holds a newer version: nothing is lost.
    superseded: list[BulkItem] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    rounds: int = 0
    unavailable_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Backoff for the helper's 429 retries and for rounds against an unavailable node."""

    helper_retries: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 30.0
    chunk_size: int = 500

    def delay(self, round_no: int) -> float:
        # The exponent is capped: 2 ** 1100 is beyond a float, and an outage of a few
        # hours (a thousand rounds at the maximum backoff) would otherwise end in
        # an OverflowError that stops the index agent.
        return float(
            min(self.max_backoff, self.initial_backoff * 2 ** min(max(0, round_no - 1), 30))
        )


def _describe_error(info: dict[str, Any]) -> tuple[str, str]:
    err = info.get("error")
    if isinstance(err, dict):
        kind = str(err.get("type", "error"))
        reason = str(err.get("reason", ""))
        cause = err.get("caused_by")
        if isinstance(cause, dict) and cause.get("reason"):
            reason = f"{reason}: {cause.get('reason')}"
        return kind, reason
    exc = info.get("exception")
    return (type(exc).__name__ if exc is not None else "error"), str(err)


def _unencodable(client: AsyncElasticsearch, item: BulkItem) -> str | None:
    """Why the client's JSON serializer refuses `item`'s document, or None."""
    serializer = client.transport.serializers.get_serializer("application/json")
    try:
        serializer.dumps(item.document)
    except SerializationError as exc:
        return str(exc)[:2000] or "the document cannot be encoded as JSON"
    return None


def _older(item: BulkItem, than: BulkItem) -> bool:
    return item.version is not None and than.version is not None and item.version < than.version


def _action(item: BulkItem) -> dict[str, Any]:
    action: dict[str, Any] = {
        "_op_type": "index",
        "_index": item.index,
        "_id": item.id,
        "_source": item.document,
    }
    if item.version is not None:
        action["version"] = item.version
        action["version_type"] = "external_gte"
    return action


async def index_batch(
    client: AsyncElasticsearch,
    items: Sequence[BulkItem],
    *,
    policy: RetryPolicy | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    max_rounds: int | None = None,
    on_retry: Callable[[str], None] | None = None,
) -> BulkReport:
    """Index `items`; return when each is indexed or failed for good.

    `max_rounds` bounds the retries against an unavailable node (tests and
    one-shot tools); None means retry until it answers. `on_retry(reason)` is
    called before each wait (the agent marks the node unavailable for /health/).
    """
    policy = policy or RetryPolicy()
    report = BulkReport()
    pending: dict[tuple[str, str], BulkItem] = {}
    for item in items:
        key = (item.index, item.id)
        earlier = pending.get(key)
        if earlier is not None and _older(item, earlier):
            report.superseded.append(item)  # a stale copy behind a newer one in the batch
            continue
        if earlier is not None:
            report.superseded.append(earlier)
        pending[key] = item  # a later copy of an id wins, as in ES, unless it is older
    round_no = 0
    while pending:
        round_no += 1
        report.rounds = round_no
        retry_reason = ""
        by_id = {key[1]: key for key in pending}
        actions = [_action(it) for it in pending.values()]
        try:
            async for ok, info in async_streaming_bulk(
                _bulk_client(client),
                actions,
                chunk_size=policy.chunk_size,
                raise_on_error=False,
                raise_on_exception=False,
                max_retries=policy.helper_retries,
                initial_backoff=policy.initial_backoff,
                max_backoff=policy.max_backoff,
                retry_on_status=(429,),
            ):
                _, result = next(iter(info.items()))
                key = (str(result.get("_index", "")), str(result.get("_id", "")))
                done = pending.get(key) or pending.get(by_id.get(key[1], ("", "")))
                if done is None:
                    continue
                status = result.get("status")
                if ok:
                    report.indexed.append(done)
                    del pending[(done.index, done.id)]
                elif status == 409 and done.version is not None:
                    report.superseded.append(done)
                    del pending[(done.index, done.id)]
                elif isinstance(status, int) and status in RETRY_STATUSES:
                    retry_reason = f"status {status}"
                else:
                    kind, reason = _describe_error(result)
                    report.failed.append(Failure(done, status, reason, kind))
                    del pending[(done.index, done.id)]
        except SerializationError:
            # A document the client cannot encode (elastic_transport counts this as
            # a TransportError, which would be retried for ever): fail the ones that
            # do not encode on their own, and send the rest again at once.
            before = len(pending)
            for key, item in list(pending.items()):
                refusal = _unencodable(client, item)
                if refusal is not None:
                    report.failed.append(Failure(item, None, refusal, "SerializationError"))
                    del pending[key]
            if len(pending) == before:
                raise  # not one document's fault: the caller decides
            continue
        except TransportError as exc:  # connection refused, timeout: the node is away
            retry_reason = f"{type(exc).__name__}: {exc}"
        if not pending:
            break
        if max_rounds is not None and round_no >= max_rounds:
            for item in pending.values():
                report.failed.append(Failure(item, None, retry_reason, "unavailable"))
            break
        delay = policy.delay(round_no)
        log.warning(
            "elasticsearch unavailable, retrying",
            extra={
                "kv": {
                    "pending": len(pending),
                    "round": round_no,
                    "retry_in": round(delay, 1),
                    "reason": retry_reason[:200],
                }
            },
        )
        report.unavailable_seconds += delay
        if on_retry is not None:
            on_retry(retry_reason)
        await sleep(delay)
    return report
