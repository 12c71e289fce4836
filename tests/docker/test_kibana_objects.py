"""The Kibana saved objects in docker/kibana/: valid for Kibana 8.19, fields exist, queries work."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from monitor.cli.kibana import multipart_body, rewrite_index_titles
from monitor.es import names
from monitor.es.client import make_client
from monitor.es.mappings import alerts_mappings, articles_mappings
from monitor.settings import Settings
from tests.monitor.es.conftest import COPY_ID, SEED_ID, es_node, index_seed, private_prefix
from tests.monitor.es.mapping_check import field_type, nested_path

__all__ = ["es_node"]  # the fixture, imported for the integration tests below

REPO = Path(__file__).resolve().parents[2]
KIBANA_DIR = REPO / "docker" / "kibana"
NDJSON = KIBANA_DIR / "karabakh-monitor.ndjson"

TYPES = {"index-pattern", "search", "visualization", "dashboard"}
NUMERIC = {"long", "integer", "short", "byte", "float", "double", "half_float", "scaled_float"}
AGGREGATABLE = NUMERIC | {"keyword", "boolean", "date", "ip"}
METRIC_AGGS = {"max", "min", "avg", "sum", "median", "cardinality"}


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("kibana_generate", KIBANA_DIR / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def _objects() -> list[dict[str, Any]]:
    lines = NDJSON.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


OBJECTS = _objects()
BY_ID = {o["id"]: o for o in OBJECTS}
PROPS = {
    GEN.ARTICLES_VIEW: articles_mappings("standard")["properties"],
    GEN.ALERTS_VIEW: alerts_mappings("standard")["properties"],
}


def _version(v: str) -> tuple[int, ...]:
    return tuple(int(p) for p in v.split("."))


def _search_source(obj: dict[str, Any]) -> dict[str, Any]:
    return json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])


def _view_of(obj: dict[str, Any]) -> str:
    ref = _search_source(obj)["indexRefName"]
    return next(r["id"] for r in obj["references"] if r["name"] == ref)


def _query_fields(query: str) -> list[tuple[str, str]]:
    """(field, value) pairs of a Lucene query (`f:v`, `_exists_:f`)."""
    pairs = []
    for field, value in re.findall(r"([A-Za-z_@][\w.@]*):(\S+)", query):
        if field == "_exists_":
            pairs.append((value, "*"))
        else:
            pairs.append((field, value))
    return pairs


def test_file_is_what_the_generator_writes() -> None:
    assert NDJSON.read_text(encoding="utf-8") == GEN.render(), (
        "docker/kibana/karabakh-monitor.ndjson is stale: run python docker/kibana/generate.py"
    )


def test_target_version_matches_the_stack() -> None:
    from monitor.stack.versions import ES_VERSION

    assert GEN.KIBANA_VERSION == ES_VERSION  # Kibana and Elasticsearch versions go together


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: o["id"])
def test_each_line_is_a_saved_object_for_kibana_8_19(obj: dict[str, Any]) -> None:
    assert set(obj) >= {"id", "type", "attributes", "references", "coreMigrationVersion"}
    assert obj["type"] in TYPES
    assert re.fullmatch(r"[a-z0-9-]+", obj["id"])
    assert obj["coreMigrationVersion"] == "8.8.0"
    kibana = _version(GEN.KIBANA_VERSION)
    assert _version(obj["typeMigrationVersion"]) <= kibana  # Kibana migrates older forward
    assert _version(obj["typeMigrationVersion"]) >= (8, 0, 0)
    for ref in obj["references"]:
        assert set(ref) == {"id", "name", "type"}
        assert ref["id"] in BY_ID and BY_ID[ref["id"]]["type"] == ref["type"]
    attrs = obj["attributes"]
    assert attrs["title"]
    if obj["type"] == "index-pattern":
        assert attrs["timeFieldName"] and attrs["name"]
        for key in ("fields", "fieldFormatMap", "runtimeFieldMap", "sourceFilters", "fieldAttrs"):
            json.loads(attrs[key])
    if obj["type"] in ("search", "visualization"):
        source = _search_source(obj)
        assert source["query"]["language"] in ("lucene", "kuery")
        assert any(r["name"] == source["indexRefName"] for r in obj["references"])
    if obj["type"] == "search":
        assert all(isinstance(c, str) for c in attrs["columns"])
        assert attrs["sort"] and all(len(s) == 2 for s in attrs["sort"])
    if obj["type"] == "visualization":
        vis = json.loads(attrs["visState"])
        assert vis["title"] == attrs["title"]
        assert vis["type"] in {
            "line",
            "histogram",
            "horizontal_bar",
            "area",
            "table",
            "metric",
            "pie",
        }
        assert vis["aggs"] and all(a["enabled"] for a in vis["aggs"])
        assert len({a["id"] for a in vis["aggs"]}) == len(vis["aggs"])
        json.loads(attrs["uiStateJSON"])
    if obj["type"] == "dashboard":
        panels = json.loads(attrs["panelsJSON"])
        json.loads(attrs["optionsJSON"])
        names_ = {r["name"]: r for r in obj["references"]}
        for panel in panels:
            ref = names_[f"{panel['panelIndex']}:{panel['panelRefName']}"]
            assert ref["type"] == panel["type"]
            grid = panel["gridData"]
            assert (
                0 <= grid["x"] and grid["x"] + grid["w"] <= 48 and grid["i"] == panel["panelIndex"]
            )


def test_the_issue_asks_for_these_objects() -> None:
    titles = {(o["type"], o["attributes"]["title"]) for o in OBJECTS}
    assert ("search", "Karabakh ceasefire statements") in titles
    assert ("search", "Karabakh casualty figures") in titles
    assert ("search", "Republications") in titles
    views = [o for o in OBJECTS if o["type"] == "index-pattern"]
    assert {v["attributes"]["title"] for v in views} == {"news-articles", "news-alerts"}
    dashboard = BY_ID["karabakh-monitor-overview"]
    panel_titles = {BY_ID[r["id"]]["attributes"]["title"] for r in dashboard["references"]}
    assert {
        "Casualty figures over time, by kind",
        "Casualty figures over time, by source",
        "Ceasefire statement timeline",
        "Top outlets",
        "Share of republished paragraphs",
    } <= panel_titles


@pytest.mark.parametrize(
    "obj", [o for o in OBJECTS if o["type"] == "index-pattern"], ids=lambda o: o["id"]
)
def test_data_view_fields_exist(obj: dict[str, Any]) -> None:
    props = PROPS[obj["id"]]
    attrs = obj["attributes"]
    assert field_type(props, attrs["timeFieldName"]) == "date"
    for hidden in json.loads(attrs["sourceFilters"]):
        assert field_type(props, hidden["value"]) is not None
    for field in json.loads(attrs["fieldFormatMap"]):
        assert field_type(props, field) in NUMERIC


@pytest.mark.parametrize(
    "obj", [o for o in OBJECTS if o["type"] in ("search", "visualization")], ids=lambda o: o["id"]
)
def test_every_referenced_field_exists_with_a_fitting_type(obj: dict[str, Any]) -> None:
    props = PROPS[_view_of(obj)]
    query = _search_source(obj)["query"]["query"]
    for field, value in _query_fields(query):
        ftype = field_type(props, field)
        assert ftype is not None, field
        assert nested_path(props, field) is None, f"{field} is nested: Lucene cannot reach it"
        if value in ("true", "false"):
            assert ftype == "boolean", field
        if value.startswith((">", "<", "[")):
            assert ftype in NUMERIC | {"date"}, field
    attrs = obj["attributes"]
    if obj["type"] == "search":
        for column in attrs["columns"]:
            assert field_type(props, column) is not None, column
        for field, _ in attrs["sort"]:
            assert field_type(props, field) in AGGREGATABLE, field
        return
    for agg in json.loads(attrs["visState"])["aggs"]:
        field = agg["params"].get("field")
        if agg["type"] == "count":
            continue
        ftype = field_type(props, field)
        assert ftype is not None, field
        assert nested_path(props, field) is None, f"{field} is nested: charts cannot use it"
        if agg["type"] in METRIC_AGGS:
            assert ftype in NUMERIC, field
        elif agg["type"] == "date_histogram":
            assert ftype == "date", field
        elif agg["type"] == "terms":
            assert ftype in AGGREGATABLE, field
        else:
            pytest.fail(f"unchecked aggregation {agg['type']}")


def test_import_rewrites_data_views_for_another_prefix() -> None:
    text = rewrite_index_titles(
        NDJSON.read_text(encoding="utf-8"), Settings(es_index_prefix="prod")
    )
    objects = [json.loads(line) for line in text.splitlines()]
    views = [o for o in objects if o["type"] == "index-pattern"]
    assert {v["attributes"]["title"] for v in views} == {"prod-articles", "prod-alerts"}
    assert len(text.splitlines()) == len(OBJECTS)


def test_multipart_body_carries_the_file() -> None:
    body, content_type = multipart_body("x.ndjson", b'{"a":1}\n')
    boundary = content_type.split("boundary=")[1]
    assert body.startswith(f"--{boundary}\r\n".encode()) and body.endswith(
        f"--{boundary}--\r\n".encode()
    )
    assert b'name="file"; filename="x.ndjson"' in body and b'{"a":1}\n' in body


# --- against the real node -----------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(es_node: Settings) -> Iterator[tuple[Elasticsearch, Settings]]:
    from monitor.es.setup import ensure_setup

    with private_prefix(es_node) as settings:
        client = make_client(settings)
        try:
            ensure_setup(client, settings)
            index_seed(client, settings)
            yield client, settings
        finally:
            client.close()


EXPECTED = {
    "karabakh-ceasefire-statements": ({SEED_ID, COPY_ID}, set()),
    "karabakh-casualty-figures": ({SEED_ID, COPY_ID}, set()),
    "republications": ({COPY_ID}, {SEED_ID}),
}


@pytest.mark.integration
@pytest.mark.parametrize("search_id", sorted(EXPECTED))
def test_saved_search_queries_find_the_seed_article(
    seeded: tuple[Elasticsearch, Settings], search_id: str
) -> None:
    client, settings = seeded
    query = _search_source(BY_ID[search_id])["query"]
    assert query["language"] == "lucene"
    resp = client.search(
        index=names.articles_alias(settings), query={"query_string": {"query": query["query"]}}
    )
    found = {h["_id"] for h in resp["hits"]["hits"]}
    must, must_not = EXPECTED[search_id]
    assert must <= found and not (must_not & found), found


def _es_aggs(vis: dict[str, Any]) -> dict[str, Any]:
    aggs: dict[str, Any] = {}
    for agg in vis["aggs"]:
        p = agg["params"]
        if agg["type"] == "count":
            continue
        if agg["type"] == "date_histogram":
            aggs[agg["id"]] = {"date_histogram": {"field": p["field"], "calendar_interval": "1d"}}
        elif agg["type"] == "terms":
            aggs[agg["id"]] = {"terms": {"field": p["field"], "size": p["size"]}}
        else:
            aggs[agg["id"]] = {agg["type"]: {"field": p["field"]}}
    return aggs


@pytest.mark.integration
@pytest.mark.parametrize("vis_id", [o["id"] for o in OBJECTS if o["type"] == "visualization"])
def test_visualization_aggregations_run_on_the_mapping(
    seeded: tuple[Elasticsearch, Settings], vis_id: str
) -> None:
    client, settings = seeded
    obj = BY_ID[vis_id]
    vis = json.loads(obj["attributes"]["visState"])
    query = _search_source(obj)["query"]["query"]
    resp = client.search(
        index=names.articles_alias(settings),
        size=0,
        query={"query_string": {"query": query}} if query else {"match_all": {}},
        aggs=_es_aggs(vis),
    )
    assert resp["hits"]["total"]["value"] >= 1
    aggs = resp["aggregations"]
    if vis_id == "casualties-over-time-by-kind":
        assert aggs["1"]["value"] >= 32 and aggs["5"]["value"] == 2000  # killed, evacuated
    if vis_id == "top-outlets":
        assert {b["key"] for b in aggs["2"]["buckets"]} == {"watanalyoum.net", "copy.example"}
    if vis_id == "republished-share":
        assert 0 < aggs["1"]["value"] < 1
    if vis_id == "ceasefire-statement-timeline":
        assert "agreed" in {b["key"] for b in aggs["3"]["buckets"]}
