"""The worker's garbage collector: short pauses at a steady pace instead of long ones.

CPython's full collection walks every object the collector tracks, and the
worker's grow with the stream (the `processed` table's records, about 20
tracked objects an article, stories, alert state). Left alone, a full
collection came about every 11 s at 50 articles/s and took 240-540 ms once a
few thousand articles were in (`scripts/bench_service.py` with a probe of GC
callbacks, 2-core machine at load average 3-4): every agent of the event loop
stood still meanwhile, and those stalls were the p99 of produce->alert.

Every `MONITOR_WORKER_GC_FREEZE_SECONDS` a timer collects every generation and
freezes what survives (`gc.freeze`: moved to the permanent generation, which
no later collection walks). A collection then walks only what was made since
the step before, so its pause follows the stream's rate, not the state's size
(11-94 ms with a step every 5 s in the run above, same load). Frozen objects
are still freed by reference counting when the last reference goes (pruned
table entries, dropped stories); what is lost is the collection of *cyclic*
garbage among objects that were alive at a freeze: those cycles are never
freed. `step` collects before it freezes, so garbage made before a step is
never frozen; `leaked_cycles` measures the rest (benchmarks, tests).
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass

import faust

from agents.context import Runtime

log = logging.getLogger("agents.collector")


@dataclass(frozen=True)
class Step:
    collected: int
    frozen: int
    seconds: float


def step() -> Step:
    """Collect every generation (only what is not frozen yet), then freeze the rest."""
    started = time.perf_counter()
    collected = gc.collect()
    gc.freeze()
    return Step(collected, gc.get_freeze_count(), time.perf_counter() - started)


def leaked_cycles() -> int:
    """Cyclic garbage hidden among frozen objects: unfreeze, collect, freeze again.
    A full collection of everything (the long pause this module avoids): for
    measurements, not for the running service."""
    gc.collect()
    gc.unfreeze()
    try:
        return gc.collect()
    finally:
        gc.freeze()


def register(app: faust.App, rt: Runtime) -> None:
    every = rt.settings.worker_gc_freeze_seconds
    if not every:
        return

    @app.timer(every, name="gc_freeze")
    async def freeze() -> None:
        done = step()
        rt.metrics.gc_step(done.seconds, done.frozen)
        log.debug(
            "gc step",
            extra={
                "kv": {
                    "collected": done.collected,
                    "frozen": done.frozen,
                    "ms": round(done.seconds * 1000, 1),
                }
            },
        )
