"""Refusals by a server, told apart from absence, in one line each.

A broker that is still starting is worth waiting for; one that refuses our
password, our certificate authority or our plaintext is not: retrying would only
repeat the refusal (and, for SASL, count failed logins). aiokafka reports all of
them as "Unable to bootstrap" and logs the cause; elasticsearch-py raises
exceptions whose text may hold a whole HTML page. These checks connect once,
classify what went wrong and raise `AccessRefused` with a message that names
the server and what was refused, and never a secret.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from typing import Any

from monitor import security
from monitor.settings import Settings

#: Seconds one check may take; a refusal comes back well within it.
CHECK_TIMEOUT = 10.0


#: What Python's ssl module says when a certificate is not trusted, for the
#: clients that pass it on only as text (elastic-transport).
_VERIFY_FAILED = re.compile(r"certificate verify failed: ([^(\]'\"]+?)\s*(?:\(_ssl|'|\]|$)")

#: urllib3's own host name check (the sync client).
_NAME_MISMATCH = re.compile(r"hostname '[^']*' doesn't match '[^']*'")


class AccessRefused(RuntimeError):
    """The server answered and refused this client: not worth retrying."""


def _first_broker(settings: Settings) -> tuple[str, int]:
    from monitor.service.kafka import resolve_bootstrap

    first = resolve_bootstrap(settings).split(",")[0].strip()
    host, _, port = first.rpartition(":")
    return host or "127.0.0.1", int(port)


def _tls_reason(exc: ssl.SSLError) -> str:
    reason = getattr(exc, "verify_message", None) or exc.reason or str(exc)
    return str(reason)


def kafka_refusal(exc: BaseException, settings: Settings, where: str) -> AccessRefused | None:
    """The refusal `exc` stands for, or None when the broker may just be away."""
    from aiokafka.errors import (
        AuthenticationFailedError,
        KafkaConnectionError,
        SaslAuthenticationFailed,
        UnsupportedSaslMechanismError,
    )

    auth = security.describe_kafka_auth(settings)
    ca = settings.kafka_ssl_cafile or "the system's CAs"
    if isinstance(exc, SaslAuthenticationFailed | AuthenticationFailedError):
        return AccessRefused(
            f"Kafka at {where} refused the credentials of {auth}: authentication failed "
            "(check MONITOR_KAFKA_SASL_USERNAME and the password)"
        )
    if isinstance(exc, UnsupportedSaslMechanismError):
        return AccessRefused(
            f"Kafka at {where} does not accept the SASL mechanism "
            f"{settings.kafka_sasl_mechanism.upper()} on this listener "
            "(check MONITOR_KAFKA_SASL_MECHANISM)"
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return AccessRefused(
            f"Kafka at {where}: its TLS certificate was refused ({_tls_reason(exc)}; "
            f"trusted: {ca}); check MONITOR_KAFKA_SSL_CAFILE"
        )
    if isinstance(exc, ssl.SSLError):
        return AccessRefused(
            f"Kafka at {where}: the TLS handshake failed ({_tls_reason(exc)}); "
            "is this a TLS listener? (MONITOR_KAFKA_SECURITY_PROTOCOL="
            f"{settings.kafka_security_protocol.upper()})"
        )
    closed = isinstance(exc, ConnectionResetError | asyncio.IncompleteReadError) or (
        isinstance(exc, KafkaConnectionError) and "closed" in str(exc)
    )
    if closed and security.kafka_uses_tls(settings):
        return AccessRefused(
            f"Kafka at {where} closed the connection during the TLS handshake: is this a "
            "plaintext listener? (MONITOR_KAFKA_SECURITY_PROTOCOL="
            f"{settings.kafka_security_protocol.upper()})"
        )
    if closed:
        return AccessRefused(
            f"Kafka at {where} closed the connection on a plaintext request: the listener "
            "probably expects TLS (set MONITOR_KAFKA_SECURITY_PROTOCOL, e.g. SASL_SSL)"
        )
    return None


async def check_kafka(settings: Settings, timeout: float = CHECK_TIMEOUT) -> None:
    """Connect to the first bootstrap broker (TLS, SASL) and ask for metadata.

    Raises `AccessRefused` for a refusal; returns quietly when the broker answers
    or is merely unreachable (callers wait for that one as they always did).
    """
    from aiokafka.conn import create_conn
    from aiokafka.protocol.metadata import MetadataRequest

    host, port = _first_broker(settings)
    where = f"{host}:{port}"
    conn: Any = None
    try:
        conn = await asyncio.wait_for(
            create_conn(
                host,
                port,
                client_id="karabakh-monitor-check",
                request_timeout_ms=int(timeout * 1000),
                ssl_context=security.kafka_tls_context(settings),
                security_protocol=settings.kafka_security_protocol.upper(),
                **security.kafka_sasl(settings),
            ),
            timeout,
        )
        await asyncio.wait_for(conn.send(MetadataRequest[0]([])), timeout)
    except Exception as exc:  # noqa: BLE001 - classified below; the rest is "away"
        refusal = kafka_refusal(exc, settings, where)
        if refusal is not None:
            raise refusal from None
    finally:
        if conn is not None:
            conn.close()


def es_refusal(exc: BaseException, settings: Settings) -> AccessRefused | None:
    """The refusal an elasticsearch-py exception stands for, or None."""
    from elastic_transport import TlsError
    from elasticsearch import ApiError, AuthenticationException, AuthorizationException

    from monitor.es.client import resolve_es_url

    url = security.redact_url(resolve_es_url(settings))
    auth = security.describe_es_auth(settings)
    ca = settings.es_ca_certs or "the system's CAs"
    if isinstance(exc, AuthenticationException):
        return AccessRefused(
            f"Elasticsearch at {url} refused the credentials ({auth}): HTTP 401 "
            "(check MONITOR_ES_USERNAME and the password, or the API key)"
        )
    if isinstance(exc, AuthorizationException):
        return AccessRefused(
            f"Elasticsearch at {url} refused the request for {auth}: HTTP 403, the user lacks "
            "a privilege (see the README's Elasticsearch role)"
        )
    if isinstance(exc, TlsError):
        text = str(getattr(exc, "message", "") or exc)
        match = _VERIFY_FAILED.search(text)
        mismatch = _NAME_MISMATCH.search(text)
        reason = match.group(1) if match else mismatch and f"host name mismatch: {mismatch[0]}"
        if reason:
            return AccessRefused(
                f"Elasticsearch at {url}: its TLS certificate was refused ({reason}; "
                f"trusted: {ca}); check MONITOR_ES_CA_CERTS"
            )
        return AccessRefused(
            f"Elasticsearch at {url}: the TLS handshake failed ({text[:160]}); is this a TLS port?"
        )
    if isinstance(exc, ApiError) and exc.status_code == 400 and "HTTPS port" in str(exc.body):
        return AccessRefused(
            f"Elasticsearch at {url} refused a plain HTTP request: the port expects TLS "
            "(use an https:// MONITOR_ES_URL)"
        )
    return None


async def check_elasticsearch(settings: Settings, timeout: float = CHECK_TIMEOUT) -> None:
    """One cluster health request; `AccessRefused` for a refusal, else quiet."""
    from monitor.es.client import make_async_client

    client = make_async_client(settings)
    try:
        quick = client.options(request_timeout=timeout, max_retries=0)
        await asyncio.wait_for(quick.cluster.health(), timeout + 1)
    except Exception as exc:  # noqa: BLE001 - classified; the rest is "away"
        refusal = es_refusal(exc, settings)
        if refusal is not None:
            raise refusal from None
    finally:
        await client.close()
