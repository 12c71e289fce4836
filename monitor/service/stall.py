"""Telling a worker that stands still: messages waiting on a partition whose
position has not moved for a while (no framework imports).

A consumer can stop without an error: a fetcher that never resumes after a
rebalance, an agent awaiting a call that never returns. Its log then goes
quiet, its health page stays green, and nothing says that news waits. The
watch compares each partition's handled position between looks: a partition
with messages waiting whose position has not moved for `threshold` seconds is
stalled, and it is stalled until it moves again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Stall:
    partition: str  # "topic:partition"
    waiting: int  # messages behind the high watermark
    seconds: float  # since its position last moved


@dataclass
class StallWatch:
    threshold: float
    #: partition -> (position, when it was last seen to change)
    _seen: dict[str, tuple[int, float]] = field(default_factory=dict)
    #: partitions reported stalled and not moved since
    stalled: dict[str, Stall] = field(default_factory=dict)

    def observe(
        self, now: float, positions: Mapping[str, int], lag: Mapping[str, int]
    ) -> tuple[list[Stall], list[str]]:
        """(partitions that have just become stalled, partitions that moved again
        after a stall), given each partition's handled position and waiting count."""
        began: list[Stall] = []
        moved: list[str] = []
        for partition, position in positions.items():
            last = self._seen.get(partition)
            if last is None or last[0] != position:
                self._seen[partition] = (position, now)
                if self.stalled.pop(partition, None) is not None:
                    moved.append(partition)
                continue
            waiting = lag.get(partition, 0)
            still = now - last[1]
            if waiting <= 0:
                # caught up: nothing waits, so standing still is right
                self._seen[partition] = (position, now)
                if self.stalled.pop(partition, None) is not None:
                    moved.append(partition)
            elif still >= self.threshold:
                stall = Stall(partition, waiting, round(still, 1))
                if partition not in self.stalled:
                    began.append(stall)
                self.stalled[partition] = stall
        return began, moved
