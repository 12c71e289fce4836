"""Event time: when each item happened, and how far the stream has got.

Every decision of the ordered state (which story an article joins, whether a
figure is newer than the one alerted, what the dedup memory and the stories
forget) is taken on the items' *event time*, never on the clock of the machine
processing them, so that a backfill, a replay of an archive and a catch-up after
an outage say exactly what the monitor said (or would have said) live. The
model is the one of Flink and Kafka Streams:

- an item's event time is its `published_at`, or, when it has none, the time it
  was first ingested (`ingested_at`, stamped by the producer or the feed poller;
  the Kafka record's timestamp or the reading time when that is missing too);
- the *watermark* is the latest event time seen so far: it only moves forward,
  and state is aged against it (a story idle for 30 days of event time is
  forgotten, whether those days passed yesterday or in 2015);
- an item published more than `allowed_lateness` before the watermark is *late*:
  it is still analysed, indexed and joined to its story, and marked late;
- a clock that lies (a date beyond `future_tolerance` after the ingest time, or
  before `oldest_plausible`) is not believed: the item is handled at its ingest
  time, flagged, and moves neither the watermark nor anything's age.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")

#: Before this no news item in any archive the monitor reads was written (the
#: Karabakh conflict itself starts in 1988): a date earlier than this is a default
#: value or a parsing accident ("1900-01-01", the epoch), not a publication time.
OLDEST_PLAUSIBLE = datetime(1980, 1, 1, tzinfo=UTC).timestamp()

ClockVerdict = Literal["ok", "future", "too_old", "missing"]


@dataclass(frozen=True, slots=True)
class EventTime:
    """How one item is placed in event time."""

    at: float
    """The time the state uses for it (seconds since the epoch)."""
    source: Literal["published", "ingested"]
    clock: ClockVerdict
    """`ok`, or why `published_at` was not used: `future`, `too_old`, `missing`."""
    late: bool
    lateness: float
    """Seconds behind the watermark when it arrived (0 when in order)."""


class EventClock:
    """The watermark of one ordered stream, and the verdict on each item's time."""

    def __init__(
        self,
        *,
        allowed_lateness: float = 6 * 3600.0,
        future_tolerance: float = 24 * 3600.0,
        oldest_plausible: float = OLDEST_PLAUSIBLE,
    ) -> None:
        if allowed_lateness < 0 or future_tolerance < 0:
            raise ValueError("allowed_lateness and future_tolerance must not be negative")
        self.allowed_lateness = allowed_lateness
        self.future_tolerance = future_tolerance
        self.oldest_plausible = oldest_plausible
        self.watermark: float | None = None

    def verdict(self, published_at: datetime | None, ingested_at: float) -> ClockVerdict:
        """Whether `published_at` is believed, given when the item was ingested."""
        if published_at is None:
            return "missing"
        published = published_at.timestamp()
        if published > ingested_at + self.future_tolerance:
            return "future"
        if published < self.oldest_plausible:
            return "too_old"
        return "ok"

    def believed(self, published_at: datetime | None, ingested_at: float) -> float:
        """The item's time as far as ordering goes, without moving the watermark."""
        if published_at is not None and self.verdict(published_at, ingested_at) == "ok":
            return published_at.timestamp()
        return ingested_at

    def place(self, published_at: datetime | None, ingested_at: float) -> EventTime:
        """The event time of an item published at `published_at` and ingested at
        `ingested_at`; advances the watermark when the item's clock is believed."""
        verdict = self.verdict(published_at, ingested_at)
        source: Literal["published", "ingested"]
        if verdict == "ok":
            assert published_at is not None
            at, source = published_at.timestamp(), "published"
        else:
            at, source = ingested_at, "ingested"
        wm = self.watermark
        lateness = max(0.0, wm - at) if wm is not None else 0.0
        if verdict in ("ok", "missing"):
            # An undated item's ingest time is a true clock; a lying date is not.
            self.watermark = at if wm is None else max(wm, at)
        elif wm is not None:
            # Handled at its ingest time, but never ahead of the stream: in a
            # replay of 2015 news, "now" would look like the far future.
            at = min(at, wm)
            lateness = 0.0
        return EventTime(
            at=at,
            source=source,
            clock=verdict,
            late=lateness > self.allowed_lateness,
            lateness=lateness,
        )

    def restore(self, at: float, clock: ClockVerdict) -> None:
        """Advance the watermark as `place` did for a stored item (recovery)."""
        if clock in ("ok", "missing"):
            self.watermark = at if self.watermark is None else max(self.watermark, at)

    def to_json(self) -> dict[str, Any]:
        return {"watermark": self.watermark}

    def load_json(self, data: dict[str, Any]) -> None:
        wm = data.get("watermark")
        self.watermark = float(wm) if wm is not None else None


class Reorderer(Generic[T]):
    """Puts a stream back in event-time order, within a bound.

    Items are held until the latest event time seen is `delay` past theirs, then
    released oldest first (ties in arrival order): any stream shuffled by less
    than `delay` comes out in the same order, so the ordered state downstream
    (dedup, stories, alerts) decides exactly as on the ordered stream. The price
    is that an item is decided only once the stream has moved `delay` beyond it
    (Flink's bounded out-of-orderness); `flush` releases the rest at the end. An
    item arriving after its time was released is released at once.
    """

    def __init__(self, delay: float) -> None:
        if delay < 0:
            raise ValueError("delay must not be negative")
        self.delay = delay
        self._heap: list[tuple[float, int, T]] = []
        self._arrivals = 0
        self._latest: float | None = None

    def __len__(self) -> int:
        return len(self._heap)

    def push(self, at: float, item: T) -> list[T]:
        """Hold `item` (event time `at`); returns the items now released, in order."""
        heapq.heappush(self._heap, (at, self._arrivals, item))
        self._arrivals += 1
        self._latest = at if self._latest is None else max(self._latest, at)
        horizon = self._latest - self.delay
        out: list[T] = []
        while self._heap and self._heap[0][0] <= horizon:
            out.append(heapq.heappop(self._heap)[2])
        return out

    def flush(self) -> list[T]:
        """Everything still held, in order (the end of a finite stream)."""
        out = [entry[2] for entry in sorted(self._heap, key=lambda e: (e[0], e[1]))]
        self._heap.clear()
        return out
