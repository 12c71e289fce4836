"""Setup on the real node: idempotent, detects what the cluster has, safe mapping changes."""

from __future__ import annotations

import pytest
from elasticsearch import Elasticsearch

from monitor.es import mappings, names, setup
from monitor.es.client import make_async_client
from monitor.es.documents import alert_document, article_document
from monitor.settings import Settings

from .conftest import SEED_ID, seed_analyses

pytestmark = pytest.mark.integration


def _write_index(es: Elasticsearch, alias: str) -> str:
    info = es.indices.get_alias(name=alias)
    return next(i for i, d in info.items() if d["aliases"][alias].get("is_write_index"))


def test_setup_is_idempotent(es: Elasticsearch, es_settings: Settings) -> None:
    first = setup.ensure_setup(es, es_settings)
    second = setup.ensure_setup(es, es_settings)
    alias = names.articles_alias(es_settings)
    assert list(es.indices.get_alias(name=alias)) == [names.first_articles_index(es_settings)]
    assert es.indices.exists(index=names.alerts_index(es_settings))
    assert first.text_analyzer == second.text_analyzer
    assert any("is current" in a for a in second.actions)


def test_the_refresh_interval_setting_reaches_the_articles_index(
    es: Elasticsearch, es_settings: Settings
) -> None:
    settings = es_settings.model_copy(update={"es_refresh_interval": "750ms"})
    setup.ensure_setup(es, settings)
    index = names.first_articles_index(settings)
    got = es.indices.get_settings(index=index, name="index.refresh_interval")
    assert got[index]["settings"]["index"]["refresh_interval"] == "750ms"


def test_detection_matches_the_node(es: Elasticsearch, es_settings: Settings) -> None:
    report = setup.ensure_setup(es, es_settings)
    modules = {
        m["name"]
        for node in es.nodes.info(node_id="_local", metric="plugins")["nodes"].values()
        for m in node["modules"]
    }
    assert report.text_analyzer == ("arabic" if "analysis-common" in modules else "standard")
    assert report.ilm == ("x-pack-ilm" in modules)
    index = names.first_articles_index(es_settings)
    mapping = es.indices.get_mapping(index=index)[index]["mappings"]
    assert mapping["properties"]["body"]["analyzer"] == report.text_analyzer
    assert mapping["properties"]["body_normalized"]["analyzer"] == "standard"
    assert mapping["dynamic"] == "strict"


async def test_async_setup(es: Elasticsearch, es_settings: Settings) -> None:
    client = make_async_client(es_settings)
    try:
        report = await setup.ensure_setup_async(client, es_settings)
        again = await setup.ensure_setup_async(client, es_settings)
    finally:
        await client.close()
    assert report.actions and any("is current" in a for a in again.actions)
    assert es.indices.exists_alias(name=names.articles_alias(es_settings))


def test_mapping_change_reaches_a_new_index_and_the_alias_keeps_the_old(
    es: Elasticsearch, es_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup.ensure_setup(es, es_settings)
    alias = names.articles_alias(es_settings)
    first, copy = seed_analyses()
    es.index(index=alias, id=first.id, document=article_document(first), refresh=True)

    # A new release adds a field: bump the version, extend the mapping.
    original = mappings.articles_mappings

    def extended(analyzer: str) -> dict:
        body = original(analyzer)
        body["properties"]["new_field"] = {"type": "keyword"}
        body["_meta"]["mapping_version"] = mappings.MAPPING_VERSION + 1
        return body

    monkeypatch.setattr(setup, "MAPPING_VERSION", mappings.MAPPING_VERSION + 1)
    monkeypatch.setattr(setup, "articles_mappings", extended)
    report = setup.ensure_setup(es, es_settings)
    assert any("rolled" in a for a in report.actions)

    new_index = _write_index(es, alias)
    assert new_index.endswith("-000002")
    assert (
        "new_field" in es.indices.get_mapping(index=new_index)[new_index]["mappings"]["properties"]
    )
    doc = article_document(copy) | {"new_field": "x"}
    es.index(index=alias, id=copy.id, document=doc, refresh=True)

    hits = es.search(index=alias, query={"match_all": {}})["hits"]["hits"]
    assert {h["_id"] for h in hits} == {first.id, copy.id}
    assert {h["_index"] for h in hits} == {names.first_articles_index(es_settings), new_index}
    # Running the new release's setup again is a no-op.
    assert any("is current" in a for a in setup.ensure_setup(es, es_settings).actions)


def test_strict_mapping_rejects_unknown_fields(es: Elasticsearch, es_settings: Settings) -> None:
    from elasticsearch import BadRequestError

    setup.ensure_setup(es, es_settings)
    with pytest.raises(BadRequestError, match="strict"):
        es.index(index=names.articles_alias(es_settings), id="x", document={"typo_field": 1})


def test_alert_documents_index_and_aggregate(es: Elasticsearch, es_settings: Settings) -> None:
    setup.ensure_setup(es, es_settings)
    first, _ = seed_analyses()
    index = names.alerts_index(es_settings)
    for alert in first.alerts:
        es.index(index=index, id=alert.alert_id, document=alert_document(alert))
    es.indices.refresh(index=index)
    resp = es.search(
        index=index,
        size=0,
        query={"term": {"articles": SEED_ID}},
        aggs={"types": {"terms": {"field": "type"}}},
    )
    assert resp["hits"]["total"]["value"] == len(first.alerts)
    assert {b["key"] for b in resp["aggregations"]["types"]["buckets"]} <= {
        "ceasefire",
        "casualties",
    }


def test_casualty_figures_aggregate_by_kind_and_claimant(
    es: Elasticsearch, es_settings: Settings
) -> None:
    setup.ensure_setup(es, es_settings)
    first, _ = seed_analyses()
    alias = names.articles_alias(es_settings)
    es.index(index=alias, id=first.id, document=article_document(first), refresh=True)
    resp = es.search(
        index=alias,
        size=0,
        aggs={
            "figures": {
                "nested": {"path": "casualties"},
                "aggs": {
                    "kind": {
                        "terms": {"field": "casualties.kind"},
                        "aggs": {
                            "max": {"max": {"field": "casualties.count"}},
                            "by": {"terms": {"field": "casualties.attributed_to"}},
                        },
                    }
                },
            }
        },
    )
    kinds = {b["key"]: b for b in resp["aggregations"]["figures"]["kind"]["buckets"]}
    assert kinds["killed"]["max"]["value"] >= 32
    assert kinds["evacuated"]["max"]["value"] == 2000
    # The nested query finds a figure by kind, count and claimant together.
    nested = es.search(
        index=alias,
        query={
            "nested": {
                "path": "casualties",
                "query": {
                    "bool": {
                        "filter": [
                            {"term": {"casualties.kind": "killed"}},
                            {"range": {"casualties.count": {"gte": 30}}},
                        ]
                    }
                },
            }
        },
    )
    assert nested["hits"]["total"]["value"] == 1
