"""Fixtures for tests against the real Elasticsearch node (`monitor stack up`).

Every test gets its own index prefix (so its alias, indices and templates are
its own) and everything with that prefix is deleted afterwards.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from monitor.analyzer import Analyzer
from monitor.es import names
from monitor.es.client import make_client
from monitor.settings import Settings
from schemas.analysis import Analysis

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"
SEED_ID = "watanalyoum-2023-09-20-karabakh-ceasefire"
COPY_ID = "republished-copy-of-watanalyoum"


@pytest.fixture(scope="session")
def es_node(request: pytest.FixtureRequest) -> Settings:
    """Settings that reach a healthy node: the local stack, started if needed."""
    settings = Settings()
    if not settings.es_url:
        # started (and stopped) for the session; its settings carry the node's address
        settings = request.getfixturevalue("local_stack")
        from monitor.stack import up

        up(Settings())  # again: another session's test may have stopped the node since
    client = make_client(settings)
    try:
        health = client.cluster.health(wait_for_status="yellow", timeout="60s")
        assert health["status"] in ("yellow", "green"), health
    finally:
        client.close()
    return settings


def _cleanup(client: Elasticsearch, settings: Settings) -> None:
    prefix = settings.es_index_prefix
    client.options(ignore_status=404).indices.delete(
        index=f"{prefix}-*", expand_wildcards="all", allow_no_indices=True
    )
    client.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
    client.options(ignore_status=404).cluster.delete_component_template(name=f"{prefix}-*")


@contextlib.contextmanager
def private_prefix(base: Settings) -> Iterator[Settings]:
    """Settings with a fresh index prefix; everything under it is deleted afterwards."""
    settings = base.model_copy(update={"es_index_prefix": f"test-{uuid.uuid4().hex[:10]}"})
    client = make_client(settings)
    try:
        yield settings
    finally:
        _cleanup(client, settings)
        client.close()


@pytest.fixture
def es_settings(es_node: Settings) -> Iterator[Settings]:
    with private_prefix(es_node) as settings:
        yield settings


@pytest.fixture(scope="module")
def seeded_settings(es_node: Settings) -> Iterator[Settings]:
    """A module's read-only index: set up, with the seed article and its copy indexed."""
    from monitor.es.setup import ensure_setup

    with private_prefix(es_node) as settings:
        client = make_client(settings)
        try:
            ensure_setup(client, settings)
            index_seed(client, settings)
        finally:
            client.close()
        yield settings


@pytest.fixture
def es(es_settings: Settings) -> Iterator[Elasticsearch]:
    client = make_client(es_settings)
    try:
        yield client
    finally:
        client.close()


def seed_analyses() -> tuple[Analysis, Analysis]:
    """The seed article, then a republished copy of it from another outlet."""
    body = SEED.read_text(encoding="utf-8")
    analyzer = Analyzer()
    first = analyzer.analyze_raw(
        json.dumps(
            {
                "id": SEED_ID,
                "source": "وطنا اليوم",
                "url": "https://www.watanalyoum.net/2023/09/20/karabakh-ceasefire",
                "title": "انفصاليو قره باغ يوافقون على وقف إطلاق النار",
                "published_at": "2023-09-20T12:00:00Z",
                "body": body,
            },
            ensure_ascii=False,
        )
    )
    copy = analyzer.analyze_raw(
        json.dumps(
            {
                "id": COPY_ID,
                "source": "copy-outlet",
                "url": "https://copy.example/karabakh",
                "published_at": "2023-09-20T15:00:00Z",
                "body": body,
            },
            ensure_ascii=False,
        )
    )
    assert isinstance(first, Analysis) and isinstance(copy, Analysis)
    return first, copy


def index_seed(client: Elasticsearch, settings: Settings) -> tuple[Analysis, Analysis]:
    from monitor.es.documents import article_document

    first, copy = seed_analyses()
    alias = names.articles_alias(settings)
    for analysis in (first, copy):
        client.index(index=alias, id=analysis.id, document=article_document(analysis))
    client.indices.refresh(index=alias)
    return first, copy
