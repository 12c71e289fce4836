"""The whole stack: `up`, `down`, `status`, as the CLI and the tests use them."""

from __future__ import annotations

from monitor.settings import Settings
from monitor.stack.elasticsearch import (
    elasticsearch_status,
    start_elasticsearch,
    stop_elasticsearch,
)
from monitor.stack.info import StackInfo
from monitor.stack.kafka import kafka_status, start_kafka, stop_kafka
from monitor.stack.layout import StackPaths
from monitor.stack.lock import stack_lock


def up(
    settings: Settings,
    *,
    kafka_port: int | None = None,
    es_port: int | None = None,
    timeout: float = 180.0,
) -> StackInfo:
    """Start whatever of the stack is not running (downloading it the first time)
    and return once both nodes are healthy. Raises StackError otherwise.

    Ports: None means the recorded port, else the default, moving to a free port
    if another program holds it; an explicit port that is taken is an error."""
    paths = StackPaths.from_settings(settings)
    with stack_lock(paths):
        kafka = start_kafka(settings, port=kafka_port, timeout=timeout)
        es = start_elasticsearch(settings, port=es_port, timeout=timeout)
    return StackInfo(kafka=kafka, elasticsearch=es, record_file=paths.record)


def down(settings: Settings, *, timeout: float = 60.0) -> list[str]:
    """Stop the nodes `up` started; returns the names of those that were running.
    Data and downloads stay, so the next `up` is fast and keeps topics and indices."""
    paths = StackPaths.from_settings(settings)
    stopped: list[str] = []
    with stack_lock(paths):
        if stop_elasticsearch(settings, timeout=timeout):
            stopped.append("elasticsearch")
        if stop_kafka(settings, timeout=timeout):
            stopped.append("kafka")
    return stopped


def status(settings: Settings) -> StackInfo:
    """What runs, where, and whether it answers; never raises for a stopped node."""
    paths = StackPaths.from_settings(settings)
    return StackInfo(
        kafka=kafka_status(settings),
        elasticsearch=elasticsearch_status(settings),
        record_file=paths.record,
    )
