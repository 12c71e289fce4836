"""Offline tests of the stack's pure parts: no servers, no downloads."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from monitor.settings import Settings
from monitor.stack import StackRecord, resolve_es_url, resolve_kafka, stop_kafka, versions
from monitor.stack.addresses import EsRecord, KafkaRecord, load_record, save_record
from monitor.stack.elasticsearch import (
    can_enter,
    elasticsearch_yml,
    fallback_base,
    may_search,
)
from monitor.stack.fetch import _DOWNLOADED, _kafka_pom, _size_in_bytes, unpack_zip
from monitor.stack.kafka import new_cluster_id, server_properties
from monitor.stack.layout import EsPaths, StackPaths
from monitor.stack.lock import stack_lock
from monitor.stack.process import (
    free_port,
    parse_java_feature,
    pid_alive,
    port_in_use,
    spawn,
    terminate,
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(state_dir=tmp_path, kafka_bootstrap_servers="", es_url="")


# --- address resolution ----------------------------------------------------------------


def test_resolve_defaults_without_record(settings: Settings) -> None:
    assert resolve_kafka(settings) == "127.0.0.1:9092"
    assert resolve_es_url(settings) == "http://127.0.0.1:9200"


def test_resolve_prefers_record_then_explicit_setting(settings: Settings) -> None:
    paths = StackPaths.from_settings(settings)
    save_record(
        paths,
        StackRecord(
            kafka=KafkaRecord(
                bootstrap_servers="127.0.0.1:19092", port=19092, controller_port=19093
            ),
            elasticsearch=EsRecord(url="http://127.0.0.1:19200", port=19200),
        ),
    )
    assert resolve_kafka(settings) == "127.0.0.1:19092"
    assert resolve_es_url(settings) == "http://127.0.0.1:19200"

    explicit = settings.model_copy(
        update={
            "kafka_bootstrap_servers": "kafka-1:9092,kafka-2:9092",
            "es_url": "https://es:9200/",
        }
    )
    assert resolve_kafka(explicit) == "kafka-1:9092,kafka-2:9092"
    assert resolve_es_url(explicit) == "https://es:9200"


def test_damaged_record_reads_as_empty(settings: Settings) -> None:
    paths = StackPaths.from_settings(settings)
    paths.record.write_text("{not json")
    assert load_record(paths).kafka is None
    assert resolve_kafka(settings) == versions.DEFAULT_KAFKA_BOOTSTRAP


def test_record_round_trip_is_json_with_utc_time(settings: Settings) -> None:
    paths = StackPaths.from_settings(settings)
    save_record(
        paths,
        StackRecord(
            kafka=KafkaRecord(
                bootstrap_servers="127.0.0.1:9092", port=9092, controller_port=9093, pid=123
            ),
        ),
    )
    raw = paths.record.read_text()
    assert '"bootstrap_servers": "127.0.0.1:9092"' in raw
    loaded = load_record(paths)
    assert loaded.kafka is not None and loaded.kafka.pid == 123
    assert loaded.updated_at.utcoffset() is not None
    assert loaded.state_dir == str(paths.state_dir)
    assert not list(paths.state_dir.glob("*.tmp"))


# --- configuration text ------------------------------------------------------------------


def _props(text: str) -> dict[str, str]:
    return dict(
        line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#")
    )


def test_kafka_properties_single_node_kraft_on_loopback(tmp_path: Path) -> None:
    props = _props(server_properties(port=9092, controller_port=9093, data_dir=tmp_path))
    assert props["process.roles"] == "broker,controller"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:9093"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093"
    assert props["advertised.listeners"] == "PLAINTEXT://127.0.0.1:9092"
    assert props["log.dirs"] == str(tmp_path)
    replication = [k for k in props if k.endswith("replication.factor")]
    assert replication and all(props[k] == "1" for k in replication)


def test_cluster_id_has_kafka_uuid_shape() -> None:
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", new_cluster_id())
    assert new_cluster_id() != new_cluster_id()


def test_a_cluster_id_never_reads_as_an_option() -> None:
    # One random id in 64 started with "-" and the storage tool took it for an option.
    assert not any(new_cluster_id().startswith("-") for _ in range(2000))


def test_elasticsearch_yml_loopback_single_node_security_off(tmp_path: Path) -> None:
    text = elasticsearch_yml(port=9201, es=EsPaths(tmp_path))
    assert 'network.host: "127.0.0.1"' in text
    assert "http.port: 9201" in text
    assert 'discovery.type: "single-node"' in text
    assert "xpack.security.enabled: false" in text
    assert f'path.data: "{tmp_path / "data"}"' in text


def test_kafka_pom_pins_broker_and_logging_backend() -> None:
    pom = _kafka_pom()
    assert f"<artifactId>kafka_{versions.KAFKA_SCALA}</artifactId>" in pom
    assert f"<version>{versions.KAFKA_VERSION}</version>" in pom
    assert "log4j-slf4j2-impl" in pom


# --- maven output -----------------------------------------------------------------------------


def test_download_lines_are_recognised() -> None:
    line = (
        "\x1b[0m[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/"
        "apache/kafka/kafka-clients/4.4.0/kafka-clients-4.4.0.jar (20 MB at 9.1 MB/s)\n"
    )
    m = _DOWNLOADED.search(line)
    assert m is not None
    assert m.group(1).endswith("kafka-clients-4.4.0.jar")
    assert _size_in_bytes(m.group(2)) == 20e6
    assert _DOWNLOADED.search("[INFO] Downloading from central: https://x/y.jar") is None


@pytest.mark.parametrize(
    ("output", "feature"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "25" 2025-09-16', 25),
        ('java version "1.8.0_392"', 8),
        ("garbage", None),
    ],
)
def test_java_version_parsing(output: str, feature: int | None) -> None:
    assert parse_java_feature(output) == feature


# --- files and permissions -----------------------------------------------------------------


def test_unpack_zip_keeps_exec_bits_and_is_idempotent(tmp_path: Path) -> None:
    archive = tmp_path / "dist.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("pkg-1/bin/run")
        info.external_attr = (stat.S_IFREG | 0o755) << 16
        zf.writestr(info, "#!/bin/sh\n")
        zf.writestr("pkg-1/README", "hi")
    home = unpack_zip(archive, tmp_path / "out", "pkg-1")
    assert os.access(home / "bin" / "run", os.X_OK)
    assert (home / "README").read_text() == "hi"
    (home / "README").write_text("changed")
    assert unpack_zip(archive, tmp_path / "out", "pkg-1") == home
    assert (home / "README").read_text() == "changed"  # not unpacked twice


@pytest.mark.parametrize(
    ("mode", "owner", "group", "expected"),
    [
        (0o700, 1000, 1000, True),  # owner bits for the owner
        (0o070, 1000, 2000, False),  # owner bits deny the owner even if group allows
        (0o710, 3000, 1000, True),  # group bits for a member
        (0o701, 3000, 1000, False),  # ...not the other bits
        (0o701, 3000, 3000, True),  # other bits for everyone else
        (0o700, 0, 0, False),  # /root as seen by a system user
    ],
)
def test_may_search(mode: int, owner: int, group: int, expected: bool) -> None:
    assert may_search(mode, owner, group, uid=1000, gids={1000}) is expected


def test_can_enter_walks_every_ancestor(tmp_path: Path) -> None:
    # Ourselves as the user: tmp dirs are ours, so only the owner bits matter.
    uid, gids = os.getuid(), {os.getgid()}
    locked = tmp_path / "locked"
    inner = locked / "inner"
    inner.mkdir(parents=True)
    locked.chmod(0o600)
    try:
        assert not can_enter(inner, uid, gids)
        locked.chmod(0o100)  # search without read is enough
        assert can_enter(inner, uid, gids)
        assert can_enter(inner / "not-yet-created", uid, gids)
    finally:
        locked.chmod(0o755)


def test_fallback_base_is_per_state_dir() -> None:
    a = fallback_base(Path("/root/.cache/karabakh-monitor"))
    assert a == fallback_base(Path("/root/.cache/karabakh-monitor"))
    assert a != fallback_base(Path("/tmp/other"))
    assert a.parent == Path(versions.ES_ROOT_FALLBACK)


# --- ports, locks, processes -------------------------------------------------------------------


def test_port_in_use_sees_a_listener() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        assert free_port("127.0.0.1", avoid=[port]) != port
    assert not port_in_use("127.0.0.1", port)


def test_stack_lock_is_reentrant(settings: Settings) -> None:
    paths = StackPaths.from_settings(settings)
    with stack_lock(paths), stack_lock(paths):
        assert paths.lock.exists()
    with stack_lock(paths):  # released properly: can be taken again
        pass


def _sleeper(tmp_path: Path) -> subprocess.Popen[bytes]:
    # A process that stays alive for `terminate` to stop (or to leave alone).
    return spawn(
        [sys.executable, "-c", "import time; time.sleep(60)"], log_file=tmp_path / "sleeper.log"
    )


def test_terminate_leaves_foreign_processes_alone(tmp_path: Path) -> None:
    proc = _sleeper(tmp_path)
    try:
        assert not terminate(proc.pid, looks_like_ours=lambda argv: "kafka.Kafka" in argv)
        assert pid_alive(proc.pid)
        assert terminate(proc.pid, looks_like_ours=lambda argv: True, timeout=10)
        assert not pid_alive(proc.pid)  # stopped and reaped, not a lingering zombie
    finally:
        proc.kill()
        proc.wait()


def test_stop_kafka_ignores_a_recycled_pid(settings: Settings, tmp_path: Path) -> None:
    proc = _sleeper(tmp_path)
    try:
        paths = StackPaths.from_settings(settings)
        save_record(
            paths,
            StackRecord(
                kafka=KafkaRecord(
                    bootstrap_servers="127.0.0.1:9092",
                    port=9092,
                    controller_port=9093,
                    pid=proc.pid,
                )
            ),
        )
        assert stop_kafka(settings) is False
        assert pid_alive(proc.pid)
        record = load_record(paths)
        assert record.kafka is not None and record.kafka.pid is None
    finally:
        proc.kill()
        proc.wait()
