"""The faust app as built from the settings: names, tables, web binding, and the
process agent driven through faust's `test_context()` (no broker)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import agents
from agents.app import make_app
from monitor.settings import Settings
from tests.monitor.service.conftest import item_bytes

REPO = Path(__file__).resolve().parents[2]


def test_agents_package_is_this_repository() -> None:
    # `agents` is a generic name (another PyPI package installs one).
    assert Path(agents.__file__).resolve().parent == REPO / "agents"


def test_app_from_settings(settings: Settings) -> None:
    app, rt = make_app(settings)
    assert app.conf.id == "t.karabakh-monitor"
    assert app.conf.web_bind == "127.0.0.1"
    assert set(app.agents) == {"prepare", "process", "alerts", "index"}
    assert rt.topics.raw.get_topic_name() == "t.news.raw"
    assert rt.topics.raw.partitions == settings.topic_partitions
    assert rt.topics.prepared.get_topic_name() == "t.news.prepared"
    # the table is co-partitioned with the one topic it is written from
    assert rt.topics.prepared.partitions == 1
    assert rt.topics.enriched.partitions == settings.topic_partitions
    processed, sent = rt.tables["processed"], rt.tables["alerts_sent"]
    # plain tables (windowed ones did not survive restarts), with changelogs
    assert processed.window is None and sent.window is None
    assert processed.changelog_topic.get_topic_name() == "t.karabakh-monitor-processed-changelog"
    assert processed.partitions == 1
    assert sent.partitions == settings.topic_partitions


def test_web_has_no_table_browser(settings: Settings) -> None:
    from agents.web import LoopbackWeb

    paths = [p for p, _ in LoopbackWeb.default_blueprints]
    assert "/table" not in paths


@pytest.fixture
def processed_app(settings: Settings) -> Iterator[Any]:
    app, rt = make_app(settings)
    yield app, rt
    # Streams reach `app.consumer`, whose consumer thread owns an event loop that is
    # never started in a test context; close it (and its self-pipe sockets).
    thread = getattr(app.consumer, "_thread", None)
    loop = getattr(thread, "thread_loop", None)
    if loop is not None and not loop.is_closed():
        loop.close()


def _capture(rt: Any) -> list[tuple[str, bytes, bytes]]:
    """What the agents send to news.prepared, news.enriched and news.deadletter."""
    sent: list[tuple[str, bytes, bytes]] = []

    async def capture(topic: Any, key: bytes, value: bytes, **_: Any) -> None:
        sent.append((topic.get_topic_name(), key, value))

    for topic in (rt.topics.prepared, rt.topics.enriched, rt.topics.deadletter):
        topic.send = lambda topic=topic, **kw: capture(topic, **kw)
    return sent


async def _through_both_stages(
    app: Any, sent: list[tuple[str, bytes, bytes]], values: list[tuple[bytes, bytes | None]]
) -> list[tuple[str, bytes, bytes]]:
    """`values` through the prepare agent, then what it sent to news.prepared through
    the process agent, as the two stages run in a worker; returns everything sent
    that is not a prepared message, in order."""
    async with app.agents["prepare"].test_context() as ctx:
        for key, value in values:
            await ctx.put(key=key, value=value)
    prepared = [(k, v) for t, k, v in sent if t == "t.news.prepared"]
    async with app.agents["process"].test_context() as ctx:
        for key, value in prepared:
            await ctx.put(key=key, value=value)
    return [s for s in sent if s[0] != "t.news.prepared"]


async def test_the_two_agents_route_analyses_and_dead_letters(
    processed_app: Any, seed_body: str
) -> None:
    app, rt = processed_app
    sent = _capture(rt)
    out = await _through_both_stages(
        app,
        sent,
        [
            (b"a1", item_bytes(id="a1", source="s1", body=seed_body)),
            (b"bad", b"{not json"),
            (b"a2", item_bytes(id="a2", source="s2", body=seed_body)),
        ],
    )
    # the dead letter leaves at the prepare stage, the analyses at the ordered one
    assert [(t, k) for t, k, _ in out] == [
        ("t.news.deadletter", b"bad"),
        ("t.news.enriched", b"a1"),
        ("t.news.enriched", b"a2"),
    ]
    assert json.loads(out[0][2])["stage"] == "parse"
    assert [k for t, k, _ in sent if t == "t.news.prepared"] == [b"a1", b"a2"]
    assert set(rt.tables["processed"].keys()) == {"a1", "a2"}
    # a2 repeats a1: decided in order, across the message between the stages
    assert json.loads(out[2][2])["republication_of"]["article"] == "a1"
    assert rt.metrics.counts["dead_letters"] == 1
    assert rt.metrics.counts["prepared"] == 2 and rt.metrics.counts["sequenced"] == 2


async def test_an_analysis_over_the_message_limit_is_dead_lettered(
    processed_app: Any, seed_body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import monitor.service.process

    app, rt = processed_app
    monkeypatch.setattr(monitor.service.process, "MAX_MESSAGE_BYTES", 10_000)
    sent = _capture(rt)
    out = await _through_both_stages(
        app,
        sent,
        [
            (b"big", item_bytes(id="big", body=seed_body)),
            (b"small", item_bytes(id="small", body="هدنة في قره باغ")),
        ],
    )
    assert [t for t, _, _ in out] == ["t.news.deadletter", "t.news.enriched"]
    dead = json.loads(out[0][2])
    assert dead["code"] == "message_too_large" and dead["item_id"] == "big"
    assert dead["stage"] == "process" and dead["topic"] == "t.news.prepared"
    assert "big" in rt.tables["processed"]  # the state still knows the article


async def test_poison_messages_are_dead_lettered_and_the_stream_goes_on(
    processed_app: Any, seed_body: str
) -> None:
    """Each poison kind that used to stop the worker for good (it escaped the agent,
    the event was never acked and every restart died on it again)."""
    app, rt = processed_app
    sent = _capture(rt)
    poison: dict[str, bytes | None] = {
        "invalid_unicode": b'{"id": "\\ud800", "body": "\\ud800"}',
        "too_deep": b"[" * 100_000 + b"]" * 100_000,
        "number_too_long": b'{"id": ' + b"7" * 5000 + b', "body": "x"}',
        "invalid_utf8": b'{"body": "\xff"}',
        "empty_message": None,
    }
    values: list[tuple[bytes, bytes | None]] = [(b"g1", item_bytes(id="g1", body=seed_body))]
    values += [(code.encode(), value) for code, value in poison.items()]
    values.append((b"g2", item_bytes(id="g2", body="هدنة في قره باغ")))
    out = await _through_both_stages(app, sent, values)
    topics = [t for t, _, _ in out]
    assert topics == ["t.news.deadletter"] * len(poison) + ["t.news.enriched"] * 2
    dead = [json.loads(v) for t, _, v in out if t == "t.news.deadletter"]
    assert [d["code"] for d in dead] == list(poison)
    for record, value in zip(dead, poison.values(), strict=True):
        assert record["error"] and record["stage"] == "parse"
        if value is not None:  # the original bytes, as text or base64
            carried = record["payload"].encode() if record["payload"] else None
            if carried is None:
                import base64

                carried = base64.b64decode(record["payload_base64"])
            assert carried == value
    assert set(rt.tables["processed"].keys()) == {"g1", "g2"}
