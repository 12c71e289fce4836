"""/health tells the truth: degraded while Elasticsearch is frozen (SIGSTOP: it
accepts connections and answers nothing, so no bulk request ever fails), with
the reason, lag and dead letters; healthy again once it thaws."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

import pytest

from monitor.settings import Settings
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.integration


@pytest.mark.timeout(180)
def test_health_is_degraded_while_elasticsearch_is_frozen(
    service: Settings, stack_settings: Settings, workers: Callable[..., Any]
) -> None:
    from monitor import stack

    worker = workers()
    status, body = worker.health()
    assert status == 200 and body["kafka"] == "ok" and body["elasticsearch"] == "ok"
    assert {"consumer_lag", "dead_letters"} <= set(body)
    pid = stack.status(stack_settings).elasticsearch.pid
    assert pid, "the stack's Elasticsearch is not running"
    os.kill(pid, signal.SIGSTOP)
    try:
        wait_for(lambda: worker.health()[0] == 503, 15, "health to say degraded", every=0.5)
        status, body = worker.health()
        assert body["status"] == "degraded" and body["elasticsearch"] == "unavailable"
        assert "elasticsearch" in body["unreachable"] and "kafka" not in body["unreachable"]
    finally:
        os.kill(pid, signal.SIGCONT)
    wait_for(lambda: worker.health()[0] == 200, 30, "health to recover", every=0.5)
    assert worker.alive()
