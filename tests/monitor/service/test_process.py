"""The two stages' logic: prepare, then decide (through the news.prepared message) or
dead-letter; durable records, recovery, replay."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from monitor.dedup.index import ArticleRecord
from monitor.service.deadletter import Origin
from monitor.service.process import LEDE_CHARS, Processor, restore_analysis
from monitor.settings import Settings
from schemas.news import NewsItem
from tests.monitor.service.conftest import item_bytes

ORIGIN = Origin("t.news.raw", 0, 7, b"k")
PREPARED = Origin("t.news.prepared", 0, 3, b"k")


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def run(proc: Processor, table: dict[str, Any], raw: bytes) -> Any:
    """One news.raw value through both stages as the service runs them: prepared,
    sent as a news.prepared message, decided from that message."""
    prepared = proc.preparer.handle(raw, ORIGIN)
    assert prepared.dead is None, prepared.dead
    value, dead = proc.preparer.message(prepared, raw, ORIGIN)
    assert dead is None and value is not None, dead
    outcome = proc.handle_prepared(value, PREPARED, table.get)
    if outcome.analysis is not None and outcome.stored is not None:
        table[outcome.analysis.id] = outcome.stored
    return outcome


def test_valid_item_gives_analysis_and_stored_record(settings: Settings, seed_body: str) -> None:
    proc = Processor(settings, clock=Clock())
    out = run(proc, {}, item_bytes(id="a1", source="s1", body=seed_body))
    assert out.dead is None and out.analysis is not None
    assert out.analysis.id == "a1"
    assert out.stored is not None
    assert out.stored["seq"] == 0
    assert out.stored["analysis"]["paragraphs"][0]["text"] == ""
    assert "body" not in out.stored["analysis"]
    assert out.stored["analysis"]["lede"] == out.analysis.body[:LEDE_CHARS]
    # the record holds the paragraphs that were new (22 of 24: two repeat earlier ones)
    assert len(out.stored["record"]["paragraphs"]) == 24 - out.analysis.duplicate_paragraphs


def test_invalid_json_is_dead_lettered_with_reason_and_origin(settings: Settings) -> None:
    out = Processor(settings).handle(b'{"body": ', ORIGIN, {}.get)
    assert out.analysis is None and out.dead is not None
    dead = out.dead
    assert (dead.stage, dead.code, dead.error_class) == ("parse", "invalid_json", "ItemError")
    assert dead.payload == '{"body": '
    assert (dead.topic, dead.partition, dead.offset, dead.key) == ("t.news.raw", 0, 7, "k")


def test_invalid_utf8_keeps_original_bytes_in_base64(settings: Settings) -> None:
    raw = b'{"body": "\xff\xfe"}'
    dead = Processor(settings).handle(raw, ORIGIN, {}.get).dead
    assert dead is not None and dead.code == "invalid_utf8"
    assert dead.payload is None
    assert base64.b64decode(dead.payload_base64 or "") == raw


def test_missing_body_and_tombstone(settings: Settings) -> None:
    proc = Processor(settings)
    dead = proc.handle(item_bytes(id="x", title="t"), ORIGIN, {}.get).dead
    assert dead is not None and dead.code == "missing_body" and dead.item_id == "x"
    tomb = proc.handle(None, ORIGIN, {}.get).dead
    assert tomb is not None and tomb.code == "empty_message"


def test_a_failing_detector_is_dead_lettered_at_the_prepare_stage(
    settings: Settings, monkeypatch: Any
) -> None:
    proc = Processor(settings)

    def boom(*_: Any, **__: Any) -> Any:
        raise ZeroDivisionError("detector bug")

    monkeypatch.setattr(proc.preparer.analyzer, "prepare", boom)
    dead = proc.preparer.handle(item_bytes(id="z", body="نص"), ORIGIN).dead
    assert dead is not None
    assert (dead.stage, dead.error_class, dead.item_id) == ("prepare", "ZeroDivisionError", "z")
    assert (dead.topic, dead.offset) == ("t.news.raw", 7)
    # the ordered state never saw it
    assert proc.analyzer.state_json() == Processor(settings).analyzer.state_json()


def test_a_failing_decision_is_dead_lettered_at_the_process_stage(
    settings: Settings, monkeypatch: Any
) -> None:
    proc = Processor(settings)
    prepared = proc.preparer.handle(item_bytes(id="z", body="نص"), ORIGIN)
    value, _ = proc.preparer.message(prepared, None, ORIGIN)

    def boom(*_: Any, **__: Any) -> Any:
        raise ZeroDivisionError("state bug")

    monkeypatch.setattr(proc.analyzer, "decide", boom)
    dead = proc.handle_prepared(value, PREPARED, {}.get).dead
    assert dead is not None
    assert (dead.stage, dead.error_class, dead.item_id) == ("process", "ZeroDivisionError", "z")
    assert (dead.topic, dead.offset) == ("t.news.prepared", 3)


def test_a_prepared_message_that_does_not_parse_is_dead_lettered(settings: Settings) -> None:
    proc = Processor(settings)
    for value in (b'{"item": {}}', b"not json", None):
        dead = proc.handle_prepared(value, PREPARED, {}.get).dead
        assert dead is not None
        assert (dead.stage, dead.code) == ("process", "invalid_prepared")


def test_redelivery_reemits_the_stored_analysis(settings: Settings, seed_body: str) -> None:
    proc = Processor(settings, clock=Clock())
    table: dict[str, Any] = {}
    raw = item_bytes(id="a1", source="s1", body=seed_body, title="عنوان")
    first = run(proc, table, raw)
    again = run(proc, table, raw)
    assert again.replayed and again.stored is None
    assert again.analysis is not None and first.analysis is not None
    # identical, not "a copy of itself"
    assert again.analysis.model_dump() == first.analysis.model_dump()


def test_updated_article_under_same_id_is_analysed_again(
    settings: Settings, seed_body: str
) -> None:
    proc = Processor(settings, clock=Clock())
    table: dict[str, Any] = {}
    run(proc, table, item_bytes(id="a1", body=seed_body))
    out = run(proc, table, item_bytes(id="a1", body=seed_body + "\nفقرة جديدة تماما عن الموضوع"))
    assert not out.replayed and out.stored is not None and out.stored["seq"] == 1


def test_rebuild_restores_dedup_across_a_restart(settings: Settings, seed_body: str) -> None:
    table: dict[str, Any] = {}
    run(Processor(settings, clock=Clock()), table, item_bytes(id="a1", source="s1", body=seed_body))
    restarted = Processor(settings, clock=Clock())
    assert restarted.rebuild(table.values()) == 1
    out = run(restarted, table, item_bytes(id="copy", source="s2", body=seed_body))
    assert out.analysis is not None
    assert out.analysis.republication_of is not None
    assert out.analysis.republication_of.article == "a1"
    assert out.stored is not None and out.stored["seq"] == 1


def test_rebuild_replays_in_sequence_order(settings: Settings, seed_body: str) -> None:
    table: dict[str, Any] = {}
    proc = Processor(settings, clock=Clock())
    run(proc, table, item_bytes(id="first", body=seed_body))
    run(proc, table, item_bytes(id="second", body=seed_body))
    reordered = dict(reversed(list(table.items())))
    restarted = Processor(settings, clock=Clock())
    restarted.rebuild(reordered.values())
    out = run(restarted, table, item_bytes(id="third", body=seed_body))
    assert out.analysis is not None and out.analysis.republication_of is not None
    assert out.analysis.republication_of.article == "first"


def test_restore_analysis_round_trips(settings: Settings, seed_body: str) -> None:
    proc = Processor(settings, clock=Clock())
    raw = item_bytes(id="a1", body=seed_body, title="<b>قره باغ</b>")
    out = run(proc, {}, raw)
    assert out.analysis is not None and out.stored is not None
    item = NewsItem.model_validate_json(raw)
    assert restore_analysis(out.stored["analysis"], item) == out.analysis


def test_stored_record_mirrors_the_index(settings: Settings, seed_body: str) -> None:
    proc = Processor(settings, clock=Clock())
    table: dict[str, Any] = {}
    out = run(proc, table, item_bytes(id="a1", body=seed_body))
    assert out.analysis is not None
    stored = ArticleRecord.from_json(table["a1"]["record"])
    remembered = list(proc.analyzer.dedup.records())
    assert stored.paragraphs == remembered[0].paragraphs
    assert len(stored.paragraphs) == 22  # the seed's two inner repeats are not stored


def test_expired_records_are_listed_once(settings: Settings) -> None:
    """Records age by the stream's event time: a newer item past both the dedup
    age and the story age expires the old record (once); the processing clock
    alone expires nothing."""
    clock = Clock()
    proc = Processor(settings, clock=clock)
    table: dict[str, Any] = {}
    run(proc, table, item_bytes(id="old", body="فقرة قديمة", published_at="2015-03-01T08:00:00Z"))
    assert proc.expired(table.get) == []
    clock.now += settings.dedup_max_age_seconds * 3  # a month of idle machine time
    assert proc.expired(table.get) == []
    # kept while either state needs it: the dedup memory (14 days) and the
    # stories (30 days)
    keep = max(settings.dedup_max_age_seconds, proc.analyzer.alerts.max_age)
    within = datetime(2015, 3, 1, 8, tzinfo=UTC) + timedelta(
        seconds=settings.dedup_max_age_seconds + 10
    )
    run(proc, table, item_bytes(id="mid", body="فقرة أخرى", published_at=within.isoformat()))
    assert proc.expired(table.get) == []
    later = datetime(2015, 3, 1, 8, tzinfo=UTC) + timedelta(seconds=keep + 10)
    run(proc, table, item_bytes(id="new", body="فقرة جديدة", published_at=later.isoformat()))
    assert proc.expired(table.get) == ["old"]
    assert proc.expired(table.get) == []


def test_alert_state_survives_a_restart(settings: Settings, seed_body: str) -> None:
    """The same stream gives the same alerts with or without a restart in the middle."""
    update = (
        "قالت أرمينيا إن عدد القتلى في قره باغ ارتفع إلى 45 شخصا، وأصيب أكثر من 300 آخرين "
        "في المعارك بين القوات الأذربيجانية والانفصاليين.\n"
        "وأعلن الانفصاليون في ناغورني قره باغ الالتزام بوقف إطلاق النار."
    )
    stream = [
        item_bytes(id="s1", source="a", body=seed_body),
        item_bytes(id="c1", source="b", body=seed_body),
        item_bytes(id="u1", source="c", title="تحديث", body=update),
    ]

    def alerts_of(restart_after: int | None) -> list[list[str]]:
        table: dict[str, Any] = {}
        proc = Processor(settings, clock=Clock())
        out = []
        for n, raw in enumerate(stream):
            if n == restart_after:
                proc = Processor(settings, clock=Clock())
                proc.rebuild(table.values())
            analysis = run(proc, table, raw).analysis
            out.append(sorted(a.alert_id for a in analysis.alerts))
        return out

    straight = alerts_of(None)
    assert straight[0], "the seed raises alerts"
    assert straight[1] == [], "a republished copy raises none"
    assert straight[2], "the update raises alerts in the same story"
    assert alerts_of(1) == straight
    assert alerts_of(2) == straight


@pytest.mark.parametrize("restart_at", [150, 333, 512])
def test_a_restart_anywhere_gives_the_alerts_of_the_straight_run(
    settings: Settings, restart_at: int
) -> None:
    """The generated stream of the recovery test, without Kafka: a worker rebuilt
    from its (pruned) table at any point raises exactly the alerts of an
    uninterrupted one. The stream's dates span four weeks, more than the dedup
    memory keeps, and come out of order."""
    from tests.integration.generate import generate, jsonl

    lines = jsonl(generate(600, prefix="k", seed=11))

    def alert_ids(restart: int | None) -> list[str]:
        table: dict[str, Any] = {}
        proc = Processor(settings, clock=Clock())
        out: list[str] = []
        for n, raw in enumerate(lines):
            if n == restart:
                proc = Processor(settings, clock=Clock())
                proc.rebuild(table.values())
            # the broker's record time: the same for a record however often it is read
            origin = Origin("t.news.raw", 0, n, None, 1_717_200_000.0 + n)  # June 2024
            outcome = proc.handle(raw, origin, table.get)
            assert outcome.analysis is not None and outcome.stored is not None
            table[outcome.analysis.id] = outcome.stored
            out.extend(a.alert_id for a in outcome.analysis.alerts)
            if n % 50 == 49:  # the agent prunes its table as it goes
                for article in proc.expired(table.get):
                    del table[article]
        return out

    straight = alert_ids(None)
    assert len(straight) >= 10
    assert alert_ids(restart_at) == straight
