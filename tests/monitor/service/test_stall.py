"""The stall watch: a partition with news waiting whose position stands still."""

from __future__ import annotations

from typing import Any

from agents.web import health_report
from monitor.service.metrics import Metrics
from monitor.service.stall import StallWatch

P = "news.prepared:0"


def test_a_partition_that_keeps_moving_is_never_stalled() -> None:
    watch = StallWatch(threshold=60)
    for t in range(0, 600, 5):
        began, moved = watch.observe(float(t), {P: t}, {P: 100})
        assert began == [] and moved == []
    assert watch.stalled == {}


def test_waiting_news_and_no_move_past_the_threshold_is_a_stall_told_once() -> None:
    watch = StallWatch(threshold=60)
    assert watch.observe(0.0, {P: 10}, {P: 40}) == ([], [])
    assert watch.observe(55.0, {P: 10}, {P: 40}) == ([], [])
    began, _ = watch.observe(60.0, {P: 10}, {P: 45})
    assert [(s.partition, s.waiting, s.seconds) for s in began] == [(P, 45, 60.0)]
    began, _ = watch.observe(65.0, {P: 10}, {P: 50})
    assert began == []  # told once
    assert watch.stalled[P].waiting == 50 and watch.stalled[P].seconds == 65.0
    began, moved = watch.observe(70.0, {P: 11}, {P: 49})
    assert began == [] and moved == [P] and watch.stalled == {}


def test_standing_still_with_nothing_waiting_is_no_stall() -> None:
    watch = StallWatch(threshold=60)
    for t in range(0, 600, 5):
        assert watch.observe(float(t), {P: 10}, {P: 0}) == ([], [])
    # news arrives after a long quiet: the clock starts at the last look that
    # found nothing waiting (595), not at the last move long before
    assert watch.observe(600.0, {P: 10}, {P: 3}) == ([], [])
    assert watch.observe(650.0, {P: 10}, {P: 3}) == ([], [])
    began, _ = watch.observe(655.0, {P: 10}, {P: 3})
    assert [s.partition for s in began] == [P]


def test_a_partition_handed_away_is_not_watched() -> None:
    watch = StallWatch(threshold=60)
    watch.observe(0.0, {P: 10}, {P: 40})
    # after a rebalance the partition has no high watermark here: no lag for it
    assert watch.observe(120.0, {P: 10}, {}) == ([], [])


class _Rt:
    def __init__(self) -> None:
        self.metrics = Metrics()
        self.es_ready = True
        self.state_dirty = False


def test_health_is_degraded_while_a_partition_stands_still() -> None:
    rt: Any = _Rt()
    assert health_report(rt, 1, rt.metrics.snapshot())[0] == 200
    rt.metrics.stalled = {P: {"waiting": 45, "seconds": 60.0}}
    status, body = health_report(rt, 1, rt.metrics.snapshot())
    assert status == 503 and body["status"] == "degraded"
    assert body["stalled_partitions"] == {P: {"waiting": 45, "seconds": 60.0}}
