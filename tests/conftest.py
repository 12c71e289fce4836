"""Shared test helpers: paths to the repository's seeds and to ../shared/data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def local_stack() -> Iterator[Settings]:
    """Settings that point at the local stack (Kafka + Elasticsearch), brought up
    when it is not running. A node this session started is stopped at its end; a
    node that was already running is left as it was (other people's tests or a
    `monitor stack up` of your own may use it)."""
    from monitor import stack

    base = Settings()
    info = stack.up(base)
    try:
        yield base.model_copy(
            update={
                "kafka_bootstrap_servers": stack.resolve_kafka(base),
                "es_url": stack.resolve_es_url(base),
            }
        )
    finally:
        if info.elasticsearch.started:
            stack.stop_elasticsearch(base)
        if info.kafka.started:
            stack.stop_kafka(base)
