"""The worker's garbage collector: short pauses at a steady pace instead of long ones.

CPython's full collection walks every object the collector tracks, and the
worker's grow with the stream (the `processed` table's records, about 20
tracked objects an article, stories, alert state). Left alone, a full
collection came about every 11 s at 50 articles/s and took 240-570 ms once a
few thousand articles were in (`scripts/bench_service.py` with a probe of GC
callbacks, 2-core machine at load average 3-4): every agent of the event loop
stood still meanwhile, and those stalls were the p99 of produce->alert.

Every `MONITOR_WORKER_GC_FREEZE_SECONDS` a timer collects every generation and
freezes what survives (`gc.freeze`: moved to the permanent generation, which
no later collection walks). A collection then walks only what was made since
the step before, so its pause follows the stream's rate, not the state's size
(20-100 ms with the 2 s step in bench_service runs at load average 2-4,
against 230-670 ms for the full collections without it). Frozen objects
are still freed by reference counting when the last reference goes (pruned
table entries, dropped stories); what is lost is the collection of *cyclic*
garbage among objects that were alive at a freeze. `step` collects before it
freezes, so garbage made before a step is never frozen; but what is alive at
a step and a cycle stays frozen when it dies. In a worker (a probe calling
`leaked_cycles` every 15 s, 25-57 articles/s) that was 85 to 405 objects per
15 s, nearly all Elasticsearch client copies (`client.options()`, made by
`async_streaming_bulk` for each bulk request and by the health probe, about
140 objects each with their namespace clients) caught mid-request. (Both sources
now keep one copy instead: monitor/service/probe.py, monitor/service/indexing.py.)
So every
`MONITOR_WORKER_GC_FULL_SECONDS` (10 min) a full step unfreezes everything and
collects it all: one pause of the whole heap's size that often (what Python's
own collector does each time the surviving objects grow by a quarter: every
11 s at 50 articles/s in a fresh worker), and such garbage lives at most that
long.
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


def full_step() -> Step:
    """Unfreeze and collect everything (the whole heap's pause), then freeze again."""
    started = time.perf_counter()
    gc.unfreeze()
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

    full_every = rt.settings.worker_gc_full_seconds
    last_full = [time.monotonic()]

    @app.timer(every, name="gc_freeze")
    async def freeze() -> None:
        full = full_every > 0 and time.monotonic() - last_full[0] >= full_every
        if full:
            last_full[0] = time.monotonic()
            done = full_step()
        else:
            done = step()
        rt.metrics.gc_step(done.seconds, done.frozen, full=full)
        log.debug(
            "gc step",
            extra={
                "kv": {
                    "full": full,
                    "collected": done.collected,
                    "frozen": done.frozen,
                    "ms": round(done.seconds * 1000, 1),
                }
            },
        )
