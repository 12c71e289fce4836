"""One KRaft Kafka node (broker and controller in one JVM) on loopback."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import os
import subprocess
import uuid
from pathlib import Path
from typing import Any

from monitor.settings import Settings
from monitor.stack import versions
from monitor.stack.addresses import KafkaRecord, load_record, save_record
from monitor.stack.errors import StackError
from monitor.stack.fetch import fetch_kafka
from monitor.stack.info import NodeInfo
from monitor.stack.layout import StackPaths
from monitor.stack.lock import stack_lock
from monitor.stack.process import (
    cmdline,
    find_java,
    free_port,
    note,
    pid_alive,
    port_in_use,
    read_pid,
    spawn,
    tcp_open,
    terminate,
    wait_ready,
)

NAME = "kafka"
MAIN_CLASS = "kafka.Kafka"
NODE_ID = 1

# Console appender too: the launcher's stdout file then shows start-up failures
# even before the rolling file exists.
_LOG4J2 = """\
status = warn
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = ${sys:kafka.logs.dir}/server.log
appender.file.filePattern = ${sys:kafka.logs.dir}/server.log.%i
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 20MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 5
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
appender.console.filter.threshold.type = ThresholdFilter
appender.console.filter.threshold.level = warn
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
rootLogger.appenderRef.console.ref = console
"""


def server_properties(*, port: int, controller_port: int, data_dir: Path) -> str:
    """A single-node KRaft configuration: every replication factor and ISR is 1,
    because internal topics would otherwise wait forever for absent replicas."""
    h = versions.HOST
    props = {
        "process.roles": "broker,controller",
        "node.id": str(NODE_ID),
        # Static quorum: the port may change between runs (fallback when busy).
        "controller.quorum.voters": f"{NODE_ID}@{h}:{controller_port}",
        "listeners": f"PLAINTEXT://{h}:{port},CONTROLLER://{h}:{controller_port}",
        "advertised.listeners": f"PLAINTEXT://{h}:{port}",
        "inter.broker.listener.name": "PLAINTEXT",
        "controller.listener.names": "CONTROLLER",
        "listener.security.protocol.map": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs": str(data_dir),
        "num.partitions": "1",
        "offsets.topic.replication.factor": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        # Tests create consumer groups constantly; the default 3 s delay slows each.
        "group.initial.rebalance.delay.ms": "0",
        "auto.create.topics.enable": "true",
        "log.retention.hours": "168",
    }
    lines = ["# Written by `monitor stack up`; rewritten on every start."]
    lines += [f"{k}={v}" for k, v in props.items()]
    return "\n".join(lines) + "\n"


def new_cluster_id() -> str:
    """The format Kafka's Uuid.randomUuid().toString() produces (22-char base64url),
    never starting with "-", as Kafka's own never does: the storage tool would read
    `--cluster-id -xyz…` as an option with no value (one start in 64 failed)."""
    while True:
        text = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not text.startswith("-"):
            return text


def _java_argv(java: Path, paths: StackPaths, main: str, *args: str) -> list[str]:
    return [
        str(java),
        *versions.KAFKA_HEAP,
        "-XX:+UseG1GC",
        "-Djava.awt.headless=true",
        f"-Dkafka.logs.dir={paths.kafka_logs}",
        f"-Dlog4j2.configurationFile={paths.kafka_log4j}",
        "-cp",
        f"{paths.kafka_libs}/*",  # java expands the wildcard itself
        main,
        *args,
    ]


def looks_like_ours(paths: StackPaths, argv: list[str]) -> bool:
    return MAIN_CLASS in argv and str(paths.kafka_config) in argv


def console_log(paths: StackPaths) -> Path:
    return paths.kafka_logs / "kafka.out"


def server_log(paths: StackPaths) -> Path:
    return paths.kafka_logs / "server.log"


async def _describe_cluster(bootstrap: str, timeout: float) -> dict[str, Any]:
    from aiokafka.admin import AIOKafkaAdminClient  # optional dependency ([service])

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=int(timeout * 1000))
    try:
        await asyncio.wait_for(admin.start(), timeout)
        return await asyncio.wait_for(admin.describe_cluster(), timeout)
    finally:
        await admin.close()


def check_health(bootstrap: str, timeout: float = 5.0) -> tuple[bool, str]:
    """(True, detail) if the broker answers a metadata request."""
    host, _, port = bootstrap.split(",")[0].rpartition(":")
    if not tcp_open(host, int(port), timeout=min(timeout, 2.0)):
        return False, f"nothing listens on {host}:{port}"
    try:
        import aiokafka  # noqa: F401
    except ImportError:
        return True, "port open (install the [service] extra to check metadata)"
    # A worker thread with its own loop: callers may already be inside one
    # (async tests), where asyncio.run would refuse to start.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        future = pool.submit(asyncio.run, _describe_cluster(bootstrap, timeout))
        try:
            cluster = future.result(timeout + 5)
        except Exception as exc:  # noqa: BLE001 (any client failure means "not ready")
            return False, f"metadata request failed: {type(exc).__name__}: {exc}"
    brokers = cluster.get("brokers", [])
    if not brokers:
        return False, "metadata has no brokers yet"
    return True, f"cluster {cluster.get('cluster_id')}, {len(brokers)} broker(s)"


def _storage_formatted(paths: StackPaths) -> bool:
    return (paths.kafka_data / "meta.properties").is_file()


def _format_storage(java: Path, paths: StackPaths) -> None:
    argv = _java_argv(
        java,
        paths,
        "kafka.tools.StorageTool",
        "format",
        "--cluster-id",
        new_cluster_id(),
        "--config",
        str(paths.kafka_config),
    )
    out = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    log = paths.kafka_logs / "storage-format.out"
    log.write_text(out.stdout + out.stderr)
    if out.returncode != 0:
        raise StackError(
            f"kafka: formatting the KRaft storage in {paths.kafka_data} failed "
            f"(exit {out.returncode}); see {log}:\n{(out.stderr or out.stdout)[-2000:]}"
        )


def _choose_port(preferred: int, explicit: bool, what: str, avoid: tuple[int, ...] = ()) -> int:
    if not port_in_use(versions.HOST, preferred) and preferred not in avoid:
        return preferred
    if explicit:
        raise StackError(
            f"kafka: {versions.HOST}:{preferred} ({what}) is taken by another program; "
            "stop it or choose another port"
        )
    port = free_port(versions.HOST, avoid=avoid)
    note(f"kafka: {versions.HOST}:{preferred} ({what}) is taken by another program; using {port}")
    return port


def _info(paths: StackPaths, rec: KafkaRecord | None, *, check: bool, started: bool) -> NodeInfo:
    if rec is None:
        return NodeInfo(
            NAME,
            versions.DEFAULT_KAFKA_BOOTSTRAP,
            False,
            False,
            None,
            versions.KAFKA_VERSION,
            None,
            "never started",
        )
    running = running_pid(paths, rec) is not None
    healthy, detail = (False, "not running")
    if running:
        healthy, detail = check_health(rec.bootstrap_servers) if check else (False, "unchecked")
    return NodeInfo(
        NAME,
        rec.bootstrap_servers,
        running,
        healthy,
        rec.pid if running else None,
        rec.version,
        server_log(paths),
        detail,
        started,
    )


def running_pid(paths: StackPaths, rec: KafkaRecord | None) -> int | None:
    """The recorded pid if that process is alive and is our broker."""
    pid = rec.pid if rec and rec.pid else read_pid(paths.kafka_pidfile)
    if pid is None or not pid_alive(pid):
        return None
    argv = cmdline(pid)
    return pid if argv and looks_like_ours(paths, argv) else None


def kafka_status(settings: Settings) -> NodeInfo:
    paths = StackPaths.from_settings(settings)
    return _info(paths, load_record(paths).kafka, check=True, started=False)


def start_kafka(settings: Settings, *, port: int | None = None, timeout: float = 120.0) -> NodeInfo:
    """Start the broker unless ours already runs; return once it answers metadata."""
    paths = StackPaths.from_settings(settings)
    with stack_lock(paths):
        record = load_record(paths)
        rec = record.kafka
        pid = running_pid(paths, rec)
        if rec is not None and pid is not None:
            servers = rec.bootstrap_servers
            wait_ready(
                NAME,
                lambda: check_health(servers),
                pid=pid,
                timeout=timeout,
                logs=[server_log(paths), console_log(paths)],
            )
            return _info(paths, rec, check=True, started=False)

        java = find_java()
        fetch_kafka(paths)
        for d in (paths.kafka_config.parent, paths.kafka_data, paths.kafka_logs):
            d.mkdir(parents=True, exist_ok=True)
        broker_port = _choose_port(
            port or (rec.port if rec else versions.KAFKA_PORT), port is not None, "broker"
        )
        controller_port = _choose_port(
            rec.controller_port if rec else versions.KAFKA_CONTROLLER_PORT,
            False,
            "controller",
            avoid=(broker_port,),
        )
        paths.kafka_config.write_text(
            server_properties(
                port=broker_port, controller_port=controller_port, data_dir=paths.kafka_data
            )
        )
        paths.kafka_log4j.write_text(_LOG4J2)
        if not _storage_formatted(paths):
            _format_storage(java.executable, paths)

        bootstrap = f"{versions.HOST}:{broker_port}"
        note(f"kafka: starting {versions.KAFKA_VERSION} on {bootstrap} (log {server_log(paths)})")
        proc = spawn(
            _java_argv(java.executable, paths, MAIN_CLASS, str(paths.kafka_config)),
            log_file=console_log(paths),
            cwd=paths.kafka_dir,
        )
        paths.kafka_pidfile.write_text(f"{proc.pid}\n")
        # Recorded before the health wait, so `down` can stop a node that never
        # became healthy.
        rec = KafkaRecord(
            bootstrap_servers=bootstrap,
            port=broker_port,
            controller_port=controller_port,
            pid=proc.pid,
            log_file=str(server_log(paths)),
            data_dir=str(paths.kafka_data),
        )
        record.kafka = rec
        save_record(paths, record)
        detail = wait_ready(
            NAME,
            lambda: check_health(bootstrap),
            pid=proc.pid,
            timeout=timeout,
            logs=[console_log(paths), server_log(paths)],
        )
        note(f"kafka: ready on {bootstrap} ({detail})")
        return NodeInfo(
            NAME,
            bootstrap,
            True,
            True,
            proc.pid,
            versions.KAFKA_VERSION,
            server_log(paths),
            detail,
            started=True,
        )


def stop_kafka(settings: Settings, *, timeout: float = 60.0) -> bool:
    """Stop the broker `up` started; True if one was running. Anything else that
    happens to use the recorded pid is left alone."""
    paths = StackPaths.from_settings(settings)
    with stack_lock(paths):
        record = load_record(paths)
        pid = running_pid(paths, record.kafka)
        stopped = False
        if pid is not None:
            note(f"kafka: stopping pid {pid}")
            stopped = terminate(
                pid, looks_like_ours=lambda a: looks_like_ours(paths, a), timeout=timeout, name=NAME
            )
        if record.kafka is not None:
            record.kafka.pid = None
            save_record(paths, record)
        if paths.kafka_pidfile.exists():
            os.unlink(paths.kafka_pidfile)
        return stopped
