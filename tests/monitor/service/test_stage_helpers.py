"""Names, headers, Kafka client settings, dead letters, keys, logs and metrics."""

from __future__ import annotations

import json
import logging

import pytest
from pydantic import SecretStr

from monitor.service import kafka
from monitor.service.deadletter import MAX_PAYLOAD_BYTES, Origin, dead_letter
from monitor.service.logs import JsonFormatter, TextFormatter
from monitor.service.metrics import Metrics
from monitor.service.names import PREPARED_PARTITIONS, TopicNames, app_id
from monitor.service.produce import item_key, read_lines, render_message
from monitor.settings import Settings
from schemas.base import SCHEMA_VERSION


def test_topic_names_carry_the_prefix(settings: Settings) -> None:
    names = TopicNames.from_settings(settings)
    assert names.all() == [
        "t.news.raw",
        "t.news.prepared",
        "t.news.enriched",
        "t.news.deadletter",
        "t.alerts.ceasefire",
        "t.alerts.casualties",
    ]
    assert names.resolve("alerts.casualties") == "t.alerts.casualties"
    assert names.resolve("other.topic") == "other.topic"
    assert names.alert_topic("ceasefire") == "t.alerts.ceasefire"
    assert names.resolve("news.prepared") == "t.news.prepared"
    assert names.partitions(names.raw, 6) == 6
    assert names.partitions(names.prepared, 6) == PREPARED_PARTITIONS == 1
    assert names.partitions(names.enriched, 6) == 6
    assert app_id(settings) == "t.karabakh-monitor"
    with pytest.raises(ValueError):
        names.alert_topic("weather")


def test_headers_carry_the_schema_version() -> None:
    hdrs = dict(kafka.headers("alert", **{"alert-type": "casualties"}))
    assert hdrs["schema-version"] == SCHEMA_VERSION.encode()
    assert hdrs["message-type"] == b"alert" and hdrs["alert-type"] == b"casualties"
    assert kafka.header_dict([("a", b"1"), ("b", None)]) == {"a": "1", "b": ""}


def test_client_kwargs_plaintext(settings: Settings) -> None:
    kw = kafka.client_kwargs(settings.model_copy(update={"kafka_bootstrap_servers": "h:1"}))
    assert kw == {"bootstrap_servers": "h:1", "security_protocol": "PLAINTEXT"}


def test_client_kwargs_sasl_ssl_and_secret_not_in_repr(settings: Settings) -> None:
    s = settings.model_copy(
        update={
            "kafka_bootstrap_servers": "h:1",
            "kafka_security_protocol": "sasl_ssl",
            "kafka_sasl_mechanism": "scram-sha-512",
            "kafka_sasl_username": "svc",
            "kafka_sasl_password": SecretStr("hunter2"),
        }
    )
    kw = kafka.client_kwargs(s)
    assert kw["security_protocol"] == "SASL_SSL" and kw["sasl_mechanism"] == "SCRAM-SHA-512"
    assert kw["sasl_plain_password"] == "hunter2" and kw["ssl_context"] is not None
    assert "hunter2" not in repr(s)


def test_faust_broker_credentials(settings: Settings) -> None:
    import faust

    from agents.app import broker_credentials

    assert broker_credentials(settings) is None
    ssl_only = settings.model_copy(update={"kafka_security_protocol": "SSL"})
    assert isinstance(broker_credentials(ssl_only), faust.SSLCredentials)
    sasl = settings.model_copy(
        update={
            "kafka_sasl_mechanism": "PLAIN",
            "kafka_sasl_username": "u",
            "kafka_sasl_password": SecretStr("p4ss"),
        }
    )
    creds = broker_credentials(sasl)
    assert isinstance(creds, faust.SASLCredentials)
    assert "p4ss" not in repr(creds)


def test_dead_letter_truncates_large_payloads() -> None:
    big = ("ب" * (MAX_PAYLOAD_BYTES)).encode()
    dead = dead_letter(
        stage="parse",
        error_class="ItemError",
        error="too big",
        payload=big,
        origin=Origin("t", 0, 1, b"\xff\xfe"),
    )
    assert dead.payload is not None and len(dead.payload.encode()) <= MAX_PAYLOAD_BYTES
    assert "truncated" in dead.error
    assert dead.key == "base64://4="


def test_item_key_is_the_id_or_a_hash() -> None:
    assert item_key(b'{"id": "a1", "body": "x"}', 1000) == b"a1"
    assert item_key(b'{"url": "http://e/1", "body": "x"}', 1000).startswith(b"url:")
    assert item_key(b'{"id": "a2"}', 1000) == b"a2"  # invalid, but it has an id
    assert item_key(b"garbage", 1000).startswith(b"invalid:")


