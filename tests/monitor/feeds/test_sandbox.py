"""The parse sandbox: each feed in a child process with a time and memory budget;
the feed state file survives truncation."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from monitor.feeds.config import FeedSpec
from monitor.feeds.parse import FeedError
from monitor.feeds.sandbox import ParseBudget, SandboxParser
from monitor.feeds.state import PollerState

from .fixtures import ARABIC_FEED

FEED = FeedSpec(name="t", url="https://example.org/feed")
DEEP = b'<rss version="2.0"><channel>' + b"<x>" * 200_000 + b"</x>" * 200_000 + b"</channel></rss>"


def test_a_feed_parses_in_the_sandbox_as_it_would_inline() -> None:
    parsed = asyncio.run(SandboxParser()(ARABIC_FEED, FEED, None, 1_000_000))
    assert [i.title for i in parsed.items] == ["خبر 1", "خبر 2", "خبر 3"]


def test_a_parse_over_its_time_is_stopped_and_only_that_feed_fails() -> None:
    parser = SandboxParser(ParseBudget(timeout_seconds=0.3))

    async def both() -> list[object]:
        return await asyncio.gather(
            parser(DEEP, FEED, None, 1_000_000),
            parser(ARABIC_FEED, FEED, None, 1_000_000),
            return_exceptions=True,
        )

    slow, good = asyncio.run(both())
    assert isinstance(slow, FeedError) and "longer than 0.3 s" in str(slow)
    assert not isinstance(good, BaseException)


def test_truncated_state_file_is_moved_aside_and_the_poller_starts_afresh(
    tmp_path: Path,
) -> None:
    state = PollerState(10)
    state.seen.add("feed-1")
    path = tmp_path / "state.json"
    state.save(path)
    path.write_bytes(path.read_bytes()[:7])  # a full disk cut it short
    loaded = PollerState.load(path, 10)
    assert loaded.seen.ids() == []
    assert not path.exists()
    [aside] = tmp_path.glob("state.json.corrupt-*")
    assert aside.read_bytes() == b'{"forma'


@pytest.mark.parametrize("content", [b"[1, 2]", b'{"format": 1, "seen": 5}', b"\xff\xfe"])
def test_other_unreadable_state_files_do_not_stop_the_poller(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(content)
    assert len(PollerState.load(path, 10).seen) == 0
