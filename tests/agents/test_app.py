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
    assert set(app.agents) == {"process", "alerts", "index"}
    assert rt.topics.raw.get_topic_name() == "t.news.raw"
    assert rt.topics.raw.partitions == 1
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


async def test_process_agent_routes_analyses_and_dead_letters(
    processed_app: Any, seed_body: str
) -> None:
    app, rt = processed_app
    sent: list[tuple[str, bytes, bytes]] = []

    async def capture(topic: Any, key: bytes, value: bytes, **_: Any) -> None:
        sent.append((topic.get_topic_name(), key, value))

    rt.topics.enriched.send = lambda **kw: capture(rt.topics.enriched, **kw)  # type: ignore[method-assign]
    rt.topics.deadletter.send = lambda **kw: capture(rt.topics.deadletter, **kw)  # type: ignore[method-assign]
    agent = app.agents["process"]
    async with agent.test_context() as ctx:
        await ctx.put(key=b"a1", value=item_bytes(id="a1", source="s1", body=seed_body))
        await ctx.put(key=b"bad", value=b"{not json")
        await ctx.put(key=b"a2", value=item_bytes(id="a2", source="s2", body=seed_body))
    topics = [t for t, _, _ in sent]
    assert topics == ["t.news.enriched", "t.news.deadletter", "t.news.enriched"]
    assert [k for _, k, _ in sent] == [b"a1", b"bad", b"a2"]
    assert set(rt.tables["processed"].keys()) == {"a1", "a2"}
    assert rt.metrics.counts["dead_letters"] == 1


async def test_an_analysis_over_the_message_limit_is_dead_lettered(
    processed_app: Any, seed_body: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import monitor.service.process

    app, rt = processed_app
    monkeypatch.setattr(monitor.service.process, "MAX_MESSAGE_BYTES", 10_000)
    sent: list[tuple[str, bytes]] = []

    async def capture(topic: Any, key: bytes, value: bytes, **_: Any) -> None:
        sent.append((topic.get_topic_name(), value))

    rt.topics.enriched.send = lambda **kw: capture(rt.topics.enriched, **kw)  # type: ignore[method-assign]
    rt.topics.deadletter.send = lambda **kw: capture(rt.topics.deadletter, **kw)  # type: ignore[method-assign]
    async with app.agents["process"].test_context() as ctx:
        await ctx.put(key=b"big", value=item_bytes(id="big", body=seed_body))
        await ctx.put(key=b"small", value=item_bytes(id="small", body="هدنة في قره باغ"))
    assert [t for t, _ in sent] == ["t.news.deadletter", "t.news.enriched"]
    dead = json.loads(sent[0][1])
    assert dead["code"] == "message_too_large" and dead["item_id"] == "big"
    assert "big" in rt.tables["processed"]  # the state still knows the article


async def test_poison_messages_are_dead_lettered_and_the_stream_goes_on(
    processed_app: Any, seed_body: str
) -> None:
    """Each poison kind that used to stop the worker for good (it escaped the agent,
    the event was never acked and every restart died on it again)."""
    app, rt = processed_app
    sent: list[tuple[str, bytes]] = []

    async def capture(topic: Any, key: bytes, value: bytes, **_: Any) -> None:
        sent.append((topic.get_topic_name(), value))

    rt.topics.enriched.send = lambda **kw: capture(rt.topics.enriched, **kw)  # type: ignore[method-assign]
    rt.topics.deadletter.send = lambda **kw: capture(rt.topics.deadletter, **kw)  # type: ignore[method-assign]
    poison = {
        "invalid_unicode": b'{"id": "\\ud800", "body": "\\ud800"}',
        "too_deep": b"[" * 100_000 + b"]" * 100_000,
        "number_too_long": b'{"id": ' + b"7" * 5000 + b', "body": "x"}',
        "invalid_utf8": b'{"body": "\xff"}',
        "empty_message": None,
    }
    async with app.agents["process"].test_context() as ctx:
        await ctx.put(key=b"g1", value=item_bytes(id="g1", body=seed_body))
        for code, value in poison.items():
            await ctx.put(key=code.encode(), value=value)
        await ctx.put(key=b"g2", value=item_bytes(id="g2", body="هدنة في قره باغ"))
    topics = [t for t, _ in sent]
    assert topics == ["t.news.enriched"] + ["t.news.deadletter"] * len(poison) + ["t.news.enriched"]
    dead = [json.loads(v) for t, v in sent if t == "t.news.deadletter"]
    assert [d["code"] for d in dead] == list(poison)
    for record, value in zip(dead, poison.values(), strict=True):
        assert record["error"]
        if value is not None:  # the original bytes, as text or base64
            carried = record["payload"].encode() if record["payload"] else None
            if carried is None:
                import base64

                carried = base64.b64decode(record["payload_base64"])
            assert carried == value
    assert set(rt.tables["processed"].keys()) == {"g1", "g2"}
