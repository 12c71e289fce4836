"""`monitor demo` says what it shows: the seed goes in with its date; run a second
time, it says the items were seen before and are not analysed again, and that
the alerts it shows were raised by the earlier run (instead of fewer alerts
without a word)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from monitor.service.worker import monitor_argv
from monitor.settings import Settings

pytestmark = pytest.mark.integration


def _demo(service: Settings) -> subprocess.CompletedProcess[str]:
    # The demo finds (or starts) the local stack through the default state dir,
    # so only the names and the port are private to this test.
    env = {
        **os.environ,
        "MONITOR_TOPIC_PREFIX": service.topic_prefix,
        "MONITOR_ES_INDEX_PREFIX": service.es_index_prefix,
        "MONITOR_WEB_PORT": str(service.web_port),
        "COLUMNS": "100",
    }
    env.pop("MONITOR_STATE_DIR", None)
    proc = subprocess.run(
        monitor_argv("demo", "--timeout", "120"),
        env=env,
        capture_output=True,
        text=True,
        timeout=400,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _alerts_line(stdout: str) -> re.Match[str]:
    found = re.search(r"^Alerts \((\d+)\) on .*$", stdout, re.M)
    assert found, stdout
    return found


def test_a_second_demo_explains_what_it_does_not_analyse_again(service: Settings) -> None:
    feed_state = (
        Path(Settings().state_dir).expanduser()
        / "demo"
        / f"feeds-state-{service.topic_prefix}.json"
    )
    try:
        first = _demo(service)
        assert "published 2023-09-20" in first.stderr
        assert "seen before 0" in first.stderr
        line = _alerts_line(first.stdout)
        assert int(line.group(1)) > 0 and "earlier run" not in line.group(0)
        assert "alerts raised by the republished copy: 0" in first.stdout

        second = _demo(service)
        assert "2 of the 2 items were seen before (same id, same text)" in second.stderr
        assert "raise no new alert" in second.stderr
        assert "does not send them again" in second.stderr
        line = _alerts_line(second.stdout)
        shown = int(line.group(1))
        assert shown > 0
        assert f"{shown} of them raised by an earlier run" in line.group(0)
        assert "The stack is still running: `monitor stack down` stops it." in second.stderr
    finally:
        feed_state.unlink(missing_ok=True)
