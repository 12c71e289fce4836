"""`monitor stack` without servers: help text and the status of a stack never started."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import main
from monitor.stack import versions


def test_help_names_versions_and_commands() -> None:
    result = CliRunner().invoke(main, ["stack", "--help"])
    assert result.exit_code == 0
    for text in (
        versions.KAFKA_VERSION,
        versions.ES_VERSION,
        "up",
        "down",
        "status",
        "MONITOR_STATE_DIR",
    ):
        assert text in result.output


def test_status_of_a_stack_never_started_fails(tmp_path: Path) -> None:
    env = {
        "MONITOR_STATE_DIR": str(tmp_path),
        "MONITOR_KAFKA_BOOTSTRAP_SERVERS": "",
        "MONITOR_ES_URL": "",
    }
    result = CliRunner().invoke(main, ["stack", "status", "--json"], env=env)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["healthy"] is False
    assert data["kafka"]["running"] is False
    assert data["elasticsearch"]["detail"] == "never started"


def test_down_with_nothing_running(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stack", "down"], env={"MONITOR_STATE_DIR": str(tmp_path)})
    assert result.exit_code == 0
    assert "nothing was running" in result.output
