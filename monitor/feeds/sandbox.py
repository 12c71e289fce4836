"""Parsing each feed in a child process with a time and memory budget.

feedparser is pure Python and runs to completion once started: on the event
loop one heavy document (a huge or pathological feed) stops every other feed
and the producer's heartbeats; in a thread it still holds the GIL and cannot be
stopped. So each parse runs in its own short-lived process, forked from a
forkserver that has the parser imported already (a few milliseconds per feed):

* its address space is capped (`RLIMIT_AS`), so a blow-up ends in a
  `MemoryError` or the child's death, never in the poller's memory;
* it is killed when it overruns its time, and only that feed fails;
* the result (items, skipped reasons) comes back pickled through a pipe.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from monitor.feeds.config import FeedSpec
from monitor.feeds.parse import FeedError, ParsedFeed, parse_feed

_CTX: Any = None


def _context() -> Any:
    global _CTX
    if _CTX is None:
        # forkserver, not fork: the poller has threads (aiohttp's resolver, aiokafka)
        # and forking a threaded process can deadlock the child.
        _CTX = multiprocessing.get_context("forkserver")
        _CTX.set_forkserver_preload(["monitor.feeds.parse"])
    return _CTX


def _child(
    conn: Connection,
    memory_bytes: int,
    data: bytes,
    feed: FeedSpec,
    content_type: str | None,
    max_body_bytes: int,
) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        result: Any = parse_feed(
            data, feed, content_type=content_type, max_body_bytes=max_body_bytes
        )
    except FeedError as exc:
        result = ("error", str(exc))
    except MemoryError:
        result = ("error", f"parsing needed more than {memory_bytes >> 20} MB: stopped")
    except Exception as exc:  # noqa: BLE001 - a parser bug is this feed's error, reported back
        result = ("error", f"parser failed: {type(exc).__name__}: {exc}"[:500])
    try:
        conn.send(result)
    except MemoryError:
        conn.send(("error", f"the parsed feed is over {memory_bytes >> 20} MB: stopped"))
    finally:
        conn.close()


@dataclass(frozen=True)
class ParseBudget:
    timeout_seconds: float = 30.0
    memory_bytes: int = 512 << 20


class SandboxParser:
    """`await parser(data, feed, content_type, max_body_bytes)` -> ParsedFeed, or FeedError."""

    def __init__(self, budget: ParseBudget | None = None) -> None:
        self.budget = budget or ParseBudget()

    async def __call__(
        self, data: bytes, feed: FeedSpec, content_type: str | None, max_body_bytes: int
    ) -> ParsedFeed:
        ctx = _context()
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(
            target=_child,
            args=(send, self.budget.memory_bytes, data, feed, content_type, max_body_bytes),
            daemon=True,
        )
        await asyncio.to_thread(proc.start)
        send.close()  # the child has its copy; EOF here means the child is gone
        try:
            result = await asyncio.wait_for(
                asyncio.to_thread(_receive, receive), self.budget.timeout_seconds
            )
        except TimeoutError:
            raise FeedError(
                f"parsing took longer than {self.budget.timeout_seconds:g} s: stopped"
            ) from None
        finally:
            if proc.is_alive():
                proc.kill()
            await asyncio.to_thread(proc.join, 5)
            receive.close()
        if result is None:
            raise FeedError(
                f"the parser died (exit code {proc.exitcode}); most likely it needed more "
                f"than {self.budget.memory_bytes >> 20} MB"
            )
        if isinstance(result, tuple):
            raise FeedError(str(result[1]))
        assert isinstance(result, ParsedFeed)
        return result


def _receive(conn: Connection) -> Any:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


async def parse_inline(
    data: bytes, feed: FeedSpec, content_type: str | None, max_body_bytes: int
) -> ParsedFeed:
    """Parse in this process (tests, and `--dry-run` on a trusted file)."""
    return parse_feed(data, feed, content_type=content_type, max_body_bytes=max_body_bytes)
