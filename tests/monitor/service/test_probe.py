"""The reachability checks against servers that are not there (a closed port on
loopback: a real client, a real refusal), and what /health makes of them."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from agents.web import health_report
from monitor.service.metrics import Metrics
from monitor.service.probe import KafkaProbe, check_elasticsearch
from monitor.settings import Settings


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_broker_and_node_give_a_reason(settings: Settings) -> None:
    from monitor.es.client import make_async_client

    port = _closed_port()
    here = settings.model_copy(
        update={
            "kafka_bootstrap_servers": f"127.0.0.1:{port}",
            "es_url": f"http://127.0.0.1:{port}",
        }
    )

    async def both() -> tuple[str | None, str | None]:
        probe = KafkaProbe(here, timeout=1.0)
        client = make_async_client(here)
        try:
            return await check_elasticsearch(client, 1.0), await probe.check()
        finally:
            await probe.close()
            await client.close()

    es_reason, kafka_reason = asyncio.run(both())
    assert es_reason and "Connection" in es_reason
    assert kafka_reason


class _Rt:
    def __init__(self) -> None:
        self.metrics = Metrics()
        self.es_ready = True
        self.state_dirty = False


def test_health_is_degraded_with_the_reason_lag_and_dead_letters() -> None:
    rt: Any = _Rt()
    rt.metrics.dead_letter("parse", "too_deep")
    status, body = health_report(rt, 1, rt.metrics.snapshot())
    assert status == 200 and body["status"] == "ok" and body["dead_letters"] == 1
    rt.metrics.unreachable["kafka"] = "KafkaConnectionError: refused"
    status, body = health_report(rt, 1, rt.metrics.snapshot())
    assert status == 503 and body["kafka"] == "unreachable"
    assert body["unreachable"] == {"kafka": "KafkaConnectionError: refused"}
    rt.metrics.unreachable.clear()
    rt.metrics.unreachable["elasticsearch"] = "ConnectionTimeout"
    status, body = health_report(rt, 1, rt.metrics.snapshot())
    assert status == 503 and body["elasticsearch"] == "unavailable" and body["kafka"] == "ok"


def test_the_probe_reuses_one_quick_copy_of_the_client() -> None:
    """`options()` copies a client, with cycles only a full collection frees: the
    probe, every 3 s for the worker's life, makes one copy, not one a check."""

    class _Health:
        async def health(self) -> dict[str, str]:
            return {"status": "green"}

    class _Client:
        def __init__(self) -> None:
            self.copies = 0
            self.cluster = _Health()

        def options(self, **_: Any) -> _Client:
            self.copies += 1
            return self

    client = _Client()

    async def checks() -> list[str | None]:
        return [await check_elasticsearch(client) for _ in range(5)]

    assert asyncio.run(checks()) == [None] * 5
    assert client.copies == 1
