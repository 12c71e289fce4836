"""The worker's collector step (agents/collector.py): garbage made before a step
is freed, what survives is frozen, and the process stage's state leaves no
cyclic garbage behind frozen objects (which no collection would ever free)."""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from agents import collector
from monitor.service.deadletter import Origin
from monitor.service.process import Processor
from monitor.settings import Settings
from tests.conftest import SHARED_DATA


@pytest.fixture(autouse=True)
def _unfrozen_after() -> Iterator[None]:
    yield
    gc.unfreeze()


class Node:
    def __init__(self) -> None:
        self.other: Any = self


def test_a_step_frees_cycles_made_before_it_and_freezes_the_survivors() -> None:
    garbage = Node()
    gone = weakref.ref(garbage)
    del garbage
    alive = Node()
    done = collector.step()
    assert gone() is None, "a cycle that was garbage before the step is freed by it"
    assert done.collected >= 1
    assert done.frozen == gc.get_freeze_count() > 0
    assert not any(o is alive for o in gc.get_objects()), "a survivor is frozen"


class Leaf:
    pass


def test_a_frozen_object_is_still_freed_when_its_last_reference_goes() -> None:
    table: dict[str, Any] = {"a": Leaf()}
    watched = weakref.ref(table["a"])
    collector.step()
    del table["a"]  # pruned from a table: reference counting frees it, frozen or not
    assert watched() is None


def test_a_cycle_alive_at_a_step_waits_for_the_full_step() -> None:
    """The cost of freezing, and what bounds it: a cycle frozen while alive is
    not freed by later steps once it dies, only by the full step."""
    watched = weakref.ref(held := Node())
    collector.step()
    del held
    collector.step()
    assert watched() is not None, "frozen while alive: a step does not free it"
    done = collector.full_step()
    assert watched() is None, "the full step collects frozen objects too"
    assert done.collected >= 1 and done.frozen == gc.get_freeze_count()


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="../shared/data not present")
def test_the_process_stage_leaves_no_cycles_behind_frozen_objects(settings: Settings) -> None:
    """A step every 25 articles through the process stage, a rebuild from the
    table (as after a rebalance) and pruned table entries in between: the cyclic
    garbage hidden among frozen objects, which would leak for good, is none."""
    corpus = SHARED_DATA / "ant_multisource_2018-04.jsonl"
    lines = corpus.read_bytes().splitlines()[:400]
    proc = Processor(settings)
    table: dict[str, Any] = {}
    collector.step()
    assert collector.leaked_cycles() == 0
    for n, line in enumerate(lines):
        out = proc.handle(line, Origin("t.news.raw", 0, n, None, time.time()), table.get)
        if out.analysis is not None and out.stored is not None:
            table[out.analysis.id] = out.stored
        if n % 25 == 0:
            collector.step()
        if n == 200:
            proc.rebuild(table.values())
        if n == 300:
            for article in list(table)[:100]:
                del table[article]
    assert len(table) > 200
    assert collector.leaked_cycles() == 0
