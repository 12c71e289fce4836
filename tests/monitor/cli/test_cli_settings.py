"""The command line finds the local stack (`monitor stack up`) with no variable
set, by putting the stack's recorded addresses into the settings it passes on;
an explicit MONITOR_KAFKA_BOOTSTRAP_SERVERS or MONITOR_ES_URL wins; the service's
own modules only read what the settings say."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from monitor.cli.settings import load_settings, with_local_stack
from monitor.es.client import resolve_es_url
from monitor.service.kafka import resolve_bootstrap
from monitor.service.worker import monitor_argv
from monitor.settings import Settings
from monitor.stack.addresses import EsRecord, KafkaRecord, StackRecord, save_record
from monitor.stack.layout import StackPaths

ADDRESS_VARS = ("MONITOR_KAFKA_BOOTSTRAP_SERVERS", "MONITOR_ES_URL")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def _record(state_dir: Path, kafka_port: int, es_port: int) -> None:
    save_record(
        StackPaths.from_settings(Settings(state_dir=state_dir)),
        StackRecord(
            kafka=KafkaRecord(
                bootstrap_servers=f"127.0.0.1:{kafka_port}", port=kafka_port, controller_port=1
            ),
            elasticsearch=EsRecord(url=f"http://127.0.0.1:{es_port}", port=es_port),
        ),
    )


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A private state directory and no address variables (whatever the caller's shell has)."""
    for name in ADDRESS_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MONITOR_STATE_DIR", str(tmp_path))
    return tmp_path


def test_the_stack_record_fills_in_the_unset_addresses(env: Path) -> None:
    _record(env, 19092, 19200)
    settings = load_settings()
    assert settings.kafka_bootstrap_servers == "127.0.0.1:19092"
    assert settings.es_url == "http://127.0.0.1:19200"
    assert resolve_bootstrap(settings) == "127.0.0.1:19092"
    assert resolve_es_url(settings) == "http://127.0.0.1:19200"


def test_an_explicit_variable_wins_over_the_record(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _record(env, 19092, 19200)
    monkeypatch.setenv("MONITOR_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    settings = load_settings()
    assert settings.kafka_bootstrap_servers == "kafka-1:9092,kafka-2:9092"
    assert settings.es_url == "http://127.0.0.1:19200"  # the one left unset still comes from it
    monkeypatch.setenv("MONITOR_ES_URL", "https://es.example:9243")
    assert load_settings().es_url == "https://es.example:9243"


def test_without_a_record_the_service_defaults_apply(env: Path) -> None:
    settings = load_settings()
    assert (settings.kafka_bootstrap_servers, settings.es_url) == ("", "")
    assert resolve_bootstrap(settings) == "127.0.0.1:9092"
    assert resolve_es_url(settings) == "http://127.0.0.1:9200"
    assert with_local_stack(settings) == settings


def test_the_service_modules_do_not_read_the_record_themselves(env: Path) -> None:
    # Settings built by hand (as a deployed service builds them) mean what they say.
    _record(env, 19092, 19200)
    settings = Settings()
    assert resolve_bootstrap(settings) == "127.0.0.1:9092"
    assert resolve_es_url(settings) == "http://127.0.0.1:9200"


def _run(*args: str, state_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ADDRESS_VARS}
    full.update(MONITOR_STATE_DIR=str(state_dir), **env)
    return subprocess.run(monitor_argv(*args), capture_output=True, text=True, env=full, timeout=90)


def test_a_command_goes_where_the_record_says_unless_told_otherwise(tmp_path: Path) -> None:
    # Closed ports stand for a recorded stack: the error names the address tried.
    recorded, explicit, es_port = _closed_port(), _closed_port(), _closed_port()
    _record(tmp_path, recorded, es_port)
    tail = _run("tail", "news.raw", state_dir=tmp_path)
    assert f"cannot reach Kafka at 127.0.0.1:{recorded}" in tail.stderr, tail.stderr
    told = _run(
        "tail",
        "news.raw",
        state_dir=tmp_path,
        MONITOR_KAFKA_BOOTSTRAP_SERVERS=f"127.0.0.1:{explicit}",
    )
    assert f"cannot reach Kafka at 127.0.0.1:{explicit}" in told.stderr, told.stderr
    search = _run("search", "قره باغ", state_dir=tmp_path)
    assert search.returncode == 1
    assert f"url=http://127.0.0.1:{es_port}" in search.stderr, search.stderr
