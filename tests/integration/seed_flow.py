"""The seed article through a running service, reused over plain and secured
connections: the same checks whatever the transport."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from monitor.service.names import TopicNames
from monitor.settings import Settings
from tests.integration.helpers import (
    alerts,
    es_client,
    expected_analyses,
    produce_in_order,
    read,
    search_ids,
    wait_for,
)

SEED = Path(__file__).resolve().parents[2] / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"


def line(**fields: Any) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


def check_seed_and_republished_copy(service: Settings, workers: Callable[..., Any]) -> None:
    """The seed's alerts on the topics, one searchable article found by spelling
    variants, and its republished copy marked as such (no alert, no second article)."""
    body = SEED.read_text(encoding="utf-8")
    seed = line(id="seed", source="watanalyoum", body=body)
    copy = line(id="copy", source="another-outlet", title="نقلا عن وطنا اليوم", body=body)
    expected = expected_analyses(service, [seed, copy])
    expected_ids = {a.alert_id for a in expected[0].alerts}
    assert expected_ids, "the core raises alerts for the seed article"
    assert expected[1].alerts == []

    worker = workers()
    # The copy is a copy because the seed was sequenced first (news.raw's
    # partitions alone would not say which of two near-simultaneous items was).
    produce_in_order(service, [seed, copy], worker)
    worker.wait_idle(received=2, timeout=120)

    published = wait_for(
        lambda: (a := alerts(service)) and len(a) >= len(expected_ids) and a,
        60,
        "the seed's alerts",
    )
    assert sorted(a["alert_id"] for a in published) == sorted(expected_ids)
    assert {a["type"] for a in published} == {a.type for a in expected[0].alerts}
    assert all(ev["article"] == "seed" for a in published for ev in a["evidence"])
    # keyed by story, with a schema-version header
    names = TopicNames.from_settings(service)
    for rec in read(service, [names.alerts_ceasefire, names.alerts_casualties]):
        assert rec.key == json.loads(rec.value)["story_id"].encode()
        assert rec.headers["schema-version"] == "1.0"

    for query in ("قرة باغ", "قره باغ", "ناغورنو"):
        assert search_ids(service, query, exclude_republications=True) == ["seed"], query
    # the copy is one document, marked as a republication of the seed
    client = es_client(service)
    try:
        from monitor.es.names import articles_alias

        doc = client.get(index=articles_alias(service), id="copy")["_source"]
    except Exception:  # noqa: BLE001 - get on an alias with one write index
        doc = client.search(index=articles_alias(service), query={"ids": {"values": ["copy"]}})[
            "hits"
        ]["hits"][0]["_source"]
    finally:
        client.close()
    assert doc["is_republication"] is True
    assert doc["republication_of"]["article"] == "seed"
