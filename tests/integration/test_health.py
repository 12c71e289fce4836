"""/health tells the truth: degraded while Elasticsearch is frozen (SIGSTOP: it
accepts connections and answers nothing, so no bulk request ever fails), with
the reason, lag and dead letters; healthy again once it thaws. The node frozen is
the session's own (`own_es`), never the shared one other tests are using."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

import pytest

from tests.integration.helpers import wait_for
from tests.integration.small_es import SmallEs

pytestmark = pytest.mark.integration


@pytest.mark.timeout(180)
def test_health_is_degraded_while_elasticsearch_is_frozen(
    own_es: SmallEs, workers_on_own_es: Callable[..., Any]
) -> None:
    # The session's own node is frozen, not the shared one other tests are using.
    worker = workers_on_own_es()
    status, body = worker.health()
    assert status == 200 and body["kafka"] == "ok" and body["elasticsearch"] == "ok"
    assert {"consumer_lag", "dead_letters"} <= set(body)
    pid = own_es.pid
    assert pid, "the session's Elasticsearch node is not running"
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
