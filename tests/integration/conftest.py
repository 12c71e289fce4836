"""Integration fixtures: the real Kafka broker and Elasticsearch node of the local
stack (started through `monitor.stack.up`, readiness checked there: Kafka metadata
answered, Elasticsearch health yellow or green), a unique topic and index prefix per
test, workers run as `monitor run` child processes, and cleanup afterwards."""

from __future__ import annotations

import asyncio
import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from monitor.service.worker import WorkerProcess, worker_env
from monitor.settings import Settings


@pytest.fixture(scope="session")
def stack_settings(local_stack: Settings) -> Settings:
    """Settings that point at the running stack (brought up if it is not)."""
    return local_stack


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def service(stack_settings: Settings, tmp_path: Path) -> Iterator[Settings]:
    """Settings with a unique topic prefix, index prefix and web port; cleaned up after."""
    tag = uuid.uuid4().hex[:8]
    settings = stack_settings.model_copy(
        update={
            "topic_prefix": f"it-{tag}.",
            "es_index_prefix": f"it-{tag}",
            "web_port": _free_port(),
            "state_dir": tmp_path / "state",
            "topic_partitions": 3,
        }
    )
    try:
        yield settings
    finally:
        asyncio.run(_delete_topics(settings))
        _delete_indices(settings)


def env_for(settings: Settings) -> dict[str, str]:
    return worker_env(
        {
            "MONITOR_TOPIC_PREFIX": settings.topic_prefix,
            "MONITOR_ES_INDEX_PREFIX": settings.es_index_prefix,
            "MONITOR_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
            "MONITOR_ES_URL": settings.es_url,
            "MONITOR_WEB_PORT": str(settings.web_port),
            "MONITOR_STATE_DIR": str(settings.state_dir),
            "MONITOR_TOPIC_PARTITIONS": str(settings.topic_partitions),
            "MONITOR_LOG_LEVEL": "INFO",
        }
    )


@pytest.fixture
def workers(service: Settings, tmp_path: Path) -> Iterator[Callable[[], WorkerProcess]]:
    """Start `monitor run` children (each waits until healthy); all stopped after."""
    started: list[WorkerProcess] = []

    def start(wait: bool = True) -> WorkerProcess:
        n = len(started) + 1
        w = WorkerProcess(
            env_for(service), tmp_path / f"worker-{n}.log", service.web_host, service.web_port
        )
        w.start()
        started.append(w)
        if wait:
            w.wait_ready(timeout=120)
        return w

    yield start
    for w in started:
        w.stop(timeout=30)


async def _delete_topics(settings: Settings) -> None:
    from monitor.service.kafka import delete_prefixed_topics

    await delete_prefixed_topics(settings)


def _delete_indices(settings: Settings) -> None:
    from monitor.es.client import delete_prefixed_indices

    delete_prefixed_indices(settings)
