"""External versioning on the real node: a stale redelivery of an article never
replaces its newer document, and the same analysis delivered twice is one document."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from elasticsearch import Elasticsearch

from monitor.analyzer import Analyzer
from monitor.es import names, setup
from monitor.es.client import make_async_client
from monitor.es.documents import article_document, article_version
from monitor.service.indexing import BulkItem, index_batch
from monitor.settings import Settings
from schemas.news import NewsItem

pytestmark = pytest.mark.integration

BODY = (
    "قالت وزارة الدفاع الأذربيجانية إن 32 جنديا قتلوا في اشتباكات مع القوات الأرمينية "
    "على خط التماس في قره باغ."
)
UPDATED = BODY.replace("32", "45")
T0 = datetime(2026, 11, 30, 6, tzinfo=UTC)


def _item(es_settings: Settings, body: str, at: datetime) -> BulkItem:
    # A fresh analyzer each time: the redelivery is analysed on its own, as after a replay.
    analysis = Analyzer(es_settings).analyze(
        NewsItem(id="art-1", source="aa_arabic", body=body, published_at=at)
    )
    return BulkItem(
        names.articles_alias(es_settings),
        analysis.id,
        article_document(analysis),
        "ctx",
        version=article_version(analysis),
    )


async def test_a_stale_redelivery_does_not_replace_the_newer_document(
    es: Elasticsearch, es_settings: Settings
) -> None:
    setup.ensure_setup(es, es_settings)
    alias = names.articles_alias(es_settings)
    newer = _item(es_settings, UPDATED, T0 + timedelta(hours=2))
    older = _item(es_settings, BODY, T0)
    client = make_async_client(es_settings)
    try:
        first = await index_batch(client, [newer])
        stale = await index_batch(client, [older])
        again = await index_batch(client, [newer])  # the same message redelivered
    finally:
        await client.close()
    assert [i.id for i in first.indexed] == ["art-1"]
    assert stale.failed == [] and stale.indexed == []
    assert [i.id for i in stale.superseded] == ["art-1"]
    assert [i.id for i in again.indexed] == ["art-1"] and again.failed == []
    es.indices.refresh(index=alias)
    hits = es.search(index=alias, query={"term": {"id": "art-1"}}, version=True)["hits"]
    assert hits["total"]["value"] == 1
    (hit,) = hits["hits"]
    assert "45" in hit["_source"]["body"]
    assert hit["_version"] == newer.version
    assert hit["_source"]["event_time"]["at"].startswith("2026-11-30T08:00")
