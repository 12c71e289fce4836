"""(a) The seed article through the real service: alerts on the alert topics and one
searchable article; its republished copy raises no alert and no second article
(its document is marked as a republication that searches exclude).
(b) A malformed message is dead-lettered with its reason and the stream goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from monitor.service.names import TopicNames
from monitor.settings import Settings
from tests.integration.helpers import (
    alerts,
    es_client,
    expected_analyses,
    produce,
    read,
    search_ids,
    wait_for,
)

pytestmark = pytest.mark.integration

SEED = Path(__file__).resolve().parents[2] / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"


def _line(**fields: Any) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


def test_seed_and_republished_copy(service: Settings, workers: Callable[..., Any]) -> None:
    body = SEED.read_text(encoding="utf-8")
    seed = _line(id="seed", source="watanalyoum", body=body)
    copy = _line(id="copy", source="another-outlet", title="نقلا عن وطنا اليوم", body=body)
    expected = expected_analyses(service, [seed, copy])
    expected_ids = {a.alert_id for a in expected[0].alerts}
    assert expected_ids, "the core raises alerts for the seed article"
    assert expected[1].alerts == []

    worker = workers()
    produce(service, [seed, copy])
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


def test_malformed_message_is_dead_lettered_and_the_stream_goes_on(
    service: Settings, workers: Callable[..., Any]
) -> None:
    worker = workers()
    produce(
        service,
        [
            b'{"id": "broken", "body": "\xd9',  # cut in the middle of a character
            _line(id="empty", body="   "),
            _line(id="after", source="s", body="أعلنت يريفان وباكو هدنة جديدة في قره باغ."),
        ],
    )
    worker.wait_idle(received=3, timeout=120)
    names = TopicNames.from_settings(service)
    dead = [json.loads(r.value) for r in read(service, [names.deadletter])]
    by_code = {d["code"]: d for d in dead}
    assert set(by_code) == {"invalid_utf8", "empty_body"}
    broken = by_code["invalid_utf8"]
    assert broken["stage"] == "parse" and broken["error"]
    assert broken["topic"] == names.raw and broken["offset"] == 0
    assert broken["payload_base64"]  # the original bytes, as they were
    assert by_code["empty_body"]["item_id"] == "empty"
    enriched = [json.loads(r.value)["id"] for r in read(service, [names.enriched])]
    assert enriched == ["after"]
    assert wait_for(lambda: search_ids(service, "هدنة"), 30, "the valid item indexed") == ["after"]
    snap = worker.metrics()
    assert snap["dead_letters"]["total"] == 2
    assert snap["dead_letters"]["by_reason"] == {"parse:invalid_utf8": 1, "parse:empty_body": 1}
    assert snap["consumer_lag"]["total"] == 0 and snap["counts"]["received"] == 3
    assert worker.health()[0] == 200

    # `monitor tail` prints the topic as JSON Lines
    from click.testing import CliRunner

    from monitor.cli import main
    from tests.integration.conftest import env_for

    result = CliRunner().invoke(
        main,
        ["tail", "news.deadletter", "--from-beginning", "--timeout", "2"],
        env=env_for(service),
    )
    assert result.exit_code == 0, result.output
    tailed = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(t["value"]["code"] for t in tailed) == sorted(d["code"] for d in dead)
    assert all(t["headers"]["schema-version"] == "1.0" for t in tailed)
