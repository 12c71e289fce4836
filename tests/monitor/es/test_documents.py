from __future__ import annotations

import json

from monitor.es.documents import alert_document, article_document, outlet_of
from monitor.es.mappings import alerts_mappings, articles_mappings
from monitor.text.normalize import normalize
from schemas.analysis import Analysis

from .conftest import COPY_ID, SEED_ID, seed_analyses
from .mapping_check import undeclared_fields


def test_article_document_fits_the_strict_mapping() -> None:
    props = articles_mappings("standard")["properties"]
    for analysis in seed_analyses():
        doc = article_document(analysis)
        assert undeclared_fields(doc, props) == []
        json.dumps(doc)  # serializable as is


def test_seed_article_document() -> None:
    first, _ = seed_analyses()
    doc = article_document(first)
    assert doc["id"] == SEED_ID
    assert doc["outlet"] == "watanalyoum.net"
    assert doc["@timestamp"] == "2023-09-20T12:00:00+00:00"
    assert doc["body"] == first.body
    assert "قره باغ" in doc["body_normalized"] and "قرة" not in doc["body_normalized"]
    assert doc["title_normalized"] == normalize(first.title or "")
    assert doc["paragraph_count"] == 24
    # Two paragraphs repeat earlier ones of the same article: duplicates, not republished.
    assert doc["duplicate_paragraphs"] == 2
    assert doc["republished_paragraphs"] == 0 and doc["republished_share"] == 0.0
    assert doc["is_republication"] is False


def test_seed_article_facts_are_flattened_for_filters() -> None:
    doc = article_document(seed_analyses()[0])
    assert doc["karabakh"]["related"] is True
    assert "agreed" in doc["ceasefire"]["statuses"]
    assert {"killed", "wounded", "evacuated"} <= set(doc["casualty_kinds"])
    assert doc["casualty_counts"]["killed"] >= 32
    assert doc["casualty_counts"]["evacuated"] == 2000
    killed = [c for c in doc["casualties"] if c["kind"] == "killed"]
    assert any(c["count"] == 32 for c in killed)


def test_republished_copy_document() -> None:
    _, copy = seed_analyses()
    doc = article_document(copy)
    assert doc["id"] == COPY_ID
    assert doc["is_republication"] is True
    assert doc["republication_of"]["article"] == SEED_ID
    assert doc["republished_share"] > 0.8
    assert doc["duplicate_of_articles"] == [SEED_ID]
    assert doc["outlet"] == "copy.example"


def test_historical_figures_do_not_reach_the_flat_fields() -> None:
    analysis = Analysis.model_validate(
        {
            "id": "h",
            "body": "x",
            "casualties": [
                {"kind": "killed", "count": 30000, "historical": True, "start": 0, "end": 1},
                {"kind": "killed", "count": 5, "start": 0, "end": 1},
            ],
            "ceasefire": {
                "detected": False,
                "statements": [
                    {"status": "agreed", "sentence": "s", "historical": True, "start": 0, "end": 1}
                ],
            },
        }
    )
    doc = article_document(analysis)
    assert doc["casualty_counts"] == {"killed": 5}
    assert doc["ceasefire"]["statuses"] == [] and doc["ceasefire"]["historical_statuses"] == [
        "agreed"
    ]
    assert len(doc["casualties"]) == 2  # all figures stay searchable in the nested field


def test_outlet_falls_back_to_the_source() -> None:
    assert outlet_of(Analysis(id="a", body="b", source="وكالة")) == "وكالة"
    assert outlet_of(Analysis(id="a", body="b", url="https://www.x.org/y")) == "x.org"


def test_alert_document_fits_the_mapping() -> None:
    first, _ = seed_analyses()
    assert first.alerts, "the seed article raises alerts"
    props = alerts_mappings("standard")["properties"]
    for alert in first.alerts:
        doc = alert_document(alert)
        assert undeclared_fields(doc, props) == []
        assert doc["alert_id"] == alert.alert_id
        assert doc["articles"] == [SEED_ID]
