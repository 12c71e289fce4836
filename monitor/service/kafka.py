"""Kafka connection settings, message headers and topic creation (aiokafka).

Used by the faust app, `monitor produce`/`tail`, the demo and the tests, so the
broker address, credentials and topic layout are decided in one place.
"""

from __future__ import annotations

import logging
import ssl
from typing import Any

from monitor import security
from monitor.service.names import PREPARED_PARTITIONS, TopicNames
from monitor.settings import Settings
from schemas.base import SCHEMA_VERSION

log = logging.getLogger(__name__)

DEFAULT_BOOTSTRAP = "127.0.0.1:9092"

#: Largest message value the service sends: Kafka's default limits (broker
#: message.max.bytes, producer max.request.size) are 1 MiB including overhead.
MAX_MESSAGE_BYTES = 1_000_000

#: Header names every message carries.
HEADER_SCHEMA_VERSION = "schema-version"
HEADER_MESSAGE_TYPE = "message-type"
HEADER_CONTENT_TYPE = "content-type"
HEADER_PRODUCED_AT = "produced-at"


def headers(message_type: str, **extra: str) -> list[tuple[str, bytes]]:
    """The headers of one message: schema version, type, content type (+ extras)."""
    out = [
        (HEADER_SCHEMA_VERSION, SCHEMA_VERSION.encode()),
        (HEADER_MESSAGE_TYPE, message_type.encode()),
        (HEADER_CONTENT_TYPE, b"application/json"),
    ]
    out.extend((k, v.encode()) for k, v in extra.items())
    return out


def header_dict(raw: Any) -> dict[str, str]:
    """Headers from aiokafka (list of pairs) or faust (mapping) as a str dict."""
    if not raw:
        return {}
    pairs = raw.items() if hasattr(raw, "items") else raw
    out: dict[str, str] = {}
    for key, value in pairs:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        out[str(key)] = "" if value is None else str(value)
    return out


def resolve_bootstrap(settings: Settings) -> str:
    """MONITOR_KAFKA_BOOTSTRAP_SERVERS, else the loopback default. The local
    stack's broker is put into the settings by the command line
    (`monitor.cli.settings`), not looked up here: the service reads only its settings."""
    return settings.kafka_bootstrap_servers.strip() or DEFAULT_BOOTSTRAP


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for SSL and SASL_SSL (see monitor.security), else None."""
    return security.kafka_tls_context(settings)


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for aiokafka producers, consumers and the admin client.

    The password is only ever passed to aiokafka, never logged.
    """
    kwargs: dict[str, Any] = {
        "bootstrap_servers": resolve_bootstrap(settings),
        "security_protocol": settings.kafka_security_protocol.upper(),
    }
    ctx = ssl_context(settings)
    if ctx is not None:
        kwargs["ssl_context"] = ctx
    kwargs.update(security.kafka_sasl(settings))
    return kwargs


async def ensure_topics(settings: Settings, names: TopicNames | None = None) -> list[str]:
    """Create the project's topics that do not exist yet; returns those created.

    news.prepared gets one partition (see `names.PREPARED_PARTITIONS`), the
    others the configured partitions; all get the configured replication factor.
    Existing topics are left as they are: a news.raw made with one partition by
    an earlier version keeps working (its prepare stage then runs on one worker).
    An existing news.prepared with more partitions is refused with a message
    that says what to do, because the ordered stage's state would then be split.
    """
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    from monitor.service.access import check_kafka

    # A refused password, CA or protocol stops here in one line (AccessRefused)
    # instead of as aiokafka's "Unable to bootstrap" retried until a deadline.
    await check_kafka(settings)
    names = names or TopicNames.from_settings(settings)
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:
        # list_topics asks for all topics; asking for named ones (describe_topics)
        # would let the broker auto-create them with its default partition count.
        present = set(await admin.list_topics())
        missing = [name for name in names.all() if name not in present]
        if names.prepared in present:
            [prepared] = await admin.describe_topics([names.prepared])
            if len(prepared["partitions"]) != PREPARED_PARTITIONS:
                raise RuntimeError(
                    f"topic {names.prepared} has {len(prepared['partitions'])} partitions; "
                    "the ordered stage needs exactly 1 (dedup and alert state follow one "
                    "stream order). Recreate it with 1 partition or use another "
                    "MONITOR_TOPIC_PREFIX"
                )
        if missing:
            new = [
                NewTopic(
                    name=name,
                    num_partitions=names.partitions(name, settings.topic_partitions),
                    replication_factor=settings.topic_replication,
                )
                for name in missing
            ]
            resp = await admin.create_topics(new)
            for name, code, *_ in getattr(resp, "topic_errors", []):
                if code not in (0, 36):  # 36: TOPIC_ALREADY_EXISTS (a racing creator)
                    raise RuntimeError(f"cannot create topic {name}: error code {code}")
            log.info("topics created", extra={"kv": {"topics": ",".join(missing)}})
        return missing
    finally:
        await admin.close()


async def delete_topics(settings: Settings, topics: list[str]) -> None:
    """Delete topics (tests and benchmarks clean up after themselves)."""
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:
        await admin.delete_topics(topics)
    finally:
        await admin.close()


async def delete_prefixed_topics(settings: Settings) -> list[str]:
    """Delete every topic that starts with the settings' topic prefix (a test's
    or a benchmark's private namespace); returns what was deleted."""
    if not settings.topic_prefix:
        raise ValueError("refusing to delete topics without a topic prefix: that is all of them")
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:
        mine = [t for t in await admin.list_topics() if t.startswith(settings.topic_prefix)]
        if mine:
            await admin.delete_topics(mine)
        return mine
    finally:
        await admin.close()
