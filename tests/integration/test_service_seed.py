"""(a) The seed article through the real service: alerts on the alert topics and one
searchable article; its republished copy raises no alert and no second article
(its document is marked as a republication that searches exclude).
(b) A malformed message is dead-lettered with its reason and the stream goes on."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from monitor.service.names import TopicNames
from monitor.settings import Settings
from tests.integration.helpers import (
    produce,
    read,
    search_ids,
    wait_for,
)
from tests.integration.seed_flow import check_seed_and_republished_copy, line

pytestmark = pytest.mark.integration


def test_seed_and_republished_copy(service: Settings, workers: Callable[..., Any]) -> None:
    check_seed_and_republished_copy(service, workers)


def test_malformed_message_is_dead_lettered_and_the_stream_goes_on(
    service: Settings, workers: Callable[..., Any]
) -> None:
    worker = workers()
    produce(
        service,
        [
            b'{"id": "broken", "body": "\xd9',  # cut in the middle of a character
            line(id="empty", body="   "),
            line(id="after", source="s", body="أعلنت يريفان وباكو هدنة جديدة في قره باغ."),
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
