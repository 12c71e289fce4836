"""The faust app, built from `Settings` in this one place.

`make_app(settings)` returns the app with its topics, tables, agents, timer and
web pages; `monitor run` runs it in a faust Worker. Nothing is built at import
time, so tests and tools can import `agents` without a broker.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

import faust
from mode.supervisors import CrashingSupervisor

from agents import (
    alerting,
    collector,
    indexing,
    prepare,
    process,
    transport,
    watch,
    web,
)
from agents.context import Runtime
from agents.deadletter import DeadLetterSink
from agents.topics import make_topics
from monitor import security
from monitor.service import kafka
from monitor.service.metrics import Metrics
from monitor.service.names import PREPARED_PARTITIONS, app_id
from monitor.service.prepare import Preparer
from monitor.service.process import Processor
from monitor.settings import Settings

SESSION_TIMEOUT_SECONDS = 45.0
HEARTBEAT_SECONDS = 3.0


class MonitorApp(faust.App):
    """faust.App with the loopback web driver (no table browser) and a consumer
    whose fetch wait the settings choose (agents/transport.py)."""

    #: The fetch wait the worker consumer starts with (agents/transport.py).
    start_fetch_wait_ms: int = transport.MOVING_WAIT_MS

    def _new_web(self) -> Any:
        return web.LoopbackWeb(self)

    def _new_transport(self) -> Any:
        return transport.fetch_wait_transport()(self.conf.broker_consumer, self)


def broker_credentials(settings: Settings) -> faust.types.auth.CredentialsT | None:
    """SASL and/or SSL credentials from the settings (never logged)."""
    ctx: ssl.SSLContext | None = kafka.ssl_context(settings)
    sasl = security.kafka_sasl(settings)
    if sasl:
        return faust.SASLCredentials(
            username=sasl["sasl_plain_username"],
            password=sasl["sasl_plain_password"],
            ssl_context=ctx,
            mechanism=sasl["sasl_mechanism"],
        )
    if ctx is not None:
        return faust.SSLCredentials(ctx)
    return None


def make_app(settings: Settings) -> tuple[faust.App, Runtime]:
    datadir = settings.state_dir / "worker" / app_id(settings)
    datadir.mkdir(parents=True, exist_ok=True)
    bootstrap = kafka.resolve_bootstrap(settings)
    brokers = [f"kafka://{b.strip()}" for b in bootstrap.split(",") if b.strip()]
    app = MonitorApp(
        app_id(settings),
        broker=brokers,
        broker_credentials=broker_credentials(settings),
        store="memory://",
        autodiscover=False,
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        topic_allow_declare=True,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        # Static membership: the worker joins the group under a stable id
        # (MONITOR_WORKER_ID), so a worker restarted after a SIGKILL takes its
        # partitions back at once instead of waiting for the coordinator to give
        # up on the killed one, and the session can stay long enough that a
        # worker frozen for a while (a VM pause, a long GC) keeps its membership
        # instead of rejoining (a 20 s freeze with an 8 s session left the worker
        # standing still after the rejoin in six runs of nine).
        consumer_group_instance_id=settings.worker_id,
        broker_session_timeout=SESSION_TIMEOUT_SECONDS,
        broker_heartbeat_interval=HEARTBEAT_SECONDS,
        # On shutdown do not wait for unacknowledged events: the index agent holds
        # its batch unacked until indexed, and what is not acked is redelivered.
        stream_wait_empty=False,
        # Agents catch per-item errors themselves; an exception that escapes one
        # is an infrastructure failure: stop the worker (exit non-zero) rather than
        # restart the agent past an unacknowledged event.
        agent_supervisor=CrashingSupervisor,
        web_enabled=True,
        web_bind=settings.web_host,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        datadir=str(datadir),
        # The memory store keeps nothing on disk: every start reads the changelogs.
        table_standby_replicas=0,
    )
    if settings.kafka_fetch_settle_seconds == 0:
        app.start_fetch_wait_ms = min(settings.kafka_fetch_max_wait_ms, transport.MOVING_WAIT_MS)
    topics = make_topics(app, settings)
    metrics = Metrics()
    rt = Runtime(
        settings=settings,
        topics=topics,
        metrics=metrics,
        processor=Processor(settings),
        preparer=Preparer(settings),
        deadletters=DeadLetterSink(topics.deadletter, metrics),
    )
    # Plain (not windowed) tables with changelog topics: windowed tables did not
    # survive restarts in past faust releases. faust's assignor puts topics of the
    # same partition count in one co-partitioned group (PartitionAssignor.
    # _get_copartitioned_groups): `processed` (1 partition) goes to the worker
    # that holds news.prepared, `alerts_sent` follows news.enriched (and news.raw).
    rt.tables["processed"] = app.Table(
        "processed",
        default=None,
        partitions=PREPARED_PARTITIONS,
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        help="article id -> durable record of the process stage (dedup and alert state)",
    )
    rt.tables["alerts_sent"] = app.Table(
        "alerts_sent",
        default=None,
        partitions=settings.topic_partitions,
        schema=faust.Schema(key_serializer="json", value_serializer="json"),
        help="alert id -> time published (guards against repeats on redelivery)",
    )
    prepare.register(app, rt)
    process.register(app, rt)
    alerting.register(app, rt)
    indexing.register(app, rt)
    web.register(app, rt)
    collector.register(app, rt)
    watch.register(app, rt)
    transport.register(app, rt)
    return app, rt


def run_worker(app: faust.App, loop: asyncio.AbstractEventLoop, settings: Settings) -> None:
    """Run the app's agents in this process until SIGTERM or SIGINT, logging as
    the settings say (faust's own stdout redirection and banner off)."""
    from monitor.service.logs import logging_config

    if settings.worker_gc_freeze_seconds:
        # What the start built (lexicons, matchers, faust, the clients) lives as long
        # as the worker: frozen before the first event, so that the first timed
        # step does not walk it (90-210 ms in bench_service runs when it did).
        collector.step()
    faust.Worker(
        app,
        loop=loop,
        loglevel=settings.log_level.upper(),
        logging_config=logging_config(settings.log_format, settings.log_level),
        redirect_stdouts=False,
        quiet=True,
    ).execute_from_commandline()
