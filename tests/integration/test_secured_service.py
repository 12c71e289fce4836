"""The seed's end-to-end run over secured connections: Kafka over SASL_SSL (SCRAM-SHA-512,
then PLAIN) and Elasticsearch over TLS (basic auth, then an API key), every credential
read from a `*_FILE`, the worker a `monitor run` child. No secret reaches its log."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from monitor.settings import Settings
from tests.integration.conftest import start_workers
from tests.integration.helpers import read
from tests.integration.secured_stack import SecuredStack
from tests.integration.seed_flow import check_seed_and_republished_copy

pytestmark = pytest.mark.integration


def _proxied(secured: SecuredStack) -> list[str]:
    return (secured.es.root / "access.log").read_text().splitlines()


@pytest.mark.parametrize(
    ("mechanism", "es_auth"), [("SCRAM-SHA-512", "basic"), ("PLAIN", "api_key")]
)
def test_seed_over_sasl_ssl_and_tls(
    secured_stack: SecuredStack,
    service: Settings,
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    mechanism: str,
    es_auth: str,
) -> None:
    settings = secured_stack.settings(service, kafka=mechanism, es=es_auth)
    before = len(_proxied(secured_stack))
    start, stop_all = start_workers(settings, tmp_path)
    try:
        check_seed_and_republished_copy(settings, start)
    finally:
        stop_all()

    logs = "".join(p.read_text() for p in sorted(tmp_path.glob("worker-*.log")))
    user = settings.kafka_sasl_username
    assert f"SASL_SSL {mechanism}({user})" in logs  # the worker said how it connected
    assert f"url=https://{secured_stack.es.url.split('//')[1]}" in logs
    # Elasticsearch was reached through the proxy, authenticated as configured: nginx
    # logs the basic-auth user, and "-" for a request an API key let through.
    requests = _proxied(secured_stack)[before:]
    assert any("/_bulk" in r for r in requests) and all('" 401 ' not in r for r in requests)
    who = secured_stack.es.username if es_auth == "basic" else "-"
    assert all(r.split()[2] == who for r in requests)
    out, err = capfd.readouterr()
    for secret in secured_stack.secrets():
        assert secret not in logs + out + err


def test_feed_sink_over_sasl_ssl(secured_stack: SecuredStack, service: Settings) -> None:
    # The feed poller's sink creates its topics and produces through the same path.
    from monitor.feeds.sink import KafkaSink
    from monitor.service.names import TopicNames
    from schemas.news import NewsItem

    settings = secured_stack.settings(service, kafka="PLAIN")

    async def send() -> None:
        sink = KafkaSink(settings)
        await sink.start()
        try:
            await sink.send_many([NewsItem(id="feed-1", source="feed", body="هدنة في قره باغ")])
        finally:
            await sink.stop()

    asyncio.run(send())
    records = read(settings, [TopicNames.from_settings(settings).raw])
    assert [json.loads(r.value)["id"] for r in records] == ["feed-1"]