def test_read_lines_skips_blank_lines() -> None:
    import io

    lines = list(read_lines(io.BytesIO(b'{"a":1}\r\n\n  \n{"b":2}')))
    assert lines == [(1, b'{"a":1}'), (4, b'{"b":2}')]


def test_render_message_parses_json_values() -> None:
    line = render_message(
        topic="t",
        partition=0,
        offset=3,
        key=b"k",
        value='{"x": "قره باغ"}'.encode(),
        headers={"schema-version": "1.0"},
        timestamp_ms=5,
    )
    assert json.loads(line)["value"] == {"x": "قره باغ"}
    assert "قره باغ" in line  # readable Arabic, not \\u escapes
    bad = render_message(
        topic="t", partition=0, offset=3, key=None, value=b"\xff", headers={}, timestamp_ms=None
    )
    assert json.loads(bad)["value"] == "\ufffd"


def _record(msg: str, **kv: object) -> logging.LogRecord:
    rec = logging.LogRecord("agents.process", logging.INFO, "f", 1, msg, (), None)
    rec.kv = kv
    return rec


def test_text_log_lines_have_key_values() -> None:
    line = TextFormatter().format(_record("enriched", topic="t", offset=4, article="a b"))
    assert line.endswith('enriched  topic=t offset=4 article="a b"')
    assert " INFO " in line


def test_json_log_lines() -> None:
    out = json.loads(JsonFormatter().format(_record("enriched", topic="t", offset=4)))
    assert out["msg"] == "enriched" and out["topic"] == "t" and out["offset"] == 4
    assert out["level"] == "INFO" and out["logger"] == "agents.process"


def test_metrics_rates_lag_and_dead_letters() -> None:
    now = [100.0]
    m = Metrics(clock=lambda: now[0])
    now[0] = 110.0
    m.count("enriched", 20)
    m.dead_letter("parse", "invalid_json")
    m.position("t.news.raw", 0, 41)
    snap = m.snapshot(lambda topic, partition: 50)
    assert snap["rates_per_second"]["enriched"] == 2.0
    assert snap["dead_letters"] == {"total": 1, "by_reason": {"parse:invalid_json": 1}}
    assert snap["consumer_lag"] == {"total": 8, "partitions": {"t.news.raw:0": 8}}


def test_metrics_rate_is_over_the_last_minute_only() -> None:
    now = [0.0]
    m = Metrics(clock=lambda: now[0])
    now[0] = 10.2
    m.count("enriched", 100)  # more than a minute before the look: not in the rate
    now[0] = 95.0
    for _ in range(30):  # many events in one second: one bucket
        m.count("enriched")
    now[0] = 100.0
    assert m.rate("enriched") == 30 / 60
    assert m.counts["enriched"] == 130
    assert len(m._events["enriched"]) == 1, "the old second is dropped as new ones come"


def test_hostile_lines_get_a_key_and_the_reason_the_service_will_give() -> None:
    from monitor.service.produce import classify

    # each of these used to raise out of `monitor produce` or to crash the worker
    assert classify(b'{"id": "s", "body": "\\ud800"}', 1000) == (b"s", "invalid_unicode")
    key, code = classify(b"[" * 100_000 + b"]" * 100_000, 1_000_000)
    assert key.startswith(b"invalid:") and code == "too_deep"
    key, code = classify(b'{"id": ' + b"7" * 5000 + b', "body": "x"}', 1000)
    assert key.startswith(b"invalid:") and code == "number_too_long"
    assert classify(b'{"id": "ok", "body": "x"}', 1000) == (b"ok", None)


def test_a_dead_letter_for_a_value_with_lone_surrogates_still_serializes() -> None:
    # The record must never fail on the value that brought it there.
    import base64

    from monitor.service.deadletter import Origin, dead_letter

    record = dead_letter(
        stage="process",
        error_class="ValueError",
        error="bad value '\ud800'",
        payload='{"body": "\ud800"}',  # a str holding a lone surrogate
        origin=Origin("t.news.raw", 0, 3, "key-\udcff"),
        item_id="id-\ud800",
    )
    data = json.loads(record.model_dump_json())
    assert data["error"] == "bad value '\\ud800'" and data["item_id"] == "id-\\ud800"
    assert data["key"] == "key-\\udcff" and data["payload"] is None
    assert base64.b64decode(data["payload_base64"]) == '{"body": "\ud800"}'.encode(
        "utf-8", "surrogatepass"
    )
