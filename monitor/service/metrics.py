"""Counters and rates for the health and metrics pages (no framework imports)."""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RATE_WINDOW_SECONDS = 60.0


@dataclass
class Metrics:
    """What the worker has done since it started; read by the web views."""

    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    counts: Counter[str] = field(default_factory=Counter)
    dead_letters: Counter[str] = field(default_factory=Counter)
    #: (topic, partition) -> last offset handled, for consumer lag.
    positions: dict[tuple[str, int], int] = field(default_factory=dict)
    #: name -> [whole second, events in it], oldest first: at most a minute of
    #: buckets, so a rate costs the same at 1 or 1,000 events a second.
    _events: dict[str, deque[list[int]]] = field(default_factory=dict)
    last_error: str = ""
    es_available: bool = True
    #: Why the last active check of each server failed (absent: it answered).
    unreachable: dict[str, str] = field(default_factory=dict)
    #: The collector's steps (agents/collector.py): how many, the longest pause, and
    #: the objects frozen after the last one.
    gc_steps: int = 0
    gc_step_max_seconds: float = 0.0
    gc_frozen: int = 0
    #: Its full steps (everything collected, frozen objects too): how many, the longest.
    gc_full_steps: int = 0
    gc_full_step_max_seconds: float = 0.0
    #: "topic:partition" -> {"waiting", "seconds"}: partitions with messages waiting
    #: whose position has not moved for a while (agents/watch.py).
    stalled: dict[str, dict[str, float]] = field(default_factory=dict)
    #: The consumer's fetch wait (ms) as of the last look (agents/transport.py):
    #: faust's 1500 while the group moves, the short one once it holds still.
    fetch_wait_ms: int | None = None

    def __post_init__(self) -> None:
        if not self.started:
            self.started = self.clock()

    def count(self, name: str, n: int = 1) -> None:
        self.counts[name] += n
        window = self._events.get(name)
        if window is None:
            window = self._events[name] = deque()
        second = int(self.clock())
        if window and window[-1][0] == second:
            window[-1][1] += n
            return
        window.append([second, n])
        while window[0][0] < second - RATE_WINDOW_SECONDS:
            window.popleft()

    def dead_letter(self, stage: str, code: str) -> None:
        self.dead_letters[f"{stage}:{code}"] += 1
        self.count("dead_letters")

    def gc_step(self, seconds: float, frozen: int, full: bool = False) -> None:
        if full:
            self.gc_full_steps += 1
            self.gc_full_step_max_seconds = max(self.gc_full_step_max_seconds, seconds)
        else:
            self.gc_steps += 1
            self.gc_step_max_seconds = max(self.gc_step_max_seconds, seconds)
        self.gc_frozen = frozen

    def positions_by_name(self) -> dict[str, int]:
        """Each partition's last handled offset, keyed as the lag is ("topic:partition")."""
        return {f"{topic}:{partition}": o for (topic, partition), o in self.positions.items()}

    def position(self, topic: str, partition: int, offset: int) -> None:
        self.positions[(topic, partition)] = offset

    def rate(self, name: str) -> float:
        """Events per second over the last minute (or since start, if shorter)."""
        window = self._events.get(name)
        if not window:
            return 0.0
        now = self.clock()
        span = min(RATE_WINDOW_SECONDS, max(now - self.started, 1e-9))
        # A bucket counts whole if its second began within the window.
        return sum(n for second, n in window if second >= int(now - span)) / span

    def lag(self, highwater: Callable[[str, int], int | None]) -> dict[str, int]:
        """Messages not yet handled per partition: high watermark - (last offset + 1)."""
        out: dict[str, int] = {}
        for (topic, partition), offset in sorted(self.positions.items()):
            hw = highwater(topic, partition)
            if hw is not None:
                out[f"{topic}:{partition}"] = max(0, hw - offset - 1)
        return out

    def snapshot(self, highwater: Callable[[str, int], int | None] | None = None) -> dict[str, Any]:
        names = (
            "received",
            "prepared",
            "sequenced",
            "enriched",
            "replayed",
            "alerts",
            "indexed",
            "dead_letters",
        )
        lag = self.lag(highwater) if highwater else {}
        return {
            "uptime_seconds": round(self.clock() - self.started, 1),
            "counts": dict(self.counts),
            "rates_per_second": {n: round(self.rate(n), 2) for n in names},
            "dead_letters": {
                "total": self.counts.get("dead_letters", 0),
                "by_reason": dict(self.dead_letters),
            },
            "consumer_lag": {"total": sum(lag.values()), "partitions": lag},
            "stalled_partitions": dict(self.stalled),
            "kafka_fetch_wait_ms": self.fetch_wait_ms,
            "elasticsearch_available": self.es_available
            and "elasticsearch" not in self.unreachable,
            "unreachable": dict(self.unreachable),
            "last_error": self.last_error,
            "gc": {
                "steps": self.gc_steps,
                "step_max_ms": round(self.gc_step_max_seconds * 1000, 1),
                "frozen_objects": self.gc_frozen,
                "full_steps": self.gc_full_steps,
                "full_step_max_ms": round(self.gc_full_step_max_seconds * 1000, 1),
            },
        }
