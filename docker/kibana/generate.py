"""Writes karabakh-monitor.ndjson: the Kibana saved objects of the monitor.

Run `python docker/kibana/generate.py` after changing anything here; a test
checks that the committed ndjson equals what this script produces, that every
field the objects use exists in the mapping with a fitting type, and that each
saved search's query finds the seed article on a real Elasticsearch node.

Target: Kibana 8.19.x (`KIBANA_VERSION`). Objects carry the migration versions
of that release line's exports (`coreMigrationVersion` 8.8.0, per-type
`typeMigrationVersion`); Kibana migrates them forward on import. Visualizations
are aggregation-based (`visualization` saved objects), not Lens: their format is
small, stable and documented, and Kibana 8.19 still renders and edits them.

Index names are the defaults (`MONITOR_ES_INDEX_PREFIX=news`); `monitor kibana
import` rewrites the data views' index patterns for another prefix.
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path
from typing import Any

KIBANA_VERSION = "8.19.21"
CORE_MIGRATION_VERSION = "8.8.0"
TYPE_MIGRATION_VERSION = {
    "index-pattern": "8.0.0",
    "search": "8.0.0",
    "visualization": "8.5.0",
    "dashboard": "8.9.0",
}
OUT = Path(__file__).with_name("karabakh-monitor.ndjson")
_dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))

ARTICLES_VIEW = "karabakh-monitor-articles"
ALERTS_VIEW = "karabakh-monitor-alerts"
ARTICLES_TITLE = "news-articles"
ALERTS_TITLE = "news-alerts"
INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"

#: The saved searches' queries (Lucene syntax, so tests can run them as `query_string`).
CEASEFIRE_QUERY = "karabakh.centrality:central AND _exists_:ceasefire.statuses"
CASUALTY_QUERY = "karabakh.centrality:central AND _exists_:casualty_kinds"
REPUBLICATION_QUERY = "is_republication:true OR republished_paragraphs:>0"

KINDS = ("killed", "wounded", "missing", "captured", "evacuated", "displaced")


def _obj(
    type_: str, id_: str, attributes: dict[str, Any], references: list[dict[str, str]]
) -> dict[str, Any]:
    return {
        "attributes": attributes,
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "id": id_,
        "managed": False,
        "references": references,
        "type": type_,
        "typeMigrationVersion": TYPE_MIGRATION_VERSION[type_],
    }


def _search_source(query: str, language: str = "lucene") -> str:
    return _dumps(
        {"query": {"query": query, "language": language}, "filter": [], "indexRefName": INDEX_REF}
    )


def _index_ref(view: str) -> list[dict[str, str]]:
    return [{"id": view, "name": INDEX_REF, "type": "index-pattern"}]


def data_view(id_: str, title: str, name: str, hidden: list[str]) -> dict[str, Any]:
    return _obj(
        "index-pattern",
        id_,
        {
            "allowHidden": False,
            "fieldAttrs": "{}",
            "fieldFormatMap": _dumps(
                {"republished_share": {"id": "percent"}} if id_ == ARTICLES_VIEW else {}
            ),
            "fields": "[]",
            "name": name,
            "runtimeFieldMap": "{}",
            "sourceFilters": _dumps([{"value": f} for f in hidden]),
            "timeFieldName": "@timestamp",
            "title": title,
            "typeMeta": "{}",
        },
        [],
    )


def saved_search(
    id_: str, title: str, description: str, query: str, columns: list[str]
) -> dict[str, Any]:
    return _obj(
        "search",
        id_,
        {
            "columns": columns,
            "description": description,
            "grid": {},
            "hideChart": False,
            "isTextBasedQuery": False,
            "kibanaSavedObjectMeta": {"searchSourceJSON": _search_source(query)},
            "sort": [["@timestamp", "desc"]],
            "timeRestore": False,
            "title": title,
        },
        _index_ref(ARTICLES_VIEW),
    )


def _category_axis() -> dict[str, Any]:
    return {
        "id": "CategoryAxis-1",
        "type": "category",
        "position": "bottom",
        "show": True,
        "style": {},
        "scale": {"type": "linear"},
        "labels": {"show": True, "filter": True, "truncate": 100},
        "title": {},
    }


def _value_axis(title: str) -> dict[str, Any]:
    return {
        "id": "ValueAxis-1",
        "name": "LeftAxis-1",
        "type": "value",
        "position": "left",
        "show": True,
        "style": {},
        "scale": {"type": "linear", "mode": "normal"},
        "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100},
        "title": {"text": title},
    }


def _xy_params(
    chart: str, metrics: list[tuple[str, str]], axis_title: str, mode: str
) -> dict[str, Any]:
    return {
        "type": chart,
        "grid": {"categoryLines": False},
        "categoryAxes": [_category_axis()],
        "valueAxes": [_value_axis(axis_title)],
        "seriesParams": [
            {
                "show": True,
                "type": chart,
                "mode": mode,
                "data": {"label": label, "id": agg_id},
                "valueAxis": "ValueAxis-1",
                "drawLinesBetweenPoints": True,
                "lineWidth": 2,
                "interpolate": "linear",
                "showCircles": True,
            }
            for agg_id, label in metrics
        ],
        "addTooltip": True,
        "addLegend": True,
        "legendPosition": "right",
        "times": [],
        "addTimeMarker": False,
        "thresholdLine": {
            "show": False,
            "value": 10,
            "width": 1,
            "style": "full",
            "color": "#E7664C",
        },
        "labels": {},
        "palette": {"type": "palette", "name": "default"},
        "isVislibVis": True,
        "detailedTooltip": True,
        "fittingFunction": "linear",
        "radiusRatio": 9,
    }


def _metric(agg_id: str, agg: str, field: str | None, label: str) -> dict[str, Any]:
    params: dict[str, Any] = {"customLabel": label}
    if field:
        params["field"] = field
    return {"id": agg_id, "enabled": True, "type": agg, "params": params, "schema": "metric"}


def _date_histogram(agg_id: str, schema: str = "segment") -> dict[str, Any]:
    return {
        "id": agg_id,
        "enabled": True,
        "type": "date_histogram",
        "params": {
            "field": "@timestamp",
            "useNormalizedEsInterval": True,
            "scaleMetricValues": False,
            "interval": "auto",
            "drop_partials": False,
            "min_doc_count": 1,
            "extended_bounds": {},
        },
        "schema": schema,
    }


def _terms(
    agg_id: str, field: str, schema: str, order_by: str, size: int, label: str
) -> dict[str, Any]:
    return {
        "id": agg_id,
        "enabled": True,
        "type": "terms",
        "params": {
            "field": field,
            "orderBy": order_by,
            "order": "desc",
            "size": size,
            "otherBucket": False,
            "otherBucketLabel": "Other",
            "missingBucket": False,
            "missingBucketLabel": "Missing",
            "customLabel": label,
        },
        "schema": schema,
    }


def visualization(
    id_: str,
    title: str,
    description: str,
    vis_type: str,
    params: dict[str, Any],
    aggs: list[dict[str, Any]],
    query: str = "",
) -> dict[str, Any]:
    vis_state = {"title": title, "type": vis_type, "aggs": aggs, "params": params}
    return _obj(
        "visualization",
        id_,
        {
            "description": description,
            "kibanaSavedObjectMeta": {"searchSourceJSON": _search_source(query)},
            "title": title,
            "uiStateJSON": "{}",
            "version": 1,
            "visState": _dumps(vis_state),
        },
        _index_ref(ARTICLES_VIEW),
    )


def build() -> list[dict[str, Any]]:
    objects = [
        data_view(
            ARTICLES_VIEW,
            ARTICLES_TITLE,
            "Karabakh monitor: articles",
            ["body_normalized", "title_normalized"],
        ),
        data_view(ALERTS_VIEW, ALERTS_TITLE, "Karabakh monitor: alerts", []),
        saved_search(
            "karabakh-ceasefire-statements",
            "Karabakh ceasefire statements",
            "Karabakh-related articles with a current (not historical) ceasefire statement: "
            "proposed, agreed, announced, holding, violated, suspended or called for.",
            CEASEFIRE_QUERY,
            ["title", "source", "ceasefire.statuses", "karabakh.score", "is_republication"],
        ),
        saved_search(
            "karabakh-casualty-figures",
            "Karabakh casualty figures",
            "Karabakh-related articles that report casualty or displacement figures "
            "(largest figure per kind in casualty_counts.*; every figure in casualties).",
            CASUALTY_QUERY,
            [
                "title",
                "source",
                "casualty_kinds",
                "casualty_counts.killed",
                "casualty_counts.wounded",
                "casualty_attributed_to",
            ],
        ),
        saved_search(
            "republications",
            "Republications",
            "Articles that republish paragraphs first seen in an earlier article "
            "(is_republication: nearly all of it).",
            REPUBLICATION_QUERY,
            [
                "title",
                "source",
                "republication_of.source",
                "republished_share",
                "duplicate_of_sources",
            ],
        ),
    ]
    kind_metrics = [(str(i + 1), kind) for i, kind in enumerate(KINDS)]
    objects += [
        visualization(
            "casualties-over-time-by-kind",
            "Casualty figures over time, by kind",
            "Largest figure reported per kind and time bucket (Karabakh-related articles).",
            "line",
            _xy_params("line", kind_metrics, "Figure (max reported)", "normal"),
            [_metric(i, "max", f"casualty_counts.{k}", k) for i, k in kind_metrics]
            + [_date_histogram("10")],
            "karabakh.centrality:central",
        ),
        visualization(
            "casualties-by-source",
            "Casualty figures over time, by source",
            "Largest killed and wounded figures each source reported per time bucket "
            "(Karabakh-related articles).",
            "line",
            _xy_params(
                "line", [("1", "killed"), ("2", "wounded")], "Figure (max reported)", "normal"
            ),
            [
                _metric("1", "max", "casualty_counts.killed", "killed"),
                _metric("2", "max", "casualty_counts.wounded", "wounded"),
                _date_histogram("3"),
                _terms("4", "source", "group", "1", 10, "source"),
            ],
            "karabakh.centrality:central",
        ),
        visualization(
            "ceasefire-statement-timeline",
            "Ceasefire statement timeline",
            "Articles with a current ceasefire statement over time, split by status.",
            "histogram",
            _xy_params("histogram", [("1", "articles")], "Articles", "stacked"),
            [
                _metric("1", "count", None, "articles"),
                _date_histogram("2"),
                _terms("3", "ceasefire.statuses", "group", "1", 7, "status"),
            ],
            CEASEFIRE_QUERY,
        ),
        visualization(
            "top-outlets",
            "Top outlets",
            "Outlets by number of Karabakh-related articles.",
            "table",
            {
                "perPage": 15,
                "showPartialRows": False,
                "showMetricsAtAllLevels": False,
                "showTotal": False,
                "totalFunc": "sum",
                "percentageCol": "",
            },
            [
                _metric("1", "count", None, "articles"),
                _terms("2", "outlet", "bucket", "1", 15, "outlet"),
            ],
            "karabakh.centrality:central",
        ),
        visualization(
            "republished-share",
            "Share of republished paragraphs",
            "Mean share of each article's paragraphs first seen in an earlier article, "
            "and the number of articles that are republications.",
            "metric",
            {
                "addTooltip": True,
                "addLegend": False,
                "type": "metric",
                "metric": {
                    "percentageMode": False,
                    "useRanges": False,
                    "colorSchema": "Green to Red",
                    "metricColorMode": "None",
                    "colorsRange": [{"from": 0, "to": 10000}],
                    "labels": {"show": True},
                    "invertColors": False,
                    "style": {
                        "bgFill": "#000",
                        "bgColor": False,
                        "labelColor": False,
                        "subText": "",
                        "fontSize": 48,
                    },
                },
            },
            [
                _metric("1", "avg", "republished_share", "republished share (mean per article)"),
                _metric("2", "sum", "republished_paragraphs", "republished paragraphs"),
                _metric("3", "sum", "paragraph_count", "paragraphs"),
            ],
        ),
    ]
    panels = [
        ("casualties-over-time-by-kind", "visualization", 0, 0, 24, 15),
        ("casualties-by-source", "visualization", 24, 0, 24, 15),
        ("ceasefire-statement-timeline", "visualization", 0, 15, 24, 15),
        ("top-outlets", "visualization", 24, 15, 12, 15),
        ("republished-share", "visualization", 36, 15, 12, 15),
        ("karabakh-ceasefire-statements", "search", 0, 30, 48, 15),
    ]
    panels_json = []
    references = []
    for n, (ref_id, ref_type, x, y, w, h) in enumerate(panels, start=1):
        index = str(n)
        panels_json.append(
            {
                "version": KIBANA_VERSION,
                "type": ref_type,
                "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                "panelIndex": index,
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{index}",
            }
        )
        references.append({"id": ref_id, "name": f"{index}:panel_{index}", "type": ref_type})
    objects.append(
        _obj(
            "dashboard",
            "karabakh-monitor-overview",
            {
                "description": "Casualty figures by kind and source, ceasefire statements, "
                "top outlets and republished paragraphs, from the Karabakh news monitor.",
                "kibanaSavedObjectMeta": {
                    "searchSourceJSON": _dumps(
                        {"query": {"query": "", "language": "kuery"}, "filter": []}
                    )
                },
                "optionsJSON": _dumps(
                    {
                        "useMargins": True,
                        "syncColors": False,
                        "syncCursor": True,
                        "syncTooltips": False,
                        "hidePanelTitles": False,
                    }
                ),
                "panelsJSON": _dumps(panels_json),
                "refreshInterval": {"pause": True, "value": 60000},
                "timeFrom": "now-5y",
                "timeRestore": True,
                "timeTo": "now",
                "title": "Karabakh monitor: overview",
                "version": 1,
            },
            references,
        )
    )
    return objects


def render() -> str:
    return "".join(_dumps(o, sort_keys=True) + "\n" for o in build())


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(build())} objects for Kibana {KIBANA_VERSION})", file=sys.stderr)
