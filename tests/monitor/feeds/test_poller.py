"""The poller with a fake fetcher / local HTTP server and an in-memory sink (no Kafka)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.feeds.config import FeedsConfig, FeedSpec, PollerConfig
from monitor.feeds.fetch import FetchResult, HttpFetcher, Validators
from monitor.feeds.poller import FeedPoller
from monitor.feeds.sink import MemorySink
from monitor.feeds.state import PollerState, SeenIds

from .fixtures import ARABIC_FEED, ENTITY_BOMB, NOT_XML, item, rss
from .server import FeedServer, Route, feed_server


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as srv:
        yield srv


def _config(server: FeedServer, *paths: str, timeout: float = 2.0, **poller: object) -> FeedsConfig:
    return FeedsConfig(
        poller=PollerConfig(timeout_seconds=timeout, **poller),  # type: ignore[arg-type]
        feeds=[FeedSpec(name=p.strip("/"), url=server.url(p)) for p in paths],
    )


async def test_new_entries_are_sent_once(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/ar.xml"] = Route(ARABIC_FEED)
    sink = MemorySink()
    state_path = tmp_path / "state.json"
    poller = FeedPoller(_config(server, "/ar.xml"), sink, state_path=state_path)
    try:
        first = await poller.poll_once()
        second = await poller.poll_once()
    finally:
        await poller.close()
    assert [o.new for o in first] == [3]
    assert second[0].status == "not_modified"  # the ETag came back: 304
    assert server.routes["/ar.xml"].conditional_hits == 1
    assert len(sink.items) == 3
    assert len({i.id for i in sink.items}) == 3


async def test_seen_ids_survive_a_restart(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/ar.xml"] = Route(ARABIC_FEED, etag=False, last_modified=None)
    sink = MemorySink()
    state_path = tmp_path / "state.json"
    for _ in range(2):  # two "processes", same state file
        poller = FeedPoller(_config(server, "/ar.xml"), sink, state_path=state_path)
        try:
            await poller.poll_once()
        finally:
            await poller.close()
    assert len(sink.items) == 3
    assert server.routes["/ar.xml"].hits == 2


async def test_a_changed_feed_sends_only_the_new_entries(server: FeedServer) -> None:
    server.routes["/f.xml"] = Route(rss(item(1, link="https://e/1")))
    sink = MemorySink()
    poller = FeedPoller(_config(server, "/f.xml"), sink)
    try:
        await poller.poll_once()
        server.routes["/f.xml"].body = rss(item(2, link="https://e/2"), item(1, link="https://e/1"))
        outcome = (await poller.poll_once())[0]
    finally:
        await poller.close()
    assert outcome.new == 1 and outcome.entries == 2
    assert [i.url for i in sink.items] == ["https://e/1", "https://e/2"]


async def test_one_broken_feed_never_stops_the_others(server: FeedServer) -> None:
    server.routes["/good.xml"] = Route(ARABIC_FEED)
    server.routes["/html.xml"] = Route(NOT_XML, content_type="text/html")
    server.routes["/bomb.xml"] = Route(ENTITY_BOMB)
    server.routes["/500.xml"] = Route(b"oops", status=500)
    server.routes["/slow.xml"] = Route(ARABIC_FEED, delay=3)
    server.routes["/huge.xml"] = Route(endless=True)
    config = _config(
        server,
        "/good.xml",
        "/html.xml",
        "/bomb.xml",
        "/500.xml",
        "/slow.xml",
        "/huge.xml",
        "/missing.xml",
        timeout=1.0,
        max_bytes=200_000,
    )
    sink = MemorySink()
    poller = FeedPoller(config, sink)
    try:
        outcomes = {o.feed: o for o in await poller.poll_once()}
    finally:
        await poller.close()
    assert outcomes["good.xml"].status == "ok" and outcomes["good.xml"].new == 3
    errors = {name: o.error or "" for name, o in outcomes.items() if o.status == "error"}
    assert set(errors) == {"html.xml", "bomb.xml", "500.xml", "slow.xml", "huge.xml", "missing.xml"}
    assert "ENTITY" in errors["bomb.xml"]
    assert "HTTP 500" in errors["500.xml"]
    assert "timed out" in errors["slow.xml"]
    assert "larger than" in errors["huge.xml"]
    assert "HTTP 404" in errors["missing.xml"]
    assert len(sink.items) == 3


async def test_a_failed_delivery_is_retried_next_poll(server: FeedServer) -> None:
    server.routes["/ar.xml"] = Route(ARABIC_FEED)
    sink = MemorySink(fail_after=0)
    poller = FeedPoller(_config(server, "/ar.xml"), sink)
    try:
        failed = (await poller.poll_once())[0]
        sink.fail_after = None
        retried = (await poller.poll_once())[0]
    finally:
        await poller.close()
    assert failed.status == "error" and "broker unavailable" in (failed.error or "")
    # Neither the ids nor the ETag were remembered, so the next poll fetches and sends all.
    assert retried.status == "ok" and retried.new == 3
    assert len(sink.items) == 3


async def test_declared_content_length_over_the_cap_is_refused(server: FeedServer) -> None:
    server.routes["/big.xml"] = Route(ARABIC_FEED + b" " * 10_000)
    fetcher = HttpFetcher(timeout=2, max_bytes=5_000, user_agent="t")
    try:
        result = await fetcher(FeedSpec(name="big", url=server.url("/big.xml")), Validators())
    finally:
        await fetcher.close()
    assert result.error and "larger than" in result.error


async def test_local_file_feed(tmp_path: Path) -> None:
    path = tmp_path / "f.xml"
    path.write_bytes(ARABIC_FEED)
    config = FeedsConfig(feeds=[FeedSpec(name="file", path=path)])
    sink = MemorySink()
    poller = FeedPoller(config, sink)
    try:
        await poller.poll_once()
        await poller.poll_once()
    finally:
        await poller.close()
    assert len(sink.items) == 3


class ScriptedFetcher:
    """Returns prepared results in order (a test double for the network)."""

    def __init__(self, results: list[FetchResult]) -> None:
        self.results = results
        self.seen_validators: list[Validators] = []

    async def __call__(self, feed: FeedSpec, validators: Validators) -> FetchResult:
        self.seen_validators.append(validators)
        return self.results.pop(0)


async def test_validators_are_stored_only_after_delivery() -> None:
    feed = FeedSpec(name="f", url="https://example.org/f.xml")
    v1 = Validators(etag='"v1"', last_modified="Thu, 21 Sep 2023 10:00:00 GMT")
    fetcher = ScriptedFetcher(
        [
            FetchResult(feed, status=200, body=ARABIC_FEED, validators=v1),
            FetchResult(feed, status=304, not_modified=True, validators=v1),
        ]
    )
    poller = FeedPoller(FeedsConfig(feeds=[feed]), MemorySink(), fetcher=fetcher)
    await poller.poll_once()
    await poller.poll_once()
    assert fetcher.seen_validators == [Validators(), v1]


async def test_exception_in_fetcher_is_contained() -> None:
    feed_a = FeedSpec(name="a", url="https://example.org/a.xml")
    feed_b = FeedSpec(name="b", url="https://example.org/b.xml")

    async def fetch(feed: FeedSpec, validators: Validators) -> FetchResult:
        if feed.name == "a":
            raise RuntimeError("boom")
        return FetchResult(feed, status=200, body=ARABIC_FEED)

    sink = MemorySink()
    poller = FeedPoller(FeedsConfig(feeds=[feed_a, feed_b]), sink, fetcher=fetch)
    outcomes = {o.feed: o for o in await poller.poll_once()}
    assert outcomes["a"].status == "error" and "boom" in (outcomes["a"].error or "")
    assert outcomes["b"].new == 3


def test_seen_ids_are_bounded() -> None:
    seen = SeenIds(3, ["a", "b", "c"])
    seen.add("d")
    assert "a" not in seen and "d" in seen and len(seen) == 3
    seen.add("b")  # refreshed: now the newest
    seen.add("e")
    assert "c" not in seen and "b" in seen


def test_state_round_trip(tmp_path: Path) -> None:
    state = PollerState(10)
    state.seen.add("feed-1")
    state.validators["https://e/f"] = Validators(etag='"x"', last_modified=None)
    path = tmp_path / "sub" / "state.json"
    state.save(path)
    loaded = PollerState.load(path, 10)
    assert "feed-1" in loaded.seen
    assert loaded.validators["https://e/f"].etag == '"x"'
    assert PollerState.load(tmp_path / "absent.json", 10).seen.ids() == []


async def test_run_polls_at_the_interval_until_stopped(tmp_path: Path) -> None:
    import asyncio

    path = tmp_path / "f.xml"
    path.write_bytes(ARABIC_FEED)
    config = FeedsConfig(
        poller=PollerConfig(interval_seconds=0.05),
        feeds=[FeedSpec(name="file", path=path)],
    )
    calls = 0
    third_poll = asyncio.Event()

    class Counting(HttpFetcher):
        async def __call__(self, feed: FeedSpec, validators: Validators) -> FetchResult:
            nonlocal calls
            calls += 1
            if calls == 3:
                third_poll.set()
            return await super().__call__(feed, validators)

    sink = MemorySink()
    state_path = tmp_path / "state.json"
    poller = FeedPoller(
        config,
        sink,
        state_path=state_path,
        fetcher=Counting(timeout=1, max_bytes=1_000_000, user_agent="t"),
    )
    stop = asyncio.Event()
    task = asyncio.create_task(poller.run(stop))
    await asyncio.wait_for(third_poll.wait(), timeout=10)  # 0.05 s apart, so about 0.1 s
    stop.set()
    await asyncio.wait_for(task, timeout=2)
    assert calls >= 3
    assert len(sink.items) == 3  # polled many times, sent once
    assert state_path.exists()  # the heartbeat the compose health check reads
