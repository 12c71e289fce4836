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
from tests.integration.secured_stack import SecuredStack, start_secured_stack, stop_secured_stack
from tests.integration.small_es import SmallEs


@pytest.fixture(scope="session")
def stack_settings(local_stack: Settings) -> Settings:
    """Settings that point at the running stack (brought up if it is not)."""
    return local_stack


@pytest.fixture(scope="session")
def secured_stack(
    stack_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SecuredStack]:
    """One SASL_SSL broker and one TLS proxy for the whole session (started in a few
    seconds; every secured test reuses them, each in its own namespace)."""
    secured = start_secured_stack(tmp_path_factory.mktemp("secured"), stack_settings)
    try:
        yield secured
    finally:
        stop_secured_stack(secured)


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
            "MONITOR_WORKER_STALL_SECONDS": str(settings.worker_stall_seconds),
            **security_env(settings),
        }
    )


def security_env(settings: Settings) -> dict[str, str]:
    """The connection's security settings as a child's environment: secrets only as
    `*_FILE` paths, so no secret travels in an environment or a command line."""
    env = {"MONITOR_KAFKA_SECURITY_PROTOCOL": settings.kafka_security_protocol}
    plain = {
        "MONITOR_KAFKA_SASL_MECHANISM": settings.kafka_sasl_mechanism,
        "MONITOR_KAFKA_SASL_USERNAME": settings.kafka_sasl_username,
        "MONITOR_KAFKA_SASL_PASSWORD_FILE": settings.kafka_sasl_password_file,
        "MONITOR_KAFKA_SSL_CAFILE": settings.kafka_ssl_cafile,
        "MONITOR_ES_USERNAME": settings.es_username,
        "MONITOR_ES_PASSWORD_FILE": settings.es_password_file,
        "MONITOR_ES_API_KEY_FILE": settings.es_api_key_file,
        "MONITOR_ES_CA_CERTS": settings.es_ca_certs,
    }
    env.update({k: str(v) for k, v in plain.items() if v})
    return env


def start_workers(
    settings: Settings, logs: Path
) -> tuple[Callable[..., WorkerProcess], Callable[[], None]]:
    """(start, stop_all): `monitor run` children for `settings`, each waiting until healthy."""
    started: list[WorkerProcess] = []

    def start(wait: bool = True) -> WorkerProcess:
        n = len(started) + 1
        w = WorkerProcess(
            env_for(settings), logs / f"worker-{n}.log", settings.web_host, settings.web_port
        )
        w.start()
        started.append(w)
        if wait:
            w.wait_ready(timeout=120)
        return w

    def stop_all() -> None:
        for w in started:
            w.stop(timeout=30)

    return start, stop_all


@pytest.fixture
def workers(service: Settings, tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start `monitor run` children (each waits until healthy); all stopped after."""
    start, stop_all = start_workers(service, tmp_path)
    yield start
    stop_all()


@pytest.fixture(scope="session")
def own_es(local_stack: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SmallEs]:
    """An Elasticsearch node of this session's own (256 MB heap, about 20 s to start)
    for the tests that stop or freeze one: the shared node stays up for everyone else."""
    node = SmallEs(tmp_path_factory.mktemp("own-es"), local_stack, {})
    node.start()
    try:
        yield node
    finally:
        node.stop()


@pytest.fixture
def service_on_own_es(service: Settings, own_es: SmallEs) -> Settings:
    """`service`'s namespace with Elasticsearch on the session's own node (and a
    short stall watch: an outage of the node stalls the indexer)."""
    return service.model_copy(update={"es_url": own_es.url, "worker_stall_seconds": 8.0})


@pytest.fixture
def workers_on_own_es(
    service_on_own_es: Settings, tmp_path: Path
) -> Iterator[Callable[..., WorkerProcess]]:
    """Like `workers`, indexing into the session's own node."""
    start, stop_all = start_workers(service_on_own_es, tmp_path)
    yield start
    stop_all()


async def _delete_topics(settings: Settings) -> None:
    from monitor.service.kafka import delete_prefixed_topics

    await delete_prefixed_topics(settings)


def _delete_indices(settings: Settings) -> None:
    from monitor.es.client import delete_prefixed_indices

    delete_prefixed_indices(settings)
