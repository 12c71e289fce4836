"""`stack.json`, the record of what `monitor stack up` started, and the address
resolution every other command uses.

Resolution order: the explicit setting (MONITOR_KAFKA_BOOTSTRAP_SERVERS,
MONITOR_ES_URL), else the local stack's recorded address, else the default
loopback address. The record keeps a node's address after it stops, so a client
resolved during a restart reconnects to the same place.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from monitor.settings import Settings
from monitor.stack import versions
from monitor.stack.layout import StackPaths

RECORD_FORMAT = 1


class KafkaRecord(BaseModel):
    bootstrap_servers: str
    port: int
    controller_port: int
    pid: int | None = None
    version: str = versions.KAFKA_VERSION
    log_file: str = ""
    data_dir: str = ""


class EsRecord(BaseModel):
    url: str
    port: int
    pid: int | None = None
    version: str = versions.ES_VERSION
    log_file: str = ""
    home: str = ""
    data_dir: str = ""
    user: str | None = None  # the system user it runs as, when started by root


class StackRecord(BaseModel):
    format: int = RECORD_FORMAT
    state_dir: str = ""
    updated_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    kafka: KafkaRecord | None = None
    elasticsearch: EsRecord | None = None


def load_record(paths: StackPaths) -> StackRecord:
    """The record, or an empty one if missing or unreadable (a damaged record
    must not stop `up` from starting fresh nodes)."""
    try:
        return StackRecord.model_validate_json(paths.record.read_bytes())
    except (OSError, ValidationError, ValueError):
        return StackRecord(state_dir=str(paths.state_dir))


def save_record(paths: StackPaths, record: StackRecord) -> None:
    """Write atomically: readers in other processes never see half a file."""
    record.updated_at = datetime.now(UTC)
    record.state_dir = str(paths.state_dir)
    paths.state_dir.mkdir(parents=True, exist_ok=True)
    tmp = paths.record.with_suffix(f".json.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(record.model_dump(mode="json"), indent=2) + "\n")
    os.replace(tmp, paths.record)


def read_record(settings: Settings) -> StackRecord:
    """What the last `up` recorded (empty if nothing was)."""
    return load_record(StackPaths.from_settings(settings))


def record_file(settings: Settings) -> Path:
    return StackPaths.from_settings(settings).record


def resolve_kafka(settings: Settings) -> str:
    """Kafka bootstrap servers ("host:port[,host:port]") for clients."""
    if settings.kafka_bootstrap_servers.strip():
        return settings.kafka_bootstrap_servers.strip()
    record = load_record(StackPaths.from_settings(settings))
    if record.kafka is not None:
        return record.kafka.bootstrap_servers
    return versions.DEFAULT_KAFKA_BOOTSTRAP


def resolve_es_url(settings: Settings) -> str:
    """Elasticsearch base URL (no trailing slash) for clients."""
    if settings.es_url.strip():
        return settings.es_url.strip().rstrip("/")
    record = load_record(StackPaths.from_settings(settings))
    if record.elasticsearch is not None:
        return record.elasticsearch.url
    return versions.DEFAULT_ES_URL
