"""Test doubles kept in the repo: an Elasticsearch client whose bulk answers are scripted."""

from __future__ import annotations

import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch.serializer import JSONSerializer

#: Given (call number, action header) -> (status, error or None) for that document.
Script = Callable[[int, dict[str, Any]], tuple[int, dict[str, Any] | None]]


def always_ok(_call: int, _action: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    return 201, None


class FakeBulkClient:
    """Enough of AsyncElasticsearch for `async_streaming_bulk`.

    `down_calls` first calls raise a connection error (the node is away);
    after that `script` decides each document's status.
    """

    def __init__(self, script: Script = always_ok, down_calls: int = 0) -> None:
        self.script = script
        self.down_calls = down_calls
        self.calls = 0
        self.indexed: dict[tuple[str, str], dict[str, Any]] = {}
        self.transport = SimpleNamespace(
            serializers=SimpleNamespace(get_serializer=lambda _mt: JSONSerializer())
        )

    def options(self, **_: Any) -> FakeBulkClient:
        return self

    async def bulk(self, *, operations: list[bytes | str], **_: Any) -> Any:
        self.calls += 1
        if self.calls <= self.down_calls:
            raise TransportConnectionError("connection refused")
        lines = [json.loads(op) for op in operations]
        items = []
        for header, doc in zip(lines[0::2], lines[1::2], strict=True):
            op, meta = next(iter(header.items()))
            status, error = self.script(self.calls, meta)
            result: dict[str, Any] = {
                "_index": meta["_index"],
                "_id": meta["_id"],
                "status": status,
            }
            if error is not None:
                result["error"] = error
            else:
                self.indexed[(meta["_index"], meta["_id"])] = doc
            items.append({op: result})
        errors = any("error" in next(iter(i.values())) for i in items)
        return SimpleNamespace(body={"took": 1, "errors": errors, "items": items})
