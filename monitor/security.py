"""TLS contexts and credentials for every client of Kafka and Elasticsearch.

The faust worker, `monitor produce`/`tail`, the feed poller's sink, the
Elasticsearch clients (`search`, `es setup`, the index agent) and `kibana import`
all take their TLS context and credentials from here, so a CA file, a verification
default or an auth scheme cannot differ between them.

Certificate and host name verification are on unless
MONITOR_TLS_INSECURE_SKIP_VERIFY is set, which is logged as a warning every
time a context is built. Secrets leave this module only as client arguments and
headers; `describe_*` give summaries that are safe to log.
"""

from __future__ import annotations

import base64
import logging
import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from monitor.settings import Settings

log = logging.getLogger(__name__)

#: Servers already warned about in this process (once is loud enough; every
#: client built would bury the log).
_warned: set[str] = set()

INSECURE_WARNING = (
    "TLS certificate and host name verification is OFF for {what} "
    "(MONITOR_TLS_INSECURE_SKIP_VERIFY=true): any server on the path can pose as it "
    "and read the credentials"
)


def tls_context(settings: Settings, cafile: Path | None, what: str) -> ssl.SSLContext:
    """A client context: the CA file's certificates (else the system's), TLS 1.2+,
    certificate and host name checked unless verification was switched off."""
    if cafile is not None and not Path(cafile).is_file():
        raise ValueError(f"{what}: CA file {cafile} does not exist")
    ctx = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if settings.tls_insecure_skip_verify:
        if what not in _warned:
            _warned.add(what)
            log.warning(INSECURE_WARNING.format(what=what))
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


# --- Kafka -------------------------------------------------------------------------


def kafka_uses_tls(settings: Settings) -> bool:
    return settings.kafka_security_protocol.upper() in ("SSL", "SASL_SSL")


def kafka_tls_context(settings: Settings) -> ssl.SSLContext | None:
    """The context for SSL and SASL_SSL listeners, None for plaintext ones."""
    if not kafka_uses_tls(settings):
        return None
    return tls_context(settings, settings.kafka_ssl_cafile, "Kafka")


def kafka_sasl(settings: Settings) -> dict[str, str]:
    """aiokafka's SASL keyword arguments (empty without a mechanism)."""
    if not settings.kafka_sasl_mechanism:
        return {}
    return {
        "sasl_mechanism": settings.kafka_sasl_mechanism.upper(),
        "sasl_plain_username": settings.kafka_sasl_username,
        "sasl_plain_password": settings.kafka_sasl_password.get_secret_value(),
    }


def describe_kafka_auth(settings: Settings) -> str:
    """E.g. `SASL_SSL SCRAM-SHA-512(monitor)`, without the password."""
    out = settings.kafka_security_protocol.upper()
    if settings.kafka_sasl_mechanism:
        out += f" {settings.kafka_sasl_mechanism.upper()}({settings.kafka_sasl_username})"
    return out


# --- Elasticsearch (and Kibana, which takes the same credentials) --------------------


def es_tls_context(settings: Settings, url: str) -> ssl.SSLContext | None:
    """The context for an https:// URL, None for http://."""
    if urlsplit(url).scheme.lower() != "https":
        return None
    return tls_context(settings, settings.es_ca_certs, "Elasticsearch")


def es_client_tls(settings: Settings, url: str, *, asyncio: bool) -> dict[str, Any]:
    """TLS keyword arguments for the Elasticsearch clients.

    The async client (aiohttp) uses `es_tls_context` as given. The sync client's
    urllib3 node would override a given context's verification mode and add
    certifi's public roots to it, so it gets the same decisions as options
    instead: the CA file alone, verification on unless switched off (urllib3 then
    checks the host name, IP addresses included)."""
    ctx = es_tls_context(settings, url)
    if ctx is None:
        return {}
    if asyncio:
        return {"ssl_context": ctx}
    options: dict[str, Any] = {"verify_certs": not settings.tls_insecure_skip_verify}
    if settings.es_ca_certs is not None:
        options["ca_certs"] = str(settings.es_ca_certs)
    if settings.tls_insecure_skip_verify:
        options["ssl_show_warn"] = False  # tls_context logged the warning already
    return options


def es_auth(settings: Settings) -> dict[str, Any]:
    """The Elasticsearch client's credentials: the API key if set, else basic auth."""
    api_key = settings.es_api_key.get_secret_value()
    if api_key:
        return {"api_key": api_key}
    if settings.es_username:
        return {"basic_auth": (settings.es_username, settings.es_password.get_secret_value())}
    return {}


def es_auth_header(settings: Settings) -> dict[str, str]:
    """The same credentials as an HTTP `Authorization` header (Kibana's API)."""
    api_key = settings.es_api_key.get_secret_value()
    if api_key:
        return {"Authorization": f"ApiKey {api_key}"}
    if settings.es_username:
        pair = f"{settings.es_username}:{settings.es_password.get_secret_value()}"
        return {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}
    return {}


_MASK = "**********"


def redact_url(url: str) -> str:
    """The URL without a `user:password@` part, safe to print."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def mask_url_password(value: str) -> str:
    """`value` with the password of any URL in it masked: a URL setting such as
    MONITOR_ES_URL may carry credentials (https://user:secret@host:9200)."""
    parts = []
    for item in value.split(","):  # a list of URLs (several brokers or nodes)
        try:
            url = urlsplit(item.strip())
            password = url.password
        except ValueError:
            password = None
        if not password:
            parts.append(item)
            continue
        host = url.netloc.rsplit("@", 1)[1]
        user = url.username or ""
        parts.append(urlunsplit(url._replace(netloc=f"{user}:{_MASK}@{host}")))
    return ",".join(parts)


def describe_es_auth(settings: Settings) -> str:
    if settings.es_api_key.get_secret_value():
        return "api_key"
    if settings.es_username:
        return f"basic({settings.es_username})"
    return "none"
