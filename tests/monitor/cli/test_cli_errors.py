"""Errors a person can act on: the CLI run as a subprocess against a closed port
or with a bad setting prints one line that says what is wrong and what to do,
with no traceback and no warning about unclosed clients."""

from __future__ import annotations

import os
import socket
import subprocess

import pytest

from monitor.service.worker import monitor_argv


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def _run(
    *args: str, env: dict[str, str] | None = None, stdin: str = "", timeout: float = 90
) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONWARNINGS": "always", **(env or {})}
    return subprocess.run(
        monitor_argv(*args),
        input=stdin,
        capture_output=True,
        text=True,
        env=full,
        timeout=timeout,
    )


def _one_clean_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Unclosed" not in proc.stderr, proc.stderr
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def no_broker() -> dict[str, str]:
    return {"MONITOR_KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{_closed_port()}"}


@pytest.mark.parametrize(
    "args",
    [
        ("tail", "alerts.casualties"),
        ("tail", "news.raw", "--from-beginning", "--timeout", "2"),
        ("watch",),
        ("watch", "--json", "--since", "1h"),
        ("produce",),
    ],
    ids=["tail", "tail-from-beginning", "watch", "watch-json", "produce"],
)
def test_broker_down_one_line_with_the_address_and_how_to_start_it(
    args: tuple[str, ...], no_broker: dict[str, str]
) -> None:
    stdin = '{"id": "a", "body": "نص"}\n' if args[0] == "produce" else ""
    line = _one_clean_line(_run(*args, env=no_broker, stdin=stdin))
    address = no_broker["MONITOR_KAFKA_BOOTSTRAP_SERVERS"]
    assert line.startswith(f"Error: cannot reach Kafka at {address}"), line
    assert "monitor stack up" in line and "MONITOR_KAFKA_BOOTSTRAP_SERVERS" in line


def test_run_waits_then_says_how_to_start_the_stack(no_broker: dict[str, str]) -> None:
    proc = _run("run", "--wait", "3", env=no_broker)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert "did not answer within 3 s" in last, proc.stderr
    assert "monitor stack up" in last and "MONITOR_KAFKA_BOOTSTRAP_SERVERS" in last
    # it did wait: at least one retry was logged before giving up
    assert "kafka not ready, retrying" in proc.stderr


@pytest.mark.parametrize("command", [("config",), ("tail", "news.raw"), ("watch",), ("run",)])
def test_a_bad_setting_names_the_variable_and_the_allowed_values(command: tuple[str, ...]) -> None:
    line = _one_clean_line(_run(*command, env={"MONITOR_LOG_FORMAT": "xml"}))
    assert "MONITOR_LOG_FORMAT='xml'" in line, line
    assert "'text' or 'json'" in line
    assert "pydantic" not in line and "log_format" not in line


def test_a_rule_over_two_settings_names_both() -> None:
    line = _one_clean_line(_run("config", env={"MONITOR_ES_USERNAME": "analyst"}))
    assert "MONITOR_ES_USERNAME is set: set MONITOR_ES_PASSWORD too" in line, line


def test_search_names_the_option_of_a_bad_date() -> None:
    proc = _run("search", "قره باغ", "--from", "yesterday")
    assert proc.returncode == 2
    assert "Invalid value for '--from': 'yesterday' is not a date" in proc.stderr
    assert "date_from" not in proc.stderr and "Traceback" not in proc.stderr


def test_watch_names_the_option_of_a_bad_since() -> None:
    proc = _run("watch", "--since", "yesterday")
    assert proc.returncode == 2
    assert "Invalid value for '--since'" in proc.stderr and "15m, 2h" in proc.stderr


def test_config_masks_a_password_inside_a_url() -> None:
    env = {
        "MONITOR_ES_URL": "https://elastic:s3cr%40t-pw@es.example.org:9200",
        "MONITOR_KAFKA_BOOTSTRAP_SERVERS": "broker-1:9093,broker-2:9093",
        "MONITOR_ES_USERNAME": "",
        "MONITOR_ES_API_KEY": "key-123",
    }
    proc = _run("config", env=env)
    assert proc.returncode == 0, proc.stderr
    assert "s3cr" not in proc.stdout and "key-123" not in proc.stdout
    assert 'MONITOR_ES_URL="https://elastic:**********@es.example.org:9200"' in proc.stdout
    assert 'MONITOR_KAFKA_BOOTSTRAP_SERVERS="broker-1:9093,broker-2:9093"' in proc.stdout
    assert 'MONITOR_ES_API_KEY="**********"' in proc.stdout
