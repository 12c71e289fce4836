"""One registry of alert types: the schema, the topic names and the routers agree,
and an unknown type is refused rather than sent to another type's topic."""

from __future__ import annotations

import json

import pytest

from monitor.service.names import TopicNames
from schemas.alert import ALERT_TYPES
from schemas.export import SCHEMA_DIR


def test_the_exported_schema_lists_exactly_the_registered_types() -> None:
    schema = json.loads((SCHEMA_DIR / "alert.json").read_text(encoding="utf-8"))
    prop = schema["properties"]["type"]
    listed = prop.get("enum") or [s["const"] for s in prop.get("anyOf", [])]
    assert sorted(listed) == sorted(ALERT_TYPES)


def test_every_type_has_its_own_topic_and_an_unknown_one_none() -> None:
    names = TopicNames.from_prefix("p.")
    topics = names.alert_topics()
    assert len(set(topics)) == len(ALERT_TYPES)
    assert all(t.startswith("p.alerts.") for t in topics)
    with pytest.raises(ValueError, match="unknown alert type"):
        names.alert_topic("evacuations")
