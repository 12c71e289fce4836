"""The setup plan driven by an in-memory fake cluster (offline)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError, NotFoundError

from monitor.es import names
from monitor.es.mappings import MAPPING_VERSION
from monitor.es.setup import SetupError, SetupReport, _drive_sync, _plan
from monitor.settings import Settings

SETTINGS = Settings(es_index_prefix="news")


def _meta(status: int) -> ApiResponseMeta:
    return ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders(),
        duration=0.0,
        node=NodeConfig("http", "localhost", 9200),
    )


class FakeCluster:
    """Just enough of Elasticsearch for the plan: modules, templates, indices, aliases."""

    def __init__(self, modules: set[str]) -> None:
        self.modules = set(modules)  # its own: a test may add a module later
        self.calls: list[str] = []
        self.component_templates: dict[str, Any] = {}
        self.index_templates: dict[str, Any] = {}
        self.idx: dict[str, dict[str, Any]] = {}  # name -> {"aliases": {}, "meta": {}}
        self.policies: dict[str, Any] = {}

    # --- plumbing: `client.indices.create(...)` -> self.indices_create(...)
    def __getattr__(self, namespace: str) -> Any:
        cluster = self

        class Namespace:
            def __getattr__(self, method: str) -> Any:
                def call(**kwargs: Any) -> Any:
                    cluster.calls.append(f"{namespace}.{method}")
                    return getattr(cluster, f"{namespace}_{method}")(**kwargs)

                return call

        return Namespace()

    def _error(self, status: int, reason: str) -> ApiError:
        cls = NotFoundError if status == 404 else ApiError
        return cls(reason, _meta(status), {"error": {"type": "x", "reason": reason}})

    # --- the API surface the plan uses
    def nodes_info(self, **_: Any) -> dict[str, Any]:
        return {"nodes": {"n1": {"modules": [{"name": m} for m in sorted(self.modules)]}}}

    def indices_analyze(self, analyzer: str, text: str) -> dict[str, Any]:
        if analyzer == "arabic" and "analysis-common" not in self.modules:
            raise self._error(400, "failed to find global analyzer [arabic]")
        return {"tokens": []}

    def ilm_get_status(self) -> dict[str, Any]:
        return {"operation_mode": "RUNNING"}

    def ilm_put_lifecycle(self, name: str, policy: dict[str, Any]) -> dict[str, Any]:
        self.policies[name] = policy
        return {"acknowledged": True}

    def cluster_put_component_template(self, name: str, **body: Any) -> dict[str, Any]:
        self.component_templates[name] = body
        return {"acknowledged": True}

    def indices_put_index_template(self, name: str, **body: Any) -> dict[str, Any]:
        self.index_templates[name] = body
        return {"acknowledged": True}

    def _aliases(self, alias: str) -> dict[str, Any]:
        return {i: d for i, d in self.idx.items() if alias in d["aliases"]}

    def indices_exists_alias(self, name: str) -> bool:
        return bool(self._aliases(name))

    def indices_exists(self, index: str) -> bool:
        return index in self.idx

    def _current_meta(self) -> dict[str, Any]:
        mappings = self.component_templates[names.component_template(SETTINGS, "articles-mappings")]
        return mappings["template"]["mappings"]["_meta"]

    def indices_create(self, index: str, aliases: dict[str, Any] | None = None) -> dict[str, Any]:
        if index in self.idx:
            raise self._error(400, "resource_already_exists_exception")
        meta = self._current_meta() if index.startswith("news-articles-") else {}
        created = int(time.time() * 1000)
        self.idx[index] = {"aliases": dict(aliases or {}), "meta": dict(meta), "created": created}
        return {"acknowledged": True}

    def indices_get_alias(self, name: str) -> dict[str, Any]:
        return {i: {"aliases": {name: d["aliases"][name]}} for i, d in self._aliases(name).items()}

    def indices_get_mapping(self, index: str) -> dict[str, Any]:
        return {index: {"mappings": {"_meta": self.idx[index]["meta"]}}}

    def indices_rollover(
        self, alias: str, conditions: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        if conditions is not None:
            return {"rolled_over": False}
        old = next(
            i for i, d in self._aliases(alias).items() if d["aliases"][alias].get("is_write_index")
        )
        number = int(old.rsplit("-", 1)[1]) + 1
        new = f"{alias}-{number:06d}"
        self.idx[old]["aliases"][alias] = {"is_write_index": False}
        self.indices_create(new, {alias: {"is_write_index": True}})
        return {"rolled_over": True, "old_index": old, "new_index": new}

    def indices_get_settings(self, index: str, name: str) -> dict[str, Any]:
        return {
            i: {"settings": {"index": {"creation_date": str(d["created"])}}}
            for i, d in self.idx.items()
            if i.startswith("news-articles-")
        }

    def indices_delete(self, index: str) -> dict[str, Any]:
        del self.idx[index]
        return {"acknowledged": True}

    def cluster_health(self, **_: Any) -> dict[str, Any]:
        return {"status": "green"}


def run(cluster: FakeCluster) -> SetupReport:
    report = SetupReport()
    _drive_sync(cluster, _plan(SETTINGS, report))  # type: ignore[arg-type]
    return report


MINIMAL = {"x-pack-core", "transport-netty4"}
FULL = MINIMAL | {"analysis-common", "x-pack-ilm"}


def test_minimal_cluster_gets_standard_analyzer_and_no_ilm() -> None:
    cluster = FakeCluster(MINIMAL)
    report = run(cluster)
    assert report.text_analyzer == "standard" and not report.ilm
    assert "analysis-common missing" in report.analyzer_reason
    assert "x-pack-ilm missing" in report.ilm_reason
    settings_tpl = cluster.component_templates["news-articles-settings"]["template"]["settings"]
    assert (
        "lifecycle" not in settings_tpl["index"]
    )  # unknown setting there: index creation would fail
    mapping = cluster.component_templates["news-articles-mappings"]["template"]["mappings"]
    assert mapping["properties"]["body"]["analyzer"] == "standard"
    assert mapping["properties"]["body_normalized"]["analyzer"] == "standard"
    assert cluster.idx["news-articles-000001"]["aliases"] == {
        "news-articles": {"is_write_index": True}
    }
    assert "news-alerts" in cluster.idx
    assert "ilm.get_status" not in cluster.calls and "indices.analyze" not in cluster.calls


def test_full_cluster_gets_arabic_analyzer_and_ilm() -> None:
    cluster = FakeCluster(FULL)
    report = run(cluster)
    assert report.text_analyzer == "arabic" and report.ilm
    assert "news-articles-policy" in cluster.policies
    settings_tpl = cluster.component_templates["news-articles-settings"]["template"]["settings"]
    assert settings_tpl["index"]["lifecycle"] == {
        "name": "news-articles-policy",
        "rollover_alias": "news-articles",
    }
    mapping = cluster.component_templates["news-articles-mappings"]["template"]["mappings"]
    assert mapping["properties"]["body"]["analyzer"] == "arabic"
    assert mapping["properties"]["body_normalized"]["analyzer"] == "standard"
    assert "indices.rollover" not in cluster.calls  # ILM rolls over, not us


def test_running_twice_changes_nothing() -> None:
    cluster = FakeCluster(MINIMAL)
    run(cluster)
    before = {i: dict(d["aliases"]) for i, d in cluster.idx.items()}
    report = run(cluster)
    assert {i: dict(d["aliases"]) for i, d in cluster.idx.items()} == before
    assert any("is current" in a for a in report.actions)


def test_mapping_change_rolls_the_alias_over() -> None:
    cluster = FakeCluster(MINIMAL)
    run(cluster)
    cluster.idx["news-articles-000001"]["meta"]["mapping_version"] = MAPPING_VERSION - 1
    report = run(cluster)
    assert any("rolled news-articles over" in a for a in report.actions)
    aliases = {
        i: d["aliases"]["news-articles"] for i, d in cluster.idx.items() if i != "news-alerts"
    }
    assert aliases == {
        "news-articles-000001": {"is_write_index": False},
        "news-articles-000002": {"is_write_index": True},
    }


def test_analyzer_change_rolls_the_alias_over() -> None:
    cluster = FakeCluster(MINIMAL)
    run(cluster)
    cluster.modules |= {"analysis-common"}  # the plugin was installed later
    report = run(cluster)
    assert report.text_analyzer == "arabic"
    assert "news-articles-000002" in cluster.idx


def test_retention_without_ilm_deletes_old_indices_but_not_the_write_index() -> None:
    cluster = FakeCluster(MINIMAL)
    run(cluster)
    cluster.idx["news-articles-000001"]["meta"]["mapping_version"] = 0
    run(cluster)  # -> 000002 is the write index
    report = run(cluster)
    assert "news-articles-000001" in cluster.idx  # young: kept
    cluster.idx["news-articles-000001"]["created"] = 0  # created in 1970
    cluster.idx["news-articles-000002"]["created"] = 0  # old, but the write index
    report = run(cluster)
    assert "news-articles-000001" not in cluster.idx
    assert "news-articles-000002" in cluster.idx
    assert any("retention exceeded" in a for a in report.actions)


def test_a_concrete_index_in_place_of_the_alias_is_reported() -> None:
    cluster = FakeCluster(MINIMAL)
    cluster.idx["news-articles"] = {"aliases": {}, "meta": {}, "created": 0}
    with pytest.raises(SetupError, match="concrete index"):
        run(cluster)


def test_names_follow_the_prefix() -> None:
    s = Settings(es_index_prefix="Prod")
    assert names.articles_alias(s) == "prod-articles"
    assert names.alerts_index(s) == "prod-alerts"
    assert names.first_articles_index(s) == "prod-articles-000001"
    with pytest.raises(ValueError, match="MONITOR_ES_INDEX_PREFIX"):
        names.articles_alias(Settings(es_index_prefix=" "))
