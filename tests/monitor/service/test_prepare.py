"""The stateless stage and its message: `decide(prepare(item))` through a news.prepared
message gives what `Analyzer.analyze` gives, and preparing touches no state."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from monitor.analyzer import Analyzer
from monitor.items import parse_item
from monitor.service import prepare as prepare_module
from monitor.service.deadletter import Origin
from monitor.service.prepare import Preparer, from_message, item_digest, to_message
from monitor.settings import Settings
from schemas.prepared import PreparedMessage
from tests.integration.generate import generate, jsonl
from tests.monitor.service.conftest import item_bytes

GOLD = Path(__file__).resolve().parents[3] / "monitor" / "evaluation" / "gold"
ORIGIN = Origin("t.news.raw", 1, 5, b"k", 1_717_200_000.0)


def _stream() -> list[bytes]:
    """Generated items (copies, stories, alerts) and a gold round (real detections)."""
    gold = (GOLD / "round13.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line)["item"] for line in gold if line.strip()]
    return jsonl(generate(400, prefix="eq", seed=3)) + jsonl(items)


def _comparable(analysis: Any) -> dict[str, Any]:
    return json.loads(analysis.model_dump_json())


def test_prepare_then_decide_through_the_message_equals_analyze(settings: Settings) -> None:
    whole = Analyzer(settings)
    preparer = Preparer(settings)  # as on another worker
    ordered = Analyzer(settings)
    alerts = 0
    for n, line in enumerate(_stream()):
        item = parse_item(line, settings.max_body_bytes)
        now = 1_700_000_000.0 + n
        expected = whole.analyze(item, now)
        value = to_message(preparer.analyzer.prepare(item), item_digest(item))
        prepared, digest = from_message(value)
        assert digest == item_digest(item)
        got = ordered.decide(prepared, now)
        assert _comparable(got) == _comparable(expected), item.id
        alerts += len(got.alerts)
    assert alerts >= 10  # the comparison covered the alert state, not only detections
    assert ordered.state_json() == whole.state_json()


def test_prepare_touches_no_state(settings: Settings) -> None:
    analyzer = Analyzer(settings)
    for n, line in enumerate(_stream()[:100]):
        analyzer.analyze(parse_item(line, settings.max_body_bytes), 1_700_000_000.0 + n)
    before = analyzer.state_json()
    for line in _stream()[100:200]:
        analyzer.prepare(parse_item(line, settings.max_body_bytes))
    assert analyzer.state_json() == before


def test_the_message_stamps_the_ingest_time_and_keeps_hashes_compact(
    settings: Settings, seed_body: str
) -> None:
    preparer = Preparer(settings)
    outcome = preparer.handle(item_bytes(id="a1", body=seed_body), ORIGIN)
    assert outcome.prepared is not None
    value, dead = preparer.message(outcome, None, ORIGIN)
    assert dead is None and value is not None
    message = PreparedMessage.model_validate_json(value)
    assert message.item.ingested_at is not None
    assert message.item.ingested_at.timestamp() == ORIGIN.timestamp
    # two bytes a word, base64: about 2.7 characters a word
    words = sum(len(w) for w in outcome.prepared.words) // 2
    assert sum(len(w) for w in message.words) <= 2.7 * words + 4 * len(message.words)
    back, _ = from_message(value)
    assert back.words == outcome.prepared.words


def test_an_item_with_its_own_ingest_time_keeps_it(settings: Settings) -> None:
    preparer = Preparer(settings)
    raw = item_bytes(id="a2", body="نص", ingested_at="2024-01-02T03:04:05Z")
    outcome = preparer.handle(raw, ORIGIN)
    assert outcome.prepared is not None and outcome.prepared.item.ingested_at is not None
    assert outcome.prepared.item.ingested_at.isoformat() == "2024-01-02T03:04:05+00:00"


def test_a_prepared_message_over_the_limit_is_a_dead_letter(
    settings: Settings, seed_body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepare_module, "MAX_MESSAGE_BYTES", 10_000)
    preparer = Preparer(settings)
    raw = item_bytes(id="big", body=seed_body)
    value, dead = preparer.message(preparer.handle(raw, ORIGIN), raw, ORIGIN)
    assert value is None and dead is not None
    assert (dead.stage, dead.code, dead.item_id) == ("prepare", "message_too_large", "big")
    assert dead.payload == raw.decode()


def test_a_message_whose_hashes_do_not_fit_the_body_is_refused(settings: Settings) -> None:
    preparer = Preparer(settings)
    outcome = preparer.handle(item_bytes(id="a3", body="سطر أول\nسطر ثان"), ORIGIN)
    assert outcome.prepared is not None
    data = json.loads(to_message(outcome.prepared, outcome.digest))
    data["words"] = data["words"][:1]
    with pytest.raises(ValueError, match="word hashes for 1 paragraphs, the body 2"):
        from_message(json.dumps(data))
