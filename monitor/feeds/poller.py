"""The poll loop: fetch every feed, keep only unseen entries, deliver them, remember them.

Order per feed, chosen so an entry is neither lost nor delivered twice:

1. fetch (conditional on the last ETag / Last-Modified);
2. parse into items and drop ids already seen (and repeats within the fetch);
3. deliver the new items and wait for the broker's acknowledgement;
4. only then remember their ids and the new validators, and save the state.

A crash between 3 and 4 re-delivers those items on the next run (at least once;
the pipeline's idempotent sinks absorb it), never skips them. A failure in one
feed is logged and counted; the others go on.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from monitor.feeds.config import FeedsConfig, FeedSpec
from monitor.feeds.fetch import Fetcher, FetchResult, HttpFetcher, Validators
from monitor.feeds.parse import FeedError, ParsedFeed
from monitor.feeds.sandbox import ParseBudget, SandboxParser
from monitor.feeds.sink import NewsSink
from monitor.feeds.state import PollerState

log = logging.getLogger(__name__)

Status = Literal["ok", "not_modified", "error"]

#: (bytes, feed, content type, max body bytes) -> ParsedFeed, or raises FeedError.
Parser = Callable[[bytes, FeedSpec, str | None, int], Awaitable[ParsedFeed]]


@dataclass(frozen=True)
class FeedOutcome:
    feed: str
    status: Status
    entries: int = 0
    new: int = 0
    skipped: int = 0
    error: str | None = None
    elapsed: float = 0.0

    def describe(self) -> str:
        if self.status == "error":
            return f"feed={self.feed} status=error error={self.error!r}"
        return (
            f"feed={self.feed} status={self.status} entries={self.entries} new={self.new} "
            f"skipped={self.skipped} elapsed={self.elapsed:.2f}s"
        )


class FeedPoller:
    def __init__(
        self,
        config: FeedsConfig,
        sink: NewsSink,
        *,
        state: PollerState | None = None,
        state_path: Path | None = None,
        fetcher: Fetcher | None = None,
        max_body_bytes: int = 1_000_000,
        clock: Callable[[], float] = time.monotonic,
        parser: Parser | None = None,
    ) -> None:
        self.config = config
        self.sink = sink
        self.state_path = state_path
        if state is None:
            capacity = config.poller.max_seen_ids
            state = PollerState.load(state_path, capacity) if state_path else PollerState(capacity)
        self.state = state
        self._own_fetcher = fetcher is None
        self.fetcher: Fetcher = fetcher or HttpFetcher(
            timeout=config.poller.timeout_seconds,
            max_bytes=config.poller.max_bytes,
            user_agent=config.poller.user_agent,
        )
        self.max_body_bytes = max_body_bytes
        self._clock = clock
        self.parser: Parser = parser or SandboxParser(
            ParseBudget(
                timeout_seconds=config.poller.parse_timeout_seconds,
                memory_bytes=config.poller.parse_memory_mb << 20,
            )
        )
        self._semaphore = asyncio.Semaphore(config.poller.concurrency)
        # One feed's items are delivered and recorded at a time, so the state file
        # never races with itself.
        self._commit_lock = asyncio.Lock()

    async def close(self) -> None:
        if self._own_fetcher and isinstance(self.fetcher, HttpFetcher):
            await self.fetcher.close()

    # --- one feed ---------------------------------------------------------------------

    async def poll_feed(self, feed: FeedSpec) -> FeedOutcome:
        started = self._clock()
        try:
            async with self._semaphore:
                validators = self.state.validators.get(feed.location) or Validators()
                result = await self.fetcher(feed, validators)
            outcome = await self._handle(feed, result, started)
        except Exception as exc:  # noqa: BLE001 - one broken feed must not stop the others
            outcome = FeedOutcome(
                feed.name,
                "error",
                error=f"{type(exc).__name__}: {exc}",
                elapsed=self._clock() - started,
            )
        level = logging.WARNING if outcome.status == "error" else logging.INFO
        log.log(level, "feed polled %s", outcome.describe())
        return outcome

    async def _handle(self, feed: FeedSpec, result: FetchResult, started: float) -> FeedOutcome:
        if result.error is not None:
            return FeedOutcome(feed.name, "error", error=result.error, elapsed=result.elapsed)
        if result.not_modified or result.body is None:
            return FeedOutcome(feed.name, "not_modified", elapsed=result.elapsed)
        try:
            # Off the event loop, in a child process with a time and memory budget.
            parsed = await self.parser(result.body, feed, result.content_type, self.max_body_bytes)
        except FeedError as exc:
            return FeedOutcome(feed.name, "error", error=str(exc), elapsed=result.elapsed)
        if parsed.warning:
            log.info("feed parsed with warnings feed=%s warning=%r", feed.name, parsed.warning)
        for reason in parsed.skipped:
            log.warning("feed entry skipped feed=%s reason=%r", feed.name, reason)

        ingested = datetime.fromtimestamp(time.time(), UTC)
        async with self._commit_lock:
            fresh, batch_ids = [], set()
            for item in parsed.items:
                assert item.id is not None
                if item.id in self.state.seen or item.id in batch_ids:
                    continue
                batch_ids.add(item.id)
                # The poll is when the item entered the monitor: its event time if
                # the feed gives no date, kept through every later replay.
                fresh.append(item.model_copy(update={"ingested_at": ingested}))
            if fresh:
                await self.sink.send_many(fresh)
            for item in fresh:
                self.state.seen.add(item.id or "")
            self.state.validators[feed.location] = result.validators
            self.save()
        return FeedOutcome(
            feed.name,
            "ok",
            entries=parsed.entries,
            new=len(fresh),
            skipped=len(parsed.skipped),
            elapsed=self._clock() - started,
        )

    def save(self) -> None:
        if self.state_path is not None:
            self.state.save(self.state_path)

    # --- all feeds ----------------------------------------------------------------------

    async def poll_once(self, feeds: list[FeedSpec] | None = None) -> list[FeedOutcome]:
        """Poll the given (default: all enabled) feeds concurrently, once."""
        targets = self.config.enabled() if feeds is None else feeds
        outcomes = list(await asyncio.gather(*(self.poll_feed(f) for f in targets)))
        # Written after every round, even when nothing changed: its mtime is the
        # poller's heartbeat (the compose health check reads it).
        async with self._commit_lock:
            self.save()
        return outcomes

    async def run(self, stop: asyncio.Event) -> None:
        """Poll each feed at its interval until `stop` is set."""
        due: dict[str, float] = {f.name: self._clock() for f in self.config.enabled()}
        by_name = {f.name: f for f in self.config.enabled()}
        if not by_name:
            raise ValueError("no enabled feeds in the config")
        while not stop.is_set():
            now = self._clock()
            ready = [by_name[n] for n, t in due.items() if t <= now]
            if ready:
                await self.poll_once(ready)
                finished = self._clock()
                for feed in ready:
                    due[feed.name] = finished + self.config.interval(feed)
            wait = max(0.0, min(due.values()) - self._clock())
            try:
                await asyncio.wait_for(stop.wait(), timeout=wait)
            except TimeoutError:
                pass
