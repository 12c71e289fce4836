"""Active reachability checks of Elasticsearch and the broker, for `/health`.

The index agent only learns that Elasticsearch is gone when a bulk request
fails, and a frozen node (SIGSTOP, a long GC pause) fails nothing: requests
just wait. Likewise the consumer keeps quiet while the broker is away. So the
worker asks both, every few seconds, with a short timeout of its own.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

from monitor.service.kafka import client_kwargs
from monitor.settings import Settings

#: Seconds a check may take before its server counts as unreachable.
PROBE_TIMEOUT = 2.0


def _reason(exc: BaseException) -> str:
    return (f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)[:300]


#: client -> (timeout, its quick copy). `options()` makes a new client each call,
#: with reference cycles among its namespace clients: one every 3 s was garbage
#: that only a full collection frees (agents/collector.py), so the copy is kept.
_QUICK: weakref.WeakKeyDictionary[Any, tuple[float, Any]] = weakref.WeakKeyDictionary()


def _quick(client: Any, timeout: float) -> Any:
    held = _QUICK.get(client)
    if held is None or held[0] != timeout:
        held = (timeout, client.options(request_timeout=timeout, max_retries=0))
        _QUICK[client] = held
    return held[1]


async def check_elasticsearch(client: Any, timeout: float = PROBE_TIMEOUT) -> str | None:
    """None when the node answers a cluster health request in time, else why not."""
    try:
        quick = _quick(client, timeout)
        await asyncio.wait_for(quick.cluster.health(), timeout + 0.5)
    except Exception as exc:  # noqa: BLE001 - any failure means "unreachable", with its reason
        return _reason(exc)
    return None


class KafkaProbe:
    """Asks a bootstrap broker for cluster metadata on a connection of its own."""

    def __init__(self, settings: Settings, timeout: float = PROBE_TIMEOUT) -> None:
        self.settings = settings
        self.timeout = timeout
        self._client: Any = None

    async def check(self) -> str | None:
        """None when a broker answers in time, else why not."""
        from aiokafka.client import AIOKafkaClient

        try:
            if self._client is None:
                self._client = AIOKafkaClient(
                    **client_kwargs(self.settings),
                    request_timeout_ms=int(self.timeout * 1000),
                )
                await asyncio.wait_for(self._client.bootstrap(), self.timeout)
            metadata = await asyncio.wait_for(self._client.fetch_all_metadata(), self.timeout)
            if not metadata.brokers():
                return "the cluster metadata lists no broker"
        except Exception as exc:  # noqa: BLE001 - any failure means "unreachable"
            await self.close()
            return _reason(exc)
        return None

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                await client.close()
            except Exception:  # noqa: BLE001 - closing a broken connection may fail too
                pass
