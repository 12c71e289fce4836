"""The stack against real servers: `monitor stack up` must give a Kafka that
carries messages and an Elasticsearch that indexes and finds documents."""

from __future__ import annotations

import asyncio
import socket
import uuid

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.settings import Settings
from monitor.stack import (
    StackError,
    StackInfo,
    read_record,
    resolve_es_url,
    resolve_kafka,
    start_elasticsearch,
    status,
    stop_elasticsearch,
    up,
)

pytestmark = pytest.mark.integration


def test_up_again_keeps_the_running_nodes(shared_stack: StackInfo) -> None:
    again = up(Settings())
    assert again.healthy
    assert not again.kafka.started and not again.elasticsearch.started
    assert again.kafka.pid == shared_stack.kafka.pid
    assert again.elasticsearch.pid == shared_stack.elasticsearch.pid


def test_status_cli_reports_both_healthy(shared_stack: StackInfo) -> None:
    result = CliRunner().invoke(main, ["stack", "status"])
    assert result.exit_code == 0, result.output
    assert shared_stack.kafka.address in result.stdout
    assert shared_stack.elasticsearch.address in result.stdout


def test_addresses_resolve_to_the_recorded_stack(shared_stack: StackInfo) -> None:
    settings = Settings(kafka_bootstrap_servers="", es_url="")
    assert resolve_kafka(settings) == shared_stack.kafka_bootstrap_servers
    assert resolve_es_url(settings) == shared_stack.es_url


async def test_kafka_carries_a_message(shared_stack: StackInfo) -> None:
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    bootstrap = resolve_kafka(Settings(kafka_bootstrap_servers=""))
    topic = f"test.stack.{uuid.uuid4().hex}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
        producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
        await producer.start()
        try:
            await producer.send_and_wait(topic, "قره باغ".encode(), key=b"article-1")
        finally:
            await producer.stop()
        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=bootstrap,
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        await consumer.start()
        try:
            message = await asyncio.wait_for(consumer.getone(), 30)
        finally:
            await consumer.stop()
        assert message.key == b"article-1"
        assert message.value is not None and message.value.decode() == "قره باغ"
    finally:
        await admin.delete_topics([topic])
        await admin.close()


def test_elasticsearch_indexes_and_searches(shared_stack: StackInfo) -> None:
    from elasticsearch import Elasticsearch

    index = f"test-stack-{uuid.uuid4().hex}"
    with Elasticsearch(resolve_es_url(Settings(es_url=""))) as es:
        # Not es.info(): the integ-test zip lacks the rest-root module serving `GET /`.
        assert es.cluster.health()["status"] in ("yellow", "green")
        try:
            es.index(
                index=index,
                id="a1",
                document={"title": "وقف إطلاق النار في قره باغ"},
                refresh="wait_for",
            )
            hits = es.search(index=index, query={"match": {"title": "قره"}})["hits"]
            assert hits["total"]["value"] == 1
            assert hits["hits"][0]["_id"] == "a1"
        finally:
            es.indices.delete(index=index, ignore_unavailable=True)


def test_explicit_busy_port_is_a_clear_error(isolated_stack_settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(StackError, match=rf"127\.0\.0\.1:{port} .*taken by another program"):
            up(isolated_stack_settings, kafka_port=port)


def test_private_stack_lifecycle_with_elasticsearch_restart(
    isolated_stack_settings: Settings, shared_stack: StackInfo
) -> None:
    settings = isolated_stack_settings
    info = up(settings)
    assert info.healthy and info.kafka.started and info.elasticsearch.started
    # The shared stack holds the default ports, so this one moved to free ones.
    assert info.kafka.address != shared_stack.kafka.address
    assert info.es_url != shared_stack.es_url

    assert stop_elasticsearch(settings)
    stopped = status(settings)
    assert stopped.kafka.healthy
    assert not stopped.elasticsearch.running and not stopped.elasticsearch.healthy
    # Clients keep resolving the same address while the node is down...
    assert resolve_es_url(settings) == info.es_url
    assert read_record(settings).elasticsearch is not None

    # ...and it comes back there.
    restarted = start_elasticsearch(settings)
    assert restarted.started and restarted.healthy
    assert restarted.address == info.es_url
    assert restarted.pid != info.elasticsearch.pid

    result = CliRunner().invoke(
        main, ["stack", "down"], env={"MONITOR_STATE_DIR": str(settings.state_dir)}
    )
    assert result.exit_code == 0, result.output
    assert "elasticsearch" in result.stdout and "kafka" in result.stdout
    after = status(settings)
    assert not after.kafka.running and not after.elasticsearch.running
    # The shared stack was not touched.
    assert status(Settings()).healthy
