"""The local development stack: one KRaft Kafka node and one Elasticsearch node on
loopback, fetched from Maven Central into the state dir and run as detached
processes. See `monitor stack --help`.

Other code only needs `resolve_kafka(settings)` and `resolve_es_url(settings)`:
they honour explicit settings first, then the running stack's recorded address.
"""

from __future__ import annotations

from monitor.stack.addresses import (
    EsRecord,
    KafkaRecord,
    StackRecord,
    read_record,
    record_file,
    resolve_es_url,
    resolve_kafka,
)
from monitor.stack.elasticsearch import (
    elasticsearch_status,
    start_elasticsearch,
    stop_elasticsearch,
)
from monitor.stack.errors import StackError
from monitor.stack.info import NodeInfo, StackInfo
from monitor.stack.kafka import kafka_status, start_kafka, stop_kafka
from monitor.stack.manager import down, status, up

__all__ = [
    "EsRecord",
    "KafkaRecord",
    "NodeInfo",
    "StackError",
    "StackInfo",
    "StackRecord",
    "down",
    "elasticsearch_status",
    "kafka_status",
    "read_record",
    "record_file",
    "resolve_es_url",
    "resolve_kafka",
    "start_elasticsearch",
    "start_kafka",
    "status",
    "stop_elasticsearch",
    "stop_kafka",
    "up",
]
