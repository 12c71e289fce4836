"""The feed poller against the real broker: every entry reaches news.raw exactly once.

A local HTTP server serves an Arabic RSS feed, a broken feed and a slow one.
The poller runs twice (the second time as a fresh process reading the state
file); afterwards news.raw holds each entry once, keyed by its id, with a
schema-version header, and the slow feed's entries arrive once it answers.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from monitor.feeds.config import FeedsConfig, FeedSpec, PollerConfig
from monitor.feeds.poller import FeedPoller
from monitor.feeds.sink import KafkaSink
from monitor.settings import Settings
from schemas.base import SCHEMA_VERSION

from .fixtures import ARABIC_FEED, SAMPLE_FEED, item, rss
from .server import FeedServer, Route, feed_server

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def kafka_settings(request: pytest.FixtureRequest) -> Settings:
    settings = Settings()
    if not settings.kafka_bootstrap_servers:
        # started (and stopped) for the session; its settings carry the broker's address
        settings = request.getfixturevalue("local_stack")
        from monitor.stack import up

        up(Settings())
    return settings


@pytest.fixture
async def settings(kafka_settings: Settings) -> AsyncIterator[Settings]:
    from monitor.service.kafka import delete_topics
    from monitor.service.names import TopicNames

    prefix = f"test-feeds-{uuid.uuid4().hex[:8]}."
    s = kafka_settings.model_copy(update={"topic_prefix": prefix})
    try:
        yield s
    finally:
        await delete_topics(s, TopicNames.from_settings(s).all())


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as srv:
        yield srv


async def _read_raw(settings: Settings) -> list[tuple[str, dict, dict]]:
    """news.raw from the beginning to the end offsets it has now (the sink flushed
    before `_poll` returned, so every message sent is below them)."""
    from monitor.service.consume import read_topics
    from monitor.service.names import TopicNames

    raw = TopicNames.from_settings(settings).raw
    records = await read_topics(settings, [raw], idle_seconds=0.0)
    return [((r.key or b"").decode(), json.loads(r.value or b"null"), r.headers) for r in records]


def _config(server: FeedServer) -> FeedsConfig:
    return FeedsConfig(
        poller=PollerConfig(timeout_seconds=1.5, max_bytes=1_000_000),
        feeds=[
            FeedSpec(name="arabic", url=server.url("/arabic.xml")),
            FeedSpec(name="sample", url=server.url("/sample.xml")),
            FeedSpec(name="broken", url=server.url("/broken.xml")),
            FeedSpec(name="slow", url=server.url("/slow.xml")),
        ],
    )


async def _poll(settings: Settings, config: FeedsConfig, state: Path) -> dict[str, str]:
    sink = KafkaSink(settings)
    await sink.start()
    poller = FeedPoller(config, sink, state_path=state)
    try:
        return {o.feed: o.status for o in await poller.poll_once()}
    finally:
        await poller.close()
        await sink.stop()


async def test_every_entry_reaches_news_raw_exactly_once(
    settings: Settings, server: FeedServer, tmp_path: Path
) -> None:
    slow_feed = rss(
        item(10, link="https://slow.example/10"), item(11, link="https://slow.example/11")
    )
    server.routes["/arabic.xml"] = Route(ARABIC_FEED)
    server.routes["/sample.xml"] = Route(SAMPLE_FEED.read_bytes(), etag=False, last_modified=None)
    server.routes["/broken.xml"] = Route(b"\x00\x01 not a feed <<< \xff", content_type="text/plain")
    server.routes["/slow.xml"] = Route(slow_feed, delay=4)
    state = tmp_path / "feeds-state.json"

    first = await _poll(settings, _config(server), state)
    assert first == {"arabic": "ok", "sample": "ok", "broken": "error", "slow": "error"}

    server.routes["/slow.xml"].delay = 0  # the slow feed answers in time now
    second = await _poll(settings, _config(server), state)
    assert second["arabic"] == "not_modified"  # ETag honoured
    assert second["sample"] == "ok"  # no validators: fetched, parsed, nothing new
    assert second["slow"] == "ok" and second["broken"] == "error"

    third = await _poll(settings, _config(server), state)
    assert third["slow"] == "not_modified"

    messages = await _read_raw(settings)
    keys = [key for key, _, _ in messages]
    assert len(keys) == len(set(keys)) == 3 + 4 + 2
    for key, value, headers in messages:
        assert value["id"] == key
        assert headers["schema-version"] == SCHEMA_VERSION
        assert value["body"].strip() and "<p>" not in value["body"]
    sources = sorted(v["source"] for _, v, _ in messages)
    assert sources == ["arabic"] * 3 + ["sample"] * 4 + ["slow"] * 2
