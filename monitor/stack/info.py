"""What `up` and `status` report about each node."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class NodeInfo:
    name: str  # "kafka" or "elasticsearch"
    address: str  # bootstrap servers or URL; the recorded one even when stopped
    running: bool  # a process of ours is alive
    healthy: bool  # it answers: Kafka metadata, Elasticsearch health yellow/green
    pid: int | None
    version: str
    log_file: Path | None
    detail: str = ""  # e.g. "cluster green", or why it is unhealthy
    started: bool = False  # started by this call (False: found running)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["log_file"] = str(self.log_file) if self.log_file else None
        return data


@dataclass(frozen=True)
class StackInfo:
    kafka: NodeInfo
    elasticsearch: NodeInfo
    record_file: Path

    @property
    def kafka_bootstrap_servers(self) -> str:
        return self.kafka.address

    @property
    def es_url(self) -> str:
        return self.elasticsearch.address

    @property
    def healthy(self) -> bool:
        return self.kafka.healthy and self.elasticsearch.healthy

    @property
    def nodes(self) -> tuple[NodeInfo, NodeInfo]:
        return (self.kafka, self.elasticsearch)

    def as_dict(self) -> dict[str, Any]:
        return {
            "healthy": self.healthy,
            "record_file": str(self.record_file),
            "kafka": self.kafka.as_dict(),
            "elasticsearch": self.elasticsearch.as_dict(),
        }
