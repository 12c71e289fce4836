"""The index mappings: what an analyst can search, filter and aggregate on.

Text fields come in two forms:

* the original text (`title`, `body`) for display, analyzed with the `arabic`
  analyzer when the cluster has it (stemming, stop words) and with `standard`
  otherwise;
* the core's normalized text (`title_normalized`, `body_normalized`: the output
  of `monitor.text.normalize.normalize`) analyzed with `standard`, which works on
  every cluster, including the minimal test distribution. Queries are normalized
  with the same function, so any spelling variant meets the same tokens.

Casualty figures and ceasefire statements are `nested` (one object per figure,
so "killed AND attributed to Armenia AND count >= 30" holds within one figure)
and are also flattened into keyword/number fields (`casualty_kinds`,
`casualty_counts.<kind>`, `ceasefire.statuses`) because Kibana's visualizations
and KQL/Lucene saved searches cannot reach into nested objects.

Bump `MAPPING_VERSION` on any change: `ensure_setup` then updates the templates
and rolls the alias over, so the change reaches a new write index while the
alias keeps serving every older index.
"""

from __future__ import annotations

from typing import Any, get_args

from schemas.analysis import CasualtyKind, CeasefireStatus

MAPPING_VERSION = 2

CASUALTY_KINDS: tuple[str, ...] = get_args(CasualtyKind)
CEASEFIRE_STATUSES: tuple[str, ...] = get_args(CeasefireStatus)

KEYWORD: dict[str, Any] = {"type": "keyword", "ignore_above": 1024}
NORMALIZED_TEXT: dict[str, Any] = {"type": "text", "analyzer": "standard"}


def display_text(analyzer: str) -> dict[str, Any]:
    """Original text for display and full-text search with the cluster's best analyzer."""
    return {"type": "text", "analyzer": analyzer}


def articles_mappings(analyzer: str) -> dict[str, Any]:
    """The mapping of the articles' backing indices (`analyzer`: 'arabic' or 'standard')."""
    return {
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION, "text_analyzer": analyzer},
        "properties": {
            "@timestamp": {"type": "date"},
            "id": KEYWORD,
            "schema_version": KEYWORD,
            "source": KEYWORD,
            "outlet": KEYWORD,
            "url": {"type": "keyword", "ignore_above": 4096},
            "language": KEYWORD,
            "category": KEYWORD,
            "published_at": {"type": "date"},
            "processed_at": {"type": "date"},
            "event_time": {
                "properties": {
                    "at": {"type": "date"},
                    "source": KEYWORD,
                    "clock": KEYWORD,
                    "late": {"type": "boolean"},
                    "lateness_seconds": {"type": "float"},
                }
            },
            "title": {**display_text(analyzer), "fields": {"keyword": KEYWORD}},
            "title_normalized": NORMALIZED_TEXT,
            "body": display_text(analyzer),
            "body_normalized": NORMALIZED_TEXT,
            "paragraph_count": {"type": "integer"},
            "karabakh": {
                "properties": {
                    "related": {"type": "boolean"},
                    "score": {"type": "float"},
                    "centrality": KEYWORD,
                    "mentions": KEYWORD,
                    "canonical": KEYWORD,
                }
            },
            "ceasefire": {
                "properties": {
                    "detected": {"type": "boolean"},
                    "statuses": KEYWORD,
                    "historical_statuses": KEYWORD,
                    "statement_count": {"type": "integer"},
                    "statements": {
                        "type": "nested",
                        "properties": {
                            "status": KEYWORD,
                            "historical": {"type": "boolean"},
                            "sentence": display_text(analyzer),
                            "trigger": KEYWORD,
                            "parties": KEYWORD,
                            "proposed_by": KEYWORD,
                            "accepted_by": KEYWORD,
                            "paragraph": {"type": "integer"},
                        },
                    },
                }
            },
            "casualties": {
                "type": "nested",
                "properties": {
                    "kind": KEYWORD,
                    "count": {"type": "long"},
                    "approximate": {"type": "boolean"},
                    "qualifier": KEYWORD,
                    "attributed_to": KEYWORD,
                    "cumulative": {"type": "boolean"},
                    "historical": {"type": "boolean"},
                    "sentence": display_text(analyzer),
                    "paragraph": {"type": "integer"},
                },
            },
            "casualty_kinds": KEYWORD,
            "casualty_attributed_to": KEYWORD,
            "casualty_figure_count": {"type": "integer"},
            "casualty_counts": {
                "properties": {kind: {"type": "long"} for kind in CASUALTY_KINDS},
            },
            "duplicate_paragraphs": {"type": "integer"},
            "republished_paragraphs": {"type": "integer"},
            "republished_share": {"type": "float"},
            "is_republication": {"type": "boolean"},
            "republication_of": {
                "properties": {
                    "article": KEYWORD,
                    "source": KEYWORD,
                    "shared_paragraphs": {"type": "integer"},
                }
            },
            "duplicate_of_articles": KEYWORD,
            "duplicate_of_sources": KEYWORD,
            "alert_count": {"type": "integer"},
            "alert_ids": KEYWORD,
        },
    }


def alerts_mappings(analyzer: str) -> dict[str, Any]:
    """The mapping of the alerts index (one document per alert id)."""
    figure = {
        "type": "nested",
        "properties": {
            "kind": KEYWORD,
            "count": {"type": "long"},
            "qualifier": KEYWORD,
            "attributed_to": KEYWORD,
            "previous_count": {"type": "long"},
        },
    }
    return {
        "dynamic": "strict",
        "_meta": {"mapping_version": MAPPING_VERSION, "text_analyzer": analyzer},
        "properties": {
            "@timestamp": {"type": "date"},
            "alert_id": KEYWORD,
            "schema_version": KEYWORD,
            "type": KEYWORD,
            "story_id": KEYWORD,
            "version": {"type": "integer"},
            "karabakh_related": {"type": "boolean"},
            "created_at": {"type": "date"},
            "status": KEYWORD,
            "title": {**display_text(analyzer), "fields": {"keyword": KEYWORD}},
            "figures": figure,
            "changed": figure,
            "kinds": KEYWORD,
            "changed_kinds": KEYWORD,
            "article_count": {"type": "integer"},
            "independent_source_count": {"type": "integer"},
            "articles": KEYWORD,
            "sources": KEYWORD,
            "evidence_sentences": display_text(analyzer),
        },
    }
