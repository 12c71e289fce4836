"""Bulk indexing: 429 and unavailable nodes are retried, refusals come back as failures."""

from __future__ import annotations

from typing import Any

from monitor.service.indexing import BulkItem, RetryPolicy, index_batch
from tests.monitor.service.fakes import FakeBulkClient

POLICY = RetryPolicy(helper_retries=2, initial_backoff=0.0, max_backoff=0.0)


def items(n: int) -> list[BulkItem]:
    return [BulkItem("idx", f"d{i}", {"n": i}, context=i) for i in range(n)]


async def no_sleep(_: float) -> None:
    return None


async def test_all_indexed_in_one_round() -> None:
    client = FakeBulkClient()
    report = await index_batch(client, items(5), policy=POLICY, sleep=no_sleep)  # type: ignore[arg-type]
    assert [i.id for i in report.indexed] == [f"d{i}" for i in range(5)]
    assert report.failed == [] and report.rounds == 1


async def test_429_is_retried_by_the_helper() -> None:
    def script(call: int, meta: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
        if call == 1 and meta["_id"] == "d1":
            return 429, {"type": "es_rejected_execution_exception", "reason": "busy"}
        return 201, None

    client = FakeBulkClient(script)
    report = await index_batch(client, items(3), policy=POLICY, sleep=no_sleep)  # type: ignore[arg-type]
    assert sorted(i.id for i in report.indexed) == ["d0", "d1", "d2"]
    assert client.calls == 2


async def test_connection_errors_are_retried_until_the_node_answers() -> None:
    slept: list[float] = []

    async def sleep(s: float) -> None:
        slept.append(s)

    client = FakeBulkClient(down_calls=4)
    policy = RetryPolicy(helper_retries=0, initial_backoff=1.0, max_backoff=4.0)
    reasons: list[str] = []
    report = await index_batch(
        client,  # type: ignore[arg-type]
        items(3),
        policy=policy,
        sleep=sleep,
        on_retry=reasons.append,
    )
    assert len(report.indexed) == 3 and report.failed == []
    assert len(reasons) == 4 and reasons[0].startswith("ConnectionError")
    assert slept == [1.0, 2.0, 4.0, 4.0]  # growing backoff, capped
    assert report.rounds == 5


async def test_503_for_a_document_is_retried_not_failed() -> None:
    def script(call: int, meta: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
        if call < 3 and meta["_id"] == "d0":
            return 503, {"type": "unavailable_shards_exception", "reason": "primary not active"}
        return 201, None

    client = FakeBulkClient(script)
    report = await index_batch(client, items(2), policy=POLICY, sleep=no_sleep)  # type: ignore[arg-type]
    assert sorted(i.id for i in report.indexed) == ["d0", "d1"]


async def test_a_refused_document_fails_with_its_reason() -> None:
    def script(_call: int, meta: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
        if meta["_id"] == "d2":
            return 400, {
                "type": "document_parsing_exception",
                "reason": "failed to parse field [count]",
                "caused_by": {"reason": "not a number"},
            }
        return 201, None

    report = await index_batch(
        FakeBulkClient(script),
        items(4),
        policy=POLICY,
        sleep=no_sleep,  # type: ignore[arg-type]
    )
    assert sorted(i.id for i in report.indexed) == ["d0", "d1", "d3"]
    [failure] = report.failed
    assert failure.item.context == 2 and failure.status == 400
    assert failure.error_type == "document_parsing_exception"
    assert "not a number" in failure.error


async def test_max_rounds_gives_up_as_unavailable() -> None:
    client = FakeBulkClient(down_calls=100)
    report = await index_batch(
        client,
        items(2),
        policy=POLICY,
        sleep=no_sleep,
        max_rounds=3,  # type: ignore[arg-type]
    )
    assert report.indexed == [] and len(report.failed) == 2
    assert {f.error_type for f in report.failed} == {"unavailable"}


async def test_same_id_twice_in_a_batch_is_one_document() -> None:
    batch = [BulkItem("idx", "same", {"v": 1}), BulkItem("idx", "same", {"v": 2})]
    client = FakeBulkClient()
    report = await index_batch(client, batch, policy=POLICY, sleep=no_sleep)  # type: ignore[arg-type]
    assert len(report.indexed) == 1 and client.indexed[("idx", "same")] == {"v": 2}


def test_backoff_of_a_long_outage_does_not_overflow() -> None:
    from monitor.service.indexing import RetryPolicy

    # a thousand rounds at the maximum backoff is under three hours of outage
    assert RetryPolicy(max_backoff=10.0).delay(5000) == 10.0


async def test_one_copy_of_the_client_serves_every_bulk_request() -> None:
    """`async_streaming_bulk` copies its client (`options()`) to tag its requests;
    a copy a request is cyclic garbage that a frozen heap keeps (agents/collector.py)."""

    class CountingClient(FakeBulkClient):
        copies = 0

        def options(self, **kwargs: Any) -> FakeBulkClient:
            CountingClient.copies += 1
            return super().options(**kwargs)

    client = CountingClient()
    for _ in range(4):
        report = await index_batch(client, items(3), policy=POLICY, sleep=no_sleep)  # type: ignore[arg-type]
        assert len(report.indexed) == 3
    assert CountingClient.copies == 1
